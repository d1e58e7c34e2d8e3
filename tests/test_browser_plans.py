"""In headless Chromium at 1400 and 390 px, both languages: the plan switcher (choosing a plan puts it in the address
and shows its goals; an address without a plan shows the first) and the indicator page (both plans' targets drawn,
no element wider than a phone's screen). Screenshots go to tests/artifacts/plans-*.png."""

from __future__ import annotations

import pytest

from tests.browser import needs_chromium, open_chromium, serve_app
from tests.test_browser import open_page, screenshot, visitor_context

PORTS = range(8690, 8700)
URUMQI = "urumqi-city-2008-2012"
pytestmark = [pytest.mark.browser, needs_chromium]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

#: Elements reaching past the screen's right edge: HTML elements, and a chart's drawn text (SVG text).
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter(e => (e instanceof SVGElement ? e.tagName === 'text' : e.offsetParent !== null)
               && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName + ':' + (e.textContent || '').slice(0, 30)).slice(0, 5)"""


@pytest.fixture(scope="module")
def server():
    with serve_app(PORTS) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_plan_switcher_and_indicator_page(server, browser, width, lang):
    ctx = visitor_context(browser, width)
    page = ctx.new_page()
    suffix = "&lang=en" if lang == "en" else ""
    try:
        open_page(page, f"{server}/goals?{suffix.lstrip('&')}", chart=False)
        switch = page.locator(".st-key-plan_switch")
        assert ("克拉玛依区" if lang == "zh" else "Karamay") in switch.locator("input").input_value()
        switch.locator("button").click()
        page.get_by_role("option", name="乌鲁木齐" if lang == "zh" else "Urumqi", exact=False).click()
        page.wait_for_url(f"**plan={URUMQI}**", timeout=30_000)
        open_page(page, page.url, chart=False)
        rows = page.locator("table.pt-goals tbody tr")
        assert rows.count() == 11
        assert page.evaluate(WIDER_THAN_SCREEN) == []
        screenshot(page, f"plans-table-{width}-{lang}")

        open_page(page, f"{server}/indicator?indicator=gdp{suffix}", chart=True)
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert ("1800" if lang == "zh" else "180") in text and ("170" if lang == "zh" else "17") in text
        legend = page.locator('[data-testid="stPlotlyChart"] .legend').first.text_content() or ""
        assert ("乌鲁木齐" if lang == "zh" else "Urumqi") in legend
        assert page.evaluate(WIDER_THAN_SCREEN) == []
        screenshot(page, f"plans-indicator-{width}-{lang}")
    finally:
        ctx.close()
