"""A goal's full account: its status and, for every figure that bears on it, how it was read and why.

These are the judge's answers for one goal, built from its codes: nothing here decides anything. Pages,
exports and the contract read them; the locale turns their reasons into words.
"""

from __future__ import annotations

import math
from collections import namedtuple
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.judge.codes import (
    AreaRef,
    AreaRelation,
    Basis,
    Bilingual,
    Code,
    Concept,
    GrowthCategory,
    IndicatorRef,
    Many,
    Pace,
    Param,
    PathKind,
    PathVerdict,
    Reading,
    Reason,
    Role,
    Share,
    Side,
    Status,
    Target,
    Timing,
    Use,
    Value,
    Verdict,
    Years,
)
from dashboard.judge.engine import Lookups
from dashboard.judge.rules import (
    AREA_RELATIONS,
    CONCEPTS,
    DECLARED,
    DIRECTIONS,
    EXCLUSIONS,
    GROWTH,
    INCREASE_UNIT,
    LIMITS,
    PACE_CAVEATS,
    PATH_VERDICTS,
    PATHS,
    READINGS,
    ROLES,
    TIMINGS,
    USES,
    VERDICTS,
    from_ratio_scale,
    path_value,
    ratio_scale,
    target_region,
)
from dashboard.records.columns import COMPARATORS, GOAL_MEASURES
from dashboard.records.model import APPROX_TOLERANCE, Dataset, Document, Goal, Interval, Observation, StandIn


@dataclass(frozen=True)
class Progress:
    """Where an interim figure stands against the planned path, and what it would take from there.

    For a level read against a drawn path: `required` (the path's value in that year), 时间进度 `time_share`,
    完成进度 `completion` (on the path's own scale) and Open SDG's `growth_ratio` R with its category. For a
    pace: the pace `achieved` (since the baseline, or the figure's own), the pace the path `asked` and, where
    it can be known, the pace `needed` from that year on to reach the target; all in `pace_unit` a year.
    """

    path: PathKind
    year: int
    required: float | None = None
    time_share: float | None = None
    completion: float | None = None
    growth_ratio: float | None = None
    growth_category: GrowthCategory | None = None
    pace_achieved: float | None = None
    pace_asked: float | None = None
    pace_needed: float | None = None
    pace_unit: str | None = None
    pace_years: int | None = None  # how many years the achieved pace covers (1: one year's growth)


@dataclass(frozen=True)
class EvidenceAccount:
    observation: Observation
    document: Document | None
    area_relation: AreaRelation
    concept: Concept
    use: Use  # what the figure may speak to, by the area and concept declarations
    reading: Reading  # how it is read for this goal
    role: Role
    comparable: bool
    basis: Basis | None
    timing: Timing
    interval: Interval  # in the goal's unit (a pace: in % or the level's unit a year)
    verdict: Verdict | None  # against the target region
    path_verdict: PathVerdict | None  # interim: against the planned path, the bound or the pace asked
    progress: Progress | None
    reasons: tuple[Reason, ...]  # why it counts, why it is context, or why it was set aside
    stand_in: StandIn | None = None  # the data's declaration on another area's figures that applied
    side: Side | None = None  # for a figure that misses the target region: above or below it
    beyond: bool = False  # a 左右 target met beyond the far edge of its band (超额完成)
    #: judged against the target itself (a level in or after the target year, a pace over the whole period);
    #: otherwise against the planned path, the bound or the pace asked
    settled: bool = False
    #: what this figure may not say on its own though it counts (rules.LIMITS): None, or the code
    limit: str | None = None
    #: a categorical goal settled by the editor's declaration on this statement: meets or misses
    declared: Verdict | None = None

    @property
    def excluded_by(self) -> str | None:
        """The code of the rule that set the figure aside (the last reason), or None when it counts."""
        return None if self.comparable or not self.reasons else self.reasons[-1].code


