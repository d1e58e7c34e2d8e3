"""Briefing files as Chromium draws and prints them, read back as a person would: pdftotext, pypdf, pdftoppm.

Rendering tests share ONE Chromium (a module-scoped `Renderer`). PDF text is checked WITHOUT normalising:
what a reader copies or searches for is what the test reads. Skipped, with the reason, without Chromium.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.present import export
from dashboard.present.export import facts
from dashboard.present.export.errors import ExportError
from dashboard.present.export.renderer import Renderer
from dashboard.present.export.selection import Selection
from dashboard.present.locale import Locale
from dashboard.present.text import NO_LINE_START
from dashboard.records.load import load

HAVE_CHROMIUM = Path("/usr/bin/chromium").is_file()
HAVE_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not HAVE_CHROMIUM, reason="/usr/bin/chromium is absent: run scripts/setup.sh"),
]
needs_poppler = pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils is absent: run scripts/setup.sh")
EXPORTED_ON = dt.date(2026, 1, 15)
DATASET = load()[0]
JUDGE = Judge(DATASET)
ACCOUNTS = JUDGE.accounts()
GOALS = {a.goal.id: a for a in ACCOUNTS}
LOC = {lang: Locale(lang, DATASET) for lang in ("zh", "en")}
RADICALS = re.compile("[\u2e80-\u2fdf]")  # CJK Radicals Supplement and Kangxi Radicals: look-alikes of ideographs
LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬁ for fi: one glyph, copied as one character


@pytest.fixture(scope="module")
def renderer():
    with Renderer() as r:
        yield r


@pytest.fixture(scope="module")
def pack(renderer, tmp_path_factory):
    """The pack of every goal with a status (all proxies today): cover, overview, coherence, table, goal pages."""
    out = tmp_path_factory.mktemp("packs") / "with-status"
    steps: list[tuple[int, int, str]] = []
    select = Selection.of(statuses=["achieved", "on_track", "off_track", "missed", "indeterminate"])
    written = export.build_pack(ACCOUNTS, JUDGE.coherence, out, LOC["zh"], select, progress=lambda *s: steps.append(s),
                                plan=DATASET.plan, exported_on=EXPORTED_ON, renderer=renderer)
    return out, written, steps, select.apply(ACCOUNTS)


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def page_of(texts: list[str], goal_id: str) -> int:
    """The 1-based page of a goal's page: the first whose text begins with the goal's name (no page shows ids)."""
    goal = GOALS[goal_id].goal
    names = {re.sub(r"\s+", "", n) for n in (goal.name, goal.name_en)}
    # a longer name that begins with this one (地区生产总值年均增长率 after 地区生产总值) is another goal's page
    longer = {m for a in GOALS.values() for n in (a.goal.name, a.goal.name_en) for m in [re.sub(r"\s+", "", n)]
              if any(m != x and m.startswith(x) for x in names)}
    flat = [re.sub(r"\s+", "", t) for t in texts]
    return next(i for i, t in enumerate(flat, 1) if any(t.startswith(n) and not t.startswith(n + "（续）")
                                                        and not t.startswith(n + "(continued)") for n in names)
                and not any(t.startswith(m) for m in longer))


# ---------------------------------------------------------------------------------------------- PDF text


@needs_poppler
def test_pack_pdf_text_is_the_real_characters_without_normalising(pack):
    out, _, _, selected = pack
    pdf = out / "briefing.pdf"
    for text in (pdftotext(pdf), "\n".join(pypdf_pages(pdf.read_bytes()))):
        assert not RADICALS.search(text), sorted(set(RADICALS.findall(text)))
        assert not LIGATURES.search(text) and "～" in text and "〜" not in text
        assert "目标" in text and "增长" in text and "规划原文" in text
        flat = text.replace("\n", "").replace(" ", "")
        for a in selected:
            assert a.goal.name.replace(" ", "") in flat, a.goal.name


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_goals_pdf_is_its_page_with_the_real_characters(renderer, tmp_path, lang):
    a = GOALS["urban-income-2010"]
    path = export.export_goal(a, "pdf", tmp_path, LOC[lang], plan=DATASET.plan, exported_on=EXPORTED_ON,
                              renderer=renderer)
    text = pdftotext(path)
    assert not RADICALS.search(text)
    assert a.goal.quote in text.replace("\n", "")
    assert LOC[lang].status(a.status, a.basis) in text
    from pypdf import PdfReader

    texts = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]  # its page, then any continued
    name = LOC[lang].goal_name(a.goal)
    assert texts[0].startswith(name) and all(t.startswith(name + LOC[lang].t("export.goal.continued"))
                                             for t in texts[1:])


@needs_poppler
def test_no_line_break_leaves_a_punctuation_mark_alone_and_nothing_points_elsewhere(pack):
    """In every paragraph Chromium wrapped (a text block of several lines), no line after the first is
    punctuation alone. (A chart's "%" axis title or a table's "—" is a block of its own, not a break.)"""
    out, *_ = pack
    pdf = out / "briefing.pdf"
    root = _layout(pdftotext(pdf, "-bbox-layout"))
    wrapped = 0
    for block in root.iter("block"):
        lines = ["".join(w.text or "" for w in line.iter("word")) for line in block.iter("line")]
        wrapped += len(lines) > 1
        for line in lines[1:]:
            if line != "—":  # a table's empty cell, not a broken line
                assert not all(ch in NO_LINE_START for ch in line), (line, lines)
    assert wrapped > 20  # the test saw paragraphs that wrap
    text = pdftotext(pdf)
    assert "详见证据列表" not in text and "判定见下文" not in text


def _layout(xhtml: str) -> ET.Element:
    return ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml).replace('xmlns="http://www.w3.org/1999/xhtml"', ""))


def _ink(png: Path, box: tuple[float, float, float, float]) -> int:
    """Dark pixels inside a box (in PDF points: the page was rendered at 72 dpi, one pixel a point)."""
    from PIL import Image

    with Image.open(png) as img:
        crop = img.convert("L").crop(tuple(round(v) for v in box))
        return sum(1 for v in crop.tobytes() if v < 128)


@needs_poppler
@pytest.mark.parametrize("goal_id", ["urban-income-2010", "unemployment-rate"])
def test_a_goal_page_rendered_to_png_shows_the_plans_quote_and_the_deciding_quote(pack, tmp_path, goal_id):
    """The quotes stand in the page's text where a reader finds them, and they are drawn there (ink in the
    rendered page at the very place the text layer puts them)."""
    out, _, _, _ = pack
    pdf = out / "briefing.pdf"
    a = GOALS[goal_id]
    n = page_of(pypdf_pages(pdf.read_bytes()), goal_id)
    subprocess.run(["pdftoppm", "-r", "72", "-f", str(n), "-l", str(n), "-png", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    png = tmp_path / "page.png"
    layout = pdftotext(pdf, "-bbox-layout", "-f", str(n), "-l", str(n))
    root = _layout(layout)
    lines = [("".join(w.text or "" for w in line.iter("word")),
              tuple(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))) for line in root.iter("line")]
    for quote in (a.goal.quote, a.deciding.observation.quote):
        head = quote[:8]
        found = [box for text, box in lines if head in text]
        assert found, (head, [t for t, _ in lines])
        assert all(_ink(png, box) > 30 for box in found), (head, found)


# ---------------------------------------------------------------------------------------------- images


def test_png_is_a_full_hd_slide_and_not_blank(renderer):
    from PIL import Image

    png = export.goal_file_bytes(GOALS["urban-income-2010"], "png", LOC["zh"], plan=DATASET.plan, renderer=renderer)
    img = Image.open(io.BytesIO(png))
    assert img.size == export.PNG_SIZE == (1920, 1080)
    assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50


def test_svg_parses_and_holds_the_chinese_title(renderer):
    a = GOALS["green-space-rate"]
    svg = export.goal_file_bytes(a, "svg", LOC["zh"], plan=DATASET.plan, exported_on=EXPORTED_ON, renderer=renderer)
    text = "".join(ET.fromstring(svg).itertext())
    assert f"{a.goal.name}：目标≥40%（2010年）" in text
    assert "数据来源：" in text and "导出日期：2026-01-15" in text


def test_chinese_is_drawn_as_glyphs_not_boxes(renderer):
    """With no CJK font every Chinese character is the same box as a private-use character (stack.md)."""
    from PIL import Image, ImageChops

    def pixels(text: str) -> Image.Image:
        fig = {"data": [], "layout": {"width": 400, "height": 100, "title": {"text": text},
                                      "font": {"family": export.layout.FONT, "size": 30}}}
        (drawn,) = renderer.draw([fig], png_scale=1)
        return Image.open(io.BytesIO(drawn.png)).convert("L")

    one, two, boxes = pixels("克拉玛依区规划"), pixels("绿地率目标实现"), pixels("\ue000" * 7)
    assert ImageChops.difference(one, two).getbbox() is not None, "two Chinese strings rasterise the same"
    assert ImageChops.difference(one, boxes).getbbox() is not None, "Chinese is drawn as boxes"
    assert ImageChops.difference(two, boxes).getbbox() is not None, "Chinese is drawn as boxes"


def test_renderer_hands_each_thread_its_own_image(renderer):
    from PIL import Image

    sizes = [(300 + 20 * i, 200 + 10 * i) for i in range(6)]
    got: dict[int, tuple[int, int]] = {}

    def work(i: int) -> None:
        w, h = sizes[i]
        (drawn,) = renderer.draw([{"data": [], "layout": {"width": w, "height": h}}], png_scale=2)
        got[i] = Image.open(io.BytesIO(drawn.png)).size

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(sizes))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert got == {i: (2 * w, 2 * h) for i, (w, h) in enumerate(sizes)}


def test_a_failed_figure_is_an_error_and_the_next_one_draws(renderer):
    with pytest.raises(ExportError):
        renderer.draw([{"data": [{"type": "no-such-trace"}], "layout": {"width": 10, "height": 10, "x": {"y": 1}}},
                       "not a figure"])
    (drawn,) = renderer.draw([{"data": [], "layout": {"width": 100, "height": 50}}], png_scale=1)
    assert drawn.svg.startswith("<svg") and drawn.png.startswith(b"\x89PNG")


def test_missing_browser_names_the_setup_script(tmp_path):
    with pytest.raises(ExportError, match="scripts/setup.sh"):
        Renderer(browser=tmp_path / "no-chromium").start()


def test_export_goal_is_atomic_and_refuses_to_overwrite(renderer, tmp_path):
    a = GOALS["gdp-2010"]
    path = export.export_goal(a, "png", tmp_path, LOC["zh"], plan=DATASET.plan, renderer=renderer)
    assert path == tmp_path / "gdp-2010.png"
    before = path.read_bytes()
    with pytest.raises(ExportError, match="--force"):
        export.export_goal(a, "png", tmp_path, LOC["zh"], plan=DATASET.plan, renderer=renderer)
    assert path.read_bytes() == before
    export.export_goal(a, "png", tmp_path / "gdp-2010.png", LOC["zh"], force=True, plan=DATASET.plan, renderer=renderer)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gdp-2010.png"]  # no temporary file left behind
    with pytest.raises(ExportError, match="--format pdf"):
        export.export_goal(a, "png", tmp_path / "chart.pdf", LOC["zh"], plan=DATASET.plan, renderer=renderer)


def test_cli_export_writes_into_a_folder(tmp_path, capsys):
    assert main(["export", "--goal", "urban-income-2010", "--format", "svg", "--out", str(tmp_path)]) == 0
    out = tmp_path / "urban-income-2010.svg"
    assert capsys.readouterr().out.strip() == str(out)
    assert "城镇居民人均可支配收入" in "".join(ET.fromstring(out.read_bytes()).itertext())
    assert main(["export", "--goal", "urban-income-2010", "--format", "svg", "--out", str(tmp_path)]) == 1
    assert "--force" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------- pack


def test_pack_holds_every_expected_file(pack):
    out, written, steps, selected = pack
    expected = {"briefing.pdf", "goals.csv", "evidence.csv", "goals.xlsx", "report.docx", "README.txt"}
    expected |= {f"charts/{a.goal.id}.{fmt}" for a in selected for fmt in ("png", "svg")}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == expected
    assert {p.relative_to(out).as_posix() for p in written} == expected
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left
    goals = [s[0] for s in steps if "图表" in s[2]]
    assert goals == sorted(goals) and goals[-1] == len(selected) and all(s[1] == len(selected) for s in steps)


def test_pack_csv_rows_equal_the_selection(pack):
    from dashboard.present.contract import CSV_COLUMNS

    out, _, _, selected = pack
    raw = (out / "goals.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [a.goal.id for a in selected] and list(rows[0]) == CSV_COLUMNS


def test_pack_pdf_has_cover_table_and_one_page_per_goal(pack):
    from pypdf import PdfReader

    out, _, _, selected = pack
    reader = PdfReader(out / "briefing.pdf")
    cover = reader.pages[0].extract_text()
    assert DATASET.plan.name in cover and "2026-01-15" in cover and "代用数据" in cover
    assert reader.metadata.title.startswith(DATASET.plan.name)
    def titles(items) -> list[str]:
        return [t for o in items for t in (titles(o) if isinstance(o, list) else [o.title])]

    assert titles(reader.outline)[-len(selected):] == [a.goal.name for a in selected]  # one entry per goal page
    texts = [p.extract_text() for p in reader.pages]
    pages = [page_of(texts, a.goal.id) for a in selected]
    assert pages == sorted(pages) and len(set(pages)) == len(selected)
    related = facts.related_findings(JUDGE.coherence, {a.goal.id for a in selected})
    assert any("规划内部一致性" in t for t in texts) == bool(related)
    assert any("目标一览" in t for t in texts)
    readme = (out / "README.txt").read_text(encoding="utf-8-sig")
    assert "briefing.pdf" in readme and all(a.goal.id in readme for a in selected)


def test_pack_refuses_to_overwrite_without_force(pack, renderer):
    out, *_ = pack
    before = (out / "goals.csv").read_bytes()
    with pytest.raises(ExportError, match="--force"):
        export.build_pack(ACCOUNTS, JUDGE.coherence, out, LOC["zh"], Selection.of(goal_ids=["gdp-2010"]),
                          plan=DATASET.plan, renderer=renderer)
    assert (out / "goals.csv").read_bytes() == before


def test_pack_force_replaces_and_zips(renderer, tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    (out / "briefing.pdf").write_bytes(b"an earlier pack")
    (out / "stale.txt").write_text("old")
    written = export.build_pack(ACCOUNTS, JUDGE.coherence, out, LOC["en"], Selection.of(goal_ids=["gdp-2010"]),
                                force=True, plan=DATASET.plan, zip_it=True, renderer=renderer)
    assert not (out / "stale.txt").exists() and (out / "charts" / "gdp-2010.svg").is_file()
    assert written[-1] == tmp_path / "pack.zip"
    names = zipfile.ZipFile(written[-1]).namelist()
    assert "pack/briefing.pdf" in names and "pack/charts/gdp-2010.png" in names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack", "pack.zip"]


def test_force_never_replaces_a_folder_that_is_not_a_pack(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not an earlier briefing pack"):
        export.build_pack(ACCOUNTS, JUDGE.coherence, tmp_path, LOC["zh"], Selection.of(goal_ids=["gdp-2010"]),
                          force=True, plan=DATASET.plan)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_pack_bytes_is_a_zip_of_the_pack(renderer):
    blob = export.pack_bytes(ACCOUNTS, JUDGE.coherence, LOC["zh"], Selection.of(goal_ids=["green-space-rate"]),
                             plan=DATASET.plan, exported_on=EXPORTED_ON, renderer=renderer)
    root = export.pack_name(EXPORTED_ON)
    names = set(zipfile.ZipFile(io.BytesIO(blob)).namelist())
    assert names == {f"{root}/{n}" for n in ("briefing.pdf", "goals.csv", "evidence.csv", "goals.xlsx", "report.docx",
                                              "README.txt",
                                              "charts/green-space-rate.png", "charts/green-space-rate.svg")}


def test_cli_pack_prints_progress_and_refuses_a_second_time(tmp_path, capsys):
    out = tmp_path / "pack"
    assert main(["pack", "--goal", "gdp-2010", "--goal", "urban-income-2010", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "[" in captured.err and "2/2" in captured.err and "(2 goals)" in captured.out
    assert sorted(p.name for p in (out / "charts").iterdir()) == [
        "gdp-2010.png", "gdp-2010.svg", "urban-income-2010.png", "urban-income-2010.svg"]
    assert main(["pack", "--goal", "gdp-2010", "--out", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
