"""A filled spreadsheet to a document's YAML file, checked by the loader itself before anything is written.

`draft(filled, …)` writes the YAML a person would have written by hand (`actuals/doc-NNN.yaml`) and remembers,
for every line, the spreadsheet cell it came from. `check(root, sources, filled, source)` loads the data twice —
as it stands, and with the new file and its source document added, in a staging folder of links — so every
problem is the loader's own (the one error catalogue), located back at sheet, row and column; the two loads are
what the preview of changes compares. `write(outcome)` then writes the YAML (and the source document, when the
sources folder lacks it) atomically, never over an existing file unless asked to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dashboard.records import errors, mistakes
from dashboard.records.model import Dataset
from dashboard.records.report import LoadReport
from dashboard.records.sheet import (
    CONFIRMED_NO,
    CONFIRMED_YES,
    DOCUMENT_COLUMN_VALUE,
    DOCUMENT_FIELDS,
    INDICATOR_COLUMNS,
    OBSERVATION_COLUMNS,
    STAND_IN_COLUMNS,
    Filled,
    Row,
    Value,
    cell_text,
)
from dashboard.records.sources import texts_dir
from dashboard.records.yaml_files import load_yaml

_COLUMN_OF = {c.key: c for c in OBSERVATION_COLUMNS}
#: The columns of each kind of record a workbook holds, by field (to locate a missing field at its column).
_COLUMNS_BY_KIND = {"observation": _COLUMN_OF, "indicator": {c.key: c for c in INDICATOR_COLUMNS},
                    "stand_in": {c.key: c for c in STAND_IN_COLUMNS}}
_DOC_FIELD_OF = {c.key: c for c in DOCUMENT_FIELDS}
#: The order of an observation's fields in the YAML, as the hand-written files have them.
_OBS_ORDER = ("id", "indicator", "measure", "area", "year", "value", "value_text", "value_text_en", "qualifier", "unit",
              "price_basis", "caliber", "caliber_en", "quote", "quote_en", "period_note", "period_note_en", "derived.formula",
              "derived.inputs", "notes", "notes_en", "notes_for", "inferred", "meets", "meets_reason", "meets_reason_en")


@dataclass
class Draft:
    """The YAML made from a filled spreadsheet, and the cell behind each of its lines."""

    document_id: str
    file_name: str  # doc-005.yaml
    source: str  # the source document's file name
    text: str
    lines: dict[int, errors.Cell]  # YAML line → the cell it came from
    records: dict[int, errors.Cell]  # first line of each record → its row
    columns: dict[tuple[int, str], errors.Cell]  # (first line of a record, field) → the cell of that field
    problems: list[errors.Problem] = field(default_factory=list)
    generated: set[str] = field(default_factory=set)  # ids the import made up (the editor never saw them)

    @property
    def path(self) -> str:
        return f"actuals/{self.file_name}"


def draft(filled: Filled, source_name: str | None, dataset: Dataset) -> Draft:
    doc = filled.document
    problems: list[errors.Problem] = []
    source = source_name or (cell_text(doc["file"].value) if "file" in doc else "")
    if not source:
        problems.append(errors.MissingField(file=filled.name, kind="document", field="file",
                                            cell=errors.Cell(filled.document_sheet, None, _DOC_FIELD_OF["file"].header)))
    document_id = cell_text(doc["id"].value) if "id" in doc else _document_id(source, dataset)
    file_name = f"{document_id}.yaml" if document_id.startswith("doc-") else f"doc-{document_id}.yaml"
    out = _Writer()
    out.add(f"# {document_id}: made by `python -m dashboard import` from {filled.name}; review it like any data file.")
    out.add("document:", errors.Cell(filled.document_sheet))
    out.field("  ", "id", document_id, doc["id"].cell if "id" in doc else None)
    out.field("  ", "file", source, doc["file"].cell if "file" in doc and not source_name else None)
    doc_area = cell_text(doc["area"].value) if "area" in doc else None
    for col in DOCUMENT_FIELDS:
        if col.key in ("id", "file") or col.key not in doc:
            continue
        given = doc[col.key]
        if col.key == "years":
            out.field("  ", "years", _span(given), given.cell, flow=True)
        elif col.key == "published":
            out.field("  ", "published", _date(given.value), given.cell, plain=True)
        else:
            out.field("  ", col.key, cell_text(given.value), given.cell)
    out.add("")
    out.add("observations:")
    if not filled.rows:
        problems.append(errors.NoObservations(file=filled.name, kind="file"))
    used: set[str] = set()
    generated: set[str] = set()
    prefix = document_id.replace("-", "")
    for row in filled.rows:
        v = row.values
        if not _confirmed(v, filled, problems):
            continue
        record_line = out.line + 1
        out.records[record_line] = row.cell
        obs_id = cell_text(v["id"].value) if "id" in v else _observation_id(prefix, v, used)
        if "id" not in v:
            generated.add(obs_id)
        used.add(obs_id)
        first = True
        for key in _OBS_ORDER:
            indent = "  - " if first else "    "
            if key == "id":
                out.field(indent, "id", obs_id, v["id"].cell if "id" in v else row.cell, record=record_line)
                first = False
                continue
            if key == "area" and "area" not in v and doc_area:
                out.field(indent, "area", doc_area, row.cell, record=record_line)
                continue
            if key not in v:
                continue
            cell = v[key]
            if key == "year":
                kind, value = _year_or_period(cell)
                out.field(indent, kind, value, cell.cell, flow=kind == "period", record=record_line, alias="year")
            elif key == "value":
                out.field(indent, "value", _number(cell.value), cell.cell, record=record_line)
            elif key == "inferred":
                parts = [s for s in re.split(r"[,，、\s]+", cell_text(cell.value)) if s]
                out.field(indent, "inferred", parts, cell.cell, flow=True, record=record_line)
            elif key == "meets":
                said = cell.value if isinstance(cell.value, bool) else cell_text(cell.value).strip().lower()
                truth = {"true": True, "是": True, "1": True, "false": False, "否": False, "0": False}.get(said, said) \
                    if not isinstance(said, bool) else said
                out.field(indent, "meets", truth, cell.cell, record=record_line)
            elif key == "derived.formula":
                out.add("    derived:", cell.cell)
                out.field("      ", "formula", cell_text(cell.value), cell.cell, record=record_line,
                          alias="derived.formula")
            elif key == "derived.inputs":
                if "derived.formula" not in v:
                    out.add("    derived:", cell.cell)
                ids = [s for s in re.split(r"[,，、\s]+", cell_text(cell.value)) if s]
                out.field("      ", "inputs", ids, cell.cell, flow=True, record=record_line, alias="derived.inputs")
            else:
                out.field(indent, key, cell_text(cell.value), cell.cell, record=record_line)
        if "override" in v:  # the editor's reason for an exception: kept beside the record for its reviewer
            out.add(f"    # 例外说明 override: {' '.join(cell_text(v['override'].value).split())}", v["override"].cell)
    return Draft(document_id=document_id, file_name=file_name, source=source, text="\n".join(out.lines) + "\n",
                 lines=out.cells, records=out.records, columns=out.columns, problems=problems, generated=generated)


def _sheet_draft(rows: list[Row], document_id: str, file_name: str, comment: str, top: str,
                 write: Callable[[_Writer, Row, int], None]) -> Draft | None:
    """One extra sheet of the workbook as a data file of its own: a comment, the top key, a record per row."""
    if not rows:
        return None
    out = _Writer()
    out.add(comment)
    out.add(f"{top}:")
    for row in rows:
        record = out.line + 1
        out.records[record] = row.cell
        write(out, row, record)
    return Draft(document_id=document_id, file_name=file_name, source="", text="\n".join(out.lines) + "\n", lines=out.cells,
                 records=out.records, columns=out.columns)


def _fields(out: _Writer, row: Row, record: int, keys: tuple[str, ...], required: str | None = None) -> bool:
    """A record's plain fields in order (`required` written even when empty); whether any was written."""
    v, first = row.values, True
    for key in keys:
        if key in v or key == required:
            cell = v.get(key)
            out.field("  - " if first else "    ", key, cell_text(cell.value) if cell else "",
                      cell.cell if cell else row.cell, record=record)
            first = False
    return not first


