"""Columnar store (optional): the loaded records as Parquet, for collections whose YAML takes long to read.

`python -m dashboard build --out build/store` loads the YAML files with every check, then writes the goals
and observations as Parquet tables and everything else (the plan, indicators, areas, documents, the load
report, and what was read: the name, modification time and size of every data file and source document,
and a digest of the checking code) to `manifest.json`.

With `PLAN_TRACKER_STORE=build/store`, `load` reads the records from the store while its manifest matches
the files and the code; otherwise it reads the YAML files and adds a warning that the store is stale. The
YAML files remain the source of truth: the store is a cache of a load, never edited, always rebuildable.

Records read from the store were validated when it was built, so they are put together without validating
again (the small record kinds are validated again, being few). One difference a caller could see: which
fields were *written* in YAML (pydantic's `model_fields_set`) is not kept; every field counts as set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.records import errors
from dashboard.records.columns import from_arrow, remember
from dashboard.records.model import Area, Baseline, Dataset, Derived, Document, Goal, Indicator, Observation, Plan
from dashboard.records.report import FileCount, LoadReport
from dashboard.records.util import gc_paused, write_atomic
from dashboard.records.yaml_files import fingerprint, load_yaml

FORMAT = 2  # 2: the plans and each goal's plan
MANIFEST = "manifest.json"
_CODE = ("model.py", "load.py", "validate.py", "yamlio.py", "numbers.py", "sources.py", "errors.py", "store.py")

def _flat(model, nested: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The model's fields as columns, a nested record's fields as `<field>_<part>` columns."""
    out: list[str] = []
    for name in model.model_fields:
        out += [f"{name}_{part}" for part in nested[name]] if name in nested else [name]
    return out


_GOAL_NESTED = {"baseline": ("value", "year", "quote", "unit", "qualifier")}
_OBSERVATION_NESTED = {"period": ("first", "last"), "derived": ("formula", "inputs")}
GOAL_COLUMNS = _flat(Goal, _GOAL_NESTED)
OBSERVATION_COLUMNS = _flat(Observation, _OBSERVATION_NESTED)


# string columns with few distinct values, read as dictionaries (their codes are the bulk engine's columns)
_GOAL_WORDS = ["group", "chapter", "area", "indicator", "measure", "unit", "comparator"]
_OBSERVATION_WORDS = ["indicator", "measure", "area", "qualifier", "unit", "caliber", "document"]


StoreStale = errors.StoreStale


