"""Source documents: the documents view (present/views/documents.py), shown a page at a time, with each
document's text read from the sources folder on request (by the document record's file name only, read-only)."""

from __future__ import annotations

import streamlit as st

from dashboard.present.views.documents import DocumentsView, documents_view
from dashboard.records.model import Document
from dashboard.records.sources import SourceLibrary, default_sources_dir
from dashboard.web.ui import common as ui
from dashboard.web.ui import state

DOCS_PER_PAGE = 20  # a collection of hundreds of documents is shown a page at a time
TEXT_HEIGHT = 420  # the source text scrolls in a box of its own

lang = ui.lang()
S = ui.plan_state(state.get())
L = S.locale(lang)
t = L.t
view: DocumentsView = S.cached(("documents_view", lang), lambda: documents_view(S.judge, L, data=S.dataset))
records: dict[str, Document] = {d.id: d for d in S.dataset.documents}
plan = S.dataset.plan

ui.plan_switcher(S, lang)
st.markdown(f"# {ui.esc(view.title)}\n\n{ui.muted(view.intro)}")


def source_text(file: str, key: str) -> None:
    """The document's own text, only when asked for (a plan is 100 KB)."""
    if not st.toggle(t("ui.docs.source_text"), key=key, help=t("ui.docs.source_text.help")):
        return
    library = SourceLibrary(default_sources_dir())
    if not library.has(file):
        st.caption(t("ui.docs.source_text.missing"))
        return
    with st.container(height=TEXT_HEIGHT):
        st.text(library.text(file))


if view.plan is not None and plan is not None:
    with st.container(border=True):
        st.markdown(ui.lines(f"**{ui.esc(view.plan.heading)}**", *(ui.esc(x) for x in view.plan.lines)))
        if plan.source:
            source_text(plan.source, f"text-plan-{lang}")

_, items = ui.page_of(list(view.documents), DOCS_PER_PAGE, "docs_page", lang)

for doc in items:
    with st.container(border=True):
        st.markdown(f"**{ui.esc(doc.title)}**")
        if doc.original:  # the Chinese title on an English page, marked as Chinese (a quote, not a slip)
            ui.html(f'<p class="pt-muted">{ui.h(doc.original_label)}{ui.h(L.colon)}'
                    f'<span lang="zh-Hans">{ui.h(doc.original)}</span></p>')
        st.markdown(ui.lines(*(ui.esc(x) for x in doc.lines), ui.muted(doc.note) if doc.note else ""))
        if doc.url:
            st.link_button(doc.url_label, doc.url)
        if doc.unrelated:
            st.warning(ui.esc(doc.unrelated))
        if doc.links:
            st.markdown(ui.esc(doc.figures))
            for link in doc.links:
                ui.goal_link(S.by_id[link.goal_id], lang, link.label)
            if doc.more:
                st.caption(ui.esc(doc.more))
        else:
            st.caption(ui.esc(doc.figures))
        source_text(records[doc.id].file, f"text-{doc.id}-{lang}")
