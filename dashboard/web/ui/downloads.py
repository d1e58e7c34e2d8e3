"""Download buttons for briefing files: a goal's chart (PNG/SVG/PDF) and the briefing pack (zip).

Files are made only when clicked (`data=` a callable), by one headless Chromium started on the first click and
kept for the whole server (`st.cache_resource`), so a visitor's download costs a fraction of a second per image
and a page view costs no browser at all.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUSES
from dashboard.present import export
from dashboard.web.ui.state import State

#: Most goals a pack made from the page may hold (about 0.6 s a goal: 300 goals take three minutes).
PACK_MAX = 300


@st.cache_resource(show_spinner=False)
def _renderer() -> export.Renderer:
    return export.shared_renderer()  # restarts itself if its browser has died


def _goal_image(S: State, a: GoalAccount, fmt: str, lang: str) -> bytes:
    return export.goal_image_bytes(a, fmt, S.locale(lang), plan=S.dataset.plan,
                                   renderer=_renderer())  # the browser starts on a click


def goal_downloads(S: State, a: GoalAccount, lang: str) -> None:
    t = S.locale(lang).t
    st.caption(t("ui.download.goal"))
    cols = st.columns(3)
    for col, fmt in zip(cols, ("png", "svg", "pdf"), strict=True):
        col.download_button(
            fmt.upper(), key=f"dl-{a.goal.id}-{fmt}-{lang}",
            data=partial(_goal_image, S, a, fmt, lang),
            file_name=export.file_name(a, fmt), mime=export.MIME[fmt], on_click="ignore", width="stretch",
        )


def pack_download(S: State, lang: str) -> None:
    loc = S.locale(lang)
    t = loc.t
    st.subheader(t("ui.download.pack"))
    have = set(S.statuses())
    present = [s for s in STATUSES if s in have]
    chosen = st.multiselect(t("ui.download.pack.status"), present, default=present,
                            format_func=lambda s: t(f"status.{s}"), key=f"pack-status-{lang}")
    count = sum(s in chosen for s in S.statuses())
    st.caption(t("ui.download.pack.help", n=count, seconds=max(1, round(count * 0.6))))
    if count > PACK_MAX:  # a pack of thousands of goal pages is a job for the command line, not a page click
        st.info(t("ui.download.pack.too_many", n=count, max=PACK_MAX))
    st.download_button(
        t("ui.download.pack.button"), key=f"dl-pack-{lang}-{'-'.join(chosen)}",
        disabled=count == 0 or count > PACK_MAX,
        data=lambda: export.pack_bytes(S.accounts, S.findings, loc, export.Selection.of(statuses=chosen),
                                       plan=S.dataset.plan, renderer=_renderer()),
        file_name=export.pack_name() + ".zip", mime=export.MIME["zip"], on_click="ignore",
    )
