"""The mistakes an editor makes in a workbook that the loader cannot see: the same figure entered twice, a row
filed under an area its quote contradicts, a percentage Excel stored as a fraction; and, for an id typed wrong,
the closest ids by name. Pure functions over the rows read (`sheet.Filled`) and the loaded data; each problem is
located at its row or cell.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from dashboard.records import errors
from dashboard.records.model import Area, Dataset
from dashboard.records.sheet import INDICATOR_COLUMNS, STAND_IN_COLUMNS, Filled, Row, Value, cell_text


def _norm(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split()).casefold()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(unicodedata.normalize("NFKC", str(value)).strip().replace(",", ""))
    except ValueError:
        return None


def _year(v: Value | None) -> str:
    if v is None:
        return ""
    text = unicodedata.normalize("NFKC", cell_text(v.value))
    return re.sub(r"\s|年", "", text).replace("至", "-").replace("–", "-").replace("—", "-")


def _value(row: Row) -> str:
    if "value" in row.values:
        n = _number(row.values["value"].value)
        return f"{n:g}" if n is not None else _norm(row.values["value"].value)
    return _norm(row.values["value_text"].value) if "value_text" in row.values else ""


def _area(row: Row, doc_area: str | None) -> str:
    return cell_text(row.values["area"].value) if "area" in row.values else (doc_area or "")


def _text(row: Row, key: str, default: str = "") -> str:
    return cell_text(row.values[key].value) if key in row.values else default


def figure_key(indicator: str, measure: str, area: str, year: str, value: str) -> tuple[str, ...]:
    return (indicator, measure or "level", area, year, value)


def duplicates(filled: Filled, dataset: Dataset, replacing: str | None = None) -> list[errors.Problem]:
    """Rows repeating an earlier row (error, naming both rows) or a figure of a loaded document (warning)."""
    doc_area = cell_text(filled.document["area"].value) if "area" in filled.document else None
    out: list[errors.Problem] = []
    seen_figure: dict[tuple, Row] = {}
    seen_quote: dict[tuple, Row] = {}
    loaded: dict[tuple, Any] = {}
    for o in dataset.observations:
        if o.document == replacing:
            continue
        when = str(o.year) if o.year is not None else f"{o.period[0]}-{o.period[1]}" if o.period else ""
        value = f"{o.value:g}" if o.value is not None else _norm(o.value_text or "")
        loaded.setdefault(figure_key(o.indicator, o.measure, o.area, when, value), o)
    for row in filled.rows:
        value = _value(row)
        if not value:
            continue
        figure = figure_key(_text(row, "indicator"), _text(row, "measure", "level"), _area(row, doc_area),
                            _year(row.values.get("year")), value)
        quote = (_norm(_text(row, "quote")), value) if "quote" in row.values else None
        first, how = None, None
        if figure in seen_figure:
            first, how = seen_figure[figure], errors.Text("同一指标、地区、年份和数值", "same indicator, area, year and value")
        elif quote is not None and quote in seen_quote:
            first, how = seen_quote[quote], errors.Text("同一原文和数值", "same quote and value")
        if first is not None:
            out.append(errors.DuplicateRow(file=filled.name, kind="observation", cell=row.cell,
                                           params={"first": first.cell.row, "how": how}))
            continue
        seen_figure[figure] = row
        if quote is not None:
            seen_quote[quote] = row
        if figure in loaded:
            o = loaded[figure]
            out.append(errors.DuplicateElsewhere(file=filled.name, kind="observation", cell=row.cell,
                                                 params={"document": o.document, "other": o.id}))
    return out


def areas_named(quote: str, areas: Iterable[Area]) -> list[Area]:
    """The areas a quote names by their full Chinese name, the longer name first where one holds another
    (克拉玛依市 does not also name a 克拉玛依 inside it)."""
    text = unicodedata.normalize("NFKC", quote)
    found = []
    for a in sorted(areas, key=lambda a: -len(a.name)):
        if a.name and a.name in text:
            found.append(a)
            text = text.replace(a.name, "\0" * len(a.name))
    return found


def area_against_quote(filled: Filled, dataset: Dataset) -> list[errors.Problem]:
    """Rows whose area is not among the areas their quote names (when it names any), without an override."""
    doc_area = cell_text(filled.document["area"].value) if "area" in filled.document else None
    by_id = {a.id: a for a in dataset.areas}
    out: list[errors.Problem] = []
    for row in filled.rows:
        area = by_id.get(_area(row, doc_area))
        if area is None or "quote" not in row.values or "override" in row.values:
            continue
        named = areas_named(_text(row, "quote"), dataset.areas)
        if named and area not in named:
            cell = row.values["area"].cell if "area" in row.values else row.cell
            out.append(errors.AreaAgainstQuote(
                file=filled.name, kind="observation", cell=cell, field="area",
                params={"area": errors.Text(area.name, area.name_en),
                        "named": [errors.Text(a.name, a.name_en) for a in named]}))
    return out


_PERCENT_TEXT = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*[%％]\s*$")


def percents(filled: Filled) -> list[errors.Problem]:
    """Value cells Excel formats as a percentage (0.3865 for 38.65%), and values typed with a % sign."""
    out: list[errors.Problem] = []
    for row in filled.rows:
        v = row.values.get("value")
        if v is None:
            continue
        if v.percent and isinstance(v.value, int | float):
            pct = round(float(v.value) * 100, 10)
            out.append(errors.PercentCell(file=filled.name, kind="observation", cell=v.cell, field="value",
                                          params={"value": f"{float(v.value):g}", "percent": f"{pct:g}"}))
        elif isinstance(v.value, str) and (m := _PERCENT_TEXT.match(unicodedata.normalize("NFKC", v.value))):
            out.append(errors.PercentSign(file=filled.name, kind="observation", cell=v.cell, field="value",
                                          params={"typed": v.value.strip(), "number": m.group(1).replace(",", "")}))
    return out


def closest(typed: str, records: Iterable[Any], n: int = 3) -> list[errors.Text]:
    """The ids whose id, Chinese name or English name reads closest to what was typed (no pinyin: names only)."""
    t = _norm(typed)
    if not t:
        return []
    scored = []
    for r in records:
        names = [_norm(r.id), _norm(r.id.replace("_", " ")), _norm(r.name), _norm(r.name_en)]
        score = max(difflib.SequenceMatcher(None, t, x).ratio() for x in names)
        zh = _norm(r.name)
        if t in zh or zh in t:
            score += 0.5
        if re.search(r"[\u3400-\u9fff]", t):  # Chinese characters in common (常住人口 ~ 辖区人口)
            score += len(set(t) & set(zh)) / len(set(t) | set(zh))
        scored.append((score, r))
    scored.sort(key=lambda s: -s[0])
    return [errors.Text(f"{r.id}（{r.name}）", f"{r.id} ({r.name_en})") for score, r in scored[:n] if score >= 0.4]


def proposals_complete(filled: Filled) -> list[errors.Problem]:
    """Every required cell of a proposed indicator or stand-in declaration filled: a declaration's reason in both
    languages, which the data format alone would let pass empty in English."""
    out: list[errors.Problem] = []
    for kind, rows, columns in (("indicator", filled.indicators, INDICATOR_COLUMNS),
                                ("stand_in", filled.stand_ins, STAND_IN_COLUMNS)):
        for row in rows:
            for col in columns:
                if col.required and col.key not in row.values:
                    out.append(errors.MissingField(file=filled.name, kind=kind, field=col.key,
                                                   cell=errors.Cell(row.cell.sheet, row.cell.row, col.header)))
    return out
