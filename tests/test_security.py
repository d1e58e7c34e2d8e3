"""Hostile input on the public app: data-derived strings render as text, never as HTML; query
parameters are validated; no path from a query parameter is ever opened. Real browser."""

from __future__ import annotations

import shutil

import pytest

from tests.browser import ARTIFACTS, CHART, PROJECT, needs_chromium, open_chromium, serve_app

pytestmark = [pytest.mark.browser, needs_chromium]
playwright_api = pytest.importorskip("playwright.sync_api")
PORTS = range(8650, 8660)

HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">绿地率'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The real data, with the green-space goal renamed to a script tag, served with production settings."""
    root = tmp_path_factory.mktemp("hostile")
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    path = root / "targets" / "karamay-district-11th" / "goals-headline.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: green-space-rate")
    name_at = text.index("    name: ", start)
    end = text.index("\n", name_at)
    path.write_text(text[:name_at] + f"    name: '{HOSTILE}'" + text[end:], encoding="utf-8")
    with serve_app(PORTS, data=root) as base:
        yield base


@pytest.fixture(scope="module")
def page():
    with open_chromium() as b:
        yield b.new_page(viewport={"width": 1280, "height": 1600})


def test_script_tag_in_a_goal_name_renders_as_text(hostile_server, page):
    page.goto(hostile_server + "/goal?goal=green-space-rate")
    page.wait_for_selector(CHART, timeout=30000)
    page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile-goal-page.png"))
    assert page.evaluate("window.__xss") is None  # neither the script nor the onerror handler ran
    assert "<script>window.__xss=1</script>" in page.inner_text("body")  # shown literally, as text
    assert page.locator('[data-testid="stException"]').count() == 0


def test_script_tag_in_the_goal_table_renders_as_text(hostile_server, page):
    page.goto(hostile_server + "/goals")
    page.wait_for_selector("table.pt-goals", timeout=30000)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__xss") is None
    assert "<script>window.__xss=1</script>" in page.inner_text("table.pt-goals")  # the name, as text


@pytest.mark.parametrize("query", ["goal=../../etc/passwd", "goal=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                                   "goal=" + "x" * 5000, "lang=../../secret"])
def test_bad_query_parameters_give_a_friendly_page(hostile_server, page, query):
    page.goto(f"{hostile_server}/goal?{query}")
    page.wait_for_timeout(2500)
    body = page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in body and "/etc/passwd" not in body.replace("../../etc/passwd", "")
    assert str(PROJECT) not in body  # no file-system path leaks
    assert page.evaluate("window.__xss") is None
