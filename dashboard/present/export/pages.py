"""The pages of the briefing PDF, as HTML: cover, goals by group, plan coherence, goal table, a page per goal.

Headings are the PDF's outline: h1 the plan, h2 each page (a goal's page by the goal's name); the labels
inside a page are not headings. Each page says everything it refers to: a goal's page carries its target and baseline, the plan's words with
their chapter, the deciding figure with its source's words, title and date, the reason, the progress and what
it would take, caveats and later context. Charts come in as inline SVG (see `renderer`); text is HTML, laid
out and wrapped by Chromium under the stylesheet's Chinese line-breaking rules.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence

from dashboard.judge.account import EvidenceAccount, GoalAccount, Progress
from dashboard.judge.codes import BASES, STATUSES
from dashboard.judge.coherence import Finding
from dashboard.present.export import facts
from dashboard.present.export.dressing import basis_words
from dashboard.present.export.layout import (
    BODY_W,
    GOAL_BODY_H,
    GOAL_CHART_H,
    GOAL_CHART_MIN_H,
    GOAL_CHART_W,
    SMALL_LINE,
    SMALL_SIZE,
    STATUS_EDGE,
    STATUS_TINT,
    stylesheet,
)
from dashboard.present.export.selection import Selection
from dashboard.present.locale import Locale
from dashboard.present.text import display_width
from dashboard.records.model import Document, Goal, Plan


def h(text: object) -> str:
    return html.escape(str(text), quote=True)


def document(title: str, sections: Iterable[str], loc: Locale) -> str:
    """The whole PDF as one HTML document (its <title> becomes the PDF's title)."""
    lang = "en" if loc.en else "zh-Hans"
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f"<style>{stylesheet()}</style></head><body>{''.join(sections)}</body></html>")


def section(content: str, cls: str = "", id: str = "") -> str:
    """A page of the PDF (it starts a new sheet), with the spacer that keeps its heading once in the outline."""
    ident = f' id="{id}"' if id else ""
    return f'<section class="page {cls}"{ident}><div class="page-top"></div>{content}</section>'


def anchor(goal: Goal) -> str:
    return f"goal-{goal.id}"


def status_label(a: GoalAccount, loc: Locale, *, small: bool = False) -> str:
    style = f"background:{STATUS_TINT[a.status]};border-color:{STATUS_EDGE[a.status]}"
    size = ";font-size:13px;padding:0 6px" if small else ""
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
    if o.derived is not None:
        words += loc.t("export.figure.derived", formula=o.derived.formula)
    return words


def source_words(doc: Document | None, loc: Locale) -> str:
    if doc is None:
        return ""
    return loc.t("export.figure.source", title=loc.document_title(doc), publisher=loc.publisher(doc),
                 date=doc.published.isoformat())


def quote_block(quote: str, gloss: str | None, loc: Locale) -> str:
    out = f"<blockquote>“{h(quote)}”</blockquote>"
    if loc.en and gloss:
        out += f'<p class="small muted">{h(loc.t("export.goal.gloss", text=gloss))}</p>'
    return out


