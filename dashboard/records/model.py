"""Typed records: the plan, its goals, areas, indicators, documents and observations.

Records are immutable pydantic models with unknown fields forbidden, so a misspelt key in a YAML file
is reported instead of silently ignored. Cross-record rules (references, years, quotes) live in
`validate.py`; judgement lives in `assess.py`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Units a record may use. Kept short on purpose: a new unit is a decision, not a typo.
Unit = Literal[
    "亿元", "万元", "元", "美元", "%", "‰", "百分点", "倍", "岁", "年", "万人", "人",
    "平方米", "亩", "万亩", "头", "只", "万头(只)", "家", "个", "座", "套", "万平方米", "户", "万户", "万人次",
]
UNITS: tuple[str, ...] = get_args(Unit)
#: Units of one quantity and their size in its base unit, so a figure in 万元 can be set beside a target in 亿元.
UNIT_SCALE: dict[str, tuple[str, float]] = {
    "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0),
    "万人": ("人", 1e4), "人": ("人", 1.0),
    "万亩": ("亩", 1e4), "亩": ("亩", 1.0),
    "万平方米": ("平方米", 1e4), "平方米": ("平方米", 1.0),
    "万户": ("户", 1e4), "户": ("户", 1.0),
    "万头(只)": ("头", 1e4), "头": ("头", 1.0), "只": ("头", 1.0),
}


#: What a unit counts, coarser than UNIT_SCALE: 户 and 家 both count firms, 个 and 亿元 never measure one thing.
UNIT_KIND: dict[str, str] = {
    **dict.fromkeys(("亿元", "万元", "元", "美元"), "money"),
    **dict.fromkeys(("%", "‰", "百分点"), "share"),
    **dict.fromkeys(("万人", "人", "万人次"), "persons"),
    **dict.fromkeys(("个", "家", "座", "套", "户", "万户", "所", "项"), "count"),
    **dict.fromkeys(("平方米", "万平方米", "亩", "万亩", "平方公里"), "extent"),
    **dict.fromkeys(("头", "只", "万头(只)"), "head"),
    "倍": "multiple", "岁": "age", "年": "years",
}


def convert_factor(unit: str | None, to_unit: str | None) -> float | None:
    """The factor taking a figure in `unit` to `to_unit`, or None when they measure different quantities."""
    if unit == to_unit:
        return 1.0
    a, b = UNIT_SCALE.get(unit or ""), UNIT_SCALE.get(to_unit or "")
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]

Comparator = Literal[">=", ">", "<=", "<", "≈", "=", "categorical"]
Measure = Literal["level", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base"]
ObservedMeasure = Literal[
    "level", "yoy_growth", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base"
]
#: A goal's group: one of the plan's own `groups` (plan.yaml), checked across records.
Group = str
Qualifier = Literal["达", "达到", "以上", "超过", "以内", "以下", "不超过", "不到", "低于", "左右", "约", "近"]
#: How a related indicator may stand in for a plan indicator: its level and its change (proxy), only its change
#: (pace: a new statistical basis whose growth still speaks), or not at all (different).
Relation = Literal["proxy", "pace", "different"]
IndicatorKind = Literal["intensive", "total"]
#: Which way is better: higher, lower, or neither (a projection such as a population): 左右 follows it.
Direction = Literal["higher", "lower", "neutral"]
#: What another (larger) area's figure may say about the plan's area: its level, only its change, or nothing.
StandInUse = Literal["level", "pace", "none"]
PriceBasis = Literal["current", "comparable"]
AreaLevel = Literal["district", "county", "city", "prefecture", "region", "country"]

#: Default relative tolerance for 左右 / 约 (≈): ±5% of the stated value. A plan may set its own (`assessment`).
APPROX_TOLERANCE = 0.05

Year = int


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class GroupDef(Record):
    """One of the plan's groups of goals, in the order the plan gives them."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str
    headline: bool = False  # one of the plan's headline target groups (the rest are task chapters or outlooks)


class GrowthThresholds(Record):
    """Open SDG's cut-offs for R, the observed over the required annual growth."""

    on_track: float = 0.95
    needs_acceleration: float = 0.6
    limited: float = 0.0


class AssessmentConfig(Record):
    """How this plan's goals are judged where a convention has to be chosen (README, "How goals are judged")."""

    approx_tolerance: float = Field(default=APPROX_TOLERANCE, gt=0, lt=1)  # 左右 / 约: ± this share of the value
    growth_ratio: GrowthThresholds = GrowthThresholds()
    consistent_within: float = Field(default=0.01, ge=0, lt=1)  # coherence: level gaps within this are rounding


