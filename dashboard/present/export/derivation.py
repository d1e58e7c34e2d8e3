"""A derived figure's derivation in words a person reads: "推算：51亿元 ÷ 515亿元 × 100；所用数据：…".

The data's formula is written for programs ("51 / 515 * 100") and its inputs are record ids; print shows the
operators as people write them and names each input by its indicator, area, year and value instead of its id.
"""

from __future__ import annotations

import re

from dashboard.present.locale import Locale
from dashboard.records.model import Dataset, Observation

_OPERATORS = {"/": "÷", "*": "×", "-": "−", "+": "+"}


def formula_words(formula: str) -> str:
    """'691.9 / 71.1 * 100' → '691.9 ÷ 71.1 × 100' (spaces kept around the signs, none added inside numbers)."""
    return re.sub(r"\s*([/*+]|(?<=[\d)\s])-)\s*", lambda m: f" {_OPERATORS[m.group(1)]} ", formula).strip()


_index: dict[int, tuple[Dataset, dict[str, Observation]]] = {}


def _observations(data: Dataset) -> dict[str, Observation]:
    """The dataset's observations by id, built once per dataset (the dataset is kept, so its id stays its own)."""
    kept = _index.get(id(data))
    if kept is None or kept[0] is not data:
        if len(_index) > 8:
            _index.clear()
        kept = _index[id(data)] = (data, {o.id: o for o in data.observations})
    return kept[1]


def input_words(o: Observation, loc: Locale) -> str:
    """An input of a derivation: 第三产业增加值（克拉玛依市，2007年）51亿元."""
    when = (loc.years(*o.period) if o.period else str(o.year or "")) if (o.period or o.year) else ""
    where = loc.join([loc.area(o.area), f"{when}年" if when and not loc.en else when])
    return loc.t("export.derived.input", indicator=loc.indicator(o.indicator), where=where, value=loc.observed(o))


def derivation(o: Observation, loc: Locale) -> str:
    """'推算：51 ÷ 515 × 100（所用数据：…）'; '' for a figure as published."""
    if o.derived is None:
        return ""
    known = _observations(loc.data) if loc.data is not None else {}
    inputs = [input_words(known[i], loc) for i in o.derived.inputs if i in known]
    formula = formula_words(o.derived.formula)
    if not inputs:
        return loc.t("export.derived.formula", formula=formula)
    return loc.t("export.derived.with_inputs", formula=formula, inputs=loc.join(inputs))