def _indicator(out: _Writer, row: Row, record: int) -> None:
    v = row.values
    _fields(out, row, record, ("id", "name", "name_en", "kind", "direction"), required="id")
    if "unit" in v:
        out.add(f"    # 单位 unit: {cell_text(v['unit'].value)}", v["unit"].cell)
    if any(k in v for k in ("relation_to", "relation", "note", "note_en")):
        out.add("    relations:", row.cell)
        first = True
        for key, name in (("relation_to", "to"), ("relation", "relation"), ("note", "note"), ("note_en", "note_en")):
            if key in v:
                out.field("      - " if first else "        ", name, cell_text(v[key].value), v[key].cell,
                          record=record, alias=f"relations.0.{name}")
                out.columns[(record, f"relations.0.{name}")] = v[key].cell
                first = False


def _stand_in(out: _Writer, row: Row, record: int) -> None:
    if not _fields(out, row, record, ("indicator", "area", "level", "use", "reason", "reason_en")):
        out.add("  - {}", row.cell)  # nothing the format reads: an empty record, so the loader names what is missing


def draft_indicators(filled: Filled, document_id: str) -> Draft | None:
    """The indicators proposed on the workbook's indicators sheet, as actuals/indicators-<document>.yaml."""
    return _sheet_draft(filled.indicators, document_id, f"indicators-{document_id}.yaml",
                        f"# Indicators proposed in {filled.name} ({document_id}), made by the import; review them "
                        "like any data file.", "indicators", _indicator)


