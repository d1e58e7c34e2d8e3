"""The methodology's rules, with their numbers from the plan's configuration: one list for the app, the site and
the evaluation report."""

from __future__ import annotations

from typing import Any

from dashboard.present.catalogue.web import METHOD_RULES
from dashboard.present.locale import Locale
from dashboard.records.model import AssessmentConfig


def rule_numbers(loc: Locale, config: AssessmentConfig, area: str) -> dict[str, Any]:
    """The values the rules' sentences name: the 左右 tolerance, the growth-ratio thresholds, the coherence
    tolerance, and `area`, how the page names the area the goals speak for."""
    return {"tolerance": loc.pct(config.approx_tolerance), "on_track": f"{config.growth_ratio.on_track:g}",
            "needs_acceleration": f"{config.growth_ratio.needs_acceleration:g}",
            "limited": f"{config.growth_ratio.limited:g}", "within": loc.pct(config.consistent_within),
            "area": area}


def rules(loc: Locale, config: AssessmentConfig, area: str) -> tuple[tuple[str, str], ...]:
    """Each rule as (title, sentence)."""
    numbers = rule_numbers(loc, config, area)
    return tuple((loc.t(f"method.rule.{name}.title", **numbers), loc.t(f"method.rule.{name}", **numbers))
                 for name in METHOD_RULES)
