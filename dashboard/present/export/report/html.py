"""report.pdf: the evaluation report printed by the export renderer's Chromium from one HTML document.

The same view as report.docx, laid out for A4 portrait in the manner of GB/T 9704: serif body, 黑体 headings,
楷体 second-level headings, page numbers "— 1 —" at the foot. The fonts are TrueType CJK fonts, which Chromium
embeds as CID fonts (Noto CJK's CFF outlines come out as Type 3); the text maps are then set right (`pdf_text`).
"""

from __future__ import annotations

import re
from html import escape, unescape

from dashboard.present.export.errors import ExportError
from dashboard.present.export.pdf_text import fix_text_maps
from dashboard.present.export.renderer import Renderer
from dashboard.present.export.report.columns import NO_BREAK, indicator_table
from dashboard.present.export.report.docx import contents
from dashboard.present.export.report.view import Report

#: Families in order: the office's own, then TrueType CJK fonts Debian ships (embedded as CID), then Noto.
#: No bold anywhere: these fonts have no bold face, and Chromium's synthesised bold is embedded as Type 3;
#: emphasis is the 黑体 face, as in official documents. WenQuanYi follows UMing for the signs it lacks (−).
SERIF = "'FangSong', '仿宋', 'SimSun', '宋体', 'AR PL UMing CN', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC', serif"
HEI = "'SimHei', '黑体', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
KAI = "'KaiTi', '楷体', 'AR PL UKai CN', 'AR PL UMing CN', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC', serif"
#: English text sets its Latin letters in a Latin serif first (UMing's Latin letters are a typewriter's); the
#: Chinese report keeps CJK fonts first, so that its quotation marks and punctuation are full width.
LATIN_SERIF = "'Times New Roman', 'Liberation Serif', 'DejaVu Serif'"
LATIN_SANS = "'Arial', 'Liberation Sans', 'DejaVu Sans'"
#: A4 in CSS px (96 px to the inch) and GB/T 9704's margins (top, right, bottom, left), in mm.
A4_PX = (794, 1123)
MARGINS_MM = (37, 26, 35, 28)
BODY_PT, TABLE_PT = 16, 10.5


def h(text: object) -> str:
    return escape(str(text), quote=True)


def _cell(text: str) -> str:
    """A table cell's lines; a bracketed year ("（2005年）") is never broken."""
    return "<br>".join(NO_BREAK.sub(r'<span class="nb">\1</span>', h(line)) for line in text.split("\n"))


def stylesheet(lang: str = "zh") -> str:
    top, right, bottom, left = MARGINS_MM
    SERIF_, HEI_, KAI_ = (SERIF, HEI, KAI) if lang != "en" else (
        f"{LATIN_SERIF}, {SERIF}", f"{LATIN_SANS}, {HEI}", f"{LATIN_SERIF}, {KAI}")
    return _css(top, right, bottom, left, SERIF_, HEI_, KAI_) + (
        "p { text-align: left; } body, h1, h2 { line-height: 1.6; }" if lang == "en" else "")  # Latin text: tighter


def _css(top: float, right: float, bottom: float, left: float, SERIF: str, HEI: str, KAI: str) -> str:  # noqa: N803
    return f"""
@page {{ size: A4 portrait; margin: {top}mm {right}mm {bottom}mm {left}mm; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; font-synthesis: none; }}
body {{ margin: 0; font-family: {SERIF}; font-size: {BODY_PT}pt; line-height: 1.75; color: #000;
       line-break: strict; word-break: normal; overflow-wrap: anywhere; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
h1, h2 {{ margin: 0.6em 0 0.2em; font-size: {BODY_PT}pt; line-height: 1.75; break-after: avoid; }}
h1 {{ font-family: {HEI}; font-weight: 400; text-indent: 2em; }}
h2 {{ font-family: {KAI}; font-weight: 400; text-indent: 2em; }}
.chapter {{ break-before: page; }}
.cover {{ text-align: center; padding-top: 40mm; }}
.cover .title {{ font-family: {SERIF}; font-weight: 400; font-size: 22pt; line-height: 1.5; text-indent: 0;
                 margin: 0 0 0.5em; }}
.cover .title .part {{ display: inline-block; }}
.cover .subtitle {{ font-family: {KAI}; text-indent: 0; text-align: center; }}
.cover dl {{ margin: 50mm 0 0; }}
.cover div, .cover p {{ text-indent: 0; text-align: center; }}
.contents {{ break-before: page; }}
.contents .head {{ font-family: {HEI}; text-align: center; text-indent: 0; margin-bottom: 0.5em; }}
.contents p {{ text-indent: 0; }}
.contents .l2 {{ padding-left: 2em; }}
table {{ width: 100%; border-collapse: collapse; font-size: {TABLE_PT}pt; line-height: 1.4; margin: 0.4em 0; }}
table.fixed {{ table-layout: fixed; }}
th, td {{ border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }}
th {{ font-family: {HEI}; font-weight: 400; background: #e4e7eb; text-align: center; overflow-wrap: normal; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
td.group {{ font-family: {HEI}; background: #f2f4f6; }}
td.n {{ text-align: right; }}
.nb {{ white-space: nowrap; }}
.note {{ font-size: {TABLE_PT}pt; line-height: 1.5; text-indent: 0; }}
.rule b {{ font-family: {HEI}; font-weight: 400; }}
"""


