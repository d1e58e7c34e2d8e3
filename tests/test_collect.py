"""What to collect (数据需求清单): for each goal no figure decides, the figure that would (indicator, area, year,
measure, unit) and whom to ask (the indicator's collect_from); a request workbook per department, pre-filled, that
comes back through the same import (rows the department could not fill are skipped, said)."""

from __future__ import annotations

from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.present.collect import UNKNOWN_DEPARTMENT, by_department, request_rows, requests
from dashboard.records import importer, sheet
from dashboard.records.load import load
from tests.conftest import PROJECT

APP = str(PROJECT / "dashboard" / "web" / "app.py")


def test_every_unjudged_goal_of_the_real_data_is_requested_from_a_department(real):
    data = real[0].for_plan()  # the first plan's (the district's departments)
    judge = Judge(data)
    frame = judge.summary()
    unjudged = {i for i, s, b in zip(frame["id"], frame["status"], frame["basis"], strict=True)
                if s in ("no_comparable_data", "indeterminate") or b == "proxy"}
    wanted = requests(data, judge)
    assert {r.goal.id for r in wanted} == unjudged and unjudged
    assert all(r.department != UNKNOWN_DEPARTMENT and r.department.document_en for r in wanted)
    assert all(r.area == (r.goal.area or "karamay-district") for r in wanted)  # the area the goal speaks for
    multiple = next(r for r in wanted if r.goal.id == "gdp-multiple-2000")  # 2010 GDP as 2000's multiple
    assert (multiple.measure, multiple.unit, multiple.year, multiple.indicator.id) == ("level", "亿元", 2010, "gdp")


def test_each_goal_is_asked_of_the_departments_of_its_own_areas_level(real):
    """The indicators list the district's departments and the city's: the city plan's goals go to the city's (市统计局),
    the district plan's to the district's, and its goals that speak for the city (为我市…园林城市) to the city's."""
    data, _ = real
    levels = {a.id: a.level for a in data.areas}
    wanted = requests(data.for_plan("urumqi-city-2008-2012")) + requests(data.for_plan())
    assert {r.goal.plan for r in wanted} == {"urumqi-city-2008-2012", "karamay-district-11th"}
    for r in wanted:
        assert r.department != UNKNOWN_DEPARTMENT, r.goal.id
        assert r.department.department[0] == {"district": "区", "city": "市"}[levels[r.area]], r.goal.id
        assert all(s.level in (None, levels[r.area]) for s in r.sources)
    assert any(levels[r.area] == "city" and r.goal.plan == "karamay-district-11th" for r in wanted)


def test_a_figure_two_goals_need_is_asked_for_once(real):
    data, _ = real
    stats = by_department(requests(data))["区统计局"]
    rows = request_rows(stats)
    gdp_2010 = [r for r in rows if r["indicator"] == "gdp" and r["year"] == 2010 and r["measure"] == "level"]
    assert len(gdp_2010) == 1 and len(rows) < len(stats)


def test_a_request_workbook_comes_back_through_the_import(minimal_root, tmp_path):
    sources = minimal_root / "sources"
    (sources / "district.txt").write_text("测试区2010年城镇登记失业率为2.5%。\n", encoding="utf-8")
    data, _ = load(minimal_root, sources)
    rows = request_rows(requests(data))
    assert {r["indicator"] for r in rows} >= {"unemployment_rate", "green_space_rate"}
    book = tmp_path / "request.xlsx"
    sheet.write_request(book, data, "测试区人社局", "Test District labour bureau", rows)
    wb = load_workbook(book)
    obs = wb[sheet.OBSERVATIONS_SHEET]
    keys = [str(c.value).split(" ")[-1] for c in obs[1]]
    assert [obs.cell(2, keys.index(k) + 1).value for k in ("indicator", "area", "year")] == [
        rows[0]["indicator"], "test-district", 2010]
    doc = wb[sheet.DOCUMENT_SHEET]  # the department fills in its document
    for r in range(2, doc.max_row + 1):
        key = str(doc.cell(r, 1).value).split(" ")[1]
        doc.cell(r, 2).value = {"title": "测试区2010年就业工作总结", "title_en": "Test District 2010 employment report",
                                "published": "2011-01-20", "published_basis": "inferred", "area": "test-district",
                                "years": 2010}.get(key, doc.cell(r, 2).value)
    at = next(k for k in range(2, obs.max_row + 1)
              if obs.cell(k, keys.index("indicator") + 1).value == "unemployment_rate")
    obs.cell(at, keys.index("value") + 1).value = 2.5
    obs.cell(at, keys.index("quote") + 1).value = "测试区2010年城镇登记失业率为2.5%"
    wb.save(book)
    filled = sheet.read(book.read_bytes(), book.name)
    outcome = importer.check(minimal_root, sources, filled, importer.copy_source(sources / "district.txt"))
    assert outcome.ok, [str(p) for p in outcome.errors]
    skipped = [p for p in outcome.problems if p.code == "row-not-filled"]
    assert len(skipped) == len(rows) - 1 and all(p.severity == "warning" and p.cell.row for p in skipped)
    [figure] = [o for o in outcome.after[0].observations if o.document == outcome.draft.document_id]
    assert (figure.indicator, figure.area, figure.year, figure.value) == ("unemployment_rate", "test-district", 2010,
                                                                           2.5)


def test_collect_cli_lists_and_writes_one_workbook_per_department(tmp_path, capsys, real):
    assert main(["collect", "--out", str(tmp_path / "req")]) == 0
    out = capsys.readouterr().out
    assert "## 区统计局" in out and "gdp-2010" in out
    books = sorted((tmp_path / "req").glob("request-*.xlsx"))
    assert len(books) == out.count("## ") and books[0].name == "request-01-district-statistics-bureau.xlsx"


def test_the_collect_page_lists_departments_with_their_requests(monkeypatch, real):
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("views/collect.py").run()
    assert not at.exception
    assert at.title[0].value == "数据需求清单"
    departments = [s.value for s in at.subheader]
    assert departments[0].startswith("区统计局") and len(at.get("download_button")) == len(departments)
