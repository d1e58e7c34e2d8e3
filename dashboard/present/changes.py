"""What changes between two versions of the data, as a reviewer reads it before a commit or an import.

`compare(before, after)` asks the judge of each version (`Judge.summary()` for every goal, `Judge.account(id)` only
for the goals that move or that a new figure reaches): the goals whose status, basis or deciding figure change,
before → after with the reason; the new figures and the goals they reach (deciding, evidence, later context or set
aside, with why); the figures gone; and new figures of an area other than their document's (a district's figure in
a city's report: allowed, but a reviewer should see it). `lines(changes, loc)` words it through the locale.
Nothing here judges: it compares the judge's answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.judge import Judge
from dashboard.judge.account import EvidenceAccount
from dashboard.judge.codes import Reason
from dashboard.present.catalogue import CATALOGUE
from dashboard.present.locale import Locale
from dashboard.records.model import Dataset, Goal, Observation


@dataclass(frozen=True)
class Verdict:
    status: str
    basis: str | None
    deciding: str | None  # the deciding observation's id


@dataclass(frozen=True)
class GoalChange:
    goal: Goal
    before: Verdict | None  # None: a new goal
    after: Verdict | None  # None: a goal removed
    reason_before: Reason | None
    reason_after: Reason | None
    changed: tuple[str, ...]  # of status, basis, deciding


@dataclass(frozen=True)
class Reach:
    """How one figure bears on one goal."""

    goal: Goal
    role: str  # deciding, evidence, context, set_aside
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class FigureChange:
    observation: Observation
    kind: str  # new, changed, removed
    reaches: tuple[Reach, ...] = ()


@dataclass(frozen=True)
class OtherArea:
    """A figure of another area than its document's: a district's figure in a city's report."""

    observation: Observation
    document_area: str
    relation: str  # below (an area inside the document's), above, other


