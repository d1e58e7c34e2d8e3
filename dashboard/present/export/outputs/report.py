"""report.docx in a pack: the evaluation report of the goals selected, as a Word file to edit (`export/report/`).
Its kind follows the data: final once a figure of the plan's last year is in, else mid-term."""

from __future__ import annotations

from dashboard.present.export.outputs import Briefing, Output, register
from dashboard.present.export.report import MIME, default_kind, report_bytes


def _docx(b: Briefing) -> bytes:
    loc = b.loc
    kind = default_kind(b.selected, b.plan.period[1] if b.plan else None)
    selection = "" if b.select.everything else loc.t("export.cover.selection", selection=b.select.describe(loc))
    return report_bytes("docx", b.selected, b.findings, loc, kind=kind, prepared_on=b.exported_on,
                        selection=selection)


register(Output(
    name="docx", mime=MIME["docx"],
    files=lambda b: {"report.docx": _docx(b)},
    listing=lambda loc: [("report.docx", loc.t("export.readme.file.docx"))],
))
