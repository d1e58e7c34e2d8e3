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
from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import BASES, STATUS_CONCERN
from dashboard.present.catalogue.web import METHOD_RULES
from dashboard.present.charts import group_order
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, goal_areas_name
from dashboard.records.model import Observation

NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest


def years(o: Observation, loc: Locale) -> str:
    return loc.years(o.first_year, o.last_year)


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
        id=a.goal.id, name=loc.goal_name(a.goal), badge=badge(a.status, a.basis, loc), target=loc.target(a.goal),
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
        cards.append(Card(a.goal.id, loc.goal_name(a.goal), badge(a.status, a.basis, loc),
                          loc.t("ui.overview.card.target", target=loc.target(a.goal), year=a.goal.target_year), latest))
    by_group: dict[str, list[GoalAccount]] = {}
    for a in accounts:
        by_group.setdefault(a.goal.group, []).append(a)
    glance = []
    for g in group_order(loc, by_group):
        items = sorted(by_group[g], key=lambda a: badge(a.status, a.basis, loc).rank)
        glance.append({
            "group": loc.group(g), "code": g, "count": loc.t("ui.overview.glance.count", n=len(items)),
            "judged": [(badge(a.status, a.basis, loc), loc.goal_name(a.goal), a.goal.id)
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
    config = judge.data.assessment
    numbers = {"tolerance": loc.pct(config.approx_tolerance), "on_track": f"{config.growth_ratio.on_track:g}",
               "needs_acceleration": f"{config.growth_ratio.needs_acceleration:g}",
               "limited": f"{config.growth_ratio.limited:g}", "within": loc.pct(config.consistent_within),
               "area": goal_areas_name(judge, loc)}
    return {
        "intro": loc.t("method.intro"),
        "rules_heading": loc.t("method.section.rules"),
        "rules": [(loc.t(f"method.rule.{name}.title", **numbers), loc.t(f"method.rule.{name}", **numbers))
                  for name in METHOD_RULES],
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
