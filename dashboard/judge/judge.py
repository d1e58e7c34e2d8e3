"""The judge, as the faces and outputs call it: `Judge(dataset)`, then a summary of every goal, one goal's full
account, every account, and the plan's coherence findings. Lookups are built once per dataset."""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from dashboard.judge import assess as _engine
from dashboard.judge.account import EvidenceAccount, GoalAccount, Progress
from dashboard.judge.bulk import assess_bulk
from dashboard.judge.codes import Bilingual, Reason
from dashboard.judge.coherence import Finding, findings
from dashboard.records.model import Dataset

_PATH = {"compound": "compound", "linear": "linear", "constant": "pace"}


def _text(zh: str, en: str) -> Reason:
    return Reason("text", {"text": Bilingual(zh, en)})


class Judge:
    def __init__(self, data: Dataset):
        self.data = data
        self._accounts: dict[str, GoalAccount] = {}

    @cached_property
    def _context(self) -> _engine.Context:
        return _engine.Context(self.data)

    @cached_property
    def _goals(self) -> dict:
        return {g.id: g for g in self.data.goals}

    def goal_area(self, goal_id: str) -> str:
        return self._context.goal_area(self._goals[goal_id])

    @cached_property
    def goal_areas(self) -> frozenset[str]:
        """The areas the goals speak for (each goal's own, else the plan's)."""
        return frozenset(self._context.goal_area(g) for g in self.data.goals)

    def area_relation(self, area_id: str) -> str:
        """How an area's figures stand to the goals: same (an area some goal speaks for), parent (an area above
        one: its figures may stand in only as the data declares), other (neither: never evidence)."""
        if area_id in self.goal_areas:
            return "same"
        return "parent" if area_id in self._context.scope else "other"

    def pairs(self) -> pd.DataFrame:
        """Every (goal, figure) pair the judge looked at: goal, observation, comparable, basis, role."""
        ev = assess_bulk(self.data, evidence=True).evidence
        assert ev is not None
        return ev

    def summary(self) -> pd.DataFrame:
        """One row per goal, in the dataset's order: id, status, basis, timing, path, deciding_observation,
        evidence (figures shown beside it), comparable (of which comparable)."""
        frame = assess_bulk(self.data, evidence=False).goals
        return frame.assign(path=frame["path"].astype(str).map(_PATH))

    def account(self, goal_id: str) -> GoalAccount:
        """One goal's full account (KeyError if there is no such goal), computed once."""
        found = self._accounts.get(goal_id)
        if found is None:
            found = self._accounts[goal_id] = self._build(goal_id)
        return found

    def accounts(self) -> list[GoalAccount]:
        return [self.account(g.id) for g in self.data.goals]

    @cached_property
    def coherence(self) -> list[Finding]:
        return findings(self.data)

    def _build(self, goal_id: str) -> GoalAccount:
        goal = self._goals[goal_id]
        a = _engine.assess_goal(goal, self._context)
        deciding_id = a.deciding.observation.id if a.deciding else None
        evidence = []
        for e in a.evidence:
            p = e.progress
            progress = None if p is None else Progress(
                path=_PATH[p.path], year=p.year, required=p.required, time_share=p.time_share, completion=p.completion,
                growth_ratio=p.growth_ratio, growth_category=p.growth_category)  # type: ignore[arg-type]
            role = "deciding" if e.observation.id == deciding_id else ("evidence" if e.comparable else "set_aside")
            evidence.append(EvidenceAccount(
                observation=e.observation, document=e.document, area_relation=e.area_relation, concept=e.concept,
                use="level" if e.comparable else "none",
                reading="level" if e.observation.measure == "level" else "pace", role=role,  # type: ignore[arg-type]
                comparable=e.comparable, basis=e.basis, timing=e.timing, interval=e.interval, verdict=e.verdict,
                path_verdict=e.path_verdict, progress=progress, reasons=(_text(e.reason, e.reason_en),)))
        deciding = next((e for e in evidence if e.role == "deciding"), None)
        return GoalAccount(goal=goal, area=self._context.goal_area(goal), status=a.status, basis=a.basis,
                           timing=a.timing, path=_PATH[a.path], reason=_text(a.reason, a.reason_en),  # type: ignore[arg-type]
                           evidence=tuple(evidence), deciding=deciding,
                           caveats=tuple(_text(c, c) for c in a.caveats))
