"""The spreadsheet form of one document's figures: its columns, the template workbook, and reading a filled one.

A workbook has a document sheet (one field a row: title, publisher, date, area, years, source file…), an
observations sheet (one figure a row, a column per field), a help sheet explaining each column in Chinese and
English, and a lists sheet whose columns feed the drop-down lists (indicator, area, measure, qualifier, unit).
A CSV file holds the same: the document's `field,value` rows first, then a blank line, then the observations'
header and rows. Reading gives every cell with where it stood (sheet, row, column), so the import can locate each
problem the loader finds in the YAML made from it (`importer.py`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from dashboard.records import errors
from dashboard.records.model import AreaLevel, Dataset, ObservedMeasure, Qualifier
from dashboard.records.sources import decode

DOCUMENT_SHEET = "文献 document"
OBSERVATIONS_SHEET = "数据 observations"
INDICATORS_SHEET = "指标 indicators"
STAND_INS_SHEET = "代用 stand-ins"
HELP_SHEET = "说明 help"
LISTS_SHEET = "列表 lists"


@dataclass(frozen=True)
class Column:
    key: str  # the YAML field (derived.formula for a nested one)
    zh: str  # the column's Chinese name
    help_zh: str
    help_en: str
    required: bool = False
    choices: str | None = None  # which drop-down list: indicator, area, plan, measure, qualifier, unit, basis

    @property
    def header(self) -> str:
        return f"{self.zh} {self.key}"


DOCUMENT_FIELDS: tuple[Column, ...] = (
    Column("id", "文献编号", "文献的id，如doc-005；留空则按原文文件名的编号生成", "the document's id, such as doc-005; left empty, it "
           "is made from the number the source file's name starts with"),
    Column("file", "原文文件", "原文文本文件的文件名（如005_report.txt）；导入时的--source优先",
           "the source text file's name (such as 005_report.txt); the import's --source overrides it"),
    Column("title", "标题", "文献标题，照原文", "the document's title, as it reads", required=True),
    Column("title_en", "英文标题", "标题的英文译文", "the title in English", required=True),
    Column("publisher", "发布机关", "发布者（如克拉玛依市人民政府）", "who published it", required=True),
    Column("publisher_en", "英文发布机关", "发布者的英文名", "the publisher in English"),
    Column("published", "发布日期", "发布日期，如2008-02-20", "the date published, such as 2008-02-20", required=True),
    Column("published_basis", "日期依据", "stated（文中写明）或inferred（推定）", "stated (the text says it) or inferred",
           required=True, choices="basis"),
    Column("published_note", "日期说明", "日期是如何推定的", "how the date was inferred"),
    Column("published_note_en", "英文日期说明", "日期说明的英文", "the date note in English"),
    Column("area", "地区", "文献所代表的地区（下拉选择）", "the area the document speaks for (from the list)", required=True,
           choices="area"),
    Column("years", "涵盖年份", "数据涵盖的起止年份，如2007或2007-2008", "first and last year its figures cover, such as 2007 or "
           "2007-2008", required=True),
)

OBSERVATION_COLUMNS: tuple[Column, ...] = (
    Column("indicator", "指标", "指标id（下拉选择；见“列表”工作表中的名称）", "the indicator id (from the list; names on the lists "
           "sheet)", required=True, choices="indicator"),
    Column("measure", "度量", "level（水平值）、yoy_growth（同比增长）等；留空为level", "level, yoy_growth (同比), …; empty means "
           "level", choices="measure"),
    Column("area", "地区", "数字所属的地区（下拉选择）；留空为文献的地区", "the area the figure is for (from the list); empty means the "
           "document's area", choices="area"),
    Column("year", "年份或时期", "一年写2007；一个时期写2016-2020", "one year as 2007; a period as 2016-2020", required=True),
    Column("value", "数值", "数字本身，不带单位（38.7）", "the number alone, without its unit (38.7)"),
    Column("qualifier", "限定词", "原文紧挨数字的词：以上、以内、以下、不超过、低于、不到、超过、左右、约、近、达到；没有则留空",
           "the word the quote puts next to the number (以上, 以内, 以下…); empty for a plain figure", choices="qualifier"),
    Column("unit", "单位", "原文数字后的单位（下拉选择）", "the unit the quote writes after the number (from the list)",
           choices="unit"),
    Column("caliber", "口径", "如新口径、现价、可比价、规模以上", "the basis, such as 新口径, 现价, 可比价, 规模以上"),
    Column("quote", "原文", "从原文逐字复制、包含该数字的句子", "the sentence stating the figure, copied word for word",
           required=True),
    Column("notes", "备注", "说明（中文）", "notes (Chinese)"),
    Column("notes_en", "英文备注", "说明（英文）", "notes (English)"),
    Column("notes_for", "备注所指规划", "备注只针对一个规划的目标时（如“不是克拉玛依区的”）填该规划的编号，别的规划页面上就不显示；"
           "留空则处处显示", "when the notes speak of one plan's goals (not the district's…), that plan's id: they are "
           "left out on other plans' pages; empty shows them everywhere", choices="plan"),
    Column("value_text", "文字表述", "没有数字的表述（如建成了覆盖全市的教育城域网）；与数值二选一", "a statement without a number; "
           "instead of value"),
    Column("value_text_en", "英文文字表述", "文字表述的英文译文", "the statement in English"),
    Column("price_basis", "价格口径", "current（现价）或comparable（可比价）", "current or comparable prices"),
    Column("period_note", "时期说明", "时期是如何确定的（如“十三五”时期 → 2016-2020）", "how the period was read"),
    Column("derived.formula", "计算公式", "只用于由原文数字计算得出的数字，如38.7 - 1.2", "only for a figure computed from reported "
           "ones, such as 38.7 - 1.2"),
    Column("derived.inputs", "计算依据", "计算所用数据的id，用逗号分隔", "the ids of the figures it is computed from, comma-separated"),
    Column("quote_en", "英文原文", "原文的英文译文", "the quote in English"),
    Column("caliber_en", "英文口径", "口径的英文", "the basis in English"),
    Column("period_note_en", "英文时期说明", "时期说明的英文", "the period note in English"),
    Column("id", "编号", "数据的id；留空则自动生成（文献编号-指标-年份）", "the figure's id; empty means made from document, "
           "indicator and year"),
    Column("override", "例外说明", "只在确有理由时填写：例如原文提到另一个地区，但该数字确属“地区”一栏的地区，请写明原因",
           "only when there is a reason: e.g. the quote names another area but the figure truly is the area column's; "
           "say why"),
    Column("confirmed", "确认", "只用于程序建议的行（propose命令写出）：核对原文后填“是”才会导入，填“否”或留空则不导入",
           "only for rows the program proposed (written by the propose command): yes imports the row once checked "
           "against the document; no, or empty, leaves it out", choices="confirmed"),
    Column("proposed", "程序建议", "程序为何建议这一行（propose命令填写）；不写入数据", "why the program proposed this row "
           "(filled by the propose command); never written into the data"),
    Column("inferred", "推定内容", "哪些内容是编辑推定的（period、notes、price_basis、caliber，逗号分隔）", "which statements are "
           "the editor's inference (period, notes, price_basis, caliber; comma-separated)"),
    Column("meets", "声明达标", "只用于定性目标：这一陈述是否达到目标（true或false）", "categorical goals only: whether this "
           "statement meets the goal (true or false)"),
    Column("meets_reason", "达标理由", "声明达标的理由（中文）", "why, in Chinese"),
    Column("meets_reason_en", "英文达标理由", "声明达标的理由（英文）", "why, in English"),
)

#: A new indicator an editor proposes (imported to actuals/indicators-<document>.yaml, reviewed like any data file).
INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("id", "指标编号", "新指标的id：小写英文字母、数字和下划线，如fixed_asset_investment", "the new indicator's id: lower-case "
           "letters, digits and underscores, such as fixed_asset_investment", required=True),
    Column("name", "名称", "指标的中文名称，照原文（如全社会固定资产投资）", "the indicator's Chinese name, as the documents "
           "write it", required=True),
    Column("name_en", "英文名称", "英文名称", "its English name", required=True),
    Column("kind", "类型", "total（总量，如生产总值）或intensive（比率、人均，如绿地率）", "total (an amount, such as GDP) or "
           "intensive (a rate or per-head figure, such as a green-space rate)", required=True, choices="kind"),
    Column("direction", "方向", "higher（越高越好）、lower（越低越好）或neutral", "higher (more is better), lower or neutral",
           choices="direction"),
    Column("unit", "单位", "通常的单位（只作说明）", "its usual unit (a note only)", choices="unit"),
    Column("relation_to", "相关指标", "与之相关的已有指标id（如口径不同的同类指标）", "an existing indicator it relates to "
           "(such as one of another basis)", choices="indicator"),
    Column("relation", "关系", "proxy（可作标明的代用）或different（不可比）", "proxy (may stand in, marked) or different (never "
           "comparable)", choices="relation"),
    Column("note", "口径说明", "两者的口径有何不同", "how the two concepts differ"),
    Column("note_en", "英文口径说明", "口径说明的英文", "the concept note in English"),
)

#: A declaration of what a larger area's figures may say about an indicator (actuals/stand-ins-<document>.yaml).
STAND_IN_COLUMNS: tuple[Column, ...] = (
    Column("indicator", "指标", "指标id（下拉选择）", "the indicator id (from the list)", required=True, choices="indicator"),
    Column("area", "较大地区", "其数据要代用的较大地区（下拉选择）；或填“层级”一栏", "the larger area whose figures are meant "
           "(from the list); or fill the level column", choices="area"),
    Column("level", "层级", "或：该层级的每个上级地区（如city）", "or: every larger area of this level (such as city)",
           choices="level"),
    Column("use", "用法", "level（水平可代用）、pace（只有变化速度可代用）或none（不可代用）", "level (its level may stand in), "
           "pace (only its pace) or none", required=True, choices="use"),
    Column("reason", "理由", "为什么可以（或不可以）这样代用", "why its figures may (or may not) stand in", required=True),
    Column("reason_en", "英文理由", "理由的英文", "the reason in English", required=True),
)

#: What the confirmed column accepts as yes and as no (a proposed row is imported only when confirmed).
CONFIRMED_YES = frozenset({"是", "yes", "y", "1", "true", "✓", "√", "对", "确认"})
CONFIRMED_NO = frozenset({"否", "no", "n", "0", "false", "✗", "×", "错", "不"})

MEASURES: tuple[str, ...] = get_args(ObservedMeasure)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


# ---------------------------------------------------------------------------------------------- reading


@dataclass
class Value:
    """A cell's value and where it stood."""

    value: Any
    cell: errors.Cell
    percent: bool = False  # a cell Excel shows as a percentage (it stores 38.65% as 0.3865)


