"""One goal at ?goal=<id>: verdict, chart, progress, the plan's words and every piece of evidence."""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import goal_figure
from dashboard.present.i18n import t
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
KEY = "goal_select"
SELECT_MAX = 300  # goals listed in the selector at once (a list of thousands weighs on every rerun and the browser)
EVIDENCE_PER_PAGE = 20  # figures drawn at a time, the deciding one first (a goal of a large collection has many)


def _goal_changed() -> None:
    chosen = st.session_state.get(KEY)
    if chosen:
        st.query_params["goal"] = chosen


# ---- which goal: the URL decides; the selector writes back to the URL so the address can be shared ------
raw = st.query_params.get("goal")
ids = list(S.by_id)
if raw in S.by_id:
    st.session_state[KEY] = raw
elif raw is None:
    current = st.session_state.get(KEY)
    if current not in S.by_id:
        current = "gdp-2010" if "gdp-2010" in S.by_id else (ids[0] if ids else None)
    st.session_state[KEY] = current
    if current:
        st.query_params["goal"] = current
else:
    st.session_state[KEY] = None

options = ids
if len(ids) > SELECT_MAX:  # thousands of goals: find them by name or id, then choose among the matches
    query = st.text_input(t("ui.goal.search", lang, n=len(ids)), key="goal_search",
                          placeholder=t("ui.table.search_placeholder", lang)).strip().casefold()
    matched = [i for i in ids if query in i.casefold() or query in S.by_id[i].goal.name.casefold()
               or query in S.by_id[i].goal.name_en.casefold()] if query else ids
    options = matched[:SELECT_MAX]
    chosen_now = st.session_state.get(KEY)
    if chosen_now in S.by_id and chosen_now not in options:
        options = [chosen_now, *options]
    if len(matched) > SELECT_MAX:
        st.caption(t("ui.goal.search_more", lang, shown=SELECT_MAX, n=len(matched)))
st.selectbox(t("ui.goal.select", lang), options, key=KEY, on_change=_goal_changed,
             format_func=lambda i: f"{ui.name(S.by_id[i], lang)}（{i}）" if lang == "zh" else f"{ui.name(S.by_id[i], lang)} ({i})",
             placeholder=t("ui.goal.select_placeholder", lang))

goal_id = st.session_state.get(KEY)
if raw is not None and raw not in S.by_id:
    st.warning(ui.esc(t("ui.goal.not_found", lang, id=raw)))
    st.info(t("ui.goal.not_found_help", lang))
    st.page_link(ui.PAGE_TABLE, label=t("ui.page.table", lang), query_params=ui.params(lang))
    st.stop()
if goal_id not in S.by_id:
    st.info(t("ui.goal.pick", lang))
    st.stop()

a = S.account(goal_id)
g = a.goal
plan = S.dataset.plan

st.title(ui.esc(ui.name(a, lang)))

# ---- verdict (one block: few elements make the page appear sooner) -------------------------------------
verdict = [ui.muted(t("ui.goal.meta", lang, id=g.id, group=t(f"ui.group.{g.group}", lang), chapter=g.chapter)),
           ui.status_md(a.status, lang, a.basis) + " " + f"**{ui.esc(t('ui.goal.plan.target', lang, target=L.target(g), year=g.target_year))}**",
           ui.esc(ui.reason(a, lang))]
if a.deciding is not None:
    verdict.append(ui.muted(t("ui.goal.basis_timing", lang, basis=ui.basis_word(a.basis, lang),
                              timing=t(f"timing.{a.timing}", lang))))
st.markdown(ui.lines(*verdict))
if a.deciding is not None and a.basis == "proxy":
    why = ui.reason(a.deciding, lang)
    st.info(ui.esc(t("ui.goal.why_proxy", lang, reason=why)))

# ---- chart -----------------------------------------------------------------------------------------------
if g.is_categorical:  # nothing numeric to draw: say so in words rather than show empty axes
    st.info(ui.esc(t("ui.chart.categorical", lang, target=L.target(g), year=g.target_year)))
else:
    ui.show_chart(ui.figure(S, ("goal", g.id, lang), lambda: goal_figure(a, L)), g.id, "goal", lang)
    downloads.goal_downloads(S, a, lang)

# ---- progress at the interim: the deciding figure if it is interim, else the latest comparable interim one --
interim = [e for e in a.evidence if e.comparable and e.progress is not None and e.progress.time_share is not None]
if interim:
    deciding_id = a.deciding.observation.id if a.deciding else None
    chosen = next((e for e in interim if e.observation.id == deciding_id),
                  max(interim, key=lambda e: e.observation.last_year))
    p = chosen.progress
    st.subheader(t("ui.goal.progress", lang, year=p.year))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("ui.goal.progress.completion", lang), L.pct(p.completion))
    c2.metric(t("ui.goal.progress.time", lang), L.pct(p.time_share))
    c3.metric(t("ui.goal.progress.r", lang), "—" if p.growth_ratio is None else f"{p.growth_ratio:.2f}")
    category = t(f"growth.{p.growth_category}", lang) if p.growth_category else "—"
    st.markdown(ui.lines(
        ui.muted(t("ui.goal.progress.explain", lang, year=p.year, value=ui.value_text(chosen.observation, lang),
                   basis=ui.basis_word(chosen.basis, lang), category=category)),
        ui.muted(t("ui.goal.progress.required", lang, year=p.year, value=L.value(p.required, g.unit or ""))),
        ui.muted(t("ui.goal.progress.not_deciding", lang)) if chosen.observation.id != deciding_id else ""))

