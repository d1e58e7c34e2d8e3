"""The briefing pack and one goal's export: draw what the outputs need, make their files, write them safely.

Drawing is pipelined: the figures of a few goals are built in Python and queued while Chromium draws the
ones before, so the Python work (plotly) overlaps the browser's. Every goal is plotted once for its slide
(SVG, rasterised to PNG) and once for its chart on the PDF page; the whole PDF is printed in one call.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path

from dashboard.judge.account import GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present import charts
from dashboard.present.export import facts
from dashboard.present.export.dressing import goal_chart, page_chart, slide_figure
from dashboard.present.export.errors import ExportError
from dashboard.present.export.layout import (
    BODY_W,
    COHERENCE_MAX_H,
    COHERENCE_W,
    GOAL_CHART_W,
    PAGE_CHART_H,
    PNG_SCALE,
)
from dashboard.present.export.outputs import GOAL_CHARTS, OUTPUTS, PAGE_CHARTS, SLIDES, Briefing
from dashboard.present.export.outputs.images import file_name
from dashboard.present.export.pages import chart_height
from dashboard.present.export.renderer import Renderer, shared_renderer
from dashboard.present.export.selection import Selection
from dashboard.present.locale import Locale
from dashboard.records.model import Plan
from dashboard.records.util import write_atomic

#: (goals drawn, goals in all, what is being made): called as each few goals are drawn, then per step.
ProgressFn = Callable[[int, int, str], None]
CHUNK = 5  # goals drawn in one call, concurrently in the page
AHEAD = 3  # chunks queued ahead of the one awaited
_STORED = (".png", ".pdf", ".xlsx")  # compressed already: stored in a zip as they are


def _chunks(items: Sequence[GoalAccount], n: int) -> Iterator[Sequence[GoalAccount]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def draw(b: Briefing, needs: set[str] | frozenset[str], progress: ProgressFn | None = None) -> None:
    """Draw into `b` what `needs` asks for (slides, goal charts, page charts), reporting goals as they finish."""
    r, loc, total = b.renderer, b.loc, len(b.selected)
    if r is None:
        raise ExportError("drawing needs the renderer (Chromium)")
    front: Future | None = None
    front_names: list[str] = []
    if PAGE_CHARTS in needs:
        specs = [page_chart(charts.overview_figure(b.selected, loc), BODY_W, PAGE_CHART_H)]
        front_names.append("overview")
        related = facts.related_findings(b.findings, {a.goal.id for a in b.selected})
        if related:
            fig = charts.coherence_figure(related, loc)
            specs.append(page_chart(fig, COHERENCE_W, min(fig.layout.height or 400, COHERENCE_MAX_H), own_labels=True))
            front_names.append("coherence")
        front = r.submit_draw(specs)

    pending: deque[tuple[Sequence[GoalAccount], Future | None, Future | None]] = deque()
    done = 0

    def collect() -> None:
        nonlocal done
        chunk, slides, chart_job = pending.popleft()
        if slides is not None:
            b.slides.update(zip((a.goal.id for a in chunk), r.result(slides), strict=True))
        if chart_job is not None:
            numeric = [a for a in chunk if not a.goal.is_categorical]
            b.goal_charts.update((a.goal.id, d.svg) for a, d in zip(numeric, r.result(chart_job), strict=True))
        done += len(chunk)
        if progress:
            progress(done, total, loc.t("export.step.goals", done=done, total=total))

    for chunk in _chunks(b.selected, CHUNK):
        figures = [(a, charts.goal_figure(a, loc)) for a in chunk]
        slides = chart_job = None
        if SLIDES in needs:
            slides = r.submit_draw([slide_figure(a, loc, b.plan, b.exported_on, fig) for a, fig in figures],
                                   png_scale=PNG_SCALE)
        numeric = [(a, fig) for a, fig in figures if not a.goal.is_categorical]  # nothing to plot: no chart
        if GOAL_CHARTS in needs and numeric:
            chart_job = r.submit_draw([goal_chart(a, loc, GOAL_CHART_W, chart_height(a, loc), fig) for a, fig in numeric])
        pending.append((chunk, slides, chart_job))
        while pending and (len(pending) > AHEAD or all(f is None or f.done() for f in pending[0][1:])):
            collect()
    while pending:
        collect()
    if front is not None:
        b.page_charts.update(zip(front_names, (d.svg for d in r.result(front)), strict=True))


def pack_files(accounts: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale,
               select: Selection | None = None, *, plan: Plan | None, exported_on: dt.date | None = None,
               renderer: Renderer | None = None, progress: ProgressFn | None = None,
               outputs: Sequence[str] | None = None) -> dict[str, bytes]:
    """Every file of a pack (path inside the pack → content): by default every registered output."""
    select = select or Selection()
    chosen = [OUTPUTS[name] for name in (outputs or OUTPUTS)]
    b = Briefing(select.apply(accounts), loc, plan, exported_on or dt.date.today(), select, findings,
                 renderer or shared_renderer())
    needs = frozenset().union(*(o.needs for o in chosen))
    if needs:
        draw(b, needs, progress)
    files: dict[str, bytes] = {}
    total = len(b.selected)
    for o in chosen:
        if progress and o.name == "pdf":
            progress(total, total, loc.t("export.step.pdf"))
        files.update(o.files(b))
    if progress:
        progress(total, total, loc.t("export.step.files"))
    return files


def zip_bytes(files: dict[str, bytes], root: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in sorted(files):
            kind = zipfile.ZIP_STORED if name.endswith(_STORED) else zipfile.ZIP_DEFLATED
            z.writestr(f"{root}/{name}", files[name], compress_type=kind)
    return buf.getvalue()


def pack_name(exported_on: dt.date | None = None) -> str:
    return f"briefing-{(exported_on or dt.date.today()).isoformat()}"


def pack_bytes(accounts: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale,
               select: Selection | None = None, *, plan: Plan | None, exported_on: dt.date | None = None,
               renderer: Renderer | None = None, progress: ProgressFn | None = None) -> bytes:
    """The pack as a zip in memory (for a download button); its files sit under `pack_name()/`."""
    exported_on = exported_on or dt.date.today()
    files = pack_files(accounts, findings, loc, select, plan=plan, exported_on=exported_on, renderer=renderer,
                       progress=progress)
    return zip_bytes(files, pack_name(exported_on))


def _replaceable(path: Path) -> bool:
    """--force may replace an earlier pack or an empty folder, never a folder of someone's other files."""
    if not path.is_dir():
        return False
    return not any(path.iterdir()) or (path / "briefing.pdf").is_file() or (path / "goals.csv").is_file()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def build_pack(accounts: Sequence[GoalAccount], findings: Sequence[Finding], out_dir: str | os.PathLike,
               loc: Locale, select: Selection | None = None, force: bool = False,
               progress: ProgressFn | None = None, *, plan: Plan | None, zip_it: bool = False,
               exported_on: dt.date | None = None, renderer: Renderer | None = None) -> list[Path]:
    """Write a briefing pack into the folder `out_dir` and return the files written.

    The pack is built in a temporary folder beside `out_dir` and renamed into place at the end, so a
    half-built pack never stands at `out_dir`. `zip_it` also writes `<out_dir>.zip`.
    """
    out_dir = Path(out_dir)
    zip_path = out_dir.with_name(out_dir.name + ".zip")
    if out_dir.exists() and not force:
        raise ExportError(f"{out_dir} already exists; use --force to replace the pack")
    if out_dir.exists() and not _replaceable(out_dir):
        raise ExportError(f"{out_dir} is not an earlier briefing pack (no briefing.pdf or goals.csv in it); "
                          "--force replaces only a pack: choose a new folder for --out")
    if zip_it and zip_path.exists() and not force:
        raise ExportError(f"{zip_path} already exists; use --force to replace it")
    own = renderer is None
    r = renderer or Renderer()
    try:
        files = pack_files(accounts, findings, loc, select, plan=plan, exported_on=exported_on, renderer=r.start(),
                           progress=progress)
    finally:
        if own:
            r.close()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=".tmp"))
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; the pack is an ordinary folder
        for name, data in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
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
    written = [out_dir / n for n in files]
    if zip_it:
        try:
            written.append(write_atomic(zip_path, zip_bytes(files, out_dir.name)))
        except FileExistsError as exc:
            raise ExportError(f"{zip_path} already exists; use --force to replace it") from exc
    return written


