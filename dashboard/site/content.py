"""What each page of the site says, in one language: the judge's answers put into the locale's words.

Pure: a `Judge` and a `Locale` in, plain values out (strings, numbers, lists) — no HTML, no files. The
templates lay these out; every word comes from the locale (`present/locale.py`) and its catalogue, with the
same keys the Streamlit app uses, so the site and the app say the same things. Nothing here decides a status
or a comparison: those come from the judge's accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.judge import Judge
from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.codes import BASES, STATUS_CONCERN
from dashboard.present import figures
from dashboard.present.charts import STATUS_COLOURS, group_order
from dashboard.present.locale import Locale
from dashboard.present.views.common import goal_areas_name
from dashboard.present.views.methodology import rule_numbers, rules
from dashboard.records.model import Goal, Observation

NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest


@dataclass(frozen=True)
class StatusBadge:
    status: str
    basis: str | None
    word: str  # the status as it reads everywhere (a proxy status says so)
    colour: str
    rank: int  # order of concern, worst first; direct evidence first within a status (as the app sorts)


def badge(status: str, basis: str | None, loc: Locale, word: str | None = None) -> StatusBadge:
    """A status badge; `word` is a goal's own label (loc.goal_status: with its evidence years, a band's words)."""
    rank = STATUS_CONCERN.index(status) * 2 + (basis != "direct")  # type: ignore[arg-type]
    return StatusBadge(status, basis, word or loc.status(status, basis), STATUS_COLOURS[status], rank)


def years(o: Observation, loc: Locale) -> str:
    return loc.years(o.first_year, o.last_year)


# ---------------------------------------------------------------------------------------------- goal page


@dataclass
class GoalPage:
    id: str
    name: str
    meta: str
    badge: StatusBadge
    target_line: str
    reason: str
    basis_timing: str | None
    why_proxy: list[str]  # why only a proxy, and the data's declaration that let it stand in
    no_chart: str | None  # a categorical goal, or one without figures, has no chart: this sentence instead
    chart_alt: str
    progress: dict[str, Any] | None
    pace: list[str]  # what it would take: the pace achieved, asked and still needed
    plan_source: str
    quote: str
    quote_gloss: str | None
    baseline: str | None
    baseline_quote: str | None
    caliber: str | None
    paces: tuple[str, str] | None  # (link text, id of the goal it paces)
    evidence_heading: str
    no_evidence: str | None
    figure_head: list[str]
    figures: list[dict[str, Any]]
    caveats: list[str]
    updated: str


def interim_progress(a: GoalAccount) -> EvidenceAccount | None:
    """The figure whose progress the page shows: the deciding one if it is interim, else the latest comparable
    interim one (as the app does)."""
    interim = [e for e in a.evidence if e.comparable and e.progress is not None and e.progress.time_share is not None]
    if not interim:
        return None
    deciding = a.deciding.observation.id if a.deciding else None
    return next((e for e in interim if e.observation.id == deciding), max(interim, key=lambda e: e.observation.last_year))


def _progress(a: GoalAccount, loc: Locale) -> dict[str, Any] | None:
    chosen = interim_progress(a)
    if chosen is None or chosen.progress is None:
        return None
    p, g = chosen.progress, a.goal
    category = loc.t(f"growth.{p.growth_category}") if p.growth_category else "—"
    notes = [loc.t("ui.goal.progress.explain", year=p.year, value=loc.observed(chosen.observation),
                   basis=loc.basis(chosen.basis), category=category)]
    if p.required is not None:
        notes.append(loc.t("ui.goal.progress.required", year=p.year, value=loc.value(p.required, g.unit)))
    if a.deciding is None or chosen.observation.id != a.deciding.observation.id:
        notes.append(loc.t("ui.goal.progress.not_deciding"))
    return {
        "heading": loc.t("ui.goal.progress", year=p.year),
        "metrics": [(loc.t("ui.goal.progress.completion"), loc.pct(p.completion)),
                    (loc.t("ui.goal.progress.time"), loc.pct(p.time_share)),
                    (loc.t("ui.goal.progress.r"), "—" if p.growth_ratio is None else f"{p.growth_ratio:.2f}")],
        "notes": notes,
    }


def _pace(a: GoalAccount, loc: Locale) -> list[str]:
    paced = [e for e in a.evidence if e.comparable and e.progress is not None and e.progress.pace_asked is not None]
    if not paced or paced[0].progress is None:
        return []
    p = paced[0].progress
    out = [loc.t("ui.goal.pace.achieved", years=p.pace_years or 1, n=p.pace_years or 1, pace=loc.pace(p.pace_achieved, p.pace_unit)),
           loc.t("ui.goal.pace.asked", pace=loc.pace(p.pace_asked, p.pace_unit))]
    if p.pace_needed is not None:
        out.append(loc.t("ui.goal.pace.needed", year=p.year, target_year=a.goal.target_year,
                         pace=loc.pace(p.pace_needed, p.pace_unit)))
    return out


def _input(obs_id: str, observations: dict[str, Observation], loc: Locale) -> str:
    """An input of a derived figure by its value, area and year (never its record id)."""
    o = observations.get(obs_id)
    if o is None:
        return "—"
    return loc.t("site.ev.input", value=loc.observed(o), area=loc.area(o.area), years=years(o, loc))


def _figure(row: figures.FigureRow, e: EvidenceAccount, observations: dict[str, Observation],
            loc: Locale) -> dict[str, Any]:
    """One figure's card: the app's row (present/figures.py) and, for a derived figure, how it was derived."""
    o = e.observation
    details = [(loc.t(key), value) for key, value in (("ui.goal.ev.stand_in", row.stand_in),
                                                      ("ui.goal.ev.caliber", row.caliber),
                                                      ("ui.goal.ev.notes", row.notes)) if value]
    if o.period_note:
        details.append((loc.t("site.ev.period_note"), loc.pick(o.period_note, o.period_note_en)))
    if o.derived is not None:
        inputs = loc.join(_input(i, observations, loc) for i in o.derived.inputs)
        details.append((loc.t("site.ev.derived"), o.derived.formula
                        + (loc.t("site.ev.derived_from", inputs=inputs) if inputs else "")))
    return {"row": row, "reason_label": loc.t("ui.goal.ev.why_aside" if e.role == "set_aside" else "ui.goal.ev.reason"),
            "gloss": loc.t("ui.quote.gloss", text=row.quote_en) if loc.en and row.quote_en else None,
            "details": details}


def has_chart(a: GoalAccount) -> bool:
    """A categorical goal, or one with no figure at all, has nothing to draw: its page says so, with no chart files."""
    return not a.goal.is_categorical and bool(a.evidence)


def goal_page(a: GoalAccount, goals: dict[str, Goal], observations: dict[str, Observation], loc: Locale) -> GoalPage:
    g = a.goal
    b = badge(a.status, a.basis, loc, loc.goal_status(a))
    target = loc.target(g)
    no_chart = None
    if g.is_categorical:
        no_chart = loc.t("ui.goal.chart.categorical", target=target, year=g.target_year)
    elif not a.evidence:
        no_chart = loc.t("ui.goal.chart.none")
    baseline = baseline_quote = None
    if g.baseline is not None:
        # A pace goal's baseline is the level it paces, in that goal's unit.
        paced = goals.get(g.paces) if g.paces else None
        unit = g.baseline.unit or (g.unit if g.measure == "level" else (paced.unit if paced else None))
        baseline = loc.t("ui.goal.plan.baseline", year=g.baseline.year, value=loc.value(g.baseline.value, unit))
        baseline_quote = g.baseline.quote
    paces = None
    if g.paces and g.paces in goals:
        paces = (loc.t("ui.goal.plan.paces", level=loc.goal_name(goals[g.paces])), g.paces)
    why_proxy = []
    if a.deciding is not None and a.basis == "proxy":
        why_proxy.append(loc.t("ui.goal.why_proxy", reason=loc.reasons(a.deciding.reasons)))
        declared = figures.stand_in_text(a.deciding, loc)
        if declared:
            why_proxy.append(declared)
    caveats = [loc.reason(c) for c in a.caveats]
    if g.notes or g.notes_en:
        caveats.append(loc.pick(g.notes, g.notes_en))
    updated = figures.last_updated(a)
    rows = figures.rows(a, loc)
    return GoalPage(
        id=g.id, name=loc.goal_name(g), meta=loc.t("ui.goal.meta", group=loc.group(g.group), chapter=loc.chapter(g)),
        badge=b, target_line=loc.t("ui.goal.plan.target", target=target, year=g.target_year),
        reason=loc.reason(a.reason),
        basis_timing=loc.t("ui.goal.basis_timing", basis=loc.basis(a.basis), timing=loc.t(f"timing.{a.timing}"))
        if a.deciding is not None and a.timing else None,
        why_proxy=why_proxy, no_chart=no_chart, chart_alt=figures.chart_alt(a, loc),
        progress=_progress(a, loc), pace=_pace(a, loc),
        plan_source=loc.t("ui.goal.plan.source", plan=loc.plan_name() or "—", chapter=loc.chapter(g)),
        quote=g.quote, quote_gloss=loc.t("ui.quote.gloss", text=g.quote_en) if loc.en and g.quote_en else None,
        baseline=baseline, baseline_quote=baseline_quote,
        caliber=loc.t("ui.goal.caveat.caliber", caliber=loc.pick(g.caliber, g.caliber_en)) if g.caliber else None,
        paces=paces, evidence_heading=loc.t("ui.goal.evidence", n=len(a.evidence)),
        no_evidence=None if a.evidence else loc.t("ui.goal.evidence.none"),
        figure_head=[loc.t(f"ui.goal.fig.{k}") for k in ("value", "years", "area", "role", "basis", "source")],
        figures=[_figure(r, e, observations, loc) for r, e in zip(rows, a.evidence, strict=True)],
        caveats=caveats,
        updated=loc.t("ui.goal.updated", date=updated.isoformat()) if updated else loc.t("ui.goal.updated.none"))


# ---------------------------------------------------------------------------------------------- goal table

#: The table's orders, as the app offers them (`?sort=`), the first the default.
SORTS = ("concern", "group", "name", "year")


@dataclass
class TableRow:
    id: str
    name: str
    badge: StatusBadge
    target: str
    year: int
    basis_code: str
    group_code: str
    group: str
    group_rank: int
    figures: str
    reason: str
    search: str  # what the search box matches: id and both names, case-folded


def table_rows(accounts: list[GoalAccount], loc: Locale) -> list[TableRow]:
    order = {g: k for k, g in enumerate(group_order(loc, {a.goal.group for a in accounts}))}
    return [TableRow(
        id=a.goal.id, name=loc.goal_name(a.goal), badge=badge(a.status, a.basis, loc, loc.goal_status(a)), target=loc.target(a.goal),
        year=a.goal.target_year, basis_code=a.basis or "none", group_code=a.goal.group, group=loc.group(a.goal.group),
        group_rank=order[a.goal.group], figures=f"{sum(e.comparable for e in a.evidence)}/{len(a.evidence)}",
        reason=loc.reason(a.reason), search=" ".join((a.goal.id, a.goal.name, a.goal.name_en)).casefold())
        for a in accounts]


def table_filters(accounts: list[GoalAccount], loc: Locale) -> list[dict[str, Any]]:
    """The table's filters as the app has them (`?group=…&status=…&basis=…`, lists joined by commas)."""
    present = {a.goal.group for a in accounts}
    return [
        {"name": "group", "label": loc.t("ui.table.filter.group"),
         "options": [(g, loc.group(g)) for g in group_order(loc, present)]},
        {"name": "status", "label": loc.t("ui.table.filter.status"),
         "options": [(s, loc.t(f"status.{s}")) for s in STATUS_CONCERN]},
        {"name": "basis", "label": loc.t("ui.table.filter.basis"),
         "options": [(b, loc.basis(b)) for b in BASES] + [("none", loc.basis(None))]},
    ]


