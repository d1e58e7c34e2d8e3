"""A located problem as an editor reads it: a card naming sheet, row, column, field and record (or, for a problem
in a data file, the indicator by its name), the message, and the fix always in view — on a phone as on a desk."""

from __future__ import annotations

from dashboard.present.locale import Locale
from dashboard.records.errors import Problem
from dashboard.web.ui.common import h


def where(p: Problem, L: Locale, indicator_names: dict[str, str]) -> str:
    """Where the problem is, each part named; nothing shown for what is not known (no "None")."""
    parts = []
    if p.cell is not None:
        parts.append(L.t("editor.at.sheet", sheet=p.cell.sheet))
        if p.cell.row is not None:
            parts.append(L.t("editor.at.row", row=p.cell.row))
        if p.cell.column:
            parts.append(L.t("editor.at.column", column=p.cell.column))
    elif p.kind == "indicator" and p.record in indicator_names:  # a data file's indicator: by its name, not file:line
        return h(L.t("editor.at.indicator", name=indicator_names[p.record], id=p.record))
    else:
        parts.append(L.t("editor.at.file", file=p.file) + (f":{p.line}" if p.line else ""))
    if p.field:
        parts.append(L.t("editor.at.field", field=p.field))
    if p.record:
        parts.append(L.t("editor.at.record", record=p.record))
    return " · ".join(h(x) for x in parts)


def card(p: Problem, L: Locale, indicator_names: dict[str, str]) -> str:
    severity = "error" if p.severity == "error" else "warning"
    fix = p.hint(L.lang)
    return (f'<div class="pt-card pt-problem pt-{severity}">'
            f'<p><span class="pt-badge pt-badge-{severity}">{h(L.t(f"editor.severity.{severity}"))}</span> '
            f'{where(p, L, indicator_names)}</p>'
            f'<p>{h(p.text(L.lang))}</p>'
            + (f'<p><b>{h(L.t("editor.col.fix"))}{L.colon}</b>{h(fix)}</p>' if fix else "")
            + f'<p class="pt-muted">{h(L.t("editor.col.code"))}{L.colon}{h(p.code)}</p></div>')
