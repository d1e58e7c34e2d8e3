"""Static export: one goal's chart as a print-ready PNG, SVG or PDF, and the briefing pack.

Kaleido renders plotly figures in a headless Chromium. Starting Chromium costs ~2 s and one image
~0.1–0.5 s, so `Renderer` keeps ONE browser for as many images as it is asked for: use it as a context
manager for a batch (CLI, pack, tests), or `shared_renderer()` for a long-running process (the dashboard).
Kaleido never downloads a browser here: it is pointed at Debian's /usr/bin/chromium (`scripts/setup.sh`).

Every image carries its provenance (style.md §8): the source documents of the evidence shown, the
evidence basis, the plan document and the date of export.
"""

from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import difflib
import html
import io
import itertools
import os
import re
import shutil
import sys
import tempfile
import threading
import unicodedata
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from dashboard.judge.account import GoalAccount
from dashboard.judge.codes import STATUSES
from dashboard.judge.coherence import Finding
from dashboard.present.contract import goal_table_rows, to_csv
from dashboard.present.locale import Locale
from dashboard.records.model import Document, Plan

FORMATS = ("png", "svg", "pdf")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "zip": "application/zip"}
#: Page and image size in CSS pixels. PNG is rendered at scale 2 (3200×1800 px); SVG and PDF are vector
#: (a PDF page of 1200×675 pt, 16:9).
WIDTH, HEIGHT = 1600, 900
PNG_SCALE = 2
DEFAULT_BROWSER = Path("/usr/bin/chromium")
FALLBACK_FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"

# The print template: the same margins, sizes and colours on every page.
INK, MUTED, FAINT, RULE, PAPER = "#1f2933", "#52606d", "#7b8794", "#cbd2d9", "#ffffff"
TITLE_SIZE, SUBTITLE_SIZE, TEXT_SIZE, FOOTER_SIZE = 30, 19, 17, 15
LINE = 22  # px between footer lines (FOOTER_SIZE × ~1.45)
MARGIN_L, MARGIN_R = 90, 70
#: Characters of display width (a Chinese character counts 2) that fit one line across the page.
TEXT_COLS = 170  # at TEXT_SIZE
FOOTER_COLS = 190  # at FOOTER_SIZE
STATUS_FILL = {  # light tints for table cells; the charts keep their own stronger colours
    "achieved": "#d8f0dc", "on_track": "#dcebf7", "off_track": "#fde7c8", "missed": "#f9d5d3",
    "indeterminate": "#eceff3", "no_comparable_data": "#f5f7fa",
}


class ExportError(Exception):
    """A problem the person exporting can fix (a file in the way, an unknown goal id, no browser)."""


# ---------------------------------------------------------------------------------------------- text


def _font() -> str:
    try:
        from dashboard.present import charts
    except ImportError:
        return FALLBACK_FONT
    return getattr(charts, "FONT_FAMILY", FALLBACK_FONT)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_NO_LINE_START = set("，。、；：？！）》」』”’%‰,.;:?!)]")


def wrap(text: str, cols: int) -> list[str]:
    """Break `text` into lines of at most `cols` display columns: Chinese anywhere, Latin at spaces and after
    hyphens (a word longer than a line is cut), never starting a line with closing punctuation."""
    lines: list[str] = []
    for para in text.split("\n"):
        tokens: list[str] = []
        for tok in re.findall(r"[A-Za-z0-9%‰.,–+/()'’:;!?&]*-|[A-Za-z0-9%‰.,–+/()'’:;!?&]+\s*|\s+|.", para):
            while display_width(tok) > cols:  # a run of Latin longer than the line: cut it
                tokens.append(tok[:cols])
                tok = tok[cols:]
            tokens.append(tok)
        line, width = "", 0
        for tok in tokens:
            w = display_width(tok)
            if width + w > cols and line.strip() and tok[0] not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, width = tok.lstrip(), display_width(tok.lstrip())
            else:
                line, width = line + tok, width + w
        lines.append(line.rstrip())
    return lines


def _esc(text: str) -> str:
    """Plotly reads a small HTML subset in text: keep data text literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str, cols: int) -> str:
    return "<br>".join(_esc(line) for line in wrap(text, cols))


def _doc_title(d: Document, loc: Locale) -> str:
    return loc.t("export.doc", title=loc.document_title(d), date=d.published.isoformat())


def _basis_words(a: GoalAccount, loc: Locale) -> str:
    if a.basis is None:
        return loc.t("export.basis_none")
    words = loc.basis(a.basis)
    if a.timing:
        timing = loc.t(f"timing.{a.timing}")
        words += f" ({timing.lower()})" if loc.en else f"（{timing}）"
    return words


def _documents(evidence: Iterable) -> list[Document]:
    seen: dict[str, Document] = {}
    for e in evidence:
        if e.document is not None and e.document.id not in seen:
            seen[e.document.id] = e.document
    return sorted(seen.values(), key=lambda d: (d.published, d.id))


@lru_cache(maxsize=1)
def _default_plan() -> Plan | None:
    from dashboard.records.load import load

    return load()[0].plan


# ---------------------------------------------------------------------------------------------- figures


def footer_lines(a: GoalAccount, loc: Locale, exported_on: dt.date | None = None,
                 plan: Plan | None = None) -> list[str]:
    """The provenance lines printed under a goal's chart (plain text, before wrapping)."""
    plan = plan or _default_plan()
    sep = loc.clause_sep
    comparable = _documents(e for e in a.evidence if e.comparable)
    others = [d for d in _documents(a.evidence) if d.id not in {c.id for c in comparable}]
    lines = []
    if comparable:
        lines.append(loc.t("export.footer.sources", titles=sep.join(_doc_title(d, loc) for d in comparable)))
    elif not others:
        lines.append(loc.t("export.footer.no_sources"))
    if others:
        lines.append(loc.t("export.footer.not_comparable", titles=sep.join(_doc_title(d, loc) for d in others)))
    if a.deciding is not None and a.basis is not None:
        why = loc.reasons(a.deciding.reasons)
        if a.basis == "direct" or not why:
            why = loc.area(a.deciding.observation.area)
        lines.append(loc.t("export.footer.basis", basis=loc.t(f"basis.{a.basis}"), why=why))
    else:
        lines.append(loc.t("export.footer.basis_none"))
    if plan is not None:
        lines.append(loc.t("export.footer.plan", plan=loc.pick(plan.name, plan.name_en),
                       chapter=loc.chapter(a.goal)))
    lines.append(loc.t("export.footer.exported", date=(exported_on or dt.date.today()).isoformat()))
    return lines


