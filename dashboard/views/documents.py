"""Source documents: the plan and each later document, with dates, areas, years and the goals they touch."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import fmt_years, t
from dashboard.ui import common as ui
from dashboard.ui import state

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
                             base=plan.base_year, n=len(S.assessments))))

# goal id → (used, set aside) per document, from the assessments (the engine's own grading)
touched: dict[str, dict[str, list[int]]] = {}
for a in S.assessments:
    for e in a.evidence:
        counts = touched.setdefault(e.observation.document, {}).setdefault(a.goal.id, [0, 0])
        counts[0 if e.comparable else 1] += 1

for doc in S.dataset.documents:
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
            st.warning(ui.esc(t("ui.docs.unrelated", lang, area=S.area_name(doc.area, lang),
                                plan_area=S.area_name(S.plan_area or "", lang))))
        n = sum(1 for o in S.dataset.observations if o.document == doc.id)
        goals = touched.get(doc.id, {})
        if goals:
            st.markdown(ui.esc(t("ui.docs.figures", lang, n=n)))
            for goal_id, (used, aside) in goals.items():
                a = S.by_id[goal_id]
                ui.goal_link(a, lang, t("ui.docs.touch", lang, name=ui.name(a, lang), used=used, aside=aside))
        else:
            st.caption(t("ui.docs.no_goals", lang, n=n))
