"""Plan coherence: where the plan sets a level and a pace for one quantity, do they agree?"""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import coherence_figure
from dashboard.present.views.coherence import CoherenceView, coherence_view
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

PER_PAGE = 20  # findings drawn at a time (a country's plans have thousands)

lang = ui.lang()
S = ui.plan_state(state.get())
L = S.locale(lang)
view: CoherenceView = S.cached(("coherence_view", lang), lambda: coherence_view(S.judge, L, S.findings))
ui.plan_switcher(S, lang)

st.markdown(f"# {ui.esc(view.title)}\n\n{ui.muted(view.intro)}")

if view.none:
    st.info(ui.esc(view.none))
    st.stop()

first, shown = ui.page_of(list(range(len(view.findings))), PER_PAGE, "coherence_page", lang)
findings = [S.findings[k] for k in shown]
ui.show_chart(ui.figure(S, ("coherence", lang, first), lambda: coherence_figure(findings, L)))

for k in shown:
    f = view.findings[k]
    with st.container(border=True):
        st.markdown(ui.lines(f"**{ui.esc(f.verdict)}**", ui.esc(f.message), ui.muted(f.caveat) if f.caveat else ""))
        for link in f.links:
            ui.goal_link(S.by_id[link.goal_id], lang, link.label)
