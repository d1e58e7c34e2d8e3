"""Goal table: every goal, filterable by group, status and basis, searchable, sorted by meaning, each linked to its
page. Filters, search and order live in the address (?group=…&status=…&basis=…&q=…&sort=…), so a filtered view
can be shared. The table is plain HTML: a fixed layout on a desk, one card per goal on a phone, real links."""

from __future__ import annotations

import streamlit as st

from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import group_order
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
BASES = ("direct", "proxy", "none")
SORTS = ("concern", "group", "name", "year")
PER_PAGE = 100  # rows drawn at a time (a large collection is paged)
#: Up to this many goals the table gives each goal's reason, which takes each goal's full account on the first
#: visit; beyond, the reason is on each goal's page.
REASONS_UP_TO = 10_000
#: filter → (widget key, address parameter, is a list)
FILTERS = {"group": ("filter_group", True), "status": ("filter_status", True), "basis": ("filter_basis", True),
           "q": ("filter_search", False), "sort": ("table_sort", False)}


def rows() -> list[dict]:
    """Every goal's row in this language, built once per data change and language."""
    def make() -> list[dict]:
        reasons = len(S.summaries) <= REASONS_UP_TO
        return [{
            "id": s.goal.id, "search": " ".join((s.goal.id, s.goal.name, s.goal.name_en)).casefold(),
            "group": s.goal.group, "status": s.status, "basis": s.basis or "none",
            "name": L.goal_name(s.goal), "group_name": L.group(s.goal.group), "year": s.goal.target_year,
            "concern": ui.concern_key(s.status, s.basis), "order": k,
            "cells": [ui.a("goal", L.goal_name(s.goal), lang, goal=s.goal.id), ui.status_html(s.status, L, s.basis, L.goal_status(s)),
                      ui.target_html(s.goal, L), ui.h(s.goal.target_year), ui.h(L.group(s.goal.group)),
                      ui.h(f"{s.comparable}/{s.evidence}"),
                      ui.h(L.reason(S.account(s.goal.id).reason) if reasons else t("ui.table.reason_on_page"))],
        } for k, s in enumerate(S.summaries)]
    return S.cached(("table", lang), make)


# ---- the address → the widgets (on the first run, and whenever the address changed under them) --------------
def from_address(name: str):
    raw = st.query_params.get(name, "")
    if FILTERS[name][1]:
        return [x for x in raw.split(",") if x]
    return raw


for name, (key, _) in FILTERS.items():
    value = from_address(name)
    if st.session_state.get(f"_addr_{name}") != value:
        st.session_state[key] = value if name != "sort" else (value if value in SORTS else "concern")
        st.session_state[f"_addr_{name}"] = value


def to_address() -> None:
    """The widgets → the address (language kept)."""
    for name, (key, is_list) in FILTERS.items():
        value = st.session_state.get(key)
        text = ",".join(value or []) if is_list else (value or "").strip()
        if name == "sort" and text == "concern":
            text = ""
        if text:
            st.query_params[name] = text
        elif name in st.query_params:
            del st.query_params[name]
        st.session_state[f"_addr_{name}"] = value if is_list else text


st.markdown(f"# {ui.esc(t('ui.page.table'))}\n\n{ui.muted(t('ui.table.intro'))}")

data = rows()
present = {r["group"] for r in data}
known = {"group": set(present), "status": set(STATUS_CONCERN), "basis": set(BASES)}
for name in ("group", "status", "basis"):  # a stale or mistyped address keeps only what exists
    key = FILTERS[name][0]
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v in known[name]]

c1, c2, c3 = st.columns(3)
c1.multiselect(t("ui.table.filter.group"), group_order(L, present), format_func=L.group,
               placeholder=t("ui.table.filter.all"), key="filter_group", on_change=to_address)
c2.multiselect(t("ui.table.filter.status"), STATUS_CONCERN, format_func=lambda s: t(f"status.{s}"),
               placeholder=t("ui.table.filter.all"), key="filter_status", on_change=to_address)
c3.multiselect(t("ui.table.filter.basis"), BASES, format_func=lambda b: L.basis(None if b == "none" else b),
               placeholder=t("ui.table.filter.all"), key="filter_basis", on_change=to_address)
c4, c5 = st.columns([2, 1])
query = c4.text_input(t("ui.table.search"), placeholder=t("ui.table.search_placeholder"), key="filter_search",
                      on_change=to_address).strip().casefold()
sort = c5.selectbox(t("ui.table.sort"), SORTS, format_func=lambda k: t(f"ui.table.sort.{k}"), key="table_sort",
                    on_change=to_address)

groups, statuses, bases = (set(st.session_state[FILTERS[n][0]]) for n in ("group", "status", "basis"))
shown = [r for r in data if (not groups or r["group"] in groups) and (not statuses or r["status"] in statuses)
         and (not bases or r["basis"] in bases) and (not query or query in r["search"])]
group_rank = {g: k for k, g in enumerate(group_order(L, present))}
order = {"concern": lambda r: (r["concern"], r["order"]), "group": lambda r: (group_rank[r["group"]], r["order"]),
         "name": lambda r: r["name"], "year": lambda r: (r["year"], r["concern"], r["order"])}[sort]
shown.sort(key=order)

st.caption(t("ui.table.count", n=len(shown), total=len(data)))
if not shown:
    st.info(t("ui.table.empty"))
else:
    _page_no, page = ui.page_of(shown, PER_PAGE, "table_page", lang)
    head = [t(f"ui.table.col.{k}") for k in ("name", "status", "target", "year", "group", "evidence", "reason")]
    ui.html(ui.html_table(head, (r["cells"] for r in page), L.colon, cls="pt-goals"))
