"""A reviewed goals workbook (`propose goals … --out goals.xlsx`, confirmed in Excel) to a new plan's folder,
targets/<plan-id>/ (plan.yaml and goals-<plan-id>.yaml), checked by the loader itself before anything is written.

As the figures' import (`importer.py`): `draft_plan` writes the YAML a person would have written and remembers the
workbook cell behind each goal line; `check_plan` loads the data as it stands and with the new plan added (a
staging folder of links), so every problem is the loader's own, located back at sheet, row and column (the plan's
own fields at the command-line option that gave them); `write_plan` writes the files atomically, never over
existing ones unless asked to. A row is imported only when its confirmed cell says yes.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.records import errors
from dashboard.records.importer import atomic_write, write_source
from dashboard.records.model import Dataset
from dashboard.records.report import LoadReport
from dashboard.records.sheet import CONFIRMED_NO, CONFIRMED_YES
from dashboard.records.sheet import cell_text as _cell_text
from dashboard.records.sources import TEXTS_ENV_VAR, TEXTS_PREFIX, texts_dir
from dashboard.records.yaml_files import load_yaml

#: The proposals workbook's sheet (reader/workbook.py writes it; its header cells read "<中文> <key>").
GOALS_SHEET = "目标 goals"
#: Columns a reviewer may add beside the proposal's: an id, an English name, a group, a chapter, an English gloss.
OPTIONAL = ("id", "name_en", "group", "group_name", "group_name_en", "chapter", "quote_en", "notes", "notes_en")
#: The order of a goal's fields in the YAML, as the hand-written files have them.
_ORDER = ("id", "name", "name_en", "group", "chapter", "indicator", "measure", "unit", "comparator", "target",
          "target_year", "hold", "baseline", "quote", "quote_en", "notes", "notes_en")
_MEASURE_EN = {"level": "", "annual_growth_rate": "average annual growth", "annual_increase": "annual increase",
               "change_from_base_pct": "change from base", "multiple_of_base": "multiple of base"}
_MEASURE_ID = {"level": "", "annual_growth_rate": "growth", "annual_increase": "increase",
               "change_from_base_pct": "change", "multiple_of_base": "multiple"}
DEFAULT_GROUP = {"id": "main", "name": "主要目标", "name_en": "Main targets"}


@dataclass
class PlanArgs:
    """What the command line gives: the plan record's own fields."""

    plan_id: str
    name: str
    area: str
    period: tuple[int, int]
    source: Path
    name_en: str = ""
    base_year: int | None = None
    short_name: str = ""
    short_name_en: str = ""


@dataclass
class PlanDraft:
    plan_id: str
    plan_text: str
    goals_text: str
    source_name: str  # as plan.yaml names it: texts/NAME (or NAME in the sources folder)
    lines: dict[int, errors.Cell] = field(default_factory=dict)  # goals file line → the cell it came from
    row_of_goal: dict[str, int] = field(default_factory=dict)
    problems: list[errors.Problem] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)  # what the import filled in that the workbook did not say

    @property
    def folder(self) -> str:
        return f"targets/{self.plan_id}"

    @property
    def plan_file(self) -> str:
        return f"{self.folder}/plan.yaml"

    @property
    def goals_file(self) -> str:
        return f"{self.folder}/goals-{self.plan_id}.yaml"


