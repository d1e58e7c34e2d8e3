"""The app with several plans: the plan switcher (in the address; an address without a plan shows the first),
the overview and goal table per plan, a later plan's goal page, and the indicator page across plans."""

from __future__ import annotations

import pytest

from tests.test_app import assert_clean, heading, html, run, t, table_names, texts

URUMQI = "urumqi-city-2008-2012"


@pytest.fixture(autouse=True)
def project_data(monkeypatch, real):
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)


def switcher(at):
    return next(s for s in at.selectbox if s.key == "plan_switch")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_overview_without_a_plan_is_the_first_plan(lang, real):
    at = run("views/overview.py", **({"lang": "en"} if lang == "en" else {}))
    assert_clean(at)
    s = switcher(at)
    assert s.value == real[0].plan.id and s.options[0].startswith("克拉玛依区" if lang == "zh" else "Karamay")
    assert t("plans.switcher", lang) == s.label


def test_choosing_a_plan_puts_it_in_the_address_and_shows_its_goals(real):
    at = run("views/table.py")
    first = len(table_names(at))
    switcher(at).set_value(URUMQI).run()
    assert_clean(at)
    assert at.query_params["plan"] in (URUMQI, [URUMQI])
    names = table_names(at)
    assert len(names) == 11 and first >= 75
    assert "地区生产总值" in names and "安置就业" in names
    switcher(at).set_value(real[0].plan.id).run()
    assert "plan" not in at.query_params  # the first plan keeps the one-plan addresses


def test_a_later_plans_overview_names_that_plan():
    at = run("views/overview.py", plan=URUMQI)
    assert_clean(at)
    assert "乌鲁木齐" in heading(at)


def test_a_later_plans_goal_page_and_its_indicator_link():
    at = run("views/goal.py", goal=f"{URUMQI}.gdp-2012")
    assert_clean(at)
    assert "1800" in texts(at)
    assert "规划：乌鲁木齐市近期发展目标" in texts(at)  # whose goal it is: the goal page has no switcher
    link = next(p for p in at.get("page_link") if p.proto.label == t("indicator.link"))
    assert "indicator=gdp" in link.proto.query_string


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_indicator_page_lists_both_plans_targets(lang):
    at = run("views/indicator.py", indicator="gdp", **({"lang": "en"} if lang == "en" else {}))
    assert_clean(at)
    body = html(at)
    assert "gdp-2010" in body and f"{URUMQI}.gdp-2012" in body  # both plans' goals, linked
    chart = at.get("plotly_chart")[0].proto.spec
    assert "1800" in chart and "170" in chart


def test_an_unknown_indicator_is_said():
    at = run("views/indicator.py", indicator="nope")
    assert_clean(at)
    assert t("indicator.unknown", id="nope") in texts(at)



def test_a_first_plans_goal_page_names_its_plan_when_there_are_several():
    at = run("views/goal.py", goal="gdp-2010", lang="en")
    assert_clean(at)
    assert "Plan: Karamay District" in texts(at)


def test_a_goal_page_of_the_only_plan_names_no_plan(tmp_path, monkeypatch):
    import shutil

    from tests.conftest import PROJECT

    root = tmp_path / "data"
    shutil.copytree(PROJECT / "actuals", root / "actuals")
    shutil.copytree(PROJECT / "targets", root / "targets", ignore=shutil.ignore_patterns(URUMQI))
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(root))
    at = run("views/goal.py", goal="gdp-2010")
    assert_clean(at)
    assert "规划：" not in texts(at)  # one plan: the page is as it always was


def test_a_later_plans_goal_opens_by_its_own_id_with_the_plan_in_the_address():
    at = run("views/goal.py", plan=URUMQI, goal="gdp-2012")
    assert_clean(at)
    assert heading(at) == "地区生产总值" and "1800" in texts(at)
    assert at.query_params["goal"] in (f"{URUMQI}.gdp-2012", [f"{URUMQI}.gdp-2012"])


def test_coherence_and_data_requests_are_each_plans_own_with_the_switcher(real):
    """The Urumqi plan sets no level and pace it states a base for: its coherence page says there is no pair, not the
    district plan's findings; its data requests are its own goals', asked of the city's departments."""
    first = run("views/coherence.py")
    assert_clean(first)
    assert switcher(first).value == real[0].plan.id and t("ui.coh.none") not in texts(first)
    at = run("views/coherence.py", plan=URUMQI)
    assert_clean(at)
    assert switcher(at).value == URUMQI and t("ui.coh.none") in texts(at)
    requests = run("views/collect.py", plan=URUMQI)
    assert_clean(requests)
    assert switcher(requests).value == URUMQI
    departments = [h.value for h in requests.subheader]
    assert departments and all(d.startswith("市") for d in departments)


def test_the_documents_page_is_each_plans_own():
    """A later plan's documents page shows its own text, and the district's documents as another area's; the first
    plan's says the prefecture's report is unrelated to the district (not to "the 2 areas" of both plans)."""
    at = run("views/documents.py", plan=URUMQI)
    assert_clean(at)
    assert switcher(at).value == URUMQI
    shown = texts(at)
    assert "《乌鲁木齐市近期发展目标（2008—2012年）》" in shown
    assert "这份文件讲的是克拉玛依市，与乌鲁木齐市无关" in shown
    first = run("views/documents.py")
    assert_clean(first)
    assert "这份文件讲的是塔城地区，与克拉玛依区无关" in texts(first) and "克拉玛依市，与" not in texts(first)
