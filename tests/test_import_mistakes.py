"""The mistakes an editor makes that the loader alone would let through or explain badly: the same row twice,
an area its quote contradicts, an Excel percent cell, a one-sheet CSV, an id typed wrong. Each is a located problem
of the catalogue (sheet, row, column, field), on the command line as on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.cli import main
from dashboard.records import importer, mistakes, sheet
from dashboard.records.load import load
from tests.conftest import MINIMAL
from tests.workbooks import fill, fill_csv, from_dataset

OBS = sheet.OBSERVATIONS_SHEET


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    data, _ = load(MINIMAL, MINIMAL / "sources")
    path = tmp_path_factory.mktemp("template") / "figures.xlsx"
    sheet.write_template(path, data)
    return path


@pytest.fixture
def without_report(minimal_root):
    data, _ = load(minimal_root, minimal_root / "sources")
    (minimal_root / "actuals" / "doc-report.yaml").unlink()
    doc, rows = from_dataset(data, "doc-report")
    rows = [r for r in rows if "derived.formula" not in r]  # three plain figures, rows 2-4
    return minimal_root, doc, rows


def _check(root: Path, path: Path, source: str = "report.txt") -> importer.Outcome:
    filled = sheet.read(path.read_bytes(), path.name)
    return importer.check(root, root / "sources", filled, importer.copy_source(root / "sources" / source))


def _codes(outcome: importer.Outcome) -> list[str]:
    return [p.code for p in outcome.problems + outcome.elsewhere]


# ---------------------------------------------------------------------------------------------- the same row twice


def test_a_row_repeated_in_the_workbook_is_an_error_naming_both_rows(template, without_report, tmp_path):
    root, doc, rows = without_report
    book = fill(template, tmp_path / "f.xlsx", doc, [*rows, dict(rows[2])])  # row 5 repeats row 4
    outcome = _check(root, book)
    [dup] = [p for p in outcome.problems if p.code == "duplicate-row"]
    assert dup.severity == "error" and not outcome.ok
    assert (dup.cell.sheet, dup.cell.row) == (OBS, 5) and dup.params["first"] == 4
    assert "与第4行重复" in dup.text("zh") and "repeats row 4" in dup.text("en")
    assert "工作表“数据 observations”第5行" in dup.located("zh")


def test_the_same_quote_and_value_under_another_indicator_is_a_repeat(template, without_report, tmp_path):
    root, doc, rows = without_report
    again = dict(rows[2], indicator="green_space_rate")  # the GDP sentence filed again under another indicator
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [*rows, again]))
    [dup] = [p for p in outcome.problems if p.code == "duplicate-row"]
    assert dup.params["first"] == 4 and "同一原文和数值" in dup.text("zh")


def test_a_figure_another_document_gives_is_a_warning(template, minimal_root, tmp_path):
    data, _ = load(minimal_root, minimal_root / "sources")
    doc, rows = from_dataset(data, "doc-report")
    doc = dict(doc, id="doc-again", title="测试市2009年工作报告")
    gdp = next(r for r in rows if r["indicator"] == "gdp")
    outcome = _check(minimal_root, fill(template, tmp_path / "f.xlsx", doc, [dict(gdp, id=None)]))
    [dup] = [p for p in outcome.problems if p.code == "duplicate-elsewhere"]
    assert dup.severity == "warning" and outcome.ok
    assert dup.params == {"document": "doc-report", "other": "report-gdp-2007"}
    assert dup.cell.row == 2


def test_distinct_rows_are_not_repeats(template, without_report, tmp_path):
    root, doc, rows = without_report
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, rows))
    assert outcome.ok and not outcome.problems  # (elsewhere: the stand-in warnings of the minimal data)


# ---------------------------------------------------------------------------------------------- area against quote


@pytest.fixture
def city_sentence(without_report):
    root, doc, rows = without_report
    (root / "sources" / "report.txt").write_text(
        (root / "sources" / "report.txt").read_text(encoding="utf-8") + "测试市完成地区生产总值515亿元。\n", encoding="utf-8")
    row = dict(rows[2], quote="测试市完成地区生产总值515亿元", area="test-district", id=None)
    return root, doc, rows, row


def test_an_area_the_quote_contradicts_is_an_error(template, city_sentence, tmp_path):
    root, doc, rows, row = city_sentence
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [row]))
    [p] = [p for p in outcome.problems if p.code == "area-against-quote"]
    assert p.severity == "error" and not outcome.ok
    assert (p.cell.row, p.cell.column, p.field) == (2, "地区 area", "area")
    assert p.text("zh") == "“地区”一栏是测试区，但原文说的是测试市"
    assert p.text("en") == "the area column says Test District, but the quote speaks of Test City"
    assert "override" in p.hint("en")


def test_an_override_with_its_reason_lets_the_row_in_and_keeps_the_reason(template, city_sentence, tmp_path):
    root, doc, rows, row = city_sentence
    row["override"] = "原文的“测试市”在此指测试区所在的城区"
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [row]))
    assert "area-against-quote" not in _codes(outcome)
    assert "# 例外说明 override: 原文的“测试市”在此指测试区所在的城区" in outcome.draft.text


def test_the_quote_naming_the_rows_area_passes(template, city_sentence, tmp_path):
    root, doc, rows, row = city_sentence
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [dict(row, area="test-city")]))
    assert "area-against-quote" not in _codes(outcome)


def test_areas_named_prefers_the_longer_name():
    from dashboard.records.model import Area

    city = Area(id="c", name="克拉玛依市", name_en="Karamay City", level="city")
    other = Area(id="k", name="克拉玛依", name_en="Karamay", level="city")
    assert mistakes.areas_named("克拉玛依市实现生产总值", [other, city]) == [city]
    assert mistakes.areas_named("全市实现生产总值", [other, city]) == []


# ---------------------------------------------------------------------------------------------- percent cells


def test_an_excel_percent_cell_is_recognised_and_explained(template, without_report, tmp_path):
    root, doc, rows = without_report
    book = fill(template, tmp_path / "f.xlsx", doc, rows)
    wb = load_workbook(book)
    cell = wb[OBS]["E2"]  # the green-space rate, 38.7, typed as 38.7% in a percent-formatted cell
    cell.value, cell.number_format = 0.387, "0.0%"
    wb.save(book)
    outcome = _check(root, book)
    [p] = [p for p in outcome.problems if p.cell and p.cell.row == 2]
    assert p.code == "percent-cell" and (p.cell.column, p.field) == ("数值 value", "value")
    assert p.text("en") == "0.387 looks like 38.7% stored as a fraction (the cell has Excel's percentage format)"
    assert "输入38.7" in p.hint("zh")
    assert "number-not-in-quote" not in _codes(outcome)  # explained once, not twice


def test_a_plain_fraction_cell_is_left_to_the_quote_check(template, without_report, tmp_path):
    root, doc, rows = without_report
    book = fill(template, tmp_path / "f.xlsx", doc, [dict(rows[0], value=0.387)])
    assert "percent-cell" not in _codes(_check(root, book))


def test_a_value_typed_with_its_percent_sign(without_report, tmp_path):
    root, doc, rows = without_report
    outcome = _check(root, fill_csv(tmp_path / "f.csv", doc, [dict(rows[0], value="38.7%")]))
    [p] = [p for p in outcome.problems if p.code == "percent-sign"]
    assert p.cell.row is not None and "38.7" in p.hint("en")


# ---------------------------------------------------------------------------------------------- one-sheet CSV


def test_a_csv_of_the_observations_sheet_only_says_the_document_sheet_is_missing(without_report, tmp_path):
    root, doc, rows = without_report
    path = fill_csv(tmp_path / "obs.csv", {}, rows)
    path.write_text(path.read_text(encoding="utf-8").lstrip("\n"), encoding="utf-8")
    outcome = _check(root, path)
    codes = _codes(outcome)
    assert codes == ["csv-one-sheet"]  # not seven missing fields, nor the figures orphaned by them
    [p] = [p for p in outcome.problems if p.code == "csv-one-sheet"]
    assert sheet.DOCUMENT_SHEET in p.text("zh") and "Excel" in p.text("en") and p.cell.row == 1


def test_a_csv_of_the_document_sheet_only_says_the_observations_sheet_is_missing(without_report, tmp_path):
    root, doc, rows = without_report
    path = tmp_path / "doc.csv"
    path.write_text("\n".join(f"{k},{v}" for k, v in doc.items() if v) + "\n", encoding="utf-8")
    codes = _codes(_check(root, path))
    assert codes.count("csv-one-sheet") == 1 and "no-observations" not in codes and "column-missing" not in codes


# ---------------------------------------------------------------------------------------------- suggestions


def test_an_unknown_indicator_suggests_the_closest_ids_by_name(template, without_report, tmp_path):
    root, doc, rows = without_report
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [dict(rows[0], indicator="绿地率")]))
    [p] = [p for p in outcome.problems if p.code == "unknown-reference"]
    assert (p.cell.row, p.cell.column) == (2, "指标 indicator")
    assert p.record == "report-green-2007"  # typed in the workbook: named; a made-up id would not be
    assert "名称最接近的是：green_space_rate（建成区绿地率）" in p.text("zh")
    assert "the closest by name: green_space_rate (green-space rate)" in p.text("en")


def test_closest_ids_on_the_real_data(real):
    data, _ = real
    assert mistakes.closest("常住人口", data.indicators)[0].en.startswith("resident_population ")
    assert mistakes.closest("GDP", data.indicators)[0].en.startswith("gdp")
    assert mistakes.closest("塔城", data.areas)[0].zh.startswith("tacheng")
    assert mistakes.closest("zzzz qqq", data.indicators) == []


# ---------------------------------------------------------------------------------------------- the command line


def test_cli_names_sheet_row_column_and_field(template, without_report, tmp_path, capsys):
    root, doc, rows = without_report
    book = fill(template, tmp_path / "f.xlsx", doc, [*rows, dict(rows[2])])
    args = ["--data", str(root), "--sources", str(root / "sources"), "import", str(book), "--dry-run"]
    assert main([*args, "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "f.xlsx：工作表“数据 observations”第5行：[duplicate-row]" in out and "与第4行重复" in out


def test_a_made_up_id_is_not_named_to_the_editor(template, without_report, tmp_path):
    root, doc, rows = without_report
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [dict(rows[0], indicator="绿地率", id=None)]))
    [p] = [p for p in outcome.problems if p.code == "unknown-reference"]
    assert p.record is None and "doc" not in p.located("zh").split("[unknown-reference]")[1].split("：")[0]


def test_a_proposed_row_answered_no_is_no_repeat(template, without_report, tmp_path):
    root, doc, rows = without_report
    no = dict(rows[2], id=None, proposed="reader", confirmed="否")  # the program proposed it again; the editor said no
    outcome = _check(root, fill(template, tmp_path / "f.xlsx", doc, [*rows, no]))
    assert "duplicate-row" not in _codes(outcome)
    yes = dict(no, confirmed="是")
    assert "duplicate-row" in _codes(_check(root, fill(template, tmp_path / "g.xlsx", doc, [*rows, yes])))