# ---------------------------------------------------------------------------------------------- overview


@dataclass
class Card:
    id: str
    name: str
    badge: StatusBadge
    target: str
    latest: str


@dataclass
class Overview:
    heading: str
    intro: str
    counts_head: list[str]
    counts: list[dict[str, Any]]  # per status: its badge, direct, proxy (None: not applicable), total
    totals: list[int]
    cards: list[Card]
    glance: list[dict[str, Any]]  # per group: its name, judged goals (badge, name, id), goals without data
    scope: list[str]
    quotes: str
    problems: str | None = None


def _name_list(names: list[str], loc: Locale) -> str:
    rest = len(names) - NAMES_SHOWN
    return loc.join(names[:NAMES_SHOWN]) + (loc.t("ui.overview.scope.more", n=rest) if rest > 0 else "")


def scope_sentences(judge: Judge, accounts: list[GoalAccount], loc: Locale) -> list[str]:
    """Where the figures come from, relative to the areas the goals speak for, and what that leaves."""
    data = judge.data
    by_relation: dict[str, list[Observation]] = {"same": [], "parent": [], "other": []}
    for o in data.observations:
        by_relation[judge.area_relation(o.area)].append(o)
    docs = {d.id: d for d in data.documents}

    def areas(obs: list[Observation]) -> str:
        return _name_list(list(dict.fromkeys(loc.area(o.area) for o in obs)), loc)

    def titles(obs: list[Observation]) -> str:
        found = [docs[d] for d in dict.fromkeys(o.document for o in obs) if d in docs]
        return _name_list([loc.t("ui.doc.title", title=loc.document_title(d)) for d in found], loc)

    area = goal_areas_name(judge, loc)
    n = len(data.observations)
    out = [loc.t("ui.overview.scope.same", figures=n, n=len(by_relation["same"]), area=area) if by_relation["same"]
           else loc.t("ui.overview.scope.none_same", figures=n, area=area)]
    if by_relation["parent"]:
        out.append(loc.t("ui.overview.scope.parent", n=len(by_relation["parent"]), areas=areas(by_relation["parent"])))
    if by_relation["other"]:
        out.append(loc.t("ui.overview.scope.other", n=len(by_relation["other"]), areas=areas(by_relation["other"]),
                         docs=titles(by_relation["other"])))
    direct = sum(a.basis == "direct" for a in accounts)
    proxy = sum(a.basis == "proxy" for a in accounts)
    none = sum(a.status == "no_comparable_data" for a in accounts)
    out.append(loc.t("ui.overview.scope.goals", goals=len(accounts), comparable=direct + proxy, direct=direct,
                     proxy=proxy, none=none, area=area))
    return out


