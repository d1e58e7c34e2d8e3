"""One indicator across plans: every plan's goals for it with their statuses, and how many figures of it there
are (the chart is present/across.py's). The app's and the site's indicator pages render it."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.present.across import PlanGoal
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, plan_label
from dashboard.records.model import Indicator


@dataclass(frozen=True)
class IndicatorGoal:
    plan: str
    goal_id: str
    name: str
    target: str
    year: int
    badge: StatusBadge
    area: str


@dataclass(frozen=True)
class IndicatorView:
    title: str
    intro: str
    figures: str  # how many figures of it, and that another area's are context
    goals_heading: str
    no_goals: str | None
    head: tuple[str, ...]
    goals: tuple[IndicatorGoal, ...]


def indicator_view(indicator: Indicator, goals: list[PlanGoal], n_figures: int, loc: Locale) -> IndicatorView:
    """`goals`: the goals of every plan that measure it (across.plan_goals), plans in the order of time."""
    rows = tuple(IndicatorGoal(
        plan=plan_label(p.plan, loc), goal_id=p.goal.id, name=loc.goal_name(p.goal), target=loc.target(p.goal),
        year=p.goal.target_year, badge=badge(p.account.status, p.account.basis, loc, loc.goal_status(p.account)),
        area=loc.area(p.account.area)) for p in goals)
    return IndicatorView(
        title=loc.t("indicator.title", name=loc.pick(indicator.name, indicator.name_en)),
        intro=loc.t("indicator.intro"), figures=loc.t("indicator.figures", n=n_figures),
        goals_heading=loc.t("indicator.goals"), no_goals=None if rows else loc.t("indicator.no_goals"),
        head=tuple(loc.t(f"indicator.col.{k}") for k in ("plan", "goal", "target", "year", "status", "area")),
        goals=rows)
