"""The judge, as the faces and outputs call it: `Judge(dataset)`, then a summary of every goal, one goal's full
account, every account, and the plan's coherence findings. Lookups and columns are built once per dataset."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.judge.account import AccountBuilder, GoalAccount
from dashboard.judge.coherence import Finding, findings
from dashboard.judge.engine import Lookups, judge
from dashboard.records.columns import columns_of
from dashboard.records.model import Dataset, Goal

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

    def _above(self, areas) -> set[str]:
        """The areas above any of `areas`."""
        names, out = self._cols.areas, set[str]()
        for a in areas:
            code = self._lookups.area_code.get(a)
            if code is not None:
                out.update(names[p] for p in self._lookups.ancestors.get(code, []))
        return out

    @cached_property
    def home_areas(self) -> frozenset[str]:
        """The areas the goals speak for that lie above no other goal's area: the district of a district plan, not
        the city two of its goals speak for (为我市…创造条件). Summaries name these; a goal's page names its own."""
        return self.home_of(self.goal_areas)

    @cached_property
    def goals_above_home(self) -> dict[str, tuple[str, ...]]:
        """area → the goals (ids, in the plan's order) that speak for an area above the home areas, as their own
        quotes show: for them that area's figures are direct; for the other goals they are a larger area's."""
        out: dict[str, list[str]] = {}
        plan_area = self.data.plan.area if self.data.plan else ""
        for g in self.data.goals:
            area = g.area or plan_area
            if area not in self.home_areas:
                out.setdefault(area, []).append(g.id)
        return {a: tuple(ids) for a, ids in out.items()}

    @cached_property
    def _scope(self) -> frozenset[str]:
        return frozenset(self.goal_areas | self._above(self.goal_areas))

    def home_of(self, areas: frozenset[str]) -> frozenset[str]:
        """Of these goal areas, those that lie above no other of them (the home areas of one plan's goals)."""
        above = self._above(areas)
        return frozenset(a for a in areas if a not in above) or areas

    def area_relation(self, area_id: str, areas: frozenset[str] | None = None) -> str:
        """How an area's figures stand to the goals, for summaries: same (a home area), parent (an area above one —
        also one some goals speak for, such as the city of the 园林城市 goals: direct for those goals, as their
        pages say, a larger area's for the rest), other (neither: never evidence). `areas`: the areas some of the
        goals speak for (one plan's), else every goal's."""
        if areas is not None:
            if area_id in self.home_of(areas):
                return "same"
            return "parent" if area_id in areas or area_id in self._above(areas) else "other"
        if area_id in self.home_areas:
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

    def accounts(self, goals: Sequence[Goal] | None = None) -> list[GoalAccount]:
        """Every goal's account, in the dataset's order (one pass of the engine for those not yet asked for);
        `goals`: only these (one plan's), each judged within the whole as every face judges it."""
        wanted = self.data.goals if goals is None else goals
        missing = [self._index[g.id] for g in wanted if g.id not in self._accounts]
        if missing:
            result = judge(self.data, goals=np.array(missing), pairs=True)
            assert result.pairs is not None
            built = self._builder.build_many(missing, result.goals.to_dict("records"), result.pairs)
            for account in built:
                self._accounts.setdefault(account.goal.id, account)
        return [self._accounts[g.id] for g in wanted]

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
