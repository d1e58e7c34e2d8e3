"""Pure judgement: for each goal, gather its evidence, grade each piece, and decide a status.

No Streamlit and no I/O here: records in, results out. Rules (README "How goals are judged"):
- area: same area → direct; the parent city with an intensive figure (rate, share, per capita, or any
  growth rate) → proxy; a total of a larger area, or any figure of an unrelated area → not comparable;
- concept: same indicator; a related one (proxy at best); a different one (not comparable);
- interval against the target region: meets, misses or cannot tell;
- time: before the target year, against the planned path (compound for totals and paced levels, linear
  for rates and shares) with 完成进度 and 时间进度 and the Open SDG growth ratio R; in the target year,
  final; after it, reached late or still short.
The deciding piece: direct before proxy; then at-or-after the target year before interim; then the
figure nearest the target year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from dashboard.judge.intervals import Verdict, contains, disjoint, goal_region, judge
from dashboard.present.i18n import both, fmt_pct, fmt_target, fmt_value, fmt_years
from dashboard.records.model import Area, Dataset, Document, Goal, Indicator, IndicatorRelation, Interval, Observation

Status = Literal["achieved", "on_track", "off_track", "missed", "indeterminate", "no_comparable_data"]
Basis = Literal["direct", "proxy"]
Timing = Literal["interim", "final", "late"]
PathKind = Literal["compound", "linear", "constant"]
STATUSES: tuple[Status, ...] = ("achieved", "on_track", "off_track", "missed", "indeterminate", "no_comparable_data")

#: Which observed measures speak to which goal measure.
MATCHING_MEASURES: dict[str, tuple[str, ...]] = {
    "level": ("level",),
    "annual_growth_rate": ("annual_growth_rate", "yoy_growth"),
    "annual_increase": ("annual_increase",),
    "change_from_base_pct": ("change_from_base_pct",),
    "multiple_of_base": ("multiple_of_base",),
}
#: Units that convert into one another: unit → (base unit, factor).
_UNIT_SCALE = {"亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0), "万人": ("人", 1e4), "人": ("人", 1.0),
               "万亩": ("亩", 1e4), "亩": ("亩", 1.0)}


@dataclass(frozen=True)
class Progress:
    """Where an interim figure stands on the planned path from baseline to target."""

    path: PathKind
    year: int
    required: float  # the value the path asks for in that year
    time_share: float | None  # 时间进度
    completion: float | None  # 完成进度, measured along the same path (log scale for compound)
    growth_ratio: float | None  # Open SDG R = observed annual growth / required annual growth
    growth_category: str | None  # on_track | needs_acceleration | limited | backwards


@dataclass(frozen=True)
class Evidence:
    observation: Observation
    document: Document | None
    area_relation: Literal["same", "parent", "other"]
    concept: Literal["same", "related", "different"]
    comparable: bool
    basis: Basis | None
    timing: Timing
    interval: Interval  # in the goal's unit
    verdict: Verdict | None  # against the target region (None when not comparable or categorical)
    path_verdict: Literal["on_track", "off_track", "cannot_tell"] | None  # interim only
    progress: Progress | None
    reason: str
    reason_en: str
    excluded_by: tuple[str, ...] = ()  # why not comparable: catalogue keys such as "area.other"


@dataclass(frozen=True)
class GoalAssessment:
    goal: Goal
    status: Status
    basis: Basis | None
    timing: Timing | None
    reason: str
    reason_en: str
    evidence: tuple[Evidence, ...]
    deciding: Evidence | None
    path: PathKind
    caveats: tuple[str, ...] = field(default=())


class Context:
    """Lookups built once per dataset, so assessing every goal stays linear in the data."""

    def __init__(self, data: Dataset):
        self.data = data
        self.area_of_plan = data.plan.area if data.plan else None
        self.areas: dict[str, Area] = {a.id: a for a in data.areas}
        self.indicators: dict[str, Indicator] = {i.id: i for i in data.indicators}
        self.documents: dict[str, Document] = {d.id: d for d in data.documents}
        self.relations: dict[tuple[str, str], IndicatorRelation] = {}
        for ind in data.indicators:
            for rel in ind.relations:
                self.relations[(ind.id, rel.to)] = rel
                self.relations[(rel.to, ind.id)] = rel
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self.related_indicators: dict[str, list[str]] = {}
        for a, b in self.relations:
            self.related_indicators.setdefault(a, []).append(b)
        self.paced_by: dict[str, list[Goal]] = {}
        for g in data.goals:
            if g.paces:
                self.paced_by.setdefault(g.paces, []).append(g)

    @cached_property
    def scope(self) -> set[str]:
        """The areas goals speak for and the areas above them. A figure of an area in scope is evidence for the goals
        of that area and of the areas below it; a figure of an area outside scope (an unrelated area, such as 塔城地区
        for 克拉玛依区) is shown beside every goal of its indicator, set aside. With every goal on the plan's area
        this is every figure of the indicator, as it always was."""
        scope: set[str] = set()
        for area in {self.goal_area(g) for g in self.data.goals}:
            scope.add(area)
            scope.update(self.ancestors(area))
        return scope

    @cached_property
    def by_indicator(self) -> dict[str, list[Observation]]:
        found: dict[str, list[Observation]] = {}
        for obs in self.data.observations:
            found.setdefault(obs.indicator, []).append(obs)
        return found

    @cached_property
    def by_indicator_area(self) -> dict[tuple[str, str], list[Observation]]:
        """Figures of areas in scope, by (indicator, area)."""
        found: dict[tuple[str, str], list[Observation]] = {}
        scope = self.scope
        for obs in self.data.observations:
            if obs.area in scope:
                found.setdefault((obs.indicator, obs.area), []).append(obs)
        return found

    @cached_property
    def unscoped(self) -> dict[str, list[Observation]]:
        """Figures of areas outside scope, by indicator."""
        found: dict[str, list[Observation]] = {}
        scope = self.scope
        for obs in self.data.observations:
            if obs.area not in scope:
                found.setdefault(obs.indicator, []).append(obs)
        return found

    def goal_area(self, goal: Goal) -> str:
        """The area a goal speaks for: its own, else the plan's ("" when there is neither)."""
        return goal.area or self.area_of_plan or ""

    def candidates(self, goal: Goal, indicator: str) -> list[Observation]:
        """Figures of an indicator that may speak to a goal: its area's, its parents', and those outside scope."""
        area = self.goal_area(goal)
        found = list(self.by_indicator_area.get((indicator, area), ()))
        for parent in self.ancestors(area):
            found += self.by_indicator_area.get((indicator, parent), ())
        found += self.unscoped.get(indicator, ())
        return found

    def ancestors(self, area_id: str) -> tuple[str, ...]:
        if area_id not in self._ancestors:
            chain, seen, current = [], {area_id}, self.areas.get(area_id)
            while current is not None and current.parent and current.parent not in seen:
                chain.append(current.parent)
                seen.add(current.parent)
                current = self.areas.get(current.parent)
            self._ancestors[area_id] = tuple(chain)
        return self._ancestors[area_id]

    def area_names(self, area_id: str) -> tuple[str, str]:
        a = self.areas.get(area_id)
        return (a.name, a.name_en) if a else (area_id, area_id)


