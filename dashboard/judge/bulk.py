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

from dashboard.judge.assess import _UNIT_SCALE, STATUSES, Context
from dashboard.records.columns import GOAL_MEASURES, MEASURE_CLASS, Columns, columns_of
from dashboard.records.model import APPROX_TOLERANCE, Dataset
from dashboard.records.util import gc_paused

BASES = ("direct", "proxy")  # basis codes 1, 2; 0 is none (not comparable)
TIMINGS = ("interim", "final", "late")
AREA_RELATIONS = ("same", "parent", "other")
CONCEPTS = ("same", "related", "different")
VERDICTS = ("meets", "misses", "cannot_tell")  # codes 1, 2, 3; 0 is none
PATH_VERDICTS = ("on_track", "off_track", "cannot_tell")  # codes 1, 2, 3; 0 is none
PATHS = ("compound", "linear", "constant")


@dataclass(frozen=True)
class BulkAssessment:
    """`goals`: one row per goal, in the dataset's order (id, status, basis, timing, path, deciding_observation,
    evidence, comparable). `evidence`: one row per (goal, figure) in the per-goal engine's order, or None when
    not asked for (goal, observation, area_relation, concept, comparable, basis, timing, lower, upper,
    lower_open, upper_open, verdict, path_verdict, and required: the planned path's value in the figure's year
    for an interim figure judged against a drawn path, else NaN). Absent values are NaN in the frames."""

    goals: pd.DataFrame
    evidence: pd.DataFrame | None


_DTYPES: dict[tuple[str, ...], pd.CategoricalDtype] = {}


def _cat(codes: np.ndarray, labels: tuple[str, ...], offset: int = 0) -> pd.Categorical:
    """Codes (offset = 1 when 0 means none) as a categorical of labels. The codes are the engine's own, in range."""
    dtype = _DTYPES.get(labels)
    if dtype is None:
        dtype = _DTYPES[labels] = pd.CategoricalDtype(list(labels))
    return pd.Categorical.from_codes(codes.astype(np.int8) - offset, dtype=dtype, validate=False)


def assess_bulk(data: Dataset, evidence: bool = True) -> BulkAssessment:
    """Judge every goal of the dataset at once. `evidence=False` skips building the evidence table."""
    with gc_paused():
        return _assess_bulk(data, columns_of(data), evidence)


