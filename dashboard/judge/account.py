"""A goal's full account: its status and, for every figure that bears on it, how it was read and why.

These are the judge's answers for one goal, built from its codes: nothing here decides anything. Pages,
exports and the contract read them; the locale turns their reasons into words.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.judge.codes import (
    AreaRelation,
    Basis,
    Concept,
    GrowthCategory,
    PathKind,
    PathVerdict,
    Reading,
    Reason,
    Role,
    Status,
    Timing,
    Use,
    Verdict,
)
from dashboard.records.model import Document, Goal, Interval, Observation, StandIn


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

    @property
    def context(self) -> tuple[EvidenceAccount, ...]:
        return tuple(e for e in self.evidence if e.role == "context")

    @property
    def comparable(self) -> tuple[EvidenceAccount, ...]:
        return tuple(e for e in self.evidence if e.comparable)
