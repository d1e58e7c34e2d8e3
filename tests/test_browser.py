"""The served dashboard in headless Chromium: `python -m dashboard serve`, then real page loads.

Every page at 1400 px and at 390 px (a phone), in Chinese and in English: no error, axe-core finds no serious or
critical violation, no text of the other language outside quotes and proper names, nothing internal (file names,
paths, record ids), and on the phone no element wider than the screen. Full-length screenshots go to
tests/artifacts/ (gitignored) to be looked at. Needs /usr/bin/chromium, the playwright package and
axe-playwright-python (which ships axe.min.js: nothing is downloaded); never `playwright install`
(see /work/shared/notes/stack.md).
"""

from __future__ import annotations

import os
import warnings

import pytest

from tests import leaks
from tests.browser import (
    ARTIFACTS,
    CHART,
    OVERLAPPING_TEXT,
    PLACEHOLDERS,
    app_settled,
    needs_chromium,
    open_chromium,
    serve_app,
)

PORTS = range(8641, 8650)  # this file's range on the shared machine; any free port otherwise
#: A phone's browser says it is one: Streamlit closes its page menu after a choice only on a mobile user agent.
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
               "Mobile Safari/537.36")
VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
#: page name → (address, whether it draws a chart)
PAGES = {
    "overview": ("/", True),
    "table": ("/goals", False),
    "goal": ("/goal?goal=green-space-rate", True),
    "goal-none": ("/goal?goal=life-expectancy", False),  # a goal no document reports: no chart, said so
    "goal-words": ("/goal?goal=air-quality", False),  # a categorical target, in the plan's words
    "documents": ("/documents", False),
    "coherence": ("/coherence", True),
    "methodology": ("/methodology", False),
    "collect": ("/collect", False),  # what to collect, by department
}

pytestmark = [pytest.mark.browser, needs_chromium]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is absent")


@pytest.fixture(scope="module")
def server():
    with serve_app(PORTS) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


