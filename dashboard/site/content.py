"""What each page of the site says, in one language: the judge's answers put into the locale's words.

Pure: a `Judge` and a `Locale` in, plain values out (strings, numbers, lists) — no HTML, no files. The
templates lay these out; every word comes from the locale (`present/locale.py`) and its catalogue, with the
same keys the Streamlit app uses, so the site and the app say the same things. Nothing here decides a status
or a comparison: those come from the judge's accounts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dashboard.judge import Judge
from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.codes import BASES, STATUS_CONCERN, STATUSES
from dashboard.present.charts import STATUS_COLOURS, group_order
from dashboard.present.locale import Locale
from dashboard.records.model import Document, Goal, Observation

NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest
ROLE_KEYS = {"deciding": "ui.goal.ev.deciding", "evidence": "ui.goal.ev.used", "context": "site.ev.context",
             "set_aside": "ui.goal.ev.set_aside"}


@dataclass(frozen=True)
class StatusBadge:
    status: str
    basis: str | None
    word: str  # the status as it reads everywhere (a proxy status says so)
    colour: str
    rank: int  # order of concern, worst first; direct before proxy within a status


def badge(status: str, basis: str | None, loc: Locale) -> StatusBadge:
    rank = STATUS_CONCERN.index(status) * 2 + (basis == "proxy")  # type: ignore[arg-type]
    return StatusBadge(status, basis, loc.status(status, basis), STATUS_COLOURS[status], rank)


def years(o: Observation, loc: Locale) -> str:
    return loc.years(o.first_year, o.last_year)


def document_line(doc: Document | None, loc: Locale) -> str:
    """A document as the public sees it: its title and date, never its file or id."""
    if doc is None:
        return "—"
    return loc.t("export.doc", title=loc.document_title(doc), date=doc.published.isoformat())


def basis_word(basis: str | None, loc: Locale) -> str:
    return loc.t(f"basis.{basis}") if basis else loc.t("ui.basis.none")


# ---------------------------------------------------------------------------------------------- goal page


@dataclass
class Figure:
    """One figure that bears on a goal, with its source's words and why it counts or was set aside."""

    value: str
    role: str
    head: str
    basis: str
    document: str
    where: str
    reason_label: str
    reason: str
    against: list[str]
    quote: str
    quote_en: str | None
    details: list[tuple[str, str]]


@dataclass
class GoalPage:
    id: str
    name: str
    meta: str
    badge: StatusBadge
    target_line: str
    reason: str
    basis_timing: str | None
    why_proxy: str | None
    categorical: str | None  # a categorical goal has no chart: this sentence instead
    chart_alt: str
    progress: dict[str, Any] | None
    plan_source: str
    quote: str
    quote_en: str | None
    baseline: str | None
    baseline_quote: str | None
    paces: tuple[str, str] | None  # (sentence, id of the goal it paces)
    evidence_heading: str
    no_evidence: str | None
    figures: list[Figure]
    caveats: list[str]


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
                   basis=basis_word(chosen.basis, loc), category=category)]
    if p.required is not None:
        notes.append(loc.t("ui.goal.progress.required", year=p.year, value=loc.value(p.required, g.unit or "")))
    if a.deciding is None or chosen.observation.id != a.deciding.observation.id:
        notes.append(loc.t("ui.goal.progress.not_deciding"))
    return {
        "heading": loc.t("ui.goal.progress", year=p.year),
        "metrics": [(loc.t("ui.goal.progress.completion"), loc.pct(p.completion)),
                    (loc.t("ui.goal.progress.time"), loc.pct(p.time_share)),
                    (loc.t("ui.goal.progress.r"), "—" if p.growth_ratio is None else f"{p.growth_ratio:.2f}")],
        "notes": notes,
    }


def _input(obs_id: str, observations: dict[str, Observation], loc: Locale) -> str:
    """An input of a derived figure by its value, area and year (never its record id)."""
    o = observations.get(obs_id)
    if o is None:
        return "—"
    return loc.t("site.ev.input", value=loc.observed(o), area=loc.area(o.area), years=years(o, loc))


