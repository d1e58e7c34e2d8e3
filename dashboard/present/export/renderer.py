"""One headless Chromium that draws plotly figures (SVG, PNG) and prints HTML pages to PDF.

Why this path. The figures are drawn by plotly.js in a page of Debian's Chromium, driven through Playwright.
PDF pages are HTML documents with each chart as *inline* SVG, printed with Chromium's own PDF backend: text
laid out in the document keeps its code points, so a PDF's text maps (ToUnicode) are right — 目标 reads back
as 目标. A chart printed as an SVG *image* (what kaleido does) loses them: Skia then guesses each glyph's
character from the font, and Noto Sans CJK shares glyphs between ideographs and Kangxi radicals (目 → ⽬).

One figure is plotted once: its SVG is rasterised for the PNG in the same page, and the same SVG goes inline
into the PDF page. Many figures are drawn concurrently in one page (`draw`).

Playwright objects belong to the thread that made them, so the browser lives in one worker thread running an
event loop, and every call is a job handed to it: any thread may call `draw` or `pdf` (Streamlit runs each
visitor in its own thread). Jobs run side by side in separate pages ("lanes"), in order within a lane. A
browser that dies is started again on the next job.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import json
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.present.export.errors import ExportError

DEFAULT_BROWSER = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
#: Figures the page draws before it is loaded afresh (plotly.js keeps a little state per plot).
RELOAD_EVERY = 400

# Each spec is plotted once (Plotly.toImage makes and purges its own hidden plot); the PNG is the same SVG
# drawn on a canvas at `scale`, so the PNG and SVG can never disagree.
_DRAW_JS = """async (job) => { const {specs, scale} = JSON.parse(job); return Promise.all(specs.map(async (s) => {
  const w = s.layout.width, h = s.layout.height;
  const url = await Plotly.toImage({data: s.data, layout: s.layout, config: {mathjax: false}},
                                   {format: 'svg', width: w, height: h});
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  if (!scale) return [svg, null];
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale); canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const png = canvas.toDataURL('image/png');
  return [svg, png.slice(png.indexOf(',') + 1)];
})); }"""


@dataclass(frozen=True)
class Drawn:
    """One figure drawn: its SVG text and, when asked for, its PNG bytes."""

    svg: str
    png: bytes | None = None


def browser_path(path: str | os.PathLike | None = None) -> Path:
    """The Chromium to drive: `path`, else $BROWSER_PATH, else /usr/bin/chromium. Never downloaded."""
    p = Path(path or os.environ.get("BROWSER_PATH") or DEFAULT_BROWSER)
    if not (p.is_file() and os.access(p, os.X_OK)):
        raise ExportError(
            f"Chromium not found at {p}: static export (PNG, SVG, PDF) needs it. Run scripts/setup.sh, which "
            "installs the Debian package `chromium` (never `playwright install`: it downloads a browser)."
        )
    return p


def _plotly_js() -> str:
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


class _Browser:
    """The browser and its pages (one per lane), used only from the worker thread's event loop."""

    def __init__(self, pw, browser, timeout_ms: float):
        self.pw, self.browser, self.timeout_ms = pw, browser, timeout_ms
        self.js = _plotly_js()
        self.pages: dict[str, Any] = {}
        self.locks: dict[str, asyncio.Lock] = {}
        self.drawn: dict[str, int] = {}

    @classmethod
    async def open(cls, path: Path, timeout_ms: float) -> _Browser:
        from playwright.async_api import async_playwright

        pw = await async_playwright().start()
        try:
            browser = await pw.chromium.launch(executable_path=str(path), headless=True, args=LAUNCH_ARGS)
        except BaseException:
            await pw.stop()
            raise
        return cls(pw, browser, timeout_ms)

    def lock(self, lane: str) -> asyncio.Lock:
        return self.locks.setdefault(lane, asyncio.Lock())

    async def _page(self, lane: str, plotly: bool) -> Any:
        page = self.pages.get(lane)
        if page is not None and (not plotly or self.drawn.get(lane, 0) < RELOAD_EVERY):
            return page
        if page is not None:
            await page.close()
        page = await self.browser.new_page()
        page.set_default_timeout(self.timeout_ms)
        if plotly:
            await page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
            await page.add_script_tag(content=self.js)
        self.pages[lane], self.drawn[lane] = page, 0
        return page

    async def draw(self, specs: Sequence[dict], scale: float | None, lane: str) -> list[Drawn]:
        async with self.lock(lane):
            page = await self._page(lane, plotly=True)
            self.drawn[lane] += len(specs)
            # one JSON string, not a nested argument: Playwright serialises arguments value by value, in Python
            out = await page.evaluate(_DRAW_JS, json.dumps({"specs": list(specs), "scale": scale or 0}))
        return [Drawn(svg, base64.b64decode(png) if png else None) for svg, png in out]

    async def pdf(self, html: str, *, width: int, height: int, footer: str | None) -> bytes:
        async with self.lock("print"):
            page = await self._page("print", plotly=False)
            await page.set_content(html, wait_until="load")
            options: dict[str, Any] = dict(width=f"{width}px", height=f"{height}px", print_background=True,
                                           outline=True, tagged=True, prefer_css_page_size=True)
            if footer is not None:
                options.update(display_header_footer=True, header_template="<span></span>", footer_template=footer)
            data = await page.pdf(**options)
            await page.set_content("<!doctype html><html><body></body></html>")  # let the document's memory go
            return data

    @property
    def alive(self) -> bool:
        return self.browser.is_connected()

    async def close(self) -> None:
        try:
            await self.browser.close()
        finally:
            await self.pw.stop()


