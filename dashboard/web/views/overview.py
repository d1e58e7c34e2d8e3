"""Overview: the answer first (how many goals can be judged, on what), verdicts by group (the chart first), counts direct and proxy apart, headline goals, every goal at a
glance by group, what the data can and cannot say, the briefing pack."""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import overview_figure
from dashboard.present.loadreport import quotes_line
from dashboard.present.views.overview import overview_view
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = ui.plan_state(state.get())
L = S.locale(lang)
t = L.t
plan = S.dataset.plan
#: Up to this many goals the overview lists every one by group; a larger collection lists its groups' counts,
#: each linked to the goal table filtered to that group.
GLANCE_MAX = 400

v = S.cached(("overview_view", lang), lambda: overview_view(S.judge, S.summaries, S.account, L, plan))

ui.plan_switcher(S, lang)

# ---- heading and the answer first, then the chart: few elements before it, so it is drawn sooner -----------
st.markdown(f"# {ui.esc(v.heading)}\n\n" + ui.lines(f"**{ui.esc(v.answer)}**" if v.answer else "", ui.esc(v.intro)))
if plan is None:
    st.warning(t("ui.problems.no_plan"))
if S.summaries:
    st.markdown(f"## {ui.esc(v.status_heading)}")
    ui.show_chart(ui.figure(S, ("overview", lang), lambda: overview_figure(S.summaries, L)))


# ---- counts: each status, direct and proxy apart ---------------------------------------------------------
def counts_table() -> str:
    rows = [[ui.status_html(c.badge.status, L), *("—" if n is None else str(n) for n in (c.direct, c.proxy)),
             str(c.total)] for c in v.counts]
    rows.append([ui.h(v.counts_head[-1]), *(str(x) for x in v.totals)])
    return ui.html_table(list(v.counts_head), rows, L.colon, cls="pt-keep pt-counts", numeric=(1, 2, 3))


ui.html(S.cached(("overview_counts", lang), counts_table))

# ---- headline goals --------------------------------------------------------------------------------------
if v.cards:
    st.markdown(f"## {ui.esc(v.cards_heading)}")
for i, c in enumerate(v.cards):
    if i % 2 == 0:  # a row of two per pair, so a phone (one column) keeps the order
        columns = st.columns(2)
    with columns[i % 2].container(border=True):  # one Markdown block and a link: few elements, quick to draw
        goal = S.by_id[c.id].goal
        st.markdown(ui.lines(f"**{ui.esc(c.name)}**", ui.status_md(c.badge.status, L, c.badge.basis, c.badge.word),
                             ui.target_md(goal, L, "ui.overview.card.target"), ui.esc(c.latest)))
        ui.goal_link(S.account(c.id), lang, t("ui.overview.card.open"))


# ---- every goal at a glance, by group ----------------------------------------------------------------------
def glance() -> str:
    blocks = []
    for g in v.glance:
        head = f'<section class="pt-group"><h3>{ui.h(g.group)}</h3>'
        if len(S.summaries) > GLANCE_MAX:
            blocks.append(head + "<p>" + ui.a("goals", g.count, lang, group=g.code, **ui.plan_params(S))
                          + "</p></section>")
            continue
        parts = [head]
        if g.judged:
            parts.append("<ul>" + "".join(f"<li>{ui.status_html(b.status, L, b.basis, b.word)} "
                                          f"{ui.a('goal', name, lang, goal=goal_id)}</li>"
                                          for b, name, goal_id in g.judged) + "</ul>")
        if g.none:
            links = ui.h(L.list_sep).join(ui.a("goal", name, lang, goal=goal_id) for name, goal_id in g.none)
            parts.append(f"<p>{ui.status_html('no_comparable_data', L)} {links}</p>")
        blocks.append("".join(parts) + "</section>")
    return f'<div class="pt-groups">{"".join(blocks)}</div>'


if S.summaries:
    st.markdown(f"## {ui.esc(v.glance_heading)}\n\n{ui.muted(v.glance_intro)}")
    ui.html(S.cached(("overview_glance", lang), glance))

# ---- the goals no figure decides: why, and what would decide them -------------------------------------------
if v.none_heading and v.none_text:
    st.markdown(f"## {ui.esc(v.none_heading)}\n\n{ui.esc(v.none_text)}")
    st.page_link(ui.PAGE_COLLECT, label=v.none_link, query_params=ui.params(lang, **ui.plan_params(S)))

# ---- what the data can and cannot say (every number below is counted from the data) -----------------
st.markdown(f"## {ui.esc(v.scope_heading)}\n\n" + "\n\n".join(ui.esc(x) for x in v.scope))
st.page_link(ui.PAGE_METHODOLOGY, label=v.method_link, query_params=ui.params(lang))
st.caption(ui.esc(quotes_line(S.report, L, public=True)))  # never "verified" for a file that could not be read
ui.problems_panel(S, lang)

# ---- briefing pack: one click, made on the click -------------------------------------------------------
downloads.pack_download(S, lang)

# ---- the evaluation report (Word), made on the click ------------------------------------------------------
downloads.report_download(S, lang)
