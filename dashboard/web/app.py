"""The dashboard: `python -m dashboard serve` (production settings) or `streamlit run dashboard/web/app.py`.

Pages live in dashboard/views/, what they share in dashboard/ui/. (Not dashboard/pages/: a folder of that
name beside the main script switches Streamlit to its old multipage mode, which runs a page file without
this script, so without the language switch and the data-problems notice.) The data folder is
$PLAN_TRACKER_DATA (default: the project), the source documents $PLAN_TRACKER_SOURCES (default: ../shared/sources).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[2]
if str(_PROJECT) not in sys.path:  # `streamlit run` puts only this folder on the path
    sys.path.insert(0, str(_PROJECT))

import streamlit as st  # noqa: E402

from dashboard.present.i18n import t  # noqa: E402
from dashboard.web.serve import EDITOR_ENV  # noqa: E402
from dashboard.web.ui import common, state  # noqa: E402

lang = common.setup_lang()
st.set_page_config(page_title=t("ui.app.short", lang), layout="centered")

pages = {
    "overview": st.Page(common.PAGE_OVERVIEW, title=t("ui.page.overview", lang), url_path="overview", default=True),
    "table": st.Page(common.PAGE_TABLE, title=t("ui.page.table", lang), url_path="goals"),
    "goal": st.Page(common.PAGE_GOAL, title=t("ui.page.goal", lang), url_path="goal"),
    "documents": st.Page(common.PAGE_DOCUMENTS, title=t("ui.page.documents", lang), url_path="documents"),
    "coherence": st.Page(common.PAGE_COHERENCE, title=t("ui.page.coherence", lang), url_path="coherence"),
}
if os.environ.get(EDITOR_ENV) == "1":  # serve --editor only: never in the public dashboard
    pages["editor"] = st.Page("views/editor.py", title=common.locale(lang).t("editor.page"), url_path="editor")
page = st.navigation(list(pages.values()))

# A shared link to the bare address with ?goal=<id> opens that goal.
if page.url_path == pages["overview"].url_path and st.query_params.get("goal"):
    st.switch_page(pages["goal"], query_params=common.params(lang, goal=st.query_params["goal"]))

common.problems_sidebar(state.get(), lang)
page.run()
