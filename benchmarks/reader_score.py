"""How well the reader proposes what the editors recorded by hand, and how fast it reads the plan.

Figures: for each source document with a record (actuals/doc-*.yaml), the figures the document states — derived
figures and statements without a number excluded — against `propose_figures(text, dataset, year=, area=)` given the
document record's last year and its area. A recorded figure is recovered when a proposal has the same indicator,
measure, value, unit, year or period and area. Goals: the plan's numeric goals (targets/*.yaml; categorical goals
excluded) against `propose_goals(plan text)`: same indicator, measure, target, unit, comparator and target year.

Recall = recovered / recorded. Precision = right proposals / proposals naming an indicator of the loaded data; a
right figure that nobody recorded counts against it, so every such proposal is listed for a person to look at.

Timing: the whole plan read (figures and goals), best of N runs and the first (cold) run, as a ratio to a floor
measured in the same run: one bare regex pass for numbers over the same text.

Other areas: the real texts in ../shared/texts/ (no document record): every figure must carry that text's area and
none a Karamay area.

    .venv/bin/python benchmarks/reader_score.py [--runs 5]      → benchmarks/results/reader.md
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

from dashboard.reader.propose import (  # noqa: E402
    FigureProposal,
    GoalProposal,
    propose_figures,
    propose_goals,
    reported_year,
)
from dashboard.reader.reading import WHY  # noqa: E402
from dashboard.records.load import load  # noqa: E402
from dashboard.records.model import Dataset, Goal, Observation, Plan  # noqa: E402
from dashboard.records.sources import default_sources_dir, source_path  # noqa: E402

SHARED_TEXTS = PROJECT.parent / "shared" / "texts"
#: The real texts of other areas: (file, the area id of the loaded data it speaks for or None, its year).
OTHER_TEXTS = (("urumqi-2009-targets.txt", "urumqi-city", 2008), ("xinjiang-2012-review.txt", "xinjiang", 2012))


def _why(code: str | None) -> str:
    """Why a figure was proposed, in words (the proposal carries a code since the reader's catalogue of readings)."""
    words = WHY.get(code or "")
    return words.en if words else (code or "")


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def figure_matches(p: FigureProposal, o: Observation) -> bool:
    return (p.indicator == o.indicator and p.measure == o.measure and _same(p.value, o.value) and p.unit == o.unit
            and p.year == o.year and (tuple(p.period) if p.period else None) == (tuple(o.period) if o.period else None)
            and p.area == o.area)


def goal_matches(p: GoalProposal, g: Goal) -> bool:
    return (p.indicator == g.indicator and p.measure == g.measure and _same(p.target, g.target)
            and p.unit == g.unit and p.comparator == g.comparator and p.target_year == g.target_year)


@dataclass
class Score:
    name: str
    recorded: int = 0
    recovered: int = 0
    named: int = 0  # proposals naming an indicator of the loaded data
    right: int = 0
    missed: list[str] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)
    baselines: int = 0  # goals: recorded baselines, and those the matching proposal states alike (value and year)
    baselines_right: int = 0
    baselines_missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recovered / self.recorded if self.recorded else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.named if self.named else 1.0


def _fig(p: FigureProposal) -> str:
    when = p.year if p.year is not None else p.period
    return f"{p.indicator} {p.measure} {p.value:g} {p.unit} {when} {p.area} — 「{p.quote}」 ({_why(p.why)})"


def _obs(o: Observation) -> str:
    when = o.year if o.year is not None else o.period
    return f"{o.id}: {o.indicator} {o.measure} {o.value:g} {o.unit} {when} {o.area} — 「{o.quote}」"


def score_figures(dataset: Dataset, sources: Path) -> list[Score]:
    scores = []
    for doc in dataset.documents:
        text = (sources / doc.file).read_text(encoding="utf-8")
        proposals = propose_figures(text, dataset, year=reported_year(doc), area=doc.area, years=doc.years)
        recorded = [o for o in dataset.observations
                    if o.document == doc.id and o.value is not None and o.derived is None]
        s = Score(f"{doc.id} {doc.title}", recorded=len(recorded))
        for o in recorded:
            if any(figure_matches(p, o) for p in proposals):
                s.recovered += 1
            else:
                s.missed.append(_obs(o))
        for p in proposals:
            if p.indicator is None:
                continue
            s.named += 1
            if any(figure_matches(p, o) for o in recorded):
                s.right += 1
            else:
                s.unrecorded.append(_fig(p))
        scores.append(s)
    return scores