LEGEND_W = 300  # px right of the plot for a goal chart's legend
PACK_AHEAD = 4  # goals whose images are queued ahead of the one being written
FOOT_GAP = 80  # px from the bottom of the plot to the first footer line (room for the x-axis labels)


def _dress(fig: go.Figure, *, title: str, subtitle: str, head: Sequence[str] = (), foot: Sequence[str] = (),
           legend: str = "right", left: int = MARGIN_L) -> go.Figure:
    """Apply the print template: fixed page size, margins, font and colours; title and subtitle at the top,
    `head` lines (wrapped, escaped) under the subtitle, `foot` lines at the bottom of the page under a hairline.

    Margins are fixed (no auto-expansion), so every page has the same frame and the header and footer sit at
    the same place on every page. `left` widens the left margin for long category labels; the title and the
    footer still start at the page margin. `legend="right"` stacks the legend beside the plot, `"top"` lays it
    in the row above the plot, `"keep"` leaves the figure's own legend.
    """
    head_top = 40 + TITLE_SIZE + 12 + SUBTITLE_SIZE + 22  # px from the top of the page
    top = head_top + len(head) * (LINE + 2) + 44  # the last 44: a row for the chart's badge, notes or legend
    bottom = FOOT_GAP + len(foot) * LINE + 24
    right = MARGIN_R + (LEGEND_W if legend == "right" else 0)
    plot_w, plot_h = WIDTH - left - right, HEIGHT - top - bottom
    font = _font()
    fig.update_layout(
        width=WIDTH, height=HEIGHT, autosize=False,
        font=dict(family=font, size=TEXT_SIZE, color=INK),
        paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        margin=dict(l=left, r=right, t=top, b=bottom, pad=4, autoexpand=False),
        title=dict(
            text=f"<b>{_esc(title)}</b>", x=MARGIN_L / WIDTH, xanchor="left", xref="container",
            y=1 - 40 / HEIGHT, yanchor="top", yref="container",
            font=dict(family=font, size=TITLE_SIZE, color=INK),
            subtitle=dict(text=_esc(subtitle), font=dict(family=font, size=SUBTITLE_SIZE, color=MUTED)),
            automargin=False,
        ),
        hoverlabel=dict(font=dict(family=font)),
    )
    if legend == "right":
        fig.update_layout(legend=dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", yref="paper",
                                      bgcolor="rgba(0,0,0,0)", font=dict(family=font, size=TEXT_SIZE - 1, color=INK)))
    elif legend == "top":  # in the row above the plot, never in the footer's way
        fig.update_layout(showlegend=True, legend=dict(
            orientation="h", x=0, xanchor="left", y=1, yanchor="bottom", yref="paper", bgcolor="rgba(0,0,0,0)",
            font=dict(family=font, size=TEXT_SIZE - 1, color=INK)))
    page_x0 = -(left - MARGIN_L) / plot_w  # the page margin, in the plot's paper coordinates
    page_x1 = 1 + (right - MARGIN_R) / plot_w
    anns = list(fig.layout.annotations or ())
    if head:
        anns.append(dict(
            text="<br>".join(head), xref="paper", yref="paper", x=page_x0, y=1, xanchor="left", yanchor="top",
            yshift=top - head_top, align="left", showarrow=False, font=dict(family=font, size=TEXT_SIZE, color=INK),
        ))
    if foot:
        anns.append(dict(
            text="<br>".join(foot), xref="paper", yref="paper", x=page_x0, y=0, xanchor="left", yanchor="top",
            yshift=-FOOT_GAP, align="left", showarrow=False, font=dict(family=font, size=FOOTER_SIZE, color=MUTED),
        ))
        y = -(FOOT_GAP - 10) / plot_h  # a hairline between the chart and its provenance
        fig.add_shape(type="line", xref="paper", yref="paper", x0=page_x0, x1=page_x1, y0=y, y1=y,
                      line=dict(color=RULE, width=1))
    fig.update_layout(annotations=anns)
    return fig


