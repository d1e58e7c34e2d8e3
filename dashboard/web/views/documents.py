"""Source documents: the plan and each later document by title and date, with its publisher, area, years and the
goals its figures touch."""

from __future__ import annotations

import streamlit as st

from dashboard.web.ui import common as ui
from dashboard.web.ui import state

LINKS_SHOWN = 20  # goals linked per document; the rest are counted (the goal table finds them)
DOCS_PER_PAGE = 20  # a collection of hundreds of documents is shown a page at a time

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
plan = S.dataset.plan

st.markdown(f"# {ui.esc(t('ui.page.documents'))}\n\n{ui.muted(t('ui.docs.intro'))}")

if plan is not None:
    with st.container(border=True):
        st.markdown(ui.lines(
            f"**{ui.esc(t('ui.docs.plan', name=L.plan_name()))}**",
            ui.esc(t("ui.docs.area", area=L.area(plan.area), years=L.years(*plan.period))),
            ui.esc(t("ui.docs.plan_goals", first=plan.period[0], last=plan.period[1], base=plan.base_year,
                     n=len(S.summaries)))))

touched = S.touched()  # document → goal id → (used, set aside), the engine's own grading
figures = S.figures_per_document()

_, documents = ui.page_of(list(S.dataset.documents), DOCS_PER_PAGE, "docs_page", lang)

for doc in documents:
    with st.container(border=True):
        basis = t(f"ui.docs.published.{doc.published_basis}")
        note = L.pick(doc.published_note, doc.published_note_en)
        st.markdown(ui.lines(
            f"**{ui.esc(L.document_title(doc))}**",
            ui.esc(t("ui.docs.publisher", publisher=L.publisher(doc))),
            ui.esc(t("ui.docs.published", date=doc.published.isoformat(), basis=basis)),
            ui.esc(t("ui.docs.area", area=L.area(doc.area), years=L.years(*doc.years))),
            ui.muted(note) if note else ""))
        if S.relation(doc.area) == "other":
            st.warning(ui.esc(t("ui.docs.unrelated", area=L.area(doc.area), plan_area=S.goal_areas_name(lang))))
        n = figures.get(doc.id, 0)
        goals = touched.get(doc.id, {})
        if goals:
            st.markdown(ui.esc(t("ui.docs.figures", n=n)))
            for goal_id, (used, aside) in list(goals.items())[:LINKS_SHOWN]:
                s = S.by_id[goal_id]
                ui.goal_link(s, lang, t("ui.docs.touch", name=L.goal_name(s.goal), used=used, aside=aside))
            if len(goals) > LINKS_SHOWN:
                st.caption(t("ui.docs.more_goals", n=len(goals) - LINKS_SHOWN))
        else:
            st.caption(t("ui.docs.no_goals", n=n))