@dataclass(frozen=True)
class GoalAccount:
    goal: Goal
    area: str  # the area the goal speaks for
    status: Status
    basis: Basis | None
    timing: Timing | None
    path: PathKind
    reason: Reason  # the status in one line
    evidence: tuple[EvidenceAccount, ...]  # deciding first, then comparable, later context, set aside
    deciding: EvidenceAccount | None
    caveats: tuple[Reason, ...] = ()
    #: The target region (≈ following the indicator's direction), None for a categorical goal.
    region: Interval | None = None
    start_year: int = 0  # the start of the goal's period: its baseline's year, else the plan's base year
    #: The planned path year by year (a pace goal: the pace asked of each year; a hold: none).
    path_points: tuple[tuple[int, float], ...] = ()
    #: A neutral projection (≈ on an indicator with no better direction, 辖区人口24万左右): met or left reads as
    #: within, above or below the expected band, never achieved or missed.
    band: bool = False

    @property
    def evidence_years(self) -> Years | None:
        """The years of the figure the status rests on (shown with the status everywhere), or None."""
        return _years(self.deciding.observation) if self.deciding is not None else None

    @property
    def band_side(self) -> Side | None:
        """For a neutral projection left: the side of the expected band the deciding figure lies on."""
        return self.deciding.side if self.band and self.deciding is not None else None

    @property
    def context(self) -> tuple[EvidenceAccount, ...]:
        return tuple(e for e in self.evidence if e.role == "context")

    @property
    def comparable(self) -> tuple[EvidenceAccount, ...]:
        return tuple(e for e in self.evidence if e.comparable)


# ---------------------------------------------------------------------------------------------- building