def briefing_figure(a: GoalAccount, loc: Locale, exported_on: dt.date | None = None, *,
                    plan: Plan | None = None) -> go.Figure:
    """`charts.goal_figure(a, loc)` dressed for print: title with the target in the plan's words and its
    year, a subtitle with the unit, status and basis, the one-line reason, and a provenance footer.

    `plan` names the plan document in the footer (default: the project's plan). `exported_on` defaults to
    today. The chart itself is a copy: the figure `charts` returns is not changed.
    """
    from dashboard.present import charts

    g = a.goal
    fig = go.Figure(charts.goal_figure(a, loc))
    title = loc.t("export.title", name=loc.goal_name(a.goal), target=loc.target(g), year=g.target_year)
    subtitle = loc.t("export.subtitle", unit=g.unit or loc.t("export.unit_none"),
                 status=loc.status(a.status, a.basis), basis=_basis_words(a, loc))
    reason = loc.t("export.reason", reason=loc.reason(a.reason))
    head = [_esc(line) for line in wrap(reason, TEXT_COLS)]
    foot = [_esc(line) for text in footer_lines(a, loc, exported_on, plan) for line in wrap(text, FOOTER_COLS)]
    fig.update_yaxes(title_font=dict(size=FOOTER_SIZE))  # the screen's 12 px axis title is too small on paper
    return _dress(fig, title=title, subtitle=subtitle, head=head, foot=foot)


# ---------------------------------------------------------------------------------------------- renderer


def browser_path(path: str | os.PathLike | None = None) -> Path:
    """The Chromium kaleido drives: `path`, else $BROWSER_PATH, else /usr/bin/chromium. Never downloaded."""
    p = Path(path or os.environ.get("BROWSER_PATH") or DEFAULT_BROWSER)
    if not (p.is_file() and os.access(p, os.X_OK)):
        raise ExportError(
            f"Chromium not found at {p}: static export (PNG, SVG, PDF) needs it. Run scripts/setup.sh, which "
            "installs the Debian package `chromium` (do not use plotly_get_chrome / kaleido_get_chrome: they "
            "download a browser and fail offline)."
        )
    return p


RELOAD_EVERY = 40  # images a browser tab draws before kaleido's page (plotly.js) is loaded afresh


def _kaleido_class():
    """kaleido's Kaleido, reloading its page less often.

    Stock kaleido 1.5 reloads the page (and with it all of plotly.js) after every image: ~0.14 s of a PNG's
    0.25 s. Reloading every RELOAD_EVERY images, and after any failed image, halves the time of a pack; the
    images are byte-for-byte the same (tests/test_export.py checks it). Uses a private hook of the pinned
    kaleido; without that hook the stock class is used unchanged.
    """
    import kaleido

    base = kaleido.Kaleido
    if not hasattr(base, "_return_kaleido_tab") or not hasattr(base, "_render_task"):
        return base

    class _ReusingKaleido(base):
        _uses = 0
        _failed = False

        async def _render_task(self, *args, **kwargs):
            try:
                return await super()._render_task(*args, **kwargs)
            except BaseException:
                self._failed = True
                raise

        async def _return_kaleido_tab(self, tab) -> None:
            self._uses += 1
            if self._failed or self._uses % RELOAD_EVERY == 0:
                self._failed = False
                await super()._return_kaleido_tab(tab)
            else:
                await self.tabs_ready.put(tab)

    return _ReusingKaleido


class Renderer:
    """One Chromium (through kaleido) for many images. Thread-safe; use as a context manager or call
    `start()` / `close()`.

    kaleido's own `start_sync_server` keeps a process-wide singleton whose results can be handed to the
    wrong caller when two threads render at once (Streamlit runs each session in its own thread), and which
    waits forever if the browser fails to start. This class owns its event loop instead: each render is a
    future with a time limit, and a browser that fails to start raises at once.

    `tabs` browser tabs render side by side: `submit()` queues an image and returns a future, so a caller
    can keep building figures while Chromium draws.
    """

    def __init__(self, browser: str | os.PathLike | None = None, timeout: float = 90, tabs: int = 1):
        self.browser = browser
        self.timeout = timeout
        self.tabs = tabs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._lock = threading.Lock()
        self.images = 0

    @property
    def running(self) -> bool:
        return self._kaleido is not None and self._thread is not None and self._thread.is_alive()

    def start(self) -> Renderer:
        with self._lock:
            if self.running:
                return self
            path = browser_path(self.browser)
            kaleido_class = _kaleido_class()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kaleido-renderer", daemon=True)
            thread.start()

            async def _open():
                k = kaleido_class(n=self.tabs, mathjax=False, path=str(path), timeout=self.timeout)
                await k.open()
                return k

            try:
                self._kaleido = asyncio.run_coroutine_threadsafe(_open(), loop).result(self.timeout)
            except BaseException as exc:
                loop.call_soon_threadsafe(loop.stop)
                thread.join(5)
                raise ExportError(f"could not start Chromium at {path} for static export: {exc}") from exc
            self._loop, self._thread = loop, thread
            return self

    def close(self) -> None:
        with self._lock:
            loop, thread, k = self._loop, self._thread, self._kaleido
            self._loop = self._thread = self._kaleido = None
        if loop is None:
            return
        try:
            if k is not None:
                asyncio.run_coroutine_threadsafe(k.close(), loop).result(30)
        except Exception:  # noqa: BLE001 - closing a browser that already died is not an error worth raising
            pass
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                thread.join(10)
            if not loop.is_running():
                loop.close()

    def __enter__(self) -> Renderer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, fig: go.Figure | dict, fmt: str, *, width: int = WIDTH, height: int = HEIGHT) -> Future:
        """Queue one image; the future's result is its bytes (see `render`)."""
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        if not self.running:
            self.start()
        spec = fig.to_dict() if isinstance(fig, go.Figure) else fig  # a snapshot, taken in the caller's thread
        opts = dict(format=fmt, width=width, height=height, scale=PNG_SCALE if fmt == "png" else 1)
        with self._lock:
            self.images += 1
            return asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(spec, opts=opts), self._loop)

    def render(self, fig: go.Figure | dict, fmt: str, *, width: int = WIDTH, height: int = HEIGHT) -> bytes:
        """The figure as PNG (scale 2: 3200×1800 px at the default size), SVG or PDF bytes."""
        return self.submit(fig, fmt, width=width, height=height).result(self.timeout + 10)


