"""One headless Chromium that draws plotly figures (SVG, PNG) and prints HTML pages to PDF.

Why this path. The figures are drawn by plotly.js in a page of Debian's Chromium, driven through Playwright.
PDF pages are HTML documents with each chart as *inline* SVG, printed with Chromium's own PDF backend: text
laid out in the document keeps its code points, so a PDF's text maps (ToUnicode) are right — 目标 reads back
as 目标. A chart printed as an SVG *image* (what kaleido does) loses them: Skia then guesses each glyph's
character from the font, and Noto Sans CJK shares glyphs between ideographs and Kangxi radicals (目 → ⽬).

One figure is plotted once: its SVG is rasterised for the PNG in the same page, and the same SVG goes inline
into the PDF page. Many figures are drawn concurrently in one page (`draw`).

Playwright objects belong to the thread that made them, so the browser lives in one worker thread and every
call is a job on its queue: any thread may call `draw` or `pdf` (Streamlit runs each visitor in its own
thread), and jobs never interleave inside the browser. A browser that dies is started again on the next job.
"""

from __future__ import annotations

import atexit
import base64
import os
import queue
import threading
import urllib.parse
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
_DRAW_JS = """async ({specs, scale}) => Promise.all(specs.map(async (s) => {
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
}))"""


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
    """The browser and its two pages, used only from the worker thread."""

    def __init__(self, path: Path, timeout_ms: float):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(executable_path=str(path), headless=True, args=LAUNCH_ARGS)
        except BaseException:
            self._pw.stop()
            raise
        self.timeout_ms = timeout_ms
        self.js = _plotly_js()
        self.figure_page: Any = None
        self.print_page: Any = None
        self.drawn = 0

    def _fresh_figure_page(self):
        if self.figure_page is not None:
            self.figure_page.close()
        page = self.browser.new_page()
        page.set_default_timeout(self.timeout_ms)
        page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
        page.add_script_tag(content=self.js)
        self.figure_page, self.drawn = page, 0
        return page

    def draw(self, specs: Sequence[dict], scale: float | None) -> list[Drawn]:
        page = self.figure_page
        if page is None or self.drawn >= RELOAD_EVERY:
            page = self._fresh_figure_page()
        self.drawn += len(specs)
        out = page.evaluate(_DRAW_JS, {"specs": list(specs), "scale": scale or 0})
        return [Drawn(svg, base64.b64decode(png) if png else None) for svg, png in out]

    def pdf(self, html: str, *, width: int, height: int, footer: str | None) -> bytes:
        if self.print_page is None:
            self.print_page = self.browser.new_page()
            self.print_page.set_default_timeout(self.timeout_ms)
        page = self.print_page
        page.set_content(html, wait_until="load")
        options: dict[str, Any] = dict(width=f"{width}px", height=f"{height}px", print_background=True,
                                       outline=True, tagged=True, prefer_css_page_size=True)
        if footer is not None:
            options.update(display_header_footer=True, header_template="<span></span>", footer_template=footer)
        data = page.pdf(**options)
        page.set_content("<!doctype html><html><body></body></html>")  # let the document's memory go
        return data

    @property
    def alive(self) -> bool:
        return self.browser.is_connected()

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            self._pw.stop()


class Renderer:
    """One Chromium for many figures and PDFs. Thread-safe; use as a context manager or `start()`/`close()`."""

    def __init__(self, browser: str | os.PathLike | None = None, timeout: float = 120):
        self.browser = browser
        self.timeout = timeout
        self.images = 0  # figures drawn, for benchmarks
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._started: Future | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> Renderer:
        """Start the worker and its browser; raises ExportError at once if the browser cannot start."""
        with self._lock:
            if not self.running:
                path = browser_path(self.browser)
                self._started = Future()
                self._thread = threading.Thread(target=self._work, args=(path, self._started),
                                                name="export-renderer", daemon=True)
                self._thread.start()
            started = self._started
        try:
            if started is not None:
                started.result(self.timeout)
        except Exception as exc:
            raise ExportError(f"could not start Chromium for static export: {exc}") from exc
        return self

    def close(self) -> None:
        with self._lock:
            thread = self._thread
            self._thread = None
        if thread is not None and thread.is_alive():
            self._jobs.put(None)
            thread.join(30)

    def __enter__(self) -> Renderer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def _work(self, path: Path, started: Future) -> None:
        browser: _Browser | None = None
        try:
            browser = _Browser(path, self.timeout * 1000)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of start()
            started.set_exception(exc)
            return
        started.set_result(None)
        try:
            while (job := self._jobs.get()) is not None:
                run, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    if not browser.alive:
                        browser.close()
                        browser = _Browser(path, self.timeout * 1000)
                    future.set_result(run(browser))
                except BaseException as exc:  # noqa: BLE001 - every failure goes back to its caller
                    future.set_exception(exc)
        finally:
            try:
                browser.close()
            except Exception:  # noqa: BLE001 - a browser that already died need not close cleanly
                pass

    def _submit(self, run: Callable[[_Browser], Any]) -> Future:
        if not self.running:
            self.start()
        future: Future = Future()
        self._jobs.put((run, future))
        return future

    def _result(self, future: Future) -> Any:
        try:
            return future.result(self.timeout + 10)
        except ExportError:
            raise
        except Exception as exc:
            raise ExportError(f"Chromium could not draw the export: {exc}") from exc

    def submit_draw(self, specs: Sequence[dict], *, png_scale: float | None = None) -> Future:
        """Queue figures (plotly figure dicts with layout width and height set); the future gives `list[Drawn]`."""
        specs = list(specs)
        self.images += len(specs)
        return self._submit(lambda b: b.draw(specs, png_scale))

    def draw(self, specs: Sequence[dict], *, png_scale: float | None = None) -> list[Drawn]:
        return self._result(self.submit_draw(specs, png_scale=png_scale))

    def submit_pdf(self, html: str, *, width: int, height: int, footer: str | None = None) -> Future:
        """Queue an HTML document to print; `footer` is Chromium's footer template (pageNumber, totalPages)."""
        return self._submit(lambda b: b.pdf(html, width=width, height=height, footer=footer))

    def pdf(self, html: str, *, width: int, height: int, footer: str | None = None) -> bytes:
        return self._result(self.submit_pdf(html, width=width, height=height, footer=footer))

    def result(self, future: Future) -> Any:
        """A submitted job's result, with the renderer's time limit and its error type."""
        return self._result(future)


def svg_data_url(svg: str) -> str:
    return "data:image/svg+xml;charset=utf-8," + urllib.parse.quote(svg)


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
