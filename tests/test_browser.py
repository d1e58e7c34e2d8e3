"""The served dashboard in headless Chromium: `python -m dashboard serve`, then real page loads.

Screenshots go to tests/artifacts/ (gitignored). Needs /usr/bin/chromium and the playwright package;
never `playwright install` (see docs in /work/shared/notes/stack.md).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHART = '[data-testid="stPlotlyChart"] .main-svg'
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: install Debian's chromium "
                       "(scripts/setup.sh does) to run the browser tests"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=1) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not become healthy in time")


@pytest.fixture(scope="module")
def server():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PLAN_TRACKER_DATA"}
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port), "--address", "127.0.0.1"],
                            cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        wait_healthy(base, proc)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)  # serve passes it on to streamlit
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the session this test started, nothing else
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def open_page(page, url: str, name: str, chart: bool = True):
    page.goto(url)
    page.wait_for_selector(CHART if chart else '[data-testid="stDataFrame"]', state="visible", timeout=30_000)
    # the script has finished (no running indicator) and the last deltas have landed
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    return page.locator("body").inner_text()


def test_overview(server, page):
    text = open_page(page, server + "/", "overview-zh")
    assert "规划目标实现情况" in text and "城镇登记失业率" in text and "建成区绿地率" in text
    assert "克拉玛依市" in text and "塔城地区" in text  # what the figures can and cannot say


@pytest.mark.parametrize(("goal", "name"), [("green-space-rate", "建成区绿地率"), ("unemployment-rate", "城镇登记失业率"),
                                            ("gdp-2010", "地区生产总值")])
def test_goal_pages(server, page, goal, name):
    text = open_page(page, f"{server}/goal?goal={goal}", f"goal-{goal}-zh")
    assert page.locator("h1").first.inner_text() == name
    assert name in text and "规划原文" in text
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 1


def test_table(server, page, real):
    n = len(real[0].goals)
    text = open_page(page, server + "/goals", "table-zh", chart=False)
    assert "目标一览" in text
    assert f"显示{n}项，共{n}项" in text  # the grid itself is drawn on a canvas; its row count is in the caption


def test_english_and_phone_width(server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    try:
        text = open_page(pg, f"{server}/goal?goal=green-space-rate&lang=en", "goal-green-space-rate-en-phone")
        assert "Green-space rate of the built-up area" in text
        assert "lang=en" in pg.url
    finally:
        ctx.close()


def test_chinese_is_drawn_with_a_cjk_font(server, page):
    """DOM text passes even when every character is a box; compare pixels (stack.md)."""
    page.goto(server + "/")
    page.wait_for_selector(CHART, state="visible", timeout=30_000)
    distinct = page.evaluate("""() => {
        const font = getComputedStyle(document.querySelector('h1')).fontFamily;
        const draw = (s) => { const c = document.createElement('canvas'); c.width = 200; c.height = 40;
            const x = c.getContext('2d'); x.font = '24px ' + font; x.fillText(s, 4, 30); return c.toDataURL(); };
        const a = draw('绿地率'), b = draw('失业率'), box = draw('\\ue000\\ue000\\ue000');
        return [a !== b, a !== box, b !== box, font];
    }""")
    assert distinct[:3] == [True, True, True], distinct
    assert "Noto Sans CJK SC" in distinct[3]


def test_goal_chart_downloads_as_png_for_a_visitor(server, browser, tmp_path):
    """The download button on a goal page gives the visitor a slide-size PNG made on the server."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(server + "/goal?goal=urban-income-2010")
        pg.wait_for_selector(CHART, timeout=30000)
        button = pg.locator('[data-testid="stDownloadButton"] button', has_text="PNG")
        with pg.expect_download(timeout=60000) as info:
            button.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        assert path.name == "urban-income-2010.png"
        from PIL import Image

        with Image.open(path) as img:
            assert img.size == (1920, 1080)  # a full-HD slide (present/export/layout.py)
            assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20  # not blank
    finally:
        context.close()