_shared: Renderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> Renderer:
    """A process-wide renderer, started on first use and restarted if its browser has died."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Renderer()
            atexit.register(_shared.close)
        if not _shared.running:
            _shared.start()
        return _shared


# ---------------------------------------------------------------------------------------------- files


def safe_name(goal_id: str) -> str:
    """A goal id as a file name: lower-case a–z, 0–9 and '-', nothing else (no dots, no slashes)."""
    name = re.sub(r"[^a-z0-9-]+", "-", goal_id.lower()).strip("-")
    return re.sub(r"-{2,}", "-", name) or "goal"


def file_name(a: GoalAccount, fmt: str) -> str:
    return f"{safe_name(a.goal.id)}.{fmt}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, force: bool = False) -> Path:
    """Write to a temporary file beside `path`, then rename it into place: a reader never sees half a file."""
    path = Path(path)
    if path.exists() and not force:
        raise ExportError(f"{path} already exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if path.exists() and not force:  # appeared while we rendered
            raise ExportError(f"{path} already exists; use --force to overwrite it")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def goal_image_bytes(a: GoalAccount, fmt: str, loc: Locale, *, plan: Plan | None = None,
                     exported_on: dt.date | None = None, renderer: Renderer | None = None) -> bytes:
    """One goal's briefing chart as bytes, for a download button. Uses `renderer`, else the process-wide one."""
    renderer = renderer or shared_renderer()
    return renderer.render(briefing_figure(a, loc, exported_on, plan=plan), fmt)


def export_goal(a: GoalAccount, fmt: str, path: str | os.PathLike, loc: Locale, force: bool = False, *,
                plan: Plan | None = None, exported_on: dt.date | None = None,
                renderer: Renderer | None = None) -> Path:
    """Write one goal's briefing chart. `path` is a file, or a folder (existing, or written with a trailing
    slash or without a suffix) that gets `<goal-id>.<fmt>`. Refuses to overwrite without `force`."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(path)
    as_folder = path.is_dir() or str(path).endswith(("/", os.sep)) or not path.suffix
    dest = path / file_name(a, fmt) if as_folder else path
    if not as_folder and dest.suffix.lower().lstrip(".") in FORMATS and dest.suffix.lower() != f".{fmt}":
        raise ExportError(f"{dest} does not match the format {fmt}: use --format {dest.suffix.lower().lstrip('.')} "
                          f"or a file name ending in .{fmt}")
    if dest.exists() and not force:
        raise ExportError(f"{dest} already exists; use --force to overwrite it")
    if renderer is None:
        with Renderer() as r:
            data = goal_image_bytes(a, fmt, loc, plan=plan, exported_on=exported_on, renderer=r)
    else:
        data = goal_image_bytes(a, fmt, loc, plan=plan, exported_on=exported_on, renderer=renderer)
    return write_atomic(dest, data, force)


# ---------------------------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class Selection:
    """Which goals go into a pack: every given kind must match (AND); within a kind any value (OR)."""

    groups: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    goal_ids: tuple[str, ...] | None = None

    @classmethod
    def of(cls, groups: Sequence[str] | None = None, statuses: Sequence[str] | None = None,
           goal_ids: Sequence[str] | None = None) -> Selection:
        norm = lambda xs: tuple(dict.fromkeys(x.strip() for x in xs)) if xs else None  # noqa: E731
        return cls(norm(groups), norm(statuses), norm(goal_ids))

    @property
    def everything(self) -> bool:
        return not (self.groups or self.statuses or self.goal_ids)

    def check(self, assessments: Sequence[GoalAccount]) -> None:
        known = [a.goal.id for a in assessments]
        for gid in self.goal_ids or ():
            if gid not in known:
                near = difflib.get_close_matches(gid, known, n=3)
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                raise ExportError(f"unknown goal id {gid!r}{hint}; list the ids with `python -m dashboard goals`")
        for s in self.statuses or ():
            if s not in STATUSES:
                raise ExportError(f"unknown status {s!r}: use one of {', '.join(STATUSES)}")
        groups = sorted({a.goal.group for a in assessments})
        for g in self.groups or ():
            if g not in groups:
                raise ExportError(f"unknown group {g!r}: use one of {', '.join(groups)}")

    def apply(self, assessments: Sequence[GoalAccount]) -> list[GoalAccount]:
        """The selected goals in the plan's order; raises ExportError for an unknown id or an empty result."""
        self.check(assessments)
        out = [a for a in assessments
               if (not self.groups or a.goal.group in self.groups)
               and (not self.statuses or a.status in self.statuses)
               and (not self.goal_ids or a.goal.id in self.goal_ids)]
        if not out:
            raise ExportError(f"no goal matches the selection ({self.describe(Locale('en'))})")
        return out

    def describe(self, loc: Locale) -> str:
        if self.everything:
            return loc.t("export.cover.all")
        sep = loc.list_sep
        parts = []
        if self.groups:
            parts.append(loc.t("export.cover.groups", items=sep.join(loc.group(g) for g in self.groups)))
        if self.statuses:
            parts.append(loc.t("export.cover.statuses", items=sep.join(loc.status(s) for s in self.statuses)))
        if self.goal_ids:
            parts.append(loc.t("export.cover.goals", items=sep.join(self.goal_ids)))
        return loc.clause_sep.join(parts)