class Plan(Record):
    id: str
    name: str
    name_en: str
    short_name: str = ""  # for titles: 克拉玛依区“十一五”规划
    short_name_en: str = ""
    area: str
    period: tuple[Year, Year]
    base_year: Year
    horizon_years: tuple[Year, ...] = ()
    source: str
    groups: tuple[GroupDef, ...] = ()
    highlights: tuple[str, ...] = ()  # goal ids shown first, as cards
    assessment: AssessmentConfig = AssessmentConfig()

    @model_validator(mode="after")
    def _period_ordered(self) -> Plan:
        if self.period[0] > self.period[1]:
            raise ValueError("period must be [first year, last year]")
        if self.base_year >= self.period[0]:
            raise ValueError("base_year must come before the first year of the period")
        return self

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.period[0], self.period[1] + 1)) + tuple(self.horizon_years)


class IndicatorRelation(Record):
    to: str
    relation: Relation
    note: str
    note_en: str = ""


class StandIn(Record):
    """The data's declaration of what a larger area's figures may say about this indicator in the plan's area,
    and why: `level` (the two areas' levels are shown to be commensurate), `pace` (only the larger area's change
    speaks), `none` (the structure differs). Undeclared means none."""

    area: str | None = None  # the larger area whose figures these are
    level: AreaLevel | None = None  # or: every larger area of this level (the city above each district)
    use: StandInUse
    reason: str
    reason_en: str = ""

    @model_validator(mode="after")
    def _one_place(self) -> StandIn:
        if (self.area is None) == (self.level is None):
            raise ValueError("give exactly one of area (an area id) or level (every larger area of that level)")
        return self


class CollectFrom(Record):
    """Where a figure of an indicator is usually published: the department that holds it and the kind of document
    (the district's 统计公报, a department's annual report). It says whom to ask, never what the figure is."""

    department: str
    department_en: str
    document: str
    document_en: str
    #: The level of area whose department this is (区统计局: district): a goal of a city is asked of the city's.
    #: None: any area's.
    level: AreaLevel | None = None


class StandInDeclaration(StandIn):
    """A stand-in declaration kept in a file of its own (actuals/stand-ins-*.yaml, made by the import from an
    editor's workbook): the loader adds it to its indicator's `stand_in`, so no reviewed file is rewritten."""

    indicator: str


class Indicator(Record):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str
    kind: IndicatorKind
    direction: Direction | None = None
    relations: tuple[IndicatorRelation, ...] = ()
    stand_in: tuple[StandIn, ...] = ()
    collect_from: tuple[CollectFrom, ...] = ()
    #: Other names documents give it, for the reader's matching only (dashboard/reader): a proposal, never a record.
    aliases: tuple[str, ...] = ()


class Baseline(Record):
    value: float
    year: Year
    quote: str
    #: The baseline's unit where it is not the goal's: a pace goal's baseline is the level it paces (10788 元).
    unit: Unit | None = None
    #: A baseline the plan states as an interval (不到1/10, 8‰以内): shown, never a point to measure progress from.
    qualifier: Qualifier | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        return _require_finite(v)