def _figure(a: GoalAccount, e: EvidenceAccount, observations: dict[str, Observation], loc: Locale) -> Figure:
    o = e.observation
    against = []
    if e.verdict:
        against.append(loc.t("ui.goal.ev.against", verdict=loc.t(f"verdict.{e.verdict}")))
    if e.path_verdict:
        against.append(loc.t("ui.goal.ev.against_path", verdict=loc.t(f"path.{e.path_verdict}")))
    details = []
    if o.caliber:
        details.append((loc.t("ui.goal.ev.caliber"), loc.pick(o.caliber, o.caliber_en)))
    if o.period_note:
        details.append((loc.t("ui.goal.ev.period_note"), loc.pick(o.period_note, o.period_note_en)))
    if o.derived is not None:
        inputs = loc.join(_input(i, observations, loc) for i in o.derived.inputs)
        details.append((loc.t("ui.goal.ev.derived"), o.derived.formula
                        + (f" ({loc.t('ui.goal.ev.inputs')}{loc.colon}{inputs})" if inputs else "")))
    notes = loc.pick(o.notes, o.notes_en)
    if notes:
        details.append((loc.t("ui.goal.ev.notes"), notes))
    return Figure(
        value=loc.observed(o), role=e.role, head=loc.t(ROLE_KEYS.get(e.role, "ui.goal.ev.used")),
        basis=basis_word(e.basis, loc) if e.comparable else loc.t("basis.none"),
        document=document_line(e.document, loc),
        where=loc.t("ui.goal.ev.where", area=loc.area(o.area), years=years(o, loc), timing=loc.t(f"timing.{e.timing}")),
        reason_label=loc.t("ui.goal.ev.reason" if e.comparable else "ui.goal.ev.why_aside"),
        reason=loc.reasons(e.reasons), against=against, quote=o.quote,
        quote_en=o.quote_en if loc.en else None, details=details)


def drawn_figures(a: GoalAccount) -> int:
    """How many figures the goal chart draws (as charts.goal_figure does: level readings with a number)."""
    return sum(1 for e in a.evidence if e.reading == "level" and e.observation.is_numeric
               and (e.comparable or e.excluded_by != "unit.mismatch"))


def goal_page(a: GoalAccount, goals: dict[str, Goal], observations: dict[str, Observation], loc: Locale) -> GoalPage:
    g = a.goal
    plan = loc.data.plan if loc.data else None
    b = badge(a.status, a.basis, loc)
    target = loc.target(g)
    categorical = loc.t("ui.chart.categorical", target=target, year=g.target_year) if g.is_categorical else None
    baseline = baseline_quote = None
    if g.baseline is not None:
        # A pace goal's baseline is the level it paces, in that goal's unit.
        paced = goals.get(g.paces) if g.paces else None
        unit = g.baseline.unit or (g.unit if g.measure == "level" else (paced.unit if paced else "")) or ""
        baseline = loc.t("ui.goal.plan.baseline", year=g.baseline.year, value=loc.value(g.baseline.value, unit))
        baseline_quote = g.baseline.quote
    paces = None
    if g.paces and g.paces in goals:
        paces = (loc.t("ui.goal.plan.paces", level=loc.goal_name(goals[g.paces])), g.paces)
    caveats = [loc.reason(c) for c in a.caveats]
    notes = loc.pick(g.notes, g.notes_en)
    if notes:
        caveats.append(notes)
    return GoalPage(
        id=g.id, name=loc.goal_name(g),
        meta=loc.t("ui.goal.meta", id=g.id, group=loc.group(g.group), chapter=loc.chapter(g)),
        badge=b, target_line=loc.t("ui.goal.plan.target", target=target, year=g.target_year),
        reason=loc.reason(a.reason),
        basis_timing=loc.t("ui.goal.basis_timing", basis=basis_word(a.basis, loc), timing=loc.t(f"timing.{a.timing}"))
        if a.deciding is not None and a.timing else None,
        why_proxy=loc.t("ui.goal.why_proxy", reason=loc.reasons(a.deciding.reasons))
        if a.deciding is not None and a.basis == "proxy" else None,
        categorical=categorical,
        chart_alt=loc.t("site.chart.alt", name=loc.goal_name(g), status=b.word, target=target, year=g.target_year,
                        n=drawn_figures(a)),
        progress=_progress(a, loc),
        plan_source=loc.t("ui.goal.plan.source", plan=loc.plan_name(), chapter=loc.chapter(g)) if plan else "",
        quote=g.quote, quote_en=g.quote_en if loc.en else None,
        baseline=baseline, baseline_quote=baseline_quote, paces=paces,
        evidence_heading=loc.t("ui.goal.evidence", n=len(a.evidence)),
        no_evidence=None if a.evidence else loc.t("ui.goal.evidence.none"),
        figures=[_figure(a, e, observations, loc) for e in a.evidence], caveats=caveats)


