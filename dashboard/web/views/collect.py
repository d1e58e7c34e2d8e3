"""What to collect (数据需求清单), for the planning officials: the figures that would decide the goals no figure
decides yet, grouped by the department to ask, each department with a request workbook to download (the template
with those figures already on it, sent back through the same import)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard.present.collect import Request, by_department, file_name, request_rows, requests
from dashboard.present.locale import Locale
from dashboard.records import sheet
from dashboard.records.model import Dataset
from dashboard.records.sources import default_sources_dir
from dashboard.records.yaml_files import fingerprint
from dashboard.web.ui import common as ui
from dashboard.web.ui import state


@st.cache_data(show_spinner=False, max_entries=32)
def _workbook(version: tuple, plan_id: str | None, department: str) -> bytes:
    """Made when its button is pressed (and kept while the data stands): a page of fourteen departments draws fast.
    The plan is in the key: two plans may ask one department for different figures."""
    S = state.get().plan_view(plan_id)
    return request_workbook(S.dataset, by_department(requests(S.dataset, S.judge))[department])


def request_workbook(dataset: Dataset, items: list[Request]) -> bytes:
    department = items[0].department
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "request.xlsx"
        sheet.write_request(path, dataset, department.department, department.department_en, request_rows(items))
        return path.read_bytes()


def section_department(L: Locale, S: state.State, index: int, items: list[Request]) -> None:
    dep = items[0].department
    st.subheader(ui.esc(f"{L.pick(dep.department, dep.department_en)}{L.t('collect.count', n=len(items))}"))
    documents = sorted({L.pick(r.department.document, r.department.document_en) for r in items} - {""})
    if documents:
        st.caption(ui.esc(L.t("collect.usually", documents=L.join(documents))))
    head = [L.t(f"collect.col.{k}") for k in ("goal", "indicator", "area", "year", "unit", "also")]
    rows = []
    for r in items:
        also = L.join(L.pick(f"{s.department}（{s.document}）", f"{s.department_en} ({s.document_en})")
                      for s in r.sources[1:])
        rows.append([ui.a(ui.PAGE_GOAL, L.pick(r.goal.name, r.goal.name_en), L.lang, goal=r.goal.id),
                     ui.h(L.pick(r.indicator.name, r.indicator.name_en)), ui.h(S.area_name(r.area, L.lang)),
                     ui.h(r.year), ui.h(L.t(f"collect.measure.{r.measure}", unit=L.unit(r.unit) or "—")), ui.h(also or "—")])
    ui.html(ui.html_table(head, rows, L.colon, cls="pt-collect"))
    st.download_button(L.t("collect.download", department=L.pick(dep.department, dep.department_en)),
                       data=lambda: _workbook(fingerprint(state.data_root(), default_sources_dir()),
                                              S.dataset.plan.id if S.dataset.plan else None, dep.department),
                       file_name=file_name(index, items),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"collect_{index}")


lang = ui.lang()
S = ui.plan_state(state.get())
L = S.locale(lang)
ui.plan_switcher(S, lang)
st.title(L.t("collect.page"))
wanted = requests(S.dataset, S.judge)
groups = by_department(wanted)
st.markdown(ui.esc(L.t("collect.intro", goals=len(wanted), departments=len(groups))))
for k, items in enumerate(groups.values(), start=1):
    section_department(L, S, k, items)