class Goal(Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    name_en: str
    group: Group
    chapter: str
    chapter_en: str = ""
    #: The area the goal speaks for, when it is not the plan's own (a province's plan setting targets for each of
    #: its counties); None means the plan's area. See `goal_area`.
    area: str | None = None
    indicator: str
    measure: Measure = "level"
    unit: Unit | None = None  # a categorical goal has none
    comparator: Comparator
    target: float | None = None
    target_text: str | None = None
    target_text_en: str | None = None  # a categorical target in English (二级以上: grade II or better)
    target_year: Year
    baseline: Baseline | None = None
    paces: str | None = None
    #: A bound to hold every year of the period (控制在…以内, 继续保持): judged year by year, with no path.
    hold: bool = False
    price_basis: PriceBasis | None = None
    quote: str
    quote_en: str | None = None  # an English gloss of the plan's words; the quote stays verbatim
    caliber: str | None = None
    caliber_en: str | None = None
    notes: str | None = None
    notes_en: str | None = None
    #: Set by the loader from the folder the goal sits in (its plan's id), not written in YAML. A goal of a plan
    #: after the first has its id qualified by the loader as `<plan-id>.<id>` (and its `paces` alike), so ids are
    #: unique across plans while each plan's own file keeps bare ids; see `local_id`.
    plan: str = ""

    @property
    def local_id(self) -> str:
        """The id as its plan's file writes it (the part after `<plan-id>.` for a later plan's goal)."""
        return self.id.rpartition(".")[2]

    @staticmethod
    def later_plans_id(plan_id: str, local_id: str) -> str:
        """A later plan's goal id as the data knows it, from the id its plan's file writes (`local_id` undoes it)."""
        return f"{plan_id}.{local_id}"

    @field_validator("target")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        return None if v is None else _require_finite(v)

    @model_validator(mode="after")
    def _target_matches_comparator(self) -> Goal:
        if self.comparator == "categorical":
            if not self.target_text:
                raise ValueError("a categorical goal needs target_text (the target in the plan's words)")
        elif self.target is None:
            raise ValueError(f"comparator {self.comparator!r} needs a numeric target")
        elif self.unit is None:
            raise ValueError("a numeric goal needs a unit")
        return self

    @property
    def progress_baseline(self) -> Baseline | None:
        """The baseline progress is measured from, or None: a baseline stated as an interval (不到1/10), or a level
        goal's baseline in another unit than its target (68682元 against a dollar target), is shown, never used."""
        b = self.baseline
        if b is None or b.qualifier is not None:
            return None
        if self.measure == "level" and b.unit is not None and b.unit != self.unit:
            return None
        return b

    @property
    def is_categorical(self) -> bool:
        return self.comparator == "categorical"


class Area(Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    name_en: str
    level: AreaLevel
    parent: str | None = None


class Document(Record):
    id: str
    file: str
    title: str
    title_en: str
    publisher: str
    publisher_en: str = ""
    published: dt.date
    published_basis: Literal["stated", "inferred"]
    published_note: str = ""
    published_note_en: str = ""
    area: str
    years: tuple[Year, Year]
    url: str | None = None  # the original publication's address (the public site links to it; it never republishes)

    @field_validator("url")
    @classmethod
    def _web_address(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("https://", "http://")):
            raise ValueError("url must be a web address beginning with https:// or http://")
        return v


class Derived(Record):
    formula: str
    inputs: tuple[str, ...] = ()


class Observation(Record):
    id: str
    indicator: str
    measure: ObservedMeasure = "level"
    area: str
    year: Year | None = None
    period: tuple[Year, Year] | None = None
    value: float | None = None
    #: A statement without a number (建成了覆盖全市的教育城域网): the words that state it, instead of a value.
    value_text: str | None = None
    value_text_en: str | None = None  # the statement in English, for the English pages
    qualifier: Qualifier | None = None
    unit: Unit | None = None
    price_basis: PriceBasis | None = None
    caliber: str | None = None
    caliber_en: str | None = None
    quote: str
    quote_en: str | None = None
    period_note: str | None = None
    period_note_en: str | None = None
    derived: Derived | None = None
    notes: str | None = None
    notes_en: str | None = None
    #: The plan whose goals the notes are written of (全市…不是克拉玛依区的, 规划的…): beside this figure on another
    #: plan's pages they would mislead, so they are left out there. None: the notes hold for every plan.
    notes_for: str | None = None
    #: Which of this record's statements are the editor's inference, not the document's words (a period read from
    #: 近年来, a caliber presumed): shown as inferred wherever they appear.
    inferred: tuple[Literal["period", "notes", "price_basis", "caliber"], ...] = ()
    #: A categorical goal met (or not) by this statement, as an editor declares it, with the reason in both
    #: languages (国家园林城市 exceeds 自治区园林城市). Without it a statement never settles a categorical goal.
    meets: bool | None = None
    meets_reason: str | None = None
    meets_reason_en: str | None = None
    # Set by the loader from the file the observation sits in, not written in YAML.
    document: str = ""

    def notes_beside(self, plan: str) -> bool:
        """Whether the notes belong beside this figure where it is weighed for a goal of `plan`."""
        return self.notes_for is None or self.notes_for == plan

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        return None if v is None else _require_finite(v)

    @model_validator(mode="after")
    def _one_time(self) -> Observation:
        if (self.year is None) == (self.period is None):
            raise ValueError("give exactly one of year or period")
        if self.period is not None and self.period[0] > self.period[1]:
            raise ValueError("period must be [first year, last year]")
        if (self.value is None) == (self.value_text is None):
            raise ValueError("give exactly one of value (a number) or value_text (a statement without a number)")
        if self.value is not None and self.unit is None:
            raise ValueError("a figure with a value needs a unit")
        if self.meets is not None and not (self.meets_reason and self.meets_reason_en):
            raise ValueError("a declared verdict (meets) needs its reason in both languages (meets_reason, meets_reason_en)")
        return self

    @property
    def is_numeric(self) -> bool:
        return self.value is not None

    @property
    def last_year(self) -> int:
        return self.year if self.year is not None else self.period[1]  # type: ignore[index]

    @property
    def first_year(self) -> int:
        return self.year if self.year is not None else self.period[0]  # type: ignore[index]



@dataclass(frozen=True, slots=True)
class Interval:
    """A closed-or-open interval of the real line; None means unbounded on that side. (The judge makes them:
    `judge/rules.py` holds what each qualifier and comparator means. A plain value, not a record: made by the
    hundred thousand, never validated.)"""

    lower: float | None
    upper: float | None
    lower_open: bool = False
    upper_open: bool = False

    @classmethod
    def point(cls, v: float) -> Interval:
        return cls(lower=v, upper=v)

    @property
    def is_point(self) -> bool:
        return self.lower is not None and self.lower == self.upper

    @property
    def midpoint(self) -> float | None:
        """A single figure to draw or to compute progress with; None when a side is unbounded."""
        if self.lower is None or self.upper is None:
            return None
        return (self.lower + self.upper) / 2


def _require_finite(v: float) -> float:
    if isinstance(v, bool) or not math.isfinite(v):
        raise ValueError("must be a finite number")
    return v


class Dataset(BaseModel):
    """Everything loaded: the valid records only (problems are in the load report)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    #: The first plan (the plan under review: the old layout's targets/plan.yaml, else the first plan folder by name).
    plan: Plan | None
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    areas: tuple[Area, ...]
    documents: tuple[Document, ...]
    observations: tuple[Observation, ...]
    #: Every plan, the first first; empty when none was loaded. (Set from `plan` when not given.)
    plans: tuple[Plan, ...] = ()

    @model_validator(mode="after")
    def _first_plan(self) -> Dataset:
        if not self.plans and self.plan is not None:
            object.__setattr__(self, "plans", (self.plan,))
        return self

    def plan_by_id(self, plan_id: str | None) -> Plan | None:
        """The plan of that id; the first plan for None or an unknown id (an old address without a plan)."""
        return self._plans_by_id.get(plan_id or "", self.plan)

    def for_plan(self, plan_id: str | None = None) -> Dataset:
        """The data seen through one plan (the first for None): that plan alone and its goals; indicators, areas,
        documents and figures shared. For its names and its goals: judge the whole and ask for the view's goals
        (`Judge.accounts(view.goals)`), since judged alone another plan's areas would be unrelated ones and their
        figures listed under its goals."""
        plan = self.plan_by_id(plan_id)
        if plan is None or len(self.plans) <= 1:
            return self
        view = self.model_copy(update={"plan": plan, "plans": (plan,), "goals": self.goals_of(plan.id)})
        view.__dict__.pop("_plans_by_id", None)  # the whole's index, not the view's
        return view

    def plan_of(self, goal: Goal) -> Plan | None:
        return self._plans_by_id.get(goal.plan, self.plan)

    def goals_of(self, plan_id: str) -> tuple[Goal, ...]:
        first = self.plan.id if self.plan else ""
        return tuple(g for g in self.goals if (g.plan or first) == plan_id)

    @cached_property
    def _plans_by_id(self) -> dict[str, Plan]:
        return {p.id: p for p in self.plans}

    def goal(self, goal_id: str) -> Goal | None:
        return self.goals_by_id().get(goal_id)

    @property
    def assessment(self) -> AssessmentConfig:
        """The plan's judging conventions, or the defaults where no plan was loaded."""
        return self.plan.assessment if self.plan else AssessmentConfig()

    def observations_by_id(self) -> dict[str, Observation]:
        """{id: observation}, built once for this tuple of observations: a page built per goal made it again from
        every figure (at 100×, 100,000 of them, 15,000 times). A copy of the dataset with other observations builds
        its own."""
        return self._index("observations", self.observations)

    def goals_by_id(self) -> dict[str, Goal]:
        """{id: goal}, built once for this tuple of goals, as `observations_by_id` (a plan's view has its own)."""
        return self._index("goals", self.goals)

    def _index(self, name: str, records: tuple[Any, ...]) -> dict[str, Any]:
        """The first record of each id, as a linear search finds it (the loader keeps the first of a repeated id)."""
        key = f"_index_{name}"
        kept = self.__dict__.get(key)  # not a field: equality and dumps ignore it
        if kept is None or kept[0] is not records:
            index: dict[str, Any] = {}
            for r in records:
                index.setdefault(r.id, r)
            kept = (records, index)
            self.__dict__[key] = kept
        return kept[1]

    def goal_area(self, goal: Goal) -> str | None:
        """The area a goal speaks for: its own `area`, else its plan's."""
        plan = self.plan_of(goal)
        return goal.area or (plan.area if plan else None)
