"""Plan coherence: where the plan sets both a level and a pace for one quantity, do they agree? Codes out.

For each rate-of-change goal that paces a level goal (`paces`), the level target is taken as what the plan
expects, and the pace it implies from the baseline is set against the pace target as an interval: a floor
(≥, 以上) is met by any pace at or above it, so 170亿元 (2.64 × 2000) agrees with "比2000年翻一番以上"; a point
pace must reach the level within the plan's rounding margin. Two rate goals for one quantity and year
(翻一番 and 年均递增超过7% by 2015) are compared the same way, the multiple standing for the level.

Two floors where meeting the pace already meets the level (5850 + 5 × 450 = 8100 ≥ 8000) agree: the pace implies
the level, and the finding says which target is looser and by how much. A pace and a level stated on different price
bases (7% a year at comparable prices, 170亿元 at current prices) cannot be compared: unverifiable, with the reason.
Pure, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.judge.codes import Bilingual, Code, GoalRef, Pace, Param, Reason, Share, Target, Value
from dashboard.records.model import Dataset, Goal

Verdict = Literal["consistent", "pace_weaker", "pace_stronger", "unverifiable"]


@dataclass(frozen=True)
class Finding:
    pace_goal: Goal
    level_goal: Goal | None  # None when two rate goals are compared
    other_goal: Goal | None  # the multiple, when two rate goals are compared
    base_value: float | None
    base_year: int | None
    target_year: int
    stated_pace: float  # % a year, units a year, or a multiple
    implied_pace: float | None  # the pace the level implies from the baseline
    level_target: float | None  # the level the plan states (or implies through the multiple)
    level_at_stated_pace: float | None  # the level the stated pace reaches from the baseline
    gap: float | None  # (level at stated pace − level target) / level target
    verdict: Verdict
    implied_baseline: float | None  # when the plan gives no baseline: the one its two targets imply
    reason: Reason
    caveat: Reason | None = None  # e.g. the level at current prices, the pace's basis unstated
    floor_short: bool = False  # consistent, yet the stated floor alone falls short of the level
    pace_implies_level: bool = False  # two floors: meeting the pace already meets the level (the level is looser)


def _reach(goal: Goal, base: float, years: int) -> float:
    """The level a pace goal's stated value reaches from `base` after `years` years."""
    assert goal.target is not None
    if goal.measure == "annual_growth_rate":
        return base * (1 + goal.target / 100) ** years
    if goal.measure == "annual_increase":
        return base + goal.target * years
    if goal.measure == "multiple_of_base":
        return base * goal.target
    if goal.measure == "change_from_base_pct":
        return base * (1 + goal.target / 100)
    raise ValueError(goal.measure)


def _implied(goal: Goal, base: float, level: float, years: int) -> float | None:
    """The pace, in the goal's own terms, that takes `base` to `level` in `years` years."""
    if goal.measure == "annual_growth_rate":
        return ((level / base) ** (1 / years) - 1) * 100 if base > 0 and level > 0 else None
    if goal.measure == "annual_increase":
        return (level - base) / years
    if goal.measure == "multiple_of_base":
        return level / base if base else None
    if goal.measure == "change_from_base_pct":
        return (level / base - 1) * 100 if base else None
    return None


def _unbase(goal: Goal, level: float, years: int) -> float | None:
    """The baseline a pace goal and a level imply together."""
    assert goal.target is not None
    if goal.measure == "annual_growth_rate":
        return level / (1 + goal.target / 100) ** years
    if goal.measure == "annual_increase":
        return level - goal.target * years
    if goal.measure == "multiple_of_base":
        return level / goal.target
    return None


def _verdict(pace: Goal, implied: float | None, gap: float, within: float) -> Verdict:
    """A floor (≥, >) or a ceiling (≤, <) pace agrees with any implied pace inside it; a point pace must reach
    the level within the margin."""
    t = pace.target
    assert t is not None
    if implied is not None and pace.comparator in (">=", ">"):
        inside = implied > t or (implied == t and pace.comparator == ">=") or abs(gap) <= within
        return "consistent" if inside else "pace_stronger"
    if implied is not None and pace.comparator in ("<=", "<"):
        inside = implied < t or (implied == t and pace.comparator == "<=") or abs(gap) <= within
        return "consistent" if inside else "pace_weaker"
    if abs(gap) <= within:
        return "consistent"
    return "pace_weaker" if gap < 0 else "pace_stronger"


def _pace(goal: Goal, value: float | None, unit: str) -> Param:
    """A pace in its goal's own terms: a growth rate or an increase a year, a multiple, a change in %."""
    if value is None:
        return "—"
    if goal.measure == "annual_growth_rate":
        return Pace(value, "%")
    if goal.measure == "annual_increase":
        return Pace(value, goal.unit or unit)
    if goal.measure == "multiple_of_base":
        return Value(value, "倍")
    return Value(value, "%")


