"""The evaluation report (中期/终期评估报告): one view of the report (`view`), laid out as an editable Word file
(`docx`) and as an A4 PDF printed by the export renderer's Chromium (`html`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dashboard.judge.account import GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present.export.renderer import Renderer
from dashboard.present.export.report import docx, html
from dashboard.present.export.report.national import national_code, national_label
from dashboard.present.export.report.view import KINDS, Kind, Report, build, default_kind
from dashboard.present.locale import Locale

#: The report's file formats: `report --out NAME.docx | NAME.pdf`.
FORMATS = ("docx", "pdf")
MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}


def report_bytes(fmt: str, accounts: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale, *,
                 kind: Kind, as_of: int | None = None, prepared_on: dt.date | None = None,
                 renderer: Renderer | None = None, selection: str = "") -> bytes:
    """The report as a .docx or .pdf file (the PDF needs the renderer)."""
    r = build(accounts, findings, loc, kind=kind, as_of=as_of, prepared_on=prepared_on, selection=selection)
    if fmt == "docx":
        return docx.docx_bytes(r, loc.t("report.toc.placeholder"))
    if fmt == "pdf":
        from dashboard.present.export.renderer import shared_renderer

        return html.pdf_bytes(r, renderer or shared_renderer())
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "KINDS", "MIME", "Kind", "Report", "build", "default_kind", "national_code", "national_label",
           "report_bytes"]
