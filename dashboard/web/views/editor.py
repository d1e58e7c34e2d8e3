"""The data editors' page, only with `python -m dashboard serve --editor`: upload a filled workbook and its
source text, see every problem located at its sheet, row and column, see what the import would change, then save.

Saving writes the document's YAML (and the source text, when the sources folder lacks it) through the same
import as the command line (`records/importer.py`). In the public dashboard this page is not registered, and were
it opened all the same it would show a notice and stop before any upload widget: nothing is ever written.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import streamlit as st

from dashboard.present.changes import compare, figure_lines, goal_table, goals_heading
from dashboard.present.locale import Locale
from dashboard.records import importer, sheet
from dashboard.records.errors import DataError
from dashboard.records.sources import default_sources_dir
from dashboard.records.yaml_files import fingerprint, max_file_bytes
from dashboard.web.serve import EDITOR_ENV
from dashboard.web.ui import common as ui
from dashboard.web.ui import state
from dashboard.web.ui.propose_section import render as propose_from_a_document

_MARKUP = re.compile(r"^(#+ |\s*- )?(.*)$")


def _preview_markdown(preview: list[str]) -> str:
    """The preview's lines as Markdown, every data-derived word escaped (names and reasons come from the data)."""
    out = []
    for line in preview:
        markup, rest = _MARKUP.match(line).groups()  # type: ignore[union-attr]
        markup = "##### " if markup and markup.startswith("#") else markup  # below the page's own headings
        out.append((markup or "") + ui.esc(rest.replace("`", "")))
    return "\n".join(out)


lang = ui.lang()
S = state.get()
L = S.locale(lang)

st.title(L.t("editor.page"))
st.markdown(L.t("editor.title"))
if os.environ.get(EDITOR_ENV) != "1":  # the public dashboard: no upload, nothing written
    st.info(L.t("editor.public"))
    st.stop()

root, sources = state.data_root(), default_sources_dir()
st.caption(ui.esc(L.t("editor.where", data=root / "actuals", sources=sources)))
propose_from_a_document(S, L, lang, root, sources)  # 从文件中提取: a document in, proposals ticked, the same import


@st.cache_data(show_spinner=False, max_entries=2)
def _template(version: tuple) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "figures.xlsx"
        sheet.write_template(path, S.dataset)
        return path.read_bytes()


st.subheader(L.t("editor.step.template"))
st.download_button(L.t("editor.template"), data=lambda: _template(fingerprint(root, sources)),
                   file_name="figures.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   key="editor_template")

st.subheader(L.t("editor.step.upload"))
c1, c2 = st.columns(2)
workbook = c1.file_uploader(L.t("editor.workbook"), type=["xlsx", "csv"], key="editor_workbook")
source = c2.file_uploader(L.t("editor.source"), type=["txt"], key="editor_source",
                          help=L.t("editor.source_help"))
if workbook is None:
    st.info(L.t("editor.waiting"))
    st.stop()

limit = max_file_bytes()
too_large = [f.name for f in (workbook, source) if f is not None and f.size > limit]
if too_large:
    st.error(ui.esc(L.t("editor.too_large", files=L.join(too_large), limit=round(limit / 1048576, 1))))
    st.stop()

data = workbook.getvalue()
source_pair = (source.name, source.getvalue()) if source is not None else None
force = st.checkbox(L.t("editor.force"), key="editor_force")
names = f"{workbook.name}\0{source_pair[0] if source_pair else ''}".encode()
key = hashlib.sha256(names + data + (source_pair[1] if source_pair else b"") + bytes([force])).hexdigest()
version = fingerprint(root, sources)
cached = st.session_state.get("editor_outcome")
if cached is None or cached[0] != (key, version):
    with st.spinner(L.t("editor.checking")):
        filled = sheet.read(data, workbook.name)
        outcome = importer.check(root, sources, filled, source_pair, force=force)
        changes = compare(outcome.before[0], outcome.after[0])
    st.session_state["editor_outcome"] = ((key, version), outcome, changes)
_, outcome, changes = st.session_state["editor_outcome"]

# ---- problems, located -------------------------------------------------------------------------------------
st.subheader(L.t("editor.step.problems"))
problems = outcome.problems + outcome.elsewhere
if not problems:
    st.success(L.t("editor.no_problems"))
else:
    n_errors = sum(1 for p in problems if p.severity == "error")
    (st.error if n_errors else st.warning)(L.t("editor.problems", errors=n_errors, warnings=len(problems) - n_errors))
    col = lambda k: L.t(f"editor.col.{k}")  # noqa: E731
    st.dataframe([{
        col("severity"): L.t("check.error" if p.severity == "error" else "check.warning").rstrip("：: "),
        col("sheet"): p.cell.sheet if p.cell else p.file,
        col("row"): p.cell.row if p.cell else p.line,
        col("column"): (p.cell.column if p.cell else p.field) or "",
        col("code"): p.code,
        col("message"): p.text(lang),
        col("fix"): p.hint(lang),
    } for p in problems], key="editor_problems", hide_index=True,
        column_config={col("message"): st.column_config.TextColumn(width="large"),
                       col("row"): st.column_config.NumberColumn(format="%d")})

# ---- the preview of what changes ---------------------------------------------------------------------------
st.subheader(L.t("editor.step.preview"))
after_locale = Locale(lang, outcome.after[0])
if outcome.errors:
    st.caption(L.t("import.preview_partial"))
if changes.empty:
    st.markdown(ui.esc(after_locale.t("changes.nothing")))
else:  # the goals before and after side by side, then the figures and the goals they reach
    st.markdown(_preview_markdown([goals_heading(changes, after_locale)]))
    if changes.goals:
        head, rows = goal_table(changes, after_locale)
        ui.html(ui.html_table(head, ([ui.h(c) for c in r] for r in rows), after_locale.colon, cls="pt-changes"))
    st.markdown(_preview_markdown(figure_lines(changes, after_locale)))

# ---- save -------------------------------------------------------------------------------------------------
st.subheader(L.t("editor.step.save"))
targets = [str(p) for p in (outcome.source_target, outcome.target) if p is not None]
st.caption(ui.esc(L.t("import.would_write", files=L.join(targets))))
if st.button(L.t("editor.save"), type="primary", disabled=not outcome.ok, key="editor_save"):
    try:
        written = importer.write(outcome)
    except (OSError, DataError) as exc:
        st.error(ui.esc(L.t("editor.save_failed", why=exc)))
    else:
        st.session_state.pop("editor_outcome", None)
        st.success(ui.esc(L.t("import.written", files=L.join(str(p) for p in written))))
elif not outcome.ok:
    st.caption(L.t("editor.fix_first"))
