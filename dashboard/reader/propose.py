"""Proposals read from a document's text: figures (actuals) and goals (targets). Pure: text in, proposals out.

Every proposal's quote is a verbatim span of the text given: ``text[start:end] == quote``. A person confirms."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class FigureProposal:
    quote: str  # verbatim span of the document text: text[start:end] == quote
    start: int
    end: int
    indicator: str | None  # indicator id of the loaded data, or None
    indicator_name: str  # as written in the document
    measure: str  # level, yoy_growth, annual_growth_rate, annual_increase, change_from_base_pct, multiple_of_base …
    value: float
    unit: str
    qualifier: str | None
    year: int | None
    period: tuple[int, int] | None
    area: str | None
    area_name: str | None
    caliber: str | None
    why: str

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["period"] = list(self.period) if self.period else None
        return out


@dataclass(frozen=True)
class GoalProposal:
    quote: str
    start: int
    end: int
    name: str
    indicator: str | None
    indicator_name: str
    measure: str
    comparator: str
    target: float | None
    unit: str | None
    target_year: int | None
    baseline: dict | None  # {value, year, unit, qualifier, quote}
    hold: bool
    why: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def propose_figures(text: str, dataset, *, year: int | None = None, area: str | None = None) -> list[FigureProposal]:
    """The figures the text states that bear on the dataset's indicators (interface first; reading rules follow)."""
    return []


def propose_goals(text: str, dataset, *, period: tuple[int, int] | None = None) -> list[GoalProposal]:
    """The targets a plan's text sets (interface first; reading rules follow)."""
    return []