@dataclass
class Row:
    cell: errors.Cell  # the row (column None)
    values: dict[str, Value] = field(default_factory=dict)  # by column key; blank cells absent


@dataclass
class Filled:
    """A filled workbook (or CSV file), read: the document's fields and the observations' rows."""

    name: str  # the file name, as messages name it
    document: dict[str, Value] = field(default_factory=dict)
    document_sheet: str = DOCUMENT_SHEET
    document_rows: dict[str, int] = field(default_factory=dict)  # the row of each field the sheet has, filled or not
    rows: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)  # proposed indicators (the workbook's indicators sheet)
    stand_ins: list[Row] = field(default_factory=list)  # stand-in declarations (its stand-ins sheet)
    problems: list[errors.Problem] = field(default_factory=list)


def read(data: bytes, name: str) -> Filled:
    """A workbook (.xlsx) or a CSV file's bytes, read without judging any value (the loader does that)."""
    filled = Filled(name=name)
    try:
        if name.lower().endswith(".csv"):
            _read_csv(data, filled)
        else:
            _read_xlsx(data, filled)
    except Exception as exc:  # noqa: BLE001 - a broken or foreign file is one located problem, never a crash
        filled.problems.append(errors.WorkbookUnreadable(file=name, kind="file", detail=f"{type(exc).__name__}: {exc}"))
    return filled


