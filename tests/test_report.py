"""The evaluation report (评估报告): national words over the judge's codes, the data as of a year, the Word file's
structure (styles, headings, repeated header row, contents field), the same statuses as the dashboard's, and the
PDF printed by the pack's Chromium with CID fonts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.judge.account import Progress
from dashboard.present.catalogue import CATALOGUE
from dashboard.present.export.report import build, national_code, national_label, report_bytes
from dashboard.present.export.report.columns import column_widths, font_size, indicator_table
from dashboard.present.export.report.national import NATIONAL
from dashboard.present.locale import Locale
from dashboard.records.as_of import as_of
from dashboard.records.load import load

DATASET = load()[0].for_plan()  # the report is of one plan: the first
JUDGE = Judge(DATASET)
ACCOUNTS = JUDGE.accounts()
GOALS = {a.goal.id: a for a in ACCOUNTS}
ON = dt.date(2026, 1, 15)


def _with(goal_id: str, *, status: str, timing: str | None = "interim", ratio: float | None = None,
          basis: str | None = "direct"):
    """A real account with its status, timing and R set by hand (the national word depends on nothing else)."""
    a = GOALS[goal_id]
    assert a.deciding is not None
    progress = Progress(path="compound", year=2007, growth_ratio=ratio)
    deciding = dataclasses.replace(a.deciding, progress=progress)
    return dataclasses.replace(a, status=status, timing=timing, basis=basis, deciding=deciding)


@pytest.mark.parametrize(("status", "timing", "ratio", "word"), [
    ("achieved", "interim", None, "提前实现"),  # met before the target year
    ("achieved", "final", None, "已实现"),
    ("on_track", "interim", 1.05, "快于预期"),  # R at the threshold counts as ahead
    ("on_track", "interim", 1.049, "基本符合预期"),
    ("on_track", "interim", None, "基本符合预期"),  # no path, no R: as expected
    ("off_track", "interim", 0.6, "滞后"),
    ("missed", "final", None, "未实现"),
    ("indeterminate", "interim", None, "无法判断"),
])
def test_national_words_follow_status_timing_and_growth_ratio(status, timing, ratio, word):
    a = _with("green-space-rate", status=status, timing=timing, ratio=ratio)
    assert national_label(a, Locale("zh", DATASET)) == f"{word}（2007年）"  # with the evidence year, as every face says it


def test_a_proxy_keeps_its_prefix_and_its_year_in_both_languages():
    a = _with("green-space-rate", status="on_track", ratio=1.2, basis="proxy")
    assert national_label(a, Locale("zh", DATASET)) == "代用数据：快于预期（2007年）"
    assert national_label(a, Locale("en", DATASET)) == "Proxy: ahead of expectation (2007)"


def test_every_national_word_and_its_condition_is_in_the_catalogue_in_both_languages():
    for code, status in NATIONAL:
        for key in (f"report.status.{code}", f"report.status.{code}.when"):
            assert CATALOGUE[key]["zh"] and CATALOGUE[key]["en"], key
        assert f"status.{status}" in CATALOGUE


def test_as_of_keeps_the_figures_known_by_the_end_of_that_year():
    data = as_of(DATASET, 2008)
    assert {d.id for d in data.documents} == {d.id for d in DATASET.documents if d.published.year <= 2008}
    assert data.observations and all((o.period[1] if o.period else o.year) <= 2008 for o in data.observations)
    assert all(o.document in {d.id for d in data.documents} for o in data.observations)
    assert len(data.observations) < len(DATASET.observations)
    assert as_of(DATASET, None) is DATASET
    assert as_of(DATASET, 2004).observations == ()  # before any document: nothing to judge
    assert {a.status for a in Judge(as_of(DATASET, 2004)).accounts()} == {"no_comparable_data"}


def _docx(data=DATASET, lang="zh", kind="midterm", year=None):
    judge = Judge(data)
    blob = report_bytes("docx", judge.accounts(), judge.coherence, Locale(lang, data), kind=kind, as_of=year,
                        prepared_on=ON)
    return docx.Document(io.BytesIO(blob)), judge


def _table_rows(document) -> list[list[str]]:
    """The main indicators table's goal rows (its header and the group rows left out)."""
    table = next(t for t in document.tables if t.rows[0].cells[-1].text in ("评价", "Evaluation")
                 and len(t.columns) == 7)
    return [[c.text for c in row.cells] for row in table.rows[1:] if row.cells[0].text.isdigit()]


