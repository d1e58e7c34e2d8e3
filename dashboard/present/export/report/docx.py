"""report.docx: the evaluation report as a Word file an office edits before it goes out.

Real Word styles in the manner of GB/T 9704-2012 (党政机关公文格式): A4 portrait with its margins, body 仿宋 三号
(16 pt) at a fixed 28 pt line, first-level headings 黑体, second-level 楷体, the title 宋体 二号; tables 宋体 五号
(10.5 pt) in a table style of their own whose header row repeats on every page; page numbers "— 1 —" at the foot;
a table of contents field that Word updates when it opens the file. The fonts an office has are named first; the
font table names the Noto CJK families as their alternates where those are missing. Every word is text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table

from dashboard.present.export.report.columns import TEXT_MM, em_width, indicator_table
from dashboard.present.export.report.view import Report

#: The fonts a Chinese office has, and the Noto CJK family that stands in where one is missing.
FANGSONG, SONG, HEI, KAI = "仿宋", "宋体", "黑体", "楷体"
ALTERNATES = {FANGSONG: "Noto Serif CJK SC", SONG: "Noto Serif CJK SC", HEI: "Noto Sans CJK SC",
              KAI: "Noto Serif CJK SC"}
LATIN = "Times New Roman"
BODY_PT, LINE_PT, TABLE_PT, TITLE_PT = 16, 28, 10.5, 22
TABLE_STYLE = "Evaluation Table"
SHADE = "E4E7EB"


def _fonts(style_or_run, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = LATIN
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, FANGSONG, BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT)
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(BODY_PT * 2)  # two characters, as Chinese text is set
    for name, font, size, level in (("Heading 1", HEI, BODY_PT, 0), ("Heading 2", KAI, BODY_PT, 1)):
        st = styles[name]
        _fonts(st, font, size, bold=(level == 1))
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.italic = False
        f = st.paragraph_format
        f.first_line_indent = Pt(BODY_PT * 2)
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(LINE_PT)
        f.space_before = Pt(LINE_PT / 2 if level == 0 else 0)
        f.space_after = Pt(0)
        f.keep_with_next = True
    title = styles["Title"]
    _fonts(title, SONG, TITLE_PT, bold=True)
    title.font.color.rgb = RGBColor(0, 0, 0)
    tf = title.paragraph_format
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.first_line_indent = Pt(0)
    tf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    tf.space_after = Pt(12)
    _remove_border(title)
    sub = styles["Subtitle"]
    _fonts(sub, KAI, BODY_PT, bold=False)
    sub.font.color.rgb = RGBColor(0, 0, 0)
    sub.font.italic = False
    sub.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.paragraph_format.first_line_indent = Pt(0)
    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _fonts(cell, SONG, TABLE_PT)
    cf = cell.paragraph_format
    cf.first_line_indent = Pt(0)
    cf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # no extra space between Chinese and Latin text in narrow cells: "（2010年）" stays on one line
    ppr = cell.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        ppr.append(off)
    head = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = cell
    _fonts(head, HEI, TABLE_PT, bold=False)
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.keep_with_next = True
    item = styles.add_style("Cover Line", WD_STYLE_TYPE.PARAGRAPH)
    item.base_style = normal
    item.paragraph_format.first_line_indent = Pt(0)
    item.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    _fonts(table, SONG, TABLE_PT)
    for level in (1, 2):  # Word's own names, so that the TOC field's update keeps using them
        entry = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        entry.base_style = normal
        entry.paragraph_format.first_line_indent = Pt(0)
        entry.paragraph_format.left_indent = Pt(BODY_PT * 2 * (level - 1))
    toc_heading = styles.add_style("Contents Heading", WD_STYLE_TYPE.PARAGRAPH)
    toc_heading.base_style = styles["Heading 1"]
    toc_heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    toc_heading.paragraph_format.first_line_indent = Pt(0)
    # outline level 9: the contents' own heading is not listed in the contents
    _outline(toc_heading, 9)


def _outline(style: BaseStyle, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)


def _remove_border(style: BaseStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for b in ppr.findall(qn("w:pBdr")):
        ppr.remove(b)


def _font_table(doc) -> None:
    """Name the Noto CJK families as alternates of the office fonts (w:altName), for a machine without them."""
    part = next((r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    from docx.oxml import parse_xml

    root = parse_xml(part.blob)
    for name, alt in ALTERNATES.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt_name = OxmlElement("w:altName")
        alt_name.set(qn("w:val"), alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        family = OxmlElement("w:family")
        family.set(qn("w:val"), "modern" if name == HEI else "roman")
        font.extend([alt_name, charset, family])
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC …) in a paragraph, with the text shown until it is updated."""
    def char(kind: str):
        run = paragraph.add_run()
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            fld.set(qn("w:dirty"), "true")  # Word recomputes it on opening
        run._r.append(fld)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def _contents(doc, entries: Sequence[tuple[int, str]]) -> None:
    """The table of contents: a TOC field over the headings of levels 1–2, its result the headings themselves
    (without page numbers) until Word updates it on opening (settings: updateFields)."""
    def char(paragraph, kind: str) -> None:
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            fld.set(qn("w:dirty"), "true")
        paragraph.add_run()._r.append(fld)

    paragraphs = [doc.add_paragraph(style=f"toc {level}") for level, _ in entries] or [doc.add_paragraph()]
    first = paragraphs[0]
    char(first, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    first.add_run()._r.append(instr)
    char(first, "separate")
    for p, (_, text) in zip(paragraphs, entries, strict=False):
        p.add_run(text)
    char(paragraphs[-1], "end")


def _update_fields_on_open(doc) -> None:
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _page(doc, lang: str) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28 - 7 * 0.35)
    section.different_first_page_header_footer = True  # the cover has no page number
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.add_run("— ")
    _field(p, "PAGE", "1")
    p.add_run(" —")
    for run in p.runs:
        _fonts(run, SONG, 14)  # 4号
    doc.core_properties.language = "en-GB" if lang == "en" else "zh-CN"


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _keep_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    trpr.append(cant)


