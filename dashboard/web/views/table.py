"""Goal table: every goal, filterable by group, status and basis, searchable, sortable, linked to its page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.judge.codes import STATUSES
from dashboard.present.charts import STATUS_COLOURS, group_order
from dashboard.present.i18n import t
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

st.set_page_config(layout="wide")
lang = ui.lang()
S = state.get()
L = S.locale(lang)
BASES = ("direct", "proxy", "none")
#: Status labels as the table shows them: a status from a proxy reads as a proxy status.
LABELS = [(s, b) for s in STATUSES for b in ("direct", "proxy", "")]
#: Alpha for the status labels: a light tint of each status colour, so the grid writes the word in black (it picks
#: black only over colours of luminance above 0.5, and white on the full colours is hard to read).
TINT = "73"


#: Up to this many goals the table gives each goal's reason, which takes the per-goal engine over every goal on the
#: first visit (about 0.5 ms a goal: 4 s at 7,500). Beyond, the reason is on each goal's page.
REASONS_UP_TO = 10_000


def rows(code: str) -> pd.DataFrame:
    """The whole table in one language, built once per data change and language: the listed verdicts, and the
    reasons from each goal's full judgement while the collection is not too large for that."""
    def make() -> pd.DataFrame:
        reasons = len(S.summaries) <= REASONS_UP_TO
        return pd.DataFrame([{
            "link": "goal?" + "&".join(f"{k}={v}" for k, v in ui.params(code, goal=s.goal.id).items()),
            "id": s.goal.id, "name": s.goal.name, "name_en": s.goal.name_en, "group_code": s.goal.group,
            "status_code": s.status, "basis_code": s.basis or "none",
            "display_name": ui.name(s, code), "group": S.locale(code).group(s.goal.group),
            "target": S.locale(code).target(s.goal), "year": s.goal.target_year,
            "status": [f"{s.status}:{s.basis or ''}"],
            "basis": ui.basis_word(s.basis, code),
            "figures": f"{s.comparable}/{s.evidence}",
            "reason": (ui.reason(S.account(s.goal.id), code) if reasons
                       else t("ui.table.reason_on_page", code)),
        } for s in S.summaries])
    return S.cached(("table", code), make)


st.title(t("ui.page.table", lang))
st.caption(t("ui.table.intro", lang))

df = rows(lang)
present = set(df["group_code"]) if len(df) else set()
c1, c2, c3 = st.columns(3)
groups = c1.multiselect(t("ui.table.filter.group", lang), group_order(L, present),
                        format_func=L.group, placeholder=t("ui.table.filter.all", lang),
                        key="filter_group")
statuses = c2.multiselect(t("ui.table.filter.status", lang), STATUSES, format_func=lambda s: ui.status_word(s, lang),
                          placeholder=t("ui.table.filter.all", lang), key="filter_status")
bases = c3.multiselect(t("ui.table.filter.basis", lang), BASES, format_func=lambda b: ui.basis_word(
    None if b == "none" else b, lang), placeholder=t("ui.table.filter.all", lang), key="filter_basis")
query = st.text_input(t("ui.table.search", lang), placeholder=t("ui.table.search_placeholder", lang),
                      key="filter_search").strip().casefold()

mask = pd.Series(True, index=df.index)
if groups:
    mask &= df["group_code"].isin(groups)
if statuses:
    mask &= df["status_code"].isin(statuses)
if bases:
    mask &= df["basis_code"].isin(bases)
if query:
    mask &= (df["id"].str.casefold().str.contains(query, regex=False)
             | df["name"].str.casefold().str.contains(query, regex=False)
             | df["name_en"].str.casefold().str.contains(query, regex=False))
shown = df[mask].reset_index(drop=True)
st.caption(t("ui.table.count", lang, n=len(shown), total=len(df)))

# Name and status first: on a phone they are what fits on the screen.
columns = ["display_name", "status", "link", "target", "year", "basis", "group", "id", "figures", "reason"]
col = lambda k: t(f"ui.table.col.{k}", lang)  # noqa: E731
event = st.dataframe(
    shown[columns],
    hide_index=True, key="goal_table", on_select="rerun", selection_mode="single-row",
    height=min(36 + 35 * max(len(shown), 1), 1400),
    column_config={
        "link": st.column_config.LinkColumn(col("link"), display_text=t("ui.table.open", lang), width="small"),
        "display_name": st.column_config.TextColumn(col("name"), width="medium", pinned=True),
        "id": st.column_config.TextColumn(col("id")),
        "group": st.column_config.TextColumn(col("group")),
        "target": st.column_config.TextColumn(col("target")),
        "year": st.column_config.NumberColumn(col("year"), format="%d"),
        # The status as a label on its colour. (A pandas Styler did this before and cost ~0.1 ms a row on every
        # rerun: 0.8 s for 7,500 goals. This column is drawn by the browser from the list and the colours.)
        "status": st.column_config.MultiselectColumn(col("status"), options=[f"{s}:{b}" for s, b in LABELS],
                                                     color=[STATUS_COLOURS[s] + TINT for s, _ in LABELS],
                                                     format_func=lambda v: L.status(*v.split(":"))),
        "basis": st.column_config.TextColumn(col("basis")),
        "figures": st.column_config.TextColumn(col("evidence")),
        "reason": st.column_config.TextColumn(col("reason"), width="large"),
    },
)
if not len(shown):
    st.info(t("ui.table.empty", lang))

selected = event.selection.rows if event is not None and hasattr(event, "selection") else []
if selected and 0 <= selected[0] < len(shown):
    st.switch_page(ui.PAGE_GOAL, query_params=ui.params(lang, goal=shown.loc[selected[0], "id"]))
