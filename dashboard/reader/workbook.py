"""Proposals written for review: a document's figures into the import's own template (`records/sheet.py`), each
proposed row shaded, with why it was proposed and a 确认 confirmed column the editor fills; a plan's goals into a
listing workbook. The import takes a proposed row only once it is confirmed (`records/importer.py`).

Nothing here decides anything: it lays out what `propose.py` found and what the document record already says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dashboard.reader.files import DocumentText
from dashboard.reader.reading import WHY
from dashboard.records import sheet
from dashboard.records.model import Dataset, Document, Observation

#: The proposals' workbook puts the two columns the editor works in first: confirmed, then the figure, then why.
_FIRST = ("confirmed", "indicator", "measure", "area", "year", "value", "qualifier", "unit", "caliber", "quote",
          "proposed")
PROPOSAL_COLUMNS: tuple[sheet.Column, ...] = tuple(
    sorted(sheet.OBSERVATION_COLUMNS, key=lambda c: _FIRST.index(c.key) if c.key in _FIRST else len(_FIRST)))


def known_document(dataset: Dataset, file_name: str) -> Document | None:
    """The document record whose source file is this file (by name, or by the name of its text)."""
    stem = Path(file_name).stem
    for d in dataset.documents:
        if d.file == file_name or Path(d.file).stem == stem:
            return d
    return None


def document_cells(doc: DocumentText, record: Document | None, *, year: int | None, area: str | None,
                   proposals: list | None = None) -> dict:
    """The document sheet's values: the record's when the document is known, else what the file itself says, with
    the years it covers spanning `year` and every proposal's year or period (for the editor to check)."""
    if record is not None:
        first, last = record.years
        return {"id": record.id, "file": record.file, "title": record.title, "title_en": record.title_en,
                "publisher": record.publisher, "publisher_en": record.publisher_en, "published": record.published,
                "published_basis": record.published_basis, "published_note": record.published_note,
                "published_note_en": record.published_note_en, "area": record.area,
                "years": first if first == last else f"{first}-{last}"}
    stated: list[int] = [year] if year is not None else []
    for p in proposals or []:
        j = p if isinstance(p, dict) else p.to_json()
        stated += [y for y in (j.get("year"), *(j.get("period") or ())) if isinstance(y, int)]
    span = (min(stated), max(stated)) if stated else None
    return {"file": doc.text_name, "title": doc.title or None, "area": area,
            "years": None if span is None else span[0] if span[0] == span[1] else f"{span[0]}-{span[1]}"}


def _observation_cells(o: Observation) -> dict[str, Any]:
    year = o.year if o.year is not None else f"{o.period[0]}-{o.period[1]}" if o.period else None
    cells = {"id": o.id, "indicator": o.indicator, "measure": o.measure, "area": o.area, "year": year,
             "value": o.value, "value_text": o.value_text, "qualifier": o.qualifier, "unit": o.unit,
             "price_basis": o.price_basis, "caliber": o.caliber, "caliber_en": o.caliber_en, "quote": o.quote,
             "quote_en": o.quote_en, "period_note": o.period_note, "period_note_en": o.period_note_en,
             "notes": o.notes, "notes_en": o.notes_en}
    if o.derived is not None:
        cells["derived.formula"] = o.derived.formula
        cells["derived.inputs"] = ", ".join(o.derived.inputs)
    return cells


def proposal_cells(p, page: int | None = None) -> dict[str, Any]:
    """One proposed figure as a row of the template (a FigureProposal, or its JSON); `page`, the PDF page its quote
    stands on."""
    j = p if isinstance(p, dict) else p.to_json()
    period = j.get("period")
    return {"indicator": j.get("indicator"), "measure": j.get("measure"), "area": j.get("area"),
            "year": j.get("year") if j.get("year") is not None else f"{period[0]}-{period[1]}" if period else None,
            "value": j.get("value"), "qualifier": j.get("qualifier"), "unit": j.get("unit"),
            "caliber": j.get("caliber"), "quote": j.get("quote"),
            "proposed": proposed_note(j) + (f"；第{page}页 page {page}" if page else "")}


def why_words(code: str | None) -> str:
    """Why a row was proposed, in both languages (the workbook is bilingual)."""
    words = WHY.get(code or "")
    return f"{words.zh} / {words.en}" if words else (code or "")


def proposed_note(j: dict) -> str:
    """The proposed cell: why, and what the document calls the indicator and the area when no id was found."""
    out = f"建议 proposed: {why_words(j.get('why'))}".strip()
    if not j.get("indicator"):
        out += f"；指标未对应 no indicator id: {j.get('indicator_name') or ''}"
    if not j.get("area") and j.get("area_name"):
        out += f"；地区未对应 no area id: {j['area_name']}"
    return out


def _same_figure(row: dict[str, Any], o: Observation) -> bool:
    year = o.year if o.year is not None else f"{o.period[0]}-{o.period[1]}" if o.period else None
    return (row["indicator"], row["measure"], row["area"], str(row["year"]), row["value"]) == (
        o.indicator, o.measure, o.area, str(year), o.value)


def new_proposals(proposals: list, dataset: Dataset, record: Document | None) -> list:
    """The proposals a known document's records do not already hold (all of them for a new document)."""
    recorded = [o for o in dataset.observations if record is not None and o.document == record.id]
    return [p for p in proposals if not any(_same_figure(proposal_cells(p), o) for o in recorded)]


