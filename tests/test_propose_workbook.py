"""propose → workbook → import: the proposals go into the import's own template, each marked as proposed with why;
the editor confirms or rejects rows in the workbook, and the existing import previews and writes only the confirmed
ones. The proposal logic is replaced here by proposals made from the hand-written records of a real document (their
own quotes, found in the real text), so this tests the files, the workbook and the import, not the reading rules."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.cli import main
from dashboard.reader import propose, workbook
from dashboard.reader.files import read_document
from dashboard.reader.propose import FigureProposal, GoalProposal
from dashboard.records import sheet
from dashboard.records.load import load
from tests.conftest import PROJECT, SHARED_SOURCES

DOC_ID = "doc-003"
SOURCE = "003_3b53e99e30383e09.txt"


def _as_proposals(data, document_id: str, text: str) -> list[FigureProposal]:
    out = []
    for o in data.observations:
        if o.document != document_id or o.value is None or o.derived is not None or o.quote not in text:
            continue
        start = text.index(o.quote)
        out.append(FigureProposal(
            quote=o.quote, start=start, end=start + len(o.quote), indicator=o.indicator, indicator_name=o.indicator,
            measure=o.measure, value=o.value, unit=o.unit, qualifier=o.qualifier, year=o.year, period=o.period,
            area=o.area, area_name="全市", caliber=o.caliber, why="test: the hand-written record"))
    return out


@pytest.fixture
def new_document(real, tmp_path, monkeypatch):
    """The project's data without doc-003 (a document the office has not entered yet), and a propose that gives
    its hand-written figures plus one wrong figure."""
    hand_written, _ = real
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "actuals" / f"{DOC_ID}.yaml").unlink()
    text = (SHARED_SOURCES / SOURCE).read_text(encoding="utf-8")
    right = _as_proposals(hand_written, DOC_ID, text)
    assert len(right) >= 5
    wrong_quote = right[0].quote
    wrong = FigureProposal(**{**right[0].__dict__, "value": right[0].value + 1, "why": "test: a wrong reading",
                              "quote": wrong_quote})
    seen = {}

    def fake(text_given, dataset, *, year=None, area=None, years=None):
        seen.update(text=text_given, year=year, area=area)
        return [*right, wrong]

    monkeypatch.setattr(propose, "propose_figures", fake)
    return root, hand_written, right, seen


def _confirm(path: Path, answers: dict[int, str], fields: dict[str, object]) -> None:
    """As the editor does in Excel: fill the document's missing fields and the confirmed cell of rows."""
    wb = load_workbook(path)
    ds = wb[sheet.DOCUMENT_SHEET]
    for r in range(2, ds.max_row + 1):
        key = str(ds.cell(r, 1).value).split(" ")[1]
        if key in fields:
            ds.cell(r, 2).value = fields[key]
    ws = wb[sheet.OBSERVATIONS_SHEET]
    head = [str(c.value) for c in ws[1]]
    col = head.index("确认 confirmed") + 1
    for row, answer in answers.items():
        ws.cell(row, col).value = answer
    wb.save(path)


def _figure(o) -> tuple:
    return (o.indicator, o.measure, o.area, o.year, o.period, o.value, o.qualifier, o.unit, o.quote)


