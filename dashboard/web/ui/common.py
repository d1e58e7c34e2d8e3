"""Widgets and helpers the pages share: language, safe text, status badges, charts, links, the data-problems panel.

Safety: data strings (names, quotes, notes) can hold anything, `<script>` included. They are never given to
`unsafe_allow_html`. In Markdown they go through `esc()`, which backslash-escapes every character Markdown (and
Streamlit's `:colour[...]`/`$…$` extensions) would read as syntax; in the few HTML blocks (`st.html`, which
Streamlit also sanitises) through `h()`, which is `html.escape`.

Links: `goal_link` (a Streamlit page link: the app changes page in place) for a few links; `a()` (a plain HTML
link, which loads the page anew) inside the HTML blocks that list many goals, where one element beats a hundred.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st

from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.charts import STATUS_COLOURS
from dashboard.present.locale import LANGS, Locale
from dashboard.present.text import mark_chinese
from dashboard.present.views.common import plan_label, plan_line
from dashboard.web.ui import state as _state
from dashboard.web.ui.state import State, Summary

PAGE_OVERVIEW = "views/overview.py"
PAGE_TABLE = "views/table.py"
PAGE_GOAL = "views/goal.py"
PAGE_DOCUMENTS = "views/documents.py"
PAGE_COHERENCE = "views/coherence.py"
PAGE_METHODOLOGY = "views/methodology.py"
PAGE_INDICATOR = "views/indicator.py"
PAGE_COLLECT = "views/collect.py"

_CJK = re.compile(r"[\u3400-\u9fff]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'@])")


def esc(text: object) -> str:
    """Data text made literal for st.markdown / st.caption / widget labels (one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def h(text: object) -> str:
    """Data text made literal inside an HTML block."""
    return _html.escape(str(text), quote=True)


_PREVIEW_MARKUP = re.compile(r"^(#+ |\s*- )?(.*)$")


def preview_markdown(lines: list[str], sep: str = "\n") -> str:
    """An import preview's lines (headings, list items, text) as Markdown, every data-derived word escaped (names,
    reasons and guesses come from the data); a heading set below the page's own headings."""
    out = []
    for line in lines:
        markup, rest = _PREVIEW_MARKUP.match(line).groups()  # type: ignore[union-attr]
        markup = "##### " if markup and markup.startswith("#") else markup
        out.append((markup or "") + esc(rest.replace("`", "")))
    return sep.join(out)


def h_text(text: object, loc: Locale) -> str:
    """Data text made literal inside an HTML block; on an English page a Chinese term inside it (the 13th plan
    period (十三五时期)) is marked as Chinese, as the site marks quotes, so it is read and checked as Chinese."""
    return mark_chinese(h(text), "zh") if loc.en else h(text)


def quote_md(text: object) -> str:
    """A verbatim quote as a Markdown block quote, escaped."""
    return "> " + esc(text)


def muted(text: object) -> str:
    """Data or catalogue text as small grey Markdown (like st.caption), escaped, for building one block."""
    return f":small[:gray[{esc(text)}]]"


def lines(*parts: str) -> str:
    """Markdown lines (already escaped) as one paragraph with line breaks; empty parts are left out."""
    return "  \n".join(p for p in parts if p)


def status_md(status: str, loc: Locale, basis: str | None = None, word: str | None = None) -> str:
    """The status word on its Okabe–Ito colour (the charts' colour), as inline Markdown; a proxy's says so.
    `word`: a goal's own label (loc.goal_status: with its evidence years, a band's words)."""
    colour = STATUS_COLOURS.get(status, STATUS_COLOURS["no_comparable_data"])
    return f':color[\u2009**{esc(word or loc.status(status, basis))}**\u2009]{{foreground="#000000" background="{colour}"}}'


def status_html(status: str, loc: Locale, basis: str | None = None, word: str | None = None) -> str:
    """The status word on its colour, as HTML (style.py draws the classes); a proxy's is outlined and says so.
    `word`: a goal's own label (loc.goal_status: with its evidence years, a band's words)."""
    proxy = " pt-proxy" if basis == "proxy" else ""
    return f'<span class="pt-status pt-s-{h(status)}{proxy}">{h(word or loc.status(status, basis))}</span>'


def target_is_verbatim(goal, loc: Locale) -> bool:
    """A categorical target the data gives only in the plan's Chinese words: an English page quotes it verbatim
    (as it does every quote) instead of passing it off as English."""
    return loc.en and goal.is_categorical and bool(_CJK.search(loc.target(goal)))


def target_md(goal, loc: Locale, key: str) -> str:
    """'**Target: ≥170亿元 (2010)**' as Markdown; a target in the plan's words only, quoted on its own line."""
    if target_is_verbatim(goal, loc):
        return f"**{esc(loc.t(key + '.words', year=goal.target_year))}**\n\n{quote_md(loc.target(goal))}\n\n"
    return f"**{esc(loc.t(key, target=loc.target(goal), year=goal.target_year))}**"


def target_html(goal, loc: Locale) -> str:
    """A goal's target in an HTML table cell, the plan's Chinese words marked as such on an English page."""
    if target_is_verbatim(goal, loc):
        return f'<span lang="zh">{h(loc.target(goal))}</span>'
    return h(loc.target(goal))


def concern_key(status: str, basis: str | None) -> tuple[int, int]:
    """Sort key by meaning: missed first, then off track, indeterminate, on track, achieved, no data; within a
    status, direct evidence before proxy."""
    rank = STATUS_CONCERN.index(status) if status in STATUS_CONCERN else len(STATUS_CONCERN)
    return rank, 0 if basis == "direct" else 1


# ---------------------------------------------------------------------------------------------- language


def lang_from_address() -> str:
    """The language: from ?lang= (so shared links keep it), else this session's choice, else Chinese.

    Called once per run by app.py before the pages. Keeps ?lang=en in the address (page changes may drop it)."""
    qp = st.query_params.get("lang")
    if qp in LANGS:
        st.session_state["lang"] = qp
    elif st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = "zh"
    lang = st.session_state["lang"]
    if lang == "zh":
        if "lang" in st.query_params:
            del st.query_params["lang"]
    else:  # written on every run: a page link's navigation may leave the browser's address without it
        st.query_params["lang"] = lang
    return lang


def lang() -> str:
    value = st.session_state.get("lang", "zh")
    return value if value in LANGS else "zh"


def language_switch(page, lang_code: str) -> None:
    """A link to this very page (same goal, same filters) in the other language, in the top bar."""
    other = "en" if lang_code == "zh" else "zh"
    query = {k: v for k, v in st.query_params.to_dict().items() if k != "lang"}
    query["lang"] = other
    with st.container(key="lang_switch"):
        st.page_link(page, label=locale(lang_code).t(f"ui.lang.switch.{other}"), query_params=query)


def params(lang_code: str, **extra: str) -> dict[str, str]:
    """Query parameters for a link: the extra ones plus the language when it is not the default."""
    out = dict(extra)
    if lang_code != "zh":
        out["lang"] = lang_code
    return out


def href(path: str, lang_code: str, **extra: str) -> str:
    """A relative address inside the app ("goal?goal=gdp-2010&lang=en"), for plain HTML links."""
    query = params(lang_code, **extra)
    return path + ("?" + urlencode(query) if query else "")


def a(path: str, label: str, lang_code: str, **extra: str) -> str:
    """A plain HTML link to a page of the app, its label escaped."""
    return f'<a href="{h(href(path, lang_code, **extra))}" target="_self">{h(label)}</a>'


# ---------------------------------------------------------------------------------------------- plans


def plan_state(S: State) -> State:
    """The state seen through the plan in the address (?plan=<id>); an address without one, or with an unknown
    one, shows the first plan (the addresses of the one-plan dashboard keep working)."""
    return S.plan_view(st.query_params.get("plan"))


def plan_switcher(S: State, lang_code: str) -> None:
    """A choice of plan, in the address (?plan=), shown when there is more than one. The first plan has no
    parameter, so its addresses stay those of the one-plan dashboard."""
    plans = _state.get().dataset.plans
    if len(plans) <= 1:
        return
    loc = locale(lang_code)
    ids = [p.id for p in plans]
    current = S.dataset.plan.id if S.dataset.plan else ids[0]

    def changed() -> None:
        chosen = st.session_state.get("plan_switch")
        if chosen == ids[0]:
            st.query_params.pop("plan", None)
        elif chosen:
            st.query_params["plan"] = chosen
    if st.session_state.get("plan_switch") != current:
        st.session_state["plan_switch"] = current
    labels = {p.id: plan_label(p, loc) for p in plans}
    st.selectbox(loc.t("plans.switcher"), ids, key="plan_switch", on_change=changed, format_func=labels.__getitem__)


def plan_named(S: State, lang_code: str) -> str:
    """The plan a page speaks of, as a line for a page without the switcher (a goal's): "" while there is one plan."""
    if len(_state.get().dataset.plans) <= 1 or S.dataset.plan is None:
        return ""
    return plan_line(S.dataset.plan, locale(lang_code))


def plan_params(S: State) -> dict[str, str]:
    """The address parameter of the state's plan ({} for the first plan)."""
    full = _state.get().dataset
    if S.dataset.plan is None or full.plan is None or S.dataset.plan.id == full.plan.id:
        return {}
    return {"plan": S.dataset.plan.id}


# ---------------------------------------------------------------------------------------------- words


def locale(lang_code: str) -> Locale:
    """The locale of the current data in a language."""
    return _state.get().locale(lang_code)


def goal_link(a: GoalAccount | Summary, lang_code: str, label: str | None = None) -> None:
    st.page_link(PAGE_GOAL, label=esc(label if label is not None else locale(lang_code).goal_name(a.goal)),
                 query_params=params(lang_code, goal=a.goal.id))


# ---------------------------------------------------------------------------------------------- widgets


def figure(S: State, key: tuple, build) -> go.Figure:
    """A figure built once per data version (S is rebuilt when the data change) and key, then reused by every
    rerun and visitor: building a plotly figure costs tens of milliseconds, showing a built one almost nothing.
    Streamlit only reads the figure (theme=None), so sharing it is safe."""
    return S.cached(("figure", *key), build)


def html(markup: str) -> None:
    """An HTML block (its data already escaped with h()), styled by style.py."""
    st.html(f'<div class="pt-html">{markup}</div>')


def show_chart(fig: go.Figure) -> None:
    """A plotly chart with no toolbar over it (downloads are buttons below, where a page offers them)."""
    st.plotly_chart(fig, theme=None, config={"displayModeBar": False, "displaylogo": False})


def page_of(items: list, per_page: int, key: str, lang_code: str) -> tuple[int, list]:
    """(index of the first item shown, the items shown now): all of them, or for a long list (a large collection)
    one page, chosen above it. Drawing hundreds of blocks costs the server and the browser far more than the
    data behind them."""
    if len(items) <= per_page:
        return 0, items
    t = locale(lang_code).t
    first = st.selectbox(t("ui.pager.label", total=len(items)), range(0, len(items), per_page), key=key,
                         format_func=lambda k: t("ui.pager.range", first=k + 1, last=min(k + per_page, len(items))))
    return first, items[first:first + per_page]


def html_table(head: list[str], rows: Iterable[list[str]], colon: str, cls: str = "",
               numeric: tuple[int, ...] = ()) -> str:
    """An HTML table whose cells are already HTML; on a narrow screen each row becomes a card whose cells carry
    their column's name (style.py; class pt-keep keeps a small table a table). Headers are escaped here;
    `numeric` columns are right-aligned."""
    def kind(i: int) -> str:
        names = (["pt-first"] if i == 0 else []) + (["pt-num"] if i in numeric else [])
        return f' class="{" ".join(names)}"' if names else ""

    th = "".join(f'<th scope="col"{kind(i)}>{h(x)}</th>' for i, x in enumerate(head))

    def td(i: int, cell: str) -> str:
        return f'<td{kind(i)} data-label="{h(head[i] + colon.strip())}">{cell}</td>'

    body = "".join("<tr>" + "".join(td(i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="pt-table {cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


# ---------------------------------------------------------------------------------------------- problems


def problems_notice(S: State, lang_code: str) -> None:
    """The public hears of data problems only when a record was not loaded, in its own words. Warnings (a figure
    set aside, a quote unchecked) lose no record: they are for the editors (`check`, the editor page)."""
    report, loc = S.report, S.locale(lang_code)  # the page's state: `locale()` would look it up (and stat the files) again
    if report.errors:
        rejected = sum(c.rejected for c in report.counts)
        st.warning(loc.t("ui.problems.notice", n=rejected or len(report.errors)))


def problems_panel(S: State, lang_code: str) -> None:
    """The errors that cost records (file, line, record, field, message), when there are any: a public page says
    what was not loaded and why; warnings are left to `check` and the editor page."""
    report = S.report
    if not report.errors:
        return
    loc = S.locale(lang_code)
    t = loc.t
    loaded = sum(c.loaded for c in report.counts)
    rejected = sum(c.rejected for c in report.counts)

    def table() -> str:  # made once per data version and language: a large collection's errors are many
        col = lambda k: t(f"ui.problems.col.{k}")  # noqa: E731
        head = [col(k) for k in ("severity", "file", "line", "record", "field", "code", "message")]
        return html_table(head, colon=loc.colon, rows=([
            h(t(f"ui.problems.{p.severity}") if p.severity in ("error", "warning") else p.severity),
            h(p.file), h(p.line or ""), h(p.record or ""), h(p.field or ""), h(p.code), h(p.message_in(lang_code)),
        ] for p in report.errors))

    with st.expander(t("ui.problems.heading")):
        st.markdown(esc(t("ui.problems.summary", errors=len(report.errors), rejected=rejected, loaded=loaded)))
        html(S.cached(("problems_table", lang_code), table))
