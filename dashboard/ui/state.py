"""Everything the pages show, computed once per change of the data files.

`build(root, sources)` is pure (load, assess, coherence, lookups); `get()` wraps it in `st.cache_resource`
keyed on the data files' modification times, so editing a YAML file is picked up on the next rerun and
ordinary reruns (a filter, a goal switch) reuse the same objects without reloading or copying them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from ..assess import Context, GoalAssessment, assess
from ..coherence import Finding, findings
from ..load import LoadReport, load
from ..model import Area, Dataset, Document
from ..serve import DATA_ENV
from ..sources import PROJECT_ROOT, default_sources_dir


def data_root() -> Path:
    """The folder holding targets/ and actuals/: $PLAN_TRACKER_DATA, else the project."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else PROJECT_ROOT


def signature(root: Path, sources: Path) -> tuple:
    """(name, mtime, size) of every file the loader may read; changes whenever a data file does."""
    out = []
    for folder in (root / "targets", root / "actuals", sources):
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if entry.is_file():
                        st = entry.stat()
                        out.append((entry.path, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(folder), None, None))
    return tuple(sorted(out, key=lambda x: x[0]))


@dataclass
class State:
    dataset: Dataset
    report: LoadReport
    assessments: list[GoalAssessment]
    findings: list[Finding]
    by_id: dict[str, GoalAssessment]
    areas: dict[str, Area]
    documents: dict[str, Document]
    plan_area: str | None
    ancestors: tuple[str, ...]
    memo: dict = field(default_factory=dict)  # per-language tables built on first use

    def area_name(self, area_id: str, lang: str) -> str:
        a = self.areas.get(area_id)
        if a is None:
            return area_id
        return a.name if lang == "zh" else a.name_en

    def relation(self, area_id: str) -> str:
        """same | parent | other, relative to the plan's area (as the engine grades evidence)."""
        if area_id == self.plan_area:
            return "same"
        return "parent" if area_id in self.ancestors else "other"


def build(root: Path, sources: Path) -> State:
    dataset, report = load(root, sources)
    assessments = assess(dataset)
    ctx = Context(dataset)
    plan_area = dataset.plan.area if dataset.plan else None
    return State(
        dataset=dataset, report=report, assessments=assessments, findings=findings(dataset),
        by_id={a.goal.id: a for a in assessments}, areas=dict(ctx.areas), documents=dict(ctx.documents),
        plan_area=plan_area, ancestors=ctx.ancestors(plan_area) if plan_area else (),
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _cached(root: str, sources: str, sig: tuple) -> State:
    return build(Path(root), Path(sources))


def get() -> State:
    """The current state, rebuilt only when a data or source file changed (or the data folder is another)."""
    root, sources = data_root(), default_sources_dir()
    return _cached(str(root), str(sources), signature(root, sources))