def score_goals(dataset: Dataset, sources: Path) -> list[Score]:
    """Each plan's proposals from its own text against its own recorded goals."""
    return [_score_plan(dataset, plan, source_path(sources, plan.source)) for plan in dataset.plans]


def _score_plan(dataset: Dataset, plan: Plan, source: Path) -> Score:
    text = source.read_text(encoding="utf-8")
    proposals = propose_goals(text, dataset, period=plan.period)
    recorded = [g for g in dataset.goals_of(plan.id) if g.target is not None]
    s = Score(f"{plan.source} {plan.name}", recorded=len(recorded))
    for g in recorded:
        if g.baseline is not None:
            s.baselines += 1
            b = next((p.baseline for p in proposals if goal_matches(p, g)), None)
            if b and _same(b.get("value"), g.baseline.value) and b.get("year") == g.baseline.year:
                s.baselines_right += 1
            else:
                s.baselines_missed.append(f"{g.id}: {g.baseline.value:g} ({g.baseline.year}) — proposed {b}")
        if any(goal_matches(p, g) for p in proposals):
            s.recovered += 1
        else:
            s.missed.append(f"{g.id}: {g.indicator} {g.measure} {g.comparator} {g.target:g} {g.unit} "
                            f"{g.target_year} — 「{g.quote}」")
    for p in proposals:
        if p.indicator is None:
            continue
        s.named += 1
        if any(goal_matches(p, g) for g in recorded):
            s.right += 1
        else:
            s.unrecorded.append(f"{p.indicator} {p.measure} {p.comparator} {p.target} {p.unit} {p.target_year} — "
                                f"「{p.quote}」 ({_why(p.why)})")
    return s


def _total(scores: list[Score], name: str = "all documents") -> Score:
    return Score(name, sum(s.recorded for s in scores), sum(s.recovered for s in scores),
                 sum(s.named for s in scores), sum(s.right for s in scores),
                 baselines=sum(s.baselines for s in scores), baselines_right=sum(s.baselines_right for s in scores))


