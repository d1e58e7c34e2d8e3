"""The fields the bulk engine reads, as numpy arrays: observations and goals in columns, strings as small codes.

`columns_of(dataset)` builds them from the records on first use and keeps them while the dataset lives (a
dataset is immutable; a copy gets its own). The columnar store gives them straight from its Parquet tables,
without a pass over the records (`from_arrow`).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np

from dashboard.records.model import Dataset

#: Observed measures, by code; each speaks to the goal measure of the same position in GOAL_MEASURES.
OBS_MEASURES = ("level", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base",
                "yoy_growth")
GOAL_MEASURES = ("level", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base")
MEASURE_CLASS = np.array([0, 1, 2, 3, 4, 1], dtype=np.int64)  # yoy_growth speaks to annual_growth_rate
#: Qualifier codes (none, 达 and 达到: 0, a point). The judge's `rules.figure_interval` reads them.
QUALIFIERS = {"以上": 1, "超过": 2, "以内": 3, "以下": 3, "不超过": 3, "不到": 4, "低于": 4, "左右": 5, "约": 5, "近": 6}
COMPARATORS = {">=": 1, ">": 2, "<=": 3, "<": 4, "≈": 5, "=": 6}  # categorical: 0
PRICE_BASES = {"current": 1, "comparable": 2}  # unstated: 0


@dataclass(frozen=True)
class Columns:
    indicators: tuple[str, ...]  # code → id (every id a record names)
    areas: tuple[str, ...]
    units: tuple[str, ...]  # a goal without a unit has code -1
    # observations, in the dataset's order
    obs_id: np.ndarray  # object
    obs_rank: np.ndarray  # place of the id in code-point order
    obs_indicator: np.ndarray
    obs_area: np.ndarray
    obs_measure: np.ndarray  # code in OBS_MEASURES
    obs_qualifier: np.ndarray  # QUALIFIERS code, 0 for none or 达/达到
    obs_unit: np.ndarray
    obs_value: np.ndarray  # NaN for a statement without a number (value_text)
    obs_first: np.ndarray  # the year, or the first year of the period
    obs_last: np.ndarray
    obs_price: np.ndarray  # PRICE_BASES code
    obs_meets: np.ndarray  # a declared verdict on a categorical goal: 0 none, 1 meets, 2 misses
    # goals, in the dataset's order
    goal_id: np.ndarray  # object
    goal_area: np.ndarray  # the area it speaks for: its own, else the plan's ("" when neither)
    goal_indicator: np.ndarray
    goal_measure: np.ndarray  # code in GOAL_MEASURES
    goal_unit: np.ndarray
    goal_comparator: np.ndarray
    goal_target: np.ndarray  # NaN for a categorical goal
    goal_year: np.ndarray
    goal_base: np.ndarray  # NaN without a baseline
    goal_base_year: np.ndarray  # 0 without a baseline
    goal_hold: np.ndarray  # declared: a bound to hold every year
    goal_price: np.ndarray  # PRICE_BASES code


class _Codes:
    def __init__(self, first: list[str]):
        self.index: dict[str, int] = {}
        for value in first:
            self.index.setdefault(value, len(self.index))

    def code(self, value: str) -> int:
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.index)
        return code

    def many(self, values: list) -> np.ndarray:
        index = self.index
        for value in sorted(v for v in set(values).difference(index) if v is not None):
            self.code(value)
        get = index.get
        return np.array([get(v, -1) for v in values], dtype=np.int64)

    def table(self) -> tuple[str, ...]:
        return tuple(self.index)


def from_records(data: Dataset) -> Columns:
    plan_area = data.plan.area if data.plan else ""
    areas = _Codes([a.id for a in data.areas])
    inds = _Codes([i.id for i in data.indicators])
    units = _Codes([])
    obs, goals = data.observations, data.goals
    measure = {m: k for k, m in enumerate(OBS_MEASURES)}
    goal_measure = {m: k for k, m in enumerate(GOAL_MEASURES)}
    obs_id = np.empty(len(obs), dtype=object)
    obs_id[:] = [o.id for o in obs]
    rank = np.empty(len(obs), dtype=np.int64)
    rank[sorted(range(len(obs)), key=obs_id.__getitem__)] = np.arange(len(obs))
    goal_id = np.empty(len(goals), dtype=object)
    goal_id[:] = [g.id for g in goals]
    bases = [g.progress_baseline for g in goals]  # shown-only baselines are not measured from
    cols = dict(
        obs_id=obs_id,
        obs_rank=rank,
        obs_indicator=inds.many([o.indicator for o in obs]),
        obs_area=areas.many([o.area for o in obs]),
        obs_measure=np.array([measure[o.measure] for o in obs], dtype=np.int8),
        obs_qualifier=np.array([QUALIFIERS.get(o.qualifier, 0) for o in obs], dtype=np.int8),  # type: ignore[arg-type]
        obs_unit=units.many([o.unit for o in obs]),
        obs_value=np.array([np.nan if o.value is None else o.value for o in obs], dtype=np.float64),
        obs_first=np.array([o.first_year for o in obs], dtype=np.int64),
        obs_last=np.array([o.last_year for o in obs], dtype=np.int64),
        obs_price=np.array([PRICE_BASES.get(o.price_basis or "", 0) for o in obs], dtype=np.int8),
        obs_meets=np.array([0 if o.meets is None else (1 if o.meets else 2) for o in obs], dtype=np.int8),
        goal_id=goal_id,
        goal_area=areas.many([g.area or plan_area for g in goals]),
        goal_indicator=inds.many([g.indicator for g in goals]),
        goal_measure=np.array([goal_measure[g.measure] for g in goals], dtype=np.int8),
        goal_unit=units.many([g.unit for g in goals]),
        goal_comparator=np.array([COMPARATORS.get(g.comparator, 0) for g in goals], dtype=np.int8),
        goal_target=np.array([np.nan if g.target is None else g.target for g in goals], dtype=np.float64),
        goal_year=np.array([g.target_year for g in goals], dtype=np.int64),
        goal_base=np.array([b.value if b else np.nan for b in bases], dtype=np.float64),
        goal_base_year=np.array([b.year if b else 0 for b in bases], dtype=np.int64),
        goal_hold=np.array([g.hold for g in goals], dtype=bool),
        goal_price=np.array([PRICE_BASES.get(g.price_basis or "", 0) for g in goals], dtype=np.int8),
    )
    return Columns(indicators=inds.table(), areas=areas.table(), units=units.table(), **cols)


def from_arrow(data: Dataset, goals: Any, observations: Any) -> Columns:
    """From the store's tables (pyarrow, string columns read as dictionaries), in the records' order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    plan_area = data.plan.area if data.plan else ""
    areas = _Codes([a.id for a in data.areas])
    inds = _Codes([i.id for i in data.indicators])
    units = _Codes([])

    def codes(column: Any, table: _Codes, default: str | None = None) -> np.ndarray:
        col = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if not pa.types.is_dictionary(col.type):
            col = pc.dictionary_encode(col)
        words = col.dictionary.to_pylist()
        mapping = np.array([table.code(w) if w is not None else -1 for w in words] + [-1], dtype=np.int64)
        indices = col.indices.fill_null(len(words)).to_numpy(zero_copy_only=False).astype(np.int64)
        out = mapping[indices]
        if default is not None:
            out = np.where(out < 0, table.code(default), out)
        return out

    def small(column: Any, table: dict[str, int]) -> np.ndarray:
        col = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if not pa.types.is_dictionary(col.type):
            col = pc.dictionary_encode(col)
        words = col.dictionary.to_pylist()
        mapping = np.array([table.get(w, 0) for w in words] + [0], dtype=np.int8)
        return mapping[col.indices.fill_null(len(words)).to_numpy(zero_copy_only=False).astype(np.int64)]

    def numbers(column: Any, fill: float | int, dtype) -> np.ndarray:
        return column.fill_null(fill).to_numpy().astype(dtype)

    o, g = observations, goals
    year = o.column("year")
    first = pc.coalesce(year, o.column("period_first"))
    last = pc.coalesce(year, o.column("period_last"))
    obs_id = o.column("id").to_numpy()
    rank = np.empty(len(obs_id), dtype=np.int64)
    rank[pc.sort_indices(o.column("id")).to_numpy()] = np.arange(len(obs_id))
    cols = dict(
        obs_id=obs_id.astype(object),
        obs_rank=rank,
        obs_indicator=codes(o.column("indicator"), inds),
        obs_area=codes(o.column("area"), areas),
        obs_measure=small(o.column("measure"), {m: k for k, m in enumerate(OBS_MEASURES)}),
        obs_qualifier=small(o.column("qualifier"), QUALIFIERS),
        obs_unit=codes(o.column("unit"), units),
        obs_value=numbers(o.column("value"), np.nan, np.float64),
        obs_first=numbers(first, 0, np.int64),
        obs_last=numbers(last, 0, np.int64),
        obs_price=small(o.column("price_basis"), PRICE_BASES),
        obs_meets=_declared(o.column("meets")),
        goal_id=g.column("id").to_numpy().astype(object),
        goal_area=codes(g.column("area"), areas, default=plan_area),
        goal_indicator=codes(g.column("indicator"), inds),
        goal_measure=small(g.column("measure"), {m: k for k, m in enumerate(GOAL_MEASURES)}),
        goal_unit=codes(g.column("unit"), units),
        goal_comparator=small(g.column("comparator"), COMPARATORS),
        goal_target=numbers(g.column("target"), np.nan, np.float64),
        goal_year=numbers(g.column("target_year"), 0, np.int64),
        goal_base=_progress_base(g),
        goal_base_year=np.where(np.isnan(_progress_base(g)), 0, numbers(g.column("baseline_year"), 0, np.int64)),
        goal_hold=numbers(g.column("hold"), False, bool),
        goal_price=small(g.column("price_basis"), PRICE_BASES),
    )
    return Columns(indicators=inds.table(), areas=areas.table(), units=units.table(), **cols)


