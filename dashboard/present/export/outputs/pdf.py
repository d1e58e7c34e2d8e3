"""briefing.pdf: cover, goals by group, plan coherence, the goal table and a page per goal, printed by Chromium
from one HTML document (real text: it can be searched and copied; headings become the PDF's outline)."""

from __future__ import annotations

import re
from html import unescape

from dashboard.present.export import facts, pages
from dashboard.present.export.errors import ExportError
from dashboard.present.export.layout import footer_template
from dashboard.present.export.outputs import GOAL_CHARTS, PAGE_CHARTS, Briefing, Output, register
from dashboard.present.export.pdf_text import fix_text_maps


def _scope(b: Briefing) -> str:
    loc = b.loc
    return loc.t("export.cover.selection", selection=b.select.describe(loc)) + ("; " if loc.en else "　") \
        + loc.t("export.cover.count", n=len(b.selected))


def briefing_html(b: Briefing, *, front: bool = True) -> str:
    """The PDF as HTML. `front=False` leaves out the cover, the overview and the table (one goal's PDF)."""
    loc = b.loc
    sections = []
    if front:
        sections.append(pages.cover(b.selected, b.select, loc, b.plan, b.exported_on))
        if "overview" in b.page_charts:
            sections.append(pages.chart_page(loc.t("export.overview.title"), _scope(b), b.page_charts["overview"]))
        related = facts.related_findings(b.findings, {a.goal.id for a in b.selected})
        if related and "coherence" in b.page_charts:
            sections.append(pages.coherence_page(loc.t("export.coherence.title"), loc.t("export.coherence.intro"),
                                                 b.page_charts["coherence"], related, loc))
        sections.append(pages.goal_table(b.selected, loc, _scope(b)))
    for a in b.selected:
        sections.append(pages.goal_page(a, loc, b.goal_charts.get(a.goal.id), b.paper))
    title = f"{b.plan_name} — {loc.t('export.cover.title')}" if b.plan_name else loc.t("export.cover.title")
    return pages.document(title, sections, loc, b.paper)


def footer(b: Briefing) -> str:
    text = b.loc.t("export.page.footer", plan=b.plan_name, date=b.exported_on.isoformat())
    return footer_template(pages.h(text), b.paper)


def pdf_bytes(b: Briefing, *, front: bool = True) -> bytes:
    """The PDF as Chromium prints it, its text maps set right (`pdf_text`: 目标, never ⽬标)."""
    if b.renderer is None:
        raise ExportError("a PDF needs the renderer (Chromium)")
    html, foot = briefing_html(b, front=front), footer(b)
    printed = b.renderer.pdf(html, width=b.paper.width, height=b.paper.height, footer=foot)
    headings = tuple(unescape(t) for t in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html))
    return fix_text_maps(printed, html + foot, headings)[0]


register(Output(
    name="pdf", mime="application/pdf",
    files=lambda b: {"briefing.pdf": pdf_bytes(b)},
    goal_file=lambda b, a: pdf_bytes(b, front=False),  # the goal's page alone
    listing=lambda loc: [("briefing.pdf", loc.t("export.readme.file.pdf"))],
    needs=frozenset({GOAL_CHARTS, PAGE_CHARTS}),
))
