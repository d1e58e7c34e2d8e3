"""What to collect (数据需求清单): for each goal that cannot be judged, the figure that would decide it — indicator,
area, year, measure and unit — and whom to ask for it (the indicator's `collect_from`: a department and the kind of
document that usually carries such a figure), grouped by department. The page for officials and the request
workbooks (`sheet.write_request`) are both drawn from `requests()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.records.model import CollectFrom, Dataset, Goal, Indicator

#: Goals no figure of their own area decides: none comparable, figures that cannot tell, or a larger area's
#: figure standing in. A figure of the goal's own area is what they lack.
UNJUDGED = ("no_comparable_data", "indeterminate")
#: A figure that would decide a goal of these measures is the level in its target year (the goal's baseline gives
#: the other end): a department publishes levels, not multiples of a base year.
_AS_LEVEL = ("multiple_of_base", "change_from_base_pct")
UNKNOWN_DEPARTMENT = CollectFrom(department="（未注明）", department_en="(not stated)", document="", document_en="")


@dataclass(frozen=True)
class Request:
    goal: Goal
    indicator: Indicator
    area: str  # the goal's area id
    year: int
    measure: str
    unit: str
    sources: tuple[CollectFrom, ...]  # the first is whom to ask; the others also carry it

    @property
    def department(self) -> CollectFrom:
        return self.sources[0] if self.sources else UNKNOWN_DEPARTMENT


def requests(data: Dataset, judge: Judge | None = None) -> list[Request]:
    """The figures that would decide the goals no figure of their own area decides yet, in the goals' order."""
    judge = judge or Judge(data)
    frame = judge.summary()
    indicators = {i.id: i for i in data.indicators}
    level_units: dict[str, str] = {g.indicator: str(g.unit) for g in data.goals if g.measure == "level" and g.unit}
    unjudged = {str(i) for i, status, basis in zip(frame["id"], frame["status"], frame["basis"], strict=True)
                if status in UNJUDGED or basis == "proxy"}
    levels = {a.id: a.level for a in data.areas}
    out = []
    for goal in data.goals:
        if goal.id not in unjudged or goal.indicator not in indicators:
            continue
        indicator = indicators[goal.indicator]
        as_level = goal.measure in _AS_LEVEL
        unit: str = str(goal.unit or "")
        if as_level:  # the level's unit: the baseline's own, else that of a level goal of the indicator
            own = goal.baseline.unit if goal.baseline and goal.baseline.unit else None
            unit = str(own) if own else level_units.get(goal.indicator, "")
        area = judge.goal_area(goal.id)
        out.append(Request(goal=goal, indicator=indicator, area=area, year=goal.target_year,
                           measure="level" if as_level else goal.measure, unit=unit,
                           sources=tuple(s for s in indicator.collect_from if s.level in (None, levels.get(area)))))
    return out


def by_department(items: list[Request]) -> dict[str, list[Request]]:
    """The requests grouped by the department to ask (its Chinese name), departments in order of first need."""
    out: dict[str, list[Request]] = {}
    for r in items:
        out.setdefault(r.department.department, []).append(r)
    return out


def request_rows(items: list[Request]) -> list[dict]:
    """The rows of a request workbook: one per figure wanted (two goals needing one figure ask for it once)."""
    seen, rows = set(), []
    for r in items:
        key = (r.indicator.id, r.measure, r.area, r.year)
        if key not in seen:
            seen.add(key)
            rows.append({"indicator": r.indicator.id, "measure": r.measure, "area": r.area, "year": r.year,
                         "unit": r.unit})
    return rows


def file_name(index: int, items: list[Request]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", items[0].department.department_en.lower()).strip("-") or "department"
    return f"request-{index:02d}-{slug}.xlsx"
