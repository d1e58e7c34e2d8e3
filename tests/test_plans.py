"""Several plans side by side: the layout targets/<plan-id>/ beside the old targets/plan.yaml, goal ids unique
within a plan, each plan's goals judged against its own plan (area, base year, period, source)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.judge import Judge
from dashboard.present.contract import assessment_document
from dashboard.records.load import load

SECOND_PLAN = """plan:
  id: city-plan
  name: 测试市十二五规划
  name_en: Test City 12th plan
  area: test-city
  period: [2011, 2015]
  base_year: 2010
  source: texts/city-plan.txt
  groups:
    - {id: economy, name: 经济, name_en: Economy}
  highlights: [unemployment-rate]
"""
SECOND_GOALS = """goals:
  - id: unemployment-rate
    name: 城镇登记失业率
    name_en: unemployment rate
    group: economy
    chapter: 主要目标
    indicator: unemployment_rate
    unit: "%"
    comparator: "<="
    target: 4
    target_year: 2015
    quote: 城镇登记失业率控制在4%以内
"""
SECOND_TEXT = "测试市十二五规划\n城镇登记失业率控制在4%以内。\n"


def new_layout(root: Path) -> Path:
    """The old layout's plan and goals moved to targets/<plan-id>/ (the shared indicators stay in targets/)."""
    folder = root / "targets" / "test-plan"
    folder.mkdir()
    for path in [root / "targets" / "plan.yaml", *sorted((root / "targets").glob("goals-*.yaml"))]:
        shutil.move(path, folder / path.name)
    return root


def add_second_plan(root: Path, monkeypatch) -> None:
    folder = root / "targets" / "city-plan"
    folder.mkdir()
    (folder / "plan.yaml").write_text(SECOND_PLAN, encoding="utf-8")
    (folder / "goals-main.yaml").write_text(SECOND_GOALS, encoding="utf-8")
    texts = root / "texts"
    texts.mkdir()
    (texts / "city-plan.txt").write_text(SECOND_TEXT, encoding="utf-8")
    monkeypatch.setenv("PLAN_TRACKER_TEXTS", str(texts))


@pytest.fixture
def two_plans(minimal_root, monkeypatch) -> Path:
    """The minimal data in the layout of many plans, with a second plan beside the first."""
    new_layout(minimal_root)
    add_second_plan(minimal_root, monkeypatch)
    return minimal_root


def _judged(root: Path) -> dict:
    data, report = load(root, root / "sources")
    assert report.valid, [str(p) for p in report.problems]
    doc = assessment_document(data, Judge(data).accounts(), [])
    return {g["id"]: g for g in doc["goals"]}


def test_the_new_layout_judges_as_the_old(minimal_root, tmp_path):
    old = _judged(minimal_root)
    moved = _judged(new_layout(minimal_root))
    assert old == moved
    assert {g["plan"] for g in moved.values()} == {"test-plan"}


def test_a_second_plan_beside_the_first(minimal_root, monkeypatch):
    old = _judged(minimal_root)
    new_layout(minimal_root)
    add_second_plan(minimal_root, monkeypatch)
    data, report = load(minimal_root, minimal_root / "sources")
    assert report.valid, [str(p) for p in report.problems]
    assert [p.id for p in data.plans] == ["test-plan", "city-plan"]
    assert data.plan.id == "test-plan"
    second = data.goal("city-plan.unemployment-rate")
    assert second is not None and second.plan == "city-plan" and second.local_id == "unemployment-rate"
    assert second.area == "test-city"  # speaks for its own plan's area
    assert data.goal("unemployment-rate").plan == "test-plan"  # one id in two plans: the first plan's keeps it bare
    assert [g.id for g in data.goals_of("city-plan")] == ["city-plan.unemployment-rate"]
    assert data.plan_by_id(None) is data.plan and data.plan_by_id("nope") is data.plan
    doc = assessment_document(data, Judge(data).accounts(), [])
    assert [p["id"] for p in doc["plans"]] == ["test-plan", "city-plan"] and doc["plan"]["id"] == "test-plan"
    now = {g["id"]: g for g in doc["goals"]}
    for gid, before in old.items():  # the first plan's goals judge as before the second came
        assert now[gid] == before
    assert now["city-plan.unemployment-rate"]["plan"] == "city-plan"
    assert now["city-plan.unemployment-rate"]["speaks_for"] == "test-city"


def test_a_second_plans_quote_is_checked_against_its_own_text(two_plans):
    (two_plans / "texts" / "city-plan.txt").write_text("别的文字\n", encoding="utf-8")
    _, report = load(two_plans, two_plans / "sources")
    assert any(p.record == "city-plan.unemployment-rate" and p.field == "quote" for p in report.errors), \
        [str(p) for p in report.problems]


def test_a_target_year_outside_its_own_plan_is_located(two_plans):
    goals = two_plans / "targets" / "city-plan" / "goals-main.yaml"
    goals.write_text(SECOND_GOALS.replace("target_year: 2015", "target_year: 2010"), encoding="utf-8")
    _, report = load(two_plans, two_plans / "sources")
    found = [(p.code, p.file, p.field) for p in report.errors]
    assert ("year-out-of-range", "targets/city-plan/goals-main.yaml", "target_year") in found, found


def test_a_goal_id_twice_in_one_plan_is_an_error(two_plans):
    folder = two_plans / "targets" / "city-plan"
    (folder / "goals-more.yaml").write_text(SECOND_GOALS, encoding="utf-8")
    _, report = load(two_plans, two_plans / "sources")
    found = [(p.code, p.file, p.record) for p in report.errors]
    assert ("duplicate-id", "targets/city-plan/goals-more.yaml", "city-plan.unemployment-rate") in found, found