# ---------------------------------------------------------------------------------------------- rules


def area_relation(obs_area: str, goal_area: str, ctx: Context) -> Literal["same", "parent", "other"]:
    if obs_area == goal_area:
        return "same"
    if obs_area in ctx.ancestors(goal_area):
        return "parent"
    return "other"


def is_intensive(obs: Observation, ctx: Context) -> bool:
    """Rates, shares, per-capita figures and any growth rate: they do not add up over areas."""
    ind = ctx.indicators.get(obs.indicator)
    return obs.measure != "level" or (ind is not None and ind.kind == "intensive")


def path_kind(goal: Goal, ctx: Context) -> PathKind:
    if goal.measure != "level":
        return "constant"  # a pace is asked of every year alike
    ind = ctx.indicators.get(goal.indicator)
    paced = any(p.measure == "annual_growth_rate" for p in ctx.paced_by.get(goal.id, []))
    return "compound" if paced or (ind is not None and ind.kind == "total") else "linear"


def required_value(kind: PathKind, base: float, target: float, share: float) -> float:
    if kind == "compound" and base > 0 and target > 0:
        return base * (target / base) ** share
    return base + (target - base) * share


def completion(kind: PathKind, base: float, target: float, value: float) -> float | None:
    """完成进度: share of the baseline→target distance covered, along the path's own scale."""
    if target == base:
        return None
    if kind == "compound" and base > 0 and target > 0:
        if value <= 0:
            return None
        return math.log(value / base) / math.log(target / base)
    return (value - base) / (target - base)


