"""Overview: verdicts by group (the chart first), counts direct and proxy apart, headline goals, every goal at a
glance by group, what the data can and cannot say, the briefing pack."""

from __future__ import annotations

import streamlit as st

from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import group_order, overview_figure
from dashboard.present.loadreport import quotes_line
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
t = L.t
plan = S.dataset.plan
#: Goals shown as cards: the plan's highlights (plan.yaml), those present in the data.
HEADLINE = plan.highlights if plan is not None else ()
#: Up to this many goals the overview lists every one by group; a larger collection lists its groups' counts,
#: each linked to the goal table filtered to that group.
GLANCE_MAX = 400
observations = S.dataset.observations

# ---- heading, then the chart: few elements before it, so it is drawn sooner -------------------------------
intro = t("ui.overview.intro", plan=L.plan_name(), first=plan.period[0], last=plan.period[1], base=plan.base_year,
          goals=len(S.summaries), docs=len(S.dataset.documents), figures=len(observations)) if plan else ""
st.markdown(f"# {ui.esc(t('ui.app.title', plan=L.plan_short_name()))}\n\n{ui.esc(intro)}")
if plan is None:
    st.warning(t("ui.problems.no_plan"))
if S.summaries:
    st.markdown(f"## {ui.esc(t('ui.overview.status_heading'))}")
    ui.show_chart(ui.figure(S, ("overview", lang), lambda: overview_figure(S.summaries, L)))


# ---- counts: each status, direct and proxy apart ---------------------------------------------------------
def counts_table() -> str:
    head = [t("ui.overview.counts.status"), L.basis("direct"), L.basis("proxy"), t("ui.col.total")]
    rows, totals = [], [0, 0, 0]
    for status in STATUS_CONCERN:
        items = [s for s in S.summaries if s.status == status]
        counts = [sum(s.basis == "direct" for s in items), sum(s.basis == "proxy" for s in items), len(items)]
        totals = [x + y for x, y in zip(totals, counts, strict=True)]
        shown = ["—", "—"] if status == "no_comparable_data" else [str(c) for c in counts[:2]]
        rows.append([ui.status_html(status, L), *shown, str(counts[2])])
    rows.append([ui.h(t("ui.col.total")), *(str(x) for x in totals)])
    return ui.html_table(head, rows, L.colon, cls="pt-keep pt-counts", numeric=(1, 2, 3))


ui.html(S.cached(("overview_counts", lang), counts_table))

# ---- headline goals --------------------------------------------------------------------------------------
cards = [S.account(g) for g in HEADLINE if g in S.by_id]
if cards:
    st.markdown(f"## {ui.esc(t('ui.overview.headline_heading'))}")
for i, a in enumerate(cards):
    if i % 2 == 0:  # a row of two per pair, so a phone (one column) keeps the order
        columns = st.columns(2)
    e = a.deciding
    if e is not None:
        o = e.observation
        latest = t("ui.overview.card.evidence", years=L.years(o.first_year, o.last_year), value=L.observed(o),
                   area=L.area(o.area), basis=L.basis(e.basis))
    else:
        latest = L.reason(a.reason)
    with columns[i % 2].container(border=True):  # one Markdown block and a link: few elements, quick to draw
        st.markdown(ui.lines(
            f"**{ui.esc(L.goal_name(a.goal))}**", ui.status_md(a.status, L, a.basis, L.goal_status(a)),
            ui.target_md(a.goal, L, "ui.overview.card.target"),
            ui.esc(latest)))
        ui.goal_link(a, lang, t("ui.overview.card.open"))


