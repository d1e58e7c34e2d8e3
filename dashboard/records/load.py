"""Loading the data: from the YAML files (the source of truth) or, when `PLAN_TRACKER_STORE` names a columnar
store built by `python -m dashboard build` that still matches them, from the store.

`load(root, sources)` reads everything once; `load_cached(root, sources)` remembers the result in the process
until a data file or a source document changes (by modification time and size), and then reads again only
the files that changed.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from pathlib import Path

from dashboard.records.model import Dataset
from dashboard.records.report import LoadReport
from dashboard.records.sources import PROJECT_ROOT, default_sources_dir
from dashboard.records.store import read_store
from dashboard.records.yaml_files import _Parsed, fingerprint, load_yaml

STORE_ENV = "PLAN_TRACKER_STORE"


def load(root: Path | None = None, sources: Path | None = None) -> tuple[Dataset, LoadReport]:
    """Load and check everything under root (the project folder by default)."""
    root = Path(root) if root is not None else PROJECT_ROOT
    sources = Path(sources) if sources is not None else default_sources_dir()
    store = os.environ.get(STORE_ENV)
    if store:
        found, stale = read_store(Path(store), root, sources)
        if found is not None:
            return found
        dataset, report = load_yaml(root, sources)
        if stale is not None:
            report.problems.append(stale)
        return dataset, report
    return load_yaml(root, sources)


# ---------------------------------------------------------------------------------------------- cache

_CACHE_SIZE = 4
_cache: OrderedDict[tuple, tuple[Dataset, LoadReport]] = OrderedDict()
_parsed: OrderedDict[str, dict[str, _Parsed]] = OrderedDict()  # data folder → its files as last parsed
_cache_lock = threading.RLock()


def load_cached(root: Path | None = None, sources: Path | None = None) -> tuple[Dataset, LoadReport]:
    """`load`, remembered in this process. A call with the same folders returns the loaded records again, without
    reading anything, until a file under targets/ or actuals/ or in the sources folder is added, removed or
    changed (modification time or size), or `PLAN_TRACKER_STORE` changes. Then only the data files that changed
    are read again; the records of the others, already validated on their own, are checked against the rest
    (references, quotes) once more. The dataset is immutable; the report returned is a copy, so changing it
    changes no other caller's. The last few (root, sources) pairs are kept."""
    root = Path(root) if root is not None else PROJECT_ROOT
    sources = Path(sources) if sources is not None else default_sources_dir()
    store = os.environ.get(STORE_ENV, "")
    folder = str(root.resolve())
    key = (folder, str(sources.resolve()), store, fingerprint(root, sources))
    with _cache_lock:  # one load at a time: concurrent reruns wait for the first instead of loading alike
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
        else:
            if store:
                hit = load(root, sources)
            else:
                files = _parsed.setdefault(folder, {})
                _parsed.move_to_end(folder)
                while len(_parsed) > _CACHE_SIZE:
                    _parsed.popitem(last=False)
                hit = load_yaml(root, sources, files)
            for old in [k for k in _cache if k[:3] == key[:3]]:
                del _cache[old]  # an older version of the same folders
            _cache[key] = hit
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    dataset, report = hit
    return dataset, dataclasses.replace(report, problems=list(report.problems),
                                        counts=[dataclasses.replace(c) for c in report.counts])


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
        _parsed.clear()


