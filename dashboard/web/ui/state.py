"""Everything the pages show, computed once per change of the data files, and the rest only when asked for.

`build(root, sources)` is pure apart from reading the files. It loads through `load_cached` (an edited file is
read again, the others are not), judges every goal at once with the vectorised engine (`bulk.assess_bulk`:
status, basis, timing, counts — what the overview, filters and counts need) and leaves the per-goal engine's
full account (reasons, progress, every piece of evidence) to `State.assessment(goal_id)`, computed on first
use and kept. So a collection of thousands of goals opens as fast as its load, and a goal page costs one
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

from dashboard.judge.assess import Context, GoalAssessment, assess_goal
from dashboard.judge.bulk import assess_bulk
from dashboard.judge.coherence import Finding, findings
from dashboard.present.i18n import t
from dashboard.records.load import STORE_ENV, load_cached
from dashboard.records.model import Area, Dataset, Document, Goal, Observation
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


@dataclass
class State:
    dataset: Dataset
    report: LoadReport
    context: Context
    summaries: list[Summary]  # in the dataset's goal order
    findings: list[Finding]
    memo: dict = field(default_factory=dict)  # per-language tables and figures, built on first use
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # re-entrant: one memo may use another

    # ---- lookups ---------------------------------------------------------------------------------------
    @cached_property
    def by_id(self) -> dict[str, Summary]:
        return {s.goal.id: s for s in self.summaries}

    @property
    def areas(self) -> dict[str, Area]:
        return self.context.areas

    @property
    def documents(self) -> dict[str, Document]:
        return self.context.documents

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
        """The areas the goals speak for (each goal's own area, else the plan's)."""
        return frozenset(self.context.goal_area(g) for g in self.dataset.goals)

    def goal_areas_name(self, lang: str) -> str:
        """How the pages name the areas the goals speak for: that area, or "the N areas the goals speak for"."""
        if len(self.goal_areas) == 1:
            return self.area_name(next(iter(self.goal_areas)), lang)
        return t("ui.overview.scope.goal_areas", lang, n=len(self.goal_areas))

    def relation(self, area_id: str) -> AreaRelation:
        """same: an area some goal speaks for; parent: an area above one (its rates may stand in as proxies);
        other: neither (its figures are never evidence). As the engine grades evidence, goal by goal."""
        if area_id in self.goal_areas:
            return "same"
        return "parent" if area_id in self.context.scope else "other"

    # ---- the per-goal engine, on demand -----------------------------------------------------------------
    def assessment(self, goal_id: str) -> GoalAssessment:
        """The full judgement of one goal (KeyError if there is no such goal), computed once."""
        key = ("assessment", goal_id)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = assess_goal(self.by_id[goal_id].goal, self.context)
        return found

    @property
    def assessments(self) -> list[GoalAssessment]:
        """Every goal's full judgement (the table's reasons, the briefing pack), computed once on first use."""
        return self.cached("assessments", lambda: [self.assessment(s.goal.id) for s in self.summaries])

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
    def figures_by_relation(self) -> dict[AreaRelation, list[Observation]]:
        def split() -> dict[AreaRelation, list[Observation]]:
            out: dict[AreaRelation, list[Observation]] = {"same": [], "parent": [], "other": []}
            for o in self.dataset.observations:
                out[self.relation(o.area)].append(o)
            return out
        return self.cached("figures_by_relation", split)

    def touched(self) -> dict[str, dict[str, tuple[int, int]]]:
        """document → goal id → (figures used, figures set aside), from the engine's grading of every pair."""
        def count() -> dict[str, dict[str, tuple[int, int]]]:
            ev = assess_bulk(self.dataset, evidence=True).evidence
            document = {o.id: o.document for o in self.dataset.observations}
            frame = ev.assign(document=ev["observation"].map(document))
            sizes = frame.groupby(["document", "goal", "comparable"], sort=False, observed=True).size()
            out: dict[str, dict[str, list[int]]] = {}
            for (doc, goal, comparable), n in sizes.items():
                out.setdefault(doc, {}).setdefault(goal, [0, 0])[0 if comparable else 1] += int(n)
            order = {s.goal.id: k for k, s in enumerate(self.summaries)}
            return {doc: {g: (c[0], c[1]) for g, c in sorted(goals.items(), key=lambda x: order[x[0]])}
                    for doc, goals in out.items()}
        return self.cached("touched", count)

    def figures_per_document(self) -> dict[str, int]:
        def count() -> dict[str, int]:
            out: dict[str, int] = {}
            for o in self.dataset.observations:
                out[o.document] = out.get(o.document, 0) + 1
            return out
        return self.cached("figures_per_document", count)

    def statuses(self) -> Iterator[str]:
        return (s.status for s in self.summaries)


def summaries(dataset: Dataset) -> list[Summary]:
    """Every goal's verdict from the vectorised engine (tests/test_bulk.py holds it equal to the per-goal one)."""
    frame = assess_bulk(dataset, evidence=False).goals
    goals = {g.id: g for g in dataset.goals}
    rows = zip(frame["id"], frame["status"], frame["basis"], frame["timing"], frame["evidence"], frame["comparable"],
               strict=True)
    return [Summary(goal=goals[i], status=str(status), basis=None if basis != basis else str(basis),
                    timing=None if timing != timing else str(timing), evidence=int(n), comparable=int(c))
            for i, status, basis, timing, n, c in rows]


def build(root: Path, sources: Path) -> State:
    dataset, report = load_cached(root, sources)
    context = Context(dataset)
    context.by_indicator_area  # noqa: B018 — built now, once, rather than by the first goal page
    return State(dataset=dataset, report=report, context=context, summaries=summaries(dataset),
                 findings=findings(dataset))


@st.cache_resource(max_entries=4, show_spinner=False)
def _cached(root: str, sources: str, version: tuple) -> State:
    return build(Path(root), Path(sources))


def get() -> State:
    """The current state, rebuilt only when a data or source file changed (or the data folder is another)."""
    root, sources = data_root(), default_sources_dir()
    return _cached(str(root), str(sources), (os.environ.get(STORE_ENV, ""), fingerprint(root, sources)))
