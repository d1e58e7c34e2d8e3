"""The goal table: its columns, filters and orders, and a row per goal in words. The app filters and sorts on the
server, the site in the browser; both by these rows' fields and these orders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from dashboard.judge.codes import BASES, STATUS_CONCERN
from dashboard.present.charts import Judged, group_order
from dashboard.present.locale import Locale
from dashboard.present.views.common import StatusBadge, badge

COLUMNS = ("name", "status", "target", "year", "group", "evidence", "reason")
SORTS = ("concern", "group", "name", "year")  # the first the default
NO_BASIS = "none"  # the basis filter's value for goals no figure decides
V = TypeVar("V", bound=Judged)  # the app's summaries or the judge's accounts


@dataclass(frozen=True)
class TableRow:
    id: str
    name: str
    badge: StatusBadge
    target: str
    year: int
    basis_code: str
    group_code: str
    group: str
    group_rank: int
    figures: str  # comparable / all
    reason: str
    search: str  # what the search box matches: id and both names, case-folded
    order: int  # the data's order: ties keep it


@dataclass(frozen=True)
class Filter:
    name: str  # the address parameter (?group=…&status=…&basis=…, lists joined by commas)
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label)


@dataclass(frozen=True)
class TableView:
    title: str
    intro: str
    columns: tuple[str, ...]
    filters: tuple[Filter, ...]
    sorts: tuple[tuple[str, str], ...]  # (key, label)
    rows: tuple[TableRow, ...]


def sort_key(sort: str) -> Callable[[TableRow], tuple]:
    """The table's orders: by concern (worst first, direct before proxy), by group, by name, by target year."""
    return {"concern": lambda r: (r.badge.rank, r.order), "group": lambda r: (r.group_rank, r.order),
            "name": lambda r: (r.name,), "year": lambda r: (r.year, r.badge.rank, r.order)}[sort]


def table_view(items: Sequence[V], figures: Callable[[V], tuple[int, int]], reason: Callable[[V], str],
               loc: Locale) -> TableView:
    """`figures(item)`: (comparable, all) figures beside the goal; `reason(item)`: why its status, in words."""
    present = {a.goal.group for a in items}
    groups = group_order(loc, present)
    rank = {g: k for k, g in enumerate(groups)}
    rows = []
    for k, a in enumerate(items):
        comparable, total = figures(a)
        rows.append(TableRow(
            id=a.goal.id, name=loc.goal_name(a.goal), badge=badge(a.status, a.basis, loc, loc.goal_status(a)), target=loc.target(a.goal),
            year=a.goal.target_year, basis_code=a.basis or NO_BASIS, group_code=a.goal.group,
            group=loc.group(a.goal.group), group_rank=rank[a.goal.group], figures=f"{comparable}/{total}",
            reason=reason(a), search=" ".join((a.goal.id, a.goal.name, a.goal.name_en)).casefold(), order=k))
    filters = (
        Filter("group", loc.t("ui.table.filter.group"), tuple((g, loc.group(g)) for g in groups)),
        Filter("status", loc.t("ui.table.filter.status"), tuple((s, loc.t(f"status.{s}")) for s in STATUS_CONCERN)),
        Filter("basis", loc.t("ui.table.filter.basis"),
               tuple((b, loc.basis(b)) for b in BASES) + ((NO_BASIS, loc.basis(None)),)),
    )
    return TableView(title=loc.t("ui.page.table"), intro=loc.t("ui.table.intro"),
                     columns=tuple(loc.t(f"ui.table.col.{c}") for c in COLUMNS), filters=filters,
                     sorts=tuple((s, loc.t(f"ui.table.sort.{s}")) for s in SORTS), rows=tuple(rows))
