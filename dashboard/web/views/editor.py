"""The data editors' page, only with `python -m dashboard serve --editor`: upload a filled workbook and its
source text, see every problem located at its sheet, row and column, see what the import would change, then save.

Saving writes the document's YAML (and the source text, when the sources folder lacks it) through the same
import as the command line (`records/importer.py`), and appends a line to logs/editor.log. In the public
dashboard this page is not registered, and were it opened all the same it would show a notice and stop before any
upload widget: nothing is ever written. In editor mode it is guarded (`web/guard.py`): open only when the server
listens on loopback, else behind the editor password.

The page is a sequence of sections, each a function (`section_*`), so another section (a document read by the
program, proposing figures) can be placed between them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard.present.changes import Changes, compare, figure_lines, goal_table, goals_heading
from dashboard.present.locale import Locale
from dashboard.records import importer, sheet
from dashboard.records.errors import DataError
from dashboard.records.sources import default_sources_dir
from dashboard.records.yaml_files import fingerprint, max_file_bytes
from dashboard.web import guard
from dashboard.web.serve import EDITOR_ENV
from dashboard.web.ui import common as ui
from dashboard.web.ui import problems as problems_ui
from dashboard.web.ui import state
from dashboard.web.ui.plan_section import render as import_a_plan
from dashboard.web.ui.propose_section import render as propose_from_a_document


@st.cache_resource
def _tries() -> guard.Tries:
    """Wrong password tries, one count for the whole server process (every session shares it)."""
    return guard.Tries()


def unlocked(L: Locale) -> bool:
    """The guard: True when this session may use the page; else it has said why (or asked for the password)."""
    secret = guard.Secret.from_env()
    how = guard.access(st.get_option("server.address"), secret)
    if how == "open" or st.session_state.get("editor_unlocked"):
        return True
    if how == "refused":
        st.error(L.t("editor.guard.refused", env=guard.PASSWORD_ENV))
        return False
    tries = _tries()
    st.subheader(L.t("editor.guard.heading"))
    with st.form("editor_login", clear_on_submit=True):
        given = st.text_input(L.t("editor.guard.password"), type="password", key="editor_password")
        sent = st.form_submit_button(L.t("editor.guard.enter"))
    if tries.locked():
        st.error(L.t("editor.guard.locked", minutes=-(-tries.wait_seconds() // 60)))
        return False
    if sent:
        assert secret is not None
        if tries.attempt(secret, given or ""):
            st.session_state["editor_unlocked"] = True
            st.rerun()
        st.error(L.t("editor.guard.wrong") if not tries.locked()
                 else L.t("editor.guard.locked", minutes=-(-tries.wait_seconds() // 60)))
    return False


@st.cache_data(show_spinner=False, max_entries=2)
def _template(version: tuple) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "figures.xlsx"
        sheet.write_template(path, S.dataset)
        return path.read_bytes()


def section_template(L: Locale) -> None:
    st.subheader(L.t("editor.step.template"))
    st.download_button(L.t("editor.template"), data=lambda: _template(fingerprint(root, sources)),
                       file_name="figures.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="editor_template")


def _uploader_css(L: Locale) -> str:
    """Streamlit draws its uploader's button ("Upload") and its size line in English whatever the page's language:
    the button's own words are hidden and our label drawn over them (so it is also the button's accessible name),
    and the size line is replaced by the caption below each uploader."""
    label = L.t("editor.choose_file").replace('"', "")
    return f"""<style>
