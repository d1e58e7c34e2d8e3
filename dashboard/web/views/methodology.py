"""How goals are judged: the rules, what proxies can and cannot say, what each status means. The same rules as the
README's "How goals are judged"; each rule is one catalogue entry (`method.rule.<name>`), its numbers from the
plan's configuration."""

from __future__ import annotations

import streamlit as st

from dashboard.present.views.methodology import methodology_view
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
m = S.cached(("methodology_view", lang), lambda: methodology_view(S.judge, L))

st.markdown(f"# {ui.esc(m.title)}\n\n{ui.esc(m.intro)}")
st.markdown(f"## {ui.esc(m.rules_heading)}\n\n" + "\n".join(
    f"{k}. **{ui.esc(title)}** {ui.esc(text)}" for k, (title, text) in enumerate(m.rules, start=1)))
st.markdown(f"## {ui.esc(m.proxy_heading)}\n\n" + "\n".join(f"- {ui.esc(p)}" for p in m.proxy))
st.markdown(f"## {ui.esc(m.statuses_heading)}")
ui.html("<ul>" + "".join(f"<li>{ui.status_html(b.status, L, b.basis)} {ui.h(text)}</li>" for b, text in m.statuses)
        + "</ul>")
st.markdown(f"## {ui.esc(m.sources_heading)}\n\n{ui.esc(m.sources)}")
st.page_link(ui.PAGE_DOCUMENTS, label=m.sources_links[0], query_params=ui.params(lang))
st.page_link(ui.PAGE_COHERENCE, label=m.sources_links[1], query_params=ui.params(lang))