def _assess_bulk(data: Dataset, cols: Columns, evidence: bool) -> BulkAssessment:
    ctx = Context(data)
    n_goals = len(cols.goal_id)
    area_code = {a: k for k, a in enumerate(cols.areas)}
    ind_code = {i: k for k, i in enumerate(cols.indicators)}
    unit_names = cols.units

    o_ind, o_area, o_unit = cols.obs_indicator, cols.obs_area, cols.obs_unit
    o_mclass = MEASURE_CLASS[cols.obs_measure]
    o_first, o_last = cols.obs_first, cols.obs_last
    g_area, g_ind, g_unit = cols.goal_area, cols.goal_indicator, cols.goal_unit
    g_mclass = cols.goal_measure.astype(np.int64)
    g_level = cols.goal_measure == 0
    g_categorical = cols.goal_comparator == 0
    g_target, g_year, g_base, g_base_year = cols.goal_target, cols.goal_year, cols.goal_base, cols.goal_base_year

    # path of each goal: constant for a rate of change; compound for totals and levels paced by a growth rate
    kinds = np.array([(i := ctx.indicators.get(name)) is not None and i.kind == "total" for name in cols.indicators],
                     dtype=bool)
    intensive = np.array([(i := ctx.indicators.get(name)) is not None and i.kind == "intensive"
                          for name in cols.indicators], dtype=bool)
    paced_ids = {gid for gid, ps in ctx.paced_by.items() if any(p.measure == "annual_growth_rate" for p in ps)}
    paced = np.fromiter((gid in paced_ids for gid in cols.goal_id), dtype=bool, count=n_goals)
    g_path = np.where(~g_level, 2, np.where(paced | kinds[g_ind], 0, 1)).astype(np.int8)

    # ---- which figures each goal looks at. Per goal area: itself (same) and its parents (parent); per goal
    # indicator: itself and the indicators related to it; the measures that speak to the goal's measure.
    area_lists = {a: [(a, 0)] + [(area_code[p], 1) for p in ctx.ancestors(cols.areas[a])]
                  for a in np.unique(g_area).tolist()}
    ind_lists = {i: [i] + [ind_code[r] for r in ctx.related_indicators.get(cols.indicators[i], []) if r in ind_code]
                 for i in np.unique(g_ind).tolist()}
    a_start, a_len, a_flat, a_rel = _csr(area_lists, len(cols.areas), pairs=True)
    i_start, i_len, i_flat, _ = _csr(ind_lists, len(cols.indicators))
    n_a, n_i = a_len[g_area], i_len[g_ind]
    # (goal, indicator, area) queries: n_i × n_a per goal, indicator-major as the per-goal engine lists them
    per_goal = n_a * n_i
    q_goal = np.repeat(np.arange(n_goals), per_goal)
    k = np.arange(len(q_goal)) - np.repeat(np.cumsum(per_goal) - per_goal, per_goal)
    q_na = n_a[q_goal]
    q_ind = i_flat[i_start[g_ind[q_goal]] + k // q_na]
    q_slot = a_start[g_area[q_goal]] + k % q_na
    q_area, q_rel = a_flat[q_slot], a_rel[q_slot]
    # (goal, indicator) queries for figures outside scope
    u_goal = np.repeat(np.arange(n_goals), n_i)
    u_ind = i_flat[i_start[g_ind[u_goal]] + np.arange(len(u_goal)) - np.repeat(np.cumsum(n_i) - n_i, n_i)]

    n_areas, n_mc = max(len(cols.areas), 1), len(GOAL_MEASURES)
    in_scope = np.zeros(n_areas, dtype=bool)  # areas goals speak for and the areas above them (Context.scope)
    for a, items in area_lists.items():
        in_scope[[a] + [code for code, _ in items]] = True
    o_scoped = in_scope[o_area]
    q_key = (q_ind * n_areas + q_area) * n_mc + g_mclass[q_goal]
    n1, po1 = _join(q_key, np.where(o_scoped, (o_ind * n_areas + o_area) * n_mc + o_mclass, -1))
    u_key = u_ind * n_mc + g_mclass[u_goal]
    n2, po2 = _join(u_key, np.where(o_scoped, -1, o_ind * n_mc + o_mclass))
    # pairs: first those of areas in scope, in goal order; then those outside scope (never comparable)
    pg = np.concatenate([np.repeat(q_goal, n1), np.repeat(u_goal, n2)])
    po = np.concatenate([po1, po2])

    # ---- grading, pair by pair, in columns (rules in the order `assess.grade` applies them). What depends on
    # the goal and the figure's indicator and area alone is decided per query, then repeated over its pairs.
    q_concept = _concepts(ctx, ind_code, q_ind, g_ind[q_goal])
    u_concept = _concepts(ctx, ind_code, u_ind, g_ind[u_goal])
    # a level goal's figures are levels (the measure is part of the join key): intensive unless a total's level
    q_intensive = ~g_level[q_goal] | intensive[q_ind]
    q_ok = (q_concept != 2) & ~((q_rel == 1) & ~q_intensive) & ~g_categorical[q_goal]  # area: same or parent
    q_basis = np.where((q_concept == 1) | (q_rel == 1), 2, 1).astype(np.int8)
    area_rel = np.concatenate([np.repeat(q_rel, n1), np.full(len(po2), 2, dtype=np.int8)])
    concept = np.concatenate([np.repeat(q_concept, n1), np.repeat(u_concept, n2)])
    T = g_year[pg]
    first, last = o_first[po], o_last[po]
    timing = (last >= T).astype(np.int8) + (first > T)  # 0 interim, 1 final, 2 late
    factor_of, convertible_of = _unit_tables(unit_names)
    g_unit_key = np.where(g_unit < 0, len(unit_names), g_unit)
    unit_pair = o_unit[po] * (len(unit_names) + 1) + g_unit_key[pg]
    comparable = (np.concatenate([np.repeat(q_ok, n1), np.zeros(len(po2), dtype=bool)])
                  & convertible_of[unit_pair] & (g_level[pg] | (last <= T)))
    basis = np.where(comparable, np.concatenate([np.repeat(q_basis, n1), np.zeros(len(po2), dtype=np.int8)]),
                     0).astype(np.int8)

    # Which pairs to grade further: every pair for the evidence table. For the statuses alone, only each goal's
    # finalists: its comparable pairs that rank first on basis, timing and distance (the ranking's leading keys,
    # which need no verdict); the rest of the ranking (decided, id) is settled among them.
    if evidence:
        graded = np.arange(len(pg))
    else:
        c = np.flatnonzero(comparable)
        t_c, T_c = timing[c], T[c]
        lead = _pack([basis[c] != 1, t_c == 0,
                      np.where(t_c == 1, 0, np.minimum(np.abs(first[c] - T_c), np.abs(last[c] - T_c)))])
        graded = c[_ties_for_first(pg[c], lead)] if lead is not None else c
    gp, op = pg[graded], po[graded]
    iv = _intervals(cols.obs_value[op], cols.obs_qualifier[op], factor_of[unit_pair[graded]])
    region = tuple(x[gp] for x in _regions(cols.goal_comparator, g_target))  # per goal, then per pair
    meets, misses = _contains(region, iv), _disjoint(iv, region)
    verdict = np.zeros(len(pg), dtype=np.int8)
    verdict[graded] = np.where(meets, 1, 3 - misses)  # meets 1, misses 2, cannot tell 3 (never both)
    if evidence:
        verdict[~comparable] = 0

    # interim comparable figures against the planned path (`assess._interim`)
    # A figure already in the target region is on track; one without a path to draw (a pace, or no baseline)
    # is off track when it misses a pace; the others are judged against the path's value in their year.
    path_verdict = np.zeros(len(pg), dtype=np.int8)
    required = np.full(len(pg), np.nan) if evidence else None
    interim = comparable[graded] & (timing[graded] == 0)
    i_goal = gp[interim]
    pathless = (g_path[i_goal] == 2) | np.isnan(g_base[i_goal])
    path_verdict[graded[interim]] = np.where(meets[interim], 1, np.where(
        pathless & (g_path[i_goal] == 2) & misses[interim], 2, 3))
    drawn = np.flatnonzero(interim)[~pathless & (True if evidence else ~meets[interim])]
    if len(drawn):
        rows = graded[drawn]
        req, verdicts = _against_path(gp[drawn], T[rows], last[rows], g_path, g_base, g_target, g_base_year,
                                      tuple(x[drawn] for x in iv), meets[drawn], misses[drawn])
        path_verdict[rows] = verdicts
        if required is not None:
            required[rows] = req

    # ---- ranking: comparable first; direct; at or after the target year; nearest; decided; by id
    counts = np.bincount(pg, minlength=n_goals)
    if evidence:
        distance = np.where(timing == 1, 0, np.minimum(np.abs(first - T), np.abs(last - T)))
        undecided = np.where(timing == 0, path_verdict == 3, verdict == 3)
        ranked = _rank_order(pg, ~comparable, basis != 1, timing == 0, distance, undecided, cols.obs_rank[po])
        n_comparable = np.bincount(pg[comparable], minlength=n_goals)
        rpg = pg[ranked]
        first_row = ranked[np.flatnonzero(np.diff(rpg, prepend=-1))] if len(rpg) else ranked
        dr = first_row[comparable[first_row]]
    else:  # the deciding (best-ranked comparable) pair of each goal, among its finalists
        f = graded  # grouped by goal, in goal order (scoped pairs come in goal order)
        t_f, T_f = timing[f], T[f]
        distance = np.where(t_f == 1, 0, np.minimum(np.abs(first[f] - T_f), np.abs(last[f] - T_f)))
        undecided = np.where(t_f == 0, path_verdict[f] == 3, verdict[f] == 3)
        n_comparable = np.bincount(pg[comparable], minlength=n_goals)
        dr = f[_first_in_groups(gp, basis[f] != 1, t_f == 0, distance, undecided, cols.obs_rank[po[f]])]

    status = np.full(n_goals, STATUSES.index("no_comparable_data"), dtype=np.int8)
    g_basis = np.zeros(n_goals, dtype=np.int8)
    g_timing = np.full(n_goals, -1, dtype=np.int8)
    deciding = np.full(n_goals, -1, dtype=np.int64)
    dg = pg[dr]
    final_status = np.where(verdict[dr] == 1, 0, np.where(verdict[dr] == 2, 3, 4))  # achieved, missed, indeterminate
    interim_status = np.where(path_verdict[dr] == 1, 1, np.where(path_verdict[dr] == 2, 2, 4))
    status[dg] = np.where(timing[dr] == 0, interim_status, final_status)
    g_basis[dg] = basis[dr]
    g_timing[dg] = timing[dr]
    deciding[dg] = po[dr]

    goal_ids, o_ids = cols.goal_id, cols.obs_id
    goal_frame = pd.DataFrame({
        "id": pd.Series(goal_ids, dtype=object),
        "status": pd.Categorical.from_codes(status, categories=list(STATUSES)),
        "basis": _cat(g_basis, BASES, 1),
        "timing": pd.Categorical.from_codes(g_timing, categories=list(TIMINGS)),
        "path": _cat(g_path, PATHS),
        "deciding_observation": pd.Series(_take(o_ids, deciding), dtype=object),
        "evidence": counts,
        "comparable": n_comparable,
    }, copy=False)
    if not evidence:
        return BulkAssessment(goal_frame, None)
    r = ranked
    lo, up, lo_open, up_open, lo_none, up_none = iv
    assert required is not None
    evidence_frame = pd.DataFrame({
        "goal": _ids(goal_ids, pg[r]),
        "observation": pd.Series(o_ids[po[r]], dtype=object),
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
    }, copy=False)
    return BulkAssessment(goal_frame, evidence_frame)


def _against_path(goal, T, year, g_path, g_base, g_target, g_base_year, iv, meets, misses):
    """`assess._interim` for interim comparable figures of goals with a path drawn from baseline to target:
    (the path's value in the figure's year, path verdict code)."""
    kind, base, target, base_year = g_path[goal], g_base[goal], g_target[goal], g_base_year[goal]
    span = T - base_year
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(span > 0, (year - base_year) / np.where(span > 0, span, 1), 1.0)
        required = base + (target - base) * share
    idx = np.flatnonzero((kind == 0) & (base > 0) & (target > 0))
    if len(idx):  # compound: Python's own ** (numpy's power differs in the last bit for some inputs)
        b, t, s = base[idx].tolist(), target[idx].tolist(), share[idx].tolist()
        required[idx] = [bb * (tt / bb) ** ss for bb, tt, ss in zip(b, t, s, strict=True)]
    lo, up, lo_open, up_open, lo_none, up_none = iv
    rising, falling = target > base, target < base
    # rising: the path region is [required, ∞); falling: (−∞, required] (intervals.contains / disjoint)
    on_path = np.where(rising, ~lo_none & (lo >= required), falling & ~up_none & (up <= required))
    off_path = np.where(rising, ~up_none & ((up < required) | ((up == required) & up_open)),
                        falling & ~lo_none & ((required < lo) | ((required == lo) & lo_open)))
    on_track = meets | on_path
    off_track = ~on_track & (off_path | (~rising & ~falling & misses))
    return required, np.where(on_track, 1, np.where(off_track, 2, 3)).astype(np.int8)


def _csr(lists: dict[int, list], size: int, pairs: bool = False):
    """Lists keyed by code as (start, length, flat values[, flat relations]) arrays indexed by code."""
    start = np.zeros(size, dtype=np.int64)
    length = np.zeros(size, dtype=np.int64)
    flat: list[int] = []
    rel: list[int] = []
    for code, items in lists.items():
        start[code], length[code] = len(flat), len(items)
        for item in items:
            if pairs:
                flat.append(item[0])
                rel.append(item[1])
            else:
                flat.append(item)
    return start, length, np.array(flat, dtype=np.int64), np.array(rel, dtype=np.int8)


def _rank_order(group: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """The order sorting by group, then by each key (booleans and non-negative integers), as np.lexsort would:
    one stable sort of the keys packed into one integer when they fit in 63 bits."""
    fields = [group, *keys]
    packed = _pack(fields)
    if packed is None:
        return np.lexsort(tuple(reversed(fields)))
    return np.argsort(packed, kind="stable")


def _ids(ids: np.ndarray, index: np.ndarray):
    """ids[index] as a categorical of the ids when they are unique (as validated records' are), else as objects."""
    categories = pd.Index(ids, dtype=object)
    if categories.is_unique:
        return pd.Categorical.from_codes(index, dtype=pd.CategoricalDtype(categories), validate=False)
    return pd.Series(ids[index], dtype=object)


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
    """Every (query, observation) with equal keys (observation keys < 0 match nothing), as a sort-merge join:
    (matches per query, observation index of each match, the matches of each query together, queries in order)."""
    valid = np.flatnonzero(o_key >= 0)
    order = valid[np.argsort(o_key[valid], kind="stable")]  # stable: figures of one key in the dataset's order
    keys = o_key[order]
    size = int(keys[-1]) + 1 if len(keys) else 1
    if size <= 8 * len(keys) + 1024:  # keys are small integers: count them instead of searching
        counts = np.bincount(keys, minlength=size)
        starts = np.cumsum(counts) - counts
        inside = (q_key >= 0) & (q_key < size)
        safe = np.where(inside, q_key, 0)
        left = starts[safe]
        n = np.where(inside, counts[safe], 0)
    else:
        left = np.searchsorted(keys, q_key, side="left")
        n = np.searchsorted(keys, q_key, side="right") - left
    pos = np.repeat(left - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    return n, order[pos]


def _first_in_groups(group: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Index of the smallest element of each run of equal `group` values (`group` non-decreasing), comparing keys
    in turn (booleans and non-negative integers; the last key unique within a group)."""
    if not len(group):
        return np.array([], dtype=np.int64)
    if np.any(group[1:] < group[:-1]):  # not grouped: sort instead
        order = _rank_order(group, *keys)
        return order[np.flatnonzero(np.diff(group[order], prepend=-1))]
    packed = _pack(keys)
    if packed is None:
        order = _rank_order(group, *keys)
        return order[np.flatnonzero(np.diff(group[order], prepend=-1))]
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    best = np.minimum.reduceat(packed, starts)
    hits = np.flatnonzero(packed == np.repeat(best, np.diff(np.append(starts, len(group)))))
    return hits[np.flatnonzero(np.diff(group[hits], prepend=-1))]


def _ties_for_first(group: np.ndarray, key: np.ndarray) -> np.ndarray:
    """Indices of the elements whose key is the smallest of their group (`group` non-decreasing)."""
    if not len(group):
        return np.array([], dtype=np.int64)
    if np.any(group[1:] < group[:-1]):
        best = pd.Series(key).groupby(group).transform("min").to_numpy()
        return np.flatnonzero(key == best)
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    best = np.minimum.reduceat(key, starts)
    return np.flatnonzero(key == np.repeat(best, np.diff(np.append(starts, len(group)))))


def _pack(keys) -> np.ndarray | None:
    """Keys (booleans and non-negative integers) packed into one int64 that sorts as they do, or None when they
    do not fit."""
    widths = [max(int(k.max()), 0).bit_length() if len(k) else 0 for k in keys]
    if sum(widths) > 63 or any(len(k) and int(k.min()) < 0 for k in keys):
        return None
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for k, w in zip(keys, widths, strict=True):
        packed = (packed << w) | k.astype(np.int64)
    return packed


def _concepts(ctx: Context, ind_code: dict[str, int], o_ind: np.ndarray, g_ind: np.ndarray) -> np.ndarray:
    """0 same indicator; 1 related (declared proxy, figure's indicator to goal's); 2 different."""
    out = np.where(o_ind == g_ind, 0, 2).astype(np.int8)
    other = np.flatnonzero(out == 2)
    if len(other):
        a, b = o_ind[other], g_ind[other]
        for (x, y), rel in ctx.relations.items():
            if rel.relation == "proxy" and x in ind_code and y in ind_code:
                out[other[(a == ind_code[x]) & (b == ind_code[y])]] = 1
    return out


def _unit_tables(units: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(factor, convertible) from a figure's unit to a goal's, as `assess.convert` decides them, indexed by
    figure unit × (units + 1) + goal unit (the last for a goal without a unit, which takes the figure as it is)."""
    n = len(units) + 1
    factor = np.ones((n, n))
    ok = np.ones((n, n), dtype=bool)
    for a, a_name in enumerate(units):
        for b, b_name in enumerate(units):
            if a == b:
                continue
            x, y = _UNIT_SCALE.get(a_name), _UNIT_SCALE.get(b_name)
            if x is None or y is None or x[0] != y[0]:
                ok[a, b] = False
            else:
                factor[a, b] = x[1] / y[1]
    return factor.ravel(), ok.ravel()


def _intervals(value: np.ndarray, q: np.ndarray, factor: np.ndarray):
    """(lower, upper, lower_open, upper_open, lower_none, upper_none) of `Interval.from_qualifier`, then
    `assess.convert` by `factor` (1.0 where the unit is the goal's or cannot be converted)."""
    tol = np.abs(value) * APPROX_TOLERANCE
    lower = value - tol * ((q == 5) | (q == 6))  # x - 0.0 is x
    upper = value + tol * (q == 5)
    lower_none = (q == 3) | (q == 4)
    upper_none = (q == 1) | (q == 2)
    lower = np.where(lower_none, -np.inf, lower) * factor  # x * 1.0 is x; an unbounded side stays unbounded
    upper = np.where(upper_none, np.inf, upper) * factor
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

