"""One indicator across plans at ?indicator=<id>: every plan's targets for it (each plan's path in its own period)
and every figure of it on one time axis, then each plan's goals with their statuses. Reached from each goal page."""

from __future__ import annotations

import streamlit as st

from dashboard.present.across import figures_of, indicator_figure, plan_goals
from dashboard.present.views.indicator import indicator_view
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
indicators = {i.id: i for i in S.dataset.indicators}
used = sorted({g.indicator for g in S.dataset.goals}, key=lambda i: L.pick(indicators[i].name, indicators[i].name_en)
              if i in indicators else i)


def _changed() -> None:
    chosen = st.session_state.get("indicator_select")
    if chosen:
        st.query_params["indicator"] = chosen


raw = st.query_params.get("indicator") or (used[0] if used else "")
if raw not in indicators:
    st.markdown(f"# {ui.esc(t('indicator.page'))}")
    st.warning(ui.esc(t("indicator.unknown", id=raw)))
    raw = used[0] if used else ""
    if not raw:
        st.stop()
ind = indicators[raw]
name = L.pick(ind.name, ind.name_en)
st.markdown(f"# {ui.esc(t('indicator.title', name=name))}\n\n{ui.muted(t('indicator.intro'))}")
if st.session_state.get("indicator_select") != raw:
    st.session_state["indicator_select"] = raw
st.selectbox(t("indicator.choose"), used, key="indicator_select", on_change=_changed,
             format_func=lambda i: L.pick(indicators[i].name, indicators[i].name_en) if i in indicators else i)

goals = S.cached(("indicator_goals", raw), lambda: plan_goals(
    S.dataset, {g.id: S.account(g.id) for g in S.dataset.goals if g.indicator == raw}, raw))
figures = figures_of(S.dataset, raw)
ui.show_chart(ui.figure(S, ("indicator", raw, lang), lambda: indicator_figure(S.dataset, goals, figures, L)))

v = indicator_view(ind, goals, len(figures), L)
st.caption(ui.esc(v.figures))

st.markdown(f"## {ui.esc(v.goals_heading)}")
if v.no_goals:
    st.info(ui.esc(v.no_goals))
else:
    rows = [[ui.h(r.plan), ui.a("goal", r.name, lang, goal=r.goal_id), ui.target_html(S.by_id[r.goal_id].goal, L),
             ui.h(r.year), ui.status_html(r.badge.status, L, r.badge.basis, r.badge.word), ui.h(r.area)]
            for r in v.goals]
    ui.html(ui.html_table(list(v.head), rows, L.colon, cls="pt-goals"))