def draft_stand_ins(filled: Filled, document_id: str) -> Draft | None:
    """The stand-in declarations of the workbook's stand-ins sheet, as actuals/stand-ins-<document>.yaml."""
    return _sheet_draft(filled.stand_ins, document_id, f"stand-ins-{document_id}.yaml",
                        f"# Stand-in declarations from {filled.name} ({document_id}), made by the import; review "
                        "them like any data file.", "stand_ins", _stand_in)


def _confirmed(v: dict[str, Value], filled: Filled, problems: list[errors.Problem]) -> bool:
    """A row the program proposed is imported only once a person confirmed it (a hand-typed row always is)."""
    answer = unicodedata.normalize("NFKC", cell_text(v["confirmed"].value)).casefold() if "confirmed" in v else ""
    if answer in CONFIRMED_YES:
        return True
    if "proposed" not in v and answer not in CONFIRMED_NO:
        return True
    if answer not in CONFIRMED_NO:  # a no is the editor's decision; an empty or unclear cell is said
        cell = v["confirmed"].cell if "confirmed" in v else v["proposed"].cell
        problems.append(errors.ProposalUnconfirmed(file=filled.name, kind="observation", cell=cell,
                                                   params={"answer": answer} if answer else {}))
    return False


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cells: dict[int, errors.Cell] = {}
        self.records: dict[int, errors.Cell] = {}
        self.columns: dict[tuple[int, str], errors.Cell] = {}

    @property
    def line(self) -> int:
        return len(self.lines)

    def add(self, text: str, cell: errors.Cell | None = None) -> None:
        self.lines.append(text)
        if cell is not None:
            self.cells[self.line] = cell

    def field(self, indent: str, key: str, value: Any, cell: errors.Cell | None, flow: bool = False,
              plain: bool = False, record: int | None = None, alias: str | None = None) -> None:
        if flow and isinstance(value, list):
            text = "[" + ", ".join(_scalar(x) for x in value) + "]"
        elif plain and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            text = value
        else:
            text = _scalar(value)
        self.add(f"{indent}{key}: {text}", cell)
        if record is not None and cell is not None:
            self.columns[(record, alias or key)] = cell


def _scalar(value: Any) -> str:
    """One value as YAML reads it back: numbers plain, text quoted only where YAML would misread it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30).removesuffix("\n").removesuffix("\n...")
    return json.dumps(text, ensure_ascii=False) if "\n" in dumped else dumped


def _number(value: Any) -> Any:
    """A number cell as a number; text that reads as one (全角 digits, thousands separators) too; else the text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return cell_text(value)
    return int(number) if number.is_integer() and "." not in text else number


_YEAR = re.compile(r"^(\d{4})\s*年?$")
_PERIOD = re.compile(r"^(\d{4})\s*年?\s*[-–—~至到]\s*(\d{4})\s*年?$")


def _year_or_period(v: Value) -> tuple[str, Any]:
    if isinstance(v.value, int | float) and not isinstance(v.value, bool) and float(v.value).is_integer():
        return "year", int(v.value)
    text = unicodedata.normalize("NFKC", cell_text(v.value))
    if m := _YEAR.match(text):
        return "year", int(m.group(1))
    if m := _PERIOD.match(text):
        return "period", [int(m.group(1)), int(m.group(2))]
    return "year", text  # the loader says it is not a year, at this cell


def _span(v: Value) -> Any:
    kind, value = _year_or_period(v)
    if kind == "year" and isinstance(value, int):
        return [value, value]
    return value


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if m := re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return text


