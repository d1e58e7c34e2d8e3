"""Overview: what the data can say, verdicts by group, headline goals, data problems."""

from __future__ import annotations

import streamlit as st

from dashboard.judge.codes import STATUSES
from dashboard.present.charts import group_order, overview_figure
from dashboard.present.i18n import t
from dashboard.web.ui import common as ui
from dashboard.web.ui import downloads, state

lang = ui.lang()
S = state.get()
L = S.locale(lang)
plan = S.dataset.plan
#: Goals shown as cards: the plan's highlights (plan.yaml), those present in the data.
HEADLINE = plan.highlights if plan is not None else ()
observations = S.dataset.observations

st.title(L.t("ui.app.title", plan=L.plan_short_name()))
if plan is not None:
    st.markdown(ui.esc(t(
        "ui.overview.intro", lang, plan=plan.name, plan_en=plan.name_en, first=plan.period[0], last=plan.period[1],
        base=plan.base_year, goals=len(S.summaries), docs=len(S.dataset.documents), figures=len(observations))))
else:
    st.warning(t("ui.problems.no_plan", lang))

ui.problems_panel(S, lang)

# ---- verdicts by group (the chart comes early: the page shows it sooner) ---------------------------------
if S.summaries:
    st.subheader(t("ui.overview.status_heading", lang))
    fig = ui.figure(S, ("overview", lang), lambda: overview_figure(S.summaries, L))
    ui.show_chart(fig, "overview", "overview", lang)

# ---- what the data can and cannot say (every number below is counted from the data) -----------------
NAMES_SHOWN = 8  # a collection of many areas names the first few and counts the rest


def name_list(names: list[str], code: str) -> str:
    shown = names[:NAMES_SHOWN]
    text = "、".join(shown) if code == "zh" else ", ".join(shown)
    rest = len(names) - len(shown)
    return text + (t("ui.overview.scope.more", code, n=rest) if rest > 0 else "")


def area_list(obs: list, code: str) -> str:
    return name_list(list(dict.fromkeys(S.area_name(o.area, code) for o in obs)), code)


def doc_list(obs: list, code: str) -> str:
    docs = [S.documents.get(d) for d in dict.fromkeys(o.document for o in obs)]
    titles = dict.fromkeys((d.title if code == "zh" else d.title_en) for d in docs if d is not None)
    return name_list([f"《{x}》" if code == "zh" else f"“{x}”" for x in titles], code)


def scope_sentences(code: str) -> list[str]:
    """Where the figures come from, relative to the areas the goals speak for, and what that leaves."""
    by_relation = S.figures_by_relation()
    area, area_en = S.goal_areas_name("zh"), S.goal_areas_name("en")
    n = len(observations)
    out = [t("ui.overview.scope.same", code, figures=n, n=len(by_relation["same"]), area=area, area_en=area_en)
           if by_relation["same"] else t("ui.overview.scope.none_same", code, figures=n, area=area, area_en=area_en)]
    if by_relation["parent"]:
        out.append(t("ui.overview.scope.parent", code, n=len(by_relation["parent"]),
                     areas=area_list(by_relation["parent"], "zh"), areas_en=area_list(by_relation["parent"], "en")))
    if by_relation["other"]:
        out.append(t("ui.overview.scope.other", code, n=len(by_relation["other"]),
                     areas=area_list(by_relation["other"], "zh"), areas_en=area_list(by_relation["other"], "en"),
                     docs=doc_list(by_relation["other"], "zh"), docs_en=doc_list(by_relation["other"], "en")))
    direct = sum(s.basis == "direct" for s in S.summaries)
    proxy = sum(s.basis == "proxy" for s in S.summaries)
    none = sum(s.status == "no_comparable_data" for s in S.summaries)
    out.append(t("ui.overview.scope.goals", code, goals=len(S.summaries), comparable=direct + proxy,
                 direct=direct, proxy=proxy, none=none, area=area, area_en=area_en))
    return out


sentences = S.cached(("scope", lang), lambda: scope_sentences(lang))
st.subheader(t("ui.overview.scope_heading", lang))
st.markdown("\n\n".join(ui.esc(s) for s in sentences))

# ---- headline goals -------------------------------------------------------------------------------------
cards = [S.account(g) for g in HEADLINE if g in S.by_id]
if cards:
    st.subheader(t("ui.overview.headline_heading", lang))
for i, a in enumerate(cards):
    if i % 2 == 0:  # a row of two per pair, so a phone (one column) keeps the order
        columns = st.columns(2)
    e = a.deciding
    if e is not None:
        latest = t("ui.overview.card.evidence", lang, years=ui.years(e.observation),
                   value=ui.value_text(e.observation, lang), area=S.area_name(e.observation.area, lang),
                   basis=ui.basis_word(e.basis, lang))
    else:
        latest = ui.reason(a, lang)
    with columns[i % 2].container(border=True):  # one Markdown block and a link: few elements, quick to draw
        st.markdown(ui.lines(
            f"**{ui.esc(ui.name(a, lang))}**", ui.status_md(a.status, lang, a.basis),
            ui.muted(t("ui.overview.card.target", lang, target=L.target(a.goal), year=a.goal.target_year)),
            ui.esc(latest)))
        ui.goal_link(a, lang, t("ui.overview.card.open", lang))

# ---- counts by group, status and basis; data files ------------------------------------------------------
with st.expander(t("ui.overview.basis_heading", lang)):
    by_group: dict[str, list] = {}
    for s in S.summaries:
        by_group.setdefault(s.goal.group, []).append(s)
    rows = []
    for g in group_order(L, by_group):
        items = by_group[g]
        row = {t("ui.col.group", lang): L.group(g)}
        row.update({ui.status_word(s, lang): sum(a.status == s for a in items) for s in STATUSES})
        row.update({ui.basis_word(b, lang): sum(a.basis == b for a in items) for b in ("direct", "proxy")})
        row[t("ui.col.total", lang)] = len(items)
        rows.append(row)
    ui.static_table(rows)
ui.file_counts(S, lang)

# ---- briefing pack: one click, made on the click -------------------------------------------------------
downloads.pack_download(S, lang)
