"""The judge's rules, each written once, as tables and array-first functions (numpy arrays in, arrays out).

The engine (`engine.py`) applies them to every (goal, figure) pair at once. README "How goals are judged"
states them in words; `tests/oracle.py` restates them naively, one pair at a time, and the property tests
hold the two equal. Intervals are (lower, upper, lower_open, upper_open) with ±inf for an unbounded side.
"""

from __future__ import annotations

import numpy as np

from dashboard.judge.codes import AreaRelation, Concept, PathVerdict, Reading, Role, Timing, Use, Verdict
from dashboard.records.columns import COMPARATORS, GOAL_MEASURES, OBS_MEASURES, QUALIFIERS
from dashboard.records.model import APPROX_TOLERANCE, Interval

# ---------------------------------------------------------------------------------------------- vocabulary codes

# Qualifier, comparator and measure codes are the records' (`records/columns.py`): QUALIFIERS, COMPARATORS,
# GOAL_MEASURES, OBS_MEASURES.
DIRECTIONS = {"higher": 1, "lower": 2, "neutral": 3}  # undeclared: 0 (≈ then reads two-sided, as neutral)

PATHS = ("compound", "linear", "pace", "ratio", "hold", "none")
COMPOUND, LINEAR, PACE, RATIO, HOLD, NONE = range(6)

READINGS: tuple[Reading, ...] = ("level", "pace")
LEVEL_READING, PACE_READING = 0, 1

#: How a figure's measure is read for a goal's measure: LEVEL_READING, PACE_READING, or -1 (it does not speak).
READING = np.full((len(GOAL_MEASURES), len(OBS_MEASURES)), -1, dtype=np.int8)
READING[0, 0] = LEVEL_READING  # a level for a level
READING[0, [1, 2, 5]] = PACE_READING  # a growth rate or an increase for a level's path
READING[1, [1, 5]] = PACE_READING  # a growth rate for an annual growth rate
READING[2, 2] = PACE_READING  # an increase for an annual increase
READING[3, 3] = LEVEL_READING  # a change from the base, read like a level (cumulative)
READING[4, 4] = LEVEL_READING  # a multiple of the base, likewise
#: Observed measures that are one year's or several years' average change (`annual_growth_rate`, `annual_increase`
#: with a period are averages over it; with a single year, and `yoy_growth`, one year's).
RATE_MEASURES = np.array([False, True, False, False, False, True])  # in % a year
INCREASE_MEASURES = np.array([False, False, True, False, False, False])  # in units a year

#: Why a figure is set aside, in the order the rules are applied (the first that applies is the one given).
EXCLUSIONS = (
    "", "area.other", "concept.different", "categorical.no_numeric", "figure.statement", "measure.other",
    "area.parent.total", "area.parent.none", "concept.pace_only", "area.parent.pace_only", "unit.mismatch",
    "caliber.price_basis", "pace.no_path", "pace.outside_period", "pace.level_year",
)
EXCLUSION = {name: k for k, name in enumerate(EXCLUSIONS)}
#: What one figure that counts may not say on its own, though it is evidence (its path verdict is kept, the status
#: it would decide is `indeterminate`): a larger area's pace read for a level goal (the level stays unknown), or
#: for a pace goal whose period runs past the plan's own (one year of it cannot put a longer average on track);
#: a level and a pace reading of one area and year that disagree (no verdict; both shown).
LIMITS = ("", "pace.level_unknown", "pace.beyond_plan", "readings.disagree")
NO_LIMIT, LEVEL_UNKNOWN, BEYOND_PLAN, DISAGREE = range(4)
#: A growth rate that counts though its price basis or concept differs from the goal's (or one of them is
#: unstated): evidence, with the caveat said in its reason. 0 none; 1 price basis; 2 concept; 3 both.
PACE_CAVEATS = ("", "price", "concept", "price_concept")
#: A categorical goal's declared verdict on an observation (`meets: true|false`): 0 none, 1 meets, 2 misses.
DECLARED = (None, "meets", "misses")

USES: tuple[Use, ...] = ("none", "pace", "level")  # ordered: what a figure may speak to is the least its area and concept allow
USE_NONE, USE_PACE, USE_LEVEL = 0, 1, 2
CONCEPTS: tuple[Concept, ...] = ("same", "related", "pace_only", "different")
AREA_RELATIONS: tuple[AreaRelation, ...] = ("same", "parent", "other")
TIMINGS: tuple[Timing, ...] = ("interim", "final", "late")
INTERIM, FINAL, LATE = 0, 1, 2
VERDICTS: tuple[Verdict | None, ...] = (None, "meets", "misses", "cannot_tell")
PATH_VERDICTS: tuple[PathVerdict | None, ...] = (None, "on_track", "off_track", "cannot_tell")
ROLES: tuple[Role, ...] = ("deciding", "evidence", "context", "set_aside")
STATUS_CODES = ("achieved", "on_track", "off_track", "missed", "indeterminate", "no_comparable_data")
GROWTH = ("", "on_track", "needs_acceleration", "limited", "backwards")

