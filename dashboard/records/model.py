"""Typed records: the plan, its goals, areas, indicators, documents and observations.

Records are immutable pydantic models with unknown fields forbidden, so a misspelt key in a YAML file
is reported instead of silently ignored. Cross-record rules (references, years, quotes) live in
`validate.py`; judgement lives in `assess.py`.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cached_property
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Units a record may use. Kept short on purpose: a new unit is a decision, not a typo.
Unit = Literal[
    "亿元", "万元", "元", "美元", "%", "‰", "百分点", "倍", "岁", "年", "万人", "人",
    "平方米", "亩", "万亩", "头", "只", "万头(只)", "家", "个", "座", "套",
]
UNITS: tuple[str, ...] = get_args(Unit)
Comparator = Literal[">=", ">", "<=", "<", "≈", "=", "categorical"]
Measure = Literal["level", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base"]
ObservedMeasure = Literal[
    "level", "yoy_growth", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base"
]
Group = Literal[
    "economy", "society", "environment", "urban",
    "agriculture", "infrastructure", "informatisation", "greening", "management", "science",
    "education", "community", "living", "food_safety", "culture", "population",
    "outlook_2015",
]
HEADLINE_GROUPS: tuple[str, ...] = ("economy", "society", "environment", "urban")
Qualifier = Literal["达", "达到", "以上", "超过", "以内", "不到", "低于", "左右", "约", "近"]
Relation = Literal["proxy", "different"]
IndicatorKind = Literal["intensive", "total"]
AreaLevel = Literal["district", "city", "prefecture", "region", "country"]

#: Relative tolerance for 左右 / 约 / 稳定在 (≈): ±5% of the stated value. Stated in the README.
APPROX_TOLERANCE = 0.05

Year = int


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Plan(Record):
    id: str
    name: str
    name_en: str
    area: str
    period: tuple[Year, Year]
    base_year: Year
    horizon_years: tuple[Year, ...] = ()
    source: str

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


class Indicator(Record):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str
    kind: IndicatorKind
    relations: tuple[IndicatorRelation, ...] = ()


class Baseline(Record):
    value: float
    year: Year
    quote: str

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
    #: The area the goal speaks for, when it is not the plan's own (a province's plan setting targets for each of
    #: its counties); None means the plan's area. See `goal_area`.
    area: str | None = None
    indicator: str
    measure: Measure = "level"
    unit: Unit | None = None  # a categorical goal has none
    comparator: Comparator
    target: float | None = None
    target_text: str | None = None
    target_year: Year
    baseline: Baseline | None = None
    paces: str | None = None
    quote: str
    caliber: str | None = None
    notes: str | None = None
    notes_en: str | None = None

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
    published: dt.date
    published_basis: Literal["stated", "inferred"]
    published_note: str = ""
    area: str
    years: tuple[Year, Year]


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
    value: float
    qualifier: Qualifier | None = None
    unit: Unit
    caliber: str | None = None
    quote: str
    period_note: str | None = None
    derived: Derived | None = None
    notes: str | None = None
    notes_en: str | None = None
    # Set by the loader from the file the observation sits in, not written in YAML.
    document: str = ""

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        return _require_finite(v)

    @model_validator(mode="after")
    def _one_time(self) -> Observation:
        if (self.year is None) == (self.period is None):
            raise ValueError("give exactly one of year or period")
        if self.period is not None and self.period[0] > self.period[1]:
            raise ValueError("period must be [first year, last year]")
        return self

    @property
    def last_year(self) -> int:
        return self.year if self.year is not None else self.period[1]  # type: ignore[index]

    @property
    def first_year(self) -> int:
        return self.year if self.year is not None else self.period[0]  # type: ignore[index]

    @property
    def interval(self) -> Interval:
        return Interval.from_qualifier(self.value, self.qualifier)


class Interval(BaseModel):
    """A closed-or-open interval of the real line; None means unbounded on that side."""

    model_config = ConfigDict(frozen=True)
    lower: float | None
    upper: float | None
    lower_open: bool = False
    upper_open: bool = False

    @classmethod
    def point(cls, v: float) -> Interval:
        return cls(lower=v, upper=v)

    @classmethod
    def from_qualifier(cls, value: float, qualifier: str | None) -> Interval:
        tol = abs(value) * APPROX_TOLERANCE
        match qualifier:
            case "以上":
                return cls(lower=value, upper=None)
            case "超过":
                return cls(lower=value, upper=None, lower_open=True)
            case "以内":
                return cls(lower=None, upper=value)
            case "不到" | "低于":
                return cls(lower=None, upper=value, upper_open=True)
            case "左右" | "约":
                return cls(lower=value - tol, upper=value + tol)
            case "近":
                return cls(lower=value - tol, upper=value, upper_open=True)
            case _:  # 达, 达到, or a plain figure
                return cls.point(value)

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
    plan: Plan | None
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    areas: tuple[Area, ...]
    documents: tuple[Document, ...]
    observations: tuple[Observation, ...]

    def goal(self, goal_id: str) -> Goal | None:
        return self._goals_by_id.get(goal_id)

    @cached_property
    def _goals_by_id(self) -> dict[str, Goal]:
        # Built on first use and kept (not a field: equality and dumps ignore it). First record wins, as a
        # linear search would.
        index: dict[str, Goal] = {}
        for g in self.goals:
            index.setdefault(g.id, g)
        return index

    def goal_area(self, goal: Goal) -> str | None:
        """The area a goal speaks for: its own `area`, else the plan's."""
        return goal.area or (self.plan.area if self.plan else None)