def findings(data: Dataset) -> list[Finding]:
    within = data.assessment.consistent_within
    base_year = data.plan.base_year if data.plan else 0
    goals = {g.id: g for g in data.goals}
    out: list[Finding] = []
    for pace in data.goals:
        level = goals.get(pace.paces) if pace.paces else None
        if level is None or pace.target is None or level.target is None:
            continue
        out.append(_pair(pace, level, within, base_year))
    out += _rate_pairs(data.goals, within)
    return out


def _pair(pace: Goal, level: Goal, within: float, plan_base_year: int) -> Finding:
    base = pace.progress_baseline or level.progress_baseline  # the base of a change is the pace goal's own (翻一番 on 2000)
    unit = level.unit or ""
    assert pace.target is not None and level.target is not None
    if base is None:
        years = level.target_year - plan_base_year
        implied_base = _unbase(pace, level.target, years)
        reason = Reason("coherence.unverifiable", {
            "pace": GoalRef(pace.id), "level": GoalRef(level.id),
            "base": Value(implied_base, unit) if implied_base is not None else "—"})
        return Finding(pace, level, None, None, None, level.target_year, pace.target, None, level.target, None, None,
                       "unverifiable", implied_base, reason)
    years = level.target_year - base.year
    if pace.price_basis and level.price_basis and pace.price_basis != level.price_basis:
        reason = Reason("coherence.price_bases_differ", {
            "pace": GoalRef(pace.id), "level": GoalRef(level.id), "pace_basis": Code(f"price.{pace.price_basis}"),
            "level_basis": Code(f"price.{level.price_basis}")})
        return Finding(pace, level, None, base.value, base.year, level.target_year, pace.target, None, level.target,
                       None, None, "unverifiable", None, reason)
    return _compare(pace, level, None, base.value, base.year, level.target, level.target_year, unit, years, within,
                    _caliber_caveat(pace, level))


def _compare(pace: Goal, level: Goal | None, other: Goal | None, base: float, base_year: int, target: float,
             year: int, unit: str, years: int, within: float, caveat: Reason | None) -> Finding:
    reached = _reach(pace, base, years)
    implied = _implied(pace, base, target, years)
    gap = (reached - target) / target
    verdict = _verdict(pace, implied, gap, within)
    floor_short = verdict == "consistent" and gap < -within
    # two floors: a pace floor that already reaches the level floor implies it (the level is the looser target)
    bound = level or other
    floors = pace.comparator in (">=", ">") and bound is not None and bound.comparator in (">=", ">")
    implies = floors and verdict == "pace_stronger" and reached >= target
    if implies:
        verdict = "consistent"
    level_ref = GoalRef(level.id if level else (other.id if other else ""))
    params: dict[str, Param] = {
        "pace": GoalRef(pace.id), "level": level_ref, "stated": _pace(pace, pace.target, unit), "bound": Target(pace.id),
        "implied": _pace(pace, implied, unit), "reached": Value(reached, unit), "target": Value(target, unit),
        "year": year, "base": Value(base, unit), "base_year": base_year, "gap": Share(abs(gap), 1),
        "difference": Value(reached - target, unit),
    }
    key = "coherence.consistent_floor" if floor_short else \
        ("coherence.pace_implies_level" if implies else f"coherence.{verdict}")
    assert pace.target is not None
    return Finding(pace, level, other, base, base_year, year, pace.target, implied, target, reached, gap, verdict, None,
                   Reason(key, params), caveat, floor_short, implies)


def _caliber_caveat(pace: Goal, level: Goal) -> Reason | None:
    if (pace.caliber or "") == (level.caliber or ""):
        return None

    def caliber(g: Goal) -> Param:
        return Bilingual(g.caliber, g.caliber_en or "") if g.caliber else Code("price.None")

    return Reason("coherence.caliber", {"level": GoalRef(level.id), "level_caliber": caliber(level),
                                        "pace": GoalRef(pace.id), "pace_caliber": caliber(pace)})


def _rate_pairs(goals: tuple[Goal, ...], within: float) -> list[Finding]:
    """A multiple (翻一番) and an annual growth rate for the same indicator and year, without a level goal: the
    multiple of the baseline stands for the level."""
    out = []
    for mult in goals:
        if mult.measure != "multiple_of_base" or mult.progress_baseline is None or mult.target is None:
            continue
        for rate in goals:
            if (rate.measure == "annual_growth_rate" and rate.indicator == mult.indicator
                    and rate.target_year == mult.target_year and rate.paces is None and rate.target is not None):
                base = mult.progress_baseline
                out.append(_compare(rate, None, mult, base.value, base.year, base.value * mult.target,
                                    mult.target_year, base.unit or "", mult.target_year - base.year, within, None))
    return out