#: The unit of a yearly increase of a level in this unit (a rate in % rises by percentage points).
INCREASE_UNIT = {"%": "百分点"}


# ---------------------------------------------------------------------------------------------- intervals


def figure_interval(value: np.ndarray, q: np.ndarray, tolerance: float):
    """(lower, upper, lower_open, upper_open) of a stated figure and its qualifier code: 以上 [v, ∞); 超过 (v, ∞);
    以内/以下/不超过 (−∞, v]; 不到/低于 (−∞, v); 左右/约 [v − tol, v + tol]; 近 [v − tol, v); else the point v."""
    tol = np.abs(value) * tolerance
    lower = np.where((q == 5) | (q == 6), value - tol, value)
    upper = np.where(q == 5, value + tol, value)
    lower = np.where((q == 3) | (q == 4), -np.inf, lower)
    upper = np.where((q == 1) | (q == 2), np.inf, upper)
    return lower, upper, q == 2, (q == 4) | (q == 6)


def _one(interval) -> Interval:
    lo, up, lo_open, up_open = (x[0] for x in interval)
    return Interval(lower=None if np.isinf(lo) else float(lo), upper=None if np.isinf(up) else float(up),
                    lower_open=bool(lo_open), upper_open=bool(up_open))


def figure_bounds(value: float, qualifier: str | None, tolerance: float = APPROX_TOLERANCE) -> Interval:
    """One figure's interval (`figure_interval` for a single value)."""
    return _one(figure_interval(np.array([float(value)]), np.array([QUALIFIERS.get(qualifier or "", 0)]), tolerance))


def region_bounds(comparator: str, target: float, direction: str | None = None,
                  tolerance: float = APPROX_TOLERANCE) -> Interval:
    """One target's region (`target_region` for a single target)."""
    return _one(target_region(np.array([COMPARATORS[comparator]]), np.array([float(target)]),
                              np.array([DIRECTIONS.get(direction or "", 0)]), tolerance))


def verdict_of(observed: Interval, region: Interval) -> str:
    """`judge` for one interval and one region: meets, misses or cannot_tell."""
    def arr(i: Interval):
        return (np.array([-np.inf if i.lower is None else i.lower]), np.array([np.inf if i.upper is None else i.upper]),
                np.array([i.lower_open]), np.array([i.upper_open]))
    return VERDICTS[int(judge(arr(observed), arr(region))[0])] or ""


def target_region(comp: np.ndarray, target: np.ndarray, direction: np.ndarray, tolerance: np.ndarray | float):
    """The region that meets a target. ≈ (左右) follows the indicator's direction: met from the near edge of its
    band on (higher: [t − tol, ∞); lower: (−∞, t + tol]); two-sided for a neutral projection (or none declared)."""
    tol = np.abs(target) * tolerance
    approx = comp == 5
    lower = np.where(approx, target - tol, target)
    upper = np.where(approx, target + tol, target)
    lower = np.where((comp == 3) | (comp == 4) | (approx & (direction == 2)), -np.inf, lower)
    upper = np.where((comp == 1) | (comp == 2) | (approx & (direction == 1)), np.inf, upper)
    return lower, upper, comp == 2, comp == 4


def contains(outer, inner) -> np.ndarray:
    """Every value of `inner` lies in `outer`."""
    o_lo, o_up, o_lo_open, o_up_open = outer
    i_lo, i_up, i_lo_open, i_up_open = inner
    lower_ok = (i_lo > o_lo) | ((i_lo == o_lo) & (i_lo_open | ~o_lo_open))
    upper_ok = (i_up < o_up) | ((i_up == o_up) & (i_up_open | ~o_up_open))
    return lower_ok & upper_ok


def below(a, b) -> np.ndarray:
    """Every value of `a` lies below every value of `b`."""
    a_up, a_up_open = a[1], a[3]
    b_lo, b_lo_open = b[0], b[2]
    return (a_up < b_lo) | ((a_up == b_lo) & (a_up_open | b_lo_open) & np.isfinite(a_up))


