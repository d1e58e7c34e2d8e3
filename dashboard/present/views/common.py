"""Words several pages share."""

from __future__ import annotations

from dashboard.judge import Judge
from dashboard.present.locale import Locale


def goal_areas_name(judge: Judge, loc: Locale) -> str:
    """How the pages name the areas the goals speak for: that area, or "the N areas the goals speak for"."""
    if len(judge.goal_areas) == 1:
        return loc.area(next(iter(judge.goal_areas)))
    return loc.t("ui.overview.scope.goal_areas", n=len(judge.goal_areas))
