"""What the briefing outputs say about a goal, as data: read once here, shown by pages, tables and figures.

Nothing here decides anything (the judge does) or writes words (the locale does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.records.model import Dataset, Document, Goal


def baseline_unit(goal: Goal, data: Dataset | None) -> str | None:
    """The unit of a goal's baseline. A pace goal's baseline is the level it paces (10788 元 for an income growth
    rate): the baseline's own unit where the data gives it, else the paced goal's unit; for a goal that is not a
    level (a growth rate, a multiple of the base) the unit of a level goal of the same indicator; else the goal's."""
    if goal.baseline is None:
        return None
    if goal.baseline.unit:
        return goal.baseline.unit
    goals = data.goals if data is not None else ()
    paced = next((g for g in goals if g.id == goal.paces), None) if goal.paces else None
    if paced is not None and paced.unit:
        return paced.unit
    if goal.measure != "level":
        level = next((g for g in goals if g.indicator == goal.indicator and g.measure == "level" and g.unit), None)
        if level is not None:
            return level.unit
    return goal.unit


def interval_unit(e: EvidenceAccount, goal: Goal) -> str | None:
    """The unit of the interval the judge read a figure as: the goal's for a level, the figure's own for a pace
    (a growth rate in %, an increase in the level's unit)."""
    return goal.unit if e.reading == "level" else e.observation.unit


def documents(evidence: Iterable[EvidenceAccount]) -> list[Document]:
    """The documents of these figures, once each, oldest first."""
    seen: dict[str, Document] = {}
    for e in evidence:
        if e.document is not None and e.document.id not in seen:
            seen[e.document.id] = e.document
    return sorted(seen.values(), key=lambda d: (d.published, d.id))


def pack_documents(selected: Sequence[GoalAccount]) -> list[Document]:
    return documents(e for a in selected for e in a.evidence)


def others(a: GoalAccount) -> tuple[EvidenceAccount, ...]:
    """The figures of a goal besides the deciding one and the later context: comparable, then set aside."""
    return tuple(e for e in a.evidence if e is not a.deciding and e.role != "context")


def has_figures(a: GoalAccount) -> bool:
    """Whether a goal's chart would show anything besides its target: a baseline or a figure to plot. A goal with
    neither gets no axes on paper or on its slide (empty axes say nothing); its words say so."""
    return a.goal.baseline is not None or any(e.comparable or e.role == "context" for e in a.evidence)


def related_findings(findings: Iterable[Finding], ids: set[str]) -> list[Finding]:
    """Coherence findings that concern any of the goals `ids`."""
    return [f for f in findings
            if f.pace_goal.id in ids or (f.level_goal and f.level_goal.id in ids)
            or (f.other_goal and f.other_goal.id in ids)]


def status_counts(selected: Sequence[GoalAccount]) -> dict[tuple[str, str | None], int]:
    """Goals per (status, basis): a proxy status is counted apart from a direct one."""
    counts: dict[tuple[str, str | None], int] = {}
    for a in selected:
        key = (a.status, a.basis)
        counts[key] = counts.get(key, 0) + 1
    return counts
