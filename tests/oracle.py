"""The naive oracle: the judge's rules restated one goal and one figure at a time, in plain Python, straight from
README "How goals are judged". It shares no code with `dashboard/judge/` beyond the records; the property tests
hold the vectorised judge equal to it on every pair and every goal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dashboard.records.model import Dataset, Goal, Observation

INF = math.inf
AREA_LEVEL: dict = {}  # area id → area, for the level of a stand-in declaration
RATES = {"yoy_growth", "annual_growth_rate"}  # in % a year
SCALE = {"亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0), "万人": ("人", 1e4), "人": ("人", 1.0),
         "万亩": ("亩", 1e4), "亩": ("亩", 1.0), "万平方米": ("平方米", 1e4), "平方米": ("平方米", 1.0),
         "万户": ("户", 1e4), "户": ("户", 1.0), "万头(只)": ("头", 1e4), "头": ("头", 1.0), "只": ("头", 1.0)}


@dataclass
class Iv:
    lo: float
    up: float
    lo_open: bool = False
    up_open: bool = False


def inside(outer: Iv, inner: Iv) -> bool:
    lo_ok = inner.lo > outer.lo or (inner.lo == outer.lo and (inner.lo_open or not outer.lo_open))
    up_ok = inner.up < outer.up or (inner.up == outer.up and (inner.up_open or not outer.up_open))
    return lo_ok and up_ok


def entirely_below(a: Iv, b: Iv) -> bool:
    return a.up < b.lo or (a.up == b.lo and (a.up_open or b.lo_open) and math.isfinite(a.up))


def verdict_of(x: Iv, region: Iv) -> str:
    if inside(region, x):
        return "meets"
    if entirely_below(x, region) or entirely_below(region, x):
        return "misses"
    return "cannot_tell"


def figure(value: float, qualifier: str | None, tol: float) -> Iv:
    t = abs(value) * tol
    if qualifier == "以上":
        return Iv(value, INF)
    if qualifier == "超过":
        return Iv(value, INF, lo_open=True)
    if qualifier in ("以内", "以下", "不超过"):
        return Iv(-INF, value)
    if qualifier in ("不到", "低于"):
        return Iv(-INF, value, up_open=True)
    if qualifier in ("左右", "约"):
        return Iv(value - t, value + t)
    if qualifier == "近":
        return Iv(value - t, value, up_open=True)
    return Iv(value, value)


def region_of(goal: Goal, direction: str | None, tol: float) -> Iv:
    t, c = goal.target, goal.comparator
    assert t is not None
    band = abs(t) * tol
    if c == ">=":
        return Iv(t, INF)
    if c == ">":
        return Iv(t, INF, lo_open=True)
    if c == "<=":
        return Iv(-INF, t)
    if c == "<":
        return Iv(-INF, t, up_open=True)
    if c == "≈":
        if direction == "higher":
            return Iv(t - band, INF)
        if direction == "lower":
            return Iv(-INF, t + band)
        return Iv(t - band, t + band)
    return Iv(t, t)


def factor(unit: str | None, to: str | None) -> float | None:
    if unit == to:
        return 1.0
    a, b = SCALE.get(unit or ""), SCALE.get(to or "")
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


def pw(x: float, y: float) -> float:
    return x ** y if x > 0 and math.isfinite(x) and math.isfinite(y) else math.nan


def path_at(kind: str, base: float, target: float, share: float) -> float:
    if kind in ("compound", "ratio") and base > 0 and target > 0:
        return base * pw(target / base, share)
    return base + (target - base) * share


@dataclass
class Pair:
    obs: str
    role: str  # deciding, evidence, context, set_aside
    exclusion: str  # "" when it counts (or is context)
    reading: str
    basis: str | None
    timing: str
    verdict: str | None = None
    path_verdict: str | None = None
    numbers: dict = field(default_factory=dict)
    settled: bool = False
    limit: str = ""
    area: str = ""
    year: int = 0


@dataclass
class Judged:
    status: str
    basis: str | None
    timing: str | None
    path: str
    deciding: str | None
    pairs: dict[str, Pair]


READS = {
    "level": {"level": "level", "yoy_growth": "pace", "annual_growth_rate": "pace", "annual_increase": "pace"},
    "annual_growth_rate": {"yoy_growth": "pace", "annual_growth_rate": "pace"},
    "annual_increase": {"annual_increase": "pace"},
    "change_from_base_pct": {"change_from_base_pct": "level"},
    "multiple_of_base": {"multiple_of_base": "level"},
}


def judge_all(data: Dataset) -> dict[str, Judged]:
    plan = data.plan
    tol = plan.assessment.approx_tolerance if plan else 0.05
    thresholds = plan.assessment.growth_ratio if plan else None
    base_year = plan.base_year if plan else 0
    areas = {a.id: a for a in data.areas}
    AREA_LEVEL.clear()
    AREA_LEVEL.update(areas)
    inds = {i.id: i for i in data.indicators}

    def ancestors(a: str) -> list[str]:
        out, seen, cur = [], {a}, areas.get(a)
        while cur is not None and cur.parent and cur.parent not in seen:
            out.append(cur.parent)
            seen.add(cur.parent)
            cur = areas.get(cur.parent)
        return out

    relation: dict[tuple[str, str], object] = {}
    for ind in data.indicators:
        for rel in ind.relations:
            relation[(ind.id, rel.to)] = relation[(rel.to, ind.id)] = rel
    plan_area = plan.area if plan else ""
    goal_areas = {g.area or plan_area for g in data.goals}
    scope = set(goal_areas)
    for a in goal_areas:
        scope.update(ancestors(a))
    paced = {g.paces for g in data.goals if g.paces and g.measure == "annual_growth_rate"}
    by_indicator: dict[str, list[Observation]] = {}
    for o in data.observations:
        by_indicator.setdefault(o.indicator, []).append(o)
    out: dict[str, Judged] = {}
    for g in data.goals:
        if g.id in out:
            continue
        out[g.id] = _one(g, by_indicator, tol, thresholds, base_year, areas, inds, ancestors, relation, plan_area,
                         scope, paced, plan.period[1] if plan else 10**6)
    return out


def _one(g, by_indicator, tol, thresholds, base_year, areas, inds, ancestors, relation, plan_area, scope,
         paced, plan_end) -> Judged:
    A = g.area or plan_area
    up = ancestors(A)
    gi = inds.get(g.indicator)
    direction = gi.direction if gi else None
    S = g.progress_baseline.year if g.progress_baseline else base_year
    T = g.target_year
    categorical = g.comparator == "categorical"
    region = None if categorical else region_of(g, direction, tol)
    # the path
    if categorical:
        path = "none"
    elif g.measure in ("annual_growth_rate", "annual_increase"):
        path = "pace"
    elif g.measure != "level":
        path = "ratio"
    elif g.hold or (g.progress_baseline and inside(region, Iv(g.progress_baseline.value, g.progress_baseline.value))):
        path = "hold"
    elif g.progress_baseline is None:
        path = "none"
    elif g.id in paced or (gi is not None and gi.kind == "total"):
        path = "compound"
    else:
        path = "linear"
    related = {g.indicator} | {b for (a, b) in relation if a == g.indicator}
    pairs: dict[str, Pair] = {}
    ranked: list[tuple] = []
    for o in (o for ind in sorted(related) for o in by_indicator.get(ind, ())):
        if not (o.area == A or o.area in up or o.area not in scope):
            continue
        p, key = _pair(g, o, A, up, S, T, path, region, direction, tol, thresholds, inds, relation, plan_end)
        pairs[o.id] = p
        if p.role == "evidence":
            ranked.append((key, o.id))
    if not ranked:
        return Judged("no_comparable_data", None, None, path, None, pairs)
    # a level and a pace reading of one area and year, one on the path and the other off it: neither decides
    open_ = [pairs[i] for _, i in ranked if not pairs[i].settled and pairs[i].path_verdict in ("on_track", "off_track")]
    for p in open_:
        if p.limit:
            continue
        if any(q.area == p.area and q.year == p.year and q.reading != p.reading and q.path_verdict != p.path_verdict
               for q in open_):
            p.limit = "readings.disagree"
    ranked = [(key[:5] + ((key[5] or bool(pairs[i].limit)),) + key[6:], i) for key, i in ranked]
    ranked.sort()
    best = pairs[ranked[0][1]]
    best.role = "deciding"
    if best.limit:
        status = "indeterminate"
    elif not best.settled:
        status = {"on_track": "on_track", "off_track": "off_track"}.get(best.path_verdict or "", "indeterminate")
    else:
        status = {"meets": "achieved", "misses": "missed"}.get(best.verdict or "", "indeterminate")
    return Judged(status, best.basis, best.timing, path, best.obs, pairs)


def _pair(g: Goal, o: Observation, A, up, S, T, path, region, direction, tol, thresholds, inds, relation, plan_end):
    if o.area == A:
        area_rel = "same"
    elif o.area in up:
        area_rel = "parent"
    else:
        area_rel = "other"
    gi = inds.get(g.indicator)
    oi = inds.get(o.indicator)
    if o.indicator == g.indicator:
        concept = "same"
    else:
        rel = relation.get((o.indicator, g.indicator))
        concept = {"proxy": "related", "pace": "pace_only"}.get(getattr(rel, "relation", ""), "different")
    level = getattr(AREA_LEVEL.get(o.area), "level", None)
    decls = gi.stand_in if gi else ()
    declared = next((d for d in decls if d.area == o.area), None) or \
        next((d for d in decls if d.area is None and d.level == level), None)
    area_use = {"same": 2, "parent": {"level": 2, "pace": 1}.get(declared.use if declared else "none", 0)}.get(area_rel, 0)
    concept_use = {"same": 2, "related": 2, "pace_only": 1}.get(concept, 0)
    reading = READS[g.measure].get(o.measure)
    pace = reading == "pace"
    level_goal = g.measure == "level"
    total = (oi is not None and oi.kind == "total") or (gi is not None and gi.kind == "total")
    late_level = not pace and o.first_year > T
    # units
    if reading is None or o.value is None:
        f = None
    elif pace and o.measure in RATES:
        f = 1.0 if o.unit == "%" else None
    elif pace and level_goal:
        f = factor(o.unit, "百分点" if g.unit == "%" else g.unit)
    else:
        f = factor(o.unit, g.unit)
    if g.unit is None:
        f = None
    declared = g.comparator == "categorical" and o.meets is not None  # the editor's verdict on a statement
    checks = [
        ("area.other", area_rel == "other"),
        ("concept.different", concept == "different"),
        ("categorical.no_numeric", g.comparator == "categorical" and not declared),
        ("figure.statement", o.value is None and not declared),
        ("measure.other", reading is None),
        ("area.parent.total", area_rel == "parent" and not pace and total),
        ("area.parent.none", area_rel == "parent" and area_use == 0),
        ("concept.pace_only", not pace and not late_level and concept_use == 1),
        ("area.parent.pace_only", not pace and not late_level and area_use == 1),
        ("unit.mismatch", f is None and not declared),
        ("caliber.price_basis", not pace and bool(g.price_basis and o.price_basis and g.price_basis != o.price_basis)),
        ("pace.no_path", pace and level_goal and path not in ("compound", "linear")),
        ("pace.outside_period", pace and (o.last_year > T or o.first_year <= S)),
        ("pace.level_year", pace and level_goal and o.last_year >= T),
    ]
    exclusion = next((code for code, hit in checks if hit), "")
    basis = "direct" if area_rel == "same" and concept == "same" else "proxy"
    timing = "interim" if o.last_year < T else ("late" if o.first_year > T else "final")
    if pace:
        settled = not level_goal and o.first_year <= S + 1 and o.last_year == T
    else:
        settled = timing != "interim"
    context = exclusion == "" and not pace and basis == "proxy" and timing == "late"
    if exclusion or context:
        return Pair(o.id, "context" if context else "set_aside", exclusion, reading or "level", None, timing), None
    if declared:
        iv = Iv(math.nan, math.nan)
    else:
        iv = figure(o.value, o.qualifier, tol)
        iv = Iv(iv.lo * f, iv.up * f, iv.lo_open, iv.up_open)
    p = Pair(o.id, "evidence", "", reading, basis, timing, settled=settled, area=o.area, year=o.last_year)
    if pace and not settled and basis == "proxy":
        if level_goal:
            p.limit = "pace.level_unknown"  # a larger area's change alone: the level stays unknown
        elif T > plan_end:
            p.limit = "pace.beyond_plan"  # one year of it cannot put a longer average than the plan's on track
    pace_goal = g.measure in ("annual_growth_rate", "annual_increase")
    if declared:
        p.verdict = "meets" if o.meets else "misses"
    elif not pace or pace_goal:
        p.verdict = verdict_of(iv, region)
    rep = (iv.lo + iv.up) / 2 if math.isfinite(iv.lo) and math.isfinite(iv.up) else (iv.lo if math.isfinite(iv.lo) else iv.up)
    if not settled and not pace:
        p.path_verdict, p.numbers = _level_path(g, path, iv, rep, p.verdict, S, T, o.last_year)
    elif pace:
        p.path_verdict, p.numbers = _pace_path(g, o, path, iv, rep, p.verdict, S, T, pace_goal, settled)
    distance = 0 if timing == "final" else min(abs(o.first_year - T), abs(o.last_year - T))
    short = max((T - S) - (o.last_year - o.first_year + 1), 0) if pace else 0
    undecided = (p.path_verdict == "cannot_tell") if not settled else (p.verdict == "cannot_tell")
    undecided = undecided or bool(p.limit)
    key = (basis != "direct", not settled, pace, short, distance, undecided, o.id)
    return p, key


def _level_path(g, path, iv, rep, verdict, S, T, year):
    meets = verdict == "meets"
    if path == "hold":
        return ("on_track" if meets else "off_track" if verdict == "misses" else "cannot_tell"), {}
    if path not in ("compound", "linear", "ratio"):
        return ("on_track" if meets else "cannot_tell"), {}
    if path == "ratio":
        to_r = (lambda v: 1 + v / 100) if g.measure == "change_from_base_pct" else (lambda v: v)
        base, target = 1.0, to_r(g.target)
    else:
        to_r = lambda v: v  # noqa: E731
        base, target = g.progress_baseline.value, g.target
    share = (year - S) / (T - S) if T > S else 1.0
    req = path_at(path, base, target, share)
    numbers = {"required": req if path != "ratio" or g.measure == "multiple_of_base" else (req - 1) * 100,
               "time_share": share}
    if meets:
        return "on_track", numbers
    lo, up = to_r(iv.lo), to_r(iv.up)
    if target > base:
        on, off = lo >= req, up < req or (up == req and iv.up_open)
    elif target < base:
        on, off = up <= req, lo > req or (lo == req and iv.lo_open)
    else:
        return ("off_track" if verdict == "misses" else "cannot_tell"), numbers
    return ("on_track" if on else "off_track" if off else "cannot_tell"), numbers


def _pace_path(g, o, path, iv, rep, verdict, S, T, pace_goal, settled):
    if pace_goal:
        asked = g.target
        v = {"meets": "on_track", "misses": "off_track"}.get(verdict, "cannot_tell")
    else:
        n = o.last_year - o.first_year + 1
        span = T - S

        def at(y):
            return path_at(path, g.progress_baseline.value, g.target, (y - S) / span if span > 0 else 1.0)

        start, end = at(o.first_year - 1), at(o.last_year)
        asked = (pw(end / start, 1 / n) - 1) * 100 if o.measure in RATES else (end - start) / n
        rising = g.target > g.progress_baseline.value
        if rising:
            on, off = iv.lo >= asked, iv.up < asked or (iv.up == asked and iv.up_open)
        else:
            on, off = iv.up <= asked, iv.lo > asked or (iv.lo == asked and iv.lo_open)
        v = "on_track" if on else "off_track" if off else "cannot_tell"
    return (None if settled else v), {"pace_asked": asked, "pace_achieved": rep}
