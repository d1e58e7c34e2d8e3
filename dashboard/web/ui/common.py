"""Widgets and helpers the pages share: language, safe text, status badges, charts, the data-problems panel.

Safety: data strings (names, quotes, notes, file names) can hold anything, `<script>` included. They are
never given to `unsafe_allow_html`; in Markdown they go through `esc()`, which backslash-escapes every
character Markdown (and Streamlit's `:colour[...]`/`$…$` extensions) would read as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.present.charts import STATUS_COLOURS
from dashboard.present.i18n import t
from dashboard.present.loadreport import quotes_line
from dashboard.present.locale import LANGS, Locale
from dashboard.web.ui import state as _state
from dashboard.web.ui.state import State, Summary

PAGE_OVERVIEW = "views/overview.py"
PAGE_TABLE = "views/table.py"
PAGE_GOAL = "views/goal.py"
PAGE_DOCUMENTS = "views/documents.py"
PAGE_COHERENCE = "views/coherence.py"

IMAGE_OPTIONS = {"width": 1600, "height": 900, "scale": 2}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'@])")


def esc(text: object) -> str:
    """Data text made literal for st.markdown / st.caption / widget labels (one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def quote_md(text: object) -> str:
    """A verbatim quote as a Markdown block quote, escaped."""
    return "> " + esc(text)


def muted(text: object) -> str:
    """Data or catalogue text as small grey Markdown (like st.caption), escaped, for building one block."""
    return f":small[:gray[{esc(text)}]]"


def lines(*parts: str) -> str:
    """Markdown lines (already escaped) as one paragraph with line breaks; empty parts are left out."""
    return "  \n".join(p for p in parts if p)


def status_md(status: str, lang_code: str, basis: str | None = None) -> str:
    """The status word on its Okabe–Ito colour (the charts' colour), as inline Markdown; a proxy's says so."""
    colour = STATUS_COLOURS.get(status, STATUS_COLOURS["no_comparable_data"])
    word = Locale(lang_code).status(status, basis)
    return f':color[\u2009**{esc(word)}**\u2009]{{foreground="#000000" background="{colour}"}}'


# ---------------------------------------------------------------------------------------------- language


def setup_lang() -> str:
    """The language: from ?lang= (so shared links keep it), else this session's choice, else Chinese.

    Called once per run by app.py before the pages. Keeps ?lang=en in the URL (page changes may drop it)
    and shows the switch in the sidebar."""
    qp = st.query_params.get("lang")
    if qp in LANGS:
        st.session_state["lang"] = qp
    elif st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = "zh"
    lang = st.session_state["lang"]
    _sync_lang_param(lang)
    st.sidebar.radio(t("ui.lang.label", lang), LANGS, key="lang", horizontal=True,
                     format_func=lambda code: t(f"ui.lang.{code}", lang), on_change=_lang_changed)
    return lang


def _sync_lang_param(lang: str) -> None:
    if lang == "zh":
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang


def _lang_changed() -> None:
    _sync_lang_param(st.session_state["lang"])


def lang() -> str:
    value = st.session_state.get("lang", "zh")
    return value if value in LANGS else "zh"


def params(lang_code: str, **extra: str) -> dict[str, str]:
    """Query parameters for a link: the extra ones plus the language when it is not the default."""
    out = dict(extra)
    if lang_code != "zh":
        out["lang"] = lang_code
    return out


# ---------------------------------------------------------------------------------------------- words


def locale(lang_code: str) -> Locale:
    """The locale of the current data in a language."""
    return _state.get().locale(lang_code)


def name(a: GoalAccount | Summary, lang_code: str) -> str:
    return a.goal.name if lang_code == "zh" else a.goal.name_en


def reason(judged: GoalAccount | EvidenceAccount, lang_code: str) -> str:
    """Why a goal got its status, or why a figure was used or set aside, in the language."""
    loc = locale(lang_code)
    if isinstance(judged, GoalAccount):
        return loc.reason(judged.reason)
    return loc.reasons(judged.reasons)


def labelled(key: str, value: object, lang_code: str) -> str:
    """'口径：现价' / 'Caliber: current prices' (a catalogue label, the language's colon, the value)."""
    return f"{t(key, lang_code)}{t('ui.colon', lang_code)}{value}"


def basis_word(basis: str | None, lang_code: str) -> str:
    return t(f"basis.{basis}", lang_code) if basis else t("ui.basis.none", lang_code)


def status_word(status: str, lang_code: str, basis: str | None = None) -> str:
    return Locale(lang_code).status(status, basis)


def value_text(o, lang_code: str) -> str:
    """An observation's value with its qualifier, as the document states it: '2%以内' / '≤2%'."""
    return Locale(lang_code).observed(o)


def years(o) -> str:
    return Locale().years(o.first_year, o.last_year)


# ---------------------------------------------------------------------------------------------- widgets


def goal_link(a: GoalAccount | Summary, lang_code: str, label: str | None = None) -> None:
    st.page_link(PAGE_GOAL, label=esc(label if label is not None else name(a, lang_code)),
                 query_params=params(lang_code, goal=a.goal.id))


def figure(S: State, key: tuple, build: Callable[[], go.Figure]) -> go.Figure:
    """A figure built once per data version (S is rebuilt when the data change) and key, then reused by every
    rerun and visitor: building a plotly figure costs tens of milliseconds, showing a built one almost nothing.
    Streamlit only reads the figure (theme=None), so sharing it is safe."""
    return S.cached(("figure", *key), build)


def show_chart(fig: go.Figure, filename: str, page: str, lang_code: str) -> None:
    """A plotly chart whose toolbar camera downloads a slide-size image named after `filename`, PNG or SVG."""
    key = f"image_format_{page}"
    fmt = st.session_state.get(key, "png")
    st.plotly_chart(fig, theme=None, config={
        "toImageButtonOptions": {"format": fmt, "filename": filename, **IMAGE_OPTIONS},
        "displaylogo": False,
    })
    st.radio(t("ui.download.label", lang_code), ["png", "svg"], key=key, horizontal=True, format_func=str.upper,
             help=t("ui.download.help", lang_code, width=IMAGE_OPTIONS["width"], height=IMAGE_OPTIONS["height"],
                    name=f"{filename}.{fmt}"))


def page_of(items: list, per_page: int, key: str, lang_code: str) -> tuple[int, list]:
    """(index of the first item shown, the items shown now): all of them, or for a long list (a large collection)
    one page, chosen above it. Drawing hundreds of bordered blocks costs the server and the browser far more
    than the data behind them."""
    if len(items) <= per_page:
        return 0, items
    first = st.selectbox(t("ui.pager.label", lang_code, total=len(items)), range(0, len(items), per_page), key=key,
                         format_func=lambda k: t("ui.pager.range", lang_code, first=k + 1,
                                                 last=min(k + per_page, len(items))))
    return first, items[first:first + per_page]


def table(rows: Iterable[dict], **kwargs) -> None:
    """An interactive table (sortable, scrollable): for lists that can be long."""
    st.dataframe(pd.DataFrame(list(rows)), hide_index=True, **kwargs)


def markdown_table(rows: Iterable[dict]) -> str:
    """Rows (dicts with the same keys) as a GitHub-flavoured Markdown table: text escaped, numbers right-aligned."""
    rows = list(rows)
    if not rows:
        return ""
    head = list(rows[0])
    numeric = [all(isinstance(r.get(k), int | float) and not isinstance(r.get(k), bool) for r in rows) for k in head]
    cell = lambda v: esc(v) if isinstance(v, str) else ("" if v is None else str(v))  # noqa: E731
    lines = ["| " + " | ".join(esc(k) for k in head) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(cell(r.get(k)) for k in head) + " |" for r in rows]
    return "\n".join(lines)


def static_table(rows: Iterable[dict]) -> None:
    """A small plain table, as Markdown. (st.table drew the same but loads the Arrow table code in the browser:
    the overview's chart appeared ~0.1-0.2 s later with it, measured against a bare page.)"""
    text = markdown_table(rows)
    if text:
        st.markdown(text)


# ---------------------------------------------------------------------------------------------- problems


def problems_sidebar(S: State, lang_code: str) -> None:
    if S.report.problems:
        st.sidebar.warning(t("ui.sidebar.problems", lang_code, n=len(S.report.problems)))


def problems_panel(S: State, lang_code: str) -> None:
    """Located problems (file, line, record, field, message), when there are any."""
    report = S.report
    loaded = sum(c.loaded for c in report.counts)
    rejected = sum(c.rejected for c in report.counts)
    if report.problems:
        st.subheader(t("ui.problems.heading", lang_code))
        st.warning(t("ui.problems.summary", lang_code, errors=len(report.errors), warnings=len(report.warnings),
                     rejected=rejected, loaded=loaded))
        col = lambda k: t(f"ui.problems.col.{k}", lang_code)  # noqa: E731
        table(({
            col("severity"): t(f"ui.problems.{p.severity}", lang_code) if p.severity in ("error", "warning")
            else p.severity,
            col("file"): p.file, col("line"): p.line, col("record"): p.record, col("field"): p.field,
            col("code"): p.code, col("message"): p.message_in(lang_code),
        } for p in report.problems), key="problems_table",
            column_config={col("message"): st.column_config.TextColumn(width="large"),
                           col("line"): st.column_config.NumberColumn(format="%d")})


def file_counts(S: State, lang_code: str) -> None:
    """Always: records loaded and rejected per data file, and whether the quotes were checked."""
    report = S.report
    with st.expander(t("ui.problems.counts", lang_code), expanded=False):
        col = lambda k: t(f"ui.problems.col.{k}", lang_code)  # noqa: E731
        static_table({col("file"): c.file, col("kind"): c.kind, col("loaded"): c.loaded, col("rejected"): c.rejected}
                     for c in report.counts)
        st.caption(esc(quotes_line(report, locale(lang_code))))  # never "verified" for a file not read