@pytest.mark.parametrize(("lang", "year"), [("zh", 2008), ("en", None)])
def test_the_reports_statuses_are_the_dashboards_for_every_goal(lang, year):
    data = as_of(DATASET, year)
    document, judge = _docx(data, lang, year=year)
    loc = Locale(lang, data)
    dashboard = judge.summary().set_index("id")
    words = {loc.t(f"report.status.{code}"): status for code, status in NATIONAL}
    # a bound to hold and a neutral projection's band keep the dashboard's own words, which say more than 已实现
    words |= {loc.t("status.hold.on_track"): "on_track", loc.t("status.hold.off_track"): "off_track",
              loc.t("status.band.within"): "achieved", loc.t("status.band.above"): "missed",
              loc.t("status.band.below"): "missed"}
    rows = _table_rows(document)
    assert [r[0] for r in rows] == [str(k) for k in range(1, len(data.goals) + 1)]
    accounts = {loc.goal_name(a.goal): a for a in judge.accounts()}
    for row in rows:
        a = accounts[row[1]]
        expected = dashboard.loc[a.goal.id]
        label = row[-1]
        assert label == national_label(a, loc)
        proxy = loc.t("status.proxy", status="")
        assert label.startswith(proxy) == (expected["basis"] == "proxy"), label
        word = re.sub(r"（\d{4}年）$| \(\d{4}\)$", "", label.removeprefix(proxy))
        word = word[:1].upper() + word[1:] if loc.en else word
        assert words[word] == expected["status"], (a.goal.id, label)
        assert row[4], "the latest value is never blank"