# ---------------------------------------------------------------------------------------------- pack pages


def cover_figure(selected: Sequence[GoalAccount], select: Selection, loc: Locale, plan: Plan | None,
                 exported_on: dt.date) -> go.Figure:
    """The first page: plan, what the pack covers, when it was made, and the count of goals by status."""
    font = _font()
    counts = {s: sum(a.status == s for a in selected) for s in STATUSES}
    docs = _documents(e for a in selected for e in a.evidence)
    plan_name = loc.pick(plan.name, plan.name_en) if plan else ""
    words = [loc.status(s) for s in STATUSES] + [f"<b>{_esc(loc.t('export.cover.total'))}</b>"]
    fig = go.Figure(go.Table(
        domain=dict(x=[0, 0.40], y=[0.08, 0.58]),
        columnwidth=[3, 1],
        header=dict(values=[f"<b>{_esc(loc.t('export.cover.by_status'))}</b>", ""], align=["left", "right"],
                    fill_color="#e4e7eb", line=dict(color=RULE), font=dict(family=font, size=TEXT_SIZE + 1, color=INK),
                    height=38),
        cells=dict(values=[[f"<span>{w}</span>" for w in words],
                           [f"<span>{counts[s]}</span>" for s in STATUSES] + [f"<b>{len(selected)}</b>"]],
                   align=["left", "right"], height=36, fill_color=[[STATUS_FILL[s] for s in STATUSES] + [PAPER]],
                   font=dict(family=font, size=TEXT_SIZE + 1, color=INK), line=dict(color=RULE)),
    ))
    fig.update_layout(width=WIDTH, height=HEIGHT, autosize=False, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
                      font=dict(family=font, color=INK), margin=dict(l=MARGIN_L, r=MARGIN_R, t=60, b=50))
    texts = [
        (plan_name, 40, INK, 0.99),
        (loc.t("export.cover.title"), 28, MUTED, 0.88),
        (loc.t("export.cover.selection", selection=select.describe(loc)) + ("  " if loc.en else "　")
         + loc.t("export.cover.count", n=len(selected)), TEXT_SIZE + 3, INK, 0.77),
        (loc.t("export.cover.date", date=exported_on.isoformat()), TEXT_SIZE + 1, MUTED, 0.71),
        (loc.t("export.cover.sources", n=len(docs)), TEXT_SIZE + 1, MUTED, 0.66),
        (loc.t("export.cover.method"), TEXT_SIZE, MUTED, 0.03),
    ]
    for text, size, colour, y in texts:
        fig.add_annotation(text=_lines(text, int(TEXT_COLS * TEXT_SIZE / size)), x=0, y=y, xref="paper",
                           yref="paper", xanchor="left", yanchor="top", align="left", showarrow=False,
                           font=dict(family=font, size=size, color=colour))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _label_room(fig: go.Figure) -> int:
    """Px the left margin needs for a horizontal bar chart's category labels (plotly cannot auto-expand a
    fixed frame): the widest label line at the tick font size, plus padding."""
    size = (fig.layout.yaxis.tickfont.size if fig.layout.yaxis.tickfont else None) or TEXT_SIZE
    widest = 0
    for trace in fig.data:
        if getattr(trace, "orientation", None) == "h" and trace.y is not None:
            for label in trace.y:
                for line in re.split(r"<br\s*/?>", str(label)):
                    widest = max(widest, display_width(re.sub(r"<[^>]+>", "", line)))
    return max(MARGIN_L, int(widest * size * 0.55) + 36)


def pack_page(fig: go.Figure, title: str, subtitle: str = "", foot: Sequence[str] = ()) -> go.Figure:
    """A figure from `charts` (overview, coherence) put on a page of the pack, its legend always shown."""
    fig = go.Figure(fig)
    return _dress(fig, title=title, subtitle=subtitle, foot=[_esc(x) for x in foot], legend="top",
                  left=_label_room(fig))


_TABLE_CELL = 15
_TABLE_COL_PX = 8.3  # px per display column at _TABLE_CELL (a Latin digit is wider than half a Chinese character)
_TABLE_CELL_PAD = 18  # px of padding inside a cell
#: Goal table: (column key, width in display columns); the reason column takes what is left of the page.
_TABLE_WIDTHS = [("id", 24), ("name", 26), ("target", 18), ("status", 12), ("basis", 14)]
_REASON_COLS = int((WIDTH - MARGIN_L - MARGIN_R - sum(c * _TABLE_COL_PX + _TABLE_CELL_PAD for _, c in _TABLE_WIDTHS)
                    - _TABLE_CELL_PAD) / _TABLE_COL_PX)
_TABLE_COLUMNS = [(k, c * _TABLE_COL_PX + _TABLE_CELL_PAD, c) for k, c in _TABLE_WIDTHS] + [
    ("reason", _REASON_COLS * _TABLE_COL_PX + _TABLE_CELL_PAD, _REASON_COLS)]
_TABLE_LINE = 23  # px per wrapped line at _TABLE_CELL (measured)
_TABLE_PAD = 12  # px of padding per row
_TABLE_ROOM = HEIGHT - (40 + TITLE_SIZE + 12 + SUBTITLE_SIZE + 22 + 44) - (FOOT_GAP + LINE + 24) - 40


def _table_cells(a: GoalAccount, loc: Locale) -> dict[str, list[str]]:
    g = a.goal
    values = {
        "id": g.id,
        "name": loc.goal_name(a.goal),
        "target": f"{loc.target(g)} ({g.target_year})" if loc.en else f"{loc.target(g)}（{g.target_year}）",
        "status": loc.status(a.status, a.basis),
        "basis": _basis_words(a, loc) if a.basis else "—",
        "reason": loc.reason(a.reason),
    }
    return {k: wrap(values[k], cols) for k, _, cols in _TABLE_COLUMNS}


