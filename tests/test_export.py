"""Static export and the briefing pack: files as a person would receive them.

Rendering tests share ONE Chromium (a module-scoped `Renderer`): ~0.1–0.8 s an image once it is warm.
They are skipped, with the reason, where /usr/bin/chromium is absent (scripts/setup.sh installs it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import threading
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.judge.coherence import findings as coherence_findings
from dashboard.present import export
from dashboard.present.export import ExportError, Renderer, Selection
from dashboard.present.locale import Locale
from dashboard.records.load import load

HAVE_CHROMIUM = Path("/usr/bin/chromium").is_file()
needs_chromium = pytest.mark.skipif(not HAVE_CHROMIUM, reason="/usr/bin/chromium is absent: run scripts/setup.sh")
EXPORTED_ON = dt.date(2026, 1, 15)


# ---------------------------------------------------------------------------------------------- fixtures


DATASET = load()[0]
LOC = {lang: Locale(lang, DATASET) for lang in ("zh", "en")}


def t(key: str, lang: str = "zh", **values) -> str:
    return LOC[lang].t(key, **values)


@pytest.fixture(scope="module")
def data():
    return DATASET, Judge(DATASET).accounts(), coherence_findings(DATASET)


@pytest.fixture(scope="module")
def goals(data):
    return {a.goal.id: a for a in data[1]}


@pytest.fixture(scope="module")
def renderer():
    if not HAVE_CHROMIUM:
        pytest.skip("/usr/bin/chromium is absent: run scripts/setup.sh")
    with Renderer() as r:
        yield r


def nfkc(text: str) -> str:
    """pypdf returns some characters as Kangxi radicals (目 → ⽬), which NFKC folds back, and the fullwidth
    tilde ～ as the wave dash 〜, which it does not."""
    return unicodedata.normalize("NFKC", text).replace("〜", "~")


def pdf_has(text: str, wanted: str) -> bool:
    """`wanted` in text read back from a PDF. Besides Kangxi radicals (which NFKC folds) Chromium's PDFs map a
    few characters to CJK Radicals Supplement code points that NFKC leaves alone (长 → ⻓): let any radical
    stand for a Chinese character."""
    pattern = "".join(f"(?:{re.escape(ch)}|[\u2e80-\u2fdf])" if "\u4e00" <= ch <= "\u9fff" else re.escape(ch)
                      for ch in nfkc(wanted))
    return re.search(pattern, text) is not None


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return nfkc("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def pdf_font_families(data: bytes) -> set[str]:
    """Font families named in the PDF's font descriptors (Chromium embeds text as Type 3 fonts)."""
    from pypdf import PdfReader

    found: set[str] = set()

    def visit(resources) -> None:
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            names = [font.get("/BaseFont")]
            if desc is not None:
                desc = desc.get_object()
                names += [desc.get("/FontFamily"), desc.get("/FontName")]
            found.update(str(n) for n in names if n)
        for xobj in (resources.get("/XObject") or {}).values():
            xobj = xobj.get_object()
            if "/Resources" in xobj:
                visit(xobj["/Resources"])

    for page in PdfReader(io.BytesIO(data)).pages:
        visit(page["/Resources"])
    return found


# ---------------------------------------------------------------------------------------------- pure


@pytest.mark.parametrize("goal_id, expected", [
    ("gdp-2010", "gdp-2010"),
    ("GDP 2010", "gdp-2010"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c.png", "a-b-c-png"),
    ("绿地率", "goal"),  # nothing left: a safe fallback, never an empty name
    ("--x--", "x"),
])
def test_file_names_are_sanitised(goal_id, expected):
    assert export.safe_name(goal_id) == expected


@pytest.mark.parametrize("text, cols", [
    ("代用数据：2016–2020年39.9%，目标年2010年后仍未达到目标≥40%", 20),
    ("Proxy: 13110元 in 2007, at or ahead of the planned path (progress 59% of the way, 40% of the time)", 30),
    ("数据来源：《克拉玛依市2008年政府工作报告(摘要)》（2008-02-20）；《克拉玛依 锻造宜居宜业魅力城》（2021-06-01）", 40),
])
def test_wrap_keeps_lines_within_width_and_loses_nothing(text, cols):
    lines = export.wrap(text, cols)
    assert all(export.display_width(line) <= cols + 2 for line in lines)  # +2: punctuation kept on its line
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[:1] in "，。；）" for line in lines[1:])