def test_the_word_file_has_real_styles_headings_a_repeated_header_and_a_contents_field():
    document, _ = _docx(as_of(DATASET, 2008), "zh", year=2008)
    names = {s.name for s in document.styles}
    assert {"Heading 1", "Heading 2", "Title", "Evaluation Table", "toc 1", "toc 2"} <= names
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert document.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、评估摘要", "二、主要指标完成情况表", "三、分领域评估", "四、规划目标的内部一致性",
                        "五、评估方法", "六、资料来源"]
    groups = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "（一）经济" in groups
    table = document.tables[1]
    assert table.style.name == "Evaluation Table"
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    body = document.element.body
    instructions = [e.text for e in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC ") for i in instructions)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer_fields = [e.text for e in section.footer._element.iter(qn("w:instrText"))]
    assert any(f.strip() == "PAGE" for f in footer_fields)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "时间过半、任务过半" in text and "克拉玛依区" in text
    assert not re.search(r"\bdoc-?\d{3}\b|doc000-", text + "".join(c.text for t in document.tables
                                                                   for r in t.rows for c in r.cells))


def test_the_summary_counts_every_goal_once():
    r = build(ACCOUNTS, JUDGE.coherence, Locale("zh", DATASET), kind="final", prepared_on=ON)
    assert sum(total for *_, total in r.summary_counts) == len(ACCOUNTS)
    assert [row.status for row in r.rows] == [a.status for a in sorted(
        ACCOUNTS, key=lambda a: [g.id for g in DATASET.plan.groups].index(a.goal.group))]
    assert {row.national for row in r.rows} == {national_code(a) for a in ACCOUNTS}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_without_a_pair_to_check_says_so_in_the_coherence_chapter(lang):
    r = build(ACCOUNTS, (), Locale(lang, DATASET), kind="final", prepared_on=ON)
    assert r.coherence == (Locale(lang, DATASET).t("ui.coh.none"),)
    assert build(ACCOUNTS, JUDGE.coherence, Locale(lang, DATASET), kind="final", prepared_on=ON).coherence != r.coherence


def test_a_later_plans_report_weighs_its_figures_as_every_other_face_does(tmp_path, real):
    """The report of one plan is judged within the whole data, as the app, the site and `assess` judge: judged alone,
    the district's documents would be weighed as an unrelated area's under the city plan's goals (12 figures, not the
    goal page's 2), and listed among its sources."""
    plan = "urumqi-city-2008-2012"
    out = tmp_path / "urumqi.docx"
    assert main(["report", "--plan", plan, "--kind", "final", "--out", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    gdp = Judge(real[0]).account(f"{plan}.gdp-2012")
    assert len(gdp.evidence) == 2 and {e.observation.area for e in gdp.evidence} == {"tacheng-prefecture"}
    assert "地区生产总值年均增长率）：有相关数据2条，均不可比：无关辖区2条" in text
    assert "克拉玛依市2008年政府工作报告" not in text and "2023年行署工作报告" in text


def test_cli_report_writes_docx_refuses_other_suffixes_and_overwriting(tmp_path, capsys):
    out = tmp_path / "report.docx"
    assert main(["report", "--kind", "midterm", "--as-of", "2008", "--out", str(out)]) == 0
    assert docx.Document(str(out)).paragraphs
    assert main(["report", "--kind", "midterm", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["report", "--kind", "final", "--out", str(tmp_path / "report.txt")]) == 1
    assert ".docx or .pdf" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_report_pdf_is_a4_drawn_by_chromium_with_cid_fonts_and_real_text(tmp_path):
    from dashboard.present.export import Renderer

    with Renderer() as renderer:
        blob = report_bytes("pdf", ACCOUNTS, JUDGE.coherence, Locale("zh", DATASET), kind="final", prepared_on=ON,
                            renderer=renderer)
    path = tmp_path / "report.pdf"
    path.write_bytes(blob)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Chromium" in info or "Skia" in info
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Type 3" not in fonts and "CID TrueType" in fonts, fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "主要指标完成情况表" in text and "目标" in text
    pages = text.split("\f")  # the summary for the leader is one page: the table starts on the next
    summary = next(k for k, p in enumerate(pages) if p.lstrip().startswith("一、评估摘要"))
    assert pages[summary + 1].lstrip().startswith("二、主要指标完成情况表")
    assert not re.search("[\u2e80-\u2fdf]", text)  # no Kangxi look-alikes


def test_column_widths_keep_every_word_whole_and_give_the_rest_to_the_fuller_columns():
    columns = ["#", "Indicator", "Evaluation"]
    rows = [["1", "Registered urban unemployment rate", "Proxy: within the bound (2007)"],
            ["10", "Life expectancy at birth", "No comparable data"]]
    shares = column_widths(columns, rows, 30)
    assert sum(shares) == pytest.approx(1)
    # "unemployment": 8 letters of 0.64 em, m twice (0.95), l and t (0.4): 7.82 em, and the cell's 0.7
    assert shares[1] * 30 >= 8.52
    assert shares[0] * 30 >= 0.64 * 2 + 0.7  # "10" stays on one line
    assert shares[2] * 30 >= 0.4 * 2 + 0.64 * 4 + 0.7  # "(2007)", a bracketed year, is never broken
    assert shares[1] > shares[0] and shares[2] > shares[0]
    # too narrow for the words: each column as its words need, and the type smaller (to 9 pt) where that helps
    assert column_widths(columns, rows, 5) == pytest.approx(column_widths(columns, rows, 6))
    wide = [["1", "commercialisation " * 3, "environmental-protection " * 2]] * 2
    assert font_size(columns, wide, 10.5) == 10.5
    assert font_size(columns * 3, [r * 3 for r in wide], 10.5) < 10.5


def test_a_long_chinese_title_breaks_between_the_plan_and_the_report():
    r = build(ACCOUNTS, JUDGE.coherence, Locale("zh", DATASET), kind="midterm", prepared_on=ON)
    assert r.title_parts == ("克拉玛依区“十一五”规划", "实施情况中期评估报告")
    en = build(ACCOUNTS, JUDGE.coherence, Locale("en", DATASET), kind="final", prepared_on=ON)
    assert en.title_parts == ("Karamay District 11th Five-Year Plan:", "final evaluation report")
    document = docx.Document(io.BytesIO(report_bytes("docx", ACCOUNTS, JUDGE.coherence, Locale("zh", DATASET),
                                                     kind="midterm", prepared_on=ON)))
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "克拉玛依区“十一五”规划\n实施情况中期评估报告"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_english_pdf_table_breaks_no_word_and_the_chinese_title_keeps_its_words(tmp_path):
    from dashboard.present.export import Renderer

    en, zh = Locale("en", DATASET), Locale("zh", DATASET)
    with Renderer() as renderer:
        blobs = {loc.lang: report_bytes("pdf", ACCOUNTS, JUDGE.coherence, loc, kind="midterm", prepared_on=ON,
                                        renderer=renderer) for loc in (en, zh)}
    text = {}
    for lang, blob in blobs.items():
        (tmp_path / f"{lang}.pdf").write_bytes(blob)
        text[lang] = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{lang}.pdf"), "-"],
                                    capture_output=True, text=True).stdout
    r = build(ACCOUNTS, JUDGE.coherence, en, kind="midterm", prepared_on=ON)
    t = indicator_table(r, 10.5)
    said = " ".join([*(" ".join(row) for row in t.rows), *r.columns, *(g for _, g in t.groups), r.headings["table"],
                     r.headings["table_note"]])
    table_pages = [p for p in text["en"].split("\f") if r.columns[1] in p and r.columns[-1] in p]
    assert len(table_pages) > 5
    printed = {w for p in table_pages for w in re.findall(r"[A-Za-z]+", p)}
    assert not printed - set(re.findall(r"[A-Za-z]+", said))  # a piece of a word ("unemploym", "ent") is not one
    cover = [line.strip() for line in text["zh"].split("\f")[0].splitlines() if line.strip()]
    assert cover[:2] == ["克拉玛依区“十一五”规划", "实施情况中期评估报告"]
