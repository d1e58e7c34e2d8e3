"""The pages of the briefing PDF, as HTML: cover, goals by group, plan coherence, goal table, a page per goal.

Headings are the PDF's outline: h1 the plan, h2 each page (a goal's page by the goal's name); the labels
inside a page are not headings. Each page says everything it refers to: a goal's page carries its target and baseline, the plan's words with
their chapter, the deciding figure with its source's words, title and date, the reason, the progress and what
it would take, caveats and later context. Charts come in as inline SVG (see `renderer`); text is HTML, laid
out and wrapped by Chromium under the stylesheet's Chinese line-breaking rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.codes import BASES, STATUSES
from dashboard.judge.coherence import Finding
from dashboard.present import charts
from dashboard.present.export import facts
from dashboard.present.export.derivation import derivation
from dashboard.present.export.dressing import basis_words
from dashboard.present.export.layout import (
    LIST_INDENT,
    PACE_CHART_EXTRA,
    SLIDE,
    STATUS_EDGE,
    STATUS_TINT,
    Paper,
    stylesheet,
)
from dashboard.present.export.selection import Selection
from dashboard.present.export.words import quoted
from dashboard.present.locale import Locale
from dashboard.present.text import display_width
from dashboard.present.views.goal import progress_view
from dashboard.records.model import Document, Goal, Plan


def h(text: object) -> str:
    return html.escape(str(text), quote=True)


def document(title: str, sections: Iterable[str], loc: Locale, paper: Paper = SLIDE) -> str:
    """The whole PDF as one HTML document (its <title> becomes the PDF's title)."""
    lang = "en" if loc.en else "zh-Hans"
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f"<style>{stylesheet(paper)}</style></head><body>{''.join(sections)}</body></html>")


def section(content: str, cls: str = "", id: str = "") -> str:
    """A page of the PDF (it starts a new sheet), with the spacer that keeps its heading once in the outline."""
    ident = f' id="{id}"' if id else ""
    return f'<section class="page {cls}"{ident}><div class="page-top"></div>{content}</section>'


def anchor(goal: Goal) -> str:
    return f"goal-{goal.id}"


def status_label(a: GoalAccount, loc: Locale, *, small: bool = False) -> str:
    style = f"background:{STATUS_TINT[a.status]};border-color:{STATUS_EDGE[a.status]}"
    size = ";font-size:14px;padding:0 6px" if small else ""
    return f'<span class="status" style="{style}{size}">{h(loc.goal_status(a))}</span>'


def when(e: EvidenceAccount, loc: Locale) -> str:
    o = e.observation
    if o.period is not None:
        return _year_words(loc, o.period[0], o.period[1])
    return _year_words(loc, o.year, o.year) if o.year is not None else ""


def _year_words(loc: Locale, first: int, last: int) -> str:
    span = loc.years(first, last)
    return span if loc.en else f"{span}年"


def figure_words(e: EvidenceAccount, loc: Locale) -> str:
    """克拉玛依市，2007年：12%（按增速读）"""
    o = e.observation
    words = loc.t("export.figure", area=loc.area(o.area), when=when(e, loc), value=loc.observed(o))
    if e.reading == "pace" and o.measure == "level":
        words += loc.t("export.figure.pace")
    if o.derived is not None:  # how it was derived, with its inputs named, never their record ids
        words += loc.t("export.figure.derived", derivation=derivation(o, loc))
    return words


def source_words(doc: Document | None, loc: Locale) -> str:
    if doc is None:
        return ""
    return loc.t("export.figure.source", title=loc.document_title(doc), publisher=loc.publisher(doc),
                 date=doc.published.isoformat())


def quote_block(quote: str, gloss: str | None, loc: Locale) -> str:
    out = f"<blockquote>{h(quoted(quote))}</blockquote>"
    if loc.en and gloss:
        out += f'<p class="small muted">{h(loc.t("export.goal.gloss", text=gloss))}</p>'
    return out


