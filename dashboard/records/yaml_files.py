"""The data folder's YAML files to records, with every problem located by file, line, record and field.

`load_yaml(root, sources)` reads targets/ and actuals/ under `root`, validates each record on its own
(pydantic), then checks the records against each other and against the source documents
(`validate.py`). A record with any error is rejected and counted; every valid record is kept.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dashboard.records import errors
from dashboard.records.model import Area, Dataset, Document, Goal, Indicator, Observation, Plan
from dashboard.records.report import Entry, FileCount, LoadReport
from dashboard.records.sources import SourceLibrary
from dashboard.records.util import gc_paused
from dashboard.records.validate import cross_check
from dashboard.records.yamlio import LinedDict, LinedList, read_yaml

# file name pattern → (top-level key, record kind, model); a doc file has two top-level keys.
_LAYOUT: list[tuple[str, str, str, type[BaseModel]]] = [
    ("targets", "plan.yaml", "plan", Plan),
    ("targets", "indicators.yaml", "indicator", Indicator),
    ("targets", "goals-*.yaml", "goal", Goal),
    ("actuals", "areas.yaml", "area", Area),
    ("actuals", "indicators.yaml", "indicator", Indicator),
    ("actuals", "doc-*.yaml", "observation", Observation),
]
_LIST_KEY = {"indicator": "indicators", "goal": "goals", "area": "areas", "observation": "observations"}


def load_yaml(root: Path, sources: Path, parsed: dict[str, _Parsed] | None = None) -> tuple[Dataset, LoadReport]:
    """Load and check the YAML files under root (never the columnar store). With `parsed` (a dict kept by the
    caller), a file whose modification time and size are those it had when it was last parsed is not read again:
    its records, already validated on their own, are checked against the others once more."""
    with gc_paused():
        return _load_yaml(Path(root), Path(sources), cross_check, parsed)


@dataclass
class _Parsed:
    """One file's records as parsed and validated on their own, with the version of the file they came from."""

    version: tuple[int, int]  # (mtime_ns, size)
    entries: list[Entry]
    count: FileCount  # as it stood after parsing (before the cross-record checks)
    problems: list[errors.Problem]


def _load_yaml(root: Path, sources: Path, cross_check, parsed: dict[str, _Parsed] | None) -> tuple[Dataset, LoadReport]:
    library = SourceLibrary(sources)
    report = LoadReport(sources=str(library.folder))
    entries: list[Entry] = []
    seen: set[str] = set()
    for folder, pattern, kind, model in _LAYOUT:
        for path in sorted((root / folder).glob(pattern)):
            if parsed is None:
                entries += _load_file(path, _display(path, root), kind, model, report)
            else:
                seen.add(str(path))
                entries += _load_file_cached(path, _display(path, root), kind, model, report, parsed)
    if parsed is not None:
        for gone in set(parsed) - seen:
            del parsed[gone]
    _report_unknown_files(root, report)
    kept = cross_check(entries, library, report)
    by_kind: dict[str, list[Any]] = {}
    for entry in kept:
        entry.count.loaded += 1
        by_kind.setdefault(entry.kind, []).append(entry.record)
    kept_ids = {id(entry) for entry in kept}
    for entry in entries:
        if id(entry) not in kept_ids:
            entry.count.rejected += 1
    plans = by_kind.get("plan", [])
    dataset = Dataset(
        plan=plans[0] if plans else None,
        goals=tuple(by_kind.get("goal", [])),
        indicators=tuple(by_kind.get("indicator", [])),
        areas=tuple(by_kind.get("area", [])),
        documents=tuple(by_kind.get("document", [])),
        observations=tuple(by_kind.get("observation", [])),
    )
    return dataset, report