# ---------------------------------------------------------------------------------------------- one goal


def goal_file_bytes(a: GoalAccount, fmt: str, loc: Locale, *, plan: Plan | None, exported_on: dt.date | None = None,
                    renderer: Renderer | None = None) -> bytes:
    """One goal's file in an output that serves one goal (PNG, SVG: its slide; PDF: its page)."""
    output = OUTPUTS.get(fmt)
    if output is None or output.goal_file is None:
        formats = ", ".join(n for n, o in OUTPUTS.items() if o.goal_file is not None)
        raise ExportError(f"unknown format {fmt!r} for one goal: use one of {formats}")
    b = Briefing([a], loc, plan, exported_on or dt.date.today(), Selection.of(goal_ids=[a.goal.id]),
                 renderer=renderer or shared_renderer())
    draw(b, output.needs)
    return output.goal_file(b, a)


def export_goal(a: GoalAccount, fmt: str, path: str | os.PathLike, loc: Locale, force: bool = False, *,
                plan: Plan | None, exported_on: dt.date | None = None, renderer: Renderer | None = None) -> Path:
    """Write one goal's file. `path` is a file, or a folder (existing, or written with a trailing slash or
    without a suffix) that gets `<goal-id>.<fmt>`. Refuses to overwrite without `force`."""
    output = OUTPUTS.get(fmt)
    if output is None or output.goal_file is None:
        goal_file_bytes(a, fmt, loc, plan=plan)  # raises the error naming the formats
    path = Path(path)
    as_folder = path.is_dir() or str(path).endswith(("/", os.sep)) or not path.suffix
    dest = path / file_name(a, fmt) if as_folder else path
    suffix = dest.suffix.lower().lstrip(".")
    if not as_folder and suffix in OUTPUTS and suffix != fmt:
        raise ExportError(f"{dest} does not match the format {fmt}: use --format {suffix} or a file name ending in .{fmt}")
    if dest.exists() and not force:
        raise ExportError(f"{dest} already exists; use --force to overwrite it")
    own = renderer is None
    r = renderer or Renderer()
    try:
        data = goal_file_bytes(a, fmt, loc, plan=plan, exported_on=exported_on, renderer=r.start())
    finally:
        if own:
            r.close()
    try:
        return write_atomic(dest, data, replace=force)
    except FileExistsError as exc:
        raise ExportError(f"{dest} already exists; use --force to overwrite it") from exc