def _document_id(source: str, dataset: Dataset) -> str:
    """doc-005 for 005_report.txt; else the next doc-NNN not yet used."""
    if m := re.match(r"(\d+)", Path(source).name):
        return f"doc-{m.group(1)}"
    used = {d.id for d in dataset.documents}
    n = 0
    while f"doc-{n:03d}" in used:
        n += 1
    return f"doc-{n:03d}"


def _observation_id(prefix: str, v: dict[str, Value], used: set[str]) -> str:
    indicator = cell_text(v["indicator"].value).replace("_", "-") if "indicator" in v else "figure"
    when = ""
    if "year" in v:
        kind, value = _year_or_period(v["year"])
        when = f"{value[0]}-{value[1]}" if kind == "period" else str(value)
    base = "-".join(p for p in (prefix, re.sub(r"[^a-z0-9-]+", "-", indicator.lower()).strip("-"), when) if p)
    out, k = base, 2
    while out in used:
        out, k = f"{base}-{k}", k + 1
    return out


# ---------------------------------------------------------------------------------------------- check and write


@dataclass
class Outcome:
    """What an import would do: the draft, both loads (before and after), and every problem, located."""

    draft: Draft
    target: Path
    source_target: Path | None  # where the source document is to be written (None: already there, unchanged)
    source_bytes: bytes | None
    before: tuple[Dataset, LoadReport]
    after: tuple[Dataset, LoadReport]
    problems: list[errors.Problem]  # the import's own, at their cells
    elsewhere: list[errors.Problem]  # new problems in other files that the new one causes
    force: bool = False
    extras: list[tuple[Draft, Path]] = field(default_factory=list)  # proposed indicators, stand-in declarations

    @property
    def errors(self) -> list[errors.Problem]:
        return [p for p in self.problems + self.elsewhere if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def targets(self) -> list[Path]:
        """Every file the import would write, in the order it writes them."""
        return [p for p in (self.source_target, *(p for _, p in self.extras), self.target) if p is not None]


def check(root: Path, sources: Path, filled: Filled, source: tuple[str, bytes] | None = None,
          force: bool = False) -> Outcome:
    """Draft the YAML, load the data with and without it, and locate every problem the new file has."""
    root, sources = Path(root), Path(sources)
    before = load_yaml(root, sources)
    filled, unfilled = _skip_unfilled(filled)
    d = draft(filled, source[0] if source else None, before[0])
    target = root / "actuals" / d.file_name
    extras = [(x, root / "actuals" / x.file_name) for x in (draft_indicators(filled, d.document_id),
                                                             draft_stand_ins(filled, d.document_id)) if x]
    problems = list(filled.problems) + unfilled + d.problems
    for path in (target, *(p for _, p in extras)):
        if path.exists() and not force:
            problems.append(errors.OutputExists(file=filled.name, kind="file", params={"path": str(path)}))
    source_target, source_bytes = _source_plan(sources, d.source, source, force, filled.name, problems)
    with tempfile.TemporaryDirectory(prefix="plan-tracker-import-") as tmp:
        stage_root, stage_sources = _stage(Path(tmp), root, sources, [d, *(x for x, _ in extras)], source)
        after = load_yaml(stage_root, stage_sources)
    drafts = {x.path: x for x in (d, *(x for x, _ in extras))}
    mine = [_suggest(_locate(p, drafts[p.file], filled), before[0]) for p in after[1].problems if p.file in drafts]
    old = {str(p) for p in before[1].problems}
    elsewhere = [p for p in after[1].problems if p.file not in drafts and str(p) not in old
                 and not (p.file == str(stage_sources) or p.file.startswith(str(Path(tmp))))]
    taken = dataclasses.replace(filled, rows=[r for r in filled.rows if _confirmed(r.values, filled, [])])
    caught = (mistakes.percents(taken) + mistakes.duplicates(taken, before[0], replacing=d.document_id)
              + mistakes.area_against_quote(taken, before[0]) + mistakes.proposals_complete(taken))
    problems, mine = _explained(problems + caught, mine)
    said = {(p.code, p.cell, p.field) for p in problems}
    mine = [p for p in mine if (p.code, p.cell, p.field) not in said]  # a missing cell said once
    return Outcome(draft=d, target=target, source_target=source_target, source_bytes=source_bytes, before=before,
                   after=after, problems=problems + mine, elsewhere=elsewhere, force=force, extras=extras)


_FIGURE_CELLS = ("value", "value_text", "quote")


def _skip_unfilled(filled: Filled) -> tuple[Filled, list[errors.Problem]]:
    """Rows describing a figure (indicator, year…) with no value, statement or quote: a request's rows the
    department could not fill. They are left out, each with a warning; a workbook of only such rows still has none."""
    if all(any(k in r.values for k in _FIGURE_CELLS) for r in filled.rows):
        return filled, []
    kept = [r for r in filled.rows if any(k in r.values for k in _FIGURE_CELLS)]
    said: list[errors.Problem] = [errors.RowNotFilled(file=filled.name, kind="observation", cell=r.cell) for r in filled.rows
            if r not in kept]
    return dataclasses.replace(filled, rows=kept), said


#: The loader's words for what an editor's mistake, caught and explained, causes: left out beside the explanation.
_CAUSED_BY_PERCENT = {"number-not-in-quote", "type-mismatch", "invalid-value", "unit-scale"}


def _explained(own: list[errors.Problem], loaded: list[errors.Problem]) -> tuple[list, list]:
    """Leave out the loader's problems that an explained mistake causes: the percent cell's number not found in
    its quote, the one-sheet CSV's missing document fields (or figures)."""
    percent_cells = {p.cell for p in own if p.code in ("percent-cell", "percent-sign")}
    one_sheet = [p for p in own if p.code == "csv-one-sheet"]
    missing = {str(p.params.get("missing")) for p in one_sheet}
    from dashboard.records.sheet import DOCUMENT_SHEET, OBSERVATIONS_SHEET

    def caused(p: errors.Problem) -> bool:
        if p.cell in percent_cells and p.code in _CAUSED_BY_PERCENT:
            return True
        if DOCUMENT_SHEET in missing and p.code in ("missing-field", "orphan-observations"):
            return p.kind in ("document", "file")
        return OBSERVATIONS_SHEET in missing and p.code == "no-observations"

    return [p for p in own if not caused(p)], [p for p in loaded if not caused(p)]


def _suggest(p: errors.Problem, dataset: Dataset) -> errors.Problem:
    """An unknown indicator or area, with the closest ids by name."""
    if p.code != "unknown-reference" or p.field not in ("indicator", "area"):
        return p
    records = dataset.indicators if p.field == "indicator" else dataset.areas
    near = mistakes.closest(str(p.params.get("value", "")), records)
    return dataclasses.replace(p, params={**p.params, "suggest": near}) if near else p


def _source_plan(sources: Path, name: str, source: tuple[str, bytes] | None, force: bool, file: str,
                 problems: list[errors.Problem]) -> tuple[Path | None, bytes | None]:
    if source is None or not name:
        return None, None
    path = sources / Path(name).name
    if path.exists():
        if path.read_bytes() == source[1]:
            return None, None
        if not force:
            problems.append(errors.OutputExists(file=file, kind="file", params={"path": str(path)}))
    return path, source[1]


def _stage(tmp: Path, root: Path, sources: Path, drafts: list[Draft],
           source: tuple[str, bytes] | None) -> tuple[Path, Path]:
    """A data folder and a sources folder of links to the real files, with the new files (and source) added."""
    stage_root, stage_sources = tmp / "data", tmp / "sources"
    (stage_root / "actuals").mkdir(parents=True)
    stage_sources.mkdir()
    if (root / "targets").is_dir():
        os.symlink((root / "targets").resolve(), stage_root / "targets")
    new = {d.file_name for d in drafts}
    for p in sorted((root / "actuals").glob("*")) if (root / "actuals").is_dir() else []:
        if p.name not in new:
            os.symlink(p.resolve(), stage_root / "actuals" / p.name)
    for d in drafts:
        (stage_root / "actuals" / d.file_name).write_text(d.text, encoding="utf-8")
    if sources.is_dir():
        for p in sorted(sources.iterdir()):
            if p.is_file() and not (source and p.name == Path(source[0]).name):
                os.symlink(p.resolve(), stage_sources / p.name)
    if source is not None:
        (stage_sources / Path(source[0]).name).write_bytes(source[1])
    texts = texts_dir(sources)  # the texts folder beside the staged sources is the real one (other plans' texts)
    if texts.is_dir() and not (tmp / "texts").exists():
        os.symlink(texts.resolve(), tmp / "texts")
    return stage_root, stage_sources


def _locate(p: errors.Problem, d: Draft, filled: Filled) -> errors.Problem:
    """A problem the loader found in the drafted YAML, located at the cell its line came from (and a place it names
    in the drafted file, such as the first use of an id, named as the row it came from)."""
    if p.record in d.generated:  # an id the editor never typed: the row names the record
        p = dataclasses.replace(p, record=None)
    first = str(p.params.get("first", ""))
    if first.startswith(d.path + ":"):
        earlier = max((line for line in d.records if line <= int(first.rsplit(":", 1)[1])), default=None)
        if earlier is not None:
            row = d.records[earlier]
            p = dataclasses.replace(p, params={**p.params, "first": errors.Text(row.zh(), str(row))})
    return _at_cell(p, d, filled)


def _at_cell(p: errors.Problem, d: Draft, filled: Filled) -> errors.Problem:
    if p.line is None:
        return p.at(errors.Cell(filled.document_sheet if p.kind == "document" else _sheet(d)), filled.name)
    record = max((line for line in d.records if line <= p.line), default=None)
    cell = None
    if p.kind == "document":
        record = None
        if p.field in _DOC_FIELD_OF:
            cell = d.lines.get(p.line) if p.code != "missing-field" else None
            return p.at(cell or errors.Cell(filled.document_sheet, filled.document_rows.get(p.field),
                                            DOCUMENT_COLUMN_VALUE), filled.name)
    if record is not None and not p.field and p.kind in _COLUMNS_BY_KIND:
        return p.at(d.records[record], filled.name)  # a rule of the whole record: its row
    if record is not None and p.field:
        parts = p.field.split(".")  # derived.inputs.0 → derived.inputs → derived
        cell = next((d.columns[(record, ".".join(parts[:k]))] for k in range(len(parts), 0, -1)
                     if (record, ".".join(parts[:k])) in d.columns), None)
        columns = _COLUMNS_BY_KIND.get(p.kind, {})
        if cell is None and p.field in columns:  # a missing field: its column on the record's row
            row = d.records[record]
            cell = errors.Cell(row.sheet, row.row, columns[p.field].header)
    if cell is None:
        cell = d.lines.get(p.line)
    if cell is None and record is not None and p.kind in _COLUMNS_BY_KIND:
        cell = d.records[record]
    if cell is None:
        cell = errors.Cell(filled.document_sheet if p.kind in ("document", "file") else _sheet(d))
    return p.at(cell, filled.name)


def _sheet(d: Draft) -> str:
    return next(iter(d.records.values())).sheet if d.records else "?"


def write_source(target: Path | None, data: bytes | None, force: bool) -> list[Path]:
    """The source document, written before the records that quote it (a load before they are there never reads
    it): the path written, if it was to be written."""
    if target is None or data is None:
        return []
    atomic_write(target, data, replace=force)
    return [target]


def write(outcome: Outcome) -> list[Path]:
    """Write what the outcome drafted (refused if it has errors); returns the files written."""
    if not outcome.ok:
        raise errors.DataError(outcome.errors)
    written = write_source(outcome.source_target, outcome.source_bytes, outcome.force)
    for extra, path in outcome.extras:  # the indicators first: the document's figures may use them
        atomic_write(path, extra.text.encode("utf-8"), replace=outcome.force)
        written.append(path)
    atomic_write(outcome.target, outcome.draft.text.encode("utf-8"), replace=outcome.force)
    written.append(outcome.target)
    return written


#: A data file's permissions: readable by all, as a file made by an editor or git would be (mkstemp makes 0600).
FILE_MODE = 0o644
LOG = Path("logs") / "editor.log"


def log_save(root: Path, outcome: Outcome, written: list[Path], editor: str = "") -> Path:
    """Append one line (JSON) to logs/editor.log under the data folder: when, which files, how many figures and
    problems, and the editor's name if given. The folder is ignored by git."""
    d = outcome.after[0]
    figures = sum(1 for o in d.observations if o.document == outcome.draft.document_id)
    entry = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "files": [str(p) for p in written],
             "document": outcome.draft.document_id, "figures": figures,
             "warnings": sum(1 for p in outcome.problems + outcome.elsewhere if p.severity != "error"),
             "replaced": outcome.force, "editor": " ".join(editor.split())[:80] or None}
    path = Path(root) / LOG
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path


def atomic_write(path: Path, data: bytes, replace: bool = False) -> None:
    """Write to a temporary file beside `path`, then move it into place: a reader sees the old file or the new one,
    never half of one. Without `replace`, an existing file is never overwritten (FileExistsError), even by a race."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the path exists: no overwrite, no window
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def copy_source(src: Path) -> tuple[str, bytes]:
    return Path(src).name, Path(src).read_bytes()