def test_selection_filters_and_explains(goals):
    assessments = list(goals.values())
    on_track = Selection.of(statuses=["on_track"]).apply(assessments)
    assert on_track and all(a.status == "on_track" for a in on_track)
    both = Selection.of(groups=["economy"], statuses=["on_track"]).apply(assessments)
    assert {a.goal.id for a in both} == {a.goal.id for a in on_track if a.goal.group == "economy"}
    assert [a.goal.id for a in Selection.of(goal_ids=["gdp-2010"]).apply(assessments)] == ["gdp-2010"]
    assert Selection().apply(assessments) == assessments


@pytest.mark.parametrize("select, message", [
    (Selection.of(goal_ids=["gdp-2011"]), "python -m dashboard goals"),
    (Selection.of(goal_ids=["gdp-2011"]), "did you mean gdp-2010"),
    (Selection.of(statuses=["done"]), "unknown status 'done'"),
    (Selection.of(groups=["economics"]), "unknown group 'economics'"),
    (Selection.of(goal_ids=["gdp-2010"], statuses=["achieved"]), "no goal matches"),
])
def test_selection_errors_are_one_clear_line(goals, select, message):
    with pytest.raises(ExportError, match=message):
        select.apply(list(goals.values()))


def test_footer_names_sources_basis_plan_and_date(goals, data):
    plan = data[0].plan
    lines = export.footer_lines(goals["green-space-rate"], LOC["zh"], EXPORTED_ON, plan)
    text = "\n".join(lines)
    assert "数据来源：《克拉玛依市2008年政府工作报告(摘要)》（2008-02-20）" in text
    assert "已核对但不可比：《城市发展的终端产品是市民幸福》" in text
    assert "证据依据：代用数据——克拉玛依市的数据，按数据声明只有变化可作代用" in text
    assert f"规划：《{plan.name}》三、（四）3、环境建设目标" in text
    assert "导出日期：2026-01-15" in text
    none = "\n".join(export.footer_lines(goals["gdp-2010"], LOC["en"], EXPORTED_ON, plan))
    assert "Sources:" not in none and "Checked, not comparable:" in none and "Evidence basis: none" in none


