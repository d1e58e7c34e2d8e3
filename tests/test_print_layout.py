"""Print as people print: every page of the full briefing PDF (both languages, both papers) and every slide (both
languages) is checked from its layout boxes, as Chromium lays it out: no two pieces of text overlap, nothing
leaves the page, a goal's page holds on its sheet (what does not fit is on a continued page under its title);
on A4 no body text is under 10.5 pt; the PDF embeds no Type 3 font. Each full pack is drawn once."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from dashboard.judge import Judge
from dashboard.present.export import Renderer, Selection
from dashboard.present.export.layout import PAPERS
from dashboard.present.export.outputs import GOAL_CHARTS, PAGE_CHARTS, Briefing
from dashboard.present.export.outputs.pdf import briefing_html, pdf_bytes
from dashboard.present.export.pack import draw
from dashboard.present.locale import Locale
from dashboard.records.load import load
from tests.browser import open_chromium

DATASET = load()[0]
JUDGE = Judge(DATASET)
ACCOUNTS = JUDGE.accounts()
ON = dt.date(2026, 1, 15)

#: Text boxes of one element and its neighbours may touch; they overlap when they share more than this, in px.
TOUCH = 1.5

# In the page: every text node's boxes (HTML text by Range.getClientRects, chart text by its element's box), checked
# pairwise within each section (a sheet) or SVG, against the body's width, the SVG's own box, and for size.
_CHECK = """(opts) => {
  const out = {overlaps: [], outside: [], small: [], tall: []};
  const width = document.documentElement.clientWidth;
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const svg = el.closest('svg');
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let rects;
    if (svg) { rects = [el.getBoundingClientRect()]; }
    else { const r = document.createRange(); r.selectNodeContents(node); rects = Array.from(r.getClientRects()); }
    const size = parseFloat(style.fontSize);
    if (!svg && size < opts.minPx) out.small.push([text.slice(0, 40), size]);
    const sheet = el.closest('section, body');
    const frame = svg ? svg.getBoundingClientRect() : null;
    for (const r of rects) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      // a chart's text element is one unit (its tspans, a label's bold head and its words, sit side by side)
      const unit = svg ? (el.closest('text') || el) : node;
      const box = {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, text: text.slice(0, 40), node: unit, sheet};
      if (r.left < -TOUCH || r.right > width + TOUCH) out.outside.push([box.text, r.left, r.right, width]);
      if (frame && (r.left < frame.left - TOUCH || r.right > frame.right + TOUCH || r.top < frame.top - TOUCH
                    || r.bottom > frame.bottom + TOUCH)) out.outside.push([box.text, 'leaves its chart']);
      boxes.push(box);
    }
  }
  boxes.sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].y0 < a.y1 - TOUCH; j++) {
      const b = boxes[j];
      if (a.node === b.node || a.sheet !== b.sheet) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > TOUCH && h > TOUCH) out.overlaps.push([a.text, b.text]);
    }
  }
  if (opts.sheetHeight) {
    for (const s of document.querySelectorAll('section.goal')) {
      const h = s.getBoundingClientRect().height;
      // a continued page names its goal in a .title, not an h2 (the PDF's outline names each goal once)
      if (h > opts.sheetHeight + TOUCH) out.tall.push([s.querySelector('h2, .title').textContent, Math.round(h)]);
    }
  }
  return out;
}""".replace("TOUCH", str(TOUCH))


@pytest.fixture(scope="module")
def renderer():
    with Renderer() as r:
        yield r


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


def _check(browser, html: str, width: int, *, min_px: float = 0, sheet_height: float = 0) -> dict:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.emulate_media(media="print")
        page.set_content(html, wait_until="load")
        return page.evaluate(_CHECK, {"minPx": min_px, "sheetHeight": sheet_height})
    finally:
        page.close()


@pytest.mark.parametrize("paper", ["a4", "slide"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_of_the_full_pack_holds_its_text_apart_and_on_the_page(renderer, browser, tmp_path, lang, paper):
    sheet = PAPERS[paper]
    b = Briefing(ACCOUNTS, Locale(lang, DATASET), DATASET.plan, ON, Selection(), JUDGE.coherence, renderer,
                 paper=sheet)
    draw(b, {GOAL_CHARTS, PAGE_CHARTS})
    html = briefing_html(b)
    found = _check(browser, html, sheet.body_w, min_px=14 if paper == "a4" else 0,
                   sheet_height=sheet.height - sheet.margin[0] - sheet.margin[2])
    assert not found["overlaps"], found["overlaps"][:10]
    assert not found["outside"], found["outside"][:10]
    assert not found["tall"], found["tall"][:10]  # a goal page that spills onto a sheet without its title
    assert not found["small"], found["small"][:10]  # A4: nothing under 14 px = 10.5 pt
    if shutil.which("pdffonts"):
        path = tmp_path / "briefing.pdf"
        path.write_bytes(pdf_bytes(b))
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        assert "Type 3" not in fonts and "CID TrueType" in fonts, fonts
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert ("(A4)" in info) == (paper == "a4"), info


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_holds_its_text_apart_and_on_the_slide(renderer, browser, lang):
    b = Briefing(ACCOUNTS, Locale(lang, DATASET), DATASET.plan, ON, Selection(), JUDGE.coherence, renderer)
    b.slides.clear()
    from dashboard.present import charts
    from dashboard.present.export.dressing import slide_figure

    specs = [slide_figure(a, b.loc, b.plan, ON, charts.goal_figure(a, b.loc)) for a in ACCOUNTS]
    drawn = renderer.draw(specs)
    html = "<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'>" + "".join(
        f"<section style='position:relative'>{d.svg}</section>" for d in drawn) + "</body></html>"
    found = _check(browser, html, 1600)
    assert not found["overlaps"], found["overlaps"][:10]
    assert not found["outside"], found["outside"][:10]


def test_the_check_finds_overlapping_text_and_text_off_the_page(browser):
    html = ("<!doctype html><html><body style='margin:0'><section><p style='position:absolute;left:0;top:0'>重叠的字</p>"
            "<p style='position:absolute;left:8px;top:2px'>重叠的字</p><p style='position:absolute;left:560px;white-space:nowrap'>出界的字"
            "</p><p style='font-size:10px'>小字</p></section></body></html>")
    found = _check(browser, html, 600, min_px=14)
    assert found["overlaps"] and found["outside"] and found["small"]


def test_setup_installs_the_truetype_cjk_fonts_print_uses():
    setup = (Path(__file__).resolve().parent.parent / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert all(p in setup for p in ("fonts-wqy-microhei", "fonts-arphic-uming", "fonts-arphic-ukai"))
