"""Words several pages share."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import STATUS_COLOURS
from dashboard.present.locale import Locale


@dataclass(frozen=True)
class StatusBadge:
    status: str
    basis: str | None
    word: str  # the status as it reads everywhere (a proxy status says so)
    colour: str
    rank: int  # order of concern, worst first; direct evidence first within a status (as the app sorts)


def badge(status: str, basis: str | None, loc: Locale) -> StatusBadge:
    rank = STATUS_CONCERN.index(status) * 2 + (basis != "direct")  # type: ignore[arg-type]
    return StatusBadge(status, basis, loc.status(status, basis), STATUS_COLOURS[status], rank)


def goal_areas_name(judge: Judge, loc: Locale) -> str:
    """How the pages name the areas the goals speak for: that area, or "the N areas the goals speak for"."""
    if len(judge.goal_areas) == 1:
        return loc.area(next(iter(judge.goal_areas)))
    return loc.t("ui.overview.scope.goal_areas", n=len(judge.goal_areas))
