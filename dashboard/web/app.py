"""The dashboard: `python -m dashboard serve` (production settings) or `streamlit run dashboard/web/app.py`.

Pages live in dashboard/web/views/, what they share in dashboard/web/ui/. (Not a folder named pages/: beside
the main script it switches Streamlit to its old multipage mode, which runs a page file without this script,
so without the language switch and the data-problems notice.) The data folder is $PLAN_TRACKER_DATA (default:
the project), the source documents $PLAN_TRACKER_SOURCES (default: ../shared/sources).

Navigation is at the top and the language switch is a link beside it: nothing in a sidebar, so nothing covers
a phone's screen after a choice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[2]
if str(_PROJECT) not in sys.path:  # `streamlit run` puts only this folder on the path
    sys.path.insert(0, str(_PROJECT))

import streamlit as st  # noqa: E402

from dashboard.web.serve import EDITOR_ENV  # noqa: E402
from dashboard.web.ui import common, state, style  # noqa: E402

lang = common.lang_from_address()
S = state.get()
L = S.locale(lang)

pages = {
    "overview": st.Page(common.PAGE_OVERVIEW, title=L.t("ui.page.overview"), url_path="overview", default=True),
    "table": st.Page(common.PAGE_TABLE, title=L.t("ui.page.table"), url_path="goals"),
    "goal": st.Page(common.PAGE_GOAL, title=L.t("ui.page.goal"), url_path="goal"),
    "documents": st.Page(common.PAGE_DOCUMENTS, title=L.t("ui.page.documents"), url_path="documents"),
    "coherence": st.Page(common.PAGE_COHERENCE, title=L.t("ui.page.coherence"), url_path="coherence"),
    "methodology": st.Page(common.PAGE_METHODOLOGY, title=L.t("ui.page.methodology"), url_path="methodology"),
    "indicator": st.Page(common.PAGE_INDICATOR, title=L.t("indicator.page"), url_path="indicator"),
    "collect": st.Page(common.PAGE_COLLECT, title=L.t("collect.page"), url_path="collect"),
}
if os.environ.get(EDITOR_ENV) == "1":  # serve --editor only: never in the public dashboard
    pages["editor"] = st.Page("views/editor.py", title=L.t("editor.page"), url_path="editor")
else:  # the address answers in the visitor's language, unlisted
    pages["editor"] = st.Page("views/editor_closed.py", title=L.t("editor.page"), url_path="editor", visibility="hidden")
page = st.navigation(list(pages.values()), position="top")
# The goal table is wide on a desk; every other page reads best in a column.
st.set_page_config(page_title=f"{page.title} · {L.t('ui.app.short')}", initial_sidebar_state="collapsed",
                   layout="wide" if page.url_path == pages["table"].url_path else "centered")

# A shared link to the bare address with ?goal=<id> opens that goal.
if page.url_path == pages["overview"].url_path and st.query_params.get("goal"):
    st.switch_page(pages["goal"], query_params=common.params(lang, goal=st.query_params["goal"]))

style.inject()
common.language_switch(page, lang)
common.problems_notice(S, lang)
page.run()
