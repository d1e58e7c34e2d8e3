"""goals.xlsx: a workbook officials can compute with.

Sheet 1, one row per goal: target, baseline and deciding figure as numbers, each with its unit and year in a
column of its own; status and basis in words and as codes; document titles, not ids. Sheet 2, every figure
with its value, bounds, unit, area, year or period, whether it is comparable, its basis, reason and quote.
Sheet 3, the source documents. Headers in the pack's language, frozen, with filters and widths to fit.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from dashboard.present.export import facts
from dashboard.present.export.layout import STATUS_TINT
from dashboard.present.export.outputs import Briefing, Output, register
from dashboard.present.export.outputs.tables import (
    Cell,
    Column,
    evidence_columns,
    evidence_pairs,
    goal_columns,
    headers,
    rows,
)
from dashboard.present.locale import Locale
from dashboard.present.text import display_width

MAX_WIDTH = 60


def _sheet(ws, header: Sequence[str], body: Sequence[Sequence[Cell]], columns: Sequence[Column] | None = None,
           frozen: str = "B2") -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(header))
    for row in body:
        ws.append(list(row))
    fill = PatternFill("solid", fgColor="E4E7EB")
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, name in enumerate(header, 1):
        col = columns[i - 1] if columns else None
        values = [r[i - 1] for r in body]
        for r, v in enumerate(values, 2):
            if isinstance(v, dt.date):
                ws.cell(r, i).number_format = "yyyy-mm-dd"
            if col is not None and col.wrap:
                ws.cell(r, i).alignment = Alignment(wrap_text=True, vertical="top")
        widest = max([display_width(str(name)) // 2 + 2] + [display_width(_shown(v)) for v in values])
        width = col.width if col is not None and col.width else widest
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), MAX_WIDTH)
    ws.freeze_panes = frozen  # the header row and the id column stay in view
    ws.auto_filter.ref = ws.dimensions


def _shown(v: Cell) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def workbook_bytes(b: Briefing) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    loc: Locale = b.loc
    wb = Workbook()
    goals = wb.active
    goals.title = loc.t("export.sheet.goals")
    cols = goal_columns(loc)
    _sheet(goals, headers(cols, loc), rows(cols, b.selected), cols)
    status_col = [c.key for c in cols].index("status") + 1
    for r, a in enumerate(b.selected, 2):
        goals.cell(r, status_col).fill = PatternFill("solid", fgColor=STATUS_TINT[a.status].lstrip("#").upper())

    ev_cols = evidence_columns(loc)
    _sheet(wb.create_sheet(loc.t("export.sheet.evidence")), headers(ev_cols, loc),
           rows(ev_cols, evidence_pairs(b.selected)), ev_cols, frozen="C2")

    docs = facts.pack_documents(b.selected)
    keys = ["title", "publisher", "published", "area", "years", "file"]
    body: list[list[Cell]] = [[loc.document_title(d), loc.publisher(d), d.published, loc.area(d.area),
                               loc.years(*d.years), d.file] for d in docs]
    _sheet(wb.create_sheet(loc.t("export.sheet.sources")), [loc.t(f"export.xlsx.{k}") for k in keys], body,
           frozen="A2")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


register(Output(
    name="xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    files=lambda b: {"goals.xlsx": workbook_bytes(b)},
    listing=lambda loc: [("goals.xlsx", loc.t("export.readme.file.xlsx"))],
))
