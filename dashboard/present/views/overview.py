"""The overview: first the honest answer for this data (how many goals can be judged at all, on what evidence, of
which year), then the picture — counts, headline goals, every goal at a glance by group, the goals no figure
decides as an explained category, and what the data can and cannot say."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import Judged, group_order
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, goal_areas_name
from dashboard.records.model import Observation, Plan

NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest
NONE = "no_comparable_data"


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    badge: StatusBadge
    target: str
    latest: str


@dataclass(frozen=True)
class CountRow:
    badge: StatusBadge
    direct: int | None  # None: not applicable (no comparable data has no basis)
    proxy: int | None
    total: int


@dataclass(frozen=True)
class GlanceGroup:
    code: str
    group: str
    count: str
    judged: tuple[tuple[StatusBadge, str, str], ...]  # (badge, name, goal id)
    none: tuple[tuple[str, str], ...]  # (name, goal id) of goals no figure decides


@dataclass(frozen=True)
class OverviewView:
    heading: str
    intro: str
    answer: str  # the plain answer first: how many goals can be judged, on what, of which year
    status_heading: str
    counts_head: tuple[str, ...]
    counts: tuple[CountRow, ...]
    totals: tuple[int, int, int]
    cards_heading: str
    cards: tuple[Card, ...]
    glance_heading: str
    glance_intro: str
    glance: tuple[GlanceGroup, ...]
    none_badge: StatusBadge
    none_heading: str | None  # the goals without comparable data, as a category with what would decide them
    none_text: str | None
    none_link: str  # the words of the link to the page of what to collect (a face links it where it has one)
    scope_heading: str
    scope: tuple[str, ...]
    method_link: str


def _name_list(names: list[str], loc: Locale) -> str:
    rest = len(names) - NAMES_SHOWN
    return loc.join(names[:NAMES_SHOWN]) + (loc.t("ui.overview.scope.more", n=rest) if rest > 0 else "")


def goal_areas(items: Sequence[Judged], plan: Plan | None) -> frozenset[str]:
    """The areas these goals speak for: each goal's own, else its plan's."""
    plan_area = plan.area if plan else ""
    return frozenset(a.goal.area or plan_area for a in items)


def scope_sentences(judge: Judge, items: Sequence[Judged], loc: Locale,
                    plan_areas: frozenset[str] | None = None) -> list[str]:
    """Where the figures come from, relative to the areas the goals speak for (`plan_areas`: one plan's, else every
    goal's), and what that leaves."""
    data = judge.data
    by_relation: dict[str, list[Observation]] = {"same": [], "parent": [], "other": []}
    for o in data.observations:
        by_relation[judge.area_relation(o.area, plan_areas)].append(o)
    docs = {d.id: d for d in data.documents}

    def areas(obs: list[Observation]) -> str:
        return _name_list(list(dict.fromkeys(loc.area(o.area) for o in obs)), loc)

    def titles(obs: list[Observation]) -> str:
        found = [docs[d] for d in dict.fromkeys(o.document for o in obs) if d in docs]
        return _name_list([loc.t("ui.doc.title", title=loc.document_title(d)) for d in found], loc)

    area = goal_areas_name(judge, loc, plan_areas)
    n = len(data.observations)
    out = [loc.t("ui.overview.scope.same", figures=n, n=len(by_relation["same"]), area=area) if by_relation["same"]
           else loc.t("ui.overview.scope.none_same", figures=n, area=area)]
    if by_relation["parent"]:
        out.append(loc.t("ui.overview.scope.parent", n=len(by_relation["parent"]), areas=areas(by_relation["parent"])))
    goals = {g.id: g for g in data.goals}
    mine = {a.goal.id for a in items}
    for above, every in judge.goals_above_home.items():
        ids = [i for i in every if i in mine]  # this plan's goals of it
        if not ids:
            continue
        out.append(loc.t("ui.overview.scope.above", n=len(ids), area=loc.area(above),
                         goals=_name_list([loc.goal_name(goals[i]) for i in ids], loc)))
    if by_relation["other"]:
        out.append(loc.t("ui.overview.scope.other", n=len(by_relation["other"]), areas=areas(by_relation["other"]),
                         docs=titles(by_relation["other"])))
    direct = sum(a.basis == "direct" for a in items)
    proxy = sum(a.basis == "proxy" for a in items)
    none = sum(a.status == NONE for a in items)
    out.append(loc.t("ui.overview.scope.goals", goals=len(items), comparable=direct + proxy, direct=direct,
                     proxy=proxy, none=none, area=area))
    return out


def answer(judge: Judge, items: Sequence[Judged], account: Callable[[str], GoalAccount], loc: Locale,
           plan_areas: frozenset[str] | None = None) -> str:
    """One plain sentence: how many goals can be judged at all, on whose figures and of which years."""
    judged = [account(a.goal.id) for a in items if a.status != NONE]
    area = goal_areas_name(judge, loc, plan_areas)
    if not judged:
        return loc.t("ui.overview.answer.none", goals=len(items), area=area)
    deciding = [a.deciding.observation for a in judged if a.deciding is not None]
    years = sorted({o.last_year for o in deciding})
    when = loc.years(years[0], years[-1]) if years else "—"
    direct = sum(a.basis == "direct" for a in judged)
    head = (loc.t("ui.overview.answer.judged", goals=len(items), n=len(judged)) if len(judged) < len(items)
            else loc.t("ui.overview.answer.judged_all", goals=len(items)))
    if direct == 0:
        areas = loc.join(dict.fromkeys(loc.area(o.area) for o in deciding))
        return head + loc.t("ui.overview.answer.all_proxy", areas=areas, years=when, area=area)
    return head + loc.t("ui.overview.answer.some_direct", direct=direct, proxy=len(judged) - direct, years=when)


def overview_view(judge: Judge, items: Sequence[Judged], account: Callable[[str], GoalAccount],
                  loc: Locale, plan: Plan | None = None) -> OverviewView:
    """`items`: every goal's verdict in the data's order (one plan's goals where there are several);
    `account`: a goal's full account (asked only for the headline goals and the goals a figure decides);
    `plan`: the plan these goals belong to (default the data's first; `loc` speaks of the same plan)."""
    data = judge.data
    plan = plan or data.plan
    plan_areas = goal_areas(items, plan) if items else None
    intro = loc.t("ui.overview.intro", plan=loc.plan_name(), first=plan.period[0], last=plan.period[1],
                  base=plan.base_year, goals=len(items), docs=len(data.documents),
                  figures=len(data.observations)) if plan else ""
    counts, totals = [], [0, 0, 0]
    for s in STATUS_CONCERN:
        of = [a for a in items if a.status == s]
        row = [sum(a.basis == "direct" for a in of), sum(a.basis == "proxy" for a in of), len(of)]
        totals = [x + y for x, y in zip(totals, row, strict=True)]
        counts.append(CountRow(badge(s, None, loc), None if s == NONE else row[0], None if s == NONE else row[1],
                               row[2]))
    present = {a.goal.id for a in items}
    cards = []
    for goal_id in (plan.highlights if plan else ()):
        if goal_id not in present:
            continue
        a = account(goal_id)
        e = a.deciding
        latest = loc.t("ui.overview.card.evidence", years=loc.years(e.observation.first_year, e.observation.last_year),
                       value=loc.observed(e.observation), area=loc.area(e.observation.area),
                       basis=loc.basis(e.basis)) if e else loc.reason(a.reason)
        cards.append(Card(a.goal.id, loc.goal_name(a.goal), badge(a.status, a.basis, loc, loc.goal_status(a)),
                          loc.t("ui.overview.card.target", target=loc.target(a.goal), year=a.goal.target_year), latest))
    by_group: dict[str, list[Judged]] = {}
    for item in items:
        by_group.setdefault(item.goal.group, []).append(item)
    glance = []
    for g in group_order(loc, by_group):
        members = sorted(by_group[g], key=lambda a: badge(a.status, a.basis, loc).rank)
        glance.append(GlanceGroup(
            code=g, group=loc.group(g), count=loc.t("ui.overview.glance.count", n=len(members)),
            judged=tuple((badge(a.status, a.basis, loc, loc.goal_status(a)), loc.goal_name(a.goal), a.goal.id)
                         for a in members if a.status != NONE),
            none=tuple((loc.goal_name(a.goal), a.goal.id) for a in members if a.status == NONE)))
    none = sum(a.status == NONE for a in items)
    area = goal_areas_name(judge, loc, plan_areas)
    return OverviewView(
        heading=loc.t("ui.app.title", plan=loc.plan_short_name()), intro=intro,
        answer=answer(judge, items, account, loc, plan_areas) if items else "",
        status_heading=loc.t("ui.overview.status_heading"),
        counts_head=(loc.t("ui.overview.counts.status"), loc.basis("direct"), loc.basis("proxy"), loc.t("ui.col.total")),
        counts=tuple(counts), totals=(totals[0], totals[1], totals[2]),
        cards_heading=loc.t("ui.overview.headline_heading"), cards=tuple(cards),
        glance_heading=loc.t("ui.overview.glance_heading"), glance_intro=loc.t("ui.overview.glance_intro"),
        glance=tuple(glance),
        none_badge=badge(NONE, None, loc),
        none_heading=loc.t("ui.overview.none.heading", n=none) if none else None,
        none_text=loc.t("ui.overview.none.text", n=none, area=area) if none else None,
        none_link=loc.t("collect.page"),
        scope_heading=loc.t("ui.overview.scope_heading"), scope=tuple(scope_sentences(judge, items, loc, plan_areas)),
        method_link=loc.t("ui.overview.method_link"))
