"""The judge's vocabulary: every code it hands out, and the typed parameters of its reasons.

The judge never writes a sentence. It says *why* with a `Reason`: a catalogue key (``area.parent.pace_only``)
and parameters of the types below (a figure with its unit, an area by id, a year span, a share, a text the
data itself supplies in both languages). The presentation layer's locale turns them into Chinese or English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

Status = Literal["achieved", "on_track", "off_track", "missed", "indeterminate", "no_comparable_data"]
Basis = Literal["direct", "proxy"]
Timing = Literal["interim", "final", "late"]
#: How a goal's planned path is drawn: compound (totals, levels paced by a growth rate), linear (rates and shares),
#: pace (a growth rate or an increase asked of every year), ratio (a multiple of, or a change from, the base, drawn
#: from 1× in the base year), hold (a bound to keep every year: no path), none (no baseline to start from).
PathKind = Literal["compound", "linear", "pace", "ratio", "hold", "none"]
AreaRelation = Literal["same", "parent", "other"]
Concept = Literal["same", "related", "pace_only", "different"]
#: What a figure may speak to: a goal's level, only its pace (its change), or nothing.
Use = Literal["level", "pace", "none"]
#: How a figure is read for a goal: as a level (against the target and the path) or as a pace (against the pace).
Reading = Literal["level", "pace"]
#: deciding: the figure the status rests on; evidence: comparable, shown beside it; context: a figure dated after the
#: target year that may not decide (a proxy), shown as later context; set_aside: not comparable, with the reason.
Role = Literal["deciding", "evidence", "context", "set_aside"]
Verdict = Literal["meets", "misses", "cannot_tell"]
PathVerdict = Literal["on_track", "off_track", "cannot_tell"]
GrowthCategory = Literal["on_track", "needs_acceleration", "limited", "backwards"]
Side = Literal["above", "below"]

STATUSES: tuple[Status, ...] = ("achieved", "on_track", "off_track", "missed", "indeterminate", "no_comparable_data")
#: Statuses in the order of concern a reviewer reads them (worst first), for sorting tables.
STATUS_CONCERN: tuple[Status, ...] = ("missed", "off_track", "indeterminate", "on_track", "achieved",
                                      "no_comparable_data")
BASES: tuple[Basis, ...] = ("direct", "proxy")
TIMINGS: tuple[Timing, ...] = ("interim", "final", "late")
ROLES: tuple[Role, ...] = ("deciding", "evidence", "context", "set_aside")


# ---------------------------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Value:
    """A figure as stated: 2%以内 is Value(2, "%", "以内")."""

    value: float
    unit: str
    qualifier: str | None = None


@dataclass(frozen=True)
class Pace:
    """A pace: a growth rate in % a year, or an increase in `unit` a year."""

    value: float
    unit: str  # "%" for a growth rate, else the level's unit (百分点 for a rate in %)


@dataclass(frozen=True)
class AreaRef:
    id: str


@dataclass(frozen=True)
class IndicatorRef:
    id: str


@dataclass(frozen=True)
class GoalRef:
    id: str


@dataclass(frozen=True)
class DocumentRef:
    id: str


@dataclass(frozen=True)
class Years:
    first: int
    last: int


@dataclass(frozen=True)
class Share:
    """A fraction shown as a percentage (0.4 → 40%), with `digits` decimals."""

    value: float
    digits: int = 0


@dataclass(frozen=True)
class Ratio:
    """A plain number shown with two decimals (R = 1.17)."""

    value: float


@dataclass(frozen=True)
class Bilingual:
    """Text the data itself supplies (a declared reason, a note); `en` may be empty, then `zh` stands in."""

    zh: str
    en: str = ""


@dataclass(frozen=True)
class Target:
    """A goal's target as the plan states it (≥170亿元, 二级以上)."""

    goal: str  # goal id


@dataclass(frozen=True)
class Code:
    """Another catalogue entry, rendered in place (a verdict word inside a sentence)."""

    key: str


@dataclass(frozen=True)
class Many:
    """Several parameters joined as a list (、 in Chinese, ", " in English)."""

    items: tuple[Param, ...]


Param = Union[Value, Pace, AreaRef, IndicatorRef, GoalRef, DocumentRef, Years, Share, Ratio, Bilingual, Target, Code,
              Many, "Reason", int, str]


@dataclass(frozen=True)
class Reason:
    """Why, as a catalogue key and its parameters."""

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items(), key=lambda kv: kv[0]))))
