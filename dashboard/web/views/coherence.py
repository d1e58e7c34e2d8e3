"""Plan coherence: where the plan sets a level and a pace for one quantity, do they agree?"""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import coherence_figure
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

PER_PAGE = 20  # findings drawn at a time (a country's plans have thousands)

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
consistent_within = S.dataset.assessment.consistent_within

st.markdown(f"# {ui.esc(t('ui.page.coherence'))}\n\n{ui.muted(t('ui.coh.intro', within=L.pct(consistent_within)))}")

if not S.findings:
    st.info(t("ui.coh.none"))
    st.stop()

first, shown = ui.page_of(S.findings, PER_PAGE, "coherence_page", lang)
ui.show_chart(ui.figure(S, ("coherence", lang, first), lambda: coherence_figure(shown, L)))

for f in shown:
    with st.container(border=True):
        caveat = L.reason(f.caveat) if f.caveat is not None else ""
        st.markdown(ui.lines(f"**{ui.esc(t(f'ui.coherence.{f.verdict}'))}**", ui.esc(L.reason(f.reason)),
                             ui.muted(caveat) if caveat else ""))
        for goal in (f.pace_goal, f.level_goal, f.other_goal):
            if goal is not None and goal.id in S.by_id:
                ui.goal_link(S.by_id[goal.id], lang)
