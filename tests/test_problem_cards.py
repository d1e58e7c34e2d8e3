"""The editor page's problem cards, as an editor reads them: where (sheet, row, column, field; an indicator by its
name, not a developer's file and line), what, and the fix — in the page's language, never "None"."""

from __future__ import annotations

from dashboard.present.locale import Locale
from dashboard.records import errors
from dashboard.web.ui.problems import card, where

NAMES = {"resident_population": "辖区人口"}


def test_a_cell_is_named_by_sheet_row_column_and_field():
    p = errors.MissingField(file="f.xlsx", kind="observation", field="quote",
                            cell=errors.Cell("数据 observations", 4, "原文 quote"))
    assert where(p, Locale("zh"), NAMES) == "工作表“数据 observations” · 第4行 · “原文 quote”列 · 字段quote"
    assert where(p, Locale("en"), NAMES) == "sheet “数据 observations” · row 4 · column “原文 quote” · field quote"


def test_a_csv_without_row_says_nothing_of_the_row():
    p = errors.CsvOneSheet(file="f.csv", kind="file", cell=errors.Cell("f.csv"),
                           params={"present": "数据 observations", "missing": "文献 document"})
    html = card(p, Locale("zh"), NAMES)
    assert "None" not in html and "第" not in where(p, Locale("zh"), NAMES)
    assert "修改：" in html and "直接上传.xlsx" in html


def test_a_data_files_indicator_is_named_not_its_file_and_line():
    p = errors.StandInUndeclared(file="targets/indicators.yaml", line=70, record="resident_population",
                                 field="stand_in", kind="indicator", params={"count": 1, "area": "karamay-city"})
    assert where(p, Locale("zh"), NAMES) == "指标“辖区人口”（resident_population）"
    html = card(p, Locale("en"), {"resident_population": "Population of the district"})
    assert "indicators.yaml" not in html and "Warning" in html and "stand-ins" in html


def test_errors_and_warnings_read_as_words_of_the_page():
    p = errors.DuplicateRow(file="f.xlsx", kind="observation", cell=errors.Cell("数据 observations", 5),
                            params={"first": 4, "how": errors.Text("同一原文和数值", "same quote and value")})
    assert ">错误<" in card(p, Locale("zh"), NAMES) and ">Error<" in card(p, Locale("en"), NAMES)
    assert "与第4行重复" in card(p, Locale("zh"), NAMES)
