"""The editor page's section "新规划 / A new plan" (only with `serve --editor`): upload a reviewed goals workbook
(`propose goals --out`) and the plan's source text, give the plan's id, names, area and period, see every problem
located at its sheet, row and column (or at the field that gave it), preview the new plan's goals with the
judgement each would get and what the import filled in, then save. The same path as `import-plan`:
`records/plan_import.py` checks and writes (the plan's folder made whole beside targets/ and moved into place at
once), `present/plan_preview.py` says what it would do. Called from views/editor.py by one line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from pathlib import Path

import streamlit as st

from dashboard.present.locale import Locale
from dashboard.present.plan_preview import preview_lines
from dashboard.records import plan_import
from dashboard.records.errors import DataError
from dashboard.records.importer import LOG
from dashboard.records.yaml_files import fingerprint, max_file_bytes
from dashboard.web.ui import common as ui
from dashboard.web.ui import problems as problems_ui
from dashboard.web.ui.state import State

KEY = "plan_import_outcome"


def _fields(S: State, L: Locale) -> plan_import.PlanArgs | None:
    """The plan's own fields, as `import-plan`'s options give them; None until the id and the name are given."""
    c1, c2 = st.columns(2)
    plan_id = c1.text_input(L.t("editor.plan.id"), key="plan_id", placeholder="urumqi-city-2008-2012").strip()
    areas = {a.id: L.pick(a.name, a.name_en) for a in S.dataset.areas}
    area = c2.selectbox(L.t("editor.plan.area"), list(areas), format_func=areas.__getitem__, key="plan_area")
    name = c1.text_input(L.t("editor.plan.name"), key="plan_name").strip()
    name_en = c2.text_input(L.t("editor.plan.name_en"), key="plan_name_en").strip()
    c3, c4, c5 = st.columns(3)
    this_year = dt.date.today().year
    first = int(c3.number_input(L.t("editor.plan.first"), 1949, this_year + 20, this_year, key="plan_first"))
    last = int(c4.number_input(L.t("editor.plan.last"), 1949, this_year + 30, this_year + 4, key="plan_last"))
    base = int(c5.number_input(L.t("editor.plan.base"), 1949, this_year + 20, first - 1, key="plan_base"))
    if not plan_id or not name or area is None:
        return None
    return plan_import.PlanArgs(plan_id=plan_id, name=name, name_en=name_en, area=area, period=(first, last),
                                base_year=base, source=Path())


def _check(root: Path, sources: Path, plan: plan_import.PlanArgs, workbook, source, force: bool):
    """Checked once per upload, fields and data version (a rerun shows the same outcome)."""
    key = hashlib.sha256(json.dumps([plan.plan_id, plan.name, plan.name_en, plan.area, plan.period, plan.base_year,
                                     workbook.name, source.name, force]).encode()
                         + workbook.getvalue() + source.getvalue()).hexdigest()
    version = fingerprint(root, sources)
    cached = st.session_state.get(KEY)
    if cached is None or cached[0] != (key, version):
        with tempfile.TemporaryDirectory(prefix="plan-tracker-plan-") as tmp:
            text = Path(tmp) / Path(source.name).name  # the text under its own name, as --source would give it
            text.write_bytes(source.getvalue())
            plan.source = text
            read = plan_import.read_goals(workbook.getvalue(), workbook.name)
            outcome = plan_import.check_plan(root, sources, read, plan, workbook.name, force=force)
        st.session_state[KEY] = ((key, version), outcome)
    return st.session_state[KEY][1]


def _log(root: Path, outcome: plan_import.PlanOutcome, written: list[Path], editor: str) -> None:
    """One line in logs/editor.log, as a figures' import writes."""
    entry = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "files": [str(p) for p in written],
             "plan": outcome.draft.plan_id, "goals": len(outcome.goals()), "replaced": outcome.force,
             "editor": " ".join(editor.split())[:80] or None}
    path = root / LOG
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


def render(S: State, L: Locale, root: Path, sources: Path) -> None:
    st.subheader(L.t("editor.plan.heading"))
    with st.expander(L.t("editor.plan.open"), expanded=bool(st.session_state.get("plan_workbook"))):
        st.markdown(ui.esc(L.t("editor.plan.intro")))
        plan = _fields(S, L)
        limit_mb = round(max_file_bytes() / 1048576, 1)
        c1, c2 = st.columns(2)
        workbook = c1.file_uploader(L.t("editor.plan.workbook"), type=["xlsx"], key="plan_workbook")
        c1.caption(L.t("editor.workbook_note", limit=limit_mb))
        source = c2.file_uploader(L.t("editor.plan.source"), type=["txt"], key="plan_source")
        c2.caption(L.t("editor.source_note", limit=limit_mb))
        force = st.checkbox(L.t("editor.force"), key="plan_force")
        if plan is None or workbook is None or source is None:
            st.info(L.t("editor.plan.waiting"))
            return
        too_large = [f.name for f in (workbook, source) if f.size > max_file_bytes()]
        if too_large:
            st.error(ui.esc(L.t("editor.too_large", files=L.join(too_large), limit=limit_mb)))
            return
        with st.spinner(L.t("editor.checking")):
            outcome = _check(root, sources, plan, workbook, source, force)
        problems = outcome.problems
        if problems:
            n_errors = len(outcome.errors)
            (st.error if n_errors else st.warning)(L.t("editor.problems", errors=n_errors,
                                                       warnings=len(problems) - n_errors))
            names = {i.id: L.pick(i.name, i.name_en) for i in S.dataset.indicators}
            ui.html("".join(problems_ui.card(p, L, names) for p in problems))
        else:
            st.success(L.t("editor.no_problems"))
        after = Locale(L.lang, outcome.after[0])
        st.markdown(ui.preview_markdown(preview_lines(outcome, plan, after), sep="\n\n"))
        st.caption(ui.esc(L.t("import.would_write", files=L.join(str(p) for p in outcome.targets))))
        who = st.text_input(L.t("editor.name"), key="plan_editor_name", max_chars=80)
        if st.button(L.t("editor.plan.save"), type="primary", disabled=not outcome.ok, key="plan_save"):
            try:
                written = plan_import.write_plan(outcome)
                _log(root, outcome, written, who)
            except (OSError, DataError) as exc:
                st.error(ui.esc(L.t("editor.save_failed", why=exc)))
            else:
                st.session_state.pop(KEY, None)
                st.success(ui.esc(L.t("import.written", files=L.join(str(p) for p in written))))
        elif not outcome.ok:
            st.caption(L.t("editor.fix_first"))