def table_figures(selected: Sequence[GoalAccount], loc: Locale, foot: Sequence[str] = (),
                  subtitle: str = "") -> list[go.Figure]:
    """The goal table as pages: rows wrapped by hand (plotly does not wrap Chinese), paginated by height.

    Every cell is wrapped in <span>: plotly sets a cell with markup a few px lower than a plain one, so
    mixing the two would misalign a row.
    """
    rows = [(a, _table_cells(a, loc)) for a in selected]
    pages: list[list] = [[]]
    used = 0
    for a, cells in rows:
        h = max(len(v) for v in cells.values()) * _TABLE_LINE + _TABLE_PAD
        if pages[-1] and used + h > _TABLE_ROOM:
            pages.append([])
            used = 0
        pages[-1].append((a, cells))
        used += h
    font = _font()
    figs = []
    for i, page in enumerate(pages, 1):
        fig = go.Figure(go.Table(
            columnwidth=[w for _, w, _ in _TABLE_COLUMNS],
            header=dict(values=[f"<b>{_esc(loc.t('export.col.' + k))}</b>" for k, _, _ in _TABLE_COLUMNS],
                        align="left", fill_color="#e4e7eb", line=dict(color=RULE), height=34,
                        font=dict(family=font, size=_TABLE_CELL, color=INK)),
            cells=dict(values=[["<span>" + "<br>".join(_esc(x) for x in cells[k]) + "</span>" for _, cells in page]
                               for k, _, _ in _TABLE_COLUMNS],
                       align="left", height=_TABLE_LINE + _TABLE_PAD, line=dict(color=RULE),
                       fill_color=[[STATUS_FILL[a.status] if k == "status" else PAPER for a, _ in page]
                                   for k, _, _ in _TABLE_COLUMNS],
                       font=dict(family=font, size=_TABLE_CELL, color=INK)),
        ))
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        title = loc.t("export.table.title", page=i, pages=len(pages))
        figs.append(_dress(fig, title=title, subtitle=subtitle, foot=[_esc(x) for x in foot], legend="keep"))
    return figs


# ---------------------------------------------------------------------------------------------- pack


ProgressFn = Callable[[int, int, str], None]


def _relevant(findings: Iterable[Finding], ids: set[str]) -> list[Finding]:
    return [f for f in findings
            if f.pace_goal.id in ids or (f.level_goal and f.level_goal.id in ids)
            or (f.other_goal and f.other_goal.id in ids)]


def xlsx_bytes(selected: Sequence[GoalAccount], loc: Locale, docs: Sequence[Document] = ()) -> bytes:
    """The goal table as a workbook: header row, frozen panes, widths to fit, status words in the locale's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = ["id", "name", "group", "target", "target_year", "baseline", "status", "basis", "timing", "evidence",
            "comparable", "deciding", "reason"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Goals" if loc.en else "目标"
    ws.append([loc.t(f"export.col.{c}") for c in cols])
    for a, row in zip(selected, goal_table_rows(list(selected), loc.data), strict=True):
        g = a.goal
        ws.append([
            g.id, loc.goal_name(a.goal), loc.group(g.group), loc.target(g), g.target_year,
            loc.value(row["baseline_value"], g.unit or "") if row["baseline_value"] is not None else None,
            loc.status(a.status, a.basis), loc.t(f"basis.{a.basis}") if a.basis else None,
            loc.t(f"timing.{a.timing}") if a.timing else None, row["evidence_count"], row["comparable_count"],
            row["deciding_observation"], loc.reason(a.reason),
        ])
    header_fill = PatternFill("solid", fgColor="E4E7EB")
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center")
    status_col = cols.index("status") + 1
    for r in range(2, ws.max_row + 1):
        a = selected[r - 2]
        ws.cell(r, status_col).fill = PatternFill("solid", fgColor=STATUS_FILL[a.status].lstrip("#").upper())
        ws.cell(r, len(cols)).alignment = Alignment(wrap_text=True, vertical="top")
    for i in range(1, len(cols) + 1):
        widest = max(display_width(str(v)) if v is not None else 0 for v in
                     (ws.cell(r, i).value for r in range(1, ws.max_row + 1)))
        ws.column_dimensions[get_column_letter(i)].width = min(max(widest + 2, 8), 70)
    ws.freeze_panes = "C2"  # the header row and the id and name columns stay in view
    ws.auto_filter.ref = ws.dimensions
    if docs:
        src = wb.create_sheet("Sources" if loc.en else "来源")
        src.append(["id", "title" if loc.en else "标题", "publisher" if loc.en else "发布者",
                    "published" if loc.en else "日期", "file" if loc.en else "文件"])
        for d in docs:
            src.append([d.id, loc.document_title(d), loc.publisher(d), d.published.isoformat(), d.file])
        for cell in src[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
        for i, w in enumerate((10, 50, 50, 12, 28), 1):
            src.column_dimensions[get_column_letter(i)].width = w
        src.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def readme_text(selected: Sequence[GoalAccount], select: Selection, loc: Locale, plan: Plan | None,
                docs: Sequence[Document], exported_on: dt.date) -> str:
    """README.txt of a pack: what is in it, which goals, and where every figure comes from."""
    plan_name = loc.pick(plan.name, plan.name_en) if plan else ""
    files = [("briefing.pdf", "briefing_pdf"), ("charts/<id>.png", "chart_png"), ("charts/<id>.svg", "chart_svg"),
             ("goals.csv", "goals_csv"), ("goals.xlsx", "goals_xlsx"), ("README.txt", "README_txt")]
    lines = [loc.t("export.readme.title", plan=plan_name), "",
             loc.t("export.cover.selection", selection=select.describe(loc)) + "  "
             + loc.t("export.cover.count", n=len(selected)),
             loc.t("export.cover.date", date=exported_on.isoformat()), "",
             loc.t("export.readme.contents")]
    lines += [f"  {name:<18} {loc.t('export.readme.file.' + key)}" for name, key in files]
    lines += ["", loc.t("export.readme.goals")]
    width = max(len(a.goal.id) for a in selected)
    lines += [f"  {a.goal.id:<{width}}  {loc.status(a.status, a.basis)}  {loc.goal_name(a.goal)}" for a in selected]
    lines += ["", loc.t("export.readme.sources")]
    if plan is not None:
        lines.append(f"  {loc.t('export.readme.plan')}{loc.colon}{plan_name} ({plan.source})")
    for d in docs:
        lines.append(f"  {d.id}: {loc.document_title(d)}; {loc.publisher(d)}; {d.published.isoformat()} ({d.file})")
    lines += ["", loc.t("export.readme.method"), loc.t("export.readme.made"), ""]
    return "\n".join(lines)


def _replaceable(path: Path) -> bool:
    """--force may replace an earlier pack or an empty folder, never a folder of someone's other files."""
    if not path.is_dir():
        return False
    return not any(path.iterdir()) or (path / "briefing.pdf").is_file() or (path / "goals.csv").is_file()