def judge(observed, region) -> np.ndarray:
    """Verdict codes: 1 meets (wholly inside), 2 misses (wholly outside), 3 cannot tell (both)."""
    meets = contains(region, observed)
    misses = below(observed, region) | below(region, observed)
    return np.where(meets, 1, np.where(misses, 2, 3)).astype(np.int8)


def representative(lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """One figure for progress arithmetic: the midpoint, or the stated bound of a one-sided interval."""
    both = np.isfinite(lower) & np.isfinite(upper)
    return np.where(both, (lower + upper) / 2, np.where(np.isfinite(lower), lower, upper))


# ---------------------------------------------------------------------------------------------- paths


def power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """base ** exponent element by element with Python's own `**` (numpy's power differs in the last bit for some
    inputs, and the naive oracle uses Python's); NaN where it is undefined."""
    b, e = np.broadcast_arrays(np.asarray(base, dtype=float), np.asarray(exponent, dtype=float))
    out = np.full(b.shape, np.nan)
    ok = np.isfinite(b) & np.isfinite(e) & (b > 0)
    out[ok] = [x ** y for x, y in zip(b[ok].tolist(), e[ok].tolist(), strict=True)]
    return out


def path_value(kind: np.ndarray, base: np.ndarray, target: np.ndarray, share: np.ndarray) -> np.ndarray:
    """The planned path's value at a share of the period: compound (base·(target/base)^share, when both are
    positive), linear (base + (target − base)·share); for ratio paths base and target are on the ratio scale."""
    linear = base + (target - base) * share
    geometric = (kind == COMPOUND) | (kind == RATIO)
    ok = geometric & (base > 0) & (target > 0)
    out = linear.astype(float).copy()
    idx = np.flatnonzero(ok)
    if len(idx):
        out[idx] = base[idx] * power(target[idx] / base[idx], share[idx])
    return out


def completion(kind, base, target, value) -> np.ndarray:
    """完成进度: the share of the baseline-to-target distance covered, on the path's own scale (log for compound)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        geometric = ((kind == COMPOUND) | (kind == RATIO)) & (base > 0) & (target > 0)
        log = np.where(geometric & (value > 0), np.log(np.where(value > 0, value, 1) / base) / np.log(target / base),
                       np.nan)
        lin = (value - base) / (target - base)
        out = np.where(geometric, log, lin)
    return np.where(target == base, np.nan, out)


def annual_growth(start, end, years) -> np.ndarray:
    """Compound annual growth from `start` to `end` over `years` (a fraction, not %); NaN where undefined."""
    start, end, years = np.broadcast_arrays(np.asarray(start, float), np.asarray(end, float), np.asarray(years, float))
    out = np.full(start.shape, np.nan)
    ok = (start > 0) & (end > 0) & (years > 0) & np.isfinite(start) & np.isfinite(end)
    if ok.any():
        out[ok] = power(end[ok] / start[ok], 1 / years[ok]) - 1
    return out


def growth_ratio(base, target, value, done, span) -> np.ndarray:
    """Open SDG's R: observed compound annual growth since the base over the growth the target needs."""
    observed = annual_growth(base, value, done)
    required = annual_growth(base, target, span)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isfinite(observed) & np.isfinite(required) & (required != 0), observed / required, np.nan)


def growth_category(r: np.ndarray, on_track: float, acceleration: float, limited: float) -> np.ndarray:
    """R's category codes (GROWTH): 1 on track, 2 needs acceleration, 3 limited, 4 going backwards, 0 none."""
    return np.where(np.isnan(r), 0, np.where(r >= on_track, 1, np.where(r >= acceleration, 2,
                                                                         np.where(r >= limited, 3, 4)))).astype(np.int8)


def ratio_scale(measure: np.ndarray, value: np.ndarray) -> np.ndarray:
    """A cumulative measure on the ratio scale: a multiple as it is, a change in % as 1 + change/100."""
    return np.where(measure == 3, 1 + value / 100, value)


def from_ratio_scale(measure: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    return np.where(measure == 3, (ratio - 1) * 100, ratio)


# ---------------------------------------------------------------------------------------------- status


#: Status code from a final (or late) verdict: meets → achieved, misses → missed, cannot tell → indeterminate.
FINAL_STATUS = np.array([5, 0, 3, 4], dtype=np.int8)  # index: verdict code 0..3
#: Status code from an interim path verdict: on track, off track, cannot tell → indeterminate.
INTERIM_STATUS = np.array([5, 1, 2, 4], dtype=np.int8)  # index: path verdict code 0..3
