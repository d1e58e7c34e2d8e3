"""The coherence page: where the plan sets a level and a pace for one quantity, whether they agree, in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.judge.coherence import Finding
from dashboard.present.charts import verdict_shade, verdict_word
from dashboard.present.locale import Locale
from dashboard.present.views.common import plan_line
from dashboard.present.views.documents import GoalLink


@dataclass(frozen=True)
class FindingItem:
    code: str  # the verdict as shown (charts.verdict_shade): consistent, consistent_apart, pace_weaker, pace_stronger,
    # unverifiable
    verdict: str
    message: str
    caveat: str | None
    links: tuple[GoalLink, ...]  # the goals compared, by name
    plan: str | None = None  # the plan whose goals these are, named when the findings are of several plans


@dataclass(frozen=True)
class CoherenceView:
    title: str
    intro: str
    none: str | None  # said when the plan has no pair to compare
    findings: tuple[FindingItem, ...]  # in the judge's order (the chart's)


def coherence_view(judge: Judge, loc: Locale, findings: Sequence[Finding] | None = None) -> CoherenceView:
    """The judge's findings in words (`findings`: only these, one plan's)."""
    goals = {g.id for g in judge.data.goals}
    within = judge.data.assessment.consistent_within
    shown = judge.coherence if findings is None else findings
    plans = {f.pace_goal.plan for f in shown}
    items = tuple(
        FindingItem(code=verdict_shade(f, within), verdict=verdict_word(f, loc), message=loc.reason(f.reason),
                    caveat=loc.reason(f.caveat) if f.caveat is not None else None,
                    links=tuple(GoalLink(loc.goal_name(g), g.id) for g in (f.pace_goal, f.level_goal, f.other_goal)
                                if g is not None and g.id in goals),
                    plan=_plan_named(judge, f, loc) if len(plans) > 1 else None)
        for f in shown)
    return CoherenceView(title=loc.t("ui.page.coherence"),
                         intro=loc.t("ui.coh.intro", within=loc.pct(judge.data.assessment.consistent_within)),
                         none=None if items else loc.t("ui.coh.none"), findings=items)


def _plan_named(judge: Judge, f: Finding, loc: Locale) -> str | None:
    plan = judge.data.plan_of(f.pace_goal)
    return plan_line(plan, loc) if plan is not None else None
