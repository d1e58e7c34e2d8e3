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
from dashboard.records.model import (
    Area,
    Dataset,
    Document,
    Goal,
    Indicator,
    Observation,
    Plan,
    StandIn,
    StandInDeclaration,
)
from dashboard.records.report import Entry, FileCount, LoadReport
from dashboard.records.sources import SourceLibrary
from dashboard.records.util import gc_paused
from dashboard.records.validate import cross_check
from dashboard.records.yamlio import LinedDict, LinedList, read_yaml

# file name pattern → (top-level key, record kind, model); a doc file has two top-level keys.
_LAYOUT: list[tuple[str, str, str, type[BaseModel]]] = [
    ("targets", "plan.yaml", "plan", Plan),  # the old layout: one plan, its goals beside it
    ("targets", "*/plan.yaml", "plan", Plan),  # the layout for many plans: targets/<plan-id>/plan.yaml
    ("targets", "indicators.yaml", "indicator", Indicator),
    ("targets", "goals-*.yaml", "goal", Goal),
    ("targets", "*/goals-*.yaml", "goal", Goal),
    ("actuals", "areas.yaml", "area", Area),
    ("actuals", "indicators.yaml", "indicator", Indicator),
    ("actuals", "indicators-*.yaml", "indicator", Indicator),  # proposed through the import, one file a workbook
    ("actuals", "stand-ins-*.yaml", "stand_in", StandInDeclaration),
    ("actuals", "doc-*.yaml", "observation", Observation),
]
_LIST_KEY = {"indicator": "indicators", "goal": "goals", "area": "areas", "observation": "observations",
             "stand_in": "stand_ins"}
#: The size limit of one data file, in MB: a larger file is refused unread (it would hold the site's memory).
MAX_FILE_ENV = "PLAN_TRACKER_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 20.0


def max_file_bytes() -> int:
    """$PLAN_TRACKER_MAX_FILE_MB (default 20) in bytes; a value that is not a positive number means the default."""
    try:
        mb = float(os.environ.get(MAX_FILE_ENV, "") or DEFAULT_MAX_FILE_MB)
    except ValueError:
        mb = DEFAULT_MAX_FILE_MB
    return int((mb if mb > 0 else DEFAULT_MAX_FILE_MB) * 1024 * 1024)


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
    entries = _assign_plans(entries, report)
    entries = _declare_stand_ins(entries, report)
    kept = _without_orphans(cross_check(entries, library, report), report)
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
        plans=tuple(plans),
        goals=tuple(by_kind.get("goal", [])),
        indicators=tuple(by_kind.get("indicator", [])),
        areas=tuple(by_kind.get("area", [])),
        documents=tuple(by_kind.get("document", [])),
        observations=tuple(by_kind.get("observation", [])),
    )
    return dataset, report


def fingerprint(root: Path, sources: Path) -> tuple:
    """(name, modification time in ns, size) of every file a load reads: targets/, actuals/ and the sources folder."""
    out: list[tuple[str, Any]] = []
    targets = Path(root) / "targets"
    plan_folders = sorted(p for p in targets.glob("*") if p.is_dir()) if targets.is_dir() else []
    for folder in (targets, *plan_folders, Path(root) / "actuals", Path(sources)):
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


def _declare_stand_ins(entries: list[Entry], report: LoadReport) -> list[Entry]:
    """Stand-in declarations of actuals/stand-ins-*.yaml added to their indicators (before the cross-checks, which
    then see them as declared); a declaration of an unknown indicator, or of a place its indicator already
    declares, is rejected. Entries are replaced, never changed (a cached load keeps its own)."""
    declarations = [e for e in entries if e.kind == "stand_in"]
    if not declarations:
        return entries
    rest = [e for e in entries if e.kind != "stand_in"]
    indicators = {e.record.id: e for e in rest if e.kind == "indicator"}
    added: dict[str, list[StandIn]] = {}
    files_by_place: dict[tuple, list[str]] = {}
    for d in declarations:
        files_by_place.setdefault((d.record.indicator, d.record.area, d.record.level), []).append(d.file)
    for d in declarations:
        decl = d.record
        target = indicators.get(decl.indicator)
        line = d.raw.line_of("indicator") if "indicator" in d.raw else d.raw.line
        if target is None:
            report.problems.append(errors.UnknownReference(file=d.file, line=line, record=decl.indicator,
                                                           field="indicator", kind="indicator",
                                                           params={"value": decl.indicator, "target": _INDICATOR}))
            d.count.rejected += 1
            continue
        place = (decl.area, decl.level)
        others = [f for f in files_by_place[(decl.indicator, *place)] if f != d.file] or (
            [target.file] if any((s.area, s.level) == place for s in target.record.stand_in) else [])
        if others:  # two declarations of one place: neither is taken, the data must say one thing
            report.problems.append(errors.StandInDeclaredTwice(
                file=d.file, line=d.raw.line, record=decl.indicator, field="stand_in", kind="stand_in",
                params={"place": decl.area or decl.level, "first": others}))
            d.count.rejected += 1
            continue
        added.setdefault(decl.indicator, []).append(StandIn(**decl.model_dump(exclude={"indicator"})))
        d.count.loaded += 1
    return [dataclasses.replace(e, record=e.record.model_copy(update={"stand_in": (*e.record.stand_in,
                                                                                  *added[e.record.id])}))
            if e.kind == "indicator" and e.record.id in added else e for e in rest]