def _read_xlsx(data: bytes, filled: Filled) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        names = {_norm(n): n for n in wb.sheetnames}
        doc_name = _find_sheet(names, DOCUMENT_SHEET)
        obs_name = _find_sheet(names, OBSERVATIONS_SHEET)
        for wanted, found in ((DOCUMENT_SHEET, doc_name), (OBSERVATIONS_SHEET, obs_name)):
            if found is None:
                filled.problems.append(errors.SheetMissing(file=filled.name, kind="file", params={"sheet": wanted}))
        if doc_name is not None:
            filled.document_sheet = doc_name
            _document_rows(((i, list(r)) for i, r in enumerate(wb[doc_name].iter_rows(values_only=True), start=1)),
                           doc_name, filled)
        if obs_name is not None:
            percent: set[tuple[int, int]] = set()  # (row, column index) of cells formatted as a percentage

            def values(rows):
                for i, r in enumerate(rows, start=1):
                    for k, c in enumerate(r):
                        if "%" in str(getattr(c, "number_format", "") or "") and isinstance(c.value, int | float):
                            percent.add((i, k))
                    yield i, [c.value for c in r]

            _observation_rows(values(wb[obs_name].iter_rows()), obs_name, filled, percent)
        for wanted, columns, into in ((INDICATORS_SHEET, INDICATOR_COLUMNS, filled.indicators),
                                      (STAND_INS_SHEET, STAND_IN_COLUMNS, filled.stand_ins)):
            found = _find_sheet(names, wanted)  # optional sheets: a workbook without them has nothing to propose
            if found is not None:
                into += _table_rows(enumerate(wb[found].iter_rows(values_only=True), start=1), found, columns, filled)
    finally:
        wb.close()