def code_digest() -> str:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in _CODE:
        h.update(name.encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()


def _jsonable(fp: Any) -> Any:
    return json.loads(json.dumps(fp))


# ---------------------------------------------------------------------------------------------- build


def build(root: Path, sources: Path, out: Path) -> tuple[Dataset, LoadReport]:
    """Load the YAML under root (every check) and write the store to `out`. Returns what was loaded."""
    root, sources, out = Path(root), Path(sources), Path(out)
    before = fingerprint(root, sources)
    dataset, report = load_yaml(root, sources)
    if fingerprint(root, sources) != before:  # a file changed while it was read: the store would not match it
        raise errors.DataError([StoreStale(file=str(root), detail="a data file changed during the build; build again")])
    write(dataset, report, root, sources, out, before)
    return dataset, report


def write(dataset: Dataset, report: LoadReport, root: Path, sources: Path, out: Path, files: tuple) -> None:
    """Write a store of what a load of root and sources gave, `files` being `fingerprint(root, sources)` as it
    stood before that load."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root, sources, out = Path(root), Path(sources), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    goals = pa.table(_goal_columns(dataset.goals), schema=_goal_schema(pa))
    observations = pa.table(_observation_columns(dataset.observations), schema=_observation_schema(pa))
    write_atomic(out / "goals.parquet", lambda p: pq.write_table(goals, p))
    write_atomic(out / "observations.parquet", lambda p: pq.write_table(observations, p))
    manifest = {
        "format": FORMAT,
        "code": code_digest(),
        "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "root": str(root.resolve()),
        "sources": str(sources.resolve()),
        "fingerprint": _jsonable(files),
        "report": {
            "problems": [{"code": p.code, "params": errors.params_to_json(p.params),
                          **{k: getattr(p, k) for k in ("file", "line", "record", "field", "detail", "kind")}}
                         for p in report.problems],
            "counts": [vars(c) for c in report.counts],
            "quotes_verified": report.quotes_verified,
            "sources": report.sources,
        },
        "plan": dataset.plan.model_dump(mode="json") if dataset.plan else None,
        "plans": [p.model_dump(mode="json") for p in dataset.plans],
        "indicators": [i.model_dump(mode="json") for i in dataset.indicators],
        "areas": [a.model_dump(mode="json") for a in dataset.areas],
        "documents": [d.model_dump(mode="json") for d in dataset.documents],
        "tables": {"goals": "goals.parquet", "observations": "observations.parquet"},
    }
    write_atomic(out / MANIFEST, lambda p: Path(p).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                                         encoding="utf-8"))


def _goal_schema(pa):
    s, f, i = pa.string(), pa.float64(), pa.int64()
    types = {"target": f, "target_year": i, "hold": pa.bool_(), "baseline_value": f, "baseline_year": i}
    return pa.schema([(c, types.get(c, s)) for c in GOAL_COLUMNS])


def _observation_schema(pa):
    s, f, i = pa.string(), pa.float64(), pa.int64()
    types = {"year": i, "period_first": i, "period_last": i, "value": f, "derived_inputs": pa.list_(s),
             "inferred": pa.list_(s), "meets": pa.bool_()}
    return pa.schema([(c, types.get(c, s)) for c in OBSERVATION_COLUMNS])


def _goal_columns(goals: tuple[Goal, ...]) -> dict[str, list]:
    nested = {f"baseline_{part}" for part in _GOAL_NESTED["baseline"]}
    cols: dict[str, list] = {c: [getattr(g, c) for g in goals] for c in GOAL_COLUMNS if c not in nested}
    bases = [g.baseline for g in goals]
    for part in _GOAL_NESTED["baseline"]:
        cols[f"baseline_{part}"] = [getattr(b, part) if b else None for b in bases]
    return {c: cols[c] for c in GOAL_COLUMNS}


def _observation_columns(obs: tuple[Observation, ...]) -> dict[str, list]:
    nested = {f"{field}_{part}" for field, parts in _OBSERVATION_NESTED.items() for part in parts}
    plain = [c for c in OBSERVATION_COLUMNS if c not in nested]
    cols: dict[str, list] = {c: [getattr(o, c) for o in obs] for c in plain}
    periods = [o.period for o in obs]
    cols["period_first"] = [p[0] if p else None for p in periods]
    cols["period_last"] = [p[1] if p else None for p in periods]
    derived = [o.derived for o in obs]
    cols["derived_formula"] = [d.formula if d else None for d in derived]
    cols["derived_inputs"] = [list(d.inputs) if d else None for d in derived]
    return {c: cols[c] for c in OBSERVATION_COLUMNS}


# ---------------------------------------------------------------------------------------------- read


def read_store(store: Path, root: Path, sources: Path) -> tuple[tuple[Dataset, LoadReport] | None, StoreStale | None]:
    """(dataset and report, None) from the store when it matches root, sources and the code; else (None, why)."""
    store = Path(store)

    def stale(detail: str):
        return None, StoreStale(file=str(store), detail=detail)

    try:
        manifest = json.loads((store / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return stale(f"no readable {MANIFEST} ({type(exc).__name__})")
    if manifest.get("format") != FORMAT:
        return stale("it was written by another version of the store format")
    if manifest.get("root") != str(Path(root).resolve()) or manifest.get("sources") != str(Path(sources).resolve()):
        return stale(f"it was built from {manifest.get('root')} with sources {manifest.get('sources')}")
    if manifest.get("code") != code_digest():
        return stale("the checking code changed since it was built")
    if manifest.get("fingerprint") != _jsonable(fingerprint(root, sources)):
        return stale("a data file or source document changed since it was built")
    try:
        with gc_paused():
            return _read(store, manifest), None
    except Exception as exc:  # noqa: BLE001 - a damaged store is never fatal: the YAML is read instead
        return stale(f"it could not be read ({type(exc).__name__}: {exc})")


def _read(store: Path, manifest: dict) -> tuple[Dataset, LoadReport]:
    import pyarrow.parquet as pq

    by_code = {cls.code: cls for cls in _problem_classes()}
    rep = manifest["report"]
    report = LoadReport(
        problems=[by_code[p.pop("code")](**{**p, "params": errors.params_from_json(p.get("params"))})
                  for p in (dict(x) for x in rep["problems"])],
        counts=[FileCount(**c) for c in rep["counts"]], quotes_verified=rep["quotes_verified"], sources=rep["sources"],
    )
    goals_table = pq.read_table(store / manifest["tables"]["goals"], read_dictionary=_GOAL_WORDS)
    obs_table = pq.read_table(store / manifest["tables"]["observations"], read_dictionary=_OBSERVATION_WORDS)
    dataset = Dataset(
        plan=Plan.model_validate(manifest["plan"]) if manifest["plan"] else None,
        plans=tuple(Plan.model_validate(p) for p in manifest.get("plans", [])),
        goals=tuple(_goals(goals_table)),
        indicators=tuple(Indicator.model_validate(x) for x in manifest["indicators"]),
        areas=tuple(Area.model_validate(x) for x in manifest["areas"]),
        documents=tuple(Document.model_validate(x) for x in manifest["documents"]),
        observations=tuple(_observations(obs_table)),
    )
    remember(dataset, from_arrow(dataset, goals_table, obs_table))  # the bulk engine's columns, without a pass
    return dataset, report


def _problem_classes() -> list[type[errors.Problem]]:
    found, todo = [], [errors.Problem]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def _pylist(column: Any) -> list:
    """A column as a list of Python values (None for null), without pyarrow's slow per-element path."""
    import numpy as np
    import pyarrow as pa

    col = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    kind = col.type
    if pa.types.is_dictionary(kind):  # each distinct string made once, shared by every record that has it
        words = np.array(col.dictionary.to_pylist() + [None], dtype=object)
        return words[col.indices.fill_null(len(words) - 1).to_numpy(zero_copy_only=False)].tolist()
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return col.to_numpy(zero_copy_only=False).tolist()
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        values = col.fill_null(0).to_numpy(zero_copy_only=False).tolist()
        if not col.null_count:
            return values
        nulls = col.is_null().to_numpy(zero_copy_only=False).tolist()
        return [None if null else v for v, null in zip(values, nulls, strict=True)]
    return col.to_pylist()


def _maker(cls):
    """A function making a record of `cls` from validated values (every field, in order), as `model_construct`
    does without its per-field default handling. All fields count as set."""
    new, put = cls.__new__, object.__setattr__
    fields_set = set(cls.model_fields)

    def make(values: dict) -> Any:
        record = new(cls)
        put(record, "__dict__", values)
        put(record, "__pydantic_fields_set__", fields_set)
        put(record, "__pydantic_extra__", None)
        put(record, "__pydantic_private__", None)
        return record

    return make


def _goals(table) -> list[Goal]:
    names = list(GOAL_COLUMNS)
    cols = [_pylist(table.column(c)) for c in names]
    goal, baseline = _maker(Goal), _maker(Baseline)
    nested = {f"baseline_{part}" for part in _GOAL_NESTED["baseline"]}
    plain = [(k, n) for k, n in enumerate(names) if n not in nested]
    b_at = [names.index(f"baseline_{part}") for part in _GOAL_NESTED["baseline"]]
    out = []
    for row in zip(*cols, strict=True):
        values = {n: row[k] for k, n in plain}
        values["hold"] = bool(values["hold"])
        b = [row[k] for k in b_at]
        values["baseline"] = None if b[0] is None else baseline(dict(zip(_GOAL_NESTED["baseline"], b, strict=True)))
        out.append(goal({f: values[f] for f in Goal.model_fields}))
    return out


def _observations(table) -> list[Observation]:
    names = list(OBSERVATION_COLUMNS)
    cols = [_pylist(table.column(c)) for c in names]
    observation, derived = _maker(Observation), _maker(Derived)
    nested = {f"{field}_{part}" for field, parts in _OBSERVATION_NESTED.items() for part in parts}
    plain = [(k, n) for k, n in enumerate(names) if n not in nested]
    p0, p1 = names.index("period_first"), names.index("period_last")
    d0, d1 = names.index("derived_formula"), names.index("derived_inputs")
    fields = list(Observation.model_fields)
    out: list[Observation] = []
    append = out.append
    for row in zip(*cols, strict=True):
        values = {n: row[k] for k, n in plain}
        values["period"] = None if row[p0] is None else (row[p0], row[p1])
        values["derived"] = None if row[d0] is None else derived({"formula": row[d0], "inputs": tuple(row[d1] or ())})
        values["inferred"] = tuple(values["inferred"] or ())
        append(observation({f: values[f] for f in fields}))
    return out
