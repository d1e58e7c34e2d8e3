"""import-plan: a reviewed goals workbook to a new plan's folder, with located errors, a preview and a whole write."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from dashboard.records import errors, plan_import
from dashboard.records.load import load

HEAD = ["确认 confirmed", "名称 name", "指标 indicator", "度量 measure", "比较 comparator", "目标值 target",
        "单位 unit", "目标年 target_year", "原文 quote", "程序建议 proposed"]
TEXT = "测试市十二五规划\n2015年地区生产总值达到300亿元。城镇登记失业率控制在4%以内。\n"
ROWS = [
    ["是", "地区生产总值", "gdp", "level", ">=", 300, "亿元", 2015, "2015年地区生产总值达到300亿元", "建议"],
    ["是", "城镇登记失业率", "unemployment_rate", "level", "<=", 4, "%", 2015, "城镇登记失业率控制在4%以内", "建议"],
    ["否", "地区生产总值", "gdp", "level", ">=", 2015, "亿元", 2015, "2015年地区生产总值达到300亿元", "建议"],
]


def workbook(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = plan_import.GOALS_SHEET
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def setup(minimal_root, tmp_path, monkeypatch):
    texts = tmp_path / "texts"
    texts.mkdir()
    monkeypatch.setenv("PLAN_TRACKER_TEXTS", str(texts))
    text = tmp_path / "elsewhere" / "city-plan.txt"
    text.parent.mkdir()
    text.write_text(TEXT, encoding="utf-8")
    args = plan_import.PlanArgs(plan_id="city-plan", name="测试市十二五规划", name_en="Test City 12th plan",
                                area="test-city", period=(2011, 2015), source=text)
    return minimal_root, args, texts


def _check(root, args, rows, force=False):
    read = plan_import.read_goals(workbook(rows), "goals.xlsx")
    return plan_import.check_plan(root, root / "sources", read, args, "goals.xlsx", force=force)


def test_confirmed_rows_become_a_plan(setup):
    root, args, texts = setup
    outcome = _check(root, args, ROWS)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert [g.local_id for g in outcome.goals()] == ["gdp-2015", "unemployment-rate-2015"]  # the 否 row left out
    assert not (root / "targets" / "city-plan").exists()  # a check writes nothing
    written = plan_import.write_plan(outcome)
    assert (texts / "city-plan.txt").read_text(encoding="utf-8") == TEXT  # the text copied to the texts folder
    assert {p.name for p in written} == {"city-plan.txt", "plan.yaml", "goals-city-plan.yaml"}
    data, report = load(root, root / "sources")
    assert report.valid, [str(p) for p in report.problems]
    assert [p.id for p in data.plans] == ["test-plan", "city-plan"]
    assert data.plan_by_id("city-plan").source == "texts/city-plan.txt"
    assert data.goal("city-plan.gdp-2015").area == "test-city"
    assert any("base_year 2010" in g for g in outcome.draft.guesses)


def test_a_wrong_cell_is_located_at_its_row_and_column(setup):
    root, args, _ = setup
    rows = [list(r) for r in ROWS]
    rows[1][2] = "unemployment"  # no such indicator
    rows[0][5] = 310  # not the number of its quote
    outcome = _check(root, args, rows)
    found = {(p.code, p.cell.row if p.cell else None, p.cell.column if p.cell else None) for p in outcome.errors}
    assert ("unknown-reference", 3, "indicator") in found, found
    assert ("number-not-in-quote", 2, "target") in found, found
    assert all(p.file == "goals.xlsx" for p in outcome.errors)
    assert len(outcome.errors) == len(found)  # each said once
    with pytest.raises(errors.DataError):
        plan_import.write_plan(outcome)
    assert not (root / "targets" / "city-plan").exists()


def test_an_unreviewed_row_is_said_and_left_out(setup):
    root, args, _ = setup
    rows = [list(r) for r in ROWS]
    rows[1][0] = None
    outcome = _check(root, args, rows)
    assert [(p.code, p.cell.row) for p in outcome.problems] == [("proposal-unconfirmed", 3)]
    assert [g.local_id for g in outcome.goals()] == ["gdp-2015"]


def test_a_plan_option_is_located_at_its_option(setup):
    root, args, _ = setup
    args.area = "nowhere"
    outcome = _check(root, args, ROWS)
    assert ("unknown-reference", "--area") in [(p.code, p.file) for p in outcome.errors]


def test_an_existing_plan_is_never_overwritten_without_force(setup):
    root, args, _ = setup
    plan_import.write_plan(_check(root, args, ROWS))
    again = _check(root, args, ROWS)
    assert "output-exists" in [p.code for p in again.errors]
    assert _check(root, args, ROWS, force=True).ok


def test_a_workbook_without_the_goals_sheet(setup):
    root, args, _ = setup
    wb = Workbook()
    out = io.BytesIO()
    wb.save(out)
    read = plan_import.read_goals(out.getvalue(), "goals.xlsx")
    assert [p.code for p in read[1]] == ["sheet-missing"]


def test_the_real_second_plan_is_loaded(real):
    data, report = real
    assert report.valid
    urumqi = data.plan_by_id("urumqi-city-2008-2012")
    assert urumqi is not None and urumqi.area == "urumqi-city" and urumqi is not data.plan
    goals = data.goals_of(urumqi.id)
    assert len(goals) == 11 and all(g.area == "urumqi-city" for g in goals)
    assert data.goal("urumqi-city-2008-2012.gdp-2012").target == 1800
    assert Path(urumqi.source).name == "urumqi-2009-targets.txt"


def test_the_command_previews_each_goal_and_writes_nothing_on_a_dry_run(setup, tmp_path, capsys):
    """`import-plan --dry-run`: the problems, the preview (each goal with its judgement, the other plans unchanged,
    the import's guesses) and what it would write; nothing written."""
    from dashboard.cli import main

    root, args, texts = setup
    book = tmp_path / "goals.xlsx"
    book.write_bytes(workbook(ROWS))
    code = main(["--data", str(root), "--sources", str(root / "sources"), "import-plan", str(book), "--plan-id",
                 "city-plan", "--name", args.name, "--area", args.area, "--period", "2011", "2015", "--source",
                 str(args.source), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "预览：新规划“测试市十二五规划”（2011—2015，test-city）的2个目标" in out
    assert "- `gdp-2015` 地区生产总值：>= 300 亿元（2015年）→ " in out
    assert "其他规划的目标判断不变" in out
    assert "导入程序补充的内容" in out and "base_year 2010" in out
    assert not (root / "targets" / "city-plan").exists() and not (texts / "city-plan.txt").exists()