class AccountBuilder:
    """Turns the engine's rows for one goal into its account: the same codes, with the records they refer to
    and the reasons as catalogue keys and typed parameters. Decides nothing."""

    def __init__(self, data: Dataset, lookups: Lookups):
        self.data = data
        self.L = lookups
        self.documents = {d.id: d for d in data.documents}
        self.indicators = {i.id: i for i in data.indicators}
        self.goal_ids = {g.id: g for g in data.goals}
        plan = data.plan
        self.plan_area = plan.area if plan else ""
        #: a level goal's pace goal (the plan's own stated pace for it), by the level goal's id
        self.pace_goal_of = {g.paces: g.id for g in data.goals if g.paces and g.measure != "multiple_of_base"}
        self.base_year = plan.base_year if plan else 0

    def _base_year(self, goal: Goal) -> int:
        """The base year of the goal's own plan (a goal that names none is the first plan's)."""
        if not goal.plan:
            return self.base_year
        plan = self.data.plan_of(goal)
        return plan.base_year if plan is not None else 0

    def build_many(self, indices: list[int], goal_rows: list[dict], pairs: pd.DataFrame) -> list[GoalAccount]:
        """The accounts of the goals at `indices` (the dataset's order), from the engine's goal rows and its pairs
        table (grouped by goal, ranked). Regions and paths are computed for all of them at once."""
        goals = [self.data.goals[k] for k in indices]
        regions = self._regions(goals)
        paths = self._paths(goals, [row["path"] for row in goal_rows])
        Row = namedtuple("Row", list(pairs.columns))  # type: ignore[misc]
        columns = [pairs[c].to_numpy().tolist() for c in pairs.columns]
        rows = [Row._make(values) for values in zip(*columns, strict=True)] if len(pairs) else []
        goal_of = pairs["goal"].to_numpy()
        starts = np.searchsorted(goal_of, indices, side="left")
        ends = np.searchsorted(goal_of, indices, side="right")
        return [self.build(goal, row, rows[a:b], region, path)
                for goal, row, a, b, region, path in zip(goals, goal_rows, starts.tolist(), ends.tolist(), regions,
                                                          paths, strict=True)]

    def build(self, goal: Goal, row: dict, pairs: list, region: Interval | None,
              path_points: tuple[tuple[int, float], ...]) -> GoalAccount:
        obs = self.data.observations
        area = goal.area or self.plan_area
        path: PathKind = row["path"]
        evidence = tuple(self._evidence(goal, obs[int(p.observation)], p, path) for p in pairs)
        deciding = next((e for e in evidence if e.role == "deciding"), None)
        basis = None if row["basis"] != row["basis"] else row["basis"]
        timing = None if row["timing"] != row["timing"] else row["timing"]
        reason = self._goal_reason(goal, deciding, evidence, path)
        start = goal.progress_baseline.year if goal.progress_baseline else self._base_year(goal)
        band = goal.comparator == "≈" and self._neutral(goal)
        return GoalAccount(goal=goal, area=area, status=row["status"], basis=basis, timing=timing, path=path,
                           reason=reason, evidence=evidence, deciding=deciding, caveats=self._caveats(goal, deciding),
                           region=region, start_year=start, path_points=path_points, band=band)

    def _regions(self, goals: list[Goal]) -> list[Interval | None]:
        """Each goal's target region (rules.target_region, ≈ following the indicator's direction), all at once."""
        plan = self.data.plan
        tol = plan.assessment.approx_tolerance if plan else APPROX_TOLERANCE
        numeric = [k for k, g in enumerate(goals) if g.target is not None and g.comparator != "categorical"]
        out: list[Interval | None] = [None] * len(goals)
        if not numeric:
            return out
        direction = []
        for k in numeric:
            ind = self.indicators.get(goals[k].indicator)
            direction.append(DIRECTIONS.get((ind.direction or "") if ind else "", 0))
        lo, up, lo_open, up_open = target_region(
            np.array([COMPARATORS[goals[k].comparator] for k in numeric]),
            np.array([goals[k].target for k in numeric], dtype=float), np.array(direction), tol)
        for k, a, b, c, d in zip(numeric, lo.tolist(), up.tolist(), lo_open.tolist(), up_open.tolist(), strict=True):
            out[k] = Interval(lower=None if math.isinf(a) else a, upper=None if math.isinf(b) else b,
                              lower_open=bool(c), upper_open=bool(d))
        return out

    def _paths(self, goals: list[Goal], kinds: list[str]) -> list[tuple[tuple[int, float], ...]]:
        """Each goal's planned path year by year, the judge's own (rules.path_value), for all goals at once:
        a pace goal's pace asked of each year; a hold or a goal without a baseline has none."""
        out: list[tuple[tuple[int, float], ...]] = [()] * len(goals)
        years_all: list[int] = []
        kind_all: list[int] = []
        base_all: list[float] = []
        target_all: list[float] = []
        share_all: list[float] = []
        measure_all: list[int] = []
        owner: list[int] = []
        for k, (goal, path) in enumerate(zip(goals, kinds, strict=True)):
            start = goal.progress_baseline.year if goal.progress_baseline else self._base_year(goal)
            T = goal.target_year
            if goal.target is None or T <= start:
                continue
            if path == "pace":
                out[k] = tuple((y, goal.target) for y in range(start + 1, T + 1))
                continue
            if path not in ("compound", "linear", "ratio") or (path != "ratio" and goal.progress_baseline is None):
                continue
            ys = list(range(start, T + 1))
            years_all += ys
            owner += [k] * len(ys)
            kind_all += [PATHS.index(path)] * len(ys)
            measure_all += [GOAL_MEASURES.index(goal.measure)] * len(ys)
            share_all += [(y - start) / (T - start) for y in ys]
            base_all += [1.0 if path == "ratio" else goal.progress_baseline.value] * len(ys)  # type: ignore[union-attr]
            target_all += [goal.target] * len(ys)
        if not owner:
            return out
        kind, measure = np.array(kind_all), np.array(measure_all)
        ratio = kind == PATHS.index("ratio")
        raw_target = np.array(target_all, dtype=float)
        target = np.where(ratio, ratio_scale(measure, raw_target), raw_target)
        values = path_value(kind, np.array(base_all, dtype=float), target, np.array(share_all))
        values = np.where(ratio, from_ratio_scale(measure, values), values)
        points: dict[int, list[tuple[int, float]]] = {}
        for k, y, v in zip(owner, years_all, values.tolist(), strict=True):
            points.setdefault(k, []).append((y, v))
        for k, pts in points.items():
            out[k] = tuple(pts)
        return out

    # ---- one figure ----------------------------------------------------------------------------------------

    def _evidence(self, goal: Goal, o: Observation, p, path: PathKind) -> EvidenceAccount:
        relation = self.L.relation.get((self.L.ind_code.get(o.indicator, -1), self.L.ind_code.get(goal.indicator, -1)))
        rel = relation[1] if relation else None
        decl_key = (self.L.ind_code.get(goal.indicator, -1), self.L.area_code.get(o.area, -1))
        stand_in = self.L.stand_in.get(decl_key, (None, None))[1] if p.area_relation == 1 else None
        role = ROLES[p.role]
        comparable = bool(p.comparable)
        reading = READINGS[p.reading]
        if comparable or role == "context":
            reasons = self._why_used(goal, o, p, rel, stand_in, reading)
            if p.declared_verdict:
                reasons += (Reason(f"declared.{DECLARED[p.declared_verdict]}",
                                   {"why": Bilingual(o.meets_reason or "", o.meets_reason_en or "")}),)
            if p.pace_caveat:
                reasons += (self._pace_caveat(goal, o, p),)
            if role == "context":
                reasons += (Reason("time.later_context", {"target_year": goal.target_year}),)
        else:
            reasons = (self._why_aside(goal, o, p, rel, stand_in),)
        interval = Interval(lower=_num(p.lower), upper=_num(p.upper), lower_open=bool(p.lower_open),
                            upper_open=bool(p.upper_open))
        progress = self._progress(goal, o, p, path, reading) if comparable and not p.settled else None
        return EvidenceAccount(
            observation=o, document=self.documents.get(o.document), area_relation=AREA_RELATIONS[p.area_relation],
            concept=CONCEPTS[p.concept], use=USES[p.use], reading=reading, role=role, comparable=comparable,
            basis=("direct", "proxy")[p.basis - 1] if p.basis else None, timing=TIMINGS[p.timing],
            interval=interval, verdict=VERDICTS[p.verdict], path_verdict=PATH_VERDICTS[p.path_verdict],
            progress=progress, reasons=reasons, stand_in=stand_in,
            side=("above", "below")[p.side - 1] if p.side else None, beyond=bool(p.beyond), settled=bool(p.settled),
            limit=LIMITS[p.limit] or None, declared=DECLARED[p.declared_verdict])  # type: ignore[arg-type]

    def _pace_caveat(self, goal: Goal, o: Observation, p) -> Reason:
        """A growth rate counted though its price basis or its concept is not the goal's: which, in words."""
        parts: list[Reason] = []
        if PACE_CAVEATS[p.pace_caveat] in ("price", "price_concept"):
            which = "caveat.pace.price" if o.price_basis and goal.price_basis else \
                ("caveat.pace.price_goal_unstated" if o.price_basis else "caveat.pace.price_figure_unstated")
            presumed = "price_basis" in o.inferred
            parts.append(Reason(which + (".presumed" if presumed else ""),
                                {"figure": Code(f"price.{o.price_basis}"), "goal": Code(f"price.{goal.price_basis}")}))
        if PACE_CAVEATS[p.pace_caveat] in ("concept", "price_concept"):
            if o.caliber:  # the document names the basis (新口径): say that, not two near-identical names
                parts.append(Reason("caveat.pace.caliber", {"caliber": Bilingual(o.caliber, o.caliber_en or "")}))
            else:
                parts.append(Reason("caveat.pace.concept", {"indicator": IndicatorRef(o.indicator),
                                                            "goal_indicator": IndicatorRef(goal.indicator)}))
        if len(parts) == 2:
            return Reason("caveat.pace.both", {"price": parts[0], "concept": parts[1]})
        return Reason("caveat.pace", {"items": parts[0]})

    def _why_used(self, goal, o, p, rel, stand_in, reading) -> tuple[Reason, ...]:
        out: list[Reason] = []
        if p.concept in (1, 2):
            out.append(Reason("concept.related" if p.concept == 1 else "concept.pace_only",
                              {"indicator": IndicatorRef(o.indicator), "note": Bilingual(rel.note, rel.note_en)}))
        if p.area_relation == 0 and p.concept == 0:
            out.append(Reason("area.same", {"area": AreaRef(o.area)}))
        elif p.area_relation == 1:
            why = Bilingual(stand_in.reason, stand_in.reason_en) if stand_in else Bilingual("", "")
            out.append(Reason("area.parent.level" if p.use == 2 else "area.parent.pace",
                              {"area": AreaRef(o.area), "why": why}))
        if reading == "pace":
            if o.first_year == o.last_year:
                out.append(Reason("reading.one_year", {"year": o.last_year}))
            else:
                out.append(Reason("reading.average", {"years": Years(o.first_year, o.last_year)}))
        return tuple(out)

    def _why_aside(self, goal, o, p, rel, stand_in) -> Reason:
        code = EXCLUSIONS[p.exclusion]
        params: dict[str, Param]
        if code in ("area.other", "area.parent.total"):
            params = {"area": AreaRef(o.area)}
        elif code in ("area.parent.none", "area.parent.pace_only"):
            why = Bilingual(stand_in.reason, stand_in.reason_en) if stand_in else Code("stand_in.undeclared")
            params = {"area": AreaRef(o.area), "why": why}
        elif code in ("concept.different", "concept.pace_only"):
            params = {"indicator": IndicatorRef(o.indicator),
                      "note": Bilingual(rel.note, rel.note_en) if rel else Bilingual("", "")}
        elif code == "measure.other":
            params = {"measure": Code(f"measure.{o.measure}"), "goal_measure": Code(f"measure.{goal.measure}")}
        elif code == "unit.mismatch":
            params = {"unit": o.unit or ""}
        elif code == "caliber.price_basis":
            params = {"figure": Code(f"price.{o.price_basis}"), "goal": Code(f"price.{goal.price_basis}")}
        elif code == "pace.outside_period":
            params = {"years": Years(o.first_year, o.last_year),
                      "first": (goal.progress_baseline.year if goal.progress_baseline else self._base_year(goal)) + 1,
                      "target_year": goal.target_year}
        elif code == "pace.level_year":
            params = {"target_year": goal.target_year}
        else:
            params = {}
        return Reason(code, params)

    def _progress(self, goal, o, p, path, reading) -> Progress:
        unit: str | None = None
        if reading == "pace":
            unit = "%" if o.measure in ("yoy_growth", "annual_growth_rate") else \
                (goal.unit if goal.measure != "level" else INCREASE_UNIT.get(goal.unit or "", goal.unit))
        elif path == "compound":
            unit = "%"
        elif path == "linear":
            unit = INCREASE_UNIT.get(goal.unit or "", goal.unit)
        category = GROWTH[p.growth_category] or None
        return Progress(path=path, year=o.last_year, required=_num(p.required), time_share=_num(p.time_share),
                        completion=_num(p.completion), growth_ratio=_num(p.growth_ratio),
                        growth_category=category,  # type: ignore[arg-type]
                        pace_achieved=_num(p.pace_achieved), pace_asked=_num(p.pace_asked),
                        pace_needed=_num(p.pace_needed), pace_unit=unit,
                        pace_years=int(p.pace_years) if p.pace_years else None)

    # ---- the goal ------------------------------------------------------------------------------------------

    def _goal_reason(self, goal: Goal, e: EvidenceAccount | None, evidence, path: PathKind) -> Reason:
        context = [x for x in evidence if x.role == "context"]
        if e is None:
            if not evidence:
                main = Reason("reason.no_evidence")
            else:
                counts: dict[str, int] = {}
                for x in evidence:
                    key = "time.later_context" if x.role == "context" else (x.excluded_by or "")
                    counts[key] = counts.get(key, 0) + 1
                why = Many(tuple(Reason(f"excluded.{k}", {"n": n}) for k, n in counts.items()))
                main = Reason("reason.none_comparable", {"n": len(evidence), "why": why})
        else:
            main = self._deciding_reason(goal, e, path, evidence)
        if not context:
            return main
        later = Many(tuple(Reason("context.item", {"area": AreaRef(x.observation.area), "value": _value(x.observation),
                                                   "years": _years(x.observation)}) for x in context))
        return Reason("reason.with_context", {"main": main, "later": later})

    def _deciding_reason(self, goal: Goal, e: EvidenceAccount, path: PathKind,
                         evidence: tuple[EvidenceAccount, ...] = ()) -> Reason:
        main = self._reading_reason(goal, e, path)
        if e.limit == "readings.disagree":
            other = next((x for x in evidence if x is not e and x.comparable and x.reading != e.reading
                          and x.observation.area == e.observation.area
                          and x.observation.last_year == e.observation.last_year), None)
            if other is not None:
                pair = (main, self._reading_reason(goal, other, path))
                level, pace = pair if e.reading == "level" else pair[::-1]
                main = Reason("reason.readings_disagree", {"level": level, "pace": pace})
        caveat = next((r for r in e.reasons if r.code.startswith("caveat.pace")), None)
        if caveat is not None:
            main = Reason("reason.with_caveat", {"main": main, "caveat": caveat})
        return main

    def _reading_reason(self, goal: Goal, e: EvidenceAccount, path: PathKind) -> Reason:
        o = e.observation
        common: dict[str, Param] = {"basis": Code(f"basis.{e.basis}"), "area": AreaRef(o.area), "value": _value(o), "years": _years(o),
                  "target": Target(goal.id), "target_year": goal.target_year}
        if e.declared is not None:
            why = Bilingual(o.meets_reason or "", o.meets_reason_en or "")
            state = "final" if e.settled else ("late" if e.timing == "late" else "interim")
            said = Bilingual(o.value_text or "", o.quote_en or "") if o.value is None else _value(o)
            return Reason(f"reason.declared.{state}.{e.declared}", {**common, "value": said, "why": why})
        if e.reading == "pace":
            p = e.progress
            span = Reason("span.one_year", {"year": o.last_year}) if o.first_year == o.last_year else \
                Reason("span.average", {"years": _years(o)})
            common["verb"] = Code("verb.increase" if o.measure == "annual_increase" else "verb.growth")
            if e.settled:
                return Reason(f"reason.pace.final.{e.verdict}", {**common, "span": span})
            asked: Param = Reason("asked.stated", {"pace": Target(goal.id)})
            if p and p.pace_asked is not None:
                # a pace the plan states is its target; one the judge derives from the path says so
                asked = Reason("asked.stated", {"pace": Pace(p.pace_asked, p.pace_unit or "")}) \
                    if goal.measure != "level" else Reason("asked.derived", {"pace": Value(p.pace_asked, p.pace_unit or "")})
                stated = self.pace_goal_of.get(goal.id)
                if goal.measure == "level" and stated is not None:  # beside what the plan itself states
                    asked = Reason("asked.derived_beside_stated", {
                        "pace": Value(p.pace_asked, p.pace_unit or ""),
                        "stated": Reason("pace.target_per_year", {"target": Target(stated)})})
            params = {**common, "span": span, "asked": asked}
            if e.limit == "pace.level_unknown":
                lean = {"on_track": "favourable", "off_track": "unfavourable"}.get(e.path_verdict or "", "unclear")
                return Reason("reason.pace.level_unknown", {**params, "lean": Code(f"lean.{lean}")})
            if e.limit == "pace.beyond_plan":
                plan = self.data.plan_of(goal)
                start = self._base_year(goal)
                return Reason("reason.pace.beyond_plan", {
                    **params, "period": Years((goal.progress_baseline.year if goal.progress_baseline else start) + 1,
                                              goal.target_year),
                    "plan_period": Years(*(plan.period if plan else (start + 1, goal.target_year)))})
            return Reason(f"reason.pace.{e.path_verdict}", params)
        if e.timing == "final":
            if goal.comparator == "≈" and self._neutral(goal) and e.verdict in ("meets", "misses"):
                if e.verdict == "meets":
                    return Reason("reason.final.within", common)
                return Reason("reason.final.outside", {**common, "side": Code(f"side.{e.side}")})
            if e.verdict == "meets" and e.beyond:
                return Reason("reason.final.beyond", common)
            return Reason(f"reason.final.{e.verdict}", common)
        if e.timing == "late":
            return Reason(f"reason.late.{e.verdict}", common)
        if path == "hold":
            return Reason(f"reason.hold.{e.path_verdict}", common)
        if e.verdict == "meets":
            return Reason("reason.interim.already_met", common)
        p = e.progress
        if path == "none" or p is None or p.required is None:
            return Reason("reason.interim.no_baseline", common)
        return Reason(f"reason.interim.{e.path_verdict}", {
            **common, "completion": Share(p.completion) if p.completion is not None else "—",
            "time_share": Share(p.time_share or 0.0), "year": p.year,
            "required": Value(p.required, goal.unit or "")})

    def _neutral(self, goal: Goal) -> bool:
        ind = self.indicators.get(goal.indicator)
        return ind is None or ind.direction in (None, "neutral")

    def _caveats(self, goal: Goal, e: EvidenceAccount | None) -> tuple[Reason, ...]:
        out = []
        if goal.caliber:
            out.append(Reason("caveat.caliber", {"caliber": Bilingual(goal.caliber, goal.caliber_en or "")}))
        if e is not None and e.reading == "level" and e.area_relation == "parent" and e.progress is not None \
                and e.progress.required is not None:
            why = Bilingual(e.stand_in.reason, e.stand_in.reason_en) if e.stand_in else Bilingual("", "")
            out.append(Reason("caveat.level_proxy_path", {"area": AreaRef(e.observation.area), "why": why}))
        if e is not None and e.reading == "pace" and e.observation.first_year == e.observation.last_year:
            out.append(Reason("caveat.one_year", {"year": e.observation.last_year}))
        return tuple(out)


def _num(x) -> float | None:
    return None if x is None or x != x else float(x)


def _value(o: Observation) -> Param:
    return Value(o.value, o.unit or "", o.qualifier) if o.value is not None else Bilingual(o.value_text or "", "")


def _years(o: Observation) -> Years:
    return Years(o.first_year, o.last_year)
