"""Plan coherence: where the plan sets a level and a pace for one quantity, do they agree?"""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import coherence_figure
from dashboard.present.i18n import t
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

PER_PAGE = 20  # findings drawn at a time (a country's plans have thousands)

lang = ui.lang()
S = state.get()

st.title(t("ui.page.coherence", lang))
st.caption(t("ui.coh.intro", lang))

if not S.findings:
    st.info(t("ui.coh.none", lang))
    st.stop()

first, shown = ui.page_of(S.findings, PER_PAGE, "coherence_page", lang)
ui.show_chart(ui.figure(S, ("coherence", lang, first), lambda: coherence_figure(shown, S.locale(lang))), "coherence",
              "coherence", lang)

for f in shown:
    with st.container(border=True):
        st.markdown(f"**{ui.esc(t(f'ui.coherence.{f.verdict}', lang))}**")
        st.markdown(ui.esc(S.locale(lang).reason(f.reason)))
        if f.caveat is not None:
            st.caption(ui.esc(S.locale(lang).reason(f.caveat)))
        for goal in (f.pace_goal, f.level_goal, f.other_goal):
            if goal is not None and goal.id in S.by_id:
                ui.goal_link(S.by_id[goal.id], lang)