def _table(columns, rows, widths=None, groups=(), font_pt: float = TABLE_PT) -> str:
    cols = "".join(f'<th style="width:{100 * w:.1f}%">{h(c)}</th>' if widths else f"<th>{h(c)}</th>"
                   for c, w in zip(columns, widths or [0] * len(columns), strict=True))
    starts = dict(groups)
    body = []
    for k, values in enumerate(rows):
        if k in starts:
            body.append(f'<tr><td class="group" colspan="{len(columns)}">{h(starts[k])}</td></tr>')
        body.append("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in values) + "</tr>")
    size = "" if font_pt == TABLE_PT else f' style="font-size:{font_pt}pt"'
    fixed = ' class="fixed"' if widths else ""  # the widths given, not Chromium's guess from the longest cells
    return f"<table{fixed}{size}><thead><tr>{cols}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def report_html(r: Report) -> str:
    colon = ": " if r.lang == "en" else "："
    joint = " " if r.lang == "en" else ""  # the parts side by side when they fit, else each on its own line
    title = joint.join(f'<span class="part">{h(part)}</span>' for part in r.title_parts)
    parts = ['<section class="cover">', f'<p class="title">{title}</p>', f'<p class="subtitle">{h(r.subtitle)}</p>',
             "<dl>", *(f"<div>{h(label)}{colon}{h(value)}</div>" for label, value in r.cover), "</dl></section>"]
    parts.append(f'<section class="contents"><p class="head">{h(r.headings["contents"])}</p>'
                 + "".join(f'<p class="l{level}">{h(text)}</p>' for level, text in contents(r)) + "</section>")
    parts.append(f'<h1 class="chapter">{h(r.summary_title)}</h1>')
    parts += [f"<p>{h(p)}</p>" for p in r.summary]
    parts.append(f"<h2>{h(r.headings['key'])}</h2>")
    parts += [f"<p>{h(p)}</p>" for p in r.key_messages]
    parts.append(_table([r.headings["counts_word"], r.headings["direct"], r.headings["proxy"], r.headings["total"]],
                        [[w, str(d), str(p), str(t)] for w, d, p, t in r.summary_counts]))
    if r.caveats:
        parts.append(f"<h2>{h(r.headings['caveats'])}</h2>")
        parts += [f"<p>{h(p)}</p>" for p in r.caveats]
    parts.append(f'<h1 class="chapter">{h(r.headings["table"])}</h1><p class="note">{h(r.headings["table_note"])}</p>')
    t = indicator_table(r, TABLE_PT)
    parts.append(_table(r.columns, t.rows, t.shares, t.groups, t.font_pt))
    parts.append(f'<h1 class="chapter">{h(r.headings["groups"])}</h1>')
    for g in r.groups:
        parts.append(f"<h2>{h(g.heading)}</h2><p>{h(g.intro)}</p>" + "".join(f"<p>{h(f)}</p>" for f in g.findings))
    parts.append(f'<h1 class="chapter">{h(r.headings["coherence"])}</h1><p>{h(r.coherence_intro)}</p>')
    parts += [f"<p>{h(c)}</p>" for c in r.coherence]
    parts.append(f'<h1 class="chapter">{h(r.headings["method"])}</h1>')
    parts += [f'<p class="rule"><b>{h(t)}</b>{h(rule)}</p>' for t, rule in r.method]
    parts.append(f"<h2>{h(r.headings['mapping'])}</h2>")
    parts.append(_table(r.mapping_columns, [list(m) for m in r.mapping]))
    parts.append(f'<h1 class="chapter">{h(r.headings["sources"])}</h1>')
    parts += [f"<p>{k}. {h(s)}</p>" for k, s in enumerate(r.sources, start=1)]
    lang = "en" if r.lang == "en" else "zh-Hans"
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{h(r.title)}</title>'
            f"<style>{stylesheet(r.lang)}</style></head><body>{''.join(parts)}</body></html>")


def footer() -> str:
    """Chromium's footer: the page number between dashes, centred (the cover's too: Chromium numbers every page)."""
    return (f'<div style="font-family:{SERIF};font-size:14pt;width:100%;text-align:center">'
            '— <span class="pageNumber"></span> —</div>')


def pdf_bytes(r: Report, renderer: Renderer) -> bytes:
    if renderer is None:
        raise ExportError("the report's PDF needs the renderer (Chromium)")
    html, foot = report_html(r), footer()
    printed = renderer.pdf(html, width=A4_PX[0], height=A4_PX[1], footer=foot)
    headings = tuple(unescape(t) for t in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html))
    return fix_text_maps(printed, html + foot, headings)[0]
