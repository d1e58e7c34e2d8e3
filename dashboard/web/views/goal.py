"""One goal at ?goal=<id>: verdict, chart (or why there is none), downloads, progress, the plan's words, a table
of its figures with their sources and words, caveats, how to cite it. Without ?goal=: the last goal this visitor
saw, else a picker."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.present import figures
from dashboard.present.charts import goal_figure
from dashboard.present.views.goal import FigureCard, goal_view
from dashboard.records.model import Goal
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = state.get()
# ?plan=<id>&goal=<id as the plan's file writes it> names a later plan's goal too: the address takes its full id
_local, _plan = st.query_params.get("goal"), st.query_params.get("plan")
if _local and _plan and S.dataset.goal(_local) is None:
    _full = Goal.later_plans_id(_plan, _local)
    if S.dataset.goal(_full) is not None:
        st.query_params["goal"] = _full
# The goal's own plan (its names, groups and words); without a goal, the plan in the address.
_asked = S.dataset.goal(st.query_params.get("goal") or "")
S = S.plan_view(_asked.plan if _asked is not None else st.query_params.get("plan"))
L = S.locale(lang)
t = L.t
KEY = "goal_select"
LAST = "goal_last"  # the goal this session saw last: the navigation's goal page opens it again
SELECT_MAX = 300  # goals listed in the selector at once (a list of thousands weighs on every rerun and the browser)
EVIDENCE_PER_PAGE = 20  # figures drawn at a time, the deciding one first (a goal of a large collection has many)


def _goal_changed() -> None:
    chosen = st.session_state.get(KEY)
    if chosen:
        st.query_params["goal"] = chosen


def chooser(label: str) -> None:
    """A selector of goals (with a search first when there are thousands) that opens the chosen one."""
    ids = list(S.by_id)
    options = ids
    if len(ids) > SELECT_MAX:
        query = st.text_input(t("ui.goal.search", n=len(ids)), key="goal_search",
                              placeholder=t("ui.table.search_placeholder")).strip().casefold()
        matched = [i for i in ids if query in i.casefold() or query in S.by_id[i].goal.name.casefold()
                   or query in S.by_id[i].goal.name_en.casefold()] if query else ids
        options = matched[:SELECT_MAX]
        if len(matched) > SELECT_MAX:
            st.caption(t("ui.goal.search_more", shown=SELECT_MAX, n=len(matched)))
    current = st.session_state.get(KEY)
    if current in S.by_id and current not in options:
        options = [current, *options]
    st.selectbox(label, options, key=KEY, on_change=_goal_changed, index=None,
                 format_func=lambda i: L.goal_name(S.by_id[i].goal), placeholder=t("ui.goal.select_placeholder"))


def picker() -> None:
    """No goal chosen yet: the goals with figures first, as links, and a selector of all."""
    st.markdown(f"# {ui.esc(t('ui.page.goal'))}\n\n{ui.esc(t('ui.goal.pick'))}")
    chooser(t("ui.goal.select"))
    judged = sorted((s for s in S.summaries if s.status != "no_comparable_data"),
                    key=lambda s: ui.concern_key(s.status, s.basis))
    if judged:
        st.markdown(f"## {ui.esc(t('ui.goal.pick.judged', n=len(judged)))}")
        ui.html("<ul>" + "".join(f"<li>{ui.status_html(s.status, L, s.basis, L.goal_status(s))} "
                                 f"{ui.a('goal', L.goal_name(s.goal), lang, goal=s.goal.id)}</li>"
                                 for s in judged[:SELECT_MAX]) + "</ul>")
    st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang, **ui.plan_params(S)))


# ---- which goal: the address decides; the selector writes back to it so the address can be shared -------
raw = st.query_params.get("goal")
if raw is None and st.session_state.get(LAST) in S.by_id:
    raw = st.session_state[LAST]
    st.query_params["goal"] = raw
if raw is None:
    picker()
    st.stop()
if raw not in S.by_id:
    st.markdown(f"# {ui.esc(t('ui.page.goal'))}")
    st.warning(ui.esc(t("ui.goal.not_found", id=raw)))
    picker_label = t("ui.goal.select")
    chooser(picker_label)
    st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang, **ui.plan_params(S)))
    st.stop()

st.session_state[LAST] = raw
a = S.account(raw)
g = a.goal
v = S.cached(("goal_view", g.id, lang), lambda: goal_view(a, L))

# ---- verdict (one block: few elements before the chart make it appear sooner) ----------------------------
st.markdown("\n".join([f"# {ui.esc(v.name)}", "",
                       ui.lines(ui.muted(plan_line) if (plan_line := ui.plan_named(S, lang)) else "", ui.muted(v.meta),
                                ui.esc(v.area_line or ""), ui.status_md(a.status, L, a.basis, v.badge.word) + " " + ui.target_md(g, L, "ui.goal.plan.target"),
                                ui.esc(v.reason), ui.muted(v.basis_timing) if v.basis_timing else "")]))
st.page_link(ui.PAGE_INDICATOR, label=v.indicator_link, query_params=ui.params(lang, indicator=g.indicator))
if v.why_proxy:
    st.info(ui.lines(*(ui.esc(x) for x in v.why_proxy)))

# ---- chart, or why there is none ----------------------------------------------------------------------------
if v.no_chart:
    st.info(ui.esc(v.no_chart))
else:
    ui.show_chart(ui.figure(S, ("goal", g.id, lang), lambda: goal_figure(a, L)))
    st.caption(ui.esc(v.chart_alt))
    downloads.goal_downloads(S, a, lang)
if a.evidence:
    st.download_button(t("ui.goal.csv"), key=f"csv-{g.id}-{lang}", data=lambda: figures.csv_bytes(a, L),
                       file_name=figures.csv_name(a), mime="text/csv", on_click="ignore")

# ---- progress of the one figure the view chose --------------------------------------------------------------
if v.progress is not None:
    st.markdown(f"## {ui.esc(v.progress.heading)}")
    if v.progress.metrics:
        ui.html(ui.html_table([label for label, _ in v.progress.metrics],
                              [[ui.h(value) for _, value in v.progress.metrics]], L.colon, cls="pt-keep pt-metrics"))
    st.markdown(ui.lines(*(ui.esc(x) for x in v.progress.lines)))

# ---- the plan's words ------------------------------------------------------------------------------------
words = [ui.muted(v.plan_source), "", ui.quote_md(v.quote), "", ui.muted(v.quote_gloss) if v.quote_gloss else ""]
if v.baseline:
    words += ["", ui.esc(v.baseline), "", ui.quote_md(v.baseline_quote)]
else:
    words += ["", ui.muted(v.no_baseline)]
if v.caliber:
    words += ["", ui.muted(v.caliber)]
st.markdown(f"## {ui.esc(v.plan_heading)}\n\n" + "\n".join(words))
if v.paces:
    ui.goal_link(S.by_id[v.paces[1]], lang, v.paces[0])

# ---- the figures: a table, then each figure's words -------------------------------------------------------
st.markdown(f"## {ui.esc(v.evidence_heading)}")
if v.no_evidence:
    st.caption(ui.esc(v.no_evidence))
else:
    first, shown = ui.page_of(list(v.figures), EVIDENCE_PER_PAGE, f"evidence_page_{g.id}", lang)
    table = ui.html_table(list(v.figure_head),
                          ([f"<b>{ui.h(c.row.value)}</b>", ui.h(c.row.years), ui.h(c.row.area), ui.h(c.row.role),
                            ui.h(c.row.basis), ui.h(c.row.document)] for c in shown), L.colon, cls="pt-figures")

    def card(c: FigureCard) -> str:
        r = c.row
        quote_lang = "" if not L.en else ' lang="zh"'
        pointer = f' <span class="pt-muted">{ui.h(c.reason_said)}</span>' if c.reason_said else ""
        parts = [f"<p><b>{ui.h(r.value)}</b> · {ui.h(r.role)} · {ui.h(r.basis)} · {ui.h(r.years)} · {ui.h(r.area)}</p>",
                 f'<p class="pt-muted">{ui.h(r.document)}</p>',
                 f"<p>{ui.h(c.reason_label)}{ui.h(L.colon)}{ui.h(c.reason or '')}{pointer}</p>",
                 f'<blockquote class="pt-quote"{quote_lang}>{ui.h(r.quote)}</blockquote>']
        if c.gloss:
            parts.append(f'<p class="pt-gloss">{ui.h(c.gloss)}</p>')
        parts += [f'<p class="pt-muted">{ui.h(label)}{ui.h(L.colon)}{ui.h_text(text, L)}</p>' for label, text in c.details]
        return f'<div class="pt-card">{"".join(parts)}</div>'

    ui.html(table + f'<h4>{ui.h(v.figures_words)}</h4>' + "".join(card(c) for c in shown))
    if v.figures_more:
        st.caption(ui.esc(v.figures_more))

# ---- caveats ---------------------------------------------------------------------------------------------
if v.caveats:
    st.markdown(f"## {ui.esc(v.caveats_heading)}\n\n" + "\n".join(f"- {ui.esc(c)}" for c in v.caveats))

# ---- how to cite, how recent ---------------------------------------------------------------------------------
url = (st.context.url or "goal") + "?" + "&".join(f"{k}={x}" for k, x in ui.params(lang, goal=g.id).items())
st.markdown(f"## {ui.esc(v.cite_heading)}\n\n" + ui.muted(v.updated))
# Plain text to select and copy (st.code would load a syntax highlighter, 1.5 MB, with the chart).
ui.html(f'<p class="pt-cite">{ui.h(figures.citation(a, L, url, dt.date.today()))}</p>')

# ---- another goal --------------------------------------------------------------------------------------------
st.divider()
chooser(t("ui.goal.select.other"))
st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang, **ui.plan_params(S)))
