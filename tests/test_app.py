"""The Streamlit app through AppTest: every page in both languages, filters, goal links, bad data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.present.i18n import t

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
PROJECT = Path(__file__).resolve().parent.parent
PAGES = ["views/overview.py", "views/table.py", "views/goal.py", "views/documents.py", "views/coherence.py"]


@pytest.fixture(autouse=True)
def project_data(monkeypatch, real):
    """Every test reads the project's data unless it says otherwise (and needs the source documents)."""
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)


def run(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")


TITLE_PLAN = {"zh": "克拉玛依区“十一五”规划", "en": "Karamay District 11th Five-Year Plan"}  # plan.yaml short_name


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page, lang):
    at = run(page, **({"lang": "en"} if lang == "en" else {}))
    assert_clean(at)
    title = {"views/overview.py": "ui.app.title", "views/table.py": "ui.page.table",
             "views/documents.py": "ui.page.documents", "views/coherence.py": "ui.page.coherence"}.get(page)
    if title:
        assert at.title[0].value == t(title, lang, plan=TITLE_PLAN[lang])
    assert at.sidebar.radio[0].value == lang


def test_language_switch_is_kept_in_the_url():
    at = run()
    assert "lang" not in at.query_params
    at.sidebar.radio[0].set_value("en").run()
    assert at.query_params.get("lang") == ["en"] or at.query_params.get("lang") == "en"
    assert at.title[0].value == t("ui.app.title", "en", plan=TITLE_PLAN["en"])
    at.sidebar.radio[0].set_value("zh").run()
    assert "lang" not in at.query_params
    assert at.title[0].value == t("ui.app.title", "zh", plan=TITLE_PLAN["zh"])


def _table_rows(at: AppTest) -> int:
    return len(at.dataframe[0].value)


def test_filters_change_the_row_count():
    at = run("views/table.py")
    assert_clean(at)
    everything = _table_rows(at)
    assert everything == 75 or everything > 50
    at.multiselect(key="filter_status").select("on_track").run()
    on_track = _table_rows(at)
    assert 0 < on_track < everything
    at.multiselect(key="filter_status").unselect("on_track").run()
    at.multiselect(key="filter_group").select("environment").run()
    environment = _table_rows(at)
    assert 0 < environment < everything
    at.multiselect(key="filter_basis").select("proxy").run()
    assert 0 < _table_rows(at) < environment
    at.multiselect(key="filter_group").unselect("environment").run()
    at.multiselect(key="filter_basis").unselect("proxy").run()
    at.text_input(key="filter_search").input("绿地率").run()
    assert _table_rows(at) == 1
    at.text_input(key="filter_search").input("GREEN-SPACE").run()  # ids, case-insensitive
    assert _table_rows(at) >= 1
    at.text_input(key="filter_search").input("unemployment").run()  # English names
    assert _table_rows(at) == 1
    at.text_input(key="filter_search").input("没有这个目标").run()
    assert _table_rows(at) == 0
    assert_clean(at)


def test_goal_query_parameter_opens_that_goal():
    at = run(goal="green-space-rate")  # the bare address with ?goal= is routed to the goal page
    assert_clean(at)
    assert at.title[0].value == "建成区绿地率"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert any(tr.get("name") == t("ui.chart.context", "zh") for tr in spec["data"])  # the city's later 39.9%
    body = texts(at)
    assert "建成区绿地率达40%以上" in body  # the plan's own words
    assert "代用数据：符合进度" in body  # a proxy status reads as one


def test_goal_page_in_english_and_selector_updates_the_url():
    at = run("views/goal.py", goal="unemployment-rate", lang="en")
    assert_clean(at)
    assert at.title[0].value == "Registered urban unemployment rate" or "unemployment" in at.title[0].value.lower()
    at.selectbox(key="goal_select").select("gdp-2010").run()
    assert_clean(at)
    assert at.query_params["goal"] in ("gdp-2010", ["gdp-2010"])
    assert at.title[0].value.lower().startswith("gross domestic product") or "gdp" in at.title[0].value.lower()


