"""The briefing pack from the browser: the served dashboard in headless Chromium, as a visitor would use it.

Starts `python -m dashboard serve` on a port of its own (8620–8629), makes a pack of the goals on track from the
overview, watches the progress bar count goals, and downloads the zip. Needs /usr/bin/chromium and playwright;
never `playwright install`.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from tests.browser import ARTIFACTS, CHART, needs_chromium, open_chromium, serve_app

PORTS = range(8620, 8630)

pytestmark = [pytest.mark.browser, needs_chromium]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def server():
    with serve_app(PORTS) as base:
        yield base


def goals_in_caption(page) -> int:
    page.wait_for_function("() => /本次\\d+项目标/.test(document.body.innerText)", timeout=30_000)
    return int(page.locator("body").inner_text().split("本次", 1)[1].split("项目标", 1)[0])


def only_on_track(page) -> None:
    """Keep the goals on track: remove the last status chosen (无可比数据) from the pack's list."""
    chooser = page.locator('[data-testid="stMultiSelect"]').filter(has_text="包含哪些状态的目标")
    chooser.locator("input").click()
    page.keyboard.press("Backspace")
    page.keyboard.press("Escape")


def test_the_pack_downloads_with_a_progress_bar_counting_goals(server, tmp_path):
    with open_chromium() as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(server + "/")
        page.wait_for_selector(CHART, timeout=60_000)
        make = page.get_by_role("button", name="生成简报包")
        make.scroll_into_view_if_needed()
        everything = goals_in_caption(page)
        only_on_track(page)
        page.wait_for_function(f"() => /本次\\d+项目标/.test(document.body.innerText) && "
                               f"!document.body.innerText.includes('本次{everything}项目标')", timeout=30_000)
        n = goals_in_caption(page)
        assert 0 < n < everything

        make.click()
        bar = page.locator('[data-testid="stProgress"]')
        bar.wait_for(timeout=30_000)
        seen = set()
        deadline = time.monotonic() + 180
        download = page.locator('[data-testid="stDownloadButton"] button', has_text="下载简报包")
        while not download.count() and time.monotonic() < deadline:
            try:  # the bar goes when the pack is ready: it may vanish between looking and reading
                text = bar.first.inner_text(timeout=2_000) if bar.count() else ""
            except playwright_api.TimeoutError:
                text = ""
            if text:
                seen.add(text)
                if "项目标" in text:  # while it runs, a second click starts nothing
                    assert page.get_by_role("button", name="生成简报包").is_disabled()
            time.sleep(0.3)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pack-ready-zh.png"), full_page=True)
        assert any(f"/{n}项目标" in t and "约剩" in t for t in seen), seen  # it counted goals, with an estimate
        assert download.count(), "the pack was not offered for download"
        with page.expect_download(timeout=60_000) as info:
            download.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        names = zipfile.ZipFile(io.BytesIO(path.read_bytes())).namelist()
        assert path.name.startswith("briefing-") and path.suffix == ".zip"
        assert sum(name.endswith(".png") for name in names) == n
        assert any(name.endswith("/briefing.pdf") for name in names)
        assert any(name.endswith("/goals.xlsx") for name in names)
        # kept: a reload offers the same pack at once, without making it again
        page.reload()
        page.wait_for_selector(CHART, timeout=60_000)
        only_on_track(page)
        page.locator('[data-testid="stDownloadButton"] button', has_text="下载简报包").wait_for(timeout=20_000)
        assert page.locator('[data-testid="stProgress"]').count() == 0
        context.close()
