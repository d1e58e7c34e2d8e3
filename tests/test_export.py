"""Briefing exports without a browser: text wrapping, selection, dressing, goal pages, tables, the registry.

What Chromium draws and prints is tested in test_export_render.py.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.judge.account import EvidenceAccount, GoalAccount, Progress
from dashboard.judge.codes import Reason
from dashboard.present import charts, export
from dashboard.present.export import facts, pages
from dashboard.present.export.dressing import footer_lines, goal_chart, slide_figure
from dashboard.present.export.errors import ExportError
from dashboard.present.export.layout import HEIGHT, WIDTH
from dashboard.present.export.outputs import Briefing
from dashboard.present.export.outputs.readme import readme_text
from dashboard.present.export.outputs.tables import csv_bytes
from dashboard.present.export.outputs.xlsx import workbook_bytes
from dashboard.present.export.selection import Selection
from dashboard.present.export.words import quoted
from dashboard.present.locale import Locale
from dashboard.present.text import NO_LINE_START, display_width, wrap
from dashboard.records.load import load
from dashboard.records.model import Dataset, Interval
from dashboard.records.util import write_atomic
from tests import builders

EXPORTED_ON = dt.date(2026, 1, 15)
DATASET = load()[0]
JUDGE = Judge(DATASET)
ACCOUNTS = JUDGE.accounts()
GOALS = {a.goal.id: a for a in ACCOUNTS}
LOC = {lang: Locale(lang, DATASET) for lang in ("zh", "en")}
PACKAGE = Path(export.__file__).parent
SCREEN_REFERENCES = ("见数据列表", "判定见下文", "listed with its reason", "see the text below")


def briefing(selected, lang="zh", data=DATASET) -> Briefing:
    return Briefing(list(selected), Locale(lang, data), data.plan, EXPORTED_ON, Selection(), JUDGE.coherence)


# ---------------------------------------------------------------------------------------------- hand-made


def hand_made() -> tuple[Dataset, GoalAccount, GoalAccount]:
    """A level goal decided by a city's interim figure, with the pace it would take and a later figure as context;
    and a pace goal whose baseline is the level it paces (its unit is the level's)."""
    level = builders.goal(id="income", indicator="income", target=15000.0, unit="元", baseline=(10788.0, 2005),
                          name="城镇居民人均可支配收入")
    pace = builders.goal(id="income-growth", indicator="income", measure="annual_growth_rate", target=7.0, unit="%",
                         baseline=(10788.0, 2005), paces="income", name="城镇居民人均可支配收入年均增长率")
    o = builders.obs(id="o-2007", indicator="income", area="city", year=2007, value=13110.0, unit="元")
    later = builders.obs(id="o-2016", indicator="income", area="city", year=2016, value=30000.0, unit="元")
    data = builders.dataset([level, pace], [o, later])
    progress = Progress(path="compound", year=2007, required=12308.4, time_share=0.4, completion=0.59,
                        growth_ratio=1.5, growth_category="on_track", pace_achieved=9.8, pace_asked=7.0,
                        pace_needed=4.2, pace_unit="%", pace_years=2)

    def ev(obs, role, progress=None) -> EvidenceAccount:
        return EvidenceAccount(observation=obs, document=builders.DOC, area_relation="parent", concept="same",
                               use="level", reading="level", role=role, comparable=role == "deciding",
                               basis="proxy" if role == "deciding" else None, timing="interim",
                               interval=Interval.point(obs.value), verdict=None, path_verdict="on_track",
                               progress=progress, reasons=(Reason("growth.on_track"),))

    deciding = ev(o, "deciding", progress)
    a = GoalAccount(goal=level, area="district", status="on_track", basis="proxy", timing="interim", path="compound",
                    reason=Reason("growth.on_track"), evidence=(deciding, ev(later, "context")), deciding=deciding,
                    caveats=(Reason("excluded.pace.outside_period", {"n": 1}),))
    b = GoalAccount(goal=pace, area="district", status="no_comparable_data", basis=None, timing=None, path="pace",
                    reason=Reason("verdict.cannot_tell"), evidence=(), deciding=None)
    return data, a, b


# ---------------------------------------------------------------------------------------------- text


@pytest.mark.parametrize("goal_id, expected", [
    ("gdp-2010", "gdp-2010"), ("GDP 2010", "gdp-2010"), ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c.png", "a-b-c-png"), ("绿地率", "goal"), ("--x--", "x"),
])
def test_file_names_are_sanitised(goal_id, expected):
    assert export.safe_name(goal_id) == expected


@pytest.mark.parametrize("text, cols", [
    ("代用数据：2016—2020年39.9%，目标年2010年后仍未达到目标≥40%", 20),
    ("Proxy: 13110元 in 2007, at or ahead of the planned path (progress 59% of the way, 40% of the time)", 30),
    ("数据来源：《克拉玛依市2008年政府工作报告(摘要)》（2008-02-20）；《克拉玛依 锻造宜居宜业魅力城》（2021-06-01）", 40),
    ("规划要求城镇登记失业率控制在3%以内。", 16),  # the full stop falls exactly at the end of a line
])
def test_wrap_keeps_lines_within_width_and_loses_nothing(text, cols):
    lines = wrap(text, cols)
    assert all(display_width(line) <= cols + 4 for line in lines)  # a mark moves with its neighbour
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[:1] in NO_LINE_START for line in lines[1:])