# ---- the plan's words ------------------------------------------------------------------------------------
st.subheader(t("ui.goal.plan", lang))
plan_name = (plan.name if lang == "zh" else plan.name_en) if plan else "—"
words = [ui.muted(t("ui.goal.plan.source", lang, plan=plan_name, chapter=g.chapter)), "", ui.quote_md(g.quote), ""]
if g.baseline is not None:
    # A pace goal's baseline is the level it paces (in that goal's unit).
    base_unit = g.unit if g.measure == "level" else (S.by_id[g.paces].goal.unit if g.paces in S.by_id else "")
    words += [ui.esc(t("ui.goal.plan.baseline", lang, year=g.baseline.year,
                       value=L.value(g.baseline.value, base_unit or ""))), "", ui.quote_md(g.baseline.quote)]
else:
    words.append(ui.muted(t("ui.goal.plan.no_baseline", lang)))
st.markdown("\n".join(words))
if g.paces and g.paces in S.by_id:
    st.caption(ui.esc(t("ui.goal.plan.paces", lang, level=ui.name(S.by_id[g.paces], lang))))
    ui.goal_link(S.by_id[g.paces], lang)

# ---- evidence: one Markdown block per figure --------------------------------------------------------------
st.subheader(t("ui.goal.evidence", lang, n=len(a.evidence)))
if not a.evidence:
    st.caption(t("ui.goal.evidence.none", lang))
_, shown = ui.page_of(list(a.evidence), EVIDENCE_PER_PAGE, f"evidence_page_{g.id}", lang)
for e in shown:
    o = e.observation
    deciding = a.deciding is not None and o.id == a.deciding.observation.id
    head = t("ui.goal.ev.deciding", lang) if deciding else t(
        "ui.goal.ev.used" if e.comparable else "ui.goal.ev.set_aside", lang)
    basis = ui.basis_word(e.basis, lang) if e.comparable else t("basis.none", lang)
    doc = e.document
    title = (doc.title if lang == "zh" else doc.title_en) if doc else o.document
    reason = ui.reason(e, lang)
    label = t("ui.goal.ev.reason" if e.comparable else "ui.goal.ev.why_aside", lang)
    first = [
        f"**{ui.esc(ui.value_text(o, lang))}** · {ui.esc(head)} · {ui.esc(basis)}",
        ui.muted(ui.labelled("ui.goal.ev.document", title, lang)),
        ui.muted(t("ui.goal.ev.where", lang, area=S.area_name(o.area, lang), years=ui.years(o),
                   timing=t(f"timing.{e.timing}", lang))),
        f"*{ui.esc(label)}*{ui.esc(t('ui.colon', lang))}{ui.esc(reason)}",
        ui.esc(t("ui.goal.ev.against", lang, verdict=t(f"verdict.{e.verdict}", lang))) if e.verdict else "",
        ui.esc(t("ui.goal.ev.against_path", lang, verdict=t(f"path.{e.path_verdict}", lang))) if e.path_verdict else "",
    ]
    details = []
    if o.caliber:
        details.append(ui.labelled("ui.goal.ev.caliber", o.caliber, lang))
    if o.period_note:
        details.append(ui.labelled("ui.goal.ev.period_note", o.period_note, lang))
    if o.derived is not None:
        inputs = ", ".join(o.derived.inputs)
        details.append(ui.labelled("ui.goal.ev.derived", o.derived.formula, lang)
                       + (f" ({ui.labelled('ui.goal.ev.inputs', inputs, lang)})" if inputs else ""))
    notes = (o.notes_en or o.notes) if lang == "en" else (o.notes or o.notes_en)
    if notes:
        details.append(ui.labelled("ui.goal.ev.notes", notes, lang))
    with st.container(border=True):
        st.markdown(ui.lines(*first) + "\n\n" + ui.quote_md(o.quote) + "\n\n" + ui.lines(*(ui.muted(d) for d in details)))

# ---- caveats ---------------------------------------------------------------------------------------------
caveats = [L.reason(c) for c in a.caveats]
goal_notes = (g.notes_en or g.notes) if lang == "en" else (g.notes or g.notes_en)
if goal_notes:
    caveats.append(goal_notes)
if caveats:
    st.subheader(t("ui.goal.caveats", lang))
    st.markdown("\n".join(f"- {ui.esc(c)}" for c in caveats))