_INDICATOR = errors.Text("指标", "indicator")


def _without_orphans(kept: list[Entry], report: LoadReport) -> list[Entry]:
    """Goals whose plan record was rejected are rejected too (said once per folder): they must not be read as
    another plan's."""
    plans = {e.record.id for e in kept if e.kind == "plan"}
    said: set[str] = set()
    out = []
    for e in kept:
        if e.kind == "goal" and e.record.plan and e.record.plan not in plans:
            folder = str(Path(e.file).parent)
            if folder not in said:
                said.add(folder)
                report.problems.append(errors.GoalsWithoutPlan(file=e.file, kind="file", params={"folder": folder}))
            continue
        out.append(e)
    return out


def plan_order(plan: Plan) -> tuple:
    """Plans in the order of time: by period, then id. The first is the dataset's `plan` (with one plan, as ever)."""
    return (plan.period[0], plan.period[1], plan.id)


def _assign_plans(entries: list[Entry], report: LoadReport) -> list[Entry]:
    """Each goal given its plan: the plan record of its own folder (targets/ for the old layout, targets/<plan-id>/
    for the layout for many plans). The first plan's goals keep their ids; a later plan's goals are keyed
    `<plan-id>.<id>` (their `paces` alike) and speak for their plan's area unless they name one, so the judge, which
    reads one id space and the first plan's area, judges every plan's goals unchanged. Goals of a folder without a
    plan record are rejected. Entries are replaced, never changed (a cached load keeps its own)."""
    plan_of_folder: dict[str, Any] = {}
    out: list[Entry] = []
    plans = sorted((e for e in entries if e.kind == "plan"), key=lambda e: plan_order(e.record))
    entries = plans + [e for e in entries if e.kind != "plan"]
    for e in entries:
        if e.kind == "plan":
            folder = str(Path(e.file).parent)
            if folder != "targets" and Path(folder).name != e.record.id:
                report.problems.append(errors.PlanFolderMismatch(
                    file=e.file, line=e.raw.line_of("id") if "id" in e.raw else e.raw.line, record=e.record.id,
                    field="id", kind="plan", params={"plan": e.record.id, "folder": Path(folder).name}))
                e.count.rejected += 1
                continue
            plan_of_folder.setdefault(folder, e.record)
    first = next(iter(plan_of_folder.values()), None)  # the earliest plan
    orphans: set[str] = set()
    for e in entries:
        if e.kind == "plan" and plan_of_folder.get(str(Path(e.file).parent)) is None:
            continue  # rejected above
        if e.kind != "goal":
            out.append(e)
            continue
        folder = str(Path(e.file).parent)
        plan = plan_of_folder.get(folder)
        if plan is None:
            if folder != "targets" and folder not in orphans:
                orphans.add(folder)
                report.problems.append(errors.GoalsWithoutPlan(file=e.file, kind="file",
                                                               params={"folder": folder}))
            if folder != "targets":  # old-layout goals without a plan stay as before (judged without a plan)
                e.count.rejected += 1
                continue
            out.append(e)
            continue
        g = e.record
        if plan is first or first is None:
            update: dict[str, Any] = {"plan": plan.id}
        else:
            update = {"plan": plan.id, "id": Goal.later_plans_id(plan.id, g.id), "area": g.area or plan.area}
            if g.paces:
                update["paces"] = Goal.later_plans_id(plan.id, g.paces)
        out.append(dataclasses.replace(e, record=g.model_copy(update=update)))
    return out


