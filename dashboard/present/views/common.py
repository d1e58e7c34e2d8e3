"""Words several pages share."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import STATUS_COLOURS
from dashboard.present.locale import Locale
from dashboard.records.model import Dataset, Goal, Plan


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


def goal_areas_name(judge: Judge, loc: Locale, areas: frozenset[str] | None = None) -> str:
    """How the pages name the areas the goals speak for (the home areas: not an area above them that a few goals
    speak for, which `scope_sentences` names with its goals; `areas`: one plan's goal areas, else every goal's):
    that area, or "the N areas the goals speak for"."""
    home = judge.home_areas if areas is None else judge.home_of(areas)
    if len(home) == 1:
        return loc.area(next(iter(home)))
    return loc.t("ui.overview.scope.goal_areas", n=len(home))


def baseline_unit(goal: Goal, data: Dataset | None) -> str | None:
    """The unit of a goal's baseline. A pace goal's baseline is the level it paces (10788 元 for an income growth
    rate): the baseline's own unit where the data gives it, else the paced goal's unit; for a goal that is not a
    level (a growth rate, a multiple of the base) the unit of a level goal of the same indicator; else the goal's."""
    if goal.baseline is None:
        return None
    if goal.baseline.unit:
        return goal.baseline.unit
    goals = data.goals if data is not None else ()
    paced = next((g for g in goals if g.id == goal.paces), None) if goal.paces else None
    if paced is not None and paced.unit:
        return paced.unit
    if goal.measure != "level":
        level = next((g for g in goals if g.indicator == goal.indicator and g.measure == "level" and g.unit), None)
        if level is not None:
            return level.unit
    return goal.unit


def plan_label(plan: Plan, loc: Locale) -> str:
    """A plan as a plan switcher names it: its short name and, unless the name says it, its period."""
    name = loc.pick(plan.short_name or plan.name, plan.short_name_en or plan.name_en)
    if str(plan.period[0]) in name:  # the name says its period already
        return name
    period = loc.t("plans.period", first=plan.period[0], last=plan.period[1])
    return f"{name} ({period})" if loc.en else f"{name}（{period}）"


def plan_line(plan: Plan, loc: Locale) -> str:
    """The plan a goal or a finding belongs to, as a line beside it where several plans are shown (规划：…)."""
    return loc.t("plans.switcher") + loc.colon + plan_label(plan, loc)
