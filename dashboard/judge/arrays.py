"""Array helpers of the judge: joins, rankings and categoricals over numpy columns. No rules here."""

from __future__ import annotations

import numpy as np
import pandas as pd

DTYPES: dict[tuple[str, ...], pd.CategoricalDtype] = {}


def cat(codes: np.ndarray, labels: tuple[str, ...], offset: int = 0) -> pd.Categorical:
    """Codes (offset = 1 when 0 means none) as a categorical of labels. The codes are the engine's own, in range."""
    dtype = DTYPES.get(labels)
    if dtype is None:
        dtype = DTYPES[labels] = pd.CategoricalDtype(list(labels))
    return pd.Categorical.from_codes(codes.astype(np.int8) - offset, dtype=dtype, validate=False)


def csr(lists: dict[int, list], size: int, pairs: bool = False):
    """Lists keyed by code as (start, length, flat values[, flat relations]) arrays indexed by code."""
    start = np.zeros(size, dtype=np.int64)
    length = np.zeros(size, dtype=np.int64)
    flat: list[int] = []
    rel: list[int] = []
    for code, items in lists.items():
        start[code], length[code] = len(flat), len(items)
        for item in items:
            if pairs:
                flat.append(item[0])
                rel.append(item[1])
            else:
                flat.append(item)
    return start, length, np.array(flat, dtype=np.int64), np.array(rel, dtype=np.int8)


def rank_order(group: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """The order sorting by group, then by each key (booleans and non-negative integers), as np.lexsort would:
    one stable sort of the keys packed into one integer when they fit in 63 bits."""
    fields = [group, *keys]
    packed = pack(fields)
    if packed is None:
        return np.lexsort(tuple(reversed(fields)))
    return np.argsort(packed, kind="stable")


def id_column(ids: np.ndarray, index: np.ndarray):
    """ids[index] as a categorical of the ids when they are unique (as validated records' are), else as objects."""
    categories = pd.Index(ids, dtype=object)
    if categories.is_unique:
        return pd.Categorical.from_codes(index, dtype=pd.CategoricalDtype(categories), validate=False)
    return pd.Series(ids[index], dtype=object)


def take(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    """values[index], None where index < 0."""
    out = np.empty(len(index), dtype=object)
    ok = index >= 0
    out[ok] = values[index[ok]]
    return out


def join(q_key: np.ndarray, o_key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (query, observation) with equal keys (observation keys < 0 match nothing), as a sort-merge join:
    (matches per query, observation index of each match, the matches of each query together, queries in order)."""
    valid = np.flatnonzero(o_key >= 0)
    order = valid[np.argsort(o_key[valid], kind="stable")]  # stable: figures of one key in the dataset's order
    keys = o_key[order]
    size = int(keys[-1]) + 1 if len(keys) else 1
    if size <= 8 * len(keys) + 1024:  # keys are small integers: count them instead of searching
        counts = np.bincount(keys, minlength=size)
        starts = np.cumsum(counts) - counts
        inside = (q_key >= 0) & (q_key < size)
        safe = np.where(inside, q_key, 0)
        left = starts[safe]
        n = np.where(inside, counts[safe], 0)
    else:
        left = np.searchsorted(keys, q_key, side="left")
        n = np.searchsorted(keys, q_key, side="right") - left
    pos = np.repeat(left - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    return n, order[pos]


def first_in_groups(group: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Index of the smallest element of each run of equal `group` values (`group` non-decreasing), comparing keys
    in turn (booleans and non-negative integers; the last key unique within a group)."""
    if not len(group):
        return np.array([], dtype=np.int64)
    if np.any(group[1:] < group[:-1]):  # not grouped: sort instead
        order = rank_order(group, *keys)
        return order[np.flatnonzero(np.diff(group[order], prepend=-1))]
    packed = pack(keys)
    if packed is None:
        order = rank_order(group, *keys)
        return order[np.flatnonzero(np.diff(group[order], prepend=-1))]
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    best = np.minimum.reduceat(packed, starts)
    hits = np.flatnonzero(packed == np.repeat(best, np.diff(np.append(starts, len(group)))))
    return hits[np.flatnonzero(np.diff(group[hits], prepend=-1))]


def ties_for_first(group: np.ndarray, key: np.ndarray) -> np.ndarray:
    """Indices of the elements whose key is the smallest of their group (`group` non-decreasing)."""
    if not len(group):
        return np.array([], dtype=np.int64)
    if np.any(group[1:] < group[:-1]):
        best = pd.Series(key).groupby(group).transform("min").to_numpy()
        return np.flatnonzero(key == best)
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    best = np.minimum.reduceat(key, starts)
    return np.flatnonzero(key == np.repeat(best, np.diff(np.append(starts, len(group)))))


def pack(keys) -> np.ndarray | None:
    """Keys (booleans and non-negative integers) packed into one int64 that sorts as they do, or None when they
    do not fit."""
    widths = [max(int(k.max()), 0).bit_length() if len(k) else 0 for k in keys]
    if sum(widths) > 63 or any(len(k) and int(k.min()) < 0 for k in keys):
        return None
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for k, w in zip(keys, widths, strict=True):
        packed = (packed << w) | k.astype(np.int64)
    return packed