def target_line(goal: Goal, loc: Locale) -> str:
    return loc.t("export.goal.target", target=loc.target(goal), year=goal.target_year)


def baseline_words(goal: Goal, loc: Locale) -> str:
    if goal.baseline is None:
        return ""
    return loc.value(goal.baseline.value, facts.baseline_unit(goal, loc.data))


def baseline_line(goal: Goal, loc: Locale) -> str:
    if goal.baseline is None:
        return loc.t("export.goal.no_baseline")
    return loc.t("export.goal.baseline", value=baseline_words(goal, loc), year=goal.baseline.year)


# ---------------------------------------------------------------------------------------------- pages


def cover(selected: Sequence[GoalAccount], select: Selection, loc: Locale, plan: Plan | None,
          exported_on: dt.date) -> str:
    counts = facts.status_counts(selected)
    columns = [*BASES, None]
    head = "".join(f"<th>{h(loc.basis(b) if b else loc.t('export.cover.none_col'))}</th>" for b in columns)
    rows = []
    for s in STATUSES:
        cells = [counts.get((s, b), 0) for b in columns]
        if not any(cells):
            continue
        style = f"background:{STATUS_TINT[s]}"
        rows.append(f'<tr><td style="{style}">{h(loc.status(s))}</td>'
                    + "".join(f'<td class="n">{n or ""}</td>' for n in cells) + f'<td class="n">{sum(cells)}</td></tr>')
    totals = [sum(counts.get((s, b), 0) for s in STATUSES) for b in columns]
    rows.append(f"<tr><th>{h(loc.t('export.cover.total'))}</th>"
                + "".join(f'<td class="n"><b>{n}</b></td>' for n in totals) + f'<td class="n"><b>{len(selected)}</b></td></tr>')
    table = (f'<table class="counts"><thead><tr><th>{h(loc.t("export.cover.status_col"))}</th>{head}'
             f"<th>{h(loc.t('export.cover.total'))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    docs = facts.pack_documents(selected)
    if docs:
        items = "".join(f"<li>{h(loc.document_title(d))}<br><span class='source'>{h(loc.publisher(d))}，"
                        f"{h(d.published.isoformat())}</span></li>" if not loc.en else
                        f"<li>{h(loc.document_title(d))}<br><span class='source'>{h(loc.publisher(d))}, "
                        f"{h(d.published.isoformat())}</span></li>" for d in docs)
        sources = f"<p class=label>{h(loc.t('export.cover.sources', n=len(docs)))}</p><ul>{items}</ul>"
    else:
        sources = f"<p class='muted'>{h(loc.t('export.cover.no_sources'))}</p>"
    plan_name = loc.pick(plan.name, plan.name_en) if plan else ""
    scope = loc.t("export.cover.selection", selection=select.describe(loc)) + ("; " if loc.en else "　") \
        + loc.t("export.cover.count", n=len(selected))
    return section(f'<h1>{h(plan_name)}</h1><h2>{h(loc.t("export.cover.title"))}</h2>'
                   f'<p class="sub">{h(scope)}</p><p class="muted">{h(loc.t("export.cover.date", date=exported_on.isoformat()))}</p>'
                   f'<div class="cover"><div><p class=label>{h(loc.t("export.cover.by_status"))}</p>{table}</div>'
                   f'<div>{sources}</div></div><p class="note">{h(loc.t("export.cover.method"))}</p>', "cover-page")


def chart_page(title: str, subtitle: str, svg: str, below: str = "") -> str:
    return section(f'<h2>{h(title)}</h2><p class="sub">{h(subtitle)}</p><div class="chart">{svg}</div>{below}')


def coherence_page(title: str, intro: str, svg: str, findings: Sequence[Finding], loc: Locale) -> str:
    """The chart of the pairs at the left, each pair's numbers in words at the right."""
    items = []
    for f in findings:
        text = loc.reason(f.reason)
        caveat = loc.reason(f.caveat) if f.caveat is not None else ""
        items.append(f"<li>{h(text)}" + (f"<br><span class='muted'>{h(caveat)}</span>" if caveat else "") + "</li>")
    return section(f'<h2>{h(title)}</h2><p class="sub">{h(intro)}</p><div class="split">'
                   f'<div class="chart">{svg}</div><ul class="small">{"".join(items)}</ul></div>')


def goal_table(selected: Sequence[GoalAccount], loc: Locale, subtitle: str) -> str:
    """One table over as many pages as it needs; the header row repeats on each; ids link to the goal pages."""
    cols = ["name", "target", "baseline", "latest", "status", "reason"]  # no internal ids: a person reads it
    widths = ["17%", "13%", "13%", "17%", "12%", "28%"]
    head = "".join(f'<th style="width:{w}">{h(loc.t("export.col." + c))}</th>' for c, w in zip(cols, widths, strict=True))
    rows = []
    for a in selected:
        g = a.goal
        base = f"{baseline_words(g, loc)}（{g.baseline.year}）" if g.baseline and not loc.en else \
            (f"{baseline_words(g, loc)} ({g.baseline.year})" if g.baseline else "—")
        base = _year_whole(h(base))
        latest = figure_words(a.deciding, loc) if a.deciding else "—"
        target = f"{loc.target(g)}（{g.target_year}）" if not loc.en else f"{loc.target(g)} ({g.target_year})"
        rows.append(
            f'<tr><td><a href="#{anchor(g)}">{h(loc.goal_name(g))}</a></td>'
            f"<td>{_year_whole(h(target))}</td><td>{base}</td><td>{h(latest)}</td><td>{status_label(a, loc, small=True)}</td>"
            f"<td>{h(loc.reason(a.reason))}</td></tr>")
    return section(f'<h2>{h(loc.t("export.table.title"))}</h2><p class="sub">{h(subtitle)}</p>'
                   f'<table class="goals"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _year_whole(markup: str) -> str:
    """A year in brackets kept on one line ("（2005）" never broken before its "）")."""
    return re.sub(r"([（(]\d{4}[）)])", r'<span style="white-space:nowrap">\1</span>', markup)


def _items(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _figure_item(e: EvidenceAccount, loc: Locale, *, quote: bool, repeated: bool = False) -> str:
    """A figure in words, its grade and why; `repeated`: its reasons are those of the figure listed before it
    on the page, said once there (a long stand-in declaration read twice would push the page onto a second)."""
    out = h(figure_words(e, loc))
    if e.role not in ("deciding", "context"):
        word = loc.t("export.figure.comparable" if e.comparable else "export.figure.set_aside")
        why = loc.t("export.figure.as_above") if repeated else loc.reasons(e.reasons)
        out += h(f"（{word}{'：' + why if why else ''}）" if not loc.en else f" ({word}{': ' + why if why else ''})")
    if quote:
        out += quote_block(e.observation.quote, e.observation.quote_en, loc)
    source = source_words(e.document, loc)
    return out + (f"<br><span class='source'>{h(source)}</span>" if source else "")


def _notes(a: GoalAccount, loc: Locale) -> str:
    return loc.pick(a.goal.notes, a.goal.notes_en)


def _height(text: str, width: int, size: float, line: float, loc: Locale) -> int:
    """Px a paragraph of `text` takes in a column `width` px wide at type `size` (an estimate: a Chinese
    character is `size` wide, a Latin letter in print's font (WenQuanYi Micro Hei, measured over English figure
    lines of the English pack at 14 px) 0.45 of it on average and up to 0.49 in a line of capitals, taken as 0.48
    with the room lost where a line breaks between words)."""
    cols = int(width / size * (1 / 0.48 if loc.en else 2 * 0.95))
    lines = sum(-(-display_width(part) // cols) for part in text.split("\n") if part.strip())  # a <br> starts a line
    return int(max(1, lines) * line)


LABEL_H = 34  # a label with its margin
SAFETY = 1.08  # estimates run this much long, so that a page planned to hold its words does hold them


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", markup))


class Block:
    """A piece of a goal page's words, the height it is estimated to take in the words' column, and the words
    it says instead when it comes first on a continued page (a figure's reasons in full, not "as above")."""

    def __init__(self, markup: str, height: int, alone: str | None = None, alone_height: int = 0):
        self.markup, self.height, self.alone, self.alone_height = markup, height, alone, alone_height


def _block(markup: str, loc: Locale, paper: Paper, width: int, *, labels: int = 0, small: bool = False) -> Block:
    size, line = (paper.small, paper.small_line) if small else (paper.font, paper.font * 1.5)
    lines = [part for part in _plain(markup).split("\n") if part.strip()]
    text = "\n".join(lines[labels:])  # a label's own line is counted in LABEL_H
    inner = width - (LIST_INDENT if "<ul" in markup else 0)  # a list's items are set in from the column's edge
    body = _height(text, inner, size, line, loc) if text.strip() else 0
    return Block(markup, int((labels * LABEL_H + body + 4) * SAFETY))


def _facts(a: GoalAccount, loc: Locale, paper: Paper) -> list[Block]:
    """The words that decide a goal's status, block by block, in the words' column."""
    g = a.goal
    w = paper.right_w
    area = loc.goal_area(g)  # a goal of another area than the plan's says so beside the plan's words
    out = [_block(f"<p class=label>{h(loc.t('export.goal.plan', chapter=loc.chapter(g)))}</p>"
                  + quote_block(g.quote, g.quote_en, loc) + (f"<p>{h(area)}</p>" if area else ""),
                  loc, paper, w, labels=1)]
    caliber = loc.pick(g.caliber, g.caliber_en)
    caveats = [loc.reason(c) for c in a.caveats]
    if caliber and caliber not in caveats:
        out.append(_block(f"<p class='small muted'>{h(loc.t('export.goal.caliber', text=caliber))}</p>", loc, paper, w,
                          small=True))
    if a.deciding is not None:
        e = a.deciding
        out.append(_block(f"<p class=label>{h(loc.t('export.goal.deciding'))}</p><p>{h(figure_words(e, loc))}</p>"
                          + quote_block(e.observation.quote, e.observation.quote_en, loc)
                          + f"<p class='source'>{h(source_words(e.document, loc))}</p>", loc, paper, w, labels=1))
    else:
        out.append(_block(f"<p class=label>{h(loc.t('export.goal.deciding'))}</p>"
                          f"<p>{h(loc.t('export.goal.no_deciding'))}</p>", loc, paper, w, labels=1))
    out.append(_block(f"<p class=label>{h(loc.t('export.goal.reason'))}</p><p>{h(loc.reason(a.reason))}</p>",
                      loc, paper, w, labels=1))
    progress = progress_view(a, loc)
    if progress is not None:  # the one figure every face shows the progress of
        lines = [f"{label}{loc.colon}{value}" for label, value in progress.metrics] + list(progress.lines)
        out.append(_block(f"<p class=label>{h(progress.heading)}</p>" + _items(h(x) for x in lines),
                          loc, paper, w, labels=1))
    if caveats:
        out.append(_block(f"<p class=label>{h(loc.t('export.goal.caveats'))}</p>" + _items(h(c) for c in caveats),
                          loc, paper, w, labels=1))
    if a.context:
        out.append(_block(f"<p class=label>{h(loc.t('export.goal.context'))}</p>"
                          + _items(_figure_item(e, loc, quote=True) for e in a.context), loc, paper, w, labels=1))
    return out


def _others(a: GoalAccount) -> list[EvidenceAccount]:
    """The other figures in the order they are listed: those sharing a grade and reasons together."""
    runs: dict[tuple, list[EvidenceAccount]] = {}
    for e in facts.others(a):
        runs.setdefault((e.comparable, e.reasons), []).append(e)
    return [e for run in runs.values() for e in run]


def _other_blocks(items: Sequence[EvidenceAccount], loc: Locale, paper: Paper, width: int) -> list[Block]:
    """The other figures as blocks, under their label; a figure whose reasons are those of the one before it
    says "for the reason above" only where that one stands just above it (never first on a page: see `_pages`)."""
    out = []
    for k, e in enumerate(items):
        repeated = k > 0 and bool(e.reasons) and e.reasons == items[k - 1].reasons \
            and e.comparable == items[k - 1].comparable
        item = f"<div class='small'><ul><li>{_figure_item(e, loc, quote=False, repeated=repeated)}</li></ul></div>"
        label = f"<p class=label>{h(loc.t('export.goal.others'))}</p>" if k == 0 else ""
        block = _block(label + item, loc, paper, width, labels=1 if label else 0, small=True)
        if repeated:
            block.alone = f"<div class='small'><ul><li>{_figure_item(e, loc, quote=False)}</li></ul></div>"
            block.alone_height = _block(block.alone, loc, paper, width, small=True).height
        out.append(block)
    return out


def _notes_block(a: GoalAccount, loc: Locale, paper: Paper, width: int) -> list[Block]:
    notes = _notes(a, loc)
    if not notes:
        return []
    return [_block(f"<p class=label>{h(loc.t('export.goal.notes'))}</p><p class='small'>{h(notes)}</p>", loc, paper,
                   width, labels=1, small=True)]


def page_plan(a: GoalAccount, loc: Locale, paper: Paper = SLIDE) -> tuple[int, int]:
    """How a goal's page is laid out so that it holds the goal whole where it can: the chart's height, and (on a
    two-column paper) how many of the other figures go under the chart (the rest follow the words at the right).
    The chart gives up height, down to the paper's minimum, before any figure leaves its place under it; a chart
    with a pace panel under its levels is given the panel's room on top of both."""
    has_chart = not a.goal.is_categorical and a.goal.target is not None and facts.has_figures(a)
    extra = PACE_CHART_EXTRA if has_chart and charts.has_pace_panel(a, loc) else 0
    most, least = paper.chart_h + extra, paper.chart_min_h + extra
    others = _other_blocks(_others(a), loc, paper, paper.chart_w)
    notes = _notes_block(a, loc, paper, paper.chart_w)
    body_h = paper.body_h - head_extra(a, loc, paper)
    if paper.columns == 1:  # the chart above the words: it shrinks for the words, down to its minimum
        need = sum(b.height for b in _facts(a, loc, paper) + others + notes)
        if not has_chart:
            return 0, len(others)
        room = body_h - need
        if room < least:  # the words run over to a continued page anyway: the chart keeps its height
            return most, len(others)
        return min(most, room), len(others)
    room = body_h - sum(b.height for b in notes)
    if not has_chart:
        return 0, len(others)
    most = min(most, room)
    need = sum(b.height for b in others)
    if need <= room - most:
        return most, len(others)
    if need <= room - least:
        return room - need, len(others)
    left, used = 0, 0
    while left < len(others) and used + others[left].height <= room - least:
        used += others[left].height
        left += 1
    return least, left


def chart_height(a: GoalAccount, loc: Locale, paper: Paper = SLIDE) -> int:
    """The height of a goal's chart on its page (see `page_plan`); 0: no chart."""
    return page_plan(a, loc, paper)[0]


def _head(a: GoalAccount, loc: Locale, *, continued: bool = False) -> str:
    g = a.goal
    sep = "　｜　" if not loc.en else "  |  "
    name = loc.goal_name(g) + (loc.t("export.goal.continued") if continued else "")
    sub = sep.join([target_line(g, loc), baseline_line(g, loc), loc.t("export.goal.group", group=loc.group(g.group))])
    title = f'<p class="title">{h(name)}</p>' if continued else f"<h2>{h(name)}</h2>"  # the outline: once a goal
    return (f'<div class="head"><div>{title}<p class="sub">{h(sub)}</p></div>'
            f'<div class="badge">{status_label(a, loc)}'
            f'<p class="sub">{h(loc.t("export.goal.status_basis", basis=basis_words(a, loc)))}</p></div></div>')


HEAD_H = 100  # px a goal page's header takes, with its rule, when its title and line under it take a line each


def head_extra(a: GoalAccount, loc: Locale, paper: Paper) -> int:
    """Px a goal page's header takes beyond HEAD_H: a long name or line under it wraps beside the badge."""
    g = a.goal
    width = paper.body_w - 230  # the badge's column
    name = _height(loc.goal_name(g) + loc.t("export.goal.continued"), width, paper.h2, paper.h2 * 1.3, loc)
    sub = _height(" | ".join([target_line(g, loc), baseline_line(g, loc), loc.t("export.goal.group",
                                                                                group=loc.group(g.group))]),
                  width, paper.sub, paper.sub * 1.5, loc)
    return max(0, int((name + sub) * SAFETY) - (HEAD_H - 30))


def _pages(blocks: Sequence[Block], first_room: int, room: int) -> list[list[Block]]:
    """Blocks in order, filled into a first page with `first_room` px and then pages of `room` px; a block never
    splits (a block taller than a page takes a page of its own and runs on)."""
    pages: list[list[Block]] = [[]]
    left = first_room
    for b in blocks:
        if b.height > left and pages[-1]:
            pages.append([])
            left = room - max(b.alone_height - b.height, 0)  # first on its page, it says its reasons in full
        pages[-1].append(b)
        left -= b.height
    return pages


def goal_page(a: GoalAccount, loc: Locale, chart_svg: str | None, paper: Paper = SLIDE) -> str:
    """A goal's page: everything a reviewer needs to check its status, with nothing to look up elsewhere. On a
    slide, the chart, the other figures and the notes at the left and the words that decide at the right; on
    A4, the chart above the words. Words that do not fit continue on a page headed by the goal's name with
    （续）, its status beside it, and the first figure there states its reasons in full."""
    g = a.goal
    chart_h, n_left = page_plan(a, loc, paper)
    chart = f'<div class="chart">{chart_svg}</div>' if chart_svg and chart_h else ""
    items = _others(a)
    room = paper.body_h - head_extra(a, loc, paper)
    if paper.columns == 2:
        left = [chart, *(b.markup for b in _other_blocks(items[:n_left], loc, paper, paper.chart_w)),
                *(b.markup for b in _notes_block(a, loc, paper, paper.chart_w))]
        words = _facts(a, loc, paper) + _other_blocks(items[n_left:], loc, paper, paper.right_w)
        held = len(_pages(words, room, room)[0])
        # what runs over is set across the whole sheet on the continued pages: measured again at that width
        wide = dataclasses.replace(paper, columns=1)
        rest = (_facts(a, loc, wide) + _other_blocks(items[n_left:], loc, wide, wide.right_w))[held:]
        pages = [words[:held], *(_pages(rest, room, room) if rest else [])]
        first = (f'<div class="goal-body"><div>{"".join(left)}</div>'
                 f'<div>{"".join(b.markup for b in pages[0])}</div></div>')
    else:
        words = (_facts(a, loc, paper) + _other_blocks(items, loc, paper, paper.right_w)
                 + _notes_block(a, loc, paper, paper.right_w))
        pages = _pages(words, room - (chart_h + 12 if chart else 0), room)
        first = f'<div class="goal-body">{chart}<div>{"".join(b.markup for b in pages[0])}</div></div>'
    out = [section(_head(a, loc) + first, "goal", anchor(g))]
    for page in pages[1:]:  # the first figure of a continued page says its reasons itself
        markup = (page[0].alone or page[0].markup) + "".join(b.markup for b in page[1:])
        out.append(section(_head(a, loc, continued=True) + f'<div class="goal-body one">{markup}</div>',
                           "goal continued"))
    return "".join(out)
