"""Bulk judgement: every goal's status at once, in columns (numpy), for collections too large to judge one
record at a time (a province's or a country's plans: tens of thousands of goals, a million figures).

The rules are `assess.py`'s, applied to arrays: the same evidence for each goal (its area's figures, its
parents', and those of areas outside scope; the same and related indicators; matching measures), the same
grading (area, concept, unit, categorical and pace rules; the interval against the target region; interim
figures against the planned path), the same ranking and the same status. `tests/test_bulk.py` checks every
goal and every piece of evidence against the per-goal engine, which stays the reference and gives the
reasons, the progress figures and the detail of any one goal (`assess.assess_goal`).

Infinite bounds are kept apart from unbounded sides (`*_none` columns) and the only power in a verdict is
computed by Python's own `**`, so the answers are the per-goal engine's to the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .assess import _UNIT_SCALE, MATCHING_MEASURES, STATUSES, Context
from .load import gc_paused
from .model import APPROX_TOLERANCE, Dataset

BASES = ("direct", "proxy")  # basis codes 1, 2; 0 is none (not comparable)
TIMINGS = ("interim", "final", "late")
AREA_RELATIONS = ("same", "parent", "other")
CONCEPTS = ("same", "related", "different")
VERDICTS = ("meets", "misses", "cannot_tell")  # codes 1, 2, 3; 0 is none
PATH_VERDICTS = ("on_track", "off_track", "cannot_tell")  # codes 1, 2, 3; 0 is none
PATHS = ("compound", "linear", "constant")
_MEASURE_OF = {m: goal_measure for goal_measure, ms in MATCHING_MEASURES.items() for m in ms}
_Q_CODES = {"以上": 1, "超过": 2, "以内": 3, "不到": 4, "低于": 4, "左右": 5, "约": 5, "近": 6}
_C_CODES = {">=": 1, ">": 2, "<=": 3, "<": 4, "≈": 5, "=": 6}


@dataclass(frozen=True)
class BulkAssessment:
    """`goals`: one row per goal, in the dataset's order (id, status, basis, timing, path, deciding_observation,
    evidence, comparable). `evidence`: one row per (goal, figure) in the per-goal engine's order, or None when
    not asked for (goal, observation, area_relation, concept, comparable, basis, timing, lower, upper,
    lower_open, upper_open, verdict, path_verdict, and required: the planned path's value in the figure's year
    for an interim figure judged against a drawn path, else NaN). Absent values are NaN in the frames."""

    goals: pd.DataFrame
    evidence: pd.DataFrame | None


def _cat(codes: np.ndarray, labels: tuple[str, ...], offset: int = 0) -> pd.Categorical:
    """Codes (offset = 1 when 0 means none) as a categorical of labels."""
    return pd.Categorical.from_codes(codes.astype(np.int8) - offset, categories=list(labels))


class _Codes:
    """String ids to small integers, None to -1."""

    def __init__(self) -> None:
        self.index: dict[str | None, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None:
            return -1
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.index)
        return code

    def many(self, values: list) -> np.ndarray:
        index = self.index
        for value in sorted(v for v in set(values).difference(index) if v is not None):
            self(value)
        get = index.get
        return np.array([get(v, -1) for v in values], dtype=np.int64)


def assess_bulk(data: Dataset, evidence: bool = True) -> BulkAssessment:
    """Judge every goal of the dataset at once. `evidence=False` skips building the evidence table."""
    with gc_paused():
        return _assess_bulk(data, evidence)


def _assess_bulk(data: Dataset, evidence: bool) -> BulkAssessment:
    ctx = Context(data)
    goals, obs = data.goals, data.observations
    n_goals, n_obs = len(goals), len(obs)
    areas, inds, units = _Codes(), _Codes(), _Codes()
    for a in ctx.areas:
        areas(a)
    for i in ctx.indicators:
        inds(i)
    measures = {m: k for k, m in enumerate(MATCHING_MEASURES)}

    # ---- observations, as columns
    o_ind = inds.many([o.indicator for o in obs])
    o_area = areas.many([o.area for o in obs])
    o_measure = [o.measure for o in obs]
    o_mclass = np.array([measures[_MEASURE_OF[m]] for m in o_measure], dtype=np.int64)
    o_level = np.array([m == "level" for m in o_measure], dtype=bool)
    o_value = np.array([o.value for o in obs], dtype=np.float64)
    o_q = np.array([_Q_CODES.get(o.qualifier, 0) for o in obs], dtype=np.int8)  # type: ignore[arg-type]
    o_unit = units.many([o.unit for o in obs])
    years = [o.year for o in obs]
    periods = [o.period for o in obs]
    o_first = np.array([y if y is not None else p[0] for y, p in zip(years, periods, strict=True)], dtype=np.int64)
    o_last = np.array([y if y is not None else p[1] for y, p in zip(years, periods, strict=True)], dtype=np.int64)
    o_ids = np.empty(n_obs, dtype=object)
    o_ids[:] = [o.id for o in obs]
    o_rank = np.empty(n_obs, dtype=np.int64)
    o_rank[sorted(range(n_obs), key=o_ids.__getitem__)] = np.arange(n_obs)

    # ---- goals, as columns
    g_area_ids = [ctx.goal_area(g) for g in goals]
    g_area = areas.many(g_area_ids)
    g_ind = inds.many([g.indicator for g in goals])
    g_mclass = np.array([measures[g.measure] for g in goals], dtype=np.int64)
    g_level = np.array([g.measure == "level" for g in goals], dtype=bool)
    g_unit = np.array([units(g.unit) for g in goals], dtype=np.int64)
    g_categorical = np.array([g.is_categorical for g in goals], dtype=bool)
    g_target = np.array([np.nan if g.target is None else g.target for g in goals], dtype=np.float64)
    g_comp = np.array([_C_CODES.get(g.comparator, 0) for g in goals], dtype=np.int8)
    g_year = np.array([g.target_year for g in goals], dtype=np.int64)
    g_has_base = np.array([g.baseline is not None for g in goals], dtype=bool)
    g_base = np.array([g.baseline.value if g.baseline else np.nan for g in goals], dtype=np.float64)
    g_base_year = np.array([g.baseline.year if g.baseline else 0 for g in goals], dtype=np.int64)
    paced = {gid for gid, ps in ctx.paced_by.items() if any(p.measure == "annual_growth_rate" for p in ps)}
    g_path = np.array([2 if g.measure != "level" else 0 if (g.id in paced or _total(ctx, g.indicator)) else 1
                       for g in goals], dtype=np.int8)

    # ---- which figures each goal looks at. Per goal area: itself (same) and its parents (parent); per goal
    # indicator: itself and the indicators related to it; the measures that speak to the goal's measure.
    area_scope = {areas(a): [(areas(a), 0)] + [(areas(p), 1) for p in ctx.ancestors(a)] for a in set(g_area_ids)}
    ind_scope: dict[int, list[int]] = {}
    for g in goals:
        code = inds(g.indicator)
        if code not in ind_scope:
            ind_scope[code] = [code] + [inds(r) for r in ctx.related_indicators.get(g.indicator, [])]
    in_scope = np.zeros(len(areas.index), dtype=bool)
    in_scope[[areas(a) for a in ctx.scope]] = True
    intensive = np.array([(i := ctx.indicators.get(name)) is not None and i.kind == "intensive"
                          for name in inds.index], dtype=bool)
    o_intensive = ~o_level | intensive[o_ind]
    n_areas, n_mc = len(areas.index), len(measures)

    q_goal, q_ind, q_area, q_rel, u_goal, u_ind = [], [], [], [], [], []
    for gi, (a, i) in enumerate(zip(g_area.tolist(), g_ind.tolist(), strict=True)):
        scope = area_scope[a]
        for ind in ind_scope[i]:
            u_goal.append(gi)
            u_ind.append(ind)
            for area, rel in scope:
                q_goal.append(gi)
                q_ind.append(ind)
                q_area.append(area)
                q_rel.append(rel)
    q_goal_a, u_goal_a = np.array(q_goal, dtype=np.int64), np.array(u_goal, dtype=np.int64)
    # figures of areas in scope, on (indicator, area, measure); figures outside scope, on (indicator, measure)
    q_key = (np.array(q_ind, dtype=np.int64) * n_areas + np.array(q_area, dtype=np.int64)) * n_mc + g_mclass[q_goal_a]
    o_scoped = in_scope[o_area]
    o_key = np.where(o_scoped, (o_ind * n_areas + o_area) * n_mc + o_mclass, -1)
    q1, po1 = _join(q_key, o_key)
    u_key = np.array(u_ind, dtype=np.int64) * n_mc + g_mclass[u_goal_a]
    q2, po2 = _join(u_key, np.where(o_scoped, -1, o_ind * n_mc + o_mclass))
    pg = np.concatenate([q_goal_a[q1], u_goal_a[q2]])
    po = np.concatenate([po1, po2])
    area_rel = np.concatenate([np.array(q_rel, dtype=np.int8)[q1], np.full(len(po2), 2, dtype=np.int8)])

    # ---- grading, pair by pair, in columns
    T = g_year[pg]
    first, last = o_first[po], o_last[po]
    timing = np.where(last < T, 0, np.where(first > T, 2, 1)).astype(np.int8)  # interim, final, late
    concept = _concepts(ctx, inds, o_ind[po], g_ind[pg])
    basis = np.where(concept == 0, 1, np.where(concept == 1, 2, 0)).astype(np.int8)
    parent = area_rel == 1
    basis = np.where(parent & o_intensive[po] & (basis > 0), 2, basis)
    basis = np.where(parent & ~o_intensive[po], 0, basis)
    basis = np.where(area_rel == 2, 0, basis)
    factor, convertible = _unit_factors(units, o_unit[po], g_unit[pg])
    basis = np.where(convertible, basis, 0)
    basis = np.where(g_categorical[pg], 0, basis)
    basis = np.where(~g_level[pg] & (last > T), 0, basis).astype(np.int8)
    comparable = basis > 0

    lo, up, lo_open, up_open, lo_none, up_none = _intervals(o_value[po], o_q[po])
    lo, up = lo * factor, up * factor  # factor 1.0 leaves a bound as it was; an unbounded side stays unbounded
    r_lo, r_up, r_lo_open, r_up_open, r_lo_none, r_up_none = _regions(g_comp[pg], g_target[pg])
    iv = (lo, up, lo_open, up_open, lo_none, up_none)
    region = (r_lo, r_up, r_lo_open, r_up_open, r_lo_none, r_up_none)
    meets = _contains(region, iv)
    misses = _disjoint(iv, region)
    verdict = np.where(comparable, np.where(meets, 1, np.where(misses, 2, 3)), 0).astype(np.int8)

    # interim figures against the planned path
    interim = comparable & (timing == 0)
    kind = g_path[pg]
    pathless = (kind == 2) | ~g_has_base[pg]
    base, target = g_base[pg], g_target[pg]
    by = g_base_year[pg]
    span = T - by
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(span > 0, (last - by) / np.where(span > 0, span, 1), 1.0)
        required = base + (target - base) * share
    compound = interim & ~pathless & (kind == 0) & (base > 0) & (target > 0)
    idx = np.flatnonzero(compound)
    if len(idx):
        b, t, s = base[idx].tolist(), target[idx].tolist(), share[idx].tolist()
        required[idx] = [bb * (tt / bb) ** ss for bb, tt, ss in zip(b, t, s, strict=True)]
    rising, falling = target > base, target < base
    moving = rising | falling
    inf = np.full(len(pg), np.inf)
    false = np.zeros(len(pg), dtype=bool)
    on_path = (np.where(rising, required, -inf), np.where(rising, inf, required), false, false, ~rising, rising)
    on_track = meets | (moving & _contains(on_path, iv))
    off_track = ~on_track & ((moving & _disjoint(iv, on_path)) | (~moving & misses))
    pathless_on = meets
    pathless_off = ~meets & (kind == 2) & misses
    pv = np.where(pathless, np.where(pathless_on, 1, np.where(pathless_off, 2, 3)),
                  np.where(on_track, 1, np.where(off_track, 2, 3)))
    path_verdict = np.where(interim, pv, 0).astype(np.int8)
    required = np.where(interim & ~pathless, required, np.nan)

    # ---- ranking: comparable first; direct; at or after the target year; nearest; decided; by id
    distance = np.where(timing == 1, 0, np.minimum(np.abs(first - T), np.abs(last - T)))
    undecided = np.where(timing == 0, path_verdict == 3, verdict == 3)
    ranked = np.lexsort((o_rank[po], undecided, distance, timing == 0, basis != 1, ~comparable, pg))
    pg, po = pg[ranked], po[ranked]
    starts = np.flatnonzero(np.r_[True, pg[1:] != pg[:-1]]) if len(pg) else np.array([], dtype=np.int64)
    first_row = ranked[starts]
    counts = np.bincount(pg, minlength=n_goals)
    n_comparable = np.bincount(pg, weights=comparable[ranked], minlength=n_goals).astype(np.int64)

    status = np.full(n_goals, STATUSES.index("no_comparable_data"), dtype=np.int8)
    g_basis = np.zeros(n_goals, dtype=np.int8)
    g_timing = np.full(n_goals, -1, dtype=np.int8)
    deciding = np.full(n_goals, -1, dtype=np.int64)
    has = comparable[first_row]
    dg, dr = pg[starts][has], first_row[has]
    final_status = np.where(verdict[dr] == 1, 0, np.where(verdict[dr] == 2, 3, 4))  # achieved, missed, indeterminate
    interim_status = np.where(path_verdict[dr] == 1, 1, np.where(path_verdict[dr] == 2, 2, 4))
    status[dg] = np.where(timing[dr] == 0, interim_status, final_status)
    g_basis[dg] = basis[dr]
    g_timing[dg] = timing[dr]
    deciding[dg] = po[starts][has]

    goal_ids = np.empty(n_goals, dtype=object)
    goal_ids[:] = [g.id for g in goals]
    goal_frame = pd.DataFrame({
        "id": pd.Series(goal_ids, dtype=object),
        "status": pd.Categorical.from_codes(status, categories=list(STATUSES)),
        "basis": _cat(g_basis, BASES, 1),
        "timing": pd.Categorical.from_codes(g_timing, categories=list(TIMINGS)),
        "path": _cat(g_path, PATHS),
        "deciding_observation": pd.Series(_take(o_ids, deciding), dtype=object),
        "evidence": counts,
        "comparable": n_comparable,
    })
    if not evidence:
        return BulkAssessment(goal_frame, None)
    r = ranked
    evidence_frame = pd.DataFrame({
        "goal": pd.Series(goal_ids[pg], dtype=object),
        "observation": pd.Series(o_ids[po], dtype=object),
        "area_relation": _cat(area_rel[r], AREA_RELATIONS),
        "concept": _cat(concept[r], CONCEPTS),
        "comparable": comparable[r],
        "basis": _cat(basis[r], BASES, 1),
        "timing": _cat(timing[r], TIMINGS),
        "lower": np.where(lo_none, np.nan, lo)[r],
        "upper": np.where(up_none, np.nan, up)[r],
        "lower_open": lo_open[r],
        "upper_open": up_open[r],
        "verdict": _cat(verdict[r], VERDICTS, 1),
        "path_verdict": _cat(path_verdict[r], PATH_VERDICTS, 1),
        "required": required[r],
    })
    return BulkAssessment(goal_frame, evidence_frame)


def _take(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    """values[index], None where index < 0."""
    out = np.empty(len(index), dtype=object)
    ok = index >= 0
    out[ok] = values[index[ok]]
    return out


def _total(ctx: Context, indicator: str) -> bool:
    ind = ctx.indicators.get(indicator)
    return ind is not None and ind.kind == "total"


def _join(q_key: np.ndarray, o_key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (query, observation) with equal keys (observation keys < 0 match nothing), as (query index,
    observation index) arrays: a sort-merge join."""
    valid = np.flatnonzero(o_key >= 0)
    order = valid[np.argsort(o_key[valid], kind="stable")]
    keys = o_key[order]
    left = np.searchsorted(keys, q_key, side="left")
    right = np.searchsorted(keys, q_key, side="right")
    n = right - left
    total = int(n.sum())
    q = np.repeat(np.arange(len(q_key)), n)
    starts = np.repeat(left - np.cumsum(n) + n, n)
    pos = starts + np.arange(total)
    return q, order[pos]