def growth_ratio(base: float, base_year: int, target: float, target_year: int, value: float, year: int) -> float | None:
    """Open SDG: R = observed compound annual growth / required compound annual growth."""
    if base <= 0 or target <= 0 or value <= 0 or year <= base_year or target == base:
        return None
    observed = (value / base) ** (1 / (year - base_year)) - 1
    required = (target / base) ** (1 / (target_year - base_year)) - 1
    return observed / required


def growth_category(r: float | None) -> str | None:
    if r is None:
        return None
    if r >= 0.95:
        return "on_track"
    if r >= 0.6:
        return "needs_acceleration"
    if r >= 0:
        return "limited"
    return "backwards"


def timing_of(obs: Observation, target_year: int) -> Timing:
    if obs.last_year < target_year:
        return "interim"
    if obs.first_year > target_year:
        return "late"
    return "final"


def representative(iv: Interval) -> float | None:
    """One figure for progress arithmetic: the midpoint, or the stated bound of a one-sided interval."""
    if iv.midpoint is not None:
        return iv.midpoint
    return iv.lower if iv.lower is not None else iv.upper


def convert(iv: Interval, unit: str, to_unit: str | None) -> Interval | None:
    if to_unit is None or unit == to_unit:
        return iv
    a, b = _UNIT_SCALE.get(unit), _UNIT_SCALE.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    f = a[1] / b[1]
    return Interval(lower=None if iv.lower is None else iv.lower * f, upper=None if iv.upper is None else iv.upper * f,
                    lower_open=iv.lower_open, upper_open=iv.upper_open)


# ---------------------------------------------------------------------------------------------- grading


def grade(goal: Goal, obs: Observation, ctx: Context) -> Evidence:
    goal_area = ctx.goal_area(goal)
    rel_area = area_relation(obs.area, goal_area, ctx)
    area_zh, area_en = ctx.area_names(obs.area)
    timing = timing_of(obs, goal.target_year)
    why: list[tuple[str, str]] = []
    excluded: list[str] = []
    basis: Basis | None = "direct"

    if obs.indicator == goal.indicator:
        concept = "same"
    else:
        rel = ctx.relations.get((obs.indicator, goal.indicator))
        ind = ctx.indicators.get(obs.indicator)
        names = dict(name=ind.name if ind else obs.indicator, name_en=ind.name_en if ind else obs.indicator,
                     note=rel.note if rel else "", note_en=(rel.note_en or rel.note) if rel else "")
        if rel is not None and rel.relation == "proxy":
            concept, basis = "related", "proxy"
            why.append(both("concept.related", **names))
        else:
            concept, basis = "different", None
            why.append(both("concept.different", **names))
            excluded.append("concept.different")

    if rel_area == "parent":
        if is_intensive(obs, ctx):
            basis = "proxy" if basis else None
            why.append(both("area.parent_intensive", area=area_zh, area_en=area_en))
        else:
            basis = None
            why.append(both("area.parent_total", area=area_zh, area_en=area_en))
            excluded.append("area.parent_total")
    elif rel_area == "other":
        basis = None
        why.append(both("area.other", area=area_zh, area_en=area_en))
        excluded.append("area.other")

    own = Interval.from_qualifier(obs.value, obs.qualifier)  # type: ignore[arg-type]
    interval = convert(own, obs.unit, goal.unit)  # type: ignore[arg-type]
    if interval is None:
        basis = None
        why.append(both("unit.mismatch", unit=obs.unit))
        excluded.append("unit.mismatch")
        interval = own
    if goal.is_categorical and basis is not None:
        basis = None
        why.append(both("categorical.no_numeric"))
        excluded.append("categorical.no_numeric")
    if goal.measure != "level" and basis is not None and obs.last_year > goal.target_year:
        basis = None
        why.append(both("pace.outside_period", years=fmt_years(obs.first_year, obs.last_year),
                        target_year=goal.target_year))
        excluded.append("pace.outside_period")

    comparable = basis is not None
    verdict = judge(interval, goal_region(goal)) if comparable else None
    path_verdict, progress = (None, None)
    if comparable and timing == "interim":
        path_verdict, progress = _interim(goal, obs, interval, ctx)
    if not why:
        why.append(both("area.same"))
    return Evidence(
        observation=obs, document=ctx.documents.get(obs.document), area_relation=rel_area, concept=concept,
        comparable=comparable, basis=basis, timing=timing, interval=interval, verdict=verdict,
        path_verdict=path_verdict, progress=progress,
        reason="；".join(z for z, _ in why), reason_en="; ".join(e for _, e in why), excluded_by=tuple(excluded),
    )


