"""The spreadsheet import: template → filled workbook → YAML that loads and judges exactly like the hand-written
file; every bad workbook gets its located message (sheet, row, column, code, fix); nothing is written over an
existing file without --force, and nothing at all when there is an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.records import importer, sheet
from dashboard.records.load import load
from tests.conftest import PROJECT, SHARED_SOURCES
from tests.workbooks import fill, fill_csv, from_dataset

OBS = sheet.OBSERVATIONS_SHEET
DOC = sheet.DOCUMENT_SHEET


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from tests.conftest import MINIMAL

    data, _ = load(MINIMAL, MINIMAL / "sources")
    path = tmp_path_factory.mktemp("template") / "figures.xlsx"
    sheet.write_template(path, data)
    return path


@pytest.fixture
def minimal_without_report(minimal_root):
    """The minimal data without its report's YAML (the report's text stays in the sources)."""
    data, _ = load(minimal_root, minimal_root / "sources")
    (minimal_root / "actuals" / "doc-report.yaml").unlink()
    return minimal_root, data


def _import(root: Path, path: Path, source: str | None = "report.txt", force: bool = False) -> importer.Outcome:
    filled = sheet.read(path.read_bytes(), path.name)
    src = importer.copy_source(root / "sources" / source) if source else None
    return importer.check(root, root / "sources", filled, src, force=force)


# ---------------------------------------------------------------------------------------------- the template


def test_template_has_the_sheets_lists_and_help(template):
    wb = load_workbook(template)
    assert wb.sheetnames == [DOC, OBS, sheet.INDICATORS_SHEET, sheet.STAND_INS_SHEET, sheet.HELP_SHEET, sheet.LISTS_SHEET]
    headers = [c.value for c in wb[OBS][1]]
    assert headers[:9] == ["指标 indicator", "度量 measure", "地区 area", "年份或时期 year", "数值 value",
                           "限定词 qualifier", "单位 unit", "口径 caliber", "原文 quote"]
    validations = {str(dv.sqref): dv.formula1 for dv in wb[OBS].data_validations.dataValidation}
    by_column = {headers[ord(ref[0]) - 65]: formula for ref, formula in validations.items()}
    assert set(by_column) == {"指标 indicator", "度量 measure", "地区 area", "限定词 qualifier", "单位 unit",
                              "备注所指规划 notes_for",  # the data's plans
                              "确认 confirmed"}  # yes/no for a row the propose command wrote
    lists = wb[sheet.LISTS_SHEET]
    indicator_col = [c.value for c in lists["A"]][1:5]
    assert indicator_col == ["gdp", "unemployment_rate", "green_space_rate", "air_quality_grade"]  # the loaded data's
    area_doc = {str(dv.sqref): dv.formula1 for dv in wb[DOC].data_validations.dataValidation}
    assert any("C$2" in f for f in area_doc.values())  # the document's area from the area list
    help_rows = [[c.value for c in r] for r in wb[sheet.HELP_SHEET].iter_rows(min_row=2)]
    described = {r[1] for r in help_rows if r[1]}
    assert {c.header for c in sheet.OBSERVATION_COLUMNS} <= described
    assert all(r[3] and r[4] for r in help_rows if r[1])  # every column explained in Chinese and English


def test_template_cli_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "f.xlsx"
    args = ["--data", str(PROJECT / "tests" / "data" / "minimal"), "--sources",
            str(PROJECT / "tests" / "data" / "minimal" / "sources")]
    assert main([*args, "template", "--out", str(out)]) == 0
    assert main([*args, "template", "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main([*args, "template", "--out", str(out), "--force"]) == 0


# ---------------------------------------------------------------------------------------------- the round trip


def _same_judgements(a, b) -> None:
    ja, jb = Judge(a), Judge(b)
    assert ja.summary().equals(jb.summary())
    for g in a.goals:
        x, y = ja.account(g.id), jb.account(g.id)
        assert (x.status, x.basis, x.reason) == (y.status, y.basis, y.reason)
        assert [(e.observation, e.role, e.reasons) for e in x.evidence] == \
            [(e.observation, e.role, e.reasons) for e in y.evidence]


def test_a_csv_saved_as_gbk_is_read(minimal_without_report, tmp_path):
    root, hand_written = minimal_without_report
    doc, rows = from_dataset(hand_written, "doc-report")
    path = fill_csv(tmp_path / "gbk.csv", doc, rows)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    outcome = _import(root, path)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert {o.id for o in outcome.after[0].observations} == {o.id for o in hand_written.observations}


def test_round_trip_minimal_xlsx_and_csv(template, minimal_without_report, tmp_path):
    root, hand_written = minimal_without_report
    doc, rows = from_dataset(hand_written, "doc-report")
    for path in (fill(template, tmp_path / "filled.xlsx", doc, rows), fill_csv(tmp_path / "filled.csv", doc, rows)):
        outcome = _import(root, path)
        assert outcome.ok, [str(p) for p in outcome.problems]
        importer.write(outcome)
        imported, report = load(root, root / "sources")
        assert report.valid, [str(p) for p in report.problems]
        assert imported.observations == hand_written.observations
        assert imported.documents == hand_written.documents
        _same_judgements(hand_written, imported)
        (root / "actuals" / "doc-report.yaml").unlink()


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="shared source documents not present")
@pytest.mark.parametrize("document_id", ["doc-000", "doc-003"])
def test_round_trip_real_document(template, real, tmp_path, document_id):
    """A real document typed into the template gives the hand-written records and the same judgement of every goal."""
    hand_written, _ = real
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "actuals" / f"{document_id}.yaml").unlink()
    doc, rows = from_dataset(hand_written, document_id)
    path = fill(template, tmp_path / "filled.xlsx", doc, rows)
    filled = sheet.read(path.read_bytes(), path.name)
    outcome = importer.check(root, SHARED_SOURCES, filled, None)
    assert outcome.ok, [str(p) for p in outcome.problems]
    importer.write(outcome)
    imported, report = load(root, SHARED_SOURCES)
    assert report.valid
    assert imported.observations == hand_written.observations and imported.documents == hand_written.documents
    _same_judgements(hand_written, imported)


# ---------------------------------------------------------------------------------------------- bad workbooks


def _row(rows, obs_id):
    return next(r for r in rows if r["id"] == obs_id)


def _set(obs_id, **cells):
    def change(doc, rows):
        _row(rows, obs_id).update(cells)
    return change


def _set_doc(**cells):
    def change(doc, rows):
        doc.update(cells)
    return change


def _duplicate_row(doc, rows):
    rows.append(dict(_row(rows, "report-gdp-2007")))


def _quote_typo(doc, rows):
    _row(rows, "report-gdp-2007")["quote"] = "全市完成地区生产总值515亿圆"


# name → (change, code, sheet, row, column); rows: the document's field rows from 2, the figures' rows from 2 in the
# order of doc-report.yaml (green 2007, unemployment 2007, gdp 2007, green 2006)
BAD = [
    ("unit-in-value", _set("report-gdp-2007", value="515亿元"), "type-mismatch", OBS, 4, "数值 value"),
    ("unit-not-the-quotes", _set("report-green-2007", unit="平方米"), "unit-not-in-quote", OBS, 2, "单位 unit"),
    ("qualifier-contradicts", _set("report-unemployment-2007", qualifier="以上"), "qualifier-not-in-quote", OBS, 3,
     "限定词 qualifier"),
    ("qualifier-dropped", _set("report-unemployment-2007", qualifier=None), "qualifier-missing", OBS, 3,
     "限定词 qualifier"),
    ("qualifier-word", _set("report-green-2007", qualifier="不低于"), "not-allowed", OBS, 2, "限定词 qualifier"),
    ("quote-typo", _quote_typo, "quote-not-in-source", OBS, 4, "原文 quote"),
    ("year-word", _set("report-gdp-2007", year="2007年度"), "type-mismatch", OBS, 4, "年份或时期 year"),
    ("unknown-indicator", _set("report-gdp-2007", indicator="gpd"), "unknown-reference", OBS, 4, "指标 indicator"),
    ("no-quote", _set("report-gdp-2007", quote=None), "missing-field", OBS, 4, "原文 quote"),
    ("no-value-no-text", _set("report-gdp-2007", value=None), "invalid-value", OBS, 4, None),
    ("unknown-unit", _set("report-gdp-2007", unit="亿"), "unknown-unit", OBS, 4, "单位 unit"),
    ("year-outside-document", _set("report-gdp-2007", year=2009), "year-out-of-range", OBS, 4, "年份或时期 year"),
    ("duplicate-row", _duplicate_row, "duplicate-id", OBS, 6, "编号 id"),
    ("bad-date", _set_doc(published="去年春天"), "type-mismatch", DOC, 8, "值 value"),
    ("no-area", _set_doc(area=None), "missing-field", DOC, 12, "值 value"),
    ("unknown-area", _set_doc(area="test-town"), "unknown-reference", DOC, 12, "值 value"),
    ("bad-basis", _set_doc(published_basis="guessed"), "not-allowed", DOC, 9, "值 value"),
]


@pytest.mark.parametrize("change, code, sheet_name, row, column", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_each_bad_workbook_gets_its_located_problem(template, minimal_without_report, tmp_path, change, code,
                                                    sheet_name, row, column):
    root, data = minimal_without_report
    doc, rows = from_dataset(data, "doc-report")
    change(doc, rows)
    outcome = _import(root, fill(template, tmp_path / "bad.xlsx", doc, rows))
    assert not outcome.ok
    found = [(p.code, p.cell.sheet, p.cell.row, p.cell.column) for p in outcome.problems if p.cell]
    assert (code, sheet_name, row, column) in found, found
    assert all(p.file == "bad.xlsx" for p in outcome.problems)
    assert not (root / "actuals" / "doc-report.yaml").exists()


#: The exact located message (English) of each bad workbook above, as an editor reads it.
MESSAGES = {
    'unit-in-value':
        'bad.xlsx: 数据 observations row 4 column 数值 value: [type-mismatch] observation "report-gdp-2007" field "value": must be a number (without units or quotes), got \'515亿元\'. Fix: write the value in the form the format asks for (a number without units or quotes, a year as 2010)',
    'unit-not-the-quotes':
        'bad.xlsx: 数据 observations row 2 column 单位 unit: [unit-not-in-quote] observation "report-green-2007" field "unit": the unit \'平方米\' does not follow 38.7 in the quote (the quote has \'%\' after it). Fix: use the unit the quote puts after the number, or mark a converted figure as derived',
    'qualifier-contradicts':
        'bad.xlsx: 数据 observations row 3 column 限定词 qualifier: [qualifier-not-in-quote] observation "report-unemployment-2007" field "qualifier": the qualifier \'以上\' does not stand next to 2 in the quote (the quote says \'以内\' there). Fix: use the qualifier the quote uses next to the number, or mark a computed figure as derived',
    'qualifier-dropped':
        'bad.xlsx: 数据 observations row 3 column 限定词 qualifier: [qualifier-missing] observation "report-unemployment-2007" field "qualifier": the quote says \'以内\' next to 2, but the record has no qualifier. Fix: add qualifier: 以内',
    'qualifier-word':
        'bad.xlsx: 数据 observations row 2 column 限定词 qualifier: [not-allowed] observation "report-green-2007" field "qualifier": \'不低于\' is not an allowed value (allowed: 达, 达到, 以上, 超过, 以内, 以下, 不超过, 不到, 低于, 左右, 约, 近); did you mean \'以上\'? Fix: choose one of the allowed values',
    'quote-typo':
        'bad.xlsx: 数据 observations row 4 column 原文 quote: [quote-not-in-source] observation "report-gdp-2007" field "quote": the quote does not stand in report.txt; the closest passage of the source is “全市完成地区生产总值515亿元。”, differing from character 15 of the quote on (the quote has “圆”, the source “元。”). Fix: copy the words exactly from the source document (only white space may differ)',
    'year-word':
        'bad.xlsx: 数据 observations row 4 column 年份或时期 year: [type-mismatch] observation "report-gdp-2007" field "year": must be a whole number (such as 2010), got \'2007年度\'. Fix: write the value in the form the format asks for (a number without units or quotes, a year as 2010)',
    'unknown-indicator':
        'bad.xlsx: 数据 observations row 4 column 指标 indicator: [unknown-reference] observation "report-gdp-2007" field "indicator": no indicator has the id \'gpd\'; the closest by name: gdp (GDP). Fix: use an id that exists, or add the missing record',
    'no-quote':
        'bad.xlsx: 数据 observations row 4 column 原文 quote: [missing-field] observation "report-gdp-2007" field "quote": required field is missing. Fix: add the field (see docs/data-format.md)',
    'no-value-no-text':
        'bad.xlsx: 数据 observations row 4: [invalid-value] observation "report-gdp-2007": give exactly one of value (a number) or value_text (a statement without a number). Fix: correct the value as said (allowed values are listed in docs/data-format.md)',
    'unknown-unit':
        'bad.xlsx: 数据 observations row 4 column 单位 unit: [unknown-unit] observation "report-gdp-2007" field "unit": unit \'亿\' is not in the unit list; did you mean \'亿元\'? Fix: use one of the units in docs/data-format.md, or add the unit to dashboard/records/model.py UNITS if it is truly new',
    'year-outside-document':
        'bad.xlsx: 数据 observations row 4 column 年份或时期 year: [year-out-of-range] observation "report-gdp-2007" field "year": the year(s) of the figure 2009 is outside the years its document covers (2006–2007). Fix: check the year against the plan\'s period, base year and horizon, or the years the document covers',
    'duplicate-row':
        'bad.xlsx: 数据 observations row 6 column 编号 id: [duplicate-id] observation "report-gdp-2007" field "id": id is already used in 数据 observations row 4. Fix: give each record its own id; ids are how pages and exports refer to records',
    'bad-date':
        'bad.xlsx: 文献 document row 8 column 值 value: [type-mismatch] document "doc-report" field "published": must be a date (such as 2008-02-20), got \'去年春天\'. Fix: write the value in the form the format asks for (a number without units or quotes, a year as 2010)',
    'no-area':
        'bad.xlsx: 文献 document row 12 column 值 value: [missing-field] document "doc-report" field "area": required field is missing. Fix: add the field (see docs/data-format.md)',
    'unknown-area':
        'bad.xlsx: 文献 document row 12 column 值 value: [unknown-reference] document "doc-report" field "area": no area has the id \'test-town\'; the closest by name: test-city (Test City), test-district (Test District). Fix: use an id that exists, or add the missing record',
    'bad-basis':
        'bad.xlsx: 文献 document row 9 column 值 value: [not-allowed] document "doc-report" field "published_basis": \'guessed\' is not an allowed value (allowed: stated, inferred). Fix: choose one of the allowed values',
}


@pytest.mark.parametrize("name", [b[0] for b in BAD])
def test_each_bad_workbook_gets_its_exact_message(template, minimal_without_report, tmp_path, name):
    root, data = minimal_without_report
    doc, rows = from_dataset(data, "doc-report")
    change, code = next(b[1:3] for b in BAD if b[0] == name)
    change(doc, rows)
    outcome = _import(root, fill(template, tmp_path / "bad.xlsx", doc, rows))
    assert MESSAGES[name] in [p.located("en") for p in outcome.problems if p.code == code]

EXACT = [
    ("qualifier-contradicts", "en",
     'bad.xlsx: 数据 observations row 3 column 限定词 qualifier: [qualifier-not-in-quote] observation '
     '"report-unemployment-2007" field "qualifier": the qualifier \'以上\' does not stand next to 2 in the quote (the '
     'quote says \'以内\' there). Fix: use the qualifier the quote uses next to the number, or mark a computed figure '
     'as derived'),
    ("qualifier-word", "zh",
     'bad.xlsx：工作表“数据 observations”第2行“限定词 qualifier”列：[not-allowed]数据“report-green-2007”字段“qualifier”：'
     '“不低于”不是允许的取值（允许：达、达到、以上、超过、以内、以下、不超过、不到、低于、左右、约、近）；是否应为“以上”？修改：从允许的取值中选一个'),
    ("quote-typo", "zh",
     'bad.xlsx：工作表“数据 observations”第4行“原文 quote”列：[quote-not-in-source]数据“report-gdp-2007”字段“quote”：'
     '引文不在report.txt中；原文最接近的一段是“全市完成地区生产总值515亿元。”，自引文第15个字起不同（引文为“圆”，原文为“元。”）。'
     '修改：从原文逐字复制（只有空白可以不同）'),
    ("unit-in-value", "en",
     "bad.xlsx: 数据 observations row 4 column 数值 value: [type-mismatch] observation \"report-gdp-2007\" field "
     "\"value\": must be a number (without units or quotes), got '515亿元'. Fix: write the value in the form the format "
     "asks for (a number without units or quotes, a year as 2010)"),
]


@pytest.mark.parametrize("name, lang, message", EXACT, ids=[e[0] for e in EXACT])
def test_exact_located_messages(template, minimal_without_report, tmp_path, name, lang, message):
    root, data = minimal_without_report
    doc, rows = from_dataset(data, "doc-report")
    next(b for b in BAD if b[0] == name)[1](doc, rows)
    outcome = _import(root, fill(template, tmp_path / "bad.xlsx", doc, rows))
    assert message in [p.located(lang) for p in outcome.problems]


def test_qualifiers_yixia_and_buchaoguo_are_accepted_as_at_most(template, minimal_without_report, tmp_path):
    root, data = minimal_without_report
    doc, rows = from_dataset(data, "doc-report")
    for word in ("以下", "不超过"):
        _row(rows, "report-unemployment-2007")["qualifier"] = word
        outcome = _import(root, fill(template, tmp_path / "ok.xlsx", doc, rows))
        assert outcome.ok, [str(p) for p in outcome.problems]


def test_broken_files_are_one_problem_each(minimal_without_report, tmp_path, template):
    root, _ = minimal_without_report
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    assert [p.code for p in _import(root, junk).problems][:1] == ["workbook-unreadable"]
    wb = load_workbook(template)
    wb[OBS].title = "Sheet9"
    renamed = tmp_path / "renamed.xlsx"
    wb.save(renamed)
    assert "sheet-missing" in [p.code for p in _import(root, renamed).problems]
    wb = load_workbook(template)
    wb[OBS].cell(1, 9).value = "引文"
    nocol = tmp_path / "nocol.xlsx"
    wb.save(nocol)
    outcome = _import(root, nocol)
    assert {"column-missing", "unknown-column"} <= {p.code for p in outcome.problems}


# ---------------------------------------------------------------------------------------------- writing


def test_never_over_an_existing_file_without_force(template, minimal_root, tmp_path):
    data, _ = load(minimal_root, minimal_root / "sources")
    doc, rows = from_dataset(data, "doc-report")
    target = minimal_root / "actuals" / "doc-report.yaml"
    before = target.read_bytes()
    path = fill(template, tmp_path / "again.xlsx", doc, rows)
    outcome = _import(minimal_root, path)
    assert "output-exists" in [p.code for p in outcome.problems]
    with pytest.raises(Exception):  # noqa: B017 - refused, whatever the type
        importer.write(outcome)
    assert target.read_bytes() == before
    forced = _import(minimal_root, path, force=True)
    assert forced.ok, [str(p) for p in forced.problems]
    importer.write(forced)
    assert load(minimal_root, minimal_root / "sources")[1].valid


def test_atomic_write_never_replaces_without_asking(tmp_path):
    path = tmp_path / "a.yaml"
    importer.atomic_write(path, b"one")
    with pytest.raises(FileExistsError):
        importer.atomic_write(path, b"two")
    assert path.read_bytes() == b"one" and [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
    importer.atomic_write(path, b"two", replace=True)
    assert path.read_bytes() == b"two"


def test_import_cli_dry_run_writes_nothing_then_writes_and_copies_the_source(template, minimal_without_report,
                                                                             tmp_path, capsys):
    root, data = minimal_without_report
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(root / "sources" / "plan.txt", sources)  # the report's text is new to this sources folder
    doc, rows = from_dataset(data, "doc-report")
    path = fill(template, tmp_path / "f.xlsx", doc, rows)
    args = ["--data", str(root), "--sources", str(sources), "import", str(path), "--source",
            str(root / "sources" / "report.txt")]
    assert main([*args, "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Dry run (--dry-run): nothing written." in out and "### New or changed figures (4)" in out
    assert not (root / "actuals" / "doc-report.yaml").exists() and not (sources / "report.txt").exists()
    assert main(args) == 0
    assert "已写入" in capsys.readouterr().out
    assert (sources / "report.txt").read_bytes() == (root / "sources" / "report.txt").read_bytes()
    imported, report = load(root, sources)
    assert report.valid and imported.observations == data.observations


def test_import_cli_with_errors_exits_1_and_writes_nothing(template, minimal_without_report, tmp_path, capsys):
    root, data = minimal_without_report
    doc, rows = from_dataset(data, "doc-report")
    _row(rows, "report-green-2007")["unit"] = "平方米"
    path = fill(template, tmp_path / "f.xlsx", doc, rows)
    code = main(["--data", str(root), "--sources", str(root / "sources"), "import", str(path), "--source",
                 str(root / "sources" / "report.txt")])
    out = capsys.readouterr().out
    assert code == 1 and "[unit-not-in-quote]" in out and "未写入任何文件" in out
    assert not (root / "actuals" / "doc-report.yaml").exists()
