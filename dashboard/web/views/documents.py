"""Source documents: the plan and each later document, with dates, areas, years and the goals they touch."""

from __future__ import annotations

import streamlit as st

from dashboard.present.i18n import fmt_years, t
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

LINKS_SHOWN = 20  # goals linked per document; the rest are counted (the goal table finds them)
DOCS_PER_PAGE = 20  # a collection of hundreds of documents is shown a page at a time

lang = ui.lang()
S = state.get()
plan = S.dataset.plan

st.title(t("ui.page.documents", lang))
st.caption(t("ui.docs.intro", lang))

if plan is not None:
    with st.container(border=True):
        st.markdown(f"**{ui.esc(t('ui.docs.plan', lang))}：{ui.esc(plan.name if lang == 'zh' else plan.name_en)}**"
                    if lang == "zh" else
                    f"**{ui.esc(t('ui.docs.plan', lang))}: {ui.esc(plan.name_en)}**")
        st.caption(ui.esc(t("ui.docs.area", lang, area=S.area_name(plan.area, lang),
                            years=fmt_years(*plan.period))) + "  \n"
                   + ui.esc(t("ui.docs.file", lang, file=plan.source)))
        st.markdown(ui.esc(t("ui.docs.plan_goals", lang, first=plan.period[0], last=plan.period[1],
                             base=plan.base_year, n=len(S.summaries))))

touched = S.touched()  # document → goal id → (used, set aside), the engine's own grading
figures = S.figures_per_document()

_, documents = ui.page_of(S.dataset.documents, DOCS_PER_PAGE, "docs_page", lang)

for doc in documents:
    with st.container(border=True):
        st.markdown(f"**{ui.esc(doc.title if lang == 'zh' else doc.title_en)}**")
        if lang == "en":
            st.caption(ui.esc(doc.title))
        basis = t(f"ui.docs.published.{doc.published_basis}", lang)
        lines = [t("ui.docs.publisher", lang, publisher=doc.publisher),
                 t("ui.docs.published", lang, date=doc.published.isoformat(), basis=basis),
                 t("ui.docs.area", lang, area=S.area_name(doc.area, lang), years=fmt_years(*doc.years)),
                 t("ui.docs.file", lang, file=doc.file)]
        st.markdown("  \n".join(ui.esc(x) for x in lines))
        if doc.published_note:
            st.caption(ui.esc(doc.published_note))
        if S.relation(doc.area) == "other":
            st.warning(ui.esc(t("ui.docs.unrelated", lang, area=S.area_name(doc.area, lang), plan_area=S.goal_areas_name(lang))))
        n = figures.get(doc.id, 0)
        goals = touched.get(doc.id, {})
        if goals:
            st.markdown(ui.esc(t("ui.docs.figures", lang, n=n)))
            for goal_id, (used, aside) in list(goals.items())[:LINKS_SHOWN]:
                a = S.by_id[goal_id]
                ui.goal_link(a, lang, t("ui.docs.touch", lang, name=ui.name(a, lang), used=used, aside=aside))
            if len(goals) > LINKS_SHOWN:
                st.caption(t("ui.docs.more_goals", lang, n=len(goals) - LINKS_SHOWN))
        else:
            st.caption(t("ui.docs.no_goals", lang, n=n))
