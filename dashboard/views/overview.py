"""Overview: what the data can say, verdicts by group, headline goals, data problems."""

from __future__ import annotations

import streamlit as st

from dashboard.assess import STATUSES
from dashboard.charts import GROUP_ORDER, overview_figure
from dashboard.i18n import fmt_target, t
from dashboard.ui import common as ui
from dashboard.ui import downloads, state

#: Goals shown as cards, in this order (those missing from the data are skipped).
HEADLINE = ("gdp-2010", "gdp-growth", "fiscal-revenue-2010", "urban-income-2010", "rural-income-2010",
            "unemployment-rate", "green-space-rate", "tertiary-share")

lang = ui.lang()
S = state.get()
plan = S.dataset.plan
observations = S.dataset.observations

st.title(t("ui.app.title", lang))
if plan is not None:
    st.markdown(ui.esc(t(
        "ui.overview.intro", lang, plan=plan.name, plan_en=plan.name_en, first=plan.period[0], last=plan.period[1],
        base=plan.base_year, goals=len(S.assessments), docs=len(S.dataset.documents), figures=len(observations))))
else:
    st.warning(t("ui.problems.no_plan", lang))

ui.problems_panel(S, lang)

# ---- verdicts by group (the chart comes early: the page shows it sooner) ---------------------------------
if S.assessments:
    st.subheader(t("ui.overview.status_heading", lang))
    fig = ui.figure(S, ("overview", lang), lambda: overview_figure(S.assessments, lang))
    ui.show_chart(fig, "overview", "overview", lang)

# ---- what the data can and cannot say (every number below is counted from the data) -----------------
by_relation: dict[str, list] = {"same": [], "parent": [], "other": []}
for o in observations:
    by_relation[S.relation(o.area)].append(o)


def area_list(obs: list, code: str) -> str:
    names = dict.fromkeys(S.area_name(o.area, code) for o in obs)
    return "、".join(names) if code == "zh" else ", ".join(names)


def doc_list(obs: list, code: str) -> str:
    docs = [S.documents.get(o.document) for o in obs]
    titles = dict.fromkeys((d.title if code == "zh" else d.title_en) for d in docs if d is not None)
    return "、".join(f"《{x}》" for x in titles) if code == "zh" else "; ".join(f"“{x}”" for x in titles)


n = len(observations)
sentences = [t("ui.overview.scope.same", lang, figures=n, n=len(by_relation["same"])) if by_relation["same"]
             else t("ui.overview.scope.none_same", lang, figures=n)]
if by_relation["parent"]:
    sentences.append(t("ui.overview.scope.parent", lang, n=len(by_relation["parent"]),
                       areas=area_list(by_relation["parent"], "zh"), areas_en=area_list(by_relation["parent"], "en")))
if by_relation["other"]:
    sentences.append(t("ui.overview.scope.other", lang, n=len(by_relation["other"]),
                       areas=area_list(by_relation["other"], "zh"), areas_en=area_list(by_relation["other"], "en"),
                       docs=doc_list(by_relation["other"], "zh"), docs_en=doc_list(by_relation["other"], "en")))
direct = sum(a.basis == "direct" for a in S.assessments)
proxy = sum(a.basis == "proxy" for a in S.assessments)
none = sum(a.status == "no_comparable_data" for a in S.assessments)
sentences.append(t("ui.overview.scope.goals", lang, goals=len(S.assessments), comparable=direct + proxy,
                   direct=direct, proxy=proxy, none=none))
st.subheader(t("ui.overview.scope_heading", lang))
st.markdown("\n\n".join(ui.esc(s) for s in sentences))

# ---- headline goals -------------------------------------------------------------------------------------
st.subheader(t("ui.overview.headline_heading", lang))
cards = [S.by_id[g] for g in HEADLINE if g in S.by_id]
for i, a in enumerate(cards):
    if i % 2 == 0:  # a row of two per pair, so a phone (one column) keeps the order
        columns = st.columns(2)
    e = a.deciding
    if e is not None:
        latest = t("ui.overview.card.evidence", lang, years=ui.years(e.observation),
                   value=ui.value_text(e.observation, lang), area=S.area_name(e.observation.area, lang),
                   basis=ui.basis_word(e.basis, lang))
    else:
        latest = a.reason if lang == "zh" else a.reason_en
    with columns[i % 2].container(border=True):  # one Markdown block and a link: few elements, quick to draw
        st.markdown(ui.lines(
            f"**{ui.esc(ui.name(a, lang))}**", ui.status_md(a.status, lang),
            ui.muted(t("ui.overview.card.target", lang, target=fmt_target(a.goal), year=a.goal.target_year)),
            ui.esc(latest)))
        ui.goal_link(a, lang, t("ui.overview.card.open", lang))

# ---- counts by group, status and basis; data files ------------------------------------------------------
with st.expander(t("ui.overview.basis_heading", lang)):
    groups = [g for g in GROUP_ORDER if any(a.goal.group == g for a in S.assessments)]
    rows = []
    for g in groups:
        items = [a for a in S.assessments if a.goal.group == g]
        row = {t("ui.col.group", lang): t(f"ui.group.{g}", lang)}
        row.update({ui.status_word(s, lang): sum(a.status == s for a in items) for s in STATUSES})
        row.update({ui.basis_word(b, lang): sum(a.basis == b for a in items) for b in ("direct", "proxy")})
        row[t("ui.col.total", lang)] = len(items)
        rows.append(row)
    ui.static_table(rows)
ui.file_counts(S, lang)

# ---- briefing pack: one click, made on the click -------------------------------------------------------
downloads.pack_download(S, lang)