def overview(judge: Judge, accounts: list[GoalAccount], loc: Locale, *, rejected: int = 0,
             quotes_verified: bool = True) -> Overview:
    data = judge.data
    plan = data.plan
    intro = loc.t("ui.overview.intro", plan=loc.plan_name(), first=plan.period[0], last=plan.period[1],
                  base=plan.base_year, goals=len(accounts), docs=len(data.documents),
                  figures=len(data.observations)) if plan else ""
    counts, totals = [], [0, 0, 0]
    for s in STATUS_CONCERN:
        items = [a for a in accounts if a.status == s]
        row = [sum(a.basis == "direct" for a in items), sum(a.basis == "proxy" for a in items), len(items)]
        totals = [x + y for x, y in zip(totals, row, strict=True)]
        counts.append({"badge": badge(s, None, loc), "direct": None if s == "no_comparable_data" else row[0],
                       "proxy": None if s == "no_comparable_data" else row[1], "total": row[2]})
    by_id = {a.goal.id: a for a in accounts}
    cards = []
    for goal_id in (plan.highlights if plan else ()):
        a = by_id.get(goal_id)
        if a is None:
            continue
        e = a.deciding
        latest = loc.t("ui.overview.card.evidence", years=years(e.observation, loc), value=loc.observed(e.observation),
                       area=loc.area(e.observation.area), basis=loc.basis(e.basis)) if e else loc.reason(a.reason)
        cards.append(Card(a.goal.id, loc.goal_name(a.goal), badge(a.status, a.basis, loc, loc.goal_status(a)),
                          loc.t("ui.overview.card.target", target=loc.target(a.goal), year=a.goal.target_year), latest))
    by_group: dict[str, list[GoalAccount]] = {}
    for a in accounts:
        by_group.setdefault(a.goal.group, []).append(a)
    glance = []
    for g in group_order(loc, by_group):
        items = sorted(by_group[g], key=lambda a: badge(a.status, a.basis, loc, loc.goal_status(a)).rank)
        glance.append({
            "group": loc.group(g), "code": g, "count": loc.t("ui.overview.glance.count", n=len(items)),
            "judged": [(badge(a.status, a.basis, loc, loc.goal_status(a)), loc.goal_name(a.goal), a.goal.id)
                       for a in items if a.status != "no_comparable_data"],
            "none": [(loc.goal_name(a.goal), a.goal.id) for a in items if a.status == "no_comparable_data"],
            "none_badge": badge("no_comparable_data", None, loc),
        })
    return Overview(
        heading=loc.t("ui.app.title", plan=loc.plan_short_name()), intro=intro,
        counts_head=[loc.t("ui.overview.counts.status"), loc.basis("direct"), loc.basis("proxy"), loc.t("ui.col.total")],
        counts=counts, totals=totals, cards=cards, glance=glance, scope=scope_sentences(judge, accounts, loc),
        quotes=loc.t("ui.problems.quotes_verified" if quotes_verified else "ui.problems.quotes_not_verified"),
        problems=loc.t("site.overview.problems", n=rejected) if rejected else None)