def _interim(goal: Goal, obs: Observation, iv: Interval, ctx: Context):
    """Judge an interim figure against the planned path. Returns (path verdict, progress or None)."""
    region = goal_region(goal)
    kind = path_kind(goal, ctx)
    year = obs.last_year
    base = goal.baseline
    assert goal.target is not None
    if kind == "constant" or base is None:
        # A pace is asked of every year; without a baseline no path can be drawn.
        if contains(region, iv):
            verdict = "on_track"
        elif kind == "constant" and disjoint(iv, region):
            verdict = "off_track"
        else:
            verdict = "cannot_tell"
        progress = None
        if kind == "constant":
            v = representative(iv)
            r = v / goal.target if (v is not None and goal.target > 0 and goal.measure == "annual_growth_rate") else None
            progress = Progress(path=kind, year=year, required=goal.target, time_share=None, completion=None,
                                growth_ratio=r, growth_category=growth_category(r))
        return verdict, progress
    span = goal.target_year - base.year
    share = (year - base.year) / span if span > 0 else 1.0
    required = required_value(kind, base.value, goal.target, share)
    v = representative(iv)
    comp = completion(kind, base.value, goal.target, v) if v is not None else None
    r = growth_ratio(base.value, base.year, goal.target, goal.target_year, v, year) if v is not None else None
    progress = Progress(path=kind, year=year, required=required, time_share=share, completion=comp,
                        growth_ratio=r, growth_category=growth_category(r))
    if contains(region, iv):
        return "on_track", progress  # already at the target (a ceiling met on the way is on track)
    rising = goal.target > base.value
    falling = goal.target < base.value
    on_path = Interval(lower=required, upper=None) if rising else Interval(lower=None, upper=required)
    if (rising or falling) and contains(on_path, iv):
        return "on_track", progress
    if (rising or falling) and disjoint(iv, on_path):
        return "off_track", progress
    if not (rising or falling) and disjoint(iv, region):
        return "off_track", progress
    return "cannot_tell", progress


# ---------------------------------------------------------------------------------------------- status


def evidence_for(goal: Goal, ctx: Context) -> list[Evidence]:
    measures = MATCHING_MEASURES[goal.measure]
    indicators = [goal.indicator] + ctx.related_indicators.get(goal.indicator, [])
    found = [
        grade(goal, obs, ctx)
        for ind in indicators
        for obs in ctx.candidates(goal, ind)
        if obs.measure in measures
    ]
    return sorted(found, key=lambda e: (not e.comparable, _rank(e, goal)))


def _rank(e: Evidence, goal: Goal) -> tuple:
    obs = e.observation
    distance = 0 if e.timing == "final" else min(abs(obs.first_year - goal.target_year), abs(obs.last_year - goal.target_year))
    undecided = (e.verdict == "cannot_tell") if e.timing != "interim" else (e.path_verdict == "cannot_tell")
    return (e.basis != "direct", e.timing == "interim", distance, undecided, obs.id)