def _read_csv(data: bytes, filled: Filled) -> None:
    decoded = decode(data)  # UTF-8 (with or without a mark) or GB18030: Excel on a Chinese system saves CSV as GBK
    if decoded.encoding is None:
        raise UnicodeError(f"not UTF-8 or GB18030 text (byte {decoded.error_at})")
    text = decoded.text
    lines = list(csv.reader(io.StringIO(text)))
    header_at = next((i for i, r in enumerate(lines) if _header_keys(r)), None)
    if header_at is None:
        filled.document_sheet = filled.name
        _document_rows(((i + 1, r) for i, r in enumerate(lines)), filled.name, filled)
        if filled.document_rows:  # Excel saved only the sheet on screen, the document's
            filled.problems.append(errors.CsvOneSheet(file=filled.name, kind="file", cell=errors.Cell(filled.name),
                                                      params={"present": DOCUMENT_SHEET, "missing": OBSERVATIONS_SHEET}))
        else:
            filled.problems.append(errors.ColumnMissing(file=filled.name, kind="file",
                                                        params={"column": OBSERVATION_COLUMNS[0].header}))
        return
    filled.document_sheet = filled.name
    _document_rows(((i + 1, r) for i, r in enumerate(lines[:header_at])), filled.name, filled)
    if not filled.document_rows:  # Excel saved only the sheet on screen, the observations
        filled.problems.append(errors.CsvOneSheet(file=filled.name, kind="file", cell=errors.Cell(filled.name, 1),
                                                  params={"present": OBSERVATIONS_SHEET, "missing": DOCUMENT_SHEET}))
    _observation_rows(((i + 1, r) for i, r in enumerate(lines[header_at:], start=header_at)), filled.name, filled)


def _find_sheet(names: dict[str, str], wanted: str) -> str | None:
    for candidate in (wanted, *wanted.split(" ")):
        if _norm(candidate) in names:
            return names[_norm(candidate)]
    return None


def _norm(text: Any) -> str:
    """A sheet's or a column's name as matched: NFKC, case and the mark of a required field (*) ignored."""
    return unicodedata.normalize("NFKC", str(text or "")).strip().removesuffix("*").strip().casefold()


_DOC_KEYS = {_norm(c.key): c.key for c in DOCUMENT_FIELDS} | {_norm(c.zh): c.key for c in DOCUMENT_FIELDS} | {
    _norm(c.header): c.key for c in DOCUMENT_FIELDS}
_OBS_KEYS = {_norm(c.key): c.key for c in OBSERVATION_COLUMNS} | {_norm(c.zh): c.key for c in OBSERVATION_COLUMNS} | {
    _norm(c.header): c.key for c in OBSERVATION_COLUMNS}


def _document_rows(rows, sheet: str, filled: Filled) -> None:
    """Rows of `field | value | help`: the field by its key, its Chinese name or both."""
    for number, row in rows:
        if not row or _blank(row[0]):
            continue
        key = _DOC_KEYS.get(_norm(row[0]))
        if key is None:
            continue  # a title or a note line of the sheet
        value = row[1] if len(row) > 1 else None
        filled.document_rows.setdefault(key, number)
        if not _blank(value):
            filled.document[key] = Value(value, errors.Cell(sheet, number, DOCUMENT_COLUMN_VALUE))


DOCUMENT_COLUMN_VALUE = "值 value"


def _header_keys(row: list) -> list[str | None] | None:
    keys = [_OBS_KEYS.get(_norm(c)) for c in row]
    return keys if sum(k is not None for k in keys) >= 3 else None  # the header: a row naming three columns