def time_plan(dataset: Dataset, text: str, runs: int) -> dict[str, float]:
    number = re.compile(r"\d+(?:\.\d+)?")
    floor = min(_timed(lambda: number.findall(text)) for _ in range(runs))
    period = dataset.plan.period if dataset.plan else None

    def read() -> None:
        propose_goals(text, dataset, period=period)
        propose_figures(text, dataset, year=period[0] - 1 if period else None, area=None)

    first = _timed(read)
    best = min(_timed(read) for _ in range(runs))
    return {"first": first, "best": best, "floor": floor}


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def other_areas(dataset: Dataset) -> list[tuple[str, int, int, list[str]]]:
    """(file, figures, goals, problems): every figure must carry the text's area, none a Karamay one."""
    karamay = {a.id for a in dataset.areas if a.id.startswith("karamay")}
    out = []
    for name, area, year in OTHER_TEXTS:
        path = SHARED_TEXTS / name
        if not path.exists():
            out.append((name, 0, 0, ["file not found"]))
            continue
        text = path.read_text(encoding="utf-8")
        figures = propose_figures(text, dataset, year=year, area=area)
        goals = propose_goals(text, dataset)
        problems = [f"area {p.area} ({p.area_name}): 「{p.quote}」" for p in figures
                    if p.area in karamay or p.area != area]
        out.append((name, len(figures), len(goals), problems))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "reader.md")
    args = ap.parse_args(argv)
    dataset, report = load()
    sources = default_sources_dir()
    figures = score_figures(dataset, sources)
    plans = score_goals(dataset, sources)
    goals = _total(plans, "all plans")
    plan_text = (sources / dataset.plan.source).read_text(encoding="utf-8") if dataset.plan else ""
    timing = time_plan(dataset, plan_text, args.runs)
    others = other_areas(dataset)

    total = _total(figures)
    # The same reading with the indicators' `aliases` taken away: what the reading rules do on the names alone
    bare = dataset.model_copy(update={"indicators": tuple(i.model_copy(update={"aliases": ()})
                                                          for i in dataset.indicators)})
    bare_figures, bare_goals = _total(score_figures(bare, sources)), _total(score_goals(bare, sources))
    lines = ["# Reader: proposals against the recorded data", "",
             "`benchmarks/reader_score.py` (targets: figures recall ≥ 95%, goals recall ≥ 90%, precision ≥ 85%; "
             "the whole plan read in < 2 s). Precision counts a right figure nobody recorded as wrong: those are "
             "listed below for a person to judge.", "",
             "## Figures (actuals/)", "", "| document | recorded | recovered | recall | proposals naming an indicator "
             "| right | precision |", "|---|---:|---:|---:|---:|---:|---:|"]
    for s in [*figures, total]:
        lines.append(f"| {s.name} | {s.recorded} | {s.recovered} | {s.recall:.0%} | {s.named} | {s.right} | "
                     f"{s.precision:.0%} |")
    lines += ["", "## Goals (targets/)", "", "| plan | recorded (numeric) | recovered | recall | proposals naming an "
              "indicator | right | precision |", "|---|---:|---:|---:|---:|---:|---:|",
              *(f"| {g.name} | {g.recorded} | {g.recovered} | {g.recall:.0%} | {g.named} | {g.right} | "
                f"{g.precision:.0%} |" for g in [*plans, goals]), "",
              f"Baselines: {goals.baselines_right} of the {goals.baselines} recorded baselines proposed alike (value and "
              "year, from where the plan states them: 2005年…达10788元, 由2000年的64.3亿元, 三产比例…23.3); "
              "not part of the match above.", "",
              "## Without the aliases", "",
              "The same run with every indicator's `aliases` (other names the documents use, added to the indicator "
              "files for this reader) taken away: the share of the score the vocabulary carries, not the rules.", "",
              "| | recall | precision |", "|---|---:|---:|",
              f"| figures, all documents | {bare_figures.recall:.0%} ({bare_figures.recovered}/{bare_figures.recorded}) "
              f"| {bare_figures.precision:.0%} |",
              f"| goals, all plans | {bare_goals.recall:.0%} ({bare_goals.recovered}/{bare_goals.recorded}) | "
              f"{bare_goals.precision:.0%} |", ""]
    size = len(plan_text.encode("utf-8"))
    lines += ["## Time to read the whole plan", "",
              f"{size / 1024:.0f} KB ({len(plan_text)} characters), figures and goals, {args.runs} runs.", "",
              "| run | seconds | × floor |", "|---|---:|---:|",
              f"| floor: one bare regex pass for numbers | {timing['floor']:.4f} | 1 |",
              f"| first (cold) | {timing['first']:.3f} | {timing['first'] / timing['floor']:.0f} |",
              f"| best | {timing['best']:.3f} | {timing['best'] / timing['floor']:.0f} |", ""]
    lines += ["## Other areas (../shared/texts/)", "", "| text | figures | goals | figures with a wrong area |",
              "|---|---:|---:|---:|"]
    for name, n_fig, n_goal, problems in others:
        lines.append(f"| {name} | {n_fig} | {n_goal} | {len(problems)} |")
    lines.append("")
    for s in [*figures, *plans]:
        if s.missed or s.unrecorded or s.baselines_missed:
            lines += [f"### {s.name}", ""]
            lines += [f"- missed: {m}" for m in s.missed]
            lines += [f"- proposed, not recorded: {u}" for u in s.unrecorded]
            lines += [f"- baseline not proposed alike: {m}" for m in s.baselines_missed]
            lines.append("")
    for name, _, _, problems in others:
        lines += [f"- {name}: wrong area: {p}" for p in problems]
    if report.errors:
        lines.append(f"(the data loaded with {len(report.errors)} errors)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:40]))
    print(f"→ {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