# ---------------------------------------------------------------------------------------------- goal table


@dataclass
class TableRow:
    id: str
    name: str
    badge: StatusBadge
    target: str
    year: int
    basis_code: str
    basis: str
    group_code: str
    group: str
    group_rank: int
    figures: str
    reason: str
    search: str  # what the search box matches: id and both names, case-folded


def table_rows(accounts: list[GoalAccount], loc: Locale) -> list[TableRow]:
    order = {g: k for k, g in enumerate(group_order(loc, {a.goal.group for a in accounts}))}
    rows = []
    for a in accounts:
        g = a.goal
        rows.append(TableRow(
            id=g.id, name=loc.goal_name(g), badge=badge(a.status, a.basis, loc), target=loc.target(g),
            year=g.target_year, basis_code=a.basis or "none", basis=basis_word(a.basis, loc), group_code=g.group,
            group=loc.group(g.group), group_rank=order[g.group],
            figures=f"{sum(e.comparable for e in a.evidence)}/{len(a.evidence)}", reason=loc.reason(a.reason),
            search=" ".join((g.id, g.name, g.name_en)).casefold()))
    return rows


def table_filters(accounts: list[GoalAccount], loc: Locale) -> dict[str, list[tuple[str, str]]]:
    """The choices of the table's filters, as (value in the address, label)."""
    present = {a.goal.group for a in accounts}
    return {
        "group": [(g, loc.group(g)) for g in group_order(loc, present)],
        "status": [(s, loc.t(f"status.{s}")) for s in STATUS_CONCERN],
        "basis": [(b, basis_word(b, loc)) for b in BASES] + [("none", basis_word(None, loc))],
    }


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
    intro: str | None
    scope: list[str]
    counts: list[dict[str, Any]]  # per status: word, colour, direct, proxy, total
    by_group: list[dict[str, Any]]
    cards: list[Card]
    problems: str | None = None
    columns: dict[str, str] = field(default_factory=dict)


def _name_list(names: list[str], loc: Locale) -> str:
    shown = names[:NAMES_SHOWN]
    rest = len(names) - len(shown)
    return loc.join(shown) + (loc.t("ui.overview.scope.more", n=rest) if rest > 0 else "")


def scope_sentences(judge: Judge, loc: Locale) -> list[str]:
    """Where the figures come from, relative to the areas the goals speak for, and what that leaves."""
    data = judge.data
    zh, en = Locale("zh", data), Locale("en", data)
    by_relation: dict[str, list[Observation]] = {"same": [], "parent": [], "other": []}
    for o in data.observations:
        by_relation[judge.area_relation(o.area)].append(o)
    docs = {d.id: d for d in data.documents}

    def goal_areas(lc: Locale) -> str:
        if len(judge.goal_areas) == 1:
            return lc.area(next(iter(judge.goal_areas)))
        return lc.t("ui.overview.scope.goal_areas", n=len(judge.goal_areas))

    def areas(obs: list[Observation], lc: Locale) -> str:
        return _name_list(list(dict.fromkeys(lc.area(o.area) for o in obs)), lc)

    def titles(obs: list[Observation], lc: Locale) -> str:
        found = [docs[d] for d in dict.fromkeys(o.document for o in obs) if d in docs]
        return _name_list(list(dict.fromkeys(lc.t("export.doc", title=lc.document_title(d), date=d.published.isoformat())
                                             for d in found)), lc)

    area, area_en = goal_areas(zh), goal_areas(en)
    n = len(data.observations)
    same = by_relation["same"]
    out = [loc.t("ui.overview.scope.same", figures=n, n=len(same), area=area, area_en=area_en) if same
           else loc.t("ui.overview.scope.none_same", figures=n, area=area, area_en=area_en)]
    if by_relation["parent"]:
        obs = by_relation["parent"]
        out.append(loc.t("ui.overview.scope.parent", n=len(obs), areas=areas(obs, zh), areas_en=areas(obs, en)))
    if by_relation["other"]:
        obs = by_relation["other"]
        out.append(loc.t("ui.overview.scope.other", n=len(obs), areas=areas(obs, zh), areas_en=areas(obs, en),
                         docs=titles(obs, zh), docs_en=titles(obs, en)))
    summary = judge.summary()
    direct = int((summary["basis"] == "direct").sum())
    proxy = int((summary["basis"] == "proxy").sum())
    none = int((summary["status"] == "no_comparable_data").sum())
    out.append(loc.t("ui.overview.scope.goals", goals=len(summary), comparable=direct + proxy, direct=direct,
                     proxy=proxy, none=none, area=area, area_en=area_en))
    return out


