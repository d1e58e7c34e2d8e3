"""The methodology's rules, with their numbers from the plan's configuration: one list for the app, the site and
the evaluation report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.judge import Judge
from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.catalogue.web import METHOD_RULES
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge, goal_areas_name
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


@dataclass(frozen=True)
class MethodologyView:
    title: str
    intro: str
    rules_heading: str
    rules: tuple[tuple[str, str], ...]  # (title, sentence)
    proxy_heading: str
    proxy: tuple[str, str]  # what a proxy can say, what it cannot
    statuses_heading: str
    statuses: tuple[tuple[StatusBadge, str], ...]  # each status with what it means; a proxy status last
    sources_heading: str
    sources: str
    sources_links: tuple[str, str]  # the words of the links to the documents and coherence pages
    site_heading: str  # the static site's own note on its data files (the app has none)
    site: str


def methodology_view(judge: Judge, loc: Locale) -> MethodologyView:
    config, area = judge.data.assessment, goal_areas_name(judge, loc)
    numbers = rule_numbers(loc, config, area)
    return MethodologyView(
        title=loc.t("ui.page.methodology"), intro=loc.t("method.intro"),
        rules_heading=loc.t("method.section.rules"), rules=rules(loc, config, area),
        proxy_heading=loc.t("method.section.proxy"),
        proxy=(loc.t("method.proxy.can", **numbers), loc.t("method.proxy.cannot", **numbers)),
        statuses_heading=loc.t("method.section.statuses"),
        statuses=tuple((badge(s, None, loc), loc.t(f"method.status.{s}")) for s in STATUS_CONCERN)
        + ((badge("on_track", "proxy", loc), loc.t("method.status.proxy")),),
        sources_heading=loc.t("method.section.sources"), sources=loc.t("method.sources"),
        sources_links=(loc.t("ui.page.documents"), loc.t("ui.page.coherence")),
        site_heading=loc.t("site.method.data_heading"), site=loc.t("site.method.data"))
