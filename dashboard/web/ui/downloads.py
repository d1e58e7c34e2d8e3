"""Download controls for briefing files: a goal's chart (PNG/SVG/PDF) and the briefing pack (zip).

A goal's files are made only when clicked (`data=` a callable), by the process's one Chromium
(`export.shared_renderer`), so a page view costs no browser at all.

The pack takes seconds, so it is a job of its own: a thread makes it while the page shows a progress bar that
counts goals, with an estimate from the measured rate. A job is kept with the data version it was made from
(`State.memo`): the same pack is made once, whoever asks, and stays downloadable until the data changes. A
visitor has one pack in the making at a time; a second click while it runs starts nothing.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from functools import partial

import streamlit as st

from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUSES
from dashboard.present import export
from dashboard.web.ui.state import State

#: Most goals a pack made from the page may hold; more is a job for the command line.
PACK_MAX = 300
#: Seconds a goal takes in a warm pack on the reference machine (benchmarks/results/pack_speed.md), until this
#: server has measured its own.
SECONDS_PER_GOAL = 0.35
_rate = {"seconds_per_goal": SECONDS_PER_GOAL}
_SESSION_KEY = "pack-job"


@dataclass
class PackJob:
    """One pack in the making or made: how far it has got, then its zip or its error."""

    goals: int
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    step: str = ""
    data: bytes | None = None
    error: str | None = None
    seconds: float | None = None

    @property
    def running(self) -> bool:
        return self.data is None and self.error is None

    def progress(self, done: int, total: int, step: str) -> None:
        self.done, self.step = done, step

    def remaining(self) -> int:
        """Seconds left, from this job's own rate once it has one, else from the last pack's."""
        elapsed = time.monotonic() - self.started
        per_goal = elapsed / self.done if self.done else _rate["seconds_per_goal"]
        return max(1, round(per_goal * (self.goals - self.done) + 0.1 * per_goal * self.goals))


def _goal_file(S: State, a: GoalAccount, fmt: str, lang: str) -> bytes:
    return export.goal_file_bytes(a, fmt, S.locale(lang), plan=S.dataset.plan)  # the browser starts on a click


def goal_downloads(S: State, a: GoalAccount, lang: str) -> None:
    t = S.locale(lang).t
    st.caption(t("ui.download.goal"))
    formats = export.one_goal_formats()
    order = [f for f in ("png", "svg", "pdf") if f in formats] + [f for f in formats if f not in ("png", "svg", "pdf")]
    for col, fmt in zip(st.columns(len(order)), order, strict=True):
        col.download_button(
            fmt.upper(), key=f"dl-{a.goal.id}-{fmt}-{lang}", data=partial(_goal_file, S, a, fmt, lang),
            file_name=export.file_name(a, fmt), mime=export.mime(fmt), on_click="ignore", width="stretch",
        )


def _make(S: State, lang: str, statuses: tuple[str, ...], count: int) -> PackJob:
    """Start a pack in a thread of its own; the job reports its progress and, at the end, its zip or error."""
    job = PackJob(goals=count)
    loc = S.locale(lang)

    def run() -> None:
        try:
            job.data = export.pack_bytes(S.accounts, S.findings, loc, export.Selection.of(statuses=list(statuses)),
                                         plan=S.dataset.plan, progress=job.progress)
            job.seconds = time.monotonic() - job.started
            _rate["seconds_per_goal"] = job.seconds / max(count, 1)
        except export.ExportError as exc:
            job.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the visitor is told, and may try again
            job.error = f"{type(exc).__name__}: {exc}"

    threading.Thread(target=run, name="briefing-pack", daemon=True).start()
    return job


def _job(S: State, key: tuple) -> PackJob | None:
    return S.memo.get(key)


def _start(S: State, key: tuple, lang: str, statuses: tuple[str, ...], count: int) -> None:
    """Start the pack for `key` unless it is made or in the making (by this visitor or another)."""
    with S._lock:
        job = S.memo.get(key)
        if job is None or job.error is not None:
            S.memo[key] = _make(S, lang, statuses, count)
    st.session_state[_SESSION_KEY] = key


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


def pack_download(S: State, lang: str) -> None:
    loc = S.locale(lang)
    t = loc.t
    st.subheader(t("ui.download.pack"))
    have = set(S.statuses())
    present = [s for s in STATUSES if s in have]
    chosen = st.multiselect(t("ui.download.pack.status"), present, default=present,
                            format_func=lambda s: t(f"status.{s}"), key=f"pack-status-{lang}")
    statuses = tuple(s for s in STATUSES if s in chosen)
    count = sum(s in statuses for s in S.statuses())
    st.caption(t("ui.download.pack.help", n=count, seconds=max(1, round(count * _rate["seconds_per_goal"]))))
    if count > PACK_MAX:
        st.info(t("ui.download.pack.too_many", n=count, max=PACK_MAX))
    key = ("briefing-pack", lang, statuses)
    job = _job(S, key)
    running = job is not None and job.running
    st.fragment(_pack_panel, run_every=1.0 if running else None)(S, lang, key, statuses, count, running)


def _pack_panel(S: State, lang: str, key: tuple, statuses: tuple[str, ...], count: int, was_running: bool) -> None:
    """The make button, the progress bar while the pack is made, then the download. Redrawn every second
    while the pack is in the making."""
    t = S.locale(lang).t
    job = _job(S, key)
    mine = st.session_state.get(_SESSION_KEY)
    other = _job(S, mine) if mine is not None and mine != key else None
    if job is not None and job.running:
        share = job.done / max(job.goals, 1)
        text = (t("ui.download.pack.running", done=job.done, total=job.goals, seconds=job.remaining())
                if job.done < job.goals else t("ui.download.pack.finishing", step=job.step))
        st.progress(min(share, 1.0), text=text)
        st.button(t("ui.download.pack.make"), key=f"pack-make-{lang}", disabled=True)
        return
    if was_running:  # it has just finished: redraw the page once, without the timer
        st.rerun()
    if job is not None and job.data is not None:
        st.success(t("ui.download.pack.ready", n=job.goals, seconds=round(job.seconds or 0)))
        st.download_button(t("ui.download.pack.button", size=_size(len(job.data))), data=job.data,
                           key=f"pack-download-{lang}-{'-'.join(statuses)}", file_name=export.pack_name() + ".zip",
                           mime=export.ZIP_MIME, on_click="ignore", type="primary")
        return
    if job is not None and job.error is not None:
        st.error(t("ui.download.pack.failed", error=job.error))
    busy = other is not None and other.running  # this visitor's other pack is still in the making
    if busy:
        st.caption(t("ui.download.pack.busy"))
    if st.button(t("ui.download.pack.make"), key=f"pack-make-{lang}",
                 disabled=busy or count == 0 or count > PACK_MAX):
        _start(S, key, lang, statuses, count)
        st.rerun()


def _report_file(S: State, lang: str, kind: str) -> bytes:
    from dashboard.present.export.report import report_bytes

    return report_bytes("docx", S.accounts, S.judge.coherence, S.locale(lang), kind=kind)  # type: ignore[arg-type]


def report_download(S: State, lang: str) -> None:
    """The evaluation report as an editable Word file, made on the click (python-docx: no browser needed)."""
    from dashboard.present.export.report import KINDS, MIME

    t = S.locale(lang).t
    st.subheader(t("ui.download.report"))
    st.caption(t("ui.download.report.help"))
    kind = st.radio(t("ui.download.report.kind"), KINDS, format_func=lambda k: t(f"ui.download.report.{k}"),
                    horizontal=True, key=f"report-kind-{lang}")
    st.download_button(t("ui.download.report.button"), data=partial(_report_file, S, lang, kind),
                       key=f"report-download-{lang}-{kind}", file_name=f"report-{kind}.docx", mime=MIME["docx"],
                       on_click="ignore")