def _observation_rows(rows, sheet: str, filled: Filled, percent: set[tuple[int, int]] | None = None) -> None:
    rows = iter(rows)
    percent = set() if percent is None else percent  # (filled while the rows are read)
    keys: list[str | None] | None = None
    headers: list[str] = []
    for number, row in rows:
        keys = _header_keys(row)
        if keys is not None:
            headers = [str(c).strip() if c is not None else "" for c in row]
            for c, k in zip(headers, keys, strict=True):
                if k is None and c:
                    filled.problems.append(errors.UnknownColumn(file=filled.name, kind="file", params={"column": c},
                                                                cell=errors.Cell(sheet, number, c)))
            present = set(keys)
            for col in OBSERVATION_COLUMNS:
                if col.required and col.key not in present:
                    filled.problems.append(errors.ColumnMissing(file=filled.name, kind="file",
                                                                params={"column": col.header},
                                                                cell=errors.Cell(sheet, number)))
            break
    if keys is None:
        filled.problems.append(errors.ColumnMissing(file=filled.name, kind="file",
                                                    params={"column": OBSERVATION_COLUMNS[0].header},
                                                    cell=errors.Cell(sheet)))
        return
    for number, row in rows:
        values = {}
        for index, (value, key, header) in enumerate(zip(row, keys, headers, strict=False)):
            if key is not None and not _blank(value):
                values[key] = Value(value, errors.Cell(sheet, number, header), percent=(number, index) in percent)
        if values:
            filled.rows.append(Row(cell=errors.Cell(sheet, number), values=values))


def _table_rows(rows, sheet: str, columns: tuple[Column, ...], filled: Filled) -> list[Row]:
    """The rows of a sheet whose first row names its columns (key, Chinese name or both)."""
    by_name = {_norm(n): c.key for c in columns for n in (c.key, c.zh, c.header)}
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        return []
    number, cells = header
    keys = [by_name.get(_norm(c)) for c in cells]
    headers = [str(c).strip() if c is not None else "" for c in cells]
    for c, k in zip(headers, keys, strict=True):
        if k is None and c:
            filled.problems.append(errors.UnknownColumn(file=filled.name, kind="file", params={"column": c},
                                                        cell=errors.Cell(sheet, number, c)))
    out = []
    for number, row in rows:
        values = {key: Value(value, errors.Cell(sheet, number, head))
                  for value, key, head in zip(row, keys, headers, strict=False) if key and not _blank(value)}
        if values:
            out.append(Row(cell=errors.Cell(sheet, number), values=values))
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------------------------------------- the template


def choices(dataset: Dataset) -> dict[str, list[tuple[str, str]]]:
    """Each drop-down list as (value, what it is), drawn from the loaded data."""
    from dashboard.records.model import UNITS

    return {
        "indicator": [(i.id, f"{i.name} / {i.name_en}") for i in dataset.indicators],
        "area": [(a.id, f"{a.name} / {a.name_en}") for a in dataset.areas],
        "plan": [(pl.id, f"{pl.name} / {pl.name_en}") for pl in dataset.plans],
        "measure": [(m, _MEASURE_WORDS.get(m, "")) for m in MEASURES],
        "qualifier": [(q, "") for q in QUALIFIERS],
        "unit": [(u, "") for u in UNITS],
        "basis": [("stated", "文中写明 / stated in the text"), ("inferred", "推定 / inferred")],
        "kind": [("total", "总量 / an amount"), ("intensive", "比率、人均 / a rate or per-head figure")],
        "direction": [("higher", "越高越好 / more is better"), ("lower", "越低越好 / less is better"),
                      ("neutral", "无所谓好坏 / neither")],
        "relation": [("proxy", "可作标明的代用 / may stand in, marked"), ("different", "不可比 / never comparable")],
        "level": [(lv, "") for lv in get_args(AreaLevel)],
        "use": [("level", "水平可代用 / its level may stand in"), ("pace", "只有变化速度 / its pace only"),
                ("none", "不可代用 / not at all")],
        "confirmed": [("是", "导入 / yes, import it"), ("否", "不导入 / no, leave it out")],
    }


_MEASURE_WORDS = {
    "level": "水平值 / the quantity itself", "yoy_growth": "同比增长x% / growth over the year before",
    "annual_growth_rate": "年均增长x% / average annual growth", "annual_increase": "年均增加x / average annual increase",
    "change_from_base_pct": "比基期提高/降低x% / change from the base year", "multiple_of_base": "为基期的x倍 / multiple of the base",
}


