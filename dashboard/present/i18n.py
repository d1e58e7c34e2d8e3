"""Transition shim: text now comes from `dashboard.present.locale` (the catalogue is `present/catalogue/`).
Removed once no module imports it."""

from __future__ import annotations

from dashboard.present.catalogue import CATALOGUE
from dashboard.present.locale import COMPARATOR_SIGNS, LANGS, Locale, both, number

__all__ = ["CATALOGUE", "COMPARATOR_SIGNS", "LANGS", "both", "fmt_number", "fmt_pct", "fmt_target", "fmt_value",
           "fmt_years", "t"]


def t(key: str, lang: str = "zh", **values: object) -> str:
    return Locale(lang).t(key, **values)


def fmt_number(v: float, digits: int | None = None) -> str:
    return number(v, digits)


def fmt_value(v, unit: str, qualifier: str | None = None, lang: str = "zh") -> str:
    return Locale(lang).value(v, unit, qualifier)


def fmt_target(goal) -> str:
    return Locale("zh").target(goal)


def fmt_pct(share: float | None) -> str:
    return Locale("zh").pct(share)


def fmt_years(first: int, last: int) -> str:
    return Locale("zh").years(first, last)
