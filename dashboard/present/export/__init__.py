"""Briefing exports: a goal's chart as PNG, SVG or PDF, and the briefing pack.

The parts, each in its own module:
- `renderer`  — one headless Chromium that draws plotly figures and prints HTML to PDF (thread-safe);
- `layout`    — the print template: the papers (A4 portrait, 16:9 slide), sizes, margins, type, colours, the PDF's
                stylesheet;
- `text`      — wrapping figure text under Chinese line-breaking rules;
- `dressing`  — the dashboard's charts put into print form (a goal's slide, its page chart, page charts);
- `facts`     — what the outputs say about a goal, read once (baseline unit, documents, findings);
- `pages`     — the PDF's pages as HTML (cover, overview, coherence, goal table, a page per goal, continued pages);
- `derivation`, `words` — a derived figure's derivation in words, quotation marks inside quotations;
- `outputs/`  — PDF, PNG, SVG, CSV, XLSX, the evaluation report (DOCX), README, registered by name (`OUTPUTS`);
- `report/`   — the evaluation report (评估报告): one view, laid out as Word (python-docx) and as an A4 PDF;
- `selection` — which goals go into a pack;
- `pack`      — drawing what the outputs need, and writing the pack or one goal's file.

Every function takes the locale (`Locale(lang, dataset)`) and the plan explicitly; nothing here reads data.
"""

from __future__ import annotations

from dashboard.present.export.errors import ExportError
from dashboard.present.export.outputs import OUTPUTS, Briefing, Output, mime, one_goal_formats
from dashboard.present.export.outputs.images import PNG_SIZE, file_name, safe_name
from dashboard.present.export.pack import (
    ProgressFn,
    build_pack,
    export_goal,
    goal_file_bytes,
    pack_bytes,
    pack_files,
    pack_name,
)
from dashboard.present.export.renderer import Drawn, Renderer, browser_path, shared_renderer
from dashboard.present.export.selection import Selection

ZIP_MIME = "application/zip"

__all__ = [
    "OUTPUTS", "PNG_SIZE", "ZIP_MIME", "Briefing", "Drawn", "ExportError", "Output", "ProgressFn", "Renderer",
    "Selection", "browser_path", "build_pack", "export_goal", "file_name", "goal_file_bytes", "mime",
    "one_goal_formats", "pack_bytes", "pack_files", "pack_name", "safe_name", "shared_renderer",
]
