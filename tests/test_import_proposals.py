"""An editor proposes a new indicator and declares a stand-in through the workbook: reviewed and imported like the
figures, into files of their own (actuals/indicators-<document>.yaml, actuals/stand-ins-<document>.yaml); a reviewed
file is never rewritten; each problem is located at its sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.records import importer, sheet
from dashboard.records.load import load
from tests.conftest import MINIMAL
from tests.workbooks import fill, fill_sheet, from_dataset

IND, STAND = sheet.INDICATORS_SHEET, sheet.STAND_INS_SHEET
NEW = {"id": "fixed_asset_investment", "name": "全社会固定资产投资", "name_en": "fixed-asset investment",
       "kind": "total", "direction": "higher", "unit": "亿元"}
PACE = {"indicator": "unemployment_rate", "area": "test-city", "use": "pace",
        "reason": "测试市的失业率变化可以说明测试区的走向", "reason_en": "the city's rate moves with the district's"}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    data, _ = load(MINIMAL, MINIMAL / "sources")
    path = tmp_path_factory.mktemp("template") / "figures.xlsx"
    sheet.write_template(path, data)
    return path


@pytest.fixture
def setup(minimal_root):
    data, _ = load(minimal_root, minimal_root / "sources")
    (minimal_root / "actuals" / "doc-report.yaml").unlink()
    report = minimal_root / "sources" / "report.txt"
    report.write_text(report.read_text(encoding="utf-8") + "全市完成全社会固定资产投资200亿元。\n", encoding="utf-8")
    doc, rows = from_dataset(data, "doc-report")
    return minimal_root, doc, [r for r in rows if "derived.formula" not in r]


def _check(root: Path, book: Path) -> importer.Outcome:
    filled = sheet.read(book.read_bytes(), book.name)
    return importer.check(root, root / "sources", filled, importer.copy_source(root / "sources" / "report.txt"))


def test_a_proposed_indicator_is_imported_to_a_file_of_its_own(template, setup, tmp_path):
    root, doc, rows = setup
    figure = {"indicator": NEW["id"], "area": "test-city", "year": 2007, "value": 200, "unit": "亿元",
              "quote": "全市完成全社会固定资产投资200亿元"}
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, [*rows, figure]), IND, [NEW])
    reviewed = (root / "actuals" / "indicators.yaml").read_bytes()
    outcome = _check(root, book)
    assert outcome.ok, [str(p) for p in outcome.errors]
    [(extra, path)] = outcome.extras
    assert path == root / "actuals" / "indicators-doc-report.yaml" and "# 单位 unit: 亿元" in extra.text
    assert any(o.indicator == NEW["id"] for o in outcome.after[0].observations)
    written = importer.write(outcome)
    assert written[0] == path  # the indicators before the figures that use them
    data, report = load(root, root / "sources")
    assert report.valid and any(i.id == NEW["id"] and i.name == "全社会固定资产投资" for i in data.indicators)
    assert (root / "actuals" / "indicators.yaml").read_bytes() == reviewed  # never rewritten


def test_a_proposed_indicator_missing_its_english_name_is_located(template, setup, tmp_path):
    root, doc, rows = setup
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, rows), IND, [dict(NEW, name_en=None)])
    outcome = _check(root, book)
    [p] = [p for p in outcome.errors if p.code == "missing-field"]
    assert (p.cell.sheet, p.cell.row, p.cell.column, p.field) == (IND, 2, "英文名称 name_en", "name_en")


def test_a_bad_indicator_id_is_located_at_its_cell(template, setup, tmp_path):
    root, doc, rows = setup
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, rows), IND, [dict(NEW, id="Fixed Assets")])
    [p] = _check(root, book).errors
    assert (p.cell.sheet, p.cell.row, p.cell.column) == (IND, 2, "指标编号 id")


def test_a_stand_in_declaration_is_imported_and_takes_effect(template, setup, tmp_path):
    root, doc, rows = setup
    plain = _check(root, fill(template, tmp_path / "plain.xlsx", doc, rows))
    assert any(p.code == "stand-in-undeclared" and p.record == "unemployment_rate" for p in plain.elsewhere)
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, rows), STAND, [PACE])
    outcome = _check(root, book)
    assert outcome.ok and [p for _, p in outcome.extras] == [root / "actuals" / "stand-ins-doc-report.yaml"]
    assert not any(p.code == "stand-in-undeclared" and p.record == "unemployment_rate" for p in outcome.elsewhere)
    importer.write(outcome)
    data, report = load(root, root / "sources")
    [ind] = [i for i in data.indicators if i.id == "unemployment_rate"]
    assert [(s.area, s.use, s.reason_en) for s in ind.stand_in] == [("test-city", "pace", PACE["reason_en"])]
    again, _ = load(root, root / "sources")  # a second load (cached files) adds it once, not twice
    assert len(next(i for i in again.indicators if i.id == "unemployment_rate").stand_in) == 1


def test_a_declaration_needs_its_reason_in_both_languages(template, setup, tmp_path):
    root, doc, rows = setup
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, rows), STAND, [dict(PACE, reason_en=None)])
    [p] = _check(root, book).errors
    assert (p.code, p.cell.sheet, p.cell.row, p.cell.column) == ("missing-field", STAND, 2, "英文理由 reason_en")


def test_a_declaration_of_an_unknown_indicator_suggests_one(template, setup, tmp_path):
    root, doc, rows = setup
    book = fill_sheet(fill(template, tmp_path / "f.xlsx", doc, rows), STAND, [dict(PACE, indicator="失业率")])
    [p] = _check(root, book).errors
    assert p.code == "unknown-reference" and (p.cell.sheet, p.cell.row) == (STAND, 2)
    assert "unemployment_rate" in p.text("zh")


def test_a_declaration_repeating_one_the_indicator_has_is_refused(template, setup, tmp_path):
    root, doc, rows = setup
    importer.write(_check(root, fill_sheet(fill(template, tmp_path / "a.xlsx", doc, rows), STAND, [PACE])))
    (root / "actuals" / "doc-report.yaml").unlink()
    (root / "actuals" / "stand-ins-doc-report.yaml").rename(root / "actuals" / "stand-ins-earlier.yaml")
    outcome = _check(root, fill_sheet(fill(template, tmp_path / "b.xlsx", doc, rows), STAND, [PACE]))
    mine = [p for p in outcome.problems if p.code == "stand-in-declared-twice"]
    assert len(mine) == 1 and (mine[0].cell.sheet, mine[0].cell.row) == (STAND, 2) and not outcome.ok
    assert "stand-ins-earlier.yaml" in mine[0].text("en")