def overview(judge: Judge, accounts: list[GoalAccount], loc: Locale, rejected: int = 0) -> Overview:
    data = judge.data
    plan = data.plan
    intro = None
    if plan is not None:
        intro = loc.t("ui.overview.intro", plan=plan.name, plan_en=plan.name_en, first=plan.period[0],
                      last=plan.period[1], base=plan.base_year, goals=len(accounts), docs=len(data.documents),
                      figures=len(data.observations))
    tally = Counter((a.status, a.basis) for a in accounts)
    counts = [{"word": loc.t(f"status.{s}"), "status": s, "colour": STATUS_COLOURS[s],
               "direct": tally[(s, "direct")], "proxy": tally[(s, "proxy")],
               "total": sum(n for (st, _), n in tally.items() if st == s)} for s in STATUS_CONCERN]
    by_group: dict[str, list[GoalAccount]] = {}
    for a in accounts:
        by_group.setdefault(a.goal.group, []).append(a)
    groups = []
    for g in group_order(loc, by_group):
        items = by_group[g]
        groups.append({"group": loc.group(g), "statuses": [sum(a.status == s for a in items) for s in STATUSES],
                       "bases": [sum(a.basis == b for a in items) for b in BASES], "total": len(items)})
    by_id = {a.goal.id: a for a in accounts}
    cards = []
    for goal_id in (plan.highlights if plan else ()):
        a = by_id.get(goal_id)
        if a is None:
            continue
        e = a.deciding
        latest = loc.t("ui.overview.card.evidence", years=years(e.observation, loc), value=loc.observed(e.observation),
                       area=loc.area(e.observation.area), basis=basis_word(e.basis, loc)) if e else loc.reason(a.reason)
        cards.append(Card(a.goal.id, loc.goal_name(a.goal), badge(a.status, a.basis, loc),
                          loc.t("ui.overview.card.target", target=loc.target(a.goal), year=a.goal.target_year), latest))
    columns = {"statuses": [loc.t(f"status.{s}") for s in STATUSES],  # type: ignore[dict-item]
               "bases": [basis_word(b, loc) for b in BASES]}
    return Overview(intro=intro, scope=scope_sentences(judge, loc), counts=counts, by_group=groups, cards=cards,
                    problems=loc.t("site.overview.problems", n=rejected) if rejected else None, columns=columns)


# ---------------------------------------------------------------------------------------------- documents


def document_touches(judge: Judge) -> dict[str, dict[str, tuple[int, int]]]:
    """document → goal id → (figures used, figures set aside), from the judge's grading of every pair."""
    ev = judge.pairs()
    document = {o.id: o.document for o in judge.data.observations}
    out: dict[str, dict[str, list[int]]] = {}
    for obs, goal, comparable in zip(ev["observation"], ev["goal"], ev["comparable"], strict=True):
        counts = out.setdefault(document[obs], {}).setdefault(goal, [0, 0])
        counts[0 if comparable else 1] += 1
    order = {g.id: k for k, g in enumerate(judge.data.goals)}
    return {doc: {g: (c[0], c[1]) for g, c in sorted(goals.items(), key=lambda x: order[x[0]])}
            for doc, goals in out.items()}


