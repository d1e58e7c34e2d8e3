"""Everything the pages show, computed once per change of the data files, and the rest only when asked for.

`build(root, sources)` is pure apart from reading the files. It loads through `load_cached` (an edited file is
read again, the others are not), asks the judge for every goal's summary at once (status, basis, timing,
counts — what the overview, filters and counts need) and leaves a goal's full account (reasons, progress,
every piece of evidence) to `State.account(goal_id)`, computed on first use and kept. So a collection of thousands of goals opens as fast as its load, and a goal page costs one
goal's judgement. `get()` wraps `build` in `st.cache_resource` keyed on the files' modification times.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

import streamlit as st

from dashboard.judge import Judge
from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import Years
from dashboard.judge.coherence import Finding
from dashboard.present.locale import Locale
from dashboard.records.load import STORE_ENV, load_cached
from dashboard.records.model import Area, Dataset, Document, Goal
from dashboard.records.report import LoadReport
from dashboard.records.sources import PROJECT_ROOT, default_sources_dir
from dashboard.records.yaml_files import fingerprint
from dashboard.web.serve import DATA_ENV

AreaRelation = Literal["same", "parent", "other"]


def data_root() -> Path:
    """The folder holding targets/ and actuals/: $PLAN_TRACKER_DATA, else the project."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else PROJECT_ROOT


@dataclass(frozen=True)
class Summary:
    """One goal's verdict from the vectorised engine: what lists, counts and filters need."""

    goal: Goal
    status: str
    basis: str | None
    timing: str | None
    evidence: int  # figures shown beside the goal
    comparable: int  # of which comparable
    evidence_years: Years | None = None  # the years of the figure the status rests on (shown with it)
    band: bool = False  # a neutral projection: within / above / below the expected band
    band_side: str | None = None
    path: str = ""  # the planned path's kind (a hold reads within / outside the bound)


@dataclass
class State:
    dataset: Dataset
    report: LoadReport
    judge: Judge
    summaries: list[Summary]  # in the dataset's goal order
    findings: list[Finding]
    memo: dict = field(default_factory=dict)  # per-language tables and figures, built on first use
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # re-entrant: one memo may use another

    # ---- lookups ---------------------------------------------------------------------------------------
    @cached_property
    def by_id(self) -> dict[str, Summary]:
        return {s.goal.id: s for s in self.summaries}

    @cached_property
    def areas(self) -> dict[str, Area]:
        return {a.id: a for a in self.dataset.areas}

    @cached_property
    def documents(self) -> dict[str, Document]:
        return {d.id: d for d in self.dataset.documents}

    def locale(self, lang: str) -> Locale:
        """The locale for this data version and language, made once."""
        return self.cached(("locale", lang), lambda: Locale(lang, self.dataset))

    @property
    def plan_area(self) -> str | None:
        return self.dataset.plan.area if self.dataset.plan else None

    def area_name(self, area_id: str, lang: str) -> str:
        a = self.areas.get(area_id)
        if a is None:
            return area_id
        return a.name if lang == "zh" else a.name_en

    @cached_property
    def goal_areas(self) -> frozenset[str]:
        """The areas this state's goals speak for (each goal's own area, else its plan's): one plan's in a plan's
        view, every plan's in the whole."""
        return frozenset(a for a in (self.dataset.goal_area(g) for g in self.dataset.goals) if a is not None)

    def relation(self, area_id: str) -> AreaRelation:
        """same: an area some goal speaks for; parent: an area above one (its rates may stand in as proxies);
        other: neither (its figures are never evidence). The judge's classification, relative to this state's goals."""
        return self.judge.area_relation(area_id, self.goal_areas)  # type: ignore[return-value]

    # ---- a goal's full account, on demand ---------------------------------------------------------------
    def account(self, goal_id: str) -> GoalAccount:
        """The full account of one goal (KeyError if there is no such goal), computed once."""
        self.by_id[goal_id]  # noqa: B018 — KeyError for an unknown id, before asking the judge
        return self.judge.account(goal_id)

    @property
    def accounts(self) -> list[GoalAccount]:
        """Every goal's full account (the table's reasons, the briefing pack), computed once on first use."""
        return self.cached("accounts", lambda: [self.account(s.goal.id) for s in self.summaries])

    def cached(self, key: object, make: Callable[[], object]):
        """`make()` once per data version and key; concurrent first callers wait for one computation."""
        found = self.memo.get(key)
        if found is None:
            with self._lock:
                found = self.memo.get(key)
                if found is None:
                    found = self.memo[key] = make()
        return found

    # ---- derived views the pages share ------------------------------------------------------------------
    def figures_per_document(self) -> dict[str, int]:
        def count() -> dict[str, int]:
            out: dict[str, int] = {}
            for o in self.dataset.observations:
                out[o.document] = out.get(o.document, 0) + 1
            return out
        return self.cached("figures_per_document", count)

    # ---- one plan's view ----------------------------------------------------------------------------------
    def plan_view(self, plan_id: str | None) -> State:
        """This state seen through one plan (the first for None or an unknown id): its goals' summaries and
        coherence findings, the dataset with that plan as its `plan` (names, groups, highlights, period). The
        judge is this state's: a goal's account is the same in every view. Made once per plan."""
        plans = self.dataset.plans
        if len(plans) <= 1:
            return self
        plan = self.dataset.plan_by_id(plan_id)
        if plan is None:
            return self

        def make() -> State:
            assert plan is not None
            mine = {g.id for g in self.dataset.goals_of(plan.id)}
            view = self.dataset.model_copy(update={"plan": plan, "goals": tuple(g for g in self.dataset.goals
                                                                                  if g.id in mine)})
            return State(dataset=view, report=self.report, judge=self.judge,
                         summaries=[s for s in self.summaries if s.goal.id in mine],
                         findings=[f for f in self.findings if f.pace_goal.id in mine])
        return self.cached(("plan_view", plan.id), make)  # type: ignore[return-value]

    def statuses(self) -> Iterator[str]:
        return (s.status for s in self.summaries)


def summaries(judge: Judge) -> list[Summary]:
    """Every goal's verdict from the judge's summary."""
    dataset = judge.data
    frame = judge.summary()
    goals = {g.id: g for g in dataset.goals}
    rows = zip(frame["id"], frame["status"], frame["basis"], frame["timing"], frame["evidence"], frame["comparable"],
               frame["evidence_first"], frame["evidence_last"], frame["band"], frame["band_side"], frame["path"],
               strict=True)
    return [Summary(goal=goals[i], status=str(status), basis=None if basis != basis else str(basis),
                    timing=None if timing != timing else str(timing), evidence=int(n), comparable=int(c),
                    evidence_years=Years(int(a), int(b)) if a > 0 else None, band=bool(band),
                    band_side=str(side) if side else None, path=str(path))
            for i, status, basis, timing, n, c, a, b, band, side, path in rows]


def build(root: Path, sources: Path) -> State:
    dataset, report = load_cached(root, sources)
    judge = Judge(dataset)
    return State(dataset=dataset, report=report, judge=judge, summaries=summaries(judge), findings=judge.coherence)


@st.cache_resource(max_entries=4, show_spinner=False)
def _cached(root: str, sources: str, version: tuple) -> State:
    return build(Path(root), Path(sources))


def get() -> State:
    """The current state, rebuilt only when a data or source file changed (or the data folder is another)."""
    root, sources = data_root(), default_sources_dir()
    return _cached(str(root), str(sources), (os.environ.get(STORE_ENV, ""), fingerprint(root, sources)))
