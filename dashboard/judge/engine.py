"""The judge: every goal against every figure that bears on it, at once, in numpy columns. Codes out.

`judge(data)` gives one row per goal (status, basis, timing, path, deciding figure, counts) and, when asked,
one row per (goal, figure) pair with every code and number the rules produce: how the figure stands to the
goal's area and concept, what it may speak to (its level, its pace, nothing), how it is read, why it was set
aside, its timing and role, its interval in the goal's unit, its verdicts, and the progress figures. The rules
are `rules.py`'s, applied in the order README "How goals are judged" gives them; a goal's account
(`account.py`) is built from these rows, and `tests/oracle.py` checks them pair by pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.judge import arrays
from dashboard.judge import rules as R
from dashboard.records.columns import Columns, columns_of
from dashboard.records.model import Dataset, IndicatorRelation, StandIn, convert_factor
from dashboard.records.util import gc_paused


@dataclass(frozen=True)
class Judgement:
    """`goals`: one row per goal judged, in the dataset's order. `pairs`: one row per (goal, figure) pair, goals in
    order and each goal's figures ranked (deciding first, then comparable, context, set aside), or None when not
    asked for. Codes index the tuples of `rules.py`; absent numbers are NaN."""

    goals: pd.DataFrame
    pairs: pd.DataFrame | None


class Lookups:
    """What the rules read besides the columns, built once per dataset: areas' ancestors, indicators' kind,
    direction, relations and stand-in declarations, and which goals are paced by a growth rate."""

    def __init__(self, data: Dataset, cols: Columns):
        self.data = data
        plan = data.plan
        self.config = plan.assessment if plan is not None else None
        self.base_year = plan.base_year if plan is not None else 0
        self.plan_end = plan.period[1] if plan is not None else 10**6  # the last year of the plan's own period
        # each goal's own plan's base year and last year (plans other than the first start and end elsewhere)
        starts = {p.id: p.base_year for p in data.plans}
        ends = {p.id: p.period[1] for p in data.plans}
        self.base_years = np.fromiter((starts.get(g.plan, self.base_year) for g in data.goals), dtype=np.int64,
                                      count=len(data.goals))
        self.plan_ends = np.fromiter((ends.get(g.plan, self.plan_end) for g in data.goals), dtype=np.int64,
                                     count=len(data.goals))
        areas = {a.id: a for a in data.areas}
        self.area_code = {a: k for k, a in enumerate(cols.areas)}
        self.ind_code = {i: k for k, i in enumerate(cols.indicators)}
        n_ind = len(cols.indicators)
        indicators = {i.id: i for i in data.indicators}
        self.total = np.array([(i := indicators.get(n)) is not None and i.kind == "total" for n in cols.indicators],
                              dtype=bool)
        self.direction = np.array([R.DIRECTIONS.get((i.direction or "") if (i := indicators.get(n)) else "", 0)
                                   for n in cols.indicators], dtype=np.int8)
        self.ancestors: dict[int, list[int]] = {}
        for name, code in self.area_code.items():
            chain, seen, current = [], {name}, areas.get(name)
            while current is not None and current.parent and current.parent not in seen:
                chain.append(self.area_code[current.parent]) if current.parent in self.area_code else None
                seen.add(current.parent)
                current = areas.get(current.parent)
            self.ancestors[code] = chain
        # relations, both ways (declared once, on the later documents' side): (figure's, goal's) → concept code
        self.relation: dict[tuple[int, int], tuple[int, IndicatorRelation]] = {}
        for ind in data.indicators:
            for rel in ind.relations:
                if ind.id in self.ind_code and rel.to in self.ind_code:
                    concept = {"proxy": 1, "pace": 2, "different": 3}[rel.relation]
                    a, b = self.ind_code[ind.id], self.ind_code[rel.to]
                    self.relation[(a, b)] = self.relation[(b, a)] = (concept, rel)
        self.related: dict[int, list[int]] = {}
        for a, b in self.relation:
            self.related.setdefault(b, []).append(a)
        # stand-in declarations: (goal's indicator, larger area) → use code and the declaration
        # (a declaration by level stands for every area of that level; one naming the area comes first)
        self.stand_in: dict[tuple[int, int], tuple[int, StandIn]] = {}
        by_level: dict[tuple[int, str], tuple[int, StandIn]] = {}
        for ind in data.indicators:
            for decl in ind.stand_in:
                if ind.id not in self.ind_code:
                    continue
                use = {"none": R.USE_NONE, "pace": R.USE_PACE, "level": R.USE_LEVEL}[decl.use]
                if decl.area is not None and decl.area in self.area_code:
                    self.stand_in[(self.ind_code[ind.id], self.area_code[decl.area])] = (use, decl)
                elif decl.level is not None:
                    by_level[(self.ind_code[ind.id], decl.level)] = (use, decl)
        for (ind_code, level), found in by_level.items():
            for name, code in self.area_code.items():
                area = areas.get(name)
                if area is not None and area.level == level:
                    self.stand_in.setdefault((ind_code, code), found)
        paced = {g.paces for g in data.goals if g.paces and g.measure == "annual_growth_rate"}
        self.paced = np.fromiter((gid in paced for gid in cols.goal_id), dtype=bool, count=len(cols.goal_id))
        self.n_ind = n_ind


def judge(data: Dataset, goals: np.ndarray | None = None, pairs: bool = True) -> Judgement:
    """Judge the dataset's goals (all, or those at the indices `goals`). `pairs=False` gives the goal rows only,
    grading just each goal's finalists (the fast path for lists and counts)."""
    with gc_paused():
        cols = columns_of(data)
        return _judge(data, cols, Lookups(data, cols), goals, pairs)