def documents(judge: Judge, loc: Locale, links_shown: int = 20) -> dict[str, Any]:
    data = judge.data
    plan = data.plan
    touched = document_touches(judge)
    figures = Counter(o.document for o in data.observations)
    goals = {g.id: g for g in data.goals}

    def goal_area_name() -> str:
        if len(judge.goal_areas) == 1:
            return loc.area(next(iter(judge.goal_areas)))
        return loc.t("ui.overview.scope.goal_areas", n=len(judge.goal_areas))

    items = []
    for doc in data.documents:
        links = [(loc.t("ui.docs.touch", name=loc.goal_name(goals[g]), used=u, aside=s), g)
                 for g, (u, s) in list(touched.get(doc.id, {}).items())[:links_shown]]
        more = len(touched.get(doc.id, {})) - len(links)
        n = figures.get(doc.id, 0)
        items.append({
            "title": loc.document_title(doc),
            "original": loc.t("site.docs.original_title", title=doc.title) if loc.en and doc.title_en else None,
            "lines": [loc.t("ui.docs.publisher", publisher=loc.publisher(doc)),
                      loc.t("ui.docs.published", date=doc.published.isoformat(),
                            basis=loc.t(f"ui.docs.published.{doc.published_basis}")),
                      loc.t("ui.docs.area", area=loc.area(doc.area), years=loc.years(*doc.years))],
            "note": loc.pick(doc.published_note, doc.published_note_en) or None,
            "unrelated": loc.t("ui.docs.unrelated", area=loc.area(doc.area), plan_area=goal_area_name())
            if judge.area_relation(doc.area) == "other" else None,
            "figures": loc.t("ui.docs.figures", n=n) if links else loc.t("ui.docs.no_goals", n=n),
            "links": links,
            "more": loc.t("ui.docs.more_goals", n=more) if more > 0 else None,
        })
    plan_item = None
    if plan is not None:
        plan_item = {"heading": loc.t("ui.docs.plan"), "name": loc.plan_name(),
                     "lines": [loc.t("ui.docs.area", area=loc.area(plan.area), years=loc.years(*plan.period)),
                               loc.t("ui.docs.plan_goals", first=plan.period[0], last=plan.period[1],
                                     base=plan.base_year, n=len(data.goals))]}
    return {"intro": loc.t("ui.docs.intro"), "plan": plan_item, "documents": items}


# ---------------------------------------------------------------------------------------------- coherence


def coherence(judge: Judge, loc: Locale) -> dict[str, Any]:
    goals = {g.id for g in judge.data.goals}
    items = []
    for f in judge.coherence:
        links = [(loc.goal_name(g), g.id) for g in (f.pace_goal, f.level_goal, f.other_goal)
                 if g is not None and g.id in goals]
        items.append({"verdict": loc.t(f"ui.coherence.{f.verdict}"), "code": f.verdict,
                      "message": loc.reason(f.reason),
                      "caveat": loc.reason(f.caveat) if f.caveat is not None else None, "links": links})
    return {"intro": loc.t("ui.coh.intro"), "none": None if items else loc.t("ui.coh.none"), "findings": items}


# ---------------------------------------------------------------------------------------------- methodology


def methodology(loc: Locale) -> dict[str, Any]:
    return {
        "intro": loc.t("site.method.intro"),
        "statuses": [(badge(s, None, loc), loc.t(f"site.method.status.{s}")) for s in STATUS_CONCERN],
        "proxy_example": badge("on_track", "proxy", loc),
        "sections": [
            (loc.t("site.method.proxy_heading"), [loc.t("site.method.proxy")]),
            (loc.t("site.method.rules_heading"), [loc.t(f"site.method.rule.{k}")
                                                  for k in ("quote", "qualifier", "concept", "time")]
             + [loc.t("site.method.coherence")]),
            (loc.t("site.method.data_heading"), [loc.t("site.method.data")]),
        ],
    }