def write_template(path: Path, dataset: Dataset, *, document: dict[str, Any] | None = None,
                   rows: list[dict[str, Any]] | None = None, columns: tuple[Column, ...] = OBSERVATION_COLUMNS) -> None:
    """The template workbook, with drop-down lists drawn from `dataset` (written to a temporary file, then moved).

    Pre-filled (the propose command): `document` holds the document sheet's values by field key, `rows` the
    observations' cells by column key, in `columns`' order (any order reads back: columns are found by name);
    a row with a `proposed` cell is shaded until the editor confirms it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = choices(dataset)
    wb = Workbook()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    # lists: one column per drop-down list, value and what it is
    ls = wb.active
    ls.title = LISTS_SHEET
    ranges: dict[str, str] = {}
    for k, (name, items) in enumerate(lists.items()):
        col, note = get_column_letter(2 * k + 1), get_column_letter(2 * k + 2)
        ls[f"{col}1"], ls[f"{note}1"] = name, f"{name}: 说明 / meaning"
        ls[f"{col}1"].font = ls[f"{note}1"].font = bold
        for r, (value, meaning) in enumerate(items, start=2):
            ls[f"{col}{r}"], ls[f"{note}{r}"] = value, meaning
        ranges[name] = f"'{LISTS_SHEET}'!${col}$2:${col}${max(2, len(items) + 1)}"
        ls.column_dimensions[col].width = 22
        ls.column_dimensions[note].width = 36

    def validation(name: str, cells: str, sheet) -> None:
        # an indicator may be one proposed on the indicators sheet: Excel warns, and lets it be typed
        dv = DataValidation(type="list", formula1=ranges[name], allow_blank=True, showErrorMessage=True,
                            errorStyle="warning" if name == "indicator" else "stop",
                            errorTitle="不在列表中 / not in the list",
                            error="请从下拉列表中选择 / choose a value from the drop-down list")
        dv.add(cells)
        sheet.add_data_validation(dv)

    # the document: one field a row
    ds = wb.create_sheet(DOCUMENT_SHEET, 0)
    ds.append(["字段 field", DOCUMENT_COLUMN_VALUE, "说明", "help"])
    for c in ds[1]:
        c.font, c.fill = bold, head_fill
    for col in DOCUMENT_FIELDS:
        ds.append([col.header + (" *" if col.required else ""), (document or {}).get(col.key), col.help_zh,
                   col.help_en])
    for r, col in enumerate(DOCUMENT_FIELDS, start=2):
        if col.choices:
            validation(col.choices, f"B{r}", ds)
        if col.key == "published":
            ds[f"B{r}"].number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCD", (24, 40, 44, 52), strict=True):
        ds.column_dimensions[letter].width = width

    # the observations: one figure a row
    os_ = wb.create_sheet(OBSERVATIONS_SHEET, 1)
    os_.append([c.header for c in columns])
    for cell in os_[1]:
        cell.font, cell.fill, cell.alignment = bold, head_fill, wrap
    os_.freeze_panes = "A2"
    proposed_fill = PatternFill("solid", fgColor="FFF2CC")
    for values in rows or []:
        os_.append([values.get(c.key) for c in columns])
        if values.get("proposed"):
            for cell in os_[os_.max_row]:
                cell.fill = proposed_fill
    for k, col in enumerate(columns, start=1):
        letter = get_column_letter(k)
        os_.column_dimensions[letter].width = {"quote": 60, "proposed": 40}.get(col.key, 16)
        if col.choices:
            validation(col.choices, f"{letter}2:{letter}{max(2000, os_.max_row + 100)}", os_)

    # proposals: new indicators and stand-in declarations, one a row (optional; empty sheets propose nothing)
    for position, (name, cols) in enumerate(((INDICATORS_SHEET, INDICATOR_COLUMNS), (STAND_INS_SHEET, STAND_IN_COLUMNS)),
                                            start=2):
        ps = wb.create_sheet(name, position)
        ps.append([c.header for c in cols])
        for cell in ps[1]:
            cell.font, cell.fill, cell.alignment = bold, head_fill, wrap
        ps.freeze_panes = "A2"
        for k, col in enumerate(cols, start=1):
            letter = get_column_letter(k)
            ps.column_dimensions[letter].width = 40 if col.key in ("note", "note_en", "reason", "reason_en") else 18
            if col.choices:
                validation(col.choices, f"{letter}2:{letter}500", ps)

    # help: every column in both languages
    hs = wb.create_sheet(HELP_SHEET, 4)
    hs.append(["工作表 sheet", "列 column", "必填 required", "说明", "help"])
    for c in hs[1]:
        c.font, c.fill = bold, head_fill
    for sheet, cols in ((DOCUMENT_SHEET, DOCUMENT_FIELDS), (OBSERVATIONS_SHEET, columns),
                        (INDICATORS_SHEET, INDICATOR_COLUMNS), (STAND_INS_SHEET, STAND_IN_COLUMNS)):
        for col in cols:
            hs.append([sheet, col.header, "是 yes" if col.required else "", col.help_zh, col.help_en])
    hs.append([])
    for zh, en in _HELP_NOTES:
        hs.append(["", "", "", zh, en])
    for letter, width in zip("ABCDE", (18, 26, 12, 60, 60), strict=True):
        hs.column_dimensions[letter].width = width
    for row in hs.iter_rows(min_row=2):
        for c in row:
            c.alignment = wrap

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


def write_request(path: Path, dataset: Dataset, publisher: str, publisher_en: str,
                  rows: list[dict[str, Any]]) -> None:
    """A request workbook for one department: the template with the figures wanted already on the observations
    sheet (indicator, measure, area, year, unit), for the department to fill in the value and the sentence that
    states it, and send back through the same import. Rows left unfilled are skipped by the import, with a warning."""
    from openpyxl import load_workbook
    from openpyxl.styles import PatternFill

    path = Path(path)
    write_template(path, dataset)
    wb = load_workbook(path)
    ds = wb[DOCUMENT_SHEET]
    for r in range(2, ds.max_row + 1):
        key = _DOC_KEYS.get(_norm(ds.cell(r, 1).value))
        if key in ("publisher", "publisher_en"):
            ds.cell(r, 2).value = publisher if key == "publisher" else publisher_en
    os_ = wb[OBSERVATIONS_SHEET]
    keys = [_OBS_KEYS.get(_norm(c.value)) for c in os_[1]]
    wanted = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill in
    for k, row in enumerate(rows, start=2):
        for col, key in enumerate(keys, start=1):
            if key in row and row[key] not in (None, ""):
                os_.cell(k, col).value = row[key]
            elif key in ("value", "quote", "qualifier"):
                os_.cell(k, col).fill = wanted
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


_HELP_NOTES = (
    ("每行一个数字；原文必须逐字复制，数字、限定词和单位必须在原文中紧挨着出现。",
     "One figure a row; the quote is copied word for word, and the number, its qualifier and its unit stand together in it."),
    ("导入：python -m dashboard import 本文件.xlsx --source 原文.txt --dry-run 先预览；确认后去掉--dry-run写入。",
     "Import: python -m dashboard import this.xlsx --source text.txt --dry-run to preview; drop --dry-run to write."),
    ("没有合适的指标时，在“指标”工作表中提出新指标；较大地区的数据能否代表本区，在“代用”工作表中声明并写明中英文理由。",
     "With no fitting indicator, propose one on the indicators sheet; whether a larger area's figures may speak for "
     "the plan's area is declared on the stand-ins sheet, with the reason in both languages."),
    ("数据需求表：黄色单元格请填写数值、限定词和原文；找不到的数字留空，该行导入时会被跳过。",
     "A data request: fill in the yellow cells (value, qualifier, quote); leave a figure you cannot find empty and "
     "its row is skipped on import."),
    ("导入写出actuals/doc-NNN.yaml，经审核后提交；YAML文件才是正式的数据。",
     "The import writes actuals/doc-NNN.yaml for review and commit; the YAML is the data of record."),
)


def cell_text(value: Any) -> str:
    """A cell as text: a whole float as an integer (2007.0 → 2007), a date as ISO."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def write_template_csv(path: Path) -> None:
    """The CSV form of the template: the document's `field,value,help` rows, a blank line, the observations' header."""
    buf = io.StringIO()
    w = csv.writer(buf)
    for col in DOCUMENT_FIELDS:
        w.writerow([col.key, "", f"{col.help_zh} / {col.help_en}"])
    w.writerow([])
    w.writerow([c.header for c in OBSERVATION_COLUMNS])
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8-sig")  # the mark makes spreadsheet programs read it as UTF-8
    tmp.replace(path)