def build_pack(assessments: Sequence[GoalAccount], findings: Sequence[Finding], out_dir: str | os.PathLike,
               loc: Locale, select: Selection | None = None, force: bool = False,
               progress: ProgressFn | None = None, *, plan: Plan | None = None, zip_it: bool = False,
               exported_on: dt.date | None = None, renderer: Renderer | None = None) -> list[Path]:
    """Write a briefing pack into the folder `out_dir` and return the files written.

    The pack: briefing.pdf (cover, overview of statuses, plan coherence where it concerns the selection, the
    goal table, one page per goal), charts/<goal-id>.png and .svg, goals.csv (the `assess` CSV contract),
    goals.xlsx and README.txt. It is built in a temporary folder beside `out_dir` and renamed into place at
    the end, so a half-built pack never stands at `out_dir`. `zip_it` also writes `<out_dir>.zip`.
    """
    select = select or Selection()
    selected = select.apply(assessments)
    exported_on = exported_on or dt.date.today()
    plan = plan or _default_plan()
    out_dir = Path(out_dir)
    zip_path = out_dir.with_name(out_dir.name + ".zip")
    if out_dir.exists() and not force:
        raise ExportError(f"{out_dir} already exists; use --force to replace the pack")
    if out_dir.exists() and not _replaceable(out_dir):
        raise ExportError(f"{out_dir} is not an earlier briefing pack (no briefing.pdf or goals.csv in it); "
                          "--force replaces only a pack: choose a new folder for --out")
    if zip_it and zip_path.exists() and not force:
        raise ExportError(f"{zip_path} already exists; use --force to replace it")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=".tmp"))
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; the pack is an ordinary folder
        own = renderer is None
        r = renderer or Renderer()
        try:
            names = _write_pack(tmp, selected, findings, loc, select, plan, exported_on, r.start(), progress)
        finally:
            if own:
                r.close()
        if out_dir.exists():
            if not force or not _replaceable(out_dir):
                raise ExportError(f"{out_dir} appeared while the pack was built; not replaced")
            old = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=".old"))
            os.replace(out_dir, old / "pack")  # out of the way first: os.replace cannot replace a folder
            os.replace(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    written = [out_dir / n for n in names]
    if zip_it:
        written.append(write_atomic(zip_path, _zip_folder(out_dir, out_dir.name), force=True))
    return written


def _write_pack(folder: Path, selected: list[GoalAccount], findings: Sequence[Finding], loc: Locale,
                select: Selection, plan: Plan | None, exported_on: dt.date, r: Renderer,
                progress: ProgressFn | None) -> list[str]:
    """Render and write the pack's files into `folder`. The figures of the next PACK_AHEAD goals are built
    and queued while Chromium draws, and each PDF page is merged while the next images render, so the
    Python work (plotly, pypdf) overlaps the browser's."""
    from pypdf import PdfReader, PdfWriter

    from dashboard.present import charts

    total = len(selected) + 4
    step = 0

    def tick(label: str) -> None:
        nonlocal step
        step += 1
        if progress:
            progress(step, total, label)

    wait = r.timeout + 10
    writer = PdfWriter()

    def add_page(title: str, pdf: Future) -> None:
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(pdf.result(wait))))
        writer.add_outline_item(title=title, page_number=start)

    docs = _documents(e for a in selected for e in a.evidence)
    plan_name = loc.pick(plan.name, plan.name_en) if plan else ""
    page_foot = [loc.t("export.page.footer", plan=plan_name, date=exported_on.isoformat())]
    scope = loc.t("export.cover.selection", selection=select.describe(loc)) + ("  " if loc.en else "　") \
        + loc.t("export.cover.count", n=len(selected))
    front: list[tuple[str, Future]] = [
        (loc.t("export.cover.title"), r.submit(cover_figure(selected, select, loc, plan, exported_on), "pdf")),
        (loc.t("export.cover.by_status"), r.submit(pack_page(
            charts.overview_figure(selected, loc), loc.t("export.cover.by_status"), scope, page_foot), "pdf")),
    ]
    related = _relevant(findings, {a.goal.id for a in selected})
    if related:
        front.append((loc.t("export.coherence.title"), r.submit(pack_page(
            charts.coherence_figure(related, loc), loc.t("export.coherence.title"), "", page_foot), "pdf")))
    tables = []
    for fig in table_figures(selected, loc, page_foot, scope):
        title = html.unescape(fig.layout.title.text.removeprefix("<b>").removesuffix("</b>"))
        tables.append((title, r.submit(fig, "pdf")))

    def submit(a: GoalAccount) -> tuple[GoalAccount, dict[str, Future]]:
        fig = briefing_figure(a, loc, exported_on, plan=plan)
        return a, {fmt: r.submit(fig, fmt) for fmt in ("pdf", "png", "svg")}

    todo = iter(selected)
    ahead = deque(submit(a) for a in itertools.islice(todo, PACK_AHEAD))
    for title, pdf in front:
        add_page(title, pdf)
    tick(loc.t("export.progress.cover"))
    for title, pdf in tables:
        add_page(title, pdf)
    tick(loc.t("export.progress.table"))

    (folder / "charts").mkdir()
    names: list[str] = []
    while ahead:
        a, futures = ahead.popleft()
        nxt = next(todo, None)
        if nxt is not None:
            ahead.append(submit(nxt))
        add_page(f"{a.goal.id} {loc.goal_name(a.goal)}", futures["pdf"])
        for fmt in ("png", "svg"):
            name = f"charts/{file_name(a, fmt)}"
            (folder / name).write_bytes(futures[fmt].result(wait))
            names.append(name)
        tick(a.goal.id)

    (folder / "goals.csv").write_text(to_csv(selected, loc.data), encoding="utf-8", newline="")
    (folder / "goals.xlsx").write_bytes(xlsx_bytes(selected, loc, docs))
    (folder / "README.txt").write_text(readme_text(selected, select, loc, plan, docs, exported_on), encoding="utf-8")
    tick(loc.t("export.progress.files"))

    writer.add_metadata({"/Title": f"{plan_name} — {loc.t('export.cover.title')}",
                         "/Subject": select.describe(loc), "/Creator": "plan-tracker (python -m dashboard pack)"})
    with open(folder / "briefing.pdf", "wb") as f:
        writer.write(f)
    tick(loc.t("export.progress.merge"))
    return ["briefing.pdf", *names, "goals.csv", "goals.xlsx", "README.txt"]