def progress_lines(p: Progress, goal: Goal, loc: Locale) -> list[str]:
    """Where an interim figure stands on the planned path, and what it would take from there — what the judge
    gives, nothing more."""
    lines = []
    pace_unit = p.pace_unit or goal.unit
    if p.required is not None and p.path not in ("pace", "hold", "none"):
        lines.append(loc.t("export.progress.required", year=p.year, value=loc.value(p.required, goal.unit)))
    if p.completion is not None and p.time_share is not None:
        lines.append(loc.t("export.progress.completion", completion=loc.pct(p.completion),
                           time_share=loc.pct(p.time_share)))
    if p.growth_ratio is not None:
        category = loc.t(f"growth.{p.growth_category}") if p.growth_category else ""
        lines.append(loc.t("export.progress.growth_ratio", ratio=f"{p.growth_ratio:.2f}", category=category))
    if p.pace_achieved is not None:
        span = (loc.t("export.progress.one_year", year=p.year) if p.pace_years in (None, 1)
                else loc.t("export.progress.years", years=p.pace_years))
        lines.append(loc.t("export.progress.pace_achieved", pace=loc.pace(p.pace_achieved, pace_unit), span=span))
    asked = p.pace_asked if p.pace_asked is not None else (p.required if p.path == "pace" else None)
    if asked is not None:
        lines.append(loc.t("export.progress.pace_asked", pace=loc.pace(asked, pace_unit)))
    if p.pace_needed is not None:
        lines.append(loc.t("export.progress.pace_needed", year=goal.target_year, from_year=p.year,
                           pace=loc.pace(p.pace_needed, pace_unit)))
    return lines


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
    scope = loc.t("export.cover.selection", selection=select.describe(loc)) + ("  " if loc.en else "　") \
        + loc.t("export.cover.count", n=len(selected))
    plan_file = f"<p class='muted'>{h(loc.t('export.cover.plan_source', file=plan.source))}</p>" if plan else ""
    return section(f'<h1>{h(plan_name)}</h1><h2>{h(loc.t("export.cover.title"))}</h2>'
                   f'<p class="sub">{h(scope)}</p><p class="muted">{h(loc.t("export.cover.date", date=exported_on.isoformat()))}</p>'
                   f'{plan_file}<div class="cover"><div><p class=label>{h(loc.t("export.cover.by_status"))}</p>{table}</div>'
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
    cols = ["id", "name", "target", "baseline", "latest", "status", "reason"]
    widths = ["12%", "15%", "10%", "9%", "14%", "11%", "29%"]
    head = "".join(f'<th style="width:{w}">{h(loc.t("export.col." + c))}</th>' for c, w in zip(cols, widths, strict=True))
    rows = []
    for a in selected:
        g = a.goal
        base = f"{baseline_words(g, loc)}（{g.baseline.year}）" if g.baseline and not loc.en else \
            (f"{baseline_words(g, loc)} ({g.baseline.year})" if g.baseline else "—")
        latest = figure_words(a.deciding, loc) if a.deciding else "—"
        target = f"{loc.target(g)}（{g.target_year}）" if not loc.en else f"{loc.target(g)} ({g.target_year})"
        rows.append(
            f'<tr><td><a href="#{anchor(g)}">{h(g.id)}</a></td><td><a href="#{anchor(g)}">{h(loc.goal_name(g))}</a></td>'
            f"<td>{h(target)}</td><td>{h(base)}</td><td>{h(latest)}</td><td>{status_label(a, loc, small=True)}</td>"
            f"<td>{h(loc.reason(a.reason))}</td></tr>")
    return section(f'<h2>{h(loc.t("export.table.title"))}</h2><p class="sub">{h(subtitle)}</p>'
                   f'<table class="goals"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


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


def _other_items(a: GoalAccount, loc: Locale) -> list[str]:
    """The other figures of a goal's page in words, those sharing a grade and reasons together (in the order
    the first of each appears) and the reasons said once for each run."""
    runs: dict[tuple, list[EvidenceAccount]] = {}
    for e in facts.others(a):
        runs.setdefault((e.comparable, e.reasons), []).append(e)
    others = [e for run in runs.values() for e in run]
    return [_figure_item(e, loc, quote=False,
                         repeated=k > 0 and bool(e.reasons) and e.reasons == others[k - 1].reasons
                         and e.comparable == others[k - 1].comparable)
            for k, e in enumerate(others)]


def _figures_block(items: Sequence[str], loc: Locale, label: str) -> str:
    if not items:
        return ""
    return f"<p class=label>{h(loc.t(label))}</p><div class='small'>{_items(items)}</div>"


def _notes(a: GoalAccount, loc: Locale) -> str:
    return loc.pick(a.goal.notes, a.goal.notes_en)


def _height(text: str, width: int, size: int, line: int, loc: Locale) -> int:
    """Px a paragraph of `text` takes in a column `width` px wide at type `size` (an estimate: a Chinese
    character is `size` wide, a Latin letter, measured in Source Sans at 14 px, about half of one)."""
    cols = int(width / size * 2 * (1.18 if loc.en else 0.95))  # Source Sans: a Latin letter about 0.42 of the size
    lines = sum(-(-display_width(part) // cols) for part in text.split("\n") if part.strip())  # a <br> starts a line
    return max(1, lines) * line


RIGHT_W = BODY_W - GOAL_CHART_W - 28  # the words' column of a goal page
LABEL_H = 34  # a label with its margin
TEXT_LINE = 24  # body type's line height


def _facts(a: GoalAccount, loc: Locale) -> list[str]:
    """The right-hand column of a goal's page: the words that decide its status."""
    g = a.goal
    right = [f"<p class=label>{h(loc.t('export.goal.plan', chapter=loc.chapter(g)))}</p>",
             quote_block(g.quote, g.quote_en, loc)]
    caliber = loc.pick(g.caliber, g.caliber_en)
    caveats = [loc.reason(c) for c in a.caveats]
    if caliber and caliber not in caveats:
        right.append(f"<p class='small muted'>{h(loc.t('export.goal.caliber', text=caliber))}</p>")
    right.append(f"<p class=label>{h(loc.t('export.goal.deciding'))}</p>")
    if a.deciding is not None:
        e = a.deciding
        right.append(f"<p>{h(figure_words(e, loc))}</p>" + quote_block(e.observation.quote, e.observation.quote_en, loc)
                     + f"<p class='source'>{h(source_words(e.document, loc))}</p>")
    else:
        right.append(f"<p>{h(loc.t('export.goal.no_deciding'))}</p>")
    right.append(f"<p class=label>{h(loc.t('export.goal.reason'))}</p><p>{h(loc.reason(a.reason))}</p>")
    if a.deciding is not None and a.deciding.progress is not None:
        lines = progress_lines(a.deciding.progress, g, loc)
        if lines:
            right.append(f"<p class=label>{h(loc.t('export.goal.progress'))}</p>" + _items(h(x) for x in lines))
    if caveats:
        right.append(f"<p class=label>{h(loc.t('export.goal.caveats'))}</p>" + _items(h(c) for c in caveats))
    if a.context:
        right.append(f"<p class=label>{h(loc.t('export.goal.context'))}</p>"
                     + _items(_figure_item(e, loc, quote=True) for e in a.context))
    return right


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", markup))


def page_plan(a: GoalAccount, loc: Locale, others: Sequence[str] | None = None) -> tuple[int, int]:
    """How a goal's page is laid out so that it holds the goal whole where it can: the chart's height, and how
    many of the other figures (`others`, as `_other_items` words them) go under the chart (the rest follow the
    words at the right). The chart gives up height, down to GOAL_CHART_MIN_H, before any figure leaves its
    place under it."""
    if others is None:
        others = _other_items(a, loc)
    notes = _notes(a, loc)
    notes_h = (LABEL_H + _height(notes, GOAL_CHART_W, SMALL_SIZE, SMALL_LINE, loc)) if notes else 0
    # an item's lines (its source line among them: `_plain` breaks at the tag), in the list's width, and its margin
    heights = [_height(_plain(item), GOAL_CHART_W - 18, SMALL_SIZE, SMALL_LINE, loc) + 3 for item in others]
    label = LABEL_H if others else 0
    has_chart = not a.goal.is_categorical
    room = GOAL_BODY_H - notes_h - label  # under the chart, for the figures
    if not has_chart:
        return 0, len(others)
    need = sum(heights)
    if need <= room - GOAL_CHART_H:
        return GOAL_CHART_H, len(others)
    if need <= room - GOAL_CHART_MIN_H:
        return room - need, len(others)
    left, used = 0, 0
    while left < len(heights) and used + heights[left] <= room - GOAL_CHART_MIN_H:
        used += heights[left]
        left += 1
    return GOAL_CHART_MIN_H, left


def chart_height(a: GoalAccount, loc: Locale) -> int:
    """The height of a goal's chart on its page (see `page_plan`)."""
    return page_plan(a, loc)[0] or GOAL_CHART_H


def goal_page(a: GoalAccount, loc: Locale, chart_svg: str | None) -> str:
    """A goal's page: everything a reviewer needs to check its status, with nothing to look up elsewhere.
    At the left the chart, the other figures and the notes; at the right the words that decide."""
    g = a.goal
    sep = "　｜　" if not loc.en else "  |  "
    sub = sep.join([target_line(g, loc), baseline_line(g, loc), loc.t("export.goal.group", group=loc.group(g.group)),
                    loc.t("export.goal.id", id=g.id)])
    head = (f'<div class="head"><div><h2>{h(loc.goal_name(g))}</h2><p class="sub">{h(sub)}</p></div>'
            f'<div style="text-align:right">{status_label(a, loc)}'
            f'<p class="sub">{h(loc.t("export.goal.status_basis", basis=basis_words(a, loc)))}</p></div></div>')
    others = _other_items(a, loc)
    _, n_left = page_plan(a, loc, others)
    right = _facts(a, loc) + [_figures_block(others[n_left:], loc, "export.goal.others")]
    notes = _notes(a, loc)
    left = [f'<div class="chart">{chart_svg}</div>' if chart_svg else "",
            _figures_block(others[:n_left], loc, "export.goal.others"),
            f"<p class=label>{h(loc.t('export.goal.notes'))}</p><p class='small'>{h(notes)}</p>" if notes else ""]
    return section(f'{head}<div class="goal-body"><div>{"".join(left)}</div><div>{"".join(right)}</div></div>',
                   "goal", anchor(g))
