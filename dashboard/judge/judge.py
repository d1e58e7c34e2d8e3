"""The judge, as the faces and outputs call it: `Judge(dataset)`, then a summary of every goal, one goal's full
account, every account, and the plan's coherence findings. Lookups and columns are built once per dataset."""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.judge.account import AccountBuilder, GoalAccount
from dashboard.judge.coherence import Finding, findings
from dashboard.judge.engine import Lookups, judge
from dashboard.records.columns import columns_of
from dashboard.records.model import Dataset

_SUMMARY = ["id", "status", "basis", "timing", "path", "deciding_observation", "evidence", "comparable", "context",
            "evidence_first", "evidence_last", "band", "band_side"]


class Judge:
    def __init__(self, data: Dataset):
        self.data = data
        self._accounts: dict[str, GoalAccount] = {}

    @cached_property
    def _cols(self):
        return columns_of(self.data)

    @cached_property
    def _lookups(self) -> Lookups:
        return Lookups(self.data, self._cols)

    @cached_property
    def _builder(self) -> AccountBuilder:
        return AccountBuilder(self.data, self._lookups)

    @cached_property
    def _index(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for k, g in enumerate(self.data.goals):
            out.setdefault(g.id, k)  # the first record of an id, as a lookup by id finds it
        return out

    # ---- areas -----------------------------------------------------------------------------------------------

    def goal_area(self, goal_id: str) -> str:
        g = self.data.goals[self._index[goal_id]]
        return g.area or (self.data.plan.area if self.data.plan else "")

    @cached_property
    def goal_areas(self) -> frozenset[str]:
        """The areas the goals speak for (each goal's own, else the plan's)."""
        plan_area = self.data.plan.area if self.data.plan else ""
        return frozenset(g.area or plan_area for g in self.data.goals)

    @cached_property
    def _scope(self) -> frozenset[str]:
        names = self._cols.areas
        out = set(self.goal_areas)
        for a in self.goal_areas:
            code = self._lookups.area_code.get(a)
            if code is not None:
                out.update(names[p] for p in self._lookups.ancestors.get(code, []))
        return frozenset(out)

    def area_relation(self, area_id: str) -> str:
        """How an area's figures stand to the goals: same (an area some goal speaks for), parent (an area above
        one: its figures stand in only as the data declares), other (neither: never evidence)."""
        if area_id in self.goal_areas:
            return "same"
        return "parent" if area_id in self._scope else "other"

    # ---- judgements --------------------------------------------------------------------------------------

    def summary(self) -> pd.DataFrame:
        """One row per goal, in the dataset's order: id, status, basis, timing, path, deciding_observation,
        evidence (figures listed beside it), comparable (of which comparable), context (later figures shown)."""
        return judge(self.data, pairs=False).goals[_SUMMARY]

    def account(self, goal_id: str) -> GoalAccount:
        """One goal's full account (KeyError if there is no such goal), computed once."""
        found = self._accounts.get(goal_id)
        if found is None:
            k = self._index[goal_id]
            result = judge(self.data, goals=np.array([k]), pairs=True)
            assert result.pairs is not None
            (found,) = self._builder.build_many([k], result.goals.to_dict("records"), result.pairs)
            self._accounts[goal_id] = found
        return found

    def accounts(self) -> list[GoalAccount]:
        """Every goal's account, in the dataset's order (one pass of the engine for those not yet asked for)."""
        missing = [k for k, g in enumerate(self.data.goals) if g.id not in self._accounts]
        if missing:
            result = judge(self.data, goals=np.array(missing), pairs=True)
            assert result.pairs is not None
            built = self._builder.build_many(missing, result.goals.to_dict("records"), result.pairs)
            for account in built:
                self._accounts.setdefault(account.goal.id, account)
        return [self._accounts[g.id] for g in self.data.goals]

    def pairs(self) -> pd.DataFrame:
        """Every (goal, figure) pair judged: goal and observation ids with the engine's codes."""
        result = judge(self.data, pairs=True)
        assert result.pairs is not None
        p = result.pairs
        return p.assign(goal=self._cols.goal_id[p["goal"].to_numpy()],
                        observation=self._cols.obs_id[p["observation"].to_numpy()])

    @cached_property
    def touches(self) -> dict[str, dict[str, tuple[int, int]]]:
        """document → goal id → (figures used, figures set aside), from the engine's grading of every pair; goals
        in the plan's order."""
        ev = self.pairs()
        document = {o.id: o.document for o in self.data.observations}
        frame = ev.assign(document=ev["observation"].map(document))
        sizes = frame.groupby(["document", "goal", "comparable"], sort=False, observed=True).size()
        out: dict[str, dict[str, list[int]]] = {}
        for (doc, goal, comparable), n in sizes.items():
            out.setdefault(doc, {}).setdefault(goal, [0, 0])[0 if comparable else 1] += int(n)
        order = {g.id: k for k, g in enumerate(self.data.goals)}
        return {doc: {g: (c[0], c[1]) for g, c in sorted(goals.items(), key=lambda x: order[x[0]])}
                for doc, goals in out.items()}

    @cached_property
    def coherence(self) -> list[Finding]:
        return findings(self.data)