@given(st.text(alphabet="目标达到了，。、；：）（《》“”%3a b", min_size=1, max_size=80), st.integers(4, 30))
def test_wrap_never_leaves_a_punctuation_mark_alone(text, cols):
    for line in wrap(text, cols)[1:]:
        assert line == "" or line[0] not in NO_LINE_START, (text, cols, wrap(text, cols))
        assert not (line and all(ch in NO_LINE_START for ch in line.strip())), (text, cols, wrap(text, cols))


# ---------------------------------------------------------------------------------------------- selection


def test_selection_filters_and_explains():
    on_track = Selection.of(statuses=["on_track"]).apply(ACCOUNTS)
    assert on_track and all(a.status == "on_track" for a in on_track)
    both = Selection.of(groups=["economy"], statuses=["on_track"]).apply(ACCOUNTS)
    assert {a.goal.id for a in both} == {a.goal.id for a in on_track if a.goal.group == "economy"}
    assert [a.goal.id for a in Selection.of(goal_ids=["gdp-2010"]).apply(ACCOUNTS)] == ["gdp-2010"]
    assert Selection().apply(ACCOUNTS) == ACCOUNTS


@pytest.mark.parametrize("select, message", [
    (Selection.of(goal_ids=["gdp-2011"]), "python -m dashboard goals"),
    (Selection.of(goal_ids=["gdp-2011"]), "did you mean gdp-2010"),
    (Selection.of(statuses=["done"]), "unknown status 'done'"),
    (Selection.of(groups=["economics"]), "unknown group 'economics'"),
    (Selection.of(goal_ids=["gdp-2010"], statuses=["achieved"]), "no goal matches"),
])
def test_selection_errors_are_one_clear_line(select, message):
    with pytest.raises(ExportError, match=message):
        select.apply(ACCOUNTS)


# ---------------------------------------------------------------------------------------------- slides


def test_footer_names_sources_basis_plan_and_date():
    plan = DATASET.plan
    text = "\n".join(footer_lines(GOALS["green-space-rate"], LOC["zh"], plan, EXPORTED_ON))
    assert "数据来源：《" in text and "（20" in text
    assert "证据依据：代用数据——" in text
    assert f"规划：《{plan.name}》{GOALS['green-space-rate'].goal.chapter}" in text
    assert "导出日期：2026-01-15" in text
    none = "\n".join(footer_lines(GOALS["tertiary-share"], LOC["en"], plan, EXPORTED_ON))
    assert "Sources:" not in none and "Checked, not comparable:" in none and "Evidence basis: none" in none