@dataclass
class PlanOutcome:
    draft: PlanDraft
    root: Path
    before: tuple[Dataset, LoadReport]
    after: tuple[Dataset, LoadReport]
    problems: list[errors.Problem]
    source_target: Path | None  # the source text copied into the texts folder, when it is not there
    source_bytes: bytes | None
    force: bool = False
    elsewhere: list[errors.Problem] = field(default_factory=list)  # (said among `problems`)

    @property
    def errors(self) -> list[errors.Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def targets(self) -> list[Path]:
        return ([self.source_target] if self.source_target else []) + [
            self.root / self.draft.plan_file, self.root / self.draft.goals_file]

    def goals(self) -> list:
        return list(self.after[0].goals_of(self.draft.plan_id))


# ---------------------------------------------------------------------------------------------- read


def read_goals(data: bytes, name: str) -> tuple[list[tuple[int, dict[str, Any]]], list[errors.Problem]]:
    """The goals sheet's rows as (spreadsheet row number, {key: value}); keys from the header's last word."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one located message
        return [], [errors.WorkbookUnreadable(file=name, kind="file", detail=f"{type(exc).__name__}: {exc}")]
    if GOALS_SHEET not in wb.sheetnames:
        return [], [errors.SheetMissing(file=name, kind="file", params={"sheet": GOALS_SHEET})]
    rows = list(wb[GOALS_SHEET].iter_rows(values_only=True))
    if not rows:
        return [], [errors.SheetMissing(file=name, kind="file", params={"sheet": GOALS_SHEET})]
    keys = [str(h).split()[-1] if h not in (None, "") else "" for h in rows[0]]
    out = []
    for number, values in enumerate(rows[1:], start=2):
        row = {k: v for k, v in zip(keys, values, strict=False) if k and v not in (None, "")}
        if row:
            out.append((number, row))
    return out, []


# ---------------------------------------------------------------------------------------------- draft


def source_name(source: Path, sources: Path) -> tuple[str, bool]:
    """How plan.yaml names the plan's text (texts/NAME, kept in the texts folder), and whether it must be copied
    there. A text already in the sources folder keeps its bare name."""
    source = Path(source)
    if (Path(sources) / source.name).is_file() and (Path(sources) / source.name).resolve() == source.resolve():
        return source.name, False
    there = texts_dir(sources) / source.name
    return TEXTS_PREFIX + source.name, not (there.is_file() and there.read_bytes() == source.read_bytes())


def draft_plan(rows: list[tuple[int, dict[str, Any]]], args: PlanArgs, workbook: str, source: str,
               dataset: Dataset) -> PlanDraft:
    """The plan's YAML and its goals' YAML from the confirmed rows; every field the workbook leaves to the import
    (an id, an English name, a group) is a guess, listed in `guesses`."""
    problems: list[errors.Problem] = []
    guesses: list[str] = []
    indicators = {i.id: i for i in dataset.indicators}
    first, last = args.period
    base_year = args.base_year if args.base_year is not None else first - 1
    if args.base_year is None:
        guesses.append(f"base_year {base_year}: the year before the period (--base-year not given)")
    name_en = args.name_en or args.name
    if not args.name_en:
        guesses.append("name_en: the Chinese name (--name-en not given)")
    taken: list[tuple[int, dict[str, Any]]] = []
    for number, row in rows:
        answer = unicodedata.normalize("NFKC", cell_text(row.get("confirmed"))).casefold()
        if answer in CONFIRMED_YES:
            taken.append((number, row))
        elif answer not in CONFIRMED_NO:
            problems.append(errors.ProposalUnconfirmed(file=workbook, kind="goal",
                                                       cell=errors.Cell(GOALS_SHEET, number, "confirmed")))
    groups: dict[str, dict[str, str]] = {}
    w = _Lines()
    w.add("goals:")
    used: set[str] = set()
    row_of: dict[str, int] = {}
    for number, row in taken:
        def cell(key: str, number: int = number) -> errors.Cell:
            return errors.Cell(GOALS_SHEET, number, key)

        g: dict[str, Any] = {}
        indicator = cell_text(row.get("indicator")) or None
        measure = cell_text(row.get("measure")) or "level"
        year = _int(row.get("target_year"))
        gid = cell_text(row.get("id"))
        if not gid:
            stem = indicator.replace("_", "-") if indicator else "goal"
            gid = "-".join(x for x in (stem, _MEASURE_ID.get(measure, measure), str(year or "")) if x)
            base, k = gid, 2
            while gid in used:
                gid, k = f"{base}-{k}", k + 1
            guesses.append(f"row {number}: id {gid} (from indicator, measure and year)")
        used.add(gid)
        row_of[gid] = number
        g["id"] = gid
        g["name"] = cell_text(row.get("name")) or None
        en = cell_text(row.get("name_en"))
        if not en and indicator in indicators:
            words = _MEASURE_EN.get(measure, measure)
            en = indicators[indicator].name_en + (f", {words}" if words else "")
            guesses.append(f"row {number}: name_en {en!r} (the indicator's English name and the measure)")
        if indicator and indicator not in indicators:
            problems.append(errors.UnknownReference(file=workbook, kind="goal", record=gid, field="indicator",
                                                    cell=cell("indicator"),
                                                    params={"value": indicator, "target": errors.KIND_NAMES["indicator"]}))
        if not en and g["name"]:
            en = g["name"]
            guesses.append(f"row {number}: name_en {en!r} (the Chinese name: no English name and no known indicator)")
        g["name_en"] = en or None
        group = cell_text(row.get("group")) or DEFAULT_GROUP["id"]
        if group == DEFAULT_GROUP["id"]:
            groups.setdefault(group, DEFAULT_GROUP)
        else:
            zh = cell_text(row.get("group_name")) or group
            groups.setdefault(group, {"id": group, "name": zh, "name_en": cell_text(row.get("group_name_en")) or zh})
        g["group"] = group
        g["chapter"] = cell_text(row.get("chapter")) or args.name
        g["indicator"] = indicator
        g["measure"] = measure
        g["unit"] = cell_text(row.get("unit")) or None
        g["comparator"] = cell_text(row.get("comparator")) or None
        g["target"] = _num(row.get("target"))
        g["target_year"] = year if year is not None else row.get("target_year")
        if cell_text(row.get("hold")) and cell_text(row.get("hold")).casefold() in CONFIRMED_YES:
            g["hold"] = True
        bv, by = _num(row.get("baseline_value")), _int(row.get("baseline_year"))
        if bv is not None or by is not None:
            b: dict[str, Any] = {"value": bv, "year": by, "quote": cell_text(row.get("baseline_quote"))
                                 or cell_text(row.get("quote"))}
            if cell_text(row.get("baseline_unit")):
                b["unit"] = cell_text(row.get("baseline_unit"))
            g["baseline"] = b
        g["quote"] = cell_text(row.get("quote")) or None
        for key in ("quote_en", "notes", "notes_en"):
            if cell_text(row.get(key)):
                g[key] = cell_text(row.get(key))
        w.add(f"  - id: {json.dumps(gid)}", cell("id") if "id" in row else cell("indicator"))
        for key in _ORDER[1:]:
            if key in g and g[key] is not None:
                column = {"baseline": "baseline_value", "group": "group" if "group" in row else "confirmed",
                          "chapter": "chapter" if "chapter" in row else "confirmed",
                          "name_en": "name_en" if "name_en" in row else "indicator"}.get(key, key)
                w.add(f"    {key}: {json.dumps(g[key], ensure_ascii=False)}", cell(column))
            elif key in ("name", "name_en", "indicator", "unit", "comparator", "target", "quote"):
                w.add(f"    # {key}: (empty)", cell(key))
    if not taken:
        w.lines[-1] = "goals: []"
    plan: dict[str, Any] = {
        "id": args.plan_id, "name": args.name, "name_en": name_en,
        "short_name": args.short_name or args.name, "short_name_en": args.short_name_en or name_en,
        "area": args.area, "period": [first, last], "base_year": base_year, "source": source,
        "groups": list(groups.values()) or [DEFAULT_GROUP],
    }
    if not any(cell_text(r.get("group")) for _, r in taken):
        guesses.append("group: every goal in one group 主要目标 / Main targets (the workbook has no group column)")
    plan_text = "# Made by `python -m dashboard import-plan` from a reviewed goals workbook.\nplan:\n" + "".join(
        f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in plan.items())
    return PlanDraft(plan_id=args.plan_id, plan_text=plan_text, goals_text="\n".join(w.lines) + "\n",
                     source_name=source, lines=w.cells, row_of_goal=row_of, problems=problems, guesses=guesses)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cells: dict[int, errors.Cell] = {}

    def add(self, text: str, cell: errors.Cell | None = None) -> None:
        self.lines.append(text)
        if cell is not None:
            self.cells[len(self.lines)] = cell


def cell_text(v: Any) -> str:
    """A cell as text; an empty cell as ''."""
    return "" if v is None else _cell_text(v)


def _int(v: Any) -> int | None:
    try:
        f = float(cell_text(v))
    except ValueError:
        return None
    return int(f) if f.is_integer() else None


def _num(v: Any) -> Any:
    if v is None or v == "":
        return None
    if isinstance(v, int | float):
        return int(v) if float(v).is_integer() else float(v)
    text = unicodedata.normalize("NFKC", str(v)).replace(",", "").strip()
    try:
        f = float(text)
    except ValueError:
        return str(v)  # the loader says it is not a number, at its cell
    return int(f) if f.is_integer() else f


# ---------------------------------------------------------------------------------------------- check


_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def check_plan(root: Path, sources: Path, rows_and_problems: tuple[list, list[errors.Problem]], args: PlanArgs,
               workbook: str, force: bool = False) -> PlanOutcome:
    """Draft the plan, load the data with and without it, and locate every problem the new files have."""
    root, sources = Path(root), Path(sources)
    before = load_yaml(root, sources)
    rows, read_problems = rows_and_problems
    problems = list(read_problems)
    if not _ID.match(args.plan_id) or "." in args.plan_id:
        problems.append(errors.NotAllowed(file="--plan-id", kind="plan", field="id", params={
            "given": args.plan_id, "allowed": "lower-case letters, digits and '-'"}))
    name, copy = source_name(args.source, sources) if Path(args.source).is_file() else (Path(args.source).name, False)
    if not Path(args.source).is_file():
        problems.append(errors.SourceMissing(file="--source", kind="file", field="source", params={
            "source": str(args.source), "folder": str(Path(args.source).parent), "count": len(rows), "key": "--source"}))
    d = draft_plan(rows, args, workbook, name, before[0])
    problems += d.problems
    folder = root / d.folder
    if folder.exists() and not force:
        problems.append(errors.OutputExists(file=workbook, kind="file", params={"path": str(folder)}))
    source_target = texts_dir(sources) / Path(args.source).name if copy else None
    source_bytes = Path(args.source).read_bytes() if copy else None
    if source_target is not None and source_target.exists() and not force:
        problems.append(errors.OutputExists(file=workbook, kind="file", params={"path": str(source_target)}))
    with tempfile.TemporaryDirectory(prefix="plan-tracker-import-plan-") as tmp:
        stage_root, texts = _stage(Path(tmp), root, sources, d, source_target, source_bytes)
        with _texts_folder(texts):
            after = load_yaml(stage_root, sources)
    mine = [_locate(p, d, workbook) for p in after[1].problems if p.file in (d.plan_file, d.goals_file)]
    old = {str(p) for p in before[1].problems}
    mine += [p for p in after[1].problems if p.file not in (d.plan_file, d.goals_file) and str(p) not in old
             and p.severity == "error" and not p.file.startswith(str(tmp))]
    said = {(p.code, p.cell) for p in problems}
    mine = [p for p in mine if (p.code, p.cell) not in said]  # a problem found in the draft said once
    return PlanOutcome(draft=d, root=root, before=before, after=after, problems=problems + mine,
                       source_target=source_target, source_bytes=source_bytes, force=force)


@contextmanager
def _texts_folder(folder: Path):
    """The staged texts folder, for the staged load only (the command line is one thread)."""
    old = os.environ.get(TEXTS_ENV_VAR)
    os.environ[TEXTS_ENV_VAR] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(TEXTS_ENV_VAR, None)
        else:
            os.environ[TEXTS_ENV_VAR] = old


def _stage(tmp: Path, root: Path, sources: Path, d: PlanDraft, source_target: Path | None,
           source_bytes: bytes | None) -> tuple[Path, Path]:
    """A data folder of links to the real files with the new plan's folder added, and a texts folder of links with
    the plan's text added when it is new."""
    stage = tmp / "data"
    (stage / "targets").mkdir(parents=True)
    for p in sorted((root / "targets").glob("*")) if (root / "targets").is_dir() else []:
        if p.name != d.plan_id:
            os.symlink(p.resolve(), stage / "targets" / p.name)
    if (root / "actuals").is_dir():
        os.symlink((root / "actuals").resolve(), stage / "actuals")
    (stage / d.folder).mkdir()
    (stage / d.plan_file).write_text(d.plan_text, encoding="utf-8")
    (stage / d.goals_file).write_text(d.goals_text, encoding="utf-8")
    texts = tmp / "texts"
    texts.mkdir()
    real = texts_dir(sources)
    for p in sorted(real.iterdir()) if real.is_dir() else []:
        if p.is_file():
            os.symlink(p.resolve(), texts / p.name)
    if source_target is not None and source_bytes is not None:
        (texts / source_target.name).unlink(missing_ok=True)
        (texts / source_target.name).write_bytes(source_bytes)
    return stage, texts


#: The plan record's fields and the command-line option that gives each.
_OPTION = {"id": "--plan-id", "name": "--name", "name_en": "--name-en", "area": "--area", "period": "--period",
           "base_year": "--base-year", "source": "--source"}


def _locate(p: errors.Problem, d: PlanDraft, workbook: str) -> errors.Problem:
    """A problem the loader found in the drafted YAML, at the workbook cell (or command-line option) it came from."""
    if p.file == d.plan_file:
        option = _OPTION.get((p.field or "").split(".")[0], "")
        return dataclasses.replace(p, file=option or "import-plan", line=None)
    cell = d.lines.get(p.line or 0)
    if cell is None and p.record:
        local = p.record.rpartition(".")[2]
        if local in d.row_of_goal:
            cell = errors.Cell(GOALS_SHEET, d.row_of_goal[local], p.field.split(".")[0] if p.field else None)
    if cell is not None and p.field and cell.column in ("id", "indicator", "confirmed"):
        column = {"baseline": "baseline_value"}.get(p.field.split(".")[0], p.field.split(".")[0])
        cell = dataclasses.replace(cell, column=column)
    return dataclasses.replace(p, file=workbook, line=None, cell=cell)


# ---------------------------------------------------------------------------------------------- write


def write_plan(outcome: PlanOutcome) -> list[Path]:
    """Write the drafted plan (refused if it has errors): the text first (a load before the plan is there never
    reads it), then the plan's folder, made whole beside targets/ and moved into place at once, so a load sees
    no plan or the whole plan. With --force over an existing folder, each file is replaced atomically."""
    if not outcome.ok:
        raise errors.DataError(outcome.errors)
    written = write_source(outcome.source_target, outcome.source_bytes, outcome.force)
    d, root = outcome.draft, outcome.root
    folder = root / d.folder
    files = {d.plan_file: d.plan_text, d.goals_file: d.goals_text}
    if folder.exists():
        for rel, text in files.items():
            atomic_write(root / rel, text.encode("utf-8"), replace=outcome.force)
    else:
        with tempfile.TemporaryDirectory(prefix=f".{d.plan_id}.", dir=folder.parent) as tmp:
            staged = Path(tmp) / d.plan_id
            for rel, text in files.items():
                atomic_write(staged / Path(rel).name, text.encode("utf-8"))
            os.chmod(staged, 0o755)
            os.rename(staged, folder)  # fails if the folder appeared meanwhile: never over another's plan
    return written + [root / rel for rel in files]