def _zip_folder(folder: Path, root: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, f"{root}/{p.relative_to(folder).as_posix()}")
    return buf.getvalue()


def pack_name(exported_on: dt.date | None = None) -> str:
    return f"briefing-{(exported_on or dt.date.today()).isoformat()}"


def pack_bytes(assessments: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale,
               select: Selection | None = None, *, plan: Plan | None = None, exported_on: dt.date | None = None,
               renderer: Renderer | None = None, progress: ProgressFn | None = None) -> bytes:
    """The briefing pack as a zip in memory (for a download button); the files sit under `pack_name()/`.
    Uses `renderer`, else the process-wide one."""
    exported_on = exported_on or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="plan-tracker-pack-") as tmp:
        out = Path(tmp) / pack_name(exported_on)
        build_pack(assessments, findings, out, loc, select, progress=progress, plan=plan, exported_on=exported_on,
                   renderer=renderer or shared_renderer())
        return _zip_folder(out, out.name)


# ---------------------------------------------------------------------------------------------- CLI


class _Bar:
    """A text progress bar on stderr: redrawn in place on a terminal, a few plain lines in a log."""

    def __init__(self, stream=None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int, label: str) -> None:
        filled = self.width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {label}"
        if self.tty:
            self.stream.write("\r\033[K" + line + ("\n" if done >= total else ""))
        elif done * 10 // max(total, 1) != self._last or done >= total:
            self._last = done * 10 // max(total, 1)
            self.stream.write(line + "\n")
        self.stream.flush()


def _load_for_cli(args):
    from dashboard.judge import Judge
    from dashboard.records.load import load

    dataset, report = load(args.data, args.sources)
    for p in report.errors:
        print(f"error: {p}", file=sys.stderr)
    return dataset, report, Judge(dataset).accounts()


def cli_export(args) -> int:
    dataset, report, assessments = _load_for_cli(args)
    try:
        (a,) = Selection.of(goal_ids=[args.goal]).apply(assessments)
        out = args.out if args.out is not None else Path("out")
        path = export_goal(a, args.format, out, Locale(args.lang, dataset), args.force, plan=dataset.plan)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0 if report.valid else 1


def cli_pack(args) -> int:
    from dashboard.judge.coherence import findings

    dataset, report, assessments = _load_for_cli(args)
    select = Selection.of(args.group, args.status, args.goal)
    try:
        written = build_pack(assessments, findings(dataset), args.out, Locale(args.lang, dataset), select, args.force,
                             progress=_Bar(), plan=dataset.plan, zip_it=args.zip)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    goals = sum(p.suffix == ".png" for p in written)
    print(f"{args.out}: {len(written)} files ({goals} goals)")
    if args.zip:
        print(written[-1])
    return 0 if report.valid else 1


__all__ = [
    "FORMATS", "MIME", "ExportError", "Renderer", "Selection", "briefing_figure", "build_pack", "cli_export",
    "cli_pack", "export_goal", "file_name", "goal_image_bytes", "pack_bytes", "pack_name", "safe_name",
    "shared_renderer", "write_atomic",
]
