"""The print template: page and image sizes, margins, type sizes, colours and the PDF's stylesheet.

Every page and image of a briefing is laid out from these numbers, so they look like one document.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.present.charts import STATUS_COLOURS

#: A page of the PDF and a slide image, in CSS pixels: 16:9. A PDF page is 1200×675 pt.
WIDTH, HEIGHT = 1600, 900
#: PNG pixels per CSS pixel: 1920×1080, the size of a full-HD slide.
PNG_SCALE = 1.2
#: Print's fonts: TrueType CJK first. Chromium embeds a TrueType font in a PDF as a CID font, with its text
#: searchable; Noto CJK's CFF outlines come out as Type 3 fonts, which some printers and editors handle badly.
#: An SVG slide names the office's fonts next, for whoever opens it elsewhere. No bold: synthesised bold is Type 3.
FONT = ("'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif")

INK, MUTED, FAINT, RULE, PAPER, SHADE = "#1f2933", "#52606d", "#7b8794", "#cbd2d9", "#ffffff", "#e4e7eb"
#: Light tints of the charts' status colours for table cells and status labels (black text reads on all).
STATUS_TINT = {
    "achieved": "#cdeee2", "on_track": "#d7eefb", "off_track": "#fbe8c2", "missed": "#f8d9c4",
    "indeterminate": "#f3dcea", "no_comparable_data": "#eceff3",
}
STATUS_EDGE = STATUS_COLOURS

# Slides (the PNG/SVG of a goal): type sizes and the frame around the chart, in px.
TITLE_SIZE, SUBTITLE_SIZE, TEXT_SIZE, FOOTER_SIZE = 30, 19, 17, 15
LINE = 22  # px between footer lines
MARGIN_L, MARGIN_R = 90, 70
LEGEND_W = 300  # px right of the plot for the legend
LEGEND_COLS = 28  # display columns of a legend entry there (after its symbol, at TEXT_SIZE - 1)
FOOT_GAP = 80  # px from the bottom of the plot to the first footer line (room for the x-axis labels)
TEXT_COLS = 170  # display columns of TEXT_SIZE text across a slide (a Chinese character counts 2)
FOOTER_COLS = 190  # the same at FOOTER_SIZE

# PDF pages: the page margin (the footer sits in the bottom one) and the charts' boxes, in px.
PAGE_MARGIN = (44, 64, 58, 64)  # top, right, bottom, left
BODY_W = WIDTH - PAGE_MARGIN[1] - PAGE_MARGIN[3]
GOAL_CHART_W, GOAL_CHART_H = 860, 500  # the chart on a goal's page, at most
GOAL_CHART_MIN_H = 340  # the least a chart is given (its plot about 190 px under its labels and legend)
PACE_CHART_EXTRA = 150  # px more, at most and at least, for a chart with a pace panel under its levels
GOAL_BODY_H = 650  # px a goal page has under its header, above the footer
SMALL_SIZE, SMALL_LINE = 14, 21  # the small type of lists, and its line height
LIST_INDENT = 18  # px a list's items are set in
PAGE_CHART_H = 640  # a whole-page chart (the overview)
COHERENCE_W, COHERENCE_MAX_H = 820, 720  # the coherence chart, beside its list
PAGE_FONT_SIZE = 16


@dataclass(frozen=True)
class Paper:
    """The briefing PDF's sheet and the boxes laid out on it, in CSS px (96 to the inch, 0.75 pt each).

    `slide`: a 16:9 page (1200×675 pt) for a screen, the chart beside the words. `a4`: A4 portrait at true size,
    for a printer: one column, the chart above the words, body type 15 px (11.25 pt) and nothing under 14 px
    (10.5 pt) but the running footer."""

    name: str
    width: int
    height: int
    margin: tuple[int, int, int, int]  # top, right, bottom, left
    columns: int  # a goal page's: 2 (chart | words) or 1 (chart above words)
    font: int  # body type
    small: int  # lists and sources
    small_line: int
    label: int
    sub: int
    table: float
    h1: int
    h2: int
    footer: int
    chart_w: int
    chart_h: int
    chart_min_h: int
    body_h: int  # px a goal page has under its header, above the footer
    page_chart_h: int
    coherence_w: int
    coherence_max_h: int

    @property
    def body_w(self) -> int:
        return self.width - self.margin[1] - self.margin[3]

    @property
    def right_w(self) -> int:
        """The words' column of a goal page (the whole body on a one-column paper)."""
        return self.body_w - self.chart_w - 28 if self.columns == 2 else self.body_w


SLIDE = Paper("slide", WIDTH, HEIGHT, PAGE_MARGIN, 2, PAGE_FONT_SIZE, SMALL_SIZE, SMALL_LINE, 15, 17, 13.5, 40, 28,
              11, GOAL_CHART_W, GOAL_CHART_H, GOAL_CHART_MIN_H, GOAL_BODY_H, PAGE_CHART_H, COHERENCE_W,
              COHERENCE_MAX_H)
_A4_MARGIN = (48, 52, 60, 52)
A4 = Paper("a4", 794, 1123, _A4_MARGIN, 1, 15, 14, 21, 14, 15, 14, 30, 22, 12,
           794 - _A4_MARGIN[1] - _A4_MARGIN[3], 440, 340, 1123 - _A4_MARGIN[0] - _A4_MARGIN[2] - 100, 560,
           794 - _A4_MARGIN[1] - _A4_MARGIN[3], 640)
PAPERS = {"a4": A4, "slide": SLIDE}
DEFAULT_PAPER = "a4"


