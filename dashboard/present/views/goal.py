"""The goal page: everything the app, the site and the PDF state about one goal, in one language — its verdict,
why, the progress of one figure chosen by one rule, the plan's words, each figure with its words, the caveats.

A face renders these fields and adds only its own choices (paging, links, layout, downloads)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.judge.account import EvidenceAccount, GoalAccount, Progress
from dashboard.judge.codes import Reason
from dashboard.present import figures
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, baseline_unit
from dashboard.records.model import Dataset, Goal, Observation

#: A goal with more figures than this lists only the first FIGURES_SHOWN (ranked: the deciding one first) and says
#: how many more its CSV holds. The real data's goals have at most 12 figures: every one is listed in full; a
#: synthetic district among a hundred has 30–80 (its city's, province's and country's), and each figure listed
#: twice on a desk's page (its row and its card) made most of a 100× site's bytes: 8 rows and cards are 3 KB less
#: on each of its 15,000 pages than 12 were.
FIGURES_IN_FULL = 16
FIGURES_SHOWN = 8


@dataclass(frozen=True)
class ProgressView:
    """Where one figure stands on the planned path and what it would take from there."""

    heading: str
    figure_id: str  # the observation whose progress this is
    metrics: tuple[tuple[str, str], ...]  # (label, value): distance covered, time elapsed, R — interim figures only
    lines: tuple[str, ...]


@dataclass(frozen=True)
class FigureCard:
    """One figure with its words. `reason` is None where the page has already said it (the proxy notice, or the
    card just above with the same reasons): `reason_said` then says where."""

    row: figures.FigureRow
    reason_label: str
    reason: str | None  # the reasons not said before on the page (None: all were)
    reason_said: str | None  # where the others were said
    gloss: str | None
    details: tuple[tuple[str, str], ...]  # (label, text): stand-in declaration, caliber, notes, period, derivation


@dataclass(frozen=True)
class GoalView:
    id: str
    name: str
    meta: str
    area_line: str | None  # the area the goal speaks for, where it is not the plan's (为我市…: the city)
    badge: StatusBadge
    target_line: str
    reason: str
    basis: str | None  # the basis word, where a figure decides
    basis_timing: str | None
    deciding_id: str | None
    why_proxy: tuple[str, ...]  # why only a proxy, and the data's declaration that let it stand in: said once here
    has_chart: bool
    no_chart: str | None  # a categorical goal, or one without figures, has no chart: this sentence instead
    chart_alt: str
    progress: ProgressView | None
    plan_heading: str
    plan_source: str
    quote: str
    quote_gloss: str | None
    baseline: str | None
    baseline_quote: str | None
    no_baseline: str
    caliber: str | None
    paces: tuple[str, str] | None  # (link text, id of the goal it paces)
    evidence_heading: str
    no_evidence: str | None
    figure_head: tuple[str, ...]
    figures_words: str
    figures: tuple[FigureCard, ...]  # the figures listed (all but above FIGURES_IN_FULL)
    figures_more: str | None  # how many more figures the goal's CSV holds, where not all are listed
    caveats_heading: str
    caveats: tuple[str, ...]
    cite_heading: str
    updated: str
    indicator_link: str  # the words of the link to the indicator across plans (a face links it where it has one)


def progress_figure(a: GoalAccount) -> EvidenceAccount | None:
    """The one figure whose progress every face shows: the deciding figure where it has a progress, else the
    latest comparable figure that has one."""
    if a.deciding is not None and a.deciding.progress is not None:
        return a.deciding
    with_progress = [e for e in a.evidence if e.comparable and e.progress is not None]
    return max(with_progress, key=lambda e: e.observation.last_year, default=None)


def progress_lines(p: Progress, goal: Goal, loc: Locale, *, metrics: bool = True) -> list[str]:
    """Where a figure stands on the planned path, and what it would take from there — what the judge gives,
    nothing more. `metrics=False`: without the distance covered and R (a table shows them)."""
    lines = []
    pace_unit = p.pace_unit or goal.unit
    if p.required is not None and p.path not in ("pace", "hold", "none"):
        lines.append(loc.t("export.progress.required", year=p.year, value=loc.value(p.required, goal.unit)))
    if metrics and p.completion is not None and p.time_share is not None:
        lines.append(loc.t("export.progress.completion", completion=loc.pct(p.completion),
                           time_share=loc.pct(p.time_share)))
    if metrics and p.growth_ratio is not None:
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


def progress_view(a: GoalAccount, loc: Locale) -> ProgressView | None:
    e = progress_figure(a)
    if e is None or e.progress is None:
        return None
    p, g = e.progress, a.goal
    interim = p.time_share is not None
    metrics: tuple[tuple[str, str], ...] = ()
    lines = []
    if interim:
        metrics = ((loc.t("ui.goal.progress.completion"), loc.pct(p.completion)),
                   (loc.t("ui.goal.progress.time"), loc.pct(p.time_share)),
                   (loc.t("ui.goal.progress.r"), "—" if p.growth_ratio is None else f"{p.growth_ratio:.2f}"))
        category = loc.t(f"growth.{p.growth_category}") if p.growth_category else "—"
        lines.append(loc.t("ui.goal.progress.explain", year=p.year, value=loc.observed(e.observation),
                           basis=loc.basis(e.basis), category=category))
    lines += progress_lines(p, g, loc, metrics=not interim)
    if e is not a.deciding:
        lines.append(loc.t("ui.goal.progress.not_deciding"))
    if not metrics and not [x for x in lines if x]:
        return None
    return ProgressView(heading=loc.t("ui.goal.progress", year=p.year), figure_id=e.observation.id,
                        metrics=metrics, lines=tuple(lines))


def years(o: Observation, loc: Locale) -> str:
    return loc.years(o.first_year, o.last_year)


def _input(obs_id: str, observations: dict[str, Observation], loc: Locale) -> str:
    """An input of a derived figure by its value, area and year (never its record id)."""
    o = observations.get(obs_id)
    if o is None:
        return "—"
    return loc.t("site.ev.input", value=loc.observed(o), area=loc.area(o.area), years=years(o, loc))


def listed(a: GoalAccount) -> tuple[EvidenceAccount, ...]:
    """The figures a goal's page lists: every one up to FIGURES_IN_FULL; above, the first FIGURES_SHOWN of the
    ranking (the deciding figure first)."""
    if len(a.evidence) <= FIGURES_IN_FULL:
        return a.evidence
    shown = a.evidence[:FIGURES_SHOWN]
    if a.deciding is not None and all(e is not a.deciding for e in shown):  # the ranking puts it first: a guard
        shown = (a.deciding, *shown[:-1])
    return shown


def _cards(a: GoalAccount, shown: tuple[EvidenceAccount, ...], observations: dict[str, Observation], loc: Locale
           ) -> tuple[FigureCard, ...]:
    """Each listed figure's card (`shown`: `listed(a)`). A reason is said once on a page: the deciding proxy's in the notice above the
    chart, any other at the first card that gives it; a later card says its new reasons and points to those said."""
    out = []
    said: set[Reason] = set(a.deciding.reasons) if a.deciding is not None and a.basis == "proxy" else set()
    said_details: set[str] = set()  # a declaration or note shared by several figures is given in full once
    for row, e in zip(figures.rows(a, loc, shown), shown, strict=True):
        o = e.observation
        details = [(loc.t(key), value) for key, value in (("ui.goal.ev.stand_in", row.stand_in),
                                                          ("ui.goal.ev.caliber", row.caliber),
                                                          ("ui.goal.ev.notes", row.notes)) if value]
        if o.period_note:
            details.append((loc.t("ui.goal.ev.period_note"), loc.pick(o.period_note, o.period_note_en)))
        if o.derived is not None:
            inputs = loc.join(_input(i, observations, loc) for i in o.derived.inputs)
            details.append((loc.t("ui.goal.ev.derived"), o.derived.formula
                            + (loc.t("site.ev.derived_from", inputs=inputs) if inputs else "")))
        details = [(label, loc.t("ui.goal.ev.same") if text in said_details else text) for label, text in details]
        said_details.update(text for _, text in details)
        new = tuple(r for r in e.reasons if r not in said)
        reason: str | None = loc.reasons(new) if new else None
        pointer = None
        if len(new) < len(e.reasons):
            pointer = loc.t("ui.goal.ev.said_above" if e is a.deciding
                            else "ui.goal.ev.as_above" if new else "export.figure.as_above")
        said.update(e.reasons)
        out.append(FigureCard(
            row=row, reason_label=loc.t("ui.goal.ev.why_aside" if e.role == "set_aside" else "ui.goal.ev.reason"),
            reason=reason, reason_said=pointer,
            gloss=loc.t("ui.quote.gloss", text=row.quote_en) if loc.en and row.quote_en else None,
            details=tuple(details)))
    return tuple(out)


def has_chart(a: GoalAccount) -> bool:
    """A categorical goal, or one with no figure at all, has nothing to draw: its page says so, with no chart files."""
    return not a.goal.is_categorical and bool(a.evidence)


def goal_view(a: GoalAccount, loc: Locale, data: Dataset | None = None) -> GoalView:
    data = data if data is not None else loc.data
    goals = data.goals_by_id() if data is not None else {}
    observations = data.observations_by_id() if data is not None else {}
    g = a.goal
    shown = listed(a)
    target = loc.target(g)
    no_chart = None
    if g.is_categorical:
        no_chart = loc.t("ui.goal.chart.categorical")
    elif not a.evidence:
        no_chart = loc.t("ui.goal.chart.none")
    baseline = baseline_quote = None
    if g.baseline is not None:
        baseline = loc.t("ui.goal.plan.baseline", year=g.baseline.year,
                         value=loc.value(g.baseline.value, baseline_unit(g, data)))
        baseline_quote = g.baseline.quote
    paces = None
    if g.paces and g.paces in goals:
        paces = (loc.t("ui.goal.plan.paces", level=loc.goal_name(goals[g.paces])), g.paces)
    stated = loc.reason(a.reason)
    why_proxy: list[str] = []
    if a.deciding is not None and a.basis == "proxy":
        # a clause the status sentence already says (a caveat it carries) is not said again here
        unsaid = [r for r in a.deciding.reasons if loc.clause(r) not in stated] or a.deciding.reasons
        why_proxy.append(loc.t("ui.goal.why_proxy", reason=loc.reasons(unsaid)))
        declared = figures.stand_in_text(a.deciding, loc)
        if declared:
            why_proxy.append(declared)
    caveats = [loc.reason(c) for c in a.caveats]
    if g.notes or g.notes_en:
        caveats.append(loc.pick(g.notes, g.notes_en))
    updated = figures.last_updated(a)
    return GoalView(
        id=g.id, name=loc.goal_name(g), meta=loc.group(g.group) if _whole_plan(g, loc)
        else loc.t("ui.goal.meta", group=loc.group(g.group), chapter=loc.chapter(g)),
        area_line=loc.goal_area(g),
        badge=badge(a.status, a.basis, loc, loc.goal_status(a)), target_line=loc.t("ui.goal.plan.target", target=target, year=g.target_year),
        reason=stated, basis=loc.basis(a.basis) if a.deciding is not None else None,
        basis_timing=loc.t("ui.goal.basis_timing", basis=loc.basis(a.basis), timing=loc.t(f"timing.{a.timing}"))
        if a.deciding is not None and a.timing else None,
        deciding_id=a.deciding.observation.id if a.deciding is not None else None,
        why_proxy=tuple(why_proxy), has_chart=has_chart(a), no_chart=no_chart, chart_alt=figures.chart_alt(a, loc),
        progress=progress_view(a, loc),
        plan_heading=loc.t("ui.goal.plan"),
        plan_source=_plan_source(g, loc),
        quote=g.quote, quote_gloss=loc.t("ui.quote.gloss", text=g.quote_en) if loc.en and g.quote_en else None,
        baseline=baseline, baseline_quote=baseline_quote, no_baseline=loc.t("ui.goal.plan.no_baseline"),
        caliber=loc.t("ui.goal.caveat.caliber", caliber=loc.pick(g.caliber, g.caliber_en)) if g.caliber else None,
        paces=paces, evidence_heading=loc.t("ui.goal.evidence", n=len(a.evidence)),
        no_evidence=None if a.evidence else loc.t("ui.goal.evidence.none"),
        figure_head=tuple(loc.t(f"ui.goal.fig.{k}") for k in ("value", "years", "area", "role", "basis", "source")),
        figures_words=loc.t("ui.goal.ev.words"), figures=_cards(a, shown, observations, loc),
        figures_more=loc.t("ui.goal.ev.more", n=len(a.evidence) - len(shown), total=len(a.evidence))
        if len(shown) < len(a.evidence) else None,
        caveats_heading=loc.t("ui.goal.caveats"), caveats=tuple(caveats),
        cite_heading=loc.t("ui.goal.cite"),
        updated=loc.t("ui.goal.updated", date=updated.isoformat()) if updated else loc.t("ui.goal.updated.none"),
        indicator_link=loc.t("indicator.link"))


def _plan_source(g: Goal, loc: Locale) -> str:
    """Where in the plan the goal stands: the plan and its section; the plan alone where the section is the whole
    text (a short text's heading is its plan's name)."""
    if _whole_plan(g, loc):
        return loc.t("ui.goal.plan.source.whole", plan=loc.plan_name() or "—")
    return loc.t("ui.goal.plan.source", plan=loc.plan_name() or "—", chapter=loc.chapter(g))


def _whole_plan(g: Goal, loc: Locale) -> bool:
    """The goal's section is the plan itself (no section, or the plan's own name as its text's heading)."""
    plan = loc.data.plan if loc.data else None
    return not g.chapter or (plan is not None and g.chapter.strip() in (plan.name, plan.short_name))
