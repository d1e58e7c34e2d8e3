"""One goal at ?goal=<id>: verdict, chart (or why there is none), downloads, progress, the plan's words, a table
of its figures with their sources and words, caveats, how to cite it. Without ?goal=: the last goal this visitor
saw, else a picker."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.present import figures
from dashboard.present.charts import goal_figure
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = state.get()
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
    st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang))


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
    st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang))
    st.stop()

st.session_state[LAST] = raw
a = S.account(raw)
g = a.goal
plan = S.dataset.plan

# ---- verdict (one block: few elements before the chart make it appear sooner) ----------------------------
verdict = [f"# {ui.esc(L.goal_name(g))}", "",
           ui.lines(ui.muted(t("ui.goal.meta", group=L.group(g.group), chapter=L.chapter(g))),
                    ui.status_md(a.status, L, a.basis, L.goal_status(a)) + " " + ui.target_md(g, L, "ui.goal.plan.target"),
                    ui.esc(L.reason(a.reason)),
                    ui.muted(t("ui.goal.basis_timing", basis=L.basis(a.basis), timing=t(f"timing.{a.timing}")))
                    if a.deciding is not None else "")]
st.markdown("\n".join(verdict))
if a.deciding is not None and a.basis == "proxy":
    declared = figures.stand_in_text(a.deciding, L)
    st.info(ui.lines(ui.esc(t("ui.goal.why_proxy", reason=L.reasons(a.deciding.reasons))),
                     ui.esc(declared) if declared else ""))

# ---- chart, or why there is none ----------------------------------------------------------------------------
if g.is_categorical:  # nothing numeric to draw: say so in words rather than show empty axes
    st.info(ui.esc(t("ui.goal.chart.categorical")))
elif not a.evidence:
    st.info(ui.esc(t("ui.goal.chart.none")))
else:
    ui.show_chart(ui.figure(S, ("goal", g.id, lang), lambda: goal_figure(a, L)))
    st.caption(ui.esc(figures.chart_alt(a, L)))
    downloads.goal_downloads(S, a, lang)
if a.evidence:
    st.download_button(t("ui.goal.csv"), key=f"csv-{g.id}-{lang}", data=lambda: figures.csv_bytes(a, L),
                       file_name=figures.csv_name(a), mime="text/csv", on_click="ignore")

# ---- progress at the interim: the deciding figure if it is interim, else the latest comparable interim one --
interim = [e for e in a.evidence if e.comparable and e.progress is not None and e.progress.time_share is not None]
paced = [e for e in a.evidence if e.comparable and e.progress is not None and e.progress.pace_asked is not None]
if interim:
    deciding_id = a.deciding.observation.id if a.deciding else None
    chosen = next((e for e in interim if e.observation.id == deciding_id),
                  max(interim, key=lambda e: e.observation.last_year))
    p = chosen.progress
    assert p is not None
    st.markdown(f"## {ui.esc(t('ui.goal.progress', year=p.year))}")
    ui.html(ui.html_table([t("ui.goal.progress.completion"), t("ui.goal.progress.time"), t("ui.goal.progress.r")],
                          [[ui.h(L.pct(p.completion)), ui.h(L.pct(p.time_share)),
                            ui.h("—" if p.growth_ratio is None else f"{p.growth_ratio:.2f}")]], L.colon,
                          cls="pt-keep pt-metrics"))
    category = t(f"growth.{p.growth_category}") if p.growth_category else "—"
    st.markdown(ui.lines(
        ui.muted(t("ui.goal.progress.explain", year=p.year, value=L.observed(chosen.observation),
                   basis=L.basis(chosen.basis), category=category)),
        ui.muted(t("ui.goal.progress.required", year=p.year, value=L.value(p.required, g.unit)))
        if p.required is not None else "",
        ui.muted(t("ui.goal.progress.not_deciding")) if chosen.observation.id != deciding_id else ""))
if paced:  # what it would take: the pace achieved, the pace asked and the pace still needed
    p = paced[0].progress
    assert p is not None
    needed = [t("ui.goal.pace.achieved", years=p.pace_years or 1, n=p.pace_years or 1, pace=L.pace(p.pace_achieved, p.pace_unit)),
              t("ui.goal.pace.asked", pace=L.pace(p.pace_asked, p.pace_unit))]
    if p.pace_needed is not None:
        needed.append(t("ui.goal.pace.needed", year=p.year, target_year=g.target_year,
                        pace=L.pace(p.pace_needed, p.pace_unit)))
    st.markdown(f"## {ui.esc(t('ui.goal.pace'))}\n\n" + ui.lines(*(ui.esc(x) for x in needed)))

# ---- the plan's words ------------------------------------------------------------------------------------


def gloss(text: str | None) -> str:
    """An English gloss beside a verbatim Chinese quote, in English only (the quote itself is never translated)."""
    return ui.muted(t("ui.quote.gloss", text=text)) if L.en and text else ""


plan_name = L.plan_name() or "—"
words = [ui.muted(t("ui.goal.plan.source", plan=plan_name, chapter=L.chapter(g))), "", ui.quote_md(g.quote), "",
         gloss(g.quote_en)]
if g.baseline is not None:
    # A pace goal's baseline is the level it paces (in that level's unit).
    base_unit = g.baseline.unit or (g.unit if g.measure == "level" else
                                    (S.by_id[g.paces].goal.unit if g.paces in S.by_id else None))
    words += ["", ui.esc(t("ui.goal.plan.baseline", year=g.baseline.year, value=L.value(g.baseline.value, base_unit))),
              "", ui.quote_md(g.baseline.quote)]
else:
    words += ["", ui.muted(t("ui.goal.plan.no_baseline"))]
if g.caliber:
    words += ["", ui.muted(t("ui.goal.caveat.caliber", caliber=L.pick(g.caliber, g.caliber_en)))]
st.markdown(f"## {ui.esc(t('ui.goal.plan'))}\n\n" + "\n".join(words))
if g.paces and g.paces in S.by_id:
    ui.goal_link(S.by_id[g.paces], lang, t("ui.goal.plan.paces", level=L.goal_name(S.by_id[g.paces].goal)))

# ---- the figures: a table, then each figure's words -------------------------------------------------------
st.markdown(f"## {ui.esc(t('ui.goal.evidence', n=len(a.evidence)))}")
if not a.evidence:
    st.caption(t("ui.goal.evidence.none"))
else:
    rows = S.cached(("figure_rows", g.id, lang), lambda: figures.rows(a, L))
    first, shown = ui.page_of(rows, EVIDENCE_PER_PAGE, f"evidence_page_{g.id}", lang)
    head = [t(f"ui.goal.fig.{k}") for k in ("value", "years", "area", "role", "basis", "source")]
    table = ui.html_table(head, ([f"<b>{ui.h(r.value)}</b>", ui.h(r.years), ui.h(r.area), ui.h(r.role),
                                  ui.h(r.basis), ui.h(r.document)] for r in shown), L.colon, cls="pt-figures")

    def card(r: figures.FigureRow) -> str:
        quote_lang = "" if not L.en else ' lang="zh"'
        parts = [f"<p><b>{ui.h(r.value)}</b> · {ui.h(r.role)} · {ui.h(r.basis)} · {ui.h(r.years)} · {ui.h(r.area)}</p>",
                 f'<p class="pt-muted">{ui.h(r.document)}</p>',
                 f"<p>{ui.h(t('ui.goal.ev.reason' if r.role_code != 'set_aside' else 'ui.goal.ev.why_aside'))}"
                 f"{ui.h(L.colon)}{ui.h(r.reason)}</p>",
                 f'<blockquote class="pt-quote"{quote_lang}>{ui.h(r.quote)}</blockquote>']
        if L.en and r.quote_en:
            parts.append(f'<p class="pt-gloss">{ui.h(t("ui.quote.gloss", text=r.quote_en))}</p>')
        for key, value in (("ui.goal.ev.stand_in", r.stand_in), ("ui.goal.ev.caliber", r.caliber),
                           ("ui.goal.ev.notes", r.notes)):
            if value:
                parts.append(f'<p class="pt-muted">{ui.h(t(key))}{ui.h(L.colon)}{ui.h(value)}</p>')
        return f'<div class="pt-card">{"".join(parts)}</div>'

    ui.html(table + f'<h4>{ui.h(t("ui.goal.ev.words"))}</h4>' + "".join(card(r) for r in shown))

# ---- caveats ---------------------------------------------------------------------------------------------
caveats = [L.reason(c) for c in a.caveats]
if g.notes or g.notes_en:
    caveats.append(L.pick(g.notes, g.notes_en))
if caveats:
    st.markdown(f"## {ui.esc(t('ui.goal.caveats'))}\n\n" + "\n".join(f"- {ui.esc(c)}" for c in caveats))

# ---- how to cite, how recent ---------------------------------------------------------------------------------
updated = figures.last_updated(a)
url = (st.context.url or "goal") + "?" + "&".join(f"{k}={v}" for k, v in ui.params(lang, goal=g.id).items())
st.markdown(f"## {ui.esc(t('ui.goal.cite'))}\n\n"
            + ui.muted(t("ui.goal.updated", date=updated.isoformat()) if updated else t("ui.goal.updated.none")))
# Plain text to select and copy (st.code would load a syntax highlighter, 1.5 MB, with the chart).
ui.html(f'<p class="pt-cite">{ui.h(figures.citation(a, L, url, dt.date.today()))}</p>')

# ---- another goal --------------------------------------------------------------------------------------------
st.divider()
chooser(t("ui.goal.select.other"))
st.page_link(ui.PAGE_TABLE, label=t("ui.goal.pick.table"), query_params=ui.params(lang))