def _report_unknown_files(root: Path, report: LoadReport) -> None:
    known = {p for folder, pattern, *_ in _LAYOUT for p in (root / folder).glob(pattern)}
    for folder, pattern in (("targets", "*"), ("targets", "*/*"), ("actuals", "*")):
        for path in sorted((root / folder).glob(pattern)):
            if path.suffix in (".yaml", ".yml") and path not in known:
                report.problems.append(errors.BadLayout(file=_display(path, root), kind="file"))


def _count_records_in(path: Path) -> int:
    """`count_records` of a file too large to read whole: line by line, the outermost list items and single records."""
    singles, indents = 0, dict[int, int]()
    with path.open("rb") as fh:
        for raw in fh:
            if raw.startswith((b"plan:", b"document:")):
                singles += 1
            stripped = raw.lstrip(b" ")
            if stripped.startswith(b"- ") or stripped.rstrip() == b"-":
                indent = len(raw) - len(stripped)
                indents[indent] = indents.get(indent, 0) + 1
    return singles + (indents[min(indents)] if indents else 0)


def _load_file(path: Path, file: str, kind: str, model: type[BaseModel], report: LoadReport) -> list[Entry]:
    count = FileCount(file=file, kind="record" if kind == "observation" else kind)
    report.counts.append(count)
    limit = max_file_bytes()
    size = path.stat().st_size
    if size > limit:
        count.rejected, count.unread = _count_records_in(path), True
        report.problems.append(errors.FileTooLarge(file=file, kind="file", params={
            "size_mb": round(size / 1048576, 1), "limit_mb": round(limit / 1048576, 1), "records": count.rejected}))
        return []
    doc, problems = read_yaml(path.read_bytes(), file)
    report.problems += problems
    if problems:
        count.rejected, count.unread = sum(int(p.params.get("records", 0)) for p in problems), True
        return []
    if doc is None:
        report.problems.append(errors.EmptyFile(file=file, kind="file"))
        return []
    if not isinstance(doc, LinedDict):
        report.problems.append(errors.NotAMapping(file=file, line=1, kind="file", params={"key": _top_key(kind)}))
        return []
    report.problems += [errors.DuplicateKey(file=file, line=ln, field=k, kind="file", params={"key": k})
                        for ln, k in doc.duplicates]
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
                report.problems.append(errors.OrphanObservations(file=file, kind="file", params={"count": len(obs)}))
    else:
        entries += _records(doc, _LIST_KEY[kind], file, kind, model, count, report)
    allowed = {"plan": {"plan"}, "observation": {"document", "observations"}}.get(kind, {_LIST_KEY.get(kind, "")})
    for key in doc:
        if key not in allowed:
            report.problems.append(errors.UnknownField(
                file=file, line=doc.line_of(key), field=str(key), kind="file",
                params={"where": errors.Text("位于文件顶层", "at the top of this file")}))
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
        report.problems.append(errors.NotAList(file=file, line=doc.line_of(key), field=key, kind="file",
                                               params={"key": key}))
        return []
    entries = []
    for index, raw in enumerate(items):
        if not isinstance(raw, LinedDict):
            line = doc.line_of(key) if single else getattr(items, "line", None)
            report.problems.append(errors.RecordNotMapping(file=file, line=line, record=f"#{index + 1}", kind=kind,
                                                           params={"got": type(raw).__name__}))
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
        errors.DuplicateKey(file=file, line=ln, record=record_id, field=k, kind=kind, params={"key": k})
        for ln, k in raw.duplicates
    ]
    data = dict(raw)
    if kind == "observation":
        if "document" in data:
            problems.append(errors.UnknownField(
                file=file, line=raw.line_of("document"), record=record_id, field="document", kind=kind,
                params={"where": errors.Text("数据所属的文献就是本文件的文献", "the document is the file's")}))
        data["document"] = document
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems += [_problem_from(err, raw, file, record_id, kind) for err in exc.errors()]
        record = None
    except (RecursionError, OverflowError, ValueError, TypeError) as exc:
        problems.append(errors.InvalidValue(file=file, line=raw.line, record=record_id, kind=kind, detail=str(exc)))
        record = None
    report.problems += problems
    return None if problems else record