@pytest.mark.parametrize("case", ["folder-mismatch", "no-plan"])
def test_layout_mistakes_are_located(two_plans, case):
    folder = two_plans / "targets" / "city-plan"
    if case == "folder-mismatch":
        folder.rename(two_plans / "targets" / "city")
        code, file = "plan-folder-mismatch", "targets/city/plan.yaml"
    else:
        (folder / "plan.yaml").unlink()
        code, file = "goals-without-plan", "targets/city-plan/goals-main.yaml"
    data, report = load(two_plans, two_plans / "sources")
    assert (code, file) in [(p.code, p.file) for p in report.errors], [str(p) for p in report.problems]
    assert [p.id for p in data.plans] == ["test-plan"]
    assert all(g.plan == "test-plan" for g in data.goals)


def test_the_store_keeps_the_plans(two_plans, tmp_path):
    from dashboard.records.store import build, read_store

    loaded, _ = build(two_plans, two_plans / "sources", tmp_path / "store")
    (found, stale) = read_store(tmp_path / "store", two_plans, two_plans / "sources")
    assert stale is None and found is not None
    data, _ = found
    assert data.plans == loaded.plans
    assert [g.plan for g in data.goals] == [g.plan for g in loaded.goals]


def test_synthetic_districts_as_plans_judge_as_one_plan(tmp_path):
    """The scale benchmark's data as one plan of k districts and as k plans: every goal judged alike."""
    from benchmarks.synth import generate

    statuses = []
    for plans in (False, True):
        root = tmp_path / str(plans)
        generate(root / "data", root / "sources", 2, plans=plans)
        data, report = load(root / "data", root / "sources")
        assert report.valid, [str(p) for p in report.errors][:3]
        assert len(data.plans) == (2 if plans else 1)
        frame = Judge(data).summary()
        statuses.append({gid.rpartition(".")[2]: (s, b) for gid, s, b in zip(frame["id"], frame["status"],
                                                                             frame["basis"], strict=True)})
    assert statuses[0] == statuses[1] and len(statuses[0]) == 150


def test_a_rejected_plans_goals_are_never_read_as_anothers(minimal_root, monkeypatch):
    add_second_plan(minimal_root, monkeypatch)  # the old layout's plan beside a folder
    old = minimal_root / "targets" / "plan.yaml"
    old.write_text(old.read_text(encoding="utf-8").replace("id: test-plan", "id: city-plan"), encoding="utf-8")
    data, report = load(minimal_root, minimal_root / "sources")
    found = [(p.code, p.file) for p in report.errors]
    assert ("duplicate-plan", "targets/city-plan/plan.yaml") in found, found
    assert any(f == "targets/city-plan/goals-main.yaml" for _, f in found), found  # its goals are not loaded
    assert len(data.plans) == 1 and not any(g.id.startswith("city-plan.") for g in data.goals)


def test_an_unknown_highlight_is_said_and_the_plan_kept(two_plans):
    plan = two_plans / "targets" / "city-plan" / "plan.yaml"
    plan.write_text(SECOND_PLAN.replace("highlights: [unemployment-rate]", "highlights: [nope]"), encoding="utf-8")
    data, report = load(two_plans, two_plans / "sources")
    assert [p.id for p in data.plans] == ["test-plan", "city-plan"]
    assert ("unknown-reference", "highlights.0") in [(p.code, p.field) for p in report.errors]


def _with_notes(root: Path, notes_for: str) -> None:
    report = root / "actuals" / "doc-report.yaml"
    text = report.read_text(encoding="utf-8")
    quote = "    quote: 城镇登记失业率继续控制在2%以内\n"
    assert quote in text
    report.write_text(text.replace(quote, quote + "    notes: 全市口径，不是测试区的。\n    notes_en: City-wide, not the district's.\n"
                                   f"    notes_for: {notes_for}\n"), encoding="utf-8")


def test_notes_written_of_one_plan_stay_off_another_plans_pages(two_plans):
    """A figure's notes written of the first plan (…不是测试区的) are shown where it is weighed for that plan's goal,
    in the contract and in the figures' rows, and left out beside the second plan's goal on the same indicator."""
    from dashboard.present import figures
    from dashboard.present.locale import Locale

    _with_notes(two_plans, "test-plan")
    data, report = load(two_plans, two_plans / "sources")
    assert report.valid, [str(p) for p in report.problems]
    accounts = {a.goal.id: a for a in Judge(data).accounts()}
    goals = {g["id"]: g for g in assessment_document(data, list(accounts.values()), [])["goals"]}

    def notes(goal_id: str) -> tuple:
        ev = [e for e in goals[goal_id]["evidence"] if e["observation"] == "report-unemployment-2007"]
        row = [r for r, e in zip(figures.rows(accounts[goal_id], Locale("en", data)), accounts[goal_id].evidence,
                                 strict=True) if e.observation.id == "report-unemployment-2007"]
        return ev[0]["notes"], ev[0]["notes_en"], row[0].notes

    first = next(i for i, a in accounts.items() if a.goal.plan == "test-plan" and a.goal.indicator == "unemployment_rate")
    assert notes(first) == ("全市口径，不是测试区的。", "City-wide, not the district's.", "City-wide, not the district's.")
    assert notes("city-plan.unemployment-rate") == (None, None, "")


def test_notes_for_an_unknown_plan_is_located(two_plans):
    _with_notes(two_plans, "no-such-plan")
    _, report = load(two_plans, two_plans / "sources")
    found = [p for p in report.errors if p.code == "unknown-reference" and p.field == "notes_for"]
    assert [(Path(p.file).name, p.record) for p in found] == [("doc-report.yaml", "report-unemployment-2007")]
    assert found[0].line is not None
