"""Plan coherence: where the plan sets both a level and a pace for one quantity, do they agree?

For each rate-of-change goal that paces a level goal (`paces`), apply the stated pace to the baseline
and compare with the stated level, and compute the pace the level implies. Two rate goals for the same
quantity and year (翻一番 and 年均递增超过7% by 2015) are compared the same way. Pure, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.present.i18n import both, fmt_number, fmt_value
from dashboard.records.model import Dataset, Goal

#: Level gaps within this relative margin are rounding, not disagreement.
CONSISTENT_WITHIN = 0.01

Verdict = Literal["consistent", "pace_weaker", "pace_stronger", "unverifiable"]


@dataclass(frozen=True)
class Finding:
    pace_goal: Goal
    level_goal: Goal | None  # None when two rate goals are compared
    other_goal: Goal | None  # the second rate goal, when two rate goals are compared
    base_value: float | None
    base_year: int | None
    target_year: int
    stated_pace: float  # % a year, units a year, or a multiple
    implied_pace: float | None  # the pace the level (or the other goal) implies from the baseline
    level_target: float | None  # the level the plan states (or implies through the other goal)
    level_at_stated_pace: float | None  # the level the stated pace reaches from the baseline
    gap: float | None  # (level at stated pace − level target) / level target
    verdict: Verdict
    implied_baseline: float | None  # when the plan gives no baseline: the one its two targets imply
    message: str
    message_en: str
    caveat: str = ""  # e.g. the level at current prices, the pace at comparable prices
    caveat_en: str = ""


def _reach(goal: Goal, base: float, years: int) -> float:
    """The level a pace goal reaches from `base` after `years` years."""
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


def _verdict(gap: float) -> Verdict:
    if abs(gap) <= CONSISTENT_WITHIN:
        return "consistent"
    return "pace_weaker" if gap < 0 else "pace_stronger"


def findings(data: Dataset) -> list[Finding]:
    goals = {g.id: g for g in data.goals}
    out: list[Finding] = []
    for pace in data.goals:
        level = goals.get(pace.paces) if pace.paces else None
        if level is None or pace.target is None or level.target is None:
            continue
        out.append(_pair(pace, level))
    out += _rate_pairs(data.goals)
    return out


def _pair(pace: Goal, level: Goal) -> Finding:
    base = pace.baseline or level.baseline  # the base of a change is the pace goal's own (翻一番 on 2000)
    unit = level.unit or ""
    if base is None:
        years = level.target_year - (pace.baseline.year if pace.baseline else 2005)
        implied_base = _unbase(pace, level.target, years)
        zh, en = both(
            "coherence.unverifiable", pace=pace.name, level=level.name, pace_en=pace.name_en, level_en=level.name_en,
            base=fmt_value(implied_base, unit) if implied_base is not None else "—",
        )
        return Finding(pace, level, None, None, None, level.target_year, pace.target, None, level.target, None, None,
                       "unverifiable", implied_base, zh, en)
    years = level.target_year - base.year
    reached = _reach(pace, base.value, years)
    implied = _implied(pace, base.value, level.target, years)
    gap = (reached - level.target) / level.target
    verdict = _verdict(gap)
    zh, en = both(
        f"coherence.{verdict}", pace=pace.name, level=level.name, pace_en=pace.name_en, level_en=level.name_en,
        **_paces(pace, pace.target, implied),
        reached=fmt_value(reached, unit), target=fmt_value(level.target, unit), year=level.target_year,
        base=fmt_value(base.value, unit), base_year=base.year, gap=f"{abs(gap) * 100:.1f}%",
    )
    cz, ce = _caliber_caveat(pace, level)
    return Finding(pace, level, None, base.value, base.year, level.target_year, pace.target, implied, level.target,
                   reached, gap, verdict, None, zh, en, cz, ce)


def _caliber_caveat(pace: Goal, level: Goal) -> tuple[str, str]:
    if (pace.caliber or "") == (level.caliber or ""):
        return "", ""
    return both("coherence.caliber", level=level.name, level_caliber=level.caliber or "未注明",
                pace=pace.name, pace_caliber=pace.caliber or "未注明")


def _rate_pairs(goals: tuple[Goal, ...]) -> list[Finding]:
    """A multiple (翻一番) and an annual growth rate for the same indicator and year, without a level goal."""
    out = []
    for mult in goals:
        if mult.measure != "multiple_of_base" or mult.baseline is None or mult.target is None:
            continue
        for rate in goals:
            if (rate.measure == "annual_growth_rate" and rate.indicator == mult.indicator
                    and rate.target_year == mult.target_year and rate.paces is None and rate.target is not None):
                base = mult.baseline
                years = mult.target_year - base.year
                level = base.value * mult.target
                reached = _reach(rate, base.value, years)
                implied = _implied(rate, base.value, level, years)
                gap = (reached - level) / level
                verdict = _verdict(gap)
                unit = "亿元" if mult.indicator == "gdp" else ""
                zh, en = both(
                    f"coherence.{verdict}", pace=rate.name, level=mult.name, pace_en=rate.name_en,
                    level_en=mult.name_en, **_paces(rate, rate.target, implied),
                    reached=fmt_value(reached, unit), target=fmt_value(level, unit), year=mult.target_year,
                    base=fmt_value(base.value, unit), base_year=base.year, gap=f"{abs(gap) * 100:.1f}%",
                )
                out.append(Finding(rate, None, mult, base.value, base.year, mult.target_year, rate.target, implied,
                                   level, reached, gap, verdict, None, zh, en))
    return out


def _pace_text(goal: Goal, value: float | None, lang: str = "zh") -> str:
    if value is None:
        return "—"
    per_year = "/年" if lang == "zh" else " a year"
    if goal.measure == "annual_growth_rate":
        return f"{fmt_number(value, 2)}%{per_year}"
    if goal.measure == "change_from_base_pct":
        return f"{fmt_number(value, 2)}%"
    if goal.measure == "multiple_of_base":
        return f"{fmt_number(value, 2)}倍" if lang == "zh" else f"{fmt_number(value, 2)}×"
    return fmt_value(value, goal.unit or "") + per_year


def _paces(goal: Goal, stated: float | None, implied: float | None) -> dict[str, str]:
    return {"stated": _pace_text(goal, stated), "stated_en": _pace_text(goal, stated, "en"),
            "implied": _pace_text(goal, implied), "implied_en": _pace_text(goal, implied, "en")}
