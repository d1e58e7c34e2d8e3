"""The statuses in the words of national practice (the national 十四五 mid-term review), over the project's codes.

The judge's status stays underneath: each national word is a function of the status, its timing and the growth
ratio R, never a new judgement. A proxy keeps its 代用数据 prefix and its evidence year, as the dashboard's own label
says it (`Locale.status`): the national word only replaces the status word inside that label.
"""

from __future__ import annotations

from dashboard.judge.account import GoalAccount
from dashboard.present.locale import Locale

#: R at or above this, on track, reads 快于预期 (ahead of expectation); below it 基本符合预期.
AHEAD_RATIO = 1.05

#: The national words, in the order a review lists them, each with the project's status it comes from.
NATIONAL: tuple[tuple[str, str], ...] = (
    ("achieved_early", "achieved"),
    ("ahead", "on_track"),
    ("as_expected", "on_track"),
    ("lagging", "off_track"),
    ("achieved", "achieved"),
    ("missed", "missed"),
    ("indeterminate", "indeterminate"),
    ("no_comparable_data", "no_comparable_data"),
)
NATIONAL_CODES = tuple(code for code, _ in NATIONAL)


def evidence_year(a: GoalAccount) -> int | None:
    """The year of the deciding figure (a period's last year), None without one."""
    if a.deciding is None:
        return None
    o = a.deciding.observation
    return o.period[1] if o.period is not None else o.year


def growth_ratio(a: GoalAccount) -> float | None:
    p = a.deciding.progress if a.deciding is not None else None
    return p.growth_ratio if p is not None else None


def national_code(a: GoalAccount) -> str:
    """The national word's code for a goal; a status this table does not know keeps its own code."""
    if a.status == "achieved":  # the judge's timing says whether the figure came before the target year
        return "achieved_early" if a.timing == "interim" else "achieved"
    if a.status == "on_track":
        r = growth_ratio(a)
        return "ahead" if r is not None and r >= AHEAD_RATIO else "as_expected"
    if a.status == "off_track":
        return "lagging"
    return a.status


def dashboard_label(a: GoalAccount, loc: Locale) -> str:
    """The status as the dashboard says it (the one label function of the locale)."""
    return loc.goal_status(a)


def national_word(code: str, loc: Locale) -> str:
    key = f"report.status.{code}"
    return loc.t(key) if key in _keys() else loc.t(f"status.{code}")


def national_label(a: GoalAccount, loc: Locale) -> str:
    """The dashboard's label with its status word in national words: 基本符合预期, 代用数据：基本符合预期（2007年）."""
    label = dashboard_label(a, loc)
    word = loc.t(f"status.{a.status}")
    national = national_word(national_code(a), loc)
    for plain, new in ((word, national), (word[:1].lower() + word[1:], national[:1].lower() + national[1:])):
        if plain in label:
            label = label.replace(plain, new, 1)
            break
    year = evidence_year(a)
    if a.basis == "proxy" and year is not None and str(year) not in label:
        label += loc.t("report.status.year", year=year)
    return label


def _keys() -> frozenset[str]:
    from dashboard.present.catalogue import CATALOGUE

    return frozenset(CATALOGUE)