def figure_rows(proposals: list, dataset: Dataset, record: Document | None,
                ticked: set[int] | None = None, doc: DocumentText | None = None) -> list[dict[str, Any]]:
    """The observations' rows: a known document's recorded figures first (so importing the workbook again keeps
    them), then each proposal not already recorded, marked as proposed; with `ticked` (positions among those new
    proposals, as the editor page ticks them) each is confirmed 是 or 否."""
    recorded = [o for o in dataset.observations if record is not None and o.document == record.id]
    rows = [_observation_cells(o) for o in recorded]
    for k, p in enumerate(new_proposals(proposals, dataset, record)):
        cells = proposal_cells(p, doc.page_of(p.start) if doc is not None and hasattr(p, "start") else None)
        if ticked is not None:
            cells["confirmed"] = "是" if k in ticked else "否"
        rows.append(cells)
    return rows


def write_figures(path: Path, doc: DocumentText, proposals: list, dataset: Dataset, *, record: Document | None,
                  year: int | None, area: str | None, document: dict | None = None,
                  ticked: set[int] | None = None) -> list[Path]:
    """The figures' workbook, and beside it the document's text when the document is not a .txt file (the import's
    --source: the quotes are spans of that text). Returns the files written."""
    path = Path(path)
    cells = document if document is not None else document_cells(doc, record, year=year, area=area,
                                                                  proposals=new_proposals(proposals, dataset, record))
    sheet.write_template(path, dataset, document=cells, rows=figure_rows(proposals, dataset, record, ticked, doc),
                         columns=PROPOSAL_COLUMNS)
    written = [path]
    if doc.format != "txt":
        text_path = path.with_name(doc.text_name)
        tmp = text_path.with_name(f".{text_path.name}.tmp")
        tmp.write_text(doc.text, encoding="utf-8")
        tmp.replace(text_path)
        written.append(text_path)
    return written


GOAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("confirmed", "确认"), ("name", "名称"), ("indicator", "指标"), ("indicator_name", "原文指标名"), ("measure", "度量"),
    ("comparator", "比较"), ("target", "目标值"), ("unit", "单位"), ("target_year", "目标年"), ("hold", "每年保持"),
    ("baseline_value", "基期值"), ("baseline_year", "基期年"), ("baseline_unit", "基期单位"), ("quote", "原文"),
    ("proposed", "程序建议"),
)
GOALS_SHEET = "目标 goals"


def goal_cells(p) -> dict[str, Any]:
    j = p if isinstance(p, dict) else p.to_json()
    base = j.get("baseline") or {}
    return {"name": j.get("name"), "indicator": j.get("indicator"), "indicator_name": j.get("indicator_name"),
            "measure": j.get("measure"), "comparator": j.get("comparator"), "target": j.get("target"),
            "unit": j.get("unit"), "target_year": j.get("target_year"), "hold": "是" if j.get("hold") else None,
            "baseline_value": base.get("value"), "baseline_year": base.get("year"), "baseline_unit": base.get("unit"),
            "quote": j.get("quote"), "proposed": f"建议 proposed: {why_words(j.get('why'))}".strip()}


def write_goals(path: Path, doc: DocumentText, proposals: list) -> list[Path]:
    """A listing of proposed goals to review (importing goals as a plan is another step, not this one)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = GOALS_SHEET
    ws.append([f"{zh} {key}" for key, zh in GOAL_COLUMNS])
    for c in ws[1]:
        c.font, c.fill, c.alignment = Font(bold=True), PatternFill("solid", fgColor="DDEBF7"), Alignment(wrap_text=True)
    ws.freeze_panes = "B2"
    confirm = DataValidation(type="list", formula1='"是,否"', allow_blank=True)  # yes / no, as in the figures' sheet
    confirm.add(f"A2:A{max(2, len(proposals) + 101)}")
    ws.add_data_validation(confirm)
    for p in proposals:
        cells = goal_cells(p)
        ws.append([cells.get(key) for key, _ in GOAL_COLUMNS])
    for k, (key, _) in enumerate(GOAL_COLUMNS):
        ws.column_dimensions[ws.cell(1, k + 1).column_letter].width = {"quote": 60, "proposed": 40, "name": 24}.get(
            key, 12)
    hs = wb.create_sheet(sheet.HELP_SHEET)
    hs.append(["说明", "help"])
    hs.append([f"程序从{doc.name}中提取的目标建议，共{len(proposals)}条；逐条对照原文核对，在“确认”列填“是”或“否”。",
               f"Goals the program proposes from {doc.name} ({len(proposals)}); check each against the document and "
               "write yes or no in the confirmed column."])
    hs.append(["这只是清单：把目标导入为规划是另一步（多规划功能）。",
               "This is a listing only: importing goals as a plan is a separate step (the many-plans work)."])
    hs.column_dimensions["A"].width = hs.column_dimensions["B"].width = 80
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)
    return [path]


def figures_workbook_bytes(doc: DocumentText, proposals: list, dataset: Dataset, *, record: Document | None,
                           document: dict, ticked: set[int] | None = None) -> bytes:
    """The figures' workbook as bytes (the editor page's download, and what its preview imports)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="plan-tracker-propose-") as tmp:
        path = Path(tmp) / "figures.xlsx"
        sheet.write_template(path, dataset, document=document,
                             rows=figure_rows(proposals, dataset, record, ticked, doc), columns=PROPOSAL_COLUMNS)
        return path.read_bytes()