def test_round_trip_on_a_real_source(new_document, tmp_path, capsys):
    root, hand_written, right, seen = new_document
    out = tmp_path / "figures.xlsx"
    base = ["--data", str(root), "--sources", str(SHARED_SOURCES)]
    assert main([*base, "propose", "figures", str(SHARED_SOURCES / SOURCE), "--year", "2019", "--area",
                 "karamay-city", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["figures"]) == len(right) + 1 and printed["figures"][0]["file"] == SOURCE
    assert seen["year"] == 2019 and seen["area"] == "karamay-city"  # an unknown document: the flags

    wb = load_workbook(out)
    ws = wb[sheet.OBSERVATIONS_SHEET]
    head = [str(c.value) for c in ws[1]]
    assert head[0] == "确认 confirmed" and head[head.index("原文 quote") + 1] == "程序建议 proposed"
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == len(right) + 1
    assert all(r["程序建议 proposed"].startswith("建议 proposed: test:") and r["确认 confirmed"] is None for r in rows)
    assert rows[0]["原文 quote"] == right[0].quote and rows[0]["数值 value"] == right[0].value
    assert ws.cell(2, 1).fill.fgColor.rgb.endswith("FFF2CC")  # shaded until confirmed
    doc_sheet = {str(r[0].value).split(" ")[1]: r[1].value for r in wb[sheet.DOCUMENT_SHEET].iter_rows(min_row=2)}
    # the years span --year and the proposals' years and periods, for the editor to check
    assert doc_sheet["file"] == SOURCE and doc_sheet["area"] == "karamay-city" and doc_sheet["years"] == "2014-2019"
    assert doc_sheet["title"]  # the file's first line

    # the editor: the document's fields, yes to every right row but the last, no to the wrong one, the last left
    record = next(d for d in hand_written.documents if d.id == DOC_ID)
    n = len(right)
    answers = {2 + k: "是" for k in range(n - 1)} | {2 + n: "否"}
    _confirm(out, answers, {"id": DOC_ID, "title": record.title, "title_en": record.title_en,
                            "publisher": record.publisher, "published": record.published.isoformat(),
                            "published_basis": record.published_basis, "years": "2014-2020"})
    assert main([*base, "import", str(out), "--source", str(SHARED_SOURCES / SOURCE), "--dry-run",
                 "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "[proposal-unconfirmed]" in said and f"row {n + 1}" in said and "Dry run (--dry-run): nothing written." in said
    assert said.count("[proposal-unconfirmed]") == 1  # the rejected row is the editor's decision, not a warning
    assert not (root / "actuals" / f"{DOC_ID}.yaml").exists()

    assert main([*base, "import", str(out), "--source", str(SHARED_SOURCES / SOURCE)]) == 0
    imported, report = load(root, SHARED_SOURCES)
    assert report.valid, [str(p) for p in report.errors]
    got = sorted((_figure(o) for o in imported.observations if o.document == DOC_ID), key=str)
    want = sorted((_figure(p) for p in hand_written.observations if p.document == DOC_ID
                   and any(p.quote == r.quote and p.value == r.value for r in right[:-1])), key=str)
    assert got == want and len(got) == n - 1


def test_a_known_document_keeps_its_record_and_recorded_figures(real, tmp_path, monkeypatch, capsys):
    hand_written, _ = real
    text = (SHARED_SOURCES / SOURCE).read_text(encoding="utf-8")
    right = _as_proposals(hand_written, DOC_ID, text)
    new = FigureProposal(**{**right[0].__dict__, "value": 1234.5, "why": "test: not recorded yet"})
    seen = {}

    def fake(text_given, dataset, *, year=None, area=None, years=None):
        seen.update(year=year, area=area, years=years)
        return [*right, new]

    monkeypatch.setattr(propose, "propose_figures", fake)
    out = tmp_path / "f.xlsx"
    assert main(["--sources", str(SHARED_SOURCES), "propose", "figures", str(SHARED_SOURCES / SOURCE),
                 "--out", str(out), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["file", "indicator", "measure"] and "1234.5" in table
    record = next(d for d in hand_written.documents if d.id == DOC_ID)
    # the record's area, the year it reports on (its years span several) and that span
    assert seen == {"year": propose.reported_year(record), "area": "karamay-city", "years": record.years}
    wb = load_workbook(out)
    doc_sheet = {str(r[0].value).split(" ")[1]: r[1].value for r in wb[sheet.DOCUMENT_SHEET].iter_rows(min_row=2)}
    assert doc_sheet["id"] == DOC_ID and doc_sheet["years"] == "2014-2020"
    ws = wb[sheet.OBSERVATIONS_SHEET]
    head = [str(c.value) for c in ws[1]]
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    recorded = [o for o in hand_written.observations if o.document == DOC_ID]
    assert [r["编号 id"] for r in rows[:len(recorded)]] == [o.id for o in recorded]  # the data of record, unmarked
    assert all(r["程序建议 proposed"] is None for r in rows[:len(recorded)])
    assert len(rows) == len(recorded) + 1 and rows[-1]["数值 value"] == 1234.5  # only the new figure is proposed


def test_a_word_file_writes_its_text_beside_the_workbook(tmp_path, monkeypatch, capsys, real):
    import docx

    d = docx.Document()
    d.add_paragraph("2019年，全市地区生产总值增长5.5%。")
    path = tmp_path / "005_bulletin.docx"
    d.save(path)
    monkeypatch.setattr(propose, "propose_figures", lambda text, dataset, *, year=None, area=None, years=None: [])
    out = tmp_path / "out"
    assert main(["--sources", str(SHARED_SOURCES), "propose", "figures", str(path), "--out", str(out)]) == 0
    assert (out / "005_bulletin.txt").read_text(encoding="utf-8") == read_document(path).text
    doc_sheet = {str(r[0].value).split(" ")[1]: r[1].value
                 for r in load_workbook(out / "005_bulletin.xlsx")[sheet.DOCUMENT_SHEET].iter_rows(min_row=2)}
    assert doc_sheet["file"] == "005_bulletin.txt"
    # again: refused without --force, nothing changed
    assert main(["--sources", str(SHARED_SOURCES), "propose", "figures", str(path), "--out", str(out)]) == 1
    assert "already exist" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_writes_nothing(tmp_path, capsys):
    good, bad = tmp_path / "a.txt", tmp_path / "scan.pdf"
    good.write_text("全市粮食产量3.2万吨。", encoding="utf-8")
    from tests.test_reader_files import scan_pdf

    bad.write_bytes(scan_pdf())
    out = tmp_path / "out"
    assert main(["propose", "figures", str(good), str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "scan.pdf：[pdf-no-text]：PDF的1页都没有文字层" in err and not out.exists()
    assert main(["propose", "figures", str(good), str(bad), "--lang", "en"]) == 1
    assert "scan.pdf: [pdf-no-text]: none of the PDF's 1 pages has a text layer" in capsys.readouterr().err
    assert main(["propose", "figures", str(good), str(good.with_name("b.txt")), "--out", str(tmp_path / "x.xlsx")]) == 1


def test_several_files_need_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(propose, "propose_figures", lambda text, dataset, *, year=None, area=None, years=None: [])
    a, b = tmp_path / "a.txt", tmp_path / "b.html"
    a.write_text("全市粮食产量3.2万吨。", encoding="utf-8")
    b.write_text("<p>全区粮食产量1.2万吨。</p>", encoding="utf-8")
    assert main(["propose", "figures", str(a), str(b), "--out", str(tmp_path / "one.xlsx")]) == 1
    assert "several documents need a folder" in capsys.readouterr().err
    assert main(["propose", "figures", str(a), str(b), "--out", str(tmp_path / "dir")]) == 0
    assert sorted(p.name for p in (tmp_path / "dir").iterdir()) == ["a.xlsx", "b.txt", "b.xlsx"]


def test_proposed_goals_go_to_a_listing(tmp_path, monkeypatch, capsys):
    text = "到2010年，全区地区生产总值达到420亿元以上，年均增长12%。"
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    goal = GoalProposal(quote="全区地区生产总值达到420亿元以上", start=7, end=24, name="地区生产总值", indicator="gdp",
                        indicator_name="地区生产总值", measure="level", comparator=">=", target=420.0, unit="亿元",
                        target_year=2010, baseline={"value": 200.0, "year": 2005, "unit": "亿元"}, hold=False,
                        why="test")
    assert text[goal.start:goal.end] == goal.quote
    monkeypatch.setattr(propose, "propose_goals", lambda text, dataset, *, period=None: [goal])
    out = tmp_path / "goals.xlsx"
    assert main(["propose", "goals", str(plan), "--out", str(out), "--period", "2006-2010"]) == 0
    assert json.loads(capsys.readouterr().out)["goals"][0]["target"] == 420.0
    ws = load_workbook(out)[workbook.GOALS_SHEET]
    head = [str(c.value) for c in ws[1]]
    row = dict(zip(head, (c.value for c in ws[2]), strict=True))
    assert (row["比较 comparator"], row["目标值 target"], row["基期值 baseline_value"], row["原文 quote"]) == (
        ">=", 420, 200, "全区地区生产总值达到420亿元以上")


def test_round_trip_with_the_real_proposals(real, tmp_path, capsys):
    """No stand-in: the reader's own proposals for the city's 2008 work report (doc-000 removed from the data), the
    rows naming an indicator confirmed, the document's fields filled: the import's dry run passes and previews."""
    source = "000_4636b1359e574024.txt"
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "actuals" / "doc-000.yaml").unlink()
    out = tmp_path / "doc-000.xlsx"
    base = ["--data", str(root), "--sources", str(SHARED_SOURCES)]
    assert main([*base, "propose", "figures", str(SHARED_SOURCES / source), "--year", "2007", "--area",
                 "karamay-city", "--out", str(out)]) == 0
    proposals = json.loads(capsys.readouterr().out)["figures"]
    text = (SHARED_SOURCES / source).read_text(encoding="utf-8")
    assert proposals and all(text[p["start"]:p["end"]] == p["quote"] for p in proposals)
    wb = load_workbook(out)
    ws = wb[sheet.OBSERVATIONS_SHEET]
    head = [str(c.value) for c in ws[1]]
    indicator = head.index("指标 indicator") + 1
    answers = {r: "是" if ws.cell(r, indicator).value else "否" for r in range(2, ws.max_row + 1)}
    assert sum(a == "是" for a in answers.values()) >= 5
    _confirm(out, answers, {"id": "doc-000", "title_en": "Karamay City government work report 2008",
                            "publisher": "克拉玛依市人民政府", "published": "2008-02-20", "published_basis": "inferred"})
    # the reader may propose one figure twice (stated in two places): confirming both is caught, naming both rows
    args = [*base, "import", str(out), "--source", str(SHARED_SOURCES / source), "--dry-run", "--lang", "en"]
    if main(args) != 0:
        repeats = [int(r) for r in re.findall(r"row (\d+): \[duplicate-row\]", capsys.readouterr().out)]
        assert repeats, "only repeated figures may stop this import"
        _confirm(out, {**answers, **{r: "否" for r in repeats}}, {})
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "[proposal-unconfirmed]" not in said  # every row answered: 是 or 否
    assert "Dry run (--dry-run): nothing written." in said and "New or changed figures" in said


def test_the_area_may_be_named_and_an_unknown_one_is_refused(tmp_path, capsys, monkeypatch):
    seen = {}

    def fake(text, dataset, *, year=None, area=None, years=None):
        seen["area"] = area
        return []

    monkeypatch.setattr(propose, "propose_figures", fake)
    a = tmp_path / "a.txt"
    a.write_text("全区粮食产量3.2万吨。", encoding="utf-8")
    assert main(["propose", "figures", str(a), "--area", "克拉玛依区"]) == 0 and seen["area"] == "karamay-district"
    assert main(["propose", "figures", str(a), "--area", "Karamay District"]) == 0 and seen["area"] == "karamay-district"
    capsys.readouterr()
    assert main(["propose", "figures", str(a), "--area", "克拉玛依县"]) == 2
    assert "karamay-district (克拉玛依区)" in capsys.readouterr().err


def test_a_pdf_proposal_names_its_page(real, tmp_path, monkeypatch):
    from tests.test_reader_files import cjk_pdf

    data, _ = real
    path = tmp_path / "b.pdf"
    path.write_bytes(cjk_pdf([["第一页。"], ["全区粮食产量3.2万吨。"]]))
    doc = read_document(path)
    start = doc.text.index("全区粮食产量3.2万吨")
    p = FigureProposal(quote="全区粮食产量3.2万吨", start=start, end=start + 11, indicator=None, indicator_name="粮食产量",
                       measure="level", value=3.2, unit="万吨", qualifier=None, year=2008, period=None, area=None,
                       area_name="全区", caliber=None, why="test")
    (row,) = workbook.figure_rows([p], data, None, doc=doc)
    assert row["proposed"] == ("建议 proposed: test；指标未对应 no indicator id: 粮食产量；地区未对应 no area id: 全区；"
                               "第2页 page 2")