# ---- every goal at a glance, by group ----------------------------------------------------------------------
def glance() -> str:
    by_group: dict[str, list] = {}
    for s in S.summaries:
        by_group.setdefault(s.goal.group, []).append(s)
    blocks = []
    for g in group_order(L, by_group):
        items = sorted(by_group[g], key=lambda s: ui.concern_key(s.status, s.basis))
        if len(S.summaries) > GLANCE_MAX:
            blocks.append(f'<section class="pt-group"><h3>{ui.h(L.group(g))}</h3><p>'
                          + ui.a("goals", t("ui.overview.glance.count", n=len(items)), lang, group=g) + "</p></section>")
            continue
        judged = [s for s in items if s.status != "no_comparable_data"]
        none = [s for s in items if s.status == "no_comparable_data"]
        parts = [f'<section class="pt-group"><h3>{ui.h(L.group(g))}</h3>']
        if judged:
            parts.append("<ul>" + "".join(
                f"<li>{ui.status_html(s.status, L, s.basis, L.goal_status(s))} {ui.a('goal', L.goal_name(s.goal), lang, goal=s.goal.id)}</li>"
                for s in judged) + "</ul>")
        if none:
            links = ui.h(L.list_sep).join(ui.a("goal", L.goal_name(s.goal), lang, goal=s.goal.id) for s in none)
            parts.append(f"<p>{ui.status_html('no_comparable_data', L)} {links}</p>")
        blocks.append("".join(parts) + "</section>")
    return f'<div class="pt-groups">{"".join(blocks)}</div>'


if S.summaries:
    st.markdown(f"## {ui.esc(t('ui.overview.glance_heading'))}\n\n{ui.muted(t('ui.overview.glance_intro'))}")
    ui.html(S.cached(("overview_glance", lang), glance))

# ---- what the data can and cannot say (every number below is counted from the data) -----------------
NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest


def name_list(names: list[str]) -> str:
    shown = L.join(names[:NAMES_SHOWN])
    return shown + (t("ui.overview.scope.more", n=len(names) - NAMES_SHOWN) if len(names) > NAMES_SHOWN else "")


def area_list(obs: list) -> str:
    return name_list(list(dict.fromkeys(L.area(o.area) for o in obs)))


def doc_list(obs: list) -> str:
    docs = [S.documents.get(d) for d in dict.fromkeys(o.document for o in obs)]
    return name_list([t("ui.doc.title", title=L.document_title(d)) for d in dict.fromkeys(docs) if d is not None])


def scope_sentences() -> list[str]:
    """Where the figures come from, relative to the areas the goals speak for, and what that leaves."""
    by_relation = S.figures_by_relation()
    area = S.goal_areas_name(lang)
    n = len(observations)
    out = [t("ui.overview.scope.same", figures=n, n=len(by_relation["same"]), area=area)
           if by_relation["same"] else t("ui.overview.scope.none_same", figures=n, area=area)]
    if by_relation["parent"]:
        out.append(t("ui.overview.scope.parent", n=len(by_relation["parent"]), areas=area_list(by_relation["parent"])))
    if by_relation["other"]:
        out.append(t("ui.overview.scope.other", n=len(by_relation["other"]), areas=area_list(by_relation["other"]),
                     docs=doc_list(by_relation["other"])))
    direct = sum(s.basis == "direct" for s in S.summaries)
    proxy = sum(s.basis == "proxy" for s in S.summaries)
    none = sum(s.status == "no_comparable_data" for s in S.summaries)
    out.append(t("ui.overview.scope.goals", goals=len(S.summaries), comparable=direct + proxy, direct=direct,
                 proxy=proxy, none=none, area=area))
    return out


sentences = S.cached(("scope", lang), scope_sentences)
st.markdown(f"## {ui.esc(t('ui.overview.scope_heading'))}\n\n" + "\n\n".join(ui.esc(s) for s in sentences))
st.page_link(ui.PAGE_METHODOLOGY, label=t("ui.overview.method_link"), query_params=ui.params(lang))
st.caption(ui.esc(quotes_line(S.report, L, public=True)))  # never "verified" for a file that could not be read
ui.problems_panel(S, lang)

# ---- briefing pack: one click, made on the click -------------------------------------------------------
downloads.pack_download(S, lang)

# ---- the evaluation report (Word), made on the click ------------------------------------------------------
downloads.report_download(S, lang)