class Renderer:
    """One Chromium for many figures and PDFs. Thread-safe; use as a context manager or `start()`/`close()`.

    Work runs in *lanes*: each lane is a page of its own, and lanes run side by side (Chromium gives each page
    its own process), so a pack can draw its slides in one lane while another draws the PDF's charts and a
    third prints. Within a lane, jobs run in the order they came."""

    def __init__(self, browser: str | os.PathLike | None = None, timeout: float = 120):
        self.browser = browser
        self.timeout = timeout
        self.images = 0  # figures drawn, for benchmarks
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._browser: _Browser | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._browser is not None

    def start(self) -> Renderer:
        """Start the worker and its browser; raises ExportError at once if the browser cannot start."""
        with self._lock:
            if self.running:
                return self
            path = browser_path(self.browser)
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="export-renderer", daemon=True)
            thread.start()
            try:
                self._browser = asyncio.run_coroutine_threadsafe(
                    _Browser.open(path, self.timeout * 1000), loop).result(self.timeout)
            except BaseException as exc:
                loop.call_soon_threadsafe(loop.stop)
                thread.join(5)
                raise ExportError(f"could not start Chromium at {path} for static export: {exc}") from exc
            self._loop, self._thread = loop, thread
            return self

    def close(self) -> None:
        with self._lock:
            loop, thread, browser = self._loop, self._thread, self._browser
            self._loop = self._thread = self._browser = None
        if loop is None:
            return
        try:
            if browser is not None:
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(30)
        except Exception:  # noqa: BLE001 - a browser that already died need not close cleanly
            pass
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                thread.join(10)
            if not loop.is_running():
                loop.close()

    def __enter__(self) -> Renderer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def _submit(self, job: Callable[[_Browser], Any]) -> Future:
        if not self.running:
            self.start()
        elif self._browser is not None and not self._browser.alive:  # the browser died: start a new one
            self.close()
            self.start()
        assert self._loop is not None and self._browser is not None
        return asyncio.run_coroutine_threadsafe(job(self._browser), self._loop)

    def result(self, future: Future) -> Any:
        """A submitted job's result, with the renderer's time limit and its error type."""
        try:
            return future.result(self.timeout + 10)
        except ExportError:
            raise
        except Exception as exc:
            raise ExportError(f"Chromium could not draw the export: {exc}") from exc

    def submit_draw(self, specs: Sequence[dict], *, png_scale: float | None = None, lane: str = "main") -> Future:
        """Queue figures (plotly figure dicts with layout width and height set) in `lane`; the future gives
        `list[Drawn]`."""
        specs = list(specs)
        self.images += len(specs)
        return self._submit(lambda b: b.draw(specs, png_scale, lane))

    def draw(self, specs: Sequence[dict], *, png_scale: float | None = None, lane: str = "main") -> list[Drawn]:
        return self.result(self.submit_draw(specs, png_scale=png_scale, lane=lane))

    def submit_pdf(self, html: str, *, width: int, height: int, footer: str | None = None) -> Future:
        """Queue an HTML document to print; `footer` is Chromium's footer template (pageNumber, totalPages)."""
        return self._submit(lambda b: b.pdf(html, width=width, height=height, footer=footer))

    def pdf(self, html: str, *, width: int, height: int, footer: str | None = None) -> bytes:
        return self.result(self.submit_pdf(html, width=width, height=height, footer=footer))


_shared: Renderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> Renderer:
    """A process-wide renderer (the dashboard's), started on first use and again if its worker has stopped."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Renderer()
            atexit.register(_shared.close)
        renderer = _shared
    return renderer.start()