def stylesheet(paper: Paper = SLIDE) -> str:
    """The CSS of every PDF page. `line-break: strict` keeps closing punctuation off the start of a line."""
    top, right, bottom, left = paper.margin
    one = paper.columns == 1
    return _base(paper, top, right, bottom, left) + (f"""
.goal-body {{ display: block; }}
.goal-body:not(.one) > div + div {{ margin-top: 8px; }}  /* the chart above the words; not between a continued
   page's blocks, which pages._pages lays end to end as estimated */
.split {{ display: block; }}
.cover {{ display: block; }}
.cover > div + div {{ margin-top: 18px; }}
.head h2, .head .title {{ font-size: {paper.h2}px; }}
""" if one else "")


def _base(paper: Paper, top: int, right: int, bottom: int, left: int) -> str:
    WIDTH, HEIGHT, SMALL_SIZE, SMALL_LINE, GOAL_CHART_W, COHERENCE_W = (  # noqa: N806 - the template's names
        paper.width, paper.height, paper.small, paper.small_line, paper.chart_w, paper.coherence_w)
    PAGE_FONT_SIZE = paper.font  # noqa: N806
    return f"""
@page {{ size: {WIDTH}px {HEIGHT}px; margin: {top}px {right}px {bottom}px {left}px; }}
* {{ box-sizing: border-box; }}
/* no synthesised bold or italic: Chromium embeds a synthesised face as a Type 3 font; a face the font has
   (DejaVu's bold Latin) is used, a CJK font without one stays regular, and weight is carried by size and colour */
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; font-synthesis: none; }}
body {{ margin: 0; font-family: {FONT}; font-size: {PAGE_FONT_SIZE}px; line-height: 1.5; color: {INK};
       line-break: strict; word-break: normal; overflow-wrap: anywhere; }}
section.page {{ break-before: page; }}
section.page:first-child {{ break-before: auto; }}
/* a pixel above each page's heading (pages.section): a heading at the very top of a forced page names itself
   twice in Chromium's PDF outline ("目标一览目标一览"); a ::before box does not help, an element does */
.page-top {{ height: 1px; }}
h1, h2 {{ margin: 0; font-weight: 700; }}
h1 {{ font-size: {paper.h1}px; line-height: 1.25; }}
h2, .head .title {{ font-size: {paper.h2}px; line-height: 1.3; font-weight: 700; margin: 0; }}
.label {{ font-size: {paper.label}px; font-weight: 700; color: {MUTED}; margin: 12px 0 2px; letter-spacing: 0.02em;
          break-after: avoid; }}
p {{ margin: 0 0 4px; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: {SMALL_SIZE}px; line-height: {SMALL_LINE}px; }}
.sub {{ color: {MUTED}; font-size: {paper.sub}px; margin-top: 4px; }}
.status {{ display: inline-block; padding: 2px 10px; border-radius: 4px; border: 1.5px solid; font-weight: 700;
          white-space: nowrap; }}
.head {{ display: flex; justify-content: space-between; align-items: flex-start; gap: 24px;
        border-bottom: 1px solid {RULE}; padding-bottom: 10px; margin-bottom: 12px; }}
.head .status {{ font-size: 20px; margin-top: 4px; }}
.goal-body {{ display: grid; grid-template-columns: {GOAL_CHART_W}px 1fr; gap: 28px; }}
.goal-body.one {{ display: block; }}  /* a continued page: the words in one column */
.chart svg {{ display: block; }}
.split {{ display: grid; grid-template-columns: {COHERENCE_W}px 1fr; gap: 28px; margin-top: 8px; }}
blockquote {{ margin: 0; padding: 2px 0 2px 12px; border-left: 3px solid {RULE}; }}
.source {{ color: {MUTED}; font-size: 14px; }}
ul {{ margin: 0; padding-left: {LIST_INDENT}px; }}
li {{ margin: 0 0 3px; break-inside: avoid; }}
table.goals {{ width: 100%; border-collapse: collapse; font-size: {paper.table}px; line-height: 1.4; }}
table.goals th {{ background: {SHADE}; text-align: left; padding: 5px 7px; border: 1px solid {RULE}; }}
table.goals td {{ padding: 4px 7px; border: 1px solid {RULE}; vertical-align: top; }}
table.goals tr {{ break-inside: avoid; }}
table.goals thead {{ display: table-header-group; }}
table.goals a {{ color: {INK}; text-decoration: none; }}
table.counts {{ border-collapse: collapse; font-size: 18px; }}
table.counts th, table.counts td {{ border: 1px solid {RULE}; padding: 6px 14px; }}
table.counts th {{ background: {SHADE}; text-align: left; }}
table.counts td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
.cover {{ display: grid; grid-template-columns: 1fr 1fr; gap: 48px; margin-top: 28px; }}
.cover h2 {{ color: {MUTED}; font-weight: 400; margin-top: 8px; }}
.note {{ color: {MUTED}; font-size: {max(paper.small, 14.5)}px; margin-top: 18px; }}
"""


def footer_template(text: str, paper: Paper = SLIDE) -> str:
    """Chromium's footer on every page: the plan, the date, the page number. Its fonts are set here: the
    footer is drawn outside the document and inherits none of its styles."""
    return (f'<div style="font-family:{FONT};font-size:{paper.footer}px;color:{MUTED};width:100%;'
            f'padding:0 {paper.margin[3]}px;display:flex;justify-content:space-between">'
            f'<span>{text}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')