@pytest.mark.parametrize("goal_id", ["gdp-2010", "green-space-rate", "urban-income-2010"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_briefing_figure_is_dressed_the_same_way_every_time(goals, data, goal_id, lang):
    a = goals[goal_id]
    fig = export.briefing_figure(a, LOC[lang], EXPORTED_ON, plan=data[0].plan)
    again = export.briefing_figure(a, LOC[lang], EXPORTED_ON, plan=data[0].plan)
    assert fig.to_json() == again.to_json()
    lay = fig.layout
    assert (lay.width, lay.height) == (export.WIDTH, export.HEIGHT)
    assert "Noto Sans CJK SC" in lay.font.family and "Noto Sans CJK SC" in lay.title.font.family
    assert lay.margin.autoexpand is False
    name = a.goal.name if lang == "zh" else a.goal.name_en
    assert name in lay.title.text and str(a.goal.target_year) in lay.title.text
    assert export._esc(LOC[lang].target(a.goal)) in lay.title.text
    assert LOC[lang].status(a.status, a.basis) in lay.title.subtitle.text
    texts = " ".join(ann.text or "" for ann in lay.annotations)
    assert "2026-01-15" in texts and LOC[lang].reason(a.reason)[:8] in texts


def test_missing_browser_names_the_setup_script(tmp_path):
    with pytest.raises(ExportError, match="scripts/setup.sh"):
        Renderer(browser=tmp_path / "no-chromium").start()


def test_cli_rejects_an_unknown_goal_id_without_starting_a_browser(tmp_path, capsys):
    assert main(["export", "--goal", "gdp-2011", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "gdp-2011" in x]  # one line, with the way to find ids
    assert line.startswith("error: unknown goal id 'gdp-2011'") and "python -m dashboard goals" in line
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------- images


@needs_chromium
def test_png_is_3200_by_1800_and_not_blank(renderer, goals, data):
    from PIL import Image

    png = renderer.render(export.briefing_figure(goals["urban-income-2010"], LOC["zh"], plan=data[0].plan), "png")
    img = Image.open(io.BytesIO(png))
    assert img.size == (3200, 1800)
    assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50


@needs_chromium
def test_svg_parses_and_holds_the_chinese_title(renderer, goals, data):
    a = goals["green-space-rate"]
    svg = renderer.render(export.briefing_figure(a, LOC["zh"], EXPORTED_ON, plan=data[0].plan), "svg")
    root = ET.fromstring(svg)
    text = "".join(root.itertext())
    assert "建成区绿地率：目标≥40%（2010年）" in text
    assert "数据来源：" in text and "导出日期：2026-01-15" in text


@needs_chromium
def test_pdf_text_holds_goal_name_and_sources_in_a_cjk_font(renderer, goals, data):
    a = goals["green-space-rate"]
    pdf = renderer.render(export.briefing_figure(a, LOC["zh"], EXPORTED_ON, plan=data[0].plan), "pdf")
    text = pdf_text(pdf)
    assert "建成区绿地率" in text
    assert "数据来源:《克拉玛依市2008年政府工作报告(摘要)》" in text  # NFKC turns ： into :
    assert "状态:代用数据:符合进度" in text.replace(" ", "")  # a proxy status reads as one
    fonts = " ".join(pdf_font_families(pdf))
    assert "CJK" in fonts, fonts


@needs_chromium
def test_chinese_is_drawn_as_glyphs_not_boxes(renderer):
    """With no CJK font every Chinese character is the same box as a private-use character (stack.md)."""
    from PIL import Image, ImageChops

    def title_pixels(text: str) -> Image.Image:
        fig = export._dress(go.Figure(), title=text, subtitle="", legend="keep")
        png = renderer.render(fig, "png", width=800, height=200)
        return Image.open(io.BytesIO(png)).convert("L").crop((0, 0, 1600, 180))

    one, two, boxes = title_pixels("克拉玛依区规划"), title_pixels("绿地率目标实现"), title_pixels("\ue000" * 7)
    assert ImageChops.difference(one, two).getbbox() is not None, "two Chinese strings rasterise the same"
    assert ImageChops.difference(one, boxes).getbbox() is not None, "Chinese is drawn as boxes"
    assert ImageChops.difference(two, boxes).getbbox() is not None, "Chinese is drawn as boxes"


@needs_chromium
def test_renderer_hands_each_thread_its_own_image(renderer):
    from PIL import Image

    sizes = [(300 + 20 * i, 200 + 10 * i) for i in range(6)]
    got: dict[int, tuple[int, int]] = {}

    def work(i: int) -> None:
        w, h = sizes[i]
        got[i] = Image.open(io.BytesIO(renderer.render(go.Figure(), "png", width=w, height=h))).size

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(sizes))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert got == {i: (2 * w, 2 * h) for i, (w, h) in enumerate(sizes)}


@needs_chromium
def test_export_goal_is_atomic_and_refuses_to_overwrite(renderer, goals, data, tmp_path):
    a = goals["gdp-2010"]
    path = export.export_goal(a, "png", tmp_path, LOC["zh"], plan=data[0].plan, renderer=renderer)
    assert path == tmp_path / "gdp-2010.png"
    before = path.read_bytes()
    with pytest.raises(ExportError, match="--force"):
        export.export_goal(a, "png", tmp_path, LOC["zh"], plan=data[0].plan, renderer=renderer)
    assert path.read_bytes() == before
    export.export_goal(a, "png", tmp_path / "gdp-2010.png", LOC["zh"], force=True, plan=data[0].plan, renderer=renderer)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gdp-2010.png"]  # no temporary file left behind
    with pytest.raises(ExportError, match="--format pdf"):
        export.export_goal(a, "png", tmp_path / "chart.pdf", LOC["zh"], renderer=renderer)


@needs_chromium
def test_goal_image_bytes_serves_every_format(renderer, goals):
    a = goals["urban-income-2010"]
    assert export.goal_image_bytes(a, "png", LOC["en"], renderer=renderer).startswith(b"\x89PNG")
    assert export.goal_image_bytes(a, "pdf", LOC["zh"], renderer=renderer).startswith(b"%PDF")
    assert b"<svg" in export.goal_image_bytes(a, "svg", LOC["zh"], renderer=renderer)[:200]


@needs_chromium
def test_cli_export_writes_into_a_folder(tmp_path, capsys):
    assert main(["export", "--goal", "urban-income-2010", "--format", "svg", "--out", str(tmp_path)]) == 0
    out = tmp_path / "urban-income-2010.svg"
    assert capsys.readouterr().out.strip() == str(out)
    assert "城镇居民人均可支配收入" in "".join(ET.fromstring(out.read_bytes()).itertext())
    assert main(["export", "--goal", "urban-income-2010", "--format", "svg", "--out", str(tmp_path)]) == 1
    assert "--force" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- pack


@pytest.fixture(scope="module")
def on_track_pack(renderer, data, tmp_path_factory):
    dataset, assessments, findings = data
    out = tmp_path_factory.mktemp("packs") / "on-track"
    steps: list[tuple[int, int, str]] = []
    written = export.build_pack(assessments, findings, out, LOC["zh"], Selection.of(statuses=["on_track"]),
                                progress=lambda *s: steps.append(s), plan=dataset.plan, exported_on=EXPORTED_ON,
                                renderer=renderer)
    return out, written, steps, [a for a in assessments if a.status == "on_track"]


@needs_chromium
def test_pack_holds_every_expected_file(on_track_pack):
    out, written, steps, selected = on_track_pack
    ids = [a.goal.id for a in selected]
    expected = {"briefing.pdf", "goals.csv", "goals.xlsx", "README.txt"}
    expected |= {f"charts/{i}.{fmt}" for i in ids for fmt in ("png", "svg")}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert on_disk == expected
    assert {p.relative_to(out).as_posix() for p in written} == expected
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left
    assert steps[-1][0] == steps[-1][1] and [s[0] for s in steps] == list(range(1, len(steps) + 1))


@needs_chromium
def test_pack_csv_rows_equal_the_selection(on_track_pack):
    from dashboard.present.contract import CSV_COLUMNS

    out, _, _, selected = on_track_pack
    rows = list(csv.DictReader(io.StringIO((out / "goals.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [a.goal.id for a in selected]
    assert list(rows[0]) == CSV_COLUMNS and {r["status"] for r in rows} == {"on_track"}


@needs_chromium
def test_pack_xlsx_has_header_frozen_panes_and_words(on_track_pack):
    from openpyxl import load_workbook

    out, _, _, selected = on_track_pack
    ws = load_workbook(out / "goals.xlsx").worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["编号", "指标"] and "状态" in header
    assert ws.freeze_panes == "C2"
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [a.goal.id for a in selected]
    status_col = header.index("状态") + 1
    assert {ws.cell(r, status_col).value for r in range(2, ws.max_row + 1)} <= {"符合进度", "代用数据：符合进度"}
    assert all((ws.column_dimensions[c].width or 0) >= 8 for c in "ABCDEFGHIJKLM")


@needs_chromium
def test_pack_pdf_has_cover_table_and_one_page_per_goal(on_track_pack, data):
    from pypdf import PdfReader

    out, _, _, selected = on_track_pack
    pdf = (out / "briefing.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    cover = nfkc(reader.pages[0].extract_text())
    assert "克拉玛依区经济和社会发展十一五规划" in cover and "2026-01-15" in cover and "符合进度" in cover
    text = pdf_text(pdf)
    for a in selected:
        assert pdf_has(text.replace("\n", ""), a.goal.name), a.goal.name
    # cover, overview, coherence (where it concerns these goals), the table's pages, one page per goal
    coherence = 1 if export._relevant(data[2], {a.goal.id for a in selected}) else 0
    assert len(reader.pages) == 2 + coherence + len(export.table_figures(selected, LOC["zh"])) + len(selected)
    assert [o.title for o in reader.outline][-len(selected):] == [f"{a.goal.id} {a.goal.name}" for a in selected]
    assert "CJK" in " ".join(pdf_font_families(pdf))
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "briefing.pdf" in readme and "克拉玛依市2008年政府工作报告(摘要)" in readme
    assert all(a.goal.id in readme for a in selected)


@needs_chromium
def test_pack_refuses_to_overwrite_without_force(on_track_pack, data, renderer):
    out, *_ = on_track_pack
    dataset, assessments, findings = data
    before = (out / "goals.csv").read_bytes()
    with pytest.raises(ExportError, match="--force"):
        export.build_pack(assessments, findings, out, LOC["zh"], select=Selection.of(goal_ids=["gdp-2010"]), renderer=renderer)
    assert (out / "goals.csv").read_bytes() == before


@needs_chromium
def test_pack_force_replaces_and_zips(data, renderer, tmp_path):
    dataset, assessments, findings = data
    out = tmp_path / "pack"
    out.mkdir()
    (out / "briefing.pdf").write_bytes(b"an earlier pack")
    (out / "stale.txt").write_text("old")
    written = export.build_pack(assessments, findings, out, LOC["en"], Selection.of(goal_ids=["gdp-2010"]), force=True,
                                plan=dataset.plan, zip_it=True, renderer=renderer)
    assert not (out / "stale.txt").exists() and (out / "charts" / "gdp-2010.svg").is_file()
    assert written[-1] == tmp_path / "pack.zip"
    names = zipfile.ZipFile(written[-1]).namelist()
    assert "pack/briefing.pdf" in names and "pack/charts/gdp-2010.png" in names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack", "pack.zip"]


def test_force_never_replaces_a_folder_that_is_not_a_pack(data, tmp_path):
    dataset, assessments, findings = data
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not an earlier briefing pack"):
        export.build_pack(assessments, findings, tmp_path, LOC["zh"], select=Selection.of(goal_ids=["gdp-2010"]), force=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"


@needs_chromium
def test_pack_bytes_is_a_zip_of_the_pack(data, renderer):
    dataset, assessments, findings = data
    blob = export.pack_bytes(assessments, findings, LOC["zh"], Selection.of(goal_ids=["green-space-rate"]),
                             plan=dataset.plan, exported_on=EXPORTED_ON, renderer=renderer)
    names = set(zipfile.ZipFile(io.BytesIO(blob)).namelist())
    root = export.pack_name(EXPORTED_ON)
    assert {f"{root}/briefing.pdf", f"{root}/goals.csv", f"{root}/goals.xlsx", f"{root}/README.txt",
            f"{root}/charts/green-space-rate.png", f"{root}/charts/green-space-rate.svg"} == names


@needs_chromium
def test_cli_pack_prints_progress_and_refuses_a_second_time(tmp_path, capsys):
    out = tmp_path / "pack"
    assert main(["pack", "--goal", "gdp-2010", "--goal", "urban-income-2010", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "[" in captured.err and "6/6" in captured.err and "(2 goals)" in captured.out
    assert sorted(p.name for p in (out / "charts").iterdir()) == [
        "gdp-2010.png", "gdp-2010.svg", "urban-income-2010.png", "urban-income-2010.svg"]
    assert main(["pack", "--goal", "gdp-2010", "--out", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err


@needs_chromium
def test_reusing_the_page_changes_no_pixel(renderer, goals):
    """The renderer reloads kaleido's page only every RELOAD_EVERY images: an image drawn after others, and
    after a failed one, is byte-for-byte the image drawn first."""
    first = export.briefing_figure(goals["green-space-rate"], LOC["zh"], exported_on=EXPORTED_ON)
    before = renderer.render(first, "png", width=800, height=450)
    for gid in ("gdp-2010", "urban-income-2010", "unemployment-rate"):
        renderer.render(export.briefing_figure(goals[gid], LOC["zh"], exported_on=EXPORTED_ON), "png", width=800, height=450)
    with pytest.raises(Exception):  # noqa: B017 - whatever kaleido raises for a malformed figure
        renderer.render({"data": [{"type": "scatter", "x": object()}]}, "png")
    assert renderer.render(first, "png", width=800, height=450) == before
