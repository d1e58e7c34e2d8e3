"""How goals are judged: the rules, what proxies can and cannot say, what each status means. The same rules as the
README's "How goals are judged"; each rule is one catalogue entry (`method.rule.<name>`), its numbers from the
plan's configuration."""

from __future__ import annotations

import streamlit as st

from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.views.methodology import rule_numbers, rules
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
numbers = rule_numbers(L, S.dataset.assessment, S.goal_areas_name(lang))

st.markdown(f"# {ui.esc(t('ui.page.methodology'))}\n\n{ui.esc(t('method.intro'))}")

st.markdown(f"## {ui.esc(t('method.section.rules'))}\n\n" + "\n".join(
    f"{k}. **{ui.esc(title)}** {ui.esc(text)}"
    for k, (title, text) in enumerate(rules(L, S.dataset.assessment, S.goal_areas_name(lang)), start=1)))

st.markdown(f"## {ui.esc(t('method.section.proxy'))}\n\n"
            f"- {ui.esc(t('method.proxy.can', **numbers))}\n- {ui.esc(t('method.proxy.cannot', **numbers))}")

st.markdown(f"## {ui.esc(t('method.section.statuses'))}")
ui.html("<ul>" + "".join(f"<li>{ui.status_html(s, L)} {ui.h(t(f'method.status.{s}'))}</li>" for s in STATUS_CONCERN)
        + f"<li>{ui.status_html('on_track', L, 'proxy')} {ui.h(t('method.status.proxy'))}</li></ul>")

st.markdown(f"## {ui.esc(t('method.section.sources'))}\n\n{ui.esc(t('method.sources'))}")
st.page_link(ui.PAGE_DOCUMENTS, label=t("ui.page.documents"), query_params=ui.params(lang))
st.page_link(ui.PAGE_COHERENCE, label=t("ui.page.coherence"), query_params=ui.params(lang))