def _problem_from(err: Any, raw: LinedDict, file: str, record_id: str, kind: str) -> errors.Problem:
    loc = [p for p in err.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-"))]
    field_name = ".".join(str(p) for p in loc) or None
    line = _line_of(raw, loc)
    kw: dict[str, Any] = dict(file=file, line=line, record=record_id, field=field_name, kind=kind)
    etype = err.get("type", "")
    given = err.get("input")
    if etype == "missing":
        return errors.MissingField(**kw)
    if etype == "extra_forbidden":
        return errors.UnknownField(**kw)
    if etype == "literal_error":
        allowed = _allowed(err)
        suggestion = suggest(loc[-1] if loc else "", given, allowed)
        params = {"given": _short(given, quote=False), "allowed": allowed}
        if suggestion:
            params["suggestion"] = suggestion
        if loc and loc[-1] == "unit":
            return errors.UnknownUnit(**kw, params={"unit": params["given"], **({"suggestion": suggestion}
                                                                                if suggestion else {})})
        return errors.NotAllowed(**kw, params=params)
    if etype in ("string_pattern_mismatch", "value_error", "assertion_error"):
        msg = err.get("msg", "").removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if etype == "string_pattern_mismatch":
            return errors.NotAllowed(**kw, params={"given": _short(given, quote=False),
                                                   "allowed": _PATTERN_WORDS.get(loc[-1] if loc else "", msg)})
        return errors.InvalidValue(**kw, detail=msg)
    expected = _EXPECTED.get(etype.split("_")[0], errors.Text("正确类型的值", "a value of the right type"))
    return errors.TypeMismatch(**kw, params={"expected": expected, "given": _short(given)})


#: What a value of each pydantic type family should have been.
_EXPECTED: dict[str, errors.Text] = {
    "float": errors.Text("数字（不带单位或引号）", "a number (without units or quotes)"),
    "int": errors.Text("整数（如2010）", "a whole number (such as 2010)"),
    "finite": errors.Text("有限的数字", "a finite number"),
    "date": errors.Text("日期（如2008-02-20）", "a date (such as 2008-02-20)"),
    "datetime": errors.Text("日期（如2008-02-20）", "a date (such as 2008-02-20)"),
    "string": errors.Text("文字", "text"),
    "tuple": errors.Text("列表（如[2006, 2010]）", "a list (such as [2006, 2010])"),
    "list": errors.Text("列表（如[2006, 2010]）", "a list (such as [2006, 2010])"),
    "too": errors.Text("两项的列表（如[2006, 2010]）", "a list of two (such as [2006, 2010])"),
    "bool": errors.Text("true或false", "true or false"),
    "model": errors.Text("字段的映射", "a mapping of fields"),
    "dict": errors.Text("字段的映射", "a mapping of fields"),
}
_PATTERN_WORDS = {"id": "lower-case letters, digits and '-' (ids) or '_' (indicator ids), starting with a letter or digit"}

#: Words editors write for a qualifier or a comparator, and the one the format uses.
SUGGESTIONS: dict[str, str] = {
    "不低于": "以上", "不少于": "以上", "至少": "以上", "及以上": "以上", "以上的": "以上", "大于等于": "以上",
    "大于": "超过", "高于": "超过", "多于": "超过", "逾": "超过",
    "小于等于": "以内", "最多": "以内", "之内": "以内", "控制在": "以内",
    "小于": "低于", "少于": "不到", "不足": "不到", "未满": "不到",
    "大约": "约", "约为": "约", "接近": "近", "将近": "近", "达到了": "达到", "为": "达",
    "≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "~": "≈", "左右": "≈",
    "％": "%", "平方米/人": "平方米", "m2": "平方米", "㎡": "平方米", "万头": "万头(只)", "万只": "万头(只)",
    "万头（只）": "万头(只)", "人民币元": "元", "亿": "亿元", "万": "万元", "percent": "%",
}


def suggest(field: str, given: Any, allowed: list[str]) -> str | None:
    """The allowed value an editor most likely meant (以下 → 以内), or None."""
    text = str(given).strip() if given is not None else ""
    found = SUGGESTIONS.get(text)
    if found in allowed:
        return found
    import difflib

    close = difflib.get_close_matches(text, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _allowed(err: Any) -> list[str]:
    expected = (err.get("ctx") or {}).get("expected", "")
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _short(value: Any, quote: bool = True) -> str:
    text = repr(value) if quote or not isinstance(value, str) else value
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