def _concepts(ctx: Context, inds: _Codes, o_ind: np.ndarray, g_ind: np.ndarray) -> np.ndarray:
    """0 same indicator; 1 related (declared proxy, figure's indicator to goal's); 2 different."""
    out = np.where(o_ind == g_ind, 0, 2).astype(np.int8)
    other = np.flatnonzero(out == 2)
    if len(other):
        a, b = o_ind[other], g_ind[other]
        for (x, y), rel in ctx.relations.items():
            if rel.relation == "proxy":
                out[other[(a == inds(x)) & (b == inds(y))]] = 1
    return out


def _unit_factors(units: _Codes, o_unit: np.ndarray, g_unit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(factor, convertible) from the figure's unit to the goal's, as `assess.convert` decides them."""
    names = {code: name for name, code in units.index.items()}
    n = len(names) + 1
    factor_table = np.ones((n, n))
    ok_table = np.ones((n, n), dtype=bool)
    for a, a_name in names.items():
        for b, b_name in names.items():
            if a == b:
                continue
            x, y = _UNIT_SCALE.get(a_name), _UNIT_SCALE.get(b_name)  # type: ignore[arg-type]
            if x is None or y is None or x[0] != y[0]:
                ok_table[a, b] = False
            else:
                factor_table[a, b] = x[1] / y[1]
    gu = np.where(g_unit < 0, n - 1, g_unit)  # a goal without a unit takes the figure as it is
    return factor_table[o_unit, gu], ok_table[o_unit, gu]


def _intervals(value: np.ndarray, q: np.ndarray):
    """(lower, upper, lower_open, upper_open, lower_none, upper_none) of `Interval.from_qualifier`."""
    tol = np.abs(value) * APPROX_TOLERANCE
    lower = np.select([q == 5, q == 6], [value - tol, value - tol], value)
    upper = np.select([q == 5], [value + tol], value)
    lower_none = (q == 3) | (q == 4)
    upper_none = (q == 1) | (q == 2)
    lower = np.where(lower_none, -np.inf, lower)
    upper = np.where(upper_none, np.inf, upper)
    return lower, upper, q == 2, (q == 4) | (q == 6), lower_none, upper_none


def _regions(comp: np.ndarray, target: np.ndarray):
    """(lower, upper, lower_open, upper_open, lower_none, upper_none) of `intervals.target_region`."""
    tol = np.abs(target) * APPROX_TOLERANCE
    lower = np.where(comp == 5, target - tol, target)
    upper = np.where(comp == 5, target + tol, target)
    lower_none = (comp == 3) | (comp == 4)
    upper_none = (comp == 1) | (comp == 2)
    return (np.where(lower_none, -np.inf, lower), np.where(upper_none, np.inf, upper), comp == 2, comp == 4,
            lower_none, upper_none)


def _contains(outer, inner) -> np.ndarray:
    """`intervals.contains(outer, inner)`, element by element."""
    o_lo, o_up, o_lo_open, o_up_open, o_lo_none, o_up_none = outer
    i_lo, i_up, i_lo_open, i_up_open, i_lo_none, i_up_none = inner
    lower_ok = o_lo_none | (~i_lo_none & ((i_lo > o_lo) | ((i_lo == o_lo) & (i_lo_open | ~o_lo_open))))
    upper_ok = o_up_none | (~i_up_none & ((i_up < o_up) | ((i_up == o_up) & (i_up_open | ~o_up_open))))
    return lower_ok & upper_ok


def _disjoint(a, b) -> np.ndarray:
    """`intervals.disjoint(a, b)`, element by element."""

    def below(x, y):
        x_up, x_up_open, x_up_none = x[1], x[3], x[5]
        y_lo, y_lo_open, y_lo_none = y[0], y[2], y[4]
        return ~x_up_none & ~y_lo_none & ((x_up < y_lo) | ((x_up == y_lo) & (x_up_open | y_lo_open)))

    return below(a, b) | below(b, a)


def statuses(data: Dataset) -> dict[str, str]:
    """goal id → status, for every goal (the bulk path; no evidence table)."""
    frame = assess_bulk(data, evidence=False).goals
    return dict(zip(frame["id"], frame["status"].astype(str), strict=True))