def _judge(data: Dataset, cols: Columns, L: Lookups, which: np.ndarray | None, want_pairs: bool) -> Judgement:
    cfg = L.config
    tolerance = cfg.approx_tolerance if cfg is not None else 0.05
    gidx = np.arange(len(cols.goal_id)) if which is None else np.asarray(which, dtype=np.int64)
    n_goals = len(gidx)

    # ---- per goal ----------------------------------------------------------------------------------------------
    g_area, g_ind, g_measure = cols.goal_area[gidx], cols.goal_indicator[gidx], cols.goal_measure[gidx].astype(np.int64)
    g_unit, g_comp, g_target = cols.goal_unit[gidx], cols.goal_comparator[gidx], cols.goal_target[gidx]
    g_T, g_base, g_base_year = cols.goal_year[gidx], cols.goal_base[gidx], cols.goal_base_year[gidx]
    g_has_base = ~np.isnan(g_base)
    g_S = np.where(g_has_base, g_base_year, L.base_years[gidx])  # the start of the goal's period
    g_categorical = g_comp == 0
    g_dir = L.direction[g_ind]
    region = R.target_region(g_comp, g_target, g_dir, tolerance)
    base_point = (g_base, g_base, np.zeros(n_goals, bool), np.zeros(n_goals, bool))
    base_inside = g_has_base & R.contains(region, base_point)
    level = g_measure == 0
    hold = level & ~g_categorical & (cols.goal_hold[gidx] | base_inside)
    g_path = np.select(
        [g_categorical, ~level & ((g_measure == 1) | (g_measure == 2)), ~level, hold, ~g_has_base,
         L.paced[gidx] | L.total[g_ind]],
        [R.NONE, R.PACE, R.RATIO, R.HOLD, R.NONE, R.COMPOUND], R.LINEAR).astype(np.int8)
    # ratio paths run from 1× (or 0%) in the start year to the target on the ratio scale
    g_rbase = np.where(g_path == R.RATIO, 1.0, g_base)
    g_rtarget = np.where(g_path == R.RATIO, R.ratio_scale(g_measure, g_target), g_target)

    # ---- which figures each goal looks at ------------------------------------------------------------------
    # its area (same) and the areas above it (parent); its indicator and the indicators related to it; areas
    # outside scope (unrelated: listed, never evidence). Every measure: one that does not speak is set aside.
    area_lists = {a: [(a, 0)] + [(p, 1) for p in L.ancestors.get(a, [])] for a in np.unique(g_area).tolist()}
    ind_lists = {i: [i] + sorted(L.related.get(i, [])) for i in np.unique(g_ind).tolist()}
    a_start, a_len, a_flat, a_rel = arrays.csr(area_lists, len(cols.areas), pairs=True)
    i_start, i_len, i_flat, _ = arrays.csr(ind_lists, max(L.n_ind, 1))
    n_a, n_i = a_len[g_area], i_len[g_ind]
    per_goal = n_a * n_i
    q_goal = np.repeat(np.arange(n_goals), per_goal)
    k = np.arange(len(q_goal)) - np.repeat(np.cumsum(per_goal) - per_goal, per_goal)
    q_na = n_a[q_goal]
    q_ind = i_flat[i_start[g_ind[q_goal]] + k // q_na]
    q_slot = a_start[g_area[q_goal]] + k % q_na
    q_area, q_rel = a_flat[q_slot], a_rel[q_slot]
    u_goal = np.repeat(np.arange(n_goals), n_i)
    u_ind = i_flat[i_start[g_ind[u_goal]] + np.arange(len(u_goal)) - np.repeat(np.cumsum(n_i) - n_i, n_i)]
    n_areas = max(len(cols.areas), 1)
    in_scope = np.zeros(n_areas, dtype=bool)  # the areas all goals speak for and the areas above them
    all_areas = np.unique(cols.goal_area).tolist()
    for a in all_areas:
        in_scope[[a] + L.ancestors.get(a, [])] = True
    o_ind, o_area = cols.obs_indicator, cols.obs_area
    o_scoped = in_scope[o_area]
    n1, po1 = arrays.join(q_ind * n_areas + q_area, np.where(o_scoped, o_ind * n_areas + o_area, -1))
    n2, po2 = arrays.join(u_ind, np.where(o_scoped, -1, o_ind))
    pg = np.concatenate([np.repeat(q_goal, n1), np.repeat(u_goal, n2)])
    po = np.concatenate([po1, po2])
    n_pairs = len(pg)

    # ---- what depends on the goal and the figure's indicator and area: per query, then per pair ------------
    q_concept, q_rel_obj = _concepts(L, q_ind, g_ind[q_goal])
    u_concept, _ = _concepts(L, u_ind, g_ind[u_goal])
    q_area_use = np.where(q_rel == 0, R.USE_LEVEL, R.USE_NONE).astype(np.int8)
    q_declared = np.zeros(len(q_goal), dtype=bool)
    if L.stand_in:  # (goal's indicator, larger area) → the declared use, looked up for the parent queries
        keys = np.array([i * n_areas + a for i, a in L.stand_in], dtype=np.int64)
        uses = np.array([u for u, _ in L.stand_in.values()], dtype=np.int8)
        order = np.argsort(keys)
        keys, uses = keys[order], uses[order]
        parent_q = np.flatnonzero(q_rel == 1)
        wanted = g_ind[q_goal[parent_q]] * n_areas + q_area[parent_q]
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        hit = keys[at] == wanted
        q_area_use[parent_q[hit]] = uses[at[hit]]
        q_declared[parent_q[hit]] = True
    area_rel = np.concatenate([np.repeat(q_rel, n1), np.full(len(po2), 2, dtype=np.int8)]).astype(np.int8)
    concept = np.concatenate([np.repeat(q_concept, n1), np.repeat(u_concept, n2)]).astype(np.int8)
    area_use = np.concatenate([np.repeat(q_area_use, n1), np.zeros(len(po2), np.int8)])
    concept_use = np.where(concept <= 1, R.USE_LEVEL, np.where(concept == 2, R.USE_PACE, R.USE_NONE)).astype(np.int8)
    use = np.minimum(area_use, concept_use).astype(np.int8)
    declared = np.concatenate([np.repeat(q_declared, n1), np.zeros(len(po2), bool)])
    all_pg = pg
    if not want_pairs:
        # For the goal rows only, pairs set aside by what their query alone decides (an unrelated area, a different
        # concept, a larger area that may not stand in) are counted, not graded.
        q_dead = (q_concept == 3) | ((q_rel == 1) & (q_area_use == R.USE_NONE))  # (a categorical goal may be
        # settled by a declared statement)
        sel = np.flatnonzero(np.concatenate([np.repeat(~q_dead, n1), np.zeros(len(po2), bool)]))
        pg, po, area_rel, concept = pg[sel], po[sel], area_rel[sel], concept[sel]
        area_use, concept_use, use, declared = area_use[sel], concept_use[sel], use[sel], declared[sel]
        n_pairs = len(pg)

    # ---- per pair ------------------------------------------------------------------------------------------
    o_measure = cols.obs_measure[po].astype(np.int64)
    gm = g_measure[pg]
    reading = R.READING[gm, o_measure]
    first, last = cols.obs_first[po], cols.obs_last[po]
    T, S = g_T[pg], g_S[pg]
    value = cols.obs_value[po]
    statement = np.isnan(value)
    total = L.total[cols.obs_indicator[po]] | L.total[g_ind[pg]]
    path = g_path[pg]
    factor, unit_ok = _unit_factors(cols, po, g_unit[pg], gm, reading, o_measure)
    g_price, o_price = cols.goal_price[gidx][pg], cols.obs_price[po]
    level_goal = gm == 0
    pace = reading == R.PACE_READING
    # a categorical goal settled by an editor's declaration on the observation (meets: true|false)
    declared_verdict = np.where(g_categorical[pg], cols.obs_meets[po], 0).astype(np.int8)
    by_declaration = declared_verdict > 0
    # A level dated after the target year is later context when its area and concept allow at least its pace:
    # the pace-only rules set aside a level that would be read as one, not a later figure shown for context.
    late_level = ~pace & (first > T)
    exclusion = np.select([
        area_rel == 2,
        concept == 3,
        g_categorical[pg] & ~by_declaration,
        statement & ~by_declaration,
        reading < 0,
        (area_rel == 1) & ~pace & total,
        (area_rel == 1) & (area_use == R.USE_NONE),
        ~pace & ~late_level & (concept_use == R.USE_PACE),
        ~pace & ~late_level & (area_use == R.USE_PACE),
        ~unit_ok & ~by_declaration,
        ~pace & (g_price > 0) & (o_price > 0) & (g_price != o_price),
        pace & level_goal & (path != R.COMPOUND) & (path != R.LINEAR),
        pace & ((last > T) | (first <= S)),
        pace & level_goal & (last >= T),
    ], list(range(1, 15)), 0).astype(np.int8)
    basis = np.where((area_rel == 0) & (concept == 0), 1, 2).astype(np.int8)  # 1 direct, 2 proxy
    # timing by the figure's years alone: before the target year, containing it, or after it
    timing = ((last >= T).astype(np.int8) + (first > T)).astype(np.int8)
    # settled: judged against the target itself (a level in or after the target year; a pace over the goal's
    # whole period); otherwise against the planned path, the bound or the pace asked
    settled = np.where(pace, ~level_goal & (first <= S + 1) & (last == T), timing != R.INTERIM)
    context = (exclusion == 0) & ~pace & (basis == 2) & (timing == R.LATE)
    comparable = (exclusion == 0) & ~context
    # what a proxy pace may not say on its own: a level goal's level; a longer average than the plan's period
    open_pace = comparable & pace & ~settled & (basis == 2)
    limit = np.select([open_pace & level_goal, open_pace & ~level_goal & (T > L.plan_ends[gidx][pg])],
                      [R.LEVEL_UNKNOWN, R.BEYOND_PLAN], R.NO_LIMIT).astype(np.int8)
    price_caveat = comparable & pace & (g_price != o_price)
    concept_caveat = comparable & pace & (concept != 0)
    pace_caveat = (price_caveat.astype(np.int8) + 2 * concept_caveat).astype(np.int8)

    # Which pairs to grade: all for the pairs table; for the goal rows only, each goal's finalists (its comparable
    # pairs that rank first on the ranking's leading keys, which need no verdict).
    distance = np.where(timing == R.FINAL, 0, np.minimum(np.abs(first - T), np.abs(last - T)))
    span_short = np.where(pace, np.maximum((T - S) - (last - first + 1), 0), 0)
    lead = [basis != 1, ~settled, pace, span_short, distance]
    # one (goal, area, year): a level and a pace reading of it are weighed together (they may disagree)
    n_years = int(max(cols.obs_last.max(initial=0), 1)) + 1
    o_area_p = cols.obs_area[po].astype(np.int64)
    same_key = (pg.astype(np.int64) * n_areas + o_area_p) * n_years + last
    if want_pairs:
        graded = np.flatnonzero(comparable)
    else:
        c = np.flatnonzero(comparable)
        packed = arrays.pack([x[c] for x in lead])
        graded = c[arrays.ties_for_first(pg[c], packed)] if packed is not None else c
        # and the figures of the finalists' own area and year, read the other way
        graded = c[np.isin(same_key[c], same_key[graded])]
    gp, op = pg[graded], po[graded]

    # ---- intervals, verdicts, progress for the graded pairs -------------------------------------------------
    lo, up, lo_open, up_open = R.figure_interval(cols.obs_value[op], cols.obs_qualifier[op], tolerance)
    f = factor[graded]
    lo, up = lo * f, up * f  # ±inf stays ±inf; the factor is positive
    iv = (lo, up, lo_open, up_open)
    pace_g = pace[graded]
    verdict = np.zeros(n_pairs, np.int8)
    path_verdict = np.zeros(n_pairs, np.int8)
    nums = {name: np.full(n_pairs, np.nan) for name in (
        "required", "time_share", "completion", "growth_ratio", "pace_achieved", "pace_asked", "pace_needed")}
    growth_cat = np.zeros(n_pairs, np.int8)
    side = np.zeros(n_pairs, np.int8)  # 1 above, 2 below the region (a figure that misses it)
    beyond = np.zeros(n_pairs, bool)  # a 左右 target met beyond its band (超额完成)
    pace_years = np.zeros(n_pairs, np.int64)

    reg = tuple(x[gp] for x in region)
    v = R.judge(iv, reg)
    declared_g = declared_verdict[graded]
    v = np.where(declared_g > 0, declared_g, v).astype(np.int8)  # the editor's declaration, for a categorical goal
    gpace_goal = ~level_goal[graded] & ~(g_path[gp] == R.RATIO)  # a growth-rate or increase goal
    level_rows = ~pace_g
    # levels (and cumulative changes), and paces of pace goals, against the target region
    direct_region = level_rows | gpace_goal
    verdict[graded[direct_region]] = v[direct_region]
    above = R.below(reg, iv)
    side[graded] = np.where((v == 2) & (declared_g == 0), np.where(above, 1, 2), 0)
    approx = g_comp[gp] == 5
    beyond[graded] = (v == 1) & approx & (((g_dir[gp] == 1) & (lo > g_target[gp] + np.abs(g_target[gp]) * tolerance))
                                          | ((g_dir[gp] == 2) & (up < g_target[gp] - np.abs(g_target[gp]) * tolerance)))

    interim = ~settled[graded]
    # -- levels before the target year, against the planned path (or the bound, for a hold)
    rows = np.flatnonzero(level_rows & interim)
    if len(rows):
        _level_progress(rows, graded, gp, op, iv, v, g_path, g_rbase, g_rtarget, g_measure, g_S, g_T, cols, L,
                        path_verdict, nums, growth_cat)
    # -- paces: of a pace goal against its target; of a level's path against the pace the path asks
    rows = np.flatnonzero(pace_g)
    if len(rows):
        _pace_progress(rows, graded, gp, op, iv, v, g_path, g_base, g_target, g_measure, g_S, g_T, cols, L,
                       path_verdict, nums, growth_cat, pace_years, gpace_goal, settled)

    # -- a level and a pace reading of one area and year that disagree (one on, the other off the path): neither
    # decides
    judged = graded[~settled[graded] & ((path_verdict[graded] == 1) | (path_verdict[graded] == 2))]
    if len(judged):
        keys, inverse = np.unique(same_key[judged], return_inverse=True)
        lvl, on = reading[judged] == R.LEVEL_READING, path_verdict[judged] == 1
        seen = np.zeros((len(keys), 4), bool)  # level on, level off, pace on, pace off
        for col, hit in enumerate((lvl & on, lvl & ~on, ~lvl & on, ~lvl & ~on)):
            seen[inverse[hit], col] = True
        s = seen[inverse]
        clash = np.where(lvl, np.where(on, s[:, 3], s[:, 2]), np.where(on, s[:, 1], s[:, 0]))
        limit[judged[clash & (limit[judged] == R.NO_LIMIT)]] = R.DISAGREE

    # ---- ranking and status -----------------------------------------------------------------------------
    undecided = np.where(settled, verdict == 3, path_verdict == 3) | (limit > 0)
    role = np.full(n_pairs, 3, np.int8)  # set aside
    role[comparable] = 1
    role[context] = 2
    if want_pairs:
        order = arrays.rank_order(pg, role, *lead, undecided, cols.obs_rank[po])
        first_rows = order[np.flatnonzero(np.diff(pg[order], prepend=-1))] if len(order) else order
        deciding_rows = first_rows[comparable[first_rows]]
    else:
        fr = graded
        deciding_rows = fr[arrays.first_in_groups(pg[fr], *[x[fr] for x in lead], undecided[fr],
                                                  cols.obs_rank[po[fr]])] if len(fr) else fr
    role[deciding_rows] = 0

    status = np.full(n_goals, 5, np.int8)
    g_basis = np.zeros(n_goals, np.int8)
    g_timing = np.full(n_goals, -1, np.int8)
    deciding = np.full(n_goals, -1, np.int64)
    dg = pg[deciding_rows]
    status[dg] = np.where(limit[deciding_rows] > 0, 4,
                          np.where(settled[deciding_rows], R.FINAL_STATUS[verdict[deciding_rows]],
                                   R.INTERIM_STATUS[path_verdict[deciding_rows]]))
    g_basis[dg] = basis[deciding_rows]
    ev_first = np.zeros(n_goals, np.int64)
    ev_last = np.zeros(n_goals, np.int64)
    ev_first[dg], ev_last[dg] = first[deciding_rows], last[deciding_rows]
    g_side = np.zeros(n_goals, np.int8)
    g_side[dg] = side[deciding_rows]
    band = (g_comp == 5) & ((g_dir == 0) | (g_dir == 3))  # a neutral projection: an expected band
    g_timing[dg] = timing[deciding_rows]
    deciding[dg] = po[deciding_rows]

    goal_frame = pd.DataFrame({
        "index": gidx,
        "id": pd.Series(cols.goal_id[gidx], dtype=object),
        "status": arrays.cat(status, R.STATUS_CODES),
        "basis": arrays.cat(g_basis, ("direct", "proxy"), 1),
        "timing": pd.Categorical.from_codes(g_timing, categories=list(R.TIMINGS)),
        "path": arrays.cat(g_path, R.PATHS),
        "deciding": deciding,
        "deciding_observation": pd.Series(arrays.take(cols.obs_id, deciding), dtype=object),
        "evidence": np.bincount(all_pg, minlength=n_goals),
        "comparable": np.bincount(pg[comparable], minlength=n_goals),
        "context": np.bincount(pg[context], minlength=n_goals),
        "evidence_first": ev_first,  # the years of the deciding figure (0: none)
        "evidence_last": ev_last,
        "band": band,
        "band_side": pd.Series(np.array([None, "above", "below"], dtype=object)[np.where(band, g_side, 0)],
                               dtype=object),
    }, copy=False)
    if not want_pairs:
        return Judgement(goal_frame, None)

    r = order
    lower = np.full(n_pairs, np.nan)
    upper = np.full(n_pairs, np.nan)
    lower_open = np.zeros(n_pairs, bool)
    upper_open = np.zeros(n_pairs, bool)
    lower[graded], upper[graded], lower_open[graded], upper_open[graded] = lo, up, lo_open, up_open
    # set-aside and context figures: their own interval, in the goal's unit where it converts
    rest = np.flatnonzero(~comparable & ~statement)
    if len(rest):
        rlo, rup, rlo_o, rup_o = R.figure_interval(cols.obs_value[po[rest]], cols.obs_qualifier[po[rest]], tolerance)
        rf = factor[rest]
        lower[rest], upper[rest], lower_open[rest], upper_open[rest] = rlo * rf, rup * rf, rlo_o, rup_o
    pair_frame = pd.DataFrame({
        "goal": gidx[pg[r]],
        "observation": po[r],
        "area_relation": area_rel[r],
        "concept": concept[r],
        "use": use[r],
        "declared": declared[r],
        "reading": np.where(reading < 0, 0, reading)[r].astype(np.int8),
        "exclusion": exclusion[r],
        "role": role[r],
        "comparable": comparable[r],
        "basis": np.where(comparable, basis, 0)[r],
        "proxy": (basis == 2)[r],
        "timing": timing[r],
        "settled": settled[r],
        "limit": limit[r],
        "pace_caveat": pace_caveat[r],
        "declared_verdict": declared_verdict[r],
        "lower": np.where(np.isinf(lower), np.nan, lower)[r],
        "upper": np.where(np.isinf(upper), np.nan, upper)[r],
        "lower_open": lower_open[r],
        "upper_open": upper_open[r],
        "convertible": unit_ok[r],
        "verdict": verdict[r],
        "side": side[r],
        "beyond": beyond[r],
        "path_verdict": path_verdict[r],
        **{name: a[r] for name, a in nums.items()},
        "growth_category": growth_cat[r],
        "pace_years": pace_years[r],
    }, copy=False)
    return Judgement(goal_frame, pair_frame)


def _concepts(L: Lookups, o_ind: np.ndarray, g_ind: np.ndarray) -> tuple[np.ndarray, None]:
    """Concept codes: 0 the goal's own indicator, 1 a related one (declared proxy), 2 pace only, 3 different."""
    out = np.where(o_ind == g_ind, 0, 3).astype(np.int8)
    other = np.flatnonzero(out == 3)
    if len(other):
        a, b = o_ind[other], g_ind[other]
        for (x, y), (code, _rel) in L.relation.items():
            hit = (a == x) & (b == y)
            if hit.any():
                out[other[hit]] = code
    return out, None


def _unit_factors(cols: Columns, po, g_unit, gm, reading, o_measure) -> tuple[np.ndarray, np.ndarray]:
    """(factor, convertible): a level is converted to the goal's unit; a growth rate must be in %; an increase is
    converted to the unit a year of the goal's level (百分点 for a rate in %), or of an increase goal itself."""
    names = cols.units
    o_unit = cols.obs_unit[po]
    factor = np.ones(len(po))
    ok = np.zeros(len(po), dtype=bool)
    n_u = len(names) + 1
    # one small integer per combination (units shifted by one: -1 is none), decided once per distinct combination
    key = (((o_unit + 1) * n_u + (g_unit + 1)) * 5 + gm) * 18 + (reading.astype(np.int64) + 1) * 6 + o_measure
    if not len(key):
        return factor, ok
    present = np.zeros(int(key.max()) + 1, dtype=bool)  # the distinct combinations, without sorting the pairs
    present[key] = True
    uniq = np.flatnonzero(present)
    f_u = np.ones(len(uniq))
    ok_u = np.zeros(len(uniq), dtype=bool)
    for k, code in enumerate(uniq.tolist()):
        rest, om = divmod(code, 6)
        rest, rd = divmod(rest, 3)
        rd -= 1
        rest, m = divmod(rest, 5)
        ou, gu = divmod(rest, n_u)
        ou, gu = ou - 1, gu - 1
        o_name = names[ou] if ou >= 0 else None
        g_name = names[gu] if gu >= 0 else None
        if rd == R.PACE_READING and R.RATE_MEASURES[om]:
            ok_u[k] = o_name == "%"
            continue
        to = g_name
        if rd == R.PACE_READING and m == 0:  # an increase of a level
            to = R.INCREASE_UNIT.get(g_name or "", g_name)
        found = convert_factor(o_name, to)
        ok_u[k] = found is not None and g_name is not None
        f_u[k] = found if found is not None else 1.0
    slot = np.zeros(len(present), dtype=np.int64)
    slot[uniq] = np.arange(len(uniq))
    inverse = slot[key]
    return f_u[inverse], ok_u[inverse]


def _level_progress(rows, graded, gp, op, iv, v, g_path, g_rbase, g_rtarget, g_measure, g_S, g_T, cols, L,
                    path_verdict, nums, growth_cat) -> None:
    """Interim levels: a bound to hold is within or outside it (no path); without a baseline a figure already at
    the target is on track and any other cannot be placed; otherwise against the path's value in its year."""
    at = graded[rows]
    goal = gp[rows]
    kind = g_path[goal]
    meets = v[rows] == 1
    misses = v[rows] == 2
    hold = kind == R.HOLD
    drawn = (kind == R.COMPOUND) | (kind == R.LINEAR) | (kind == R.RATIO)
    verdict = np.where(meets, 1, np.where(hold & misses, 2, 3)).astype(np.int8)
    d = np.flatnonzero(drawn & ~meets)
    year = cols.obs_last[op[rows]]
    S, T = g_S[goal], g_T[goal]
    span = (T - S).astype(float)
    share = np.where(span > 0, (year - S) / np.where(span > 0, span, 1), 1.0)
    base, target = g_rbase[goal], g_rtarget[goal]
    required_r = R.path_value(kind, base, target, share)
    measure = g_measure[goal]
    lo, up = iv[0][rows], iv[1][rows]
    ratio = kind == R.RATIO
    value = R.representative(lo, up)
    value_r = np.where(ratio, R.ratio_scale(measure, value), value)
    if len(d):
        rising, falling = target[d] > base[d], target[d] < base[d]
        req = R.path_value(kind[d], base[d], target[d], share[d])
        lo_r = np.where(ratio[d], R.ratio_scale(measure[d], lo[d]), lo[d])
        up_r = np.where(ratio[d], R.ratio_scale(measure[d], up[d]), up[d])
        lo_open, up_open = iv[2][rows][d], iv[3][rows][d]
        on = np.where(rising, lo_r >= req, falling & (up_r <= req))
        off = np.where(rising, (up_r < req) | ((up_r == req) & up_open),
                       falling & ((lo_r > req) | ((lo_r == req) & lo_open)))
        flat = ~rising & ~falling
        verdict[d] = np.where(on & ~flat, 1, np.where((off & ~flat) | (flat & misses[d]), 2, 3))
    path_verdict[at] = verdict
    shown = drawn
    nums["required"][at] = np.where(shown, np.where(ratio, R.from_ratio_scale(measure, required_r), required_r), np.nan)
    nums["time_share"][at] = np.where(shown, share, np.nan)
    nums["completion"][at] = np.where(shown, R.completion(kind, base, target, value_r), np.nan)
    done = (year - S).astype(float)
    r = np.where(shown, R.growth_ratio(base, target, value_r, done, span), np.nan)
    nums["growth_ratio"][at] = r
    cfg = L.config
    thresholds = (cfg.growth_ratio.on_track, cfg.growth_ratio.needs_acceleration, cfg.growth_ratio.limited) if cfg \
        else (0.95, 0.6, 0.0)
    growth_cat[at] = R.growth_category(r, *thresholds)
    # what it would take: the pace achieved since the baseline, the pace the path asks, the pace still needed
    compound, linear = kind == R.COMPOUND, kind == R.LINEAR
    left = (T - year).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        nums["pace_achieved"][at] = np.where(compound, R.annual_growth(base, value, done) * 100,
                                             np.where(linear, (value - base) / done, np.nan))
        nums["pace_asked"][at] = np.where(compound, R.annual_growth(base, target, span) * 100,
                                          np.where(linear, (target - base) / span, np.nan))
        nums["pace_needed"][at] = np.where(compound, R.annual_growth(value, target, left) * 100,
                                           np.where(linear, (target - value) / left, np.nan))


def _pace_progress(rows, graded, gp, op, iv, v, g_path, g_base, g_target, g_measure, g_S, g_T, cols, L,
                   path_verdict, nums, growth_cat, pace_years, gpace_goal, settled) -> None:
    """Paces. Of a growth-rate or increase goal: against the pace asked (its target). Of a level's path: against
    the pace the path asks over the figure's own years, in the figure's own measure (a growth rate in %, an
    increase in units a year); never as a level. The pace still needed is known only for a figure that runs
    from the start of the period (an average since the baseline)."""
    at = graded[rows]
    goal = gp[rows]
    o_measure = cols.obs_measure[op[rows]].astype(np.int64)
    rate = R.RATE_MEASURES[o_measure]
    a, b = cols.obs_first[op[rows]], cols.obs_last[op[rows]]
    n = (b - a + 1).astype(float)
    S, T = g_S[goal], g_T[goal]
    lo, up, lo_open, up_open = (x[rows] for x in iv)
    achieved = R.representative(lo, up)
    pace_goal = gpace_goal[rows]
    kind = g_path[goal]
    base, target = g_base[goal], g_target[goal]
    span = (T - S).astype(float)

    def path_at(year):
        share = np.where(span > 0, (year - S) / np.where(span > 0, span, 1), 1.0)
        return R.path_value(kind, base, target, share)

    with np.errstate(divide="ignore", invalid="ignore"):
        start_level, end_level = path_at(a - 1), path_at(b)
        asked_path = np.where(rate, (R.power(end_level / start_level, 1 / n) - 1) * 100, (end_level - start_level) / n)
    asked = np.where(pace_goal, target, asked_path)
    rising = np.where(pace_goal, True, target > base)
    on = np.where(rising, lo >= asked, up <= asked)  # at or beyond the pace asked, in the path's direction
    off = np.where(rising, (up < asked) | ((up == asked) & up_open), (lo > asked) | ((lo == asked) & lo_open))
    v_rows = v[rows]
    verdict = np.where(pace_goal, np.where(v_rows == 1, 1, np.where(v_rows == 2, 2, 3)),
                       np.where(on, 1, np.where(off, 2, 3))).astype(np.int8)
    interim = ~settled[at]
    path_verdict[at] = np.where(interim, verdict, 0)
    nums["pace_achieved"][at] = achieved
    nums["pace_asked"][at] = asked
    pace_years[at] = n.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(asked != 0, achieved / asked, np.nan)
    nums["growth_ratio"][at] = r
    cfg = L.config
    thresholds = (cfg.growth_ratio.on_track, cfg.growth_ratio.needs_acceleration, cfg.growth_ratio.limited) if cfg \
        else (0.95, 0.6, 0.0)
    growth_cat[at] = R.growth_category(r, *thresholds)
    # still needed over the years left, when the figure runs from the start of the period
    k = (b - S).astype(float)
    left = (T - b).astype(float)
    known = interim & (a == S + 1) & (left > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        # a pace goal: the average asked over the whole period, given the average achieved so far
        goal_rate = (R.power((1 + target / 100) ** span / R.power(1 + achieved / 100, k), 1 / left) - 1) * 100
        goal_increase = (target * span - achieved * k) / left
        # a level's path: from the level the achieved pace implies, to the target
        implied = np.where(rate, base * R.power(1 + achieved / 100, k), base + achieved * k)
        level_rate = (R.power(target / implied, 1 / left) - 1) * 100
        level_increase = (target - implied) / left
    needed = np.where(pace_goal, np.where(rate, goal_rate, goal_increase), np.where(rate, level_rate, level_increase))
    nums["pace_needed"][at] = np.where(known, needed, np.nan)