def test_unknown_goal_shows_not_found():
    at = run("views/goal.py", goal="no-such-goal")
    assert not at.exception
    assert any("no-such-goal" in w.value.replace("\\", "") for w in at.warning)
    assert any(t("ui.goal.not_found_help", "zh") in i.value for i in at.info)
    hostile = run("views/goal.py", goal="<script>alert(1)</script>")
    assert not hostile.exception
    assert any("script" in w.value for w in hostile.warning)


def test_every_goal_page_renders(real):
    dataset, _ = real
    at = run("views/goal.py", goal="gdp-2010")
    for goal in dataset.goals:
        at.query_params["goal"] = goal.id
        at.run()
        assert_clean(at)
        assert at.title[0].value == goal.name


def _broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    goals = root / "targets" / "goals-headline.yaml"
    text = goals.read_text(encoding="utf-8")
    broken = text.replace("    target: 40\n", "    target: many\n", 1)  # green-space-rate's target
    assert broken != text
    goals.write_text(broken, encoding="utf-8")
    return root


def test_broken_record_still_renders_and_shows_the_problems(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(_broken_copy(tmp_path)))
    at = run()
    assert_clean(at)
    assert any(s.value == t("ui.problems.heading", "zh") for s in at.subheader)
    assert at.warning, "the summary says how many records were rejected"
    problems = at.dataframe[0].value  # the problems table comes first
    row = problems[problems.iloc[:, 1] == "targets/goals-headline.yaml"].iloc[0].tolist()
    assert "green-space-rate" in row and "target" in row and int(row[2]) > 0  # record, field, line
    assert at.sidebar.warning, "every page says that some records were not loaded"
    table = run("views/table.py")
    assert_clean(table)
    assert _table_rows(table) == 74  # every valid goal is still served
    gone = run("views/goal.py", goal="green-space-rate")
    assert any("green-space-rate" in w.value.replace("\\", "") for w in gone.warning)
    kept = run("views/goal.py", goal="unemployment-rate")
    assert_clean(kept)
    assert kept.title[0].value == "城镇登记失业率"


def test_editing_a_data_file_is_picked_up(tmp_path, monkeypatch):
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(root))
    at = run("views/goal.py", goal="green-space-rate")
    assert at.title[0].value == "建成区绿地率"
    goals = root / "targets" / "goals-headline.yaml"
    goals.write_text(goals.read_text(encoding="utf-8").replace("name: 建成区绿地率", "name: 建成区绿地率（改）", 1),
                     encoding="utf-8")
    at.run()
    assert at.title[0].value == "建成区绿地率（改）"


def test_interface_text_is_in_the_catalogue_in_both_languages():
    import re

    from dashboard.present.i18n import CATALOGUE

    sources = [*(PROJECT / "dashboard" / "web" / "views").glob("*.py"), *(PROJECT / "dashboard" / "web" / "ui").glob("*.py"),
               PROJECT / "dashboard" / "web" / "app.py", PROJECT / "dashboard" / "present" / "charts.py"]
    used = {k for p in sources for k in re.findall(r"[\"'](ui\.[a-z0-9_.]+)[\"']", p.read_text(encoding="utf-8"))}
    assert used, "the pages take their text from the catalogue"
    for key in used:
        assert key in CATALOGUE, key
    for key, entry in CATALOGUE.items():
        if key.startswith("ui."):
            assert entry.get("zh") and entry.get("en"), key


def test_goal_page_offers_png_svg_pdf_downloads_and_overview_offers_the_pack():
    at = run("views/goal.py", goal="green-space-rate")
    assert_clean(at)
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "SVG", "PDF"]
    at = run()
    assert_clean(at)
    assert any("简报包" in b.proto.label for b in at.get("download_button"))