def assess_goal(goal: Goal, ctx: Context) -> GoalAssessment:
    evidence = evidence_for(goal, ctx)
    comparable = [e for e in evidence if e.comparable]
    caveats = _caveats(goal, ctx)
    if not comparable:
        if evidence:
            counts: dict[str, int] = {}
            for e in evidence:
                for code in e.excluded_by[:1]:  # the first rule that set it aside
                    counts[code] = counts.get(code, 0) + 1
            why = "，".join(f"{both('excluded.' + c)[0]}{n}条" for c, n in counts.items())
            why_en = ", ".join(f"{n} {both('excluded.' + c)[1]}" for c, n in counts.items())
            zh, en = both("reason.none_comparable", n=len(evidence), why=why, why_en=why_en)
        else:
            zh, en = both("reason.no_evidence")
        return GoalAssessment(goal=goal, status="no_comparable_data", basis=None, timing=None, reason=zh, reason_en=en,
                              evidence=tuple(evidence), deciding=None, path=path_kind(goal, ctx), caveats=caveats)
    deciding = comparable[0]
    status, zh, en = _status(goal, deciding)
    return GoalAssessment(goal=goal, status=status, basis=deciding.basis, timing=deciding.timing, reason=zh,
                          reason_en=en, evidence=tuple(evidence), deciding=deciding, path=path_kind(goal, ctx),
                          caveats=caveats)


def _status(goal: Goal, e: Evidence) -> tuple[Status, str, str]:
    obs = e.observation
    unit = goal.unit or ""
    values = dict(
        basis=both(f"basis.{e.basis}")[0], basis_en=both(f"basis.{e.basis}")[1],
        year=fmt_years(obs.first_year, obs.last_year), value=fmt_value(obs.value, obs.unit, obs.qualifier),
        value_en=fmt_value(obs.value, obs.unit, obs.qualifier, "en"),
        target=fmt_target(goal), target_year=goal.target_year,
    )
    if e.timing == "final":
        status: Status = {"meets": "achieved", "misses": "missed"}.get(e.verdict, "indeterminate")  # type: ignore[assignment]
        vz, ve = both(f"verdict.{e.verdict}")
        zh, en = both("reason.final", verdict=vz, verdict_en=ve, **values)
        return status, zh, en
    if e.timing == "late":
        status = {"meets": "achieved", "misses": "missed"}.get(e.verdict, "indeterminate")  # type: ignore[assignment]
        zh, en = both(f"reason.late_{e.verdict}", **values)
        return status, zh, en
    status = {"on_track": "on_track", "off_track": "off_track"}.get(e.path_verdict, "indeterminate")  # type: ignore[assignment]
    pz, pe = both(f"path.{e.path_verdict}")
    dz = de = ""
    p = e.progress
    if goal.measure != "level":
        pz, pe = both(f"reason.pace_{e.path_verdict}", target=values["target"])
    elif contains(goal_region(goal), e.interval):
        pz, pe = both("reason.already_met", target=values["target"])
    elif goal.baseline is None and goal.measure == "level":
        pz, pe = both("reason.no_baseline", target=values["target"])
    elif p is not None and p.time_share is not None:
        dz, de = both("reason.interim_detail", completion=fmt_pct(p.completion), time_share=fmt_pct(p.time_share))
        rz, re_ = both("reason.interim_required", year=p.year, required=fmt_value(p.required, unit))
        dz, de = dz + rz, de + re_
    zh, en = both("reason.interim", path=pz, path_en=pe, detail=dz, detail_en=de, **values)
    return status, zh, en


def _caveats(goal: Goal, ctx: Context) -> tuple[str, ...]:
    out = []
    if goal.caliber:
        out.append(goal.caliber)
    return tuple(out)


def assess(data: Dataset) -> list[GoalAssessment]:
    from dashboard.records.util import gc_paused

    with gc_paused():
        ctx = Context(data)
        return [assess_goal(g, ctx) for g in data.goals]
