"""Goal table: every goal, filterable by group, status and basis, searchable, sorted by meaning, each linked to its
page. Filters, search and order live in the address (?group=…&status=…&basis=…&q=…&sort=…), so a filtered view
can be shared. The table is plain HTML: a fixed layout on a desk, one card per goal on a phone, real links."""

from __future__ import annotations

import streamlit as st

from dashboard.present.views.table import SORTS, TableRow, TableView, sort_key, table_view
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
S = ui.plan_state(state.get())
L = S.locale(lang)
t = L.t
PER_PAGE = 100  # rows drawn at a time (a large collection is paged)
#: Up to this many goals the table gives each goal's reason, which takes each goal's full account on the first
#: visit; beyond, the reason is on each goal's page.
REASONS_UP_TO = 10_000
#: filter → (widget key, address parameter, is a list)
FILTERS = {"group": ("filter_group", True), "status": ("filter_status", True), "basis": ("filter_basis", True),
           "q": ("filter_search", False), "sort": ("table_sort", False)}


def view() -> TableView:
    """The table in this language (columns, filters, orders, rows), built once per data change and language."""
    def make() -> TableView:
        reasons = len(S.summaries) <= REASONS_UP_TO
        return table_view(S.summaries, lambda s: (s.comparable, s.evidence),
                          lambda s: L.reason(S.account(s.goal.id).reason) if reasons else t("ui.table.reason_on_page"),
                          L)
    return S.cached(("table", lang), make)


def cells(r: TableRow) -> list[str]:
    return [ui.a("goal", r.name, lang, goal=r.id), ui.status_html(r.badge.status, L, r.badge.basis, r.badge.word),
            ui.target_html(S.by_id[r.id].goal, L), ui.h(r.year), ui.h(r.group), ui.h(r.figures), ui.h(r.reason)]


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


ui.plan_switcher(S, lang)
v = view()
st.markdown(f"# {ui.esc(v.title)}\n\n{ui.muted(v.intro)}")
options = {f.name: dict(f.options) for f in v.filters}
sort_labels = dict(v.sorts)
for name in ("group", "status", "basis"):  # a stale or mistyped address keeps only what exists
    key = FILTERS[name][0]
    st.session_state[key] = [x for x in st.session_state.get(key, []) if x in options[name]]

columns = st.columns(3)
for column, f in zip(columns, v.filters, strict=True):
    column.multiselect(f.label, list(options[f.name]), format_func=options[f.name].__getitem__,
                       placeholder=t("ui.table.filter.all"), key=FILTERS[f.name][0], on_change=to_address)
c4, c5 = st.columns([2, 1])
query = c4.text_input(t("ui.table.search"), placeholder=t("ui.table.search_placeholder"), key="filter_search",
                      on_change=to_address).strip().casefold()
sort = c5.selectbox(t("ui.table.sort"), list(sort_labels), format_func=sort_labels.__getitem__, key="table_sort",
                    on_change=to_address)

groups, statuses, bases = (set(st.session_state[FILTERS[n][0]]) for n in ("group", "status", "basis"))
shown = sorted((r for r in v.rows if (not groups or r.group_code in groups)
                and (not statuses or r.badge.status in statuses) and (not bases or r.basis_code in bases)
                and (not query or query in r.search)), key=sort_key(sort))

st.caption(t("ui.table.count", n=len(shown), total=len(v.rows)))
if not shown:
    st.info(t("ui.table.empty"))
else:
    _page_no, page = ui.page_of(shown, PER_PAGE, "table_page", lang)
    ui.html(ui.html_table(list(v.columns), (cells(r) for r in page), L.colon, cls="pt-goals"))