@pytest.mark.parametrize("goal_id", ["gdp-2010", "green-space-rate", "urban-income-2010", "gdp-growth-2006-2015"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slide_is_dressed_the_same_way_every_time_and_points_nowhere_else(goal_id, lang):
    a, loc = GOALS[goal_id], LOC[lang]
    fig = slide_figure(a, loc, DATASET.plan, EXPORTED_ON)
    assert json.dumps(fig, sort_keys=True) == json.dumps(slide_figure(a, loc, DATASET.plan, EXPORTED_ON), sort_keys=True)
    lay = fig["layout"]
    assert (lay["width"], lay["height"]) == (WIDTH, HEIGHT) and lay["margin"]["autoexpand"] is False
    assert "WenQuanYi Micro Hei" in lay["font"]["family"]  # TrueType: a CID font in a PDF, never Type 3
    assert loc.goal_name(a.goal) in lay["title"]["text"] and str(a.goal.target_year) in lay["title"]["text"]
    status = loc.goal_status(a)  # with its evidence year, as every face says it
    badges = [x for x in lay["annotations"] if x.get("text") == f"<b>{status}</b>"]  # once, in its own place
    assert len(badges) == 1 and badges[0]["xanchor"] == "right" and badges[0]["yanchor"] == "bottom"
    assert ("Status" if loc.en else "状态") not in lay["title"]["subtitle"]["text"]
    texts = json.dumps(fig, ensure_ascii=False)
    assert "2026-01-15" in texts
    assert not any(ref in texts for ref in SCREEN_REFERENCES)


def test_a_categorical_slide_shows_the_plans_words_instead_of_pointing_below():
    a = next(a for a in ACCOUNTS if a.goal.is_categorical)
    text = json.dumps(slide_figure(a, LOC["zh"], DATASET.plan, EXPORTED_ON), ensure_ascii=False)
    assert a.goal.quote[:6] in text and not any(ref in text for ref in SCREEN_REFERENCES)


def test_the_screen_chart_still_has_its_notes_and_the_page_chart_drops_them():
    a = GOALS["gdp-growth-2006-2015"]  # figures on another scale: the screen chart says where they are listed
    from dashboard.present import charts

    screen = json.dumps(charts.goal_figure(a, LOC["zh"]).to_dict(), ensure_ascii=False).replace("<br>", "")
    assert "见数据列表" in screen
    page = goal_chart(a, LOC["zh"], 860, 500)
    assert "见数据列表" not in json.dumps(page, ensure_ascii=False)
    assert (page["layout"]["width"], page["layout"]["height"]) == (860, 500)


@pytest.mark.parametrize("height", [340, 500])
def test_a_label_under_its_point_keeps_a_line_of_the_printed_axis_under_it(height):
    # green-space-rate: the baseline 35% sits near the axis's foot, its path rising from it (a label turned above
    # the point sat on the dashes)
    a = GOALS["green-space-rate"]
    size = 15
    page = goal_chart(a, LOC["en"], 700, height, size=size)
    (baseline,) = [tr for tr in page["data"] if tr.get("textposition") == "bottom right"]
    axis = page["layout"]["yaxis"]
    lo, hi = axis["range"]
    plot_px = height - page["layout"]["margin"]["t"] - page["layout"]["margin"]["b"]
    panel_px = (axis["domain"][1] - axis["domain"][0]) * plot_px
    assert (baseline["y"][0] - lo) / (hi - lo) * panel_px >= size * 1.3 + 12 - 1e-6
    assert hi == pytest.approx(charts.goal_figure(a, LOC["en"]).layout.yaxis.range[1])  # only its foot moves


def test_a_slide_legend_entry_wraps_in_its_column():
    slide = slide_figure(GOALS["green-space-rate"], LOC["en"], DATASET.plan, EXPORTED_ON)
    names = [tr["name"] for tr in slide["data"] if tr.get("name")]
    assert any("<br>" in n for n in names)  # "Pace the path asks (1 percentage point a year)" is one of them
    assert all(display_width(line) <= 30 for n in names for line in n.split("<br>"))


# ---------------------------------------------------------------------------------------------- goal pages


def test_a_goal_page_says_everything_it_refers_to():
    data, a, _ = hand_made()
    loc = Locale("zh", data)
    page = pages.goal_page(a, loc, "<svg></svg>")
    for words in [loc.goal_name(a.goal), loc.status("on_track", "proxy"), "目标：≥15000元（2010年）",
                  "基期：10788元（2005年）", f"规划原文（{a.goal.chapter}）", "“q”",
                  "市，2007年：13110元", "——《报告》，市政府，2008-02-20", loc.reason(a.reason),
                  "按规划路径，2007年应达12308元", "完成进度：59%", "时间进度：40%", "增速比R：1.50",
                  "已实现：9.8%/年（2年的年均）", "规划要求：7%/年", "要在2010年达到目标，2007年后每年尚需：4.2%/年",
                  loc.reason(a.caveats[0]), "后续情况", "市，2016年：30000元"]:
        assert pages.h(words) in page, words
    assert not any(ref in page for ref in SCREEN_REFERENCES)


def test_a_goal_page_in_english_reads_as_a_proxy_and_glosses_nothing_it_lacks():
    data, a, _ = hand_made()
    page = pages.goal_page(a, Locale("en", data), None)
    assert "Proxy: on track" in page and "Target: ≥15,000 yuan by 2010" in page
    assert "What it would take" in page or "what it would take" in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_real_goal_page_holds_the_plans_words_and_the_deciding_quote(lang):
    loc = LOC[lang]
    for a in ACCOUNTS:
        page = pages.goal_page(a, loc, None)
        assert pages.h(quoted(a.goal.quote)) in page, a.goal.id  # inner marks turned: “‘十一五’…”
        if a.deciding is not None:
            assert pages.h(quoted(a.deciding.observation.quote)) in page, a.goal.id
            assert pages.h(loc.document_title(a.deciding.document)) in page, a.goal.id
        assert not any(ref in page for ref in SCREEN_REFERENCES), a.goal.id


def test_the_pdf_document_has_every_page_and_a_title():
    b = briefing(ACCOUNTS)
    b.page_charts["overview"] = "<svg id='overview'></svg>"
    from dashboard.present.export.outputs.pdf import briefing_html

    doc = briefing_html(b)
    assert doc.count('class="page goal"') == len(ACCOUNTS)
    assert "<title>" + pages.h(DATASET.plan.name) in doc and "id='overview'" in doc
    assert all(f'href="#goal-{a.goal.id}"' in doc for a in ACCOUNTS)  # the table links each row to its page
    one = briefing_html(briefing([GOALS["gdp-2010"]]), front=False)
    assert one.count('class="page goal"') == 1  # its page; what does not fit follows under its title with （续）
    assert one.count('<section') == 1 + one.count('class="page goal continued"') == 1 + one.count("（续）")


# ---------------------------------------------------------------------------------------------- tables


def test_baseline_unit_of_a_pace_goal_is_the_levels():
    assert facts.baseline_unit(GOALS["urban-income-growth"].goal, DATASET) == "元"
    assert facts.baseline_unit(GOALS["fiscal-revenue-growth"].goal, DATASET) == "亿元"
    assert facts.baseline_unit(GOALS["gdp-multiple-2000"].goal, DATASET) == "亿元"
    assert facts.baseline_unit(GOALS["gdp-growth-2006-2015"].goal, DATASET) == "亿元"  # paces nothing: the level goal
    assert facts.baseline_unit(GOALS["engel-coefficient-2015"].goal, DATASET) == "%"
    data, _, b = hand_made()
    assert facts.baseline_unit(b.goal, data) == "元"
    given = b.goal.model_copy(update={"baseline": b.goal.baseline.model_copy(update={"unit": "万元"})})
    assert facts.baseline_unit(given, data) == "万元"  # the data's own unit wins


def _sheets(b: Briefing):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(workbook_bytes(b)))


def _rows(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def test_xlsx_cells_are_typed_and_pace_goals_have_the_levels_unit():
    wb = _sheets(briefing(ACCOUNTS))
    assert wb.sheetnames == ["目标", "数据", "来源"]
    ws = wb["目标"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == ws.dimensions
    rows = {r["编号"]: r for r in _rows(ws)}
    assert len(rows) == len(ACCOUNTS)
    income = rows["urban-income-growth"]
    assert (income["目标值"], income["目标单位"], income["目标年"]) == (5, "%", 2010)
    assert (income["基期值"], income["基期单位"], income["基期年"]) == (10788, "元", 2005)
    assert isinstance(income["基期值"], int | float) and isinstance(income["目标值"], int | float)
    assert income["判定所用数据"] == 9.8 and income["数据单位"] == "%" and income["数据年份"] == 2007
    assert income["状态"] == "代用数据：符合进度（2007年）" and income["状态代码"] == "on_track" and income["依据代码"] == "proxy"
    assert income["来源文件"] == "克拉玛依市2008年政府工作报告(摘要)" and isinstance(income["发布日期"], dt.datetime)
    gdp = rows["gdp-multiple-2000"]
    assert (gdp["基期值"], gdp["基期单位"], gdp["目标单位"]) == (64.3, "亿元", "倍")
    unemployment = rows["unemployment-rate"]
    assert (unemployment["判定所用数据"], unemployment["限定词"], unemployment["数据年份"]) == (2, "以内", 2007)
    categorical = rows[next(a.goal.id for a in ACCOUNTS if a.goal.is_categorical)]
    assert categorical["目标值"] is None and categorical["目标（原文表述）"]
    ids = {d.id for d in DATASET.documents}
    assert not any(str(v) in ids for r in rows.values() for v in r.values())  # titles, never ids
    assert not any(isinstance(r["目标值"], str) or isinstance(r["基期值"], str) for r in rows.values())


def test_xlsx_evidence_sheet_has_every_figure_with_bounds_and_quote():
    wb = _sheets(briefing(ACCOUNTS))
    rows = _rows(wb["数据"])
    assert len(rows) == sum(len(a.evidence) for a in ACCOUNTS)
    row = next(r for r in rows if r["编号"] == "social-insurance-coverage" and r["用途"] == "后续情况")
    assert (row["数值"], row["限定词"], row["单位"], row["下限（按判定口径）"], row["上限（按判定口径）"]) == (94, "以上", "%", 94, None)
    assert row["年份或时期"] == 2019 and row["原文"] and row["地区"] == "克拉玛依市"
    later = next(r for r in rows if r["编号"] == "unemployment-rate" and r["用途"] == "后续情况")
    assert later["年份或时期"] == "2014–2019" and later["上限（按判定口径）"] == 1
    assert {r["可比"] for r in rows} == {"是", "否"}
    aside = [r for r in rows if r["用途"] == "未采用"]
    assert aside and all(r["下限（按判定口径）"] is None and r["上下限单位"] is None for r in aside)  # no goal's unit
    assert wb["数据"].freeze_panes == "C2" and wb["来源"].max_row == len(facts.pack_documents(ACCOUNTS)) + 1


def test_xlsx_headers_and_words_in_english():
    wb = _sheets(briefing(ACCOUNTS, "en"))
    assert wb.sheetnames == ["Goals", "Figures", "Sources"]
    rows = {r["ID"]: r for r in _rows(wb["Goals"])}
    assert rows["urban-income-growth"]["Baseline unit"] == "yuan"
    assert rows["urban-income-growth"]["Status"] == "Proxy: on track (2007)"
    assert rows["fiscal-revenue-growth"]["Baseline unit"] == "100 million yuan"


def test_the_packs_csv_files_carry_a_byte_order_mark_and_assess_csv_does_not(capsys):
    files = {}
    for output in export.OUTPUTS.values():
        if not output.needs:
            files.update(output.files(briefing(ACCOUNTS)))
    assert files["goals.csv"].startswith(b"\xef\xbb\xbf") and files["evidence.csv"].startswith(b"\xef\xbb\xbf")
    goals_csv = files["goals.csv"].decode("utf-8-sig")
    assert main(["assess", "--format", "csv"]) == 0
    plain = capsys.readouterr().out
    assert not plain.startswith("\ufeff") and plain.splitlines() == goals_csv.splitlines()
    evidence = files["evidence.csv"].decode("utf-8-sig").splitlines()
    assert len(evidence) == 1 + sum(len(a.evidence) for a in ACCOUNTS)


def test_csv_numbers_keep_every_digit():
    text = csv_bytes(["a", "b", "c"], [[12345678.9, 170.0, dt.date(2008, 2, 20)]]).decode("utf-8-sig")
    assert text.splitlines()[1] == "12345678.9,170,2008-02-20"


# ---------------------------------------------------------------------------------------------- registry


def test_formats_come_from_the_registry():
    assert list(export.OUTPUTS) == ["pdf", "png", "svg", "csv", "xlsx", "docx", "readme"]
    assert export.one_goal_formats() == ["pdf", "png", "svg"]
    from dashboard.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    choices = next(a for a in sub.choices["export"]._actions if a.dest == "format").choices
    assert list(choices) == export.one_goal_formats()


def test_readme_lists_every_output_and_every_goal():
    text = readme_text(briefing(ACCOUNTS))
    for output in export.OUTPUTS.values():
        for name, what in output.listing(LOC["zh"]):
            assert name in text and what in text
    assert all(a.goal.id in text for a in ACCOUNTS)


def test_cli_rejects_an_unknown_goal_id_without_starting_a_browser(tmp_path, capsys):
    assert main(["export", "--goal", "gdp-2011", "--out", str(tmp_path)]) == 1
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "gdp-2011" in x]
    assert "did you mean gdp-2010" in line and not list(tmp_path.iterdir())


def test_the_export_package_reads_no_data_and_holds_no_cli():
    """The plan and the accounts are always passed in: nothing in the package loads data or parses arguments."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("dashboard.records.load", "dashboard.records.yaml", "argparse",
                                                   "dashboard.web", "streamlit")), (path, node.module)
            if isinstance(node, ast.Import):
                assert not any(n.name in ("argparse", "streamlit") for n in node.names), path


# ---------------------------------------------------------------------------------------------- atomic writes


def test_write_atomic_replaces_only_when_asked_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "sub" / "a.bin"
    assert write_atomic(path, b"one") == path and path.read_bytes() == b"one"
    with pytest.raises(FileExistsError):
        write_atomic(path, b"two", replace=False)
    assert path.read_bytes() == b"one"
    write_atomic(path, lambda p: Path(p).write_bytes(b"three"))  # a writer given the temporary path
    assert path.read_bytes() == b"three"
    assert [p.name for p in path.parent.iterdir()] == ["a.bin"]
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_write_atomic_leaves_the_old_file_when_the_writer_fails(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"old")

    def broken(p):
        Path(p).write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(path, broken)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask
