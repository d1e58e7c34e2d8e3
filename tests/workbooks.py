"""Filling the template as an editor would: a document's records typed into the workbook's cells (or a CSV file)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from dashboard.records import sheet
from dashboard.records.model import Dataset, Document, Observation


def document_cells(doc: Document) -> dict[str, object]:
    years = f"{doc.years[0]}-{doc.years[1]}" if doc.years[0] != doc.years[1] else doc.years[0]
    return {"id": doc.id, "file": doc.file, "title": doc.title, "title_en": doc.title_en, "publisher": doc.publisher,
            "publisher_en": doc.publisher_en, "published": doc.published, "published_basis": doc.published_basis,
            "published_note": doc.published_note, "published_note_en": doc.published_note_en, "area": doc.area,
            "years": years}


def observation_cells(o: Observation) -> dict[str, object]:
    year = o.year if o.year is not None else f"{o.period[0]}-{o.period[1]}"
    cells = {"id": o.id, "indicator": o.indicator, "measure": o.measure, "area": o.area, "year": year,
             "value": o.value, "value_text": o.value_text, "value_text_en": o.value_text_en, "qualifier": o.qualifier, "unit": o.unit,
             "price_basis": o.price_basis, "caliber": o.caliber, "caliber_en": o.caliber_en, "quote": o.quote,
             "quote_en": o.quote_en, "period_note": o.period_note, "period_note_en": o.period_note_en,
             "notes": o.notes, "notes_en": o.notes_en, "notes_for": o.notes_for, "inferred": ", ".join(o.inferred) or None,
             "meets": o.meets, "meets_reason": o.meets_reason, "meets_reason_en": o.meets_reason_en}
    if o.derived is not None:
        cells["derived.formula"] = o.derived.formula
        cells["derived.inputs"] = ", ".join(o.derived.inputs)
    return cells


def fill(template: Path, out: Path, document: dict[str, object], rows: list[dict[str, object]]) -> Path:
    """Type the values into the template's cells: the document's fields by their row, each figure on a new row."""
    wb = load_workbook(template)
    ds = wb[sheet.DOCUMENT_SHEET]
    for r in range(2, ds.max_row + 1):
        key = str(ds.cell(r, 1).value).split(" ")[1]
        if key in document and document[key] not in (None, ""):
            ds.cell(r, 2).value = document[key]
    os_ = wb[sheet.OBSERVATIONS_SHEET]
    keys = [str(c.value).split(" ")[1] for c in os_[1]]
    for k, row in enumerate(rows, start=2):
        for col, key in enumerate(keys, start=1):
            if row.get(key) not in (None, ""):
                os_.cell(k, col).value = row[key]
    wb.save(out)
    return out


def fill_csv(out: Path, document: dict[str, object], rows: list[dict[str, object]]) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    for key, value in document.items():
        w.writerow([key, "" if value is None else value])
    w.writerow([])
    w.writerow([c.header for c in sheet.OBSERVATION_COLUMNS])
    for row in rows:
        w.writerow(["" if row.get(c.key) is None else row.get(c.key) for c in sheet.OBSERVATION_COLUMNS])
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


def from_dataset(data: Dataset, document_id: str) -> tuple[dict[str, object], list[dict[str, object]]]:
    doc = next(d for d in data.documents if d.id == document_id)
    return document_cells(doc), [observation_cells(o) for o in data.observations if o.document == document_id]


def fill_sheet(book: Path, sheet_name: str, rows: list[dict[str, object]]) -> Path:
    """Type rows into one of the workbook's other sheets (indicators, stand-ins), by the keys of its header."""
    wb = load_workbook(book)
    ws = wb[sheet_name]
    keys = [str(c.value).split(" ")[-1] for c in ws[1]]
    for k, row in enumerate(rows, start=2):
        for col, key in enumerate(keys, start=1):
            if row.get(key) not in (None, ""):
                ws.cell(k, col).value = row[key]
    wb.save(book)
    return book
