"""What the browser tests share: Debian's Chromium and how it is launched, a free loopback port in a test file's
own range, the dashboard served in a process of its own, and a plain static file server.

Each test file keeps its own port range so that files running side by side (pytest-xdist) do not meet. Never
`playwright install`: the browser is /usr/bin/chromium (scripts/setup.sh installs it).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHART = '[data-testid="stPlotlyChart"] .main-svg'
#: The variables that would point the served app at other data or open its editor.
APP_ENV = ("PLAN_TRACKER_DATA", "PLAN_TRACKER_EDITOR", "PLAN_TRACKER_EDITOR_PASSWORD", "PLAN_TRACKER_EDITOR_PASSWORD_HASH")

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason=f"{CHROMIUM} is absent: scripts/setup.sh installs Debian's chromium")


def free_port(ports: range) -> int:
    """The first port of `ports` free on loopback, else any free port."""
    for port in [*ports, 0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port on 127.0.0.1")


def launch(playwright):
    """Headless Chromium from Debian, with nothing fetched in the background."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


@contextmanager
def open_chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()


def _tail(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", "replace")[-2000:]


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 60, log=None) -> None:
    """Until Streamlit answers its health check; a server that exits or never answers fails with its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}" + (f":\n{_tail(log)}" if log else ""))
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=1) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in {timeout:.0f} s" + (f":\n{_tail(log)}" if log else ""))


def _stop(proc: subprocess.Popen, timeout: float = 15) -> None:
    proc.send_signal(signal.SIGTERM)  # `serve` passes it on to streamlit
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the session this test started, nothing else
        proc.wait()


@contextmanager
def serve_app(ports: range, *, data: Path | None = None, sources: Path | None = None,
              editor: bool = False, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`python -m dashboard serve` on loopback (the project's data unless `data`/`sources` are given; `extra_env`
    added to its environment); yields the base address."""
    port = free_port(ports)
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in APP_ENV} | (extra_env or {})
    where = [*(["--data", str(data)] if data else []), *(["--sources", str(sources)] if sources else [])]
    cmd = [sys.executable, "-m", "dashboard", *where, "serve", "--port", str(port), "--address", "127.0.0.1",
           *(["--editor"] if editor else [])]
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a pipe nobody reads would stall the server
        proc = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=True)
        try:
            wait_healthy(base, proc, log=log)
            yield base
        finally:
            _stop(proc)


@contextmanager
def serve_static(folder: Path, ports: range) -> Iterator[str]:
    """`folder` behind Python's plain static file server on loopback; yields the base address (with a slash)."""
    port = free_port(ports)
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                             str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None:
                raise RuntimeError(f"the static server exited with {proc.returncode}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(10)


#: Pairs of text elements whose boxes overlap (headings, paragraphs, list items, quotes, captions, charts), each
#: named by its tag and first words. An element and one inside it are not a pair; hidden and empty ones are left out.
#: Streamlit's and the site's charts count as one box each (their own labels are plotly's to place).
OVERLAPPING_TEXT = """() => {
  const sel = 'h1,h2,h3,h4,p,li,dt,dd,blockquote,figcaption,caption,.chart,[data-testid="stPlotlyChart"],'
            + '[data-testid="stCaptionContainer"],.downloads,.cite';
  const els = Array.from(document.querySelectorAll(sel)).filter(e => {
    if (e.closest('.chart,[data-testid="stPlotlyChart"]') && !e.matches('.chart,[data-testid="stPlotlyChart"]')) return false;
    if (e.closest('[hidden],[aria-hidden="true"],details:not([open]) > :not(summary),.visually-hidden,.skip')) return false;
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.display === 'none' || s.position === 'fixed') return false;
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && (e.matches('.chart,[data-testid="stPlotlyChart"]') || e.innerText.trim());
  });
  const box = e => {  // a chart: its box and its drawing together (a drawing taller than its box covers what follows)
    const r = e.getBoundingClientRect(), svg = e.querySelector('.main-svg');
    if (!svg) return r;
    const d = svg.getBoundingClientRect();
    return {left: Math.min(r.left, d.left), right: Math.max(r.right, d.right), top: Math.min(r.top, d.top),
            bottom: Math.max(r.bottom, d.bottom)};
  };
  const boxes = els.map(box);
  const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')
                  + ' "' + (e.innerText || '').trim().slice(0, 24) + '"';
  const out = [];
  for (let i = 0; i < els.length; i++) {
    for (let j = i + 1; j < els.length; j++) {
      if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) out.push(name(els[i]) + ' × ' + name(els[j]));
      if (out.length > 10) return out;
    }
  }
  return out;
}"""

#: A catalogue placeholder left unfilled anywhere in the page's text, charts included ("{tolerance}", "{within}").
PLACEHOLDERS = """() => Array.from(new Set((document.body.innerText.match(/\\{[a-z_][a-z_0-9]*\\}/g) || [])
  .concat(Array.from(document.querySelectorAll('svg text')).flatMap(t => t.textContent.match(/\\{[a-z_][a-z_0-9]*\\}/g) || []))))"""


def app_settled(page) -> None:
    """Wait until the Streamlit script has finished (no running indicator) and stays finished, as a person waits
    before the next click: while a run is going, the page still shows the last run's elements, and a page that
    writes its filters into the address runs once more just after."""
    running = page.locator('[data-testid="stStatusWidget"]')
    for _ in range(20):
        running.wait_for(state="detached", timeout=60_000)
        page.wait_for_timeout(500)
        if running.count() == 0:
            break


def copy_data(tmp: Path) -> tuple[Path, Path]:
    """The project's data and the shared sources in a folder of their own, for a test that writes (the editor),
    with the later plans' texts beside the sources, where `texts_dir` finds them."""
    from tests.conftest import SHARED_SOURCES

    root, sources = tmp / "data", tmp / "sources"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    shutil.copytree(SHARED_SOURCES, sources)
    texts = SHARED_SOURCES.parent / "texts"
    if texts.is_dir():
        shutil.copytree(texts, tmp / "texts")
    return root, sources
