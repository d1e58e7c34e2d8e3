"""The briefing outputs, registered by name: PDF, PNG, SVG, CSV, XLSX, the evaluation report (DOCX), README.

Each output turns a `Briefing` (the goals selected, their locale and what the renderer drew of them) into
files of the pack, and says which drawings it needs. The pack makes every output; `export --format` offers
those that serve one goal. A new output is a module here with one `register(Output(...))`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dashboard.judge.account import GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present.export.layout import A4, Paper
from dashboard.present.export.renderer import Drawn, Renderer
from dashboard.present.export.selection import Selection
from dashboard.present.locale import Locale
from dashboard.records.model import Plan

#: What an output may need drawn: each goal's slide (SVG and PNG), each goal's page chart, the whole-page charts.
SLIDES, GOAL_CHARTS, PAGE_CHARTS = "slides", "goal_charts", "page_charts"


@dataclass
class Briefing:
    """The material of a briefing: the goals selected, in the plan's order, and what was drawn of them."""

    selected: Sequence[GoalAccount]
    loc: Locale
    plan: Plan | None
    exported_on: dt.date
    select: Selection = field(default_factory=Selection)
    findings: Sequence[Finding] = ()
    renderer: Renderer | None = None
    slides: dict[str, Drawn] = field(default_factory=dict)  # goal id → its slide
    goal_charts: dict[str, str] = field(default_factory=dict)  # goal id → the SVG of its page chart
    page_charts: dict[str, str] = field(default_factory=dict)  # "overview", "coherence" → SVG
    paper: Paper = A4  # the PDF's sheet: A4 portrait to print, or a 16:9 slide

    @property
    def plan_name(self) -> str:
        return self.loc.pick(self.plan.name, self.plan.name_en) if self.plan else ""


@dataclass(frozen=True)
class Output:
    name: str  # the registry key and `--format` choice
    mime: str
    files: Callable[[Briefing], dict[str, bytes]]  # path inside the pack → content
    listing: Callable[[Locale], list[tuple[str, str]]]  # (file name pattern, what it is) for README.txt
    needs: frozenset[str] = frozenset()
    #: One goal's file (`export --goal ID --format NAME`), for outputs that can be made for a single goal.
    goal_file: Callable[[Briefing, GoalAccount], bytes] | None = None


OUTPUTS: dict[str, Output] = {}


def register(output: Output) -> Output:
    if output.name in OUTPUTS:
        raise ValueError(f"output {output.name!r} is registered twice")
    OUTPUTS[output.name] = output
    return output


def one_goal_formats() -> list[str]:
    return [name for name, o in OUTPUTS.items() if o.goal_file is not None]


def mime(name: str) -> str:
    return OUTPUTS[name].mime


# The built-in outputs register themselves; their order is the pack's and the README's.
from dashboard.present.export.outputs import pdf  # noqa: E402, F401, I001
from dashboard.present.export.outputs import images  # noqa: E402, F401, I001
from dashboard.present.export.outputs import tables  # noqa: E402, F401, I001
from dashboard.present.export.outputs import xlsx  # noqa: E402, F401, I001
from dashboard.present.export.outputs import report  # noqa: E402, F401, I001
from dashboard.present.export.outputs import readme  # noqa: E402, F401, I001