def visitor_context(browser, viewport: str, **options):
    """A browser context as a visitor on a desk or a phone (VIEWPORTS) has it: a phone's touch and user agent."""
    phone = viewport == "phone"
    return browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone,
                               user_agent=PHONE_AGENT if phone else None, **options)


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport, kept for the module (a visitor's tab going from page to page)."""
    made = {name: visitor_context(browser, name, accept_downloads=True) for name in VIEWPORTS}
    yield made
    for ctx in made.values():
        ctx.close()


@pytest.fixture(scope="module")
def allowed(real):
    """The data's own notes that name an internal file (a defect of the data, reported), which the pages show
    verbatim; anything else of the other language or internal fails."""
    internal = leaks.data_internal(real[0])
    if internal:
        warnings.warn(f"{len(internal)} data notes name internal files: {internal[:2]}", stacklevel=1)
    return internal


def open_page(page, url: str, chart: bool) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stMain"] h1', state="visible", timeout=30_000)
    if chart:
        page.wait_for_selector(CHART, state="visible", timeout=30_000)
    app_settled(page)


def screenshot(page, name: str) -> None:
    """The screen, or with PLAN_TRACKER_SCREENSHOTS=full the whole page (Streamlit scrolls inside its main block,
    so the viewport grows to its height first, which costs a second or two a page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    if os.environ.get("PLAN_TRACKER_SCREENSHOTS") != "full":
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        return
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height + 60, size["height"]), 16000)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size(size)


#: The page's words, quotes left out: text nodes outside block quotes, code (the citation), elements in another
#: language, the language switch, icons drawn from a font and styles.
PAGE_TEXT = """(lang) => {
  const skip = 'blockquote, pre, code, script, style, noscript, .st-key-lang_switch, [data-testid="stIconMaterial"],'
    + '[lang]:not([lang^="' + lang + '"])';
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip) || !n.textContent.trim()) continue;
    out.push(n.textContent);
  }
  return out.join('\\n');
}"""

#: Elements wider than the screen, outside anything that scrolls sideways on purpose (and plotly's off-screen
#: measuring box).
TOO_WIDE = """() => {
  const w = document.documentElement.clientWidth, out = [];
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.clientWidth <= w)
        return true; } return false; };
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= 0 || r.right <= w + 1 || scrolls(el)) continue;
    out.push(el.tagName + ' ' + (el.getAttribute('data-testid') || el.className || '') + ' ' + Math.round(r.right));
  }
  if (document.documentElement.scrollWidth > w + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  return out.slice(0, 10);
}"""


def serious(results) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page(server, contexts, allowed, viewport, lang):
    """Each page, one after the other in one tab: errors, accessibility, language, internals, width."""
    page = contexts[viewport].new_page()
    axe = axe_api.Axe()
    problems: dict[str, list[str]] = {}
    try:
        for name, (path, chart) in PAGES.items():
            url = server + path + ("" if lang == "zh" else ("&" if "?" in path else "?") + "lang=en")
            open_page(page, url, chart)
            found = []
            if page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count():
                found.append("an error is shown")
            if lang == "en" and "lang=en" not in page.url:
                found.append("the address lost the language")
            found += serious(axe.run(page))
            text = page.evaluate(PAGE_TEXT, lang)
            found += [f"{'Chinese' if lang == 'en' else 'English'}: {x}"
                      for x in leaks.other_language(text, lang, allowed)]
            found += [f"internal: {x}" for x in leaks.internal_names(text, allowed)]
            found += [f"overlap: {x}" for x in page.evaluate(OVERLAPPING_TEXT)]
            found += [f"placeholder: {x}" for x in page.evaluate(PLACEHOLDERS)]
            if viewport == "phone":
                found += [f"too wide: {x}" for x in page.evaluate(TOO_WIDE)]
            screenshot(page, f"{name}-{lang}-{viewport}")
            if found:
                problems[name] = found
    finally:
        page.close()
    assert not problems, problems


def test_overview_names_what_the_data_can_say(server, contexts):
    page = contexts["desktop"].new_page()
    try:
        open_page(page, server + "/", chart=True)
        text = page.locator("body").inner_text()
        assert "规划目标实现情况" in text and "城镇登记失业率" in text and "建成区绿地率" in text
        assert "克拉玛依市" in text and "塔城地区" in text  # what the figures can and cannot say
        assert "直接数据" in text and "代用数据" in text  # the counts, direct and proxy apart
        assert page.locator(".pt-groups a").count() == 85  # every goal at a glance, each a link
    finally:
        page.close()


@pytest.mark.parametrize(("goal", "name"), [("green-space-rate", "建成区绿地率"), ("unemployment-rate", "城镇登记失业率"),
                                            ("gdp-2010", "地区生产总值")])
def test_goal_pages(server, contexts, goal, name):
    page = contexts["desktop"].new_page()
    try:
        open_page(page, f"{server}/goal?goal={goal}", chart=True)
        assert page.locator("h1").first.inner_text() == name
        text = page.locator("body").inner_text()
        assert "规划原文" in text and "引用本页" in text and "数据最近更新" in text
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 1
        assert page.locator(".modebar").count() == 0  # no toolbar over the chart
        assert page.locator('[data-testid="stRadio"]').count() == 0  # one set of download buttons, no format radio
        if goal == "green-space-rate":  # printed, the page keeps its words and chart and drops every control
            buttons = page.locator('[data-testid="stDownloadButton"]')
            assert buttons.first.is_visible()
            page.emulate_media(media="print")
            assert not buttons.first.is_visible() and not page.locator(".st-key-lang_switch").is_visible()
            assert page.locator("h1").first.is_visible() and page.locator('[data-testid="stPlotlyChart"]').is_visible()
            page.emulate_media(media="screen")
    finally:
        page.close()


def test_phone_navigation_gets_out_of_the_way(server, contexts):
    """On a phone the pages are behind the menu button; after a choice the menu is closed again."""
    page = contexts["phone"].new_page()
    try:
        open_page(page, server + "/", chart=True)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_attribute("data-collapsed") == "true"
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_timeout(500)
        assert sidebar.get_attribute("data-collapsed") == "false"
        page.locator('[data-testid="stSidebarNavLink"]', has_text="目标一览").click()
        page.wait_for_selector('.pt-goals', timeout=30_000)
        page.wait_for_timeout(800)
        assert sidebar.get_attribute("data-collapsed") == "true"
    finally:
        page.close()


def test_language_link_keeps_the_page_and_the_goal(server, contexts):
    page = contexts["desktop"].new_page()
    try:
        open_page(page, f"{server}/goal?goal=unemployment-rate", chart=True)
        page.locator(".st-key-lang_switch a").click()
        page.wait_for_function("() => location.search.includes('lang=en')", timeout=30_000)
        page.wait_for_selector(CHART, state="visible", timeout=30_000)
        page.wait_for_timeout(500)
        assert "goal=unemployment-rate" in page.url
        assert "unemployment" in page.locator("h1").first.inner_text().lower()
        page.locator(".st-key-lang_switch a").click()
        page.wait_for_function("() => !location.search.includes('lang=en')", timeout=30_000)
        page.wait_for_timeout(800)
        assert page.locator("h1").first.inner_text() == "城镇登记失业率"
    finally:
        page.close()


def test_table_filters_live_in_the_address_and_links_open_goals(server, contexts):
    page = contexts["desktop"].new_page()
    try:
        open_page(page, f"{server}/goals?status=on_track,no_comparable_data&lang=en", chart=False)
        rows = page.locator(".pt-goals tbody tr")
        labels = [rows.nth(i).locator(".pt-status").inner_text().lower() for i in range(rows.count())]
        # on track, or within the bound (a bound to hold on track), or no comparable data
        assert labels and all("on track" in x or "within the bound" in x or "no comparable" in x for x in labels)
        judged = ["no comparable" not in x for x in labels]
        assert judged == sorted(judged, reverse=True)  # by meaning: a verdict before no data
        page.get_by_label("Search (name)").fill("green")
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.search.includes('q=green')", timeout=30_000)
        page.wait_for_timeout(500)
        assert "status=on_track" in page.url  # the other filters stay
        link = page.locator(".pt-goals tbody tr a").first
        name = link.inner_text()
        link.click()
        page.wait_for_selector(CHART, state="visible", timeout=30_000)
        assert page.locator("h1").first.inner_text() == name
        assert "lang=en" in page.url
    finally:
        page.close()


def test_keyboard_reaches_the_language_link_the_pages_and_the_goals(server, contexts):
    page = contexts["desktop"].new_page()
    try:
        open_page(page, server + "/goals", chart=False)
        # the filters and the table arrive after the page's frame: tab only once they are there
        page.wait_for_selector("main input", state="visible", timeout=30_000)
        page.wait_for_selector(".pt-goals a", state="visible", timeout=30_000)
        reached = set()
        for _ in range(60):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("""() => { const e = document.activeElement;
                if (e.closest('.st-key-lang_switch')) return 'lang';
                if (e.closest('.pt-goals')) return 'goal';
                if (e.closest('[data-testid="stTopNavLink"], [data-testid="stSidebarNavLink"]')) return 'nav';
                if (e.tagName === 'INPUT') return 'input';
                return e.tagName; }"""))
        assert {"lang", "nav", "input", "goal"} <= reached, reached
    finally:
        page.close()


def test_chinese_is_drawn_with_a_cjk_font(server, contexts):
    """DOM text passes even when every character is a box; compare pixels (stack.md)."""
    page = contexts["desktop"].new_page()
    try:
        open_page(page, server + "/", chart=True)
        distinct = page.evaluate("""() => {
            const font = getComputedStyle(document.querySelector('h1')).fontFamily;
            const draw = (s) => { const c = document.createElement('canvas'); c.width = 200; c.height = 40;
                const x = c.getContext('2d'); x.font = '24px ' + font; x.fillText(s, 4, 30); return c.toDataURL(); };
            const a = draw('绿地率'), b = draw('失业率'), box = draw('\\ue000\\ue000\\ue000');
            return [a !== b, a !== box, b !== box, font];
        }""")
        assert distinct[:3] == [True, True, True], distinct
        assert "Noto Sans CJK SC" in distinct[3]
    finally:
        page.close()


def test_goal_chart_and_figures_download_for_a_visitor(server, contexts, tmp_path):
    """The PNG button gives a slide-size image made on the server; the CSV button the goal's figures."""
    page = contexts["desktop"].new_page()
    try:
        open_page(page, server + "/goal?goal=urban-income-2010", chart=True)
        with page.expect_download(timeout=60000) as info:
            page.locator('[data-testid="stDownloadButton"] button', has_text="PNG").click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        assert path.name == "urban-income-2010.png"
        from PIL import Image

        with Image.open(path) as img:
            assert img.size == (1920, 1080)  # a full-HD slide (present/export/layout.py)
            assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20  # not blank
        with page.expect_download(timeout=60000) as info:
            page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        text = path.read_bytes().decode("utf-8")
        assert text.startswith("\ufeff") and "13110" in text and "克拉玛依市" in text
    finally:
        page.close()
