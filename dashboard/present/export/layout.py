"""The print template: page and image sizes, margins, type sizes, colours and the PDF's stylesheet.

Every page and image of a briefing is laid out from these numbers, so they look like one document.
"""

from __future__ import annotations

from dashboard.present.charts import FONT_FAMILY, STATUS_COLOURS

#: A page of the PDF and a slide image, in CSS pixels: 16:9. A PDF page is 1200×675 pt.
WIDTH, HEIGHT = 1600, 900
#: PNG pixels per CSS pixel: 1920×1080, the size of a full-HD slide.
PNG_SCALE = 1.2
FONT = FONT_FAMILY

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
FOOT_GAP = 80  # px from the bottom of the plot to the first footer line (room for the x-axis labels)
TEXT_COLS = 170  # display columns of TEXT_SIZE text across a slide (a Chinese character counts 2)
FOOTER_COLS = 190  # the same at FOOTER_SIZE

# PDF pages: the page margin (the footer sits in the bottom one) and the charts' boxes, in px.
PAGE_MARGIN = (44, 64, 58, 64)  # top, right, bottom, left
BODY_W = WIDTH - PAGE_MARGIN[1] - PAGE_MARGIN[3]
GOAL_CHART_W, GOAL_CHART_H = 860, 500  # the chart on a goal's page, at most
GOAL_CHART_MIN_H = 280  # the least a chart is given when the figures listed under it need the room
GOAL_BODY_H = 650  # px a goal page has under its header, above the footer
SMALL_SIZE, SMALL_LINE = 14, 21  # the small type of lists, and its line height
PAGE_CHART_H = 640  # a whole-page chart (the overview)
COHERENCE_W, COHERENCE_MAX_H = 820, 720  # the coherence chart, beside its list
PAGE_FONT_SIZE = 16


def stylesheet() -> str:
    """The CSS of every PDF page. `line-break: strict` keeps closing punctuation off the start of a line."""
    top, right, bottom, left = PAGE_MARGIN
    return f"""
@page {{ size: {WIDTH}px {HEIGHT}px; margin: {top}px {right}px {bottom}px {left}px; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; font-family: {FONT}; font-size: {PAGE_FONT_SIZE}px; line-height: 1.5; color: {INK};
       line-break: strict; word-break: normal; overflow-wrap: anywhere; }}
section.page {{ break-before: page; }}
section.page:first-child {{ break-before: auto; }}
/* a pixel above each page's heading (pages.section): a heading at the very top of a forced page names itself
   twice in Chromium's PDF outline ("目标一览目标一览"); a ::before box does not help, an element does */
.page-top {{ height: 1px; }}
h1, h2 {{ margin: 0; font-weight: 700; }}
h1 {{ font-size: 40px; line-height: 1.25; }}
h2 {{ font-size: 28px; line-height: 1.3; }}
.label {{ font-size: 15px; font-weight: 700; color: {MUTED}; margin: 12px 0 2px; letter-spacing: 0.02em;
          break-after: avoid; }}
p {{ margin: 0 0 4px; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: {SMALL_SIZE}px; line-height: {SMALL_LINE}px; }}
.sub {{ color: {MUTED}; font-size: 17px; margin-top: 4px; }}
.status {{ display: inline-block; padding: 2px 10px; border-radius: 4px; border: 1.5px solid; font-weight: 700;
          white-space: nowrap; }}
.head {{ display: flex; justify-content: space-between; align-items: flex-start; gap: 24px;
        border-bottom: 1px solid {RULE}; padding-bottom: 10px; margin-bottom: 12px; }}
.head .status {{ font-size: 20px; margin-top: 4px; }}
.goal-body {{ display: grid; grid-template-columns: {GOAL_CHART_W}px 1fr; gap: 28px; }}
.chart svg {{ display: block; }}
.split {{ display: grid; grid-template-columns: {COHERENCE_W}px 1fr; gap: 28px; margin-top: 8px; }}
blockquote {{ margin: 0; padding: 2px 0 2px 12px; border-left: 3px solid {RULE}; }}
.source {{ color: {MUTED}; font-size: 14px; }}
ul {{ margin: 0; padding-left: 18px; }}
li {{ margin: 0 0 3px; break-inside: avoid; }}
table.goals {{ width: 100%; border-collapse: collapse; font-size: 13.5px; line-height: 1.4; }}
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
.note {{ color: {MUTED}; font-size: 14.5px; margin-top: 18px; }}
"""


def footer_template(text: str) -> str:
    """Chromium's footer on every page: the plan, the date, the page number. Its fonts are set here: the
    footer is drawn outside the document and inherits none of its styles."""
    return (f'<div style="font-family:{FONT};font-size:11px;color:{MUTED};width:100%;'
            f'padding:0 {PAGE_MARGIN[3]}px;display:flex;justify-content:space-between">'
            f'<span>{text}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')