[data-testid="stFileUploaderDropzone"] button > * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "{label}"; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
</style>"""


def section_upload(L: Locale) -> tuple:
    st.subheader(L.t("editor.step.upload"))
    limit_mb = round(max_file_bytes() / 1048576, 1)
    c1, c2 = st.columns(2)
    workbook = c1.file_uploader(L.t("editor.workbook"), type=["xlsx", "csv"], key="editor_workbook")
    c1.caption(L.t("editor.workbook_note", limit=limit_mb))
    # no `help=`: Streamlit names its help icon "Help for …" in English whatever the page's language
    source = c2.file_uploader(L.t("editor.source"), type=["txt"], key="editor_source")
    c2.caption(L.t("editor.source_note", limit=limit_mb) + " " + L.t("editor.source_help"))
    return workbook, source


@dataclass
class Checked:
    outcome: importer.Outcome
    changes: Changes


def check(L: Locale, workbook, source) -> Checked | None:
    limit = max_file_bytes()
    too_large = [f.name for f in (workbook, source) if f is not None and f.size > limit]
    if too_large:
        st.error(ui.esc(L.t("editor.too_large", files=L.join(too_large), limit=round(limit / 1048576, 1))))
        return None
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
    return Checked(outcome, changes)


def _indicator_names(L: Locale) -> dict[str, str]:
    return {i.id: L.pick(i.name, i.name_en) for i in S.dataset.indicators}


def problem_card(p, L: Locale) -> str:
    return problems_ui.card(p, L, _indicator_names(L))


def section_problems(L: Locale, outcome: importer.Outcome) -> None:
    st.subheader(L.t("editor.step.problems"))
    problems = outcome.problems + outcome.elsewhere
    if not problems:
        st.success(L.t("editor.no_problems"))
        return
    n_errors = sum(1 for p in problems if p.severity == "error")
    if n_errors:
        st.error(L.t("editor.problems", errors=n_errors, warnings=len(problems) - n_errors))
    else:
        st.warning(L.t("editor.warnings_only", warnings=len(problems)))
    ui.html("".join(problem_card(p, L) for p in problems))


def section_data_warnings(L: Locale) -> None:
    """The loaded data's own warnings (figures set aside, quotes unchecked): the editors', not the public's."""
    warnings = S.report.warnings
    if warnings:
        with st.expander(L.t("editor.data_warnings", n=len(warnings))):
            ui.html("".join(problem_card(p, L) for p in warnings))


def section_preview(L: Locale, checked: Checked) -> None:
    outcome, changes = checked.outcome, checked.changes
    st.subheader(L.t("editor.step.preview"))
    after_locale = Locale(L.lang, outcome.after[0])
    if outcome.errors:
        st.caption(L.t("import.preview_partial"))
    if changes.empty:
        st.markdown(ui.esc(after_locale.t("changes.nothing")))
    else:  # the goals before and after side by side, then the figures and the goals they reach
        st.markdown(ui.preview_markdown([goals_heading(changes, after_locale)]))
        if changes.goals:
            head, rows = goal_table(changes, after_locale)
            ui.html(ui.html_table(head, ([ui.h(c) for c in r] for r in rows), after_locale.colon, cls="pt-changes"))
        st.markdown(ui.preview_markdown(figure_lines(changes, after_locale)))


def section_save(L: Locale, outcome: importer.Outcome) -> None:
    st.subheader(L.t("editor.step.save"))
    targets = [str(p) for p in outcome.targets]
    st.caption(ui.esc(L.t("import.would_write", files=L.join(targets))))
    who = st.text_input(L.t("editor.name"), key="editor_name", max_chars=80)
    st.caption(L.t("editor.name_help"))
    if st.button(L.t("editor.save"), type="primary", disabled=not outcome.ok, key="editor_save"):
        try:
            written = importer.write(outcome)
            importer.log_save(root, outcome, written, editor=who)
        except (OSError, DataError) as exc:
            st.error(ui.esc(L.t("editor.save_failed", why=exc)))
        else:
            st.session_state.pop("editor_outcome", None)
            st.success(ui.esc(L.t("import.written", files=L.join(str(p) for p in written))))
    elif not outcome.ok:
        st.caption(L.t("editor.fix_first"))


def section_figures(L: Locale) -> None:
    """The figures' import: the template, the upload, the problems, the preview and the save."""
    section_template(L)
    workbook, source = section_upload(L)
    if workbook is None:
        st.info(L.t("editor.waiting"))
        return
    checked = check(L, workbook, source)
    if checked is None:
        return
    section_problems(L, checked.outcome)
    section_preview(L, checked)
    section_save(L, checked.outcome)


lang = ui.lang()
S = state.get()
L = S.locale(lang)

st.title(L.t("editor.page"))
st.markdown(L.t("editor.title"))
if os.environ.get(EDITOR_ENV) != "1":  # the public dashboard: no upload, nothing written
    st.info(L.t("editor.public"))
    st.stop()
if not unlocked(L):
    st.stop()

root, sources = state.data_root(), default_sources_dir()
st.html(_uploader_css(L))  # before the first uploader of any section, so none shows Streamlit's English words
st.caption(ui.esc(L.t("editor.where", data=root / "actuals", sources=sources)))
section_data_warnings(L)
propose_from_a_document(S, L, lang, root, sources)  # 从文件中提取: a document in, proposals ticked, the same import
section_figures(L)
import_a_plan(S, L, root, sources)  # 新规划: a reviewed goals workbook becomes a plan, as import-plan does