@dataclass
class Changes:
    goals: list[GoalChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    other_area: list[OtherArea] = field(default_factory=list)

    @property
    def new_figures(self) -> list[FigureChange]:
        return [f for f in self.figures if f.kind != "removed"]

    @property
    def removed_figures(self) -> list[FigureChange]:
        return [f for f in self.figures if f.kind == "removed"]

    @property
    def set_aside(self) -> list[tuple[Observation, Reach]]:
        return [(f.observation, r) for f in self.new_figures for r in f.reaches if r.role == "set_aside"]

    @property
    def empty(self) -> bool:
        return not (self.goals or self.figures or self.other_area)


def _verdicts(judge: Judge) -> dict[str, Verdict]:
    frame = judge.summary()
    out = {}
    for goal_id, status, basis, deciding in zip(frame["id"], frame["status"], frame["basis"],
                                                frame["deciding_observation"], strict=True):
        out[str(goal_id)] = Verdict(str(status), _none(basis), _none(deciding))
    return out


def _none(v) -> str | None:
    return None if v is None or v != v else str(v)  # NaN is not equal to itself


def compare(before: Dataset, after: Dataset, before_judge: Judge | None = None,
            after_judge: Judge | None = None) -> Changes:
    jb, ja = before_judge or Judge(before), after_judge or Judge(after)
    vb, va = _verdicts(jb), _verdicts(ja)
    goals_after = {g.id: g for g in after.goals}
    goals_before = {g.id: g for g in before.goals}
    changes = Changes()
    for goal_id in list(va) + [i for i in vb if i not in va]:
        b, a = vb.get(goal_id), va.get(goal_id)
        if b == a:
            continue
        changed = tuple(name for name, x, y in (
            ("status", b and b.status, a and a.status), ("basis", b and b.basis, a and a.basis),
            ("deciding", b and b.deciding, a and a.deciding)) if x != y)
        changes.goals.append(GoalChange(
            goal=goals_after.get(goal_id) or goals_before[goal_id], before=b, after=a,
            reason_before=jb.account(goal_id).reason if b else None,
            reason_after=ja.account(goal_id).reason if a else None, changed=changed))

    old = {o.id: o for o in before.observations}
    new = {o.id: o for o in after.observations}
    fresh = {i: o for i, o in new.items() if old.get(i) != o}
    reaches = _reaches(ja, fresh, goals_after) if fresh else {}
    for i, o in fresh.items():
        changes.figures.append(FigureChange(o, "changed" if i in old else "new", tuple(reaches.get(i, ()))))
    changes.figures += [FigureChange(o, "removed") for i, o in old.items() if i not in new]

    documents = {d.id: d for d in after.documents}
    parents = {a.id: a.parent for a in after.areas}
    for o in fresh.values():
        doc = documents.get(o.document)
        if doc is not None and o.area != doc.area:
            changes.other_area.append(OtherArea(o, doc.area, _relation(o.area, doc.area, parents)))
    return changes


def _reaches(judge: Judge, fresh: dict[str, Observation], goals: dict[str, Goal]) -> dict[str, list[Reach]]:
    pairs = judge.pairs()
    pairs = pairs[pairs["observation"].isin(list(fresh))]
    out: dict[str, list[Reach]] = {}
    for goal_id in dict.fromkeys(str(g) for g in pairs["goal"]):
        account = judge.account(goal_id)
        by_id: dict[str, EvidenceAccount] = {e.observation.id: e for e in account.evidence}
        for obs_id in pairs.loc[pairs["goal"] == goal_id, "observation"]:
            e = by_id.get(str(obs_id))
            if e is not None:
                out.setdefault(str(obs_id), []).append(Reach(goals[goal_id], e.role, e.reasons))
    return out


def _measure(o: Observation, loc: Locale) -> str:
    """The kind of figure, for anything but a level (a growth rate must not read as the level itself)."""
    if o.measure == "level":
        return ""
    key = f"measure.{o.measure}"
    return (loc.t(key) + " ") if key in CATALOGUE else ""


def _relation(area: str, document_area: str, parents: dict[str, str | None]) -> str:
    def chain(a: str | None) -> list[str]:
        seen: list[str] = []
        while a is not None and a not in seen:
            seen.append(a)
            a = parents.get(a)
        return seen

    if document_area in chain(area)[1:]:
        return "below"
    if area in chain(document_area)[1:]:
        return "above"
    return "other"


# ---------------------------------------------------------------------------------------------- in words


def verdict_text(v: Verdict | None, loc: Locale) -> str:
    if v is None:
        return loc.t("changes.none")
    return loc.status(v.status, v.basis)


def lines(changes: Changes, loc: Locale) -> list[str]:
    """The changes as Markdown lines (a heading per part; nothing but a sentence when nothing changes)."""
    if changes.empty:
        return [loc.t("changes.nothing")]
    return goal_lines(changes, loc) + figure_lines(changes, loc)


def goals_heading(changes: Changes, loc: Locale) -> str:
    return loc.t("changes.goals", n=len(changes.goals)) if changes.goals else loc.t("changes.no_goal_moves")


def _deciding(c: GoalChange) -> tuple[str, str]:
    return (c.before.deciding if c.before and c.before.deciding else "—",
            c.after.deciding if c.after and c.after.deciding else "—")


def goal_lines(changes: Changes, loc: Locale) -> list[str]:
    """The goals whose judgement changes: a line each, with the deciding figure when it changes and why."""
    out = [goals_heading(changes, loc)]
    for c in changes.goals:
        head = loc.t("changes.goal_line", goal=loc.goal_name(c.goal), id=c.goal.id,
                     before=verdict_text(c.before, loc), after=verdict_text(c.after, loc))
        out.append(f"- {head}")
        if "deciding" in c.changed:
            before, after = _deciding(c)
            out.append("  - " + loc.t("changes.deciding", before=before, after=after))
        if c.reason_after is not None:
            out.append("  - " + loc.t("changes.because", reason=loc.reason(c.reason_after)))
    return out


def goal_table(changes: Changes, loc: Locale) -> tuple[list[str], list[list[str]]]:
    """The same goals as a table, before and after side by side: header and rows of plain text."""
    head = [loc.t(f"changes.col.{k}") for k in ("goal", "before", "after", "deciding", "why")]
    rows = []
    for c in changes.goals:
        before, after = _deciding(c)
        rows.append([loc.t("changes.goal_ref", goal=loc.goal_name(c.goal), id=c.goal.id),
                     verdict_text(c.before, loc), verdict_text(c.after, loc),
                     f"{before} → {after}" if "deciding" in c.changed else after,
                     loc.reason(c.reason_after) if c.reason_after is not None else ""])
    return head, rows


def figure_lines(changes: Changes, loc: Locale) -> list[str]:
    """New, changed and removed figures and the goals they reach; figures of another area than their document's."""
    out: list[str] = []
    new = changes.new_figures
    if new:
        out.append(loc.t("changes.figures", n=len(new)))
        for f in new:
            o = f.observation
            kind = loc.t("changes.kind." + f.kind)
            out.append("- " + loc.t("changes.figure", kind=kind, id=o.id, indicator=loc.indicator(o.indicator),
                                    measure=_measure(o, loc), value=loc.observed(o), area=loc.area(o.area),
                                    years=loc.years(o.first_year, o.last_year)))
            if not f.reaches:
                out.append("  - " + loc.t("changes.reaches_none"))
            for r in f.reaches:
                out.append("  - " + loc.t("changes.reach", goal=loc.goal_name(r.goal), id=r.goal.id,
                                          role=loc.t("changes.role." + r.role)))
                if r.role == "set_aside" and r.reasons:
                    out.append("    - " + loc.t("changes.why_aside", reason=loc.reasons(r.reasons)))
    if changes.removed_figures:
        out.append(loc.t("changes.removed", n=len(changes.removed_figures)))
        out += [f"- `{f.observation.id}`{loc.colon}{loc.indicator(f.observation.indicator)} "
                f"{loc.observed(f.observation)}" for f in changes.removed_figures]
    if changes.other_area:
        out.append(loc.t("changes.other_area", n=len(changes.other_area)))
        for x in changes.other_area:
            out.append("- " + loc.t("changes.other_area_line", id=x.observation.id, area=loc.area(x.observation.area),
                                    document_area=loc.area(x.document_area),
                                    relation=loc.t("changes.relation." + x.relation)))
    return out