def fingerprint(root: Path, sources: Path) -> tuple:
    """(name, modification time in ns, size) of every file a load reads: targets/, actuals/ and the sources folder."""
    out = []
    for folder in (Path(root) / "targets", Path(root) / "actuals", Path(sources)):
        try:
            with os.scandir(folder) as it:
                entries = [(e.name, e.stat()) for e in it if e.is_file()]
        except OSError:
            out.append((str(folder), None))
            continue
        out.append((str(folder), tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in entries))))
    return tuple(out)


def _load_file_cached(path: Path, file: str, kind: str, model: type[BaseModel], report: LoadReport,
                      parsed: dict[str, _Parsed]) -> list[Entry]:
    def version() -> tuple[int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    before = version()
    hit = parsed.get(str(path))
    if hit is None or before is None or hit.version != before:
        own = LoadReport()
        fresh = _load_file(path, file, kind, model, own)
        hit = _Parsed(before or (0, -1), fresh, dataclasses.replace(own.counts[0]), own.problems)
        if before is not None and version() == before:  # not changed while it was read
            parsed[str(path)] = hit
        else:
            parsed.pop(str(path), None)
    count = dataclasses.replace(hit.count)
    report.counts.append(count)
    report.problems += hit.problems
    return [Entry(record=e.record, kind=e.kind, file=e.file, raw=e.raw, count=count) for e in hit.entries]


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _report_unknown_files(root: Path, report: LoadReport) -> None:
    known = {p for folder, pattern, *_ in _LAYOUT for p in (root / folder).glob(pattern)}
    for folder in ("targets", "actuals"):
        for path in sorted((root / folder).glob("*")):
            if path.suffix in (".yaml", ".yml") and path not in known:
                report.problems.append(
                    errors.BadLayout(
                        file=_display(path, root),
                        detail="this file name is not one the loader reads, so its records would be ignored; "
                        "rename it (plan.yaml, indicators.yaml, goals-*.yaml, areas.yaml, doc-*.yaml)",
                    )
                )


def _load_file(path: Path, file: str, kind: str, model: type[BaseModel], report: LoadReport) -> list[Entry]:
    count = FileCount(file=file, kind="record" if kind == "observation" else kind)
    report.counts.append(count)
    doc, problems = read_yaml(path.read_bytes(), file)
    report.problems += problems
    if problems:
        return []
    if doc is None:
        report.problems.append(errors.BadLayout(file=file, detail="the file is empty"))
        return []
    if not isinstance(doc, LinedDict):
        report.problems.append(
            errors.BadLayout(file=file, line=1, detail=f"the file must be a mapping with the key '{_top_key(kind)}'")
        )
        return []
    report.problems += [errors.DuplicateKey(file=file, line=ln, field=k, detail=repr(k)) for ln, k in doc.duplicates]
    entries: list[Entry] = []
    if kind == "plan":
        entries += _records(doc, "plan", file, "plan", Plan, count, report, single=True)
    elif kind == "observation":
        doc_entries = _records(doc, "document", file, "document", Document, count, report, single=True)
        entries += doc_entries
        document_id = doc_entries[0].record.id if doc_entries else ""
        obs = _records(doc, "observations", file, "observation", Observation, count, report, document=document_id)
        entries += obs if doc_entries else []
        if not doc_entries:  # observations cannot be traced to a document: reject them, loudly
            count.rejected += len(obs)
            if obs:
                report.problems.append(
                    errors.BadLayout(file=file, detail=f"{len(obs)} observations rejected because the document record is invalid")
                )
    else:
        entries += _records(doc, _LIST_KEY[kind], file, kind, model, count, report)
    allowed = {"plan": {"plan"}, "observation": {"document", "observations"}}.get(kind, {_LIST_KEY.get(kind, "")})
    for key in doc:
        if key not in allowed:
            report.problems.append(
                errors.UnknownField(file=file, line=doc.line_of(key), field=str(key), detail=" at the top of this file")
            )
    return entries


def _top_key(kind: str) -> str:
    return {"plan": "plan", "observation": "document"}.get(kind, _LIST_KEY.get(kind, kind))


def _records(
    doc: LinedDict, key: str, file: str, kind: str, model: type[BaseModel], count: FileCount, report: LoadReport,
    single: bool = False, document: str = "",
) -> list[Entry]:
    if key not in doc:
        report.problems.append(errors.MissingField(file=file, line=doc.line or 1, field=key, kind="file"))
        return []
    items = [doc[key]] if single else doc[key]
    if not single and not isinstance(items, LinedList):
        report.problems.append(
            errors.BadLayout(file=file, line=doc.line_of(key), field=key, detail=f"'{key}' must be a list of records")
        )
        return []
    entries = []
    for index, raw in enumerate(items):
        if not isinstance(raw, LinedDict):
            line = doc.line_of(key) if single else getattr(items, "line", None)
            report.problems.append(
                errors.BadLayout(file=file, line=line, record=f"#{index + 1}", kind=kind,
                                 detail=f"each {kind} must be a mapping of fields, got {type(raw).__name__}")
            )
            count.rejected += 1
            continue
        record = _validate_record(raw, file, kind, model, report, document)
        if record is None:
            count.rejected += 1
        else:
            entries.append(Entry(record=record, kind=kind, file=file, raw=raw, count=count))
    return entries


def _validate_record(raw: LinedDict, file: str, kind: str, model: type[BaseModel], report: LoadReport,
                     document: str) -> BaseModel | None:
    if not raw.duplicates:  # the usual case, a valid record: validate it and go
        try:
            if kind != "observation":
                return model.model_validate(raw)
            if "document" not in raw:
                data = dict(raw)
                data["document"] = document
                return model.model_validate(data)
        except Exception:  # noqa: BLE001 - the full path below validates again and locates every problem
            pass
    record_id = str(raw.get("id", "")) or f"(line {raw.line})"
    problems: list[errors.Problem] = [
        errors.DuplicateKey(file=file, line=ln, record=record_id, field=k, kind=kind, detail=repr(k))
        for ln, k in raw.duplicates
    ]
    data = dict(raw)
    if kind == "observation":
        if "document" in data:
            problems.append(errors.UnknownField(file=file, line=raw.line_of("document"), record=record_id,
                                                field="document", kind=kind, detail="; the document is the file's"))
        data["document"] = document
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems += [_problem_from(err, raw, file, record_id, kind) for err in exc.errors()]
        record = None
    except (RecursionError, OverflowError, ValueError, TypeError) as exc:
        problems.append(errors.TypeMismatch(file=file, line=raw.line, record=record_id, kind=kind, detail=str(exc)))
        record = None
    report.problems += problems
    return None if problems else record


def _problem_from(err: dict, raw: LinedDict, file: str, record_id: str, kind: str) -> errors.Problem:
    loc = [p for p in err.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-"))]
    field_name = ".".join(str(p) for p in loc) or None
    line = _line_of(raw, loc)
    kw = dict(file=file, line=line, record=record_id, field=field_name, kind=kind)
    etype = err.get("type", "")
    given = err.get("input")
    if etype == "missing":
        return errors.MissingField(**kw)
    if etype == "extra_forbidden":
        return errors.UnknownField(**kw)
    if etype == "literal_error" and loc and loc[-1] == "unit":
        return errors.UnknownUnit(**kw, detail=repr(given))
    if etype in ("literal_error", "string_pattern_mismatch", "value_error", "assertion_error"):
        msg = err.get("msg", "").removeprefix("Value error, ")
        return errors.InvalidValue(**kw, detail=f"{msg} (got {_short(given)})" if etype != "value_error" else msg)
    return errors.TypeMismatch(**kw, detail=f"{err.get('msg', 'wrong type').lower()}, got {_short(given)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _line_of(raw: Any, loc: list) -> int:
    line = getattr(raw, "line", 0)
    node = raw
    for part in loc:
        if isinstance(node, LinedDict) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line
