"""The pack's tables: one row per goal and one row per figure, with typed cells, and their CSV files.

The same columns feed goals.xlsx (`xlsx.py`) and evidence.csv: numbers stay numbers, each with its unit and
year in a column of its own. goals.csv is the `assess --format csv` contract. The pack's CSV files carry a
UTF-8 byte-order mark, which Excel needs to read Chinese; the CLI's `assess --format csv` stays plain UTF-8
for programs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.present.contract import to_csv
from dashboard.present.export import facts
from dashboard.present.export.derivation import derivation
from dashboard.present.export.outputs import Briefing, Output, register
from dashboard.present.locale import COMPARATOR_SIGNS, Locale

Cell = str | float | int | dt.date | None


@dataclass(frozen=True)
class Column:
    key: str  # catalogue key "export.xlsx.<key>" names the header
    value: Callable[[Any], Cell]
    width: int | None = None  # characters; None: fit the content
    wrap: bool = False


def _when(e: EvidenceAccount | None) -> int | str | None:
    """A single year as a number; a period as text (2014–2019)."""
    if e is None:
        return None
    o = e.observation
    if o.period is not None:
        return f"{o.period[0]}–{o.period[1]}"
    return o.year


def _doc(e: EvidenceAccount | None, loc: Locale) -> str | None:
    return loc.document_title(e.document) if e is not None and e.document is not None else None


def _words(loc: Locale, key: str | None, prefix: str) -> str | None:
    return loc.t(f"{prefix}.{key}") if key else None


def goal_columns(loc: Locale) -> list[Column]:
    """One row per goal (a GoalAccount)."""
    data = loc.data

    def deciding(a: GoalAccount) -> EvidenceAccount | None:
        return a.deciding

    def value(a: GoalAccount) -> float | None:
        return a.deciding.observation.value if a.deciding else None

    return [
        Column("id", lambda a: a.goal.id),
        Column("name", lambda a: loc.goal_name(a.goal), 30),
        Column("group", lambda a: loc.group(a.goal.group)),
        Column("chapter", lambda a: loc.chapter(a.goal), 24),
        Column("plan_quote", lambda a: a.goal.quote, 40, wrap=True),
        Column("comparator", lambda a: None if a.goal.is_categorical else COMPARATOR_SIGNS[a.goal.comparator]),
        Column("target", lambda a: a.goal.target),
        Column("target_text", lambda a: loc.target(a.goal), 18),
        Column("target_unit", lambda a: loc.unit(a.goal.unit) or None),
        Column("target_year", lambda a: a.goal.target_year),
        Column("baseline", lambda a: a.goal.baseline.value if a.goal.baseline else None),
        Column("baseline_unit", lambda a: loc.unit(facts.baseline_unit(a.goal, data)) or None),
        Column("baseline_year", lambda a: a.goal.baseline.year if a.goal.baseline else None),
        Column("latest", value),
        Column("latest_qualifier", lambda a: a.deciding.observation.qualifier if a.deciding else None),
        Column("latest_unit", lambda a: loc.unit(a.deciding.observation.unit) or None if a.deciding else None),
        Column("latest_year", lambda a: _when(deciding(a))),
        Column("latest_area", lambda a: loc.area(a.deciding.observation.area) if a.deciding else None),
        Column("status", lambda a: loc.goal_status(a)),
        Column("status_code", lambda a: a.status),
        Column("basis", lambda a: loc.basis(a.basis) if a.basis else None),
        Column("basis_code", lambda a: a.basis),
        Column("timing", lambda a: _words(loc, a.timing, "timing")),
        Column("reason", lambda a: loc.reason(a.reason), 60, wrap=True),
        Column("document", lambda a: _doc(a.deciding, loc), 30),
        Column("published", lambda a: a.deciding.document.published if a.deciding and a.deciding.document else None),
        Column("evidence", lambda a: len(a.evidence)),
        Column("comparable_count", lambda a: len(a.comparable)),
    ]


def evidence_columns(loc: Locale) -> list[Column]:
    """One row per figure that bears on a goal: a (GoalAccount, EvidenceAccount) pair."""

    def read(r) -> bool:
        """Bounds only for figures the judge read against the goal: a set-aside figure's are in no goal's unit."""
        return r[1].observation.value is not None and (r[1].comparable or r[1].role == "context")

    def bound(side: str) -> Callable[[tuple[GoalAccount, EvidenceAccount]], float | None]:
        return lambda r: getattr(r[1].interval, side) if read(r) else None

    def obs(r):
        return r[1].observation

    return [
        Column("id", lambda r: r[0].goal.id),
        Column("name", lambda r: loc.goal_name(r[0].goal), 30),
        Column("role", lambda r: loc.t(f"export.role.{r[1].role}")),
        Column("value", lambda r: obs(r).value if obs(r).value is not None else obs(r).value_text),
        Column("latest_qualifier", lambda r: obs(r).qualifier),
        Column("unit", lambda r: loc.unit(obs(r).unit) or None),
        Column("lower", bound("lower")),
        Column("upper", bound("upper")),
        # a derived figure's derivation in words, its inputs named (never their record ids); empty when published
        Column("derived", lambda r: derivation(obs(r), loc) or None, 50, wrap=True),
        Column("bound_unit", lambda r: (loc.unit(facts.interval_unit(r[1], r[0].goal)) or None) if read(r) else None),
        Column("reading", lambda r: loc.t(f"export.reading.{r[1].reading}")),
        Column("area", lambda r: loc.area(obs(r).area)),
        Column("year", lambda r: _when(r[1])),
        Column("comparable", lambda r: loc.t("export.yes" if r[1].comparable else "export.no")),
        Column("basis", lambda r: loc.basis(r[1].basis) if r[1].basis else None),
        Column("basis_code", lambda r: r[1].basis),
        Column("reason", lambda r: loc.reasons(r[1].reasons), 60, wrap=True),
        Column("quote", lambda r: obs(r).quote, 50, wrap=True),
        Column("document", lambda r: _doc(r[1], loc), 30),
        Column("published", lambda r: r[1].document.published if r[1].document else None),
    ]


def evidence_pairs(selected: Sequence[GoalAccount]) -> list[tuple[GoalAccount, EvidenceAccount]]:
    return [(a, e) for a in selected for e in a.evidence]


def headers(columns: Sequence[Column], loc: Locale) -> list[str]:
    return [loc.t(f"export.xlsx.{c.key}") for c in columns]


def rows(columns: Sequence[Column], items: Sequence[Any]) -> list[list[Cell]]:
    return [[c.value(item) for c in columns] for item in items]


def _csv_cell(v: Cell) -> str | int:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)  # every digit, never 1.2e+07
    return v


def csv_bytes(header: Sequence[str], body: Sequence[Sequence[Cell]]) -> bytes:
    """CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, numbers as plain numbers."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def with_bom(text: str) -> bytes:
    return text.encode("utf-8-sig")


def _files(b: Briefing) -> dict[str, bytes]:
    cols = evidence_columns(b.loc)
    return {
        "goals.csv": with_bom(to_csv(list(b.selected), b.loc.data)),
        "evidence.csv": csv_bytes(headers(cols, b.loc), rows(cols, evidence_pairs(b.selected))),
    }


register(Output(
    name="csv", mime="text/csv", files=_files,
    listing=lambda loc: [("goals.csv, evidence.csv", loc.t("export.readme.file.csv"))],
))