# ---------------------------------------------------------------------------------------------- cache

_kept: dict[int, Columns] = {}
_lock = threading.Lock()


def _progress_base(g: Any) -> np.ndarray:
    """The baseline value progress is measured from (Goal.progress_baseline), NaN for none: a baseline stated as an
    interval, or a level goal's baseline in another unit, is shown and never used."""
    import pyarrow as pa

    def py(name: str) -> list:
        col = g.column(name)
        return (col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col).to_pylist()

    out = []
    for value, qualifier, unit, goal_unit, measure in zip(py("baseline_value"), py("baseline_qualifier"),
                                                          py("baseline_unit"), py("unit"), py("measure"), strict=True):
        usable = value is not None and qualifier is None and not (measure == "level" and unit and unit != goal_unit)
        out.append(value if usable else np.nan)
    return np.array(out, dtype=np.float64)


def _declared(column: Any) -> np.ndarray:
    """A nullable boolean column as codes: 0 null, 1 true, 2 false."""
    import pyarrow as pa

    col = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    nulls = col.is_null().to_numpy(zero_copy_only=False)
    values = col.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)
    return np.where(nulls, 0, np.where(values, 1, 2)).astype(np.int8)


def columns_of(data: Dataset) -> Columns:
    """The dataset's columns, built from its records on first use and kept while the dataset lives."""
    with _lock:
        found = _kept.get(id(data))
    if found is None:
        found = from_records(data)
        remember(data, found)
    return found


def remember(data: Dataset, columns: Columns) -> None:
    """Keep columns for a dataset (the store gives them with the records)."""
    key = id(data)
    with _lock:
        if key not in _kept:
            weakref.finalize(data, _forget, key)
        _kept[key] = columns


def _forget(key: int) -> None:
    with _lock:
        _kept.pop(key, None)
