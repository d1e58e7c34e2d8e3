"""The data-entry address on the public dashboard: it says, in the visitor's language, that nothing is entered
here (Streamlit's own "Page not found" is in English whatever the page's language). Nothing of the editor is
imported: the public app has no upload and no write."""

from __future__ import annotations

import streamlit as st

from dashboard.web.ui import common as ui
from dashboard.web.ui import state

lang = ui.lang()
L = state.get().locale(lang)
st.markdown(f"# {ui.esc(L.t('editor.page'))}")
st.info(ui.esc(L.t("editor.closed")))
st.page_link(ui.PAGE_OVERVIEW, label=L.t("editor.closed.back"), query_params=ui.params(lang))