def _shade(cell, colour: str = SHADE) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    tcpr.append(shd)


def _cell(cell, text: str, style: str = "Table Text", align=None) -> None:
    p = cell.paragraphs[0]
    p.style = style
    p.text = text
    if align is not None:
        p.alignment = align


def _table(doc, columns: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
           groups: Sequence[tuple[int, str]] = ()) -> Table:
    """A table in the report's style: the header row repeats on each page; `groups` are full-width rows (before
    the row at their index) naming a group."""
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, columns, strict=True):
        _cell(cell, text, "Table Heading")
        _shade(cell)
    starts = dict(groups)
    for k, values in enumerate(rows):
        if k in starts:
            row = table.add_row()
            _keep_row(row)
            merged = row.cells[0].merge(row.cells[-1])
            _cell(merged, starts[k], "Table Heading", WD_ALIGN_PARAGRAPH.LEFT)
            _shade(merged, "F2F4F6")
        row = table.add_row()
        _keep_row(row)
        for cell, text in zip(row.cells, values, strict=True):
            _cell(cell, text)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(mm)
    for col, mm in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(mm)
    tblpr = table._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))  # twips
    width.set(qn("w:type"), "dxa")
    for old in tblpr.findall(qn("w:tblW")):
        tblpr.remove(old)
    tblpr.append(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    # the PDF's cell padding (2 pt, 3 pt at the sides), which the column widths allow for, not Word's 5.4 pt
    margins = OxmlElement("w:tblCellMar")
    for side, pt in (("top", 2), ("left", 3), ("bottom", 2), ("right", 3)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(pt * 20))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tblpr.append(margins)
    return table


def contents(r: Report) -> list[tuple[int, str]]:
    """The headings of levels 1 and 2, in order (what the TOC field lists)."""
    out = [(1, r.summary_title), (2, r.headings["key"])]
    out += [(2, r.headings["caveats"])] if r.caveats else []
    out += [(1, r.headings["table"]), (1, r.headings["groups"])]
    out += [(2, g.heading) for g in r.groups]
    out += [(1, r.headings["coherence"]), (1, r.headings["method"]), (2, r.headings["mapping"]),
            (1, r.headings["sources"])]
    return out


def _chapter(doc, text: str) -> None:
    """A first-level heading that starts a page (the summary, the table, the findings, the annexes)."""
    doc.add_heading(text, level=1).paragraph_format.page_break_before = True


def _para(doc, text: str, style: str | None = None):
    return doc.add_paragraph(text, style=style)


def _page_break(doc) -> None:
    doc.add_paragraph(style="Cover Line").add_run().add_break(WD_BREAK.PAGE)


def docx_bytes(r: Report, toc_placeholder: str) -> bytes:
    """The report as a .docx file."""
    doc = Document()
    for rid, rel in list(doc.part.package.rels.items()):  # the template's thumbnail is not this report's
        if rel.reltype.endswith("/thumbnail"):
            doc.part.package.rels.pop(rid)
    _styles(doc)
    _font_table(doc)
    _page(doc, r.lang)
    _update_fields_on_open(doc)
    doc.core_properties.title = r.title
    doc.core_properties.author = ""

    # cover
    for _ in range(3):
        _para(doc, "", "Cover Line")
    cover_title = doc.add_paragraph(style="Title")
    # too long for one line, the title breaks between its parts (克拉玛依区“十一五”规划 / 实施情况中期评估报告)
    broken = em_width(r.title) * TITLE_PT > TEXT_MM / 25.4 * 72
    for k, part in enumerate(r.title_parts if broken else (r.title,)):
        run = cover_title.add_run(part)
        if k < len(r.title_parts) - 1 and broken:
            run.add_break()
    doc.add_paragraph(r.subtitle, style="Subtitle")
    for _ in range(4):
        _para(doc, "", "Cover Line")
    for label, value in r.cover:
        _para(doc, f"{label}：{value}" if r.lang != "en" else f"{label}: {value}", "Cover Line")
    _page_break(doc)

    # contents
    doc.add_paragraph(r.headings["contents"], style="Contents Heading")
    _contents(doc, contents(r))
    note = _para(doc, toc_placeholder, "Table Text")
    note.paragraph_format.space_before = Pt(12)

    # the summary for the leader, on a page of its own
    _chapter(doc, r.summary_title)
    for text in r.summary:
        _para(doc, text)
    doc.add_heading(r.headings["key"], level=2)
    for text in r.key_messages:
        _para(doc, text)
    _table(doc, [r.headings["counts_word"], r.headings["direct"], r.headings["proxy"], r.headings["total"]],
           [[w, str(d), str(x), str(t)] for w, d, x, t in r.summary_counts], (60, 30, 30, 30))
    if r.caveats:
        doc.add_heading(r.headings["caveats"], level=2)
        for text in r.caveats:
            _para(doc, text)

    # the main indicators table
    _chapter(doc, r.headings["table"])
    note = _para(doc, r.headings["table_note"], "Table Text")
    note.paragraph_format.space_after = Pt(6)
    t = indicator_table(r, TABLE_PT)
    table = _table(doc, r.columns, t.rows, [TEXT_MM * s for s in t.shares], t.groups)
    if t.font_pt != TABLE_PT:
        for run in (run for row in table.rows for cell in row.cells for p in cell.paragraphs for run in p.runs):
            run.font.size = Pt(t.font_pt)

    # findings by area
    _chapter(doc, r.headings["groups"])
    for g in r.groups:
        doc.add_heading(g.heading, level=2)
        _para(doc, g.intro)
        for f in g.findings:
            _para(doc, f)

    # coherence, methodology, sources
    _chapter(doc, r.headings["coherence"])
    _para(doc, r.coherence_intro)
    for c in r.coherence:
        _para(doc, c)
    doc.add_heading(r.headings["method"], level=1)
    for title, rule in r.method:
        p = doc.add_paragraph()
        p.add_run(title).bold = True
        p.add_run(rule)
    doc.add_heading(r.headings["mapping"], level=2)
    _table(doc, r.mapping_columns, [list(m) for m in r.mapping], (36, 80, 40))
    doc.add_heading(r.headings["sources"], level=1)
    for k, s in enumerate(r.sources, start=1):
        _para(doc, f"{k}. {s}")

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