# ---------------------------------------------------------------------------------------------- documents


# ---------------------------------------------------------------------------------------------- coherence


# ---------------------------------------------------------------------------------------------- methodology


def methodology(judge: Judge, loc: Locale) -> dict[str, Any]:
    """The app's methodology (catalogue `method.*`, its numbers from the plan's configuration)."""
    numbers = rule_numbers(loc, judge.data.assessment, goal_areas_name(judge, loc))
    return {
        "intro": loc.t("method.intro"),
        "rules_heading": loc.t("method.section.rules"),
        "rules": rules(loc, judge.data.assessment, goal_areas_name(judge, loc)),
        "proxy_heading": loc.t("method.section.proxy"),
        "proxy": [loc.t("method.proxy.can", **numbers), loc.t("method.proxy.cannot", **numbers)],
        "statuses_heading": loc.t("method.section.statuses"),
        "statuses": [(badge(s, None, loc), loc.t(f"method.status.{s}")) for s in STATUS_CONCERN]
        + [(badge("on_track", "proxy", loc), loc.t("method.status.proxy"))],
        "sources_heading": loc.t("method.section.sources"),
        "sources": loc.t("method.sources"),
        "site_heading": loc.t("site.method.data_heading"),
        "site": loc.t("site.method.data"),
    }
