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
from dashboard.present.charts import group_order
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, goal_areas_name
from dashboard.present.views.methodology import rule_numbers, rules
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
