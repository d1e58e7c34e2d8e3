"""The briefing pack and one goal's export: draw what the outputs need, make their files, write them safely.

Drawing is pipelined: each goal's figures are queued as soon as Python has built them, so the Python work
(plotly) overlaps the browser's; the PDF's charts and the slides are drawn in separate lanes (pages, each its
own process), and the PDF is printed, in one call, while the slides are still being drawn. Every goal is
plotted once for its slide (SVG, rasterised to PNG) and once for its chart on the PDF page.
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
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from dashboard.judge.account import GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present import charts
from dashboard.present.export import facts
from dashboard.present.export.dressing import goal_chart, page_chart, slide_figure
from dashboard.present.export.errors import ExportError
from dashboard.present.export.layout import PAPERS, PNG_SCALE
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
SLIDE_LANES = 2  # pages drawing and rasterising slides side by side (the slowest part of a pack)
_STORED = (".png", ".pdf", ".xlsx")  # compressed already: stored in a zip as they are


def _chunks(items: Sequence[GoalAccount], n: int) -> Iterator[Sequence[GoalAccount]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class Drawing:
    """What the outputs need drawn, queued at once and gathered as it comes: the charts of the PDF in one lane,
    the slides (SVG and PNG) in another, so that the PDF can be printed while the slides are still drawn."""

    def __init__(self, b: Briefing, needs: set[str] | frozenset[str]):
        if b.renderer is None:
            raise ExportError("drawing needs the renderer (Chromium)")
        self.b, self.needs, self.r = b, needs, b.renderer
        self.front: Future | None = None
        self.front_names: list[str] = []
        self.charts: list[tuple[list[GoalAccount], Future]] = []
        self.slides: deque[tuple[Sequence[GoalAccount], Future]] = deque()

    def submit(self, progress: ProgressFn | None = None) -> None:
        """Build every figure and queue it; slides already drawn are gathered (and counted) on the way."""
        b, loc, r = self.b, self.b.loc, self.r
        if PAGE_CHARTS in self.needs:
            paper = b.paper
            specs = [page_chart(charts.overview_figure(b.selected, loc), paper.body_w, paper.page_chart_h)]
            self.front_names.append("overview")
            related = facts.related_findings(b.findings, {a.goal.id for a in b.selected})
            if related:
                fig = charts.coherence_figure(related, loc)
                specs.append(page_chart(fig, paper.coherence_w, min(fig.layout.height or 400, paper.coherence_max_h),
                                        own_labels=True))
                self.front_names.append("coherence")
            self.front = r.submit_draw(specs, lane="charts")
        for i, chunk in enumerate(_chunks(b.selected, CHUNK)):
            figures = [(a, charts.goal_figure(a, loc)) for a in chunk]
            # nothing to plot (a categorical goal, or no baseline and no figure): no chart, never empty axes
            heights = {a.goal.id: chart_height(a, loc, b.paper) for a, _ in figures}
            numeric = [(a, fig) for a, fig in figures if heights[a.goal.id]]
            if GOAL_CHARTS in self.needs and numeric:
                size = 15 if b.paper.name == "a4" else 14  # on A4 the ticks print at 10.5 pt
                specs = [goal_chart(a, loc, b.paper.chart_w, heights[a.goal.id], fig, size) for a, fig in numeric]
                self.charts.append(([a for a, _ in numeric], r.submit_draw(specs, lane="charts")))
            if SLIDES in self.needs:
                specs = [slide_figure(a, loc, b.plan, b.exported_on, fig) for a, fig in figures]
                lane = f"slides-{i % SLIDE_LANES}"
                self.slides.append((chunk, r.submit_draw(specs, png_scale=PNG_SCALE, lane=lane)))
            self._gather_slides(progress, block=False)

    def wait_charts(self) -> None:
        for goals, job in self.charts:
            self.b.goal_charts.update((a.goal.id, d.svg) for a, d in zip(goals, self.r.result(job), strict=True))
        self.charts.clear()
        if self.front is not None:
            self.b.page_charts.update(zip(self.front_names, (d.svg for d in self.r.result(self.front)), strict=True))
            self.front = None

    def wait_slides(self, progress: ProgressFn | None = None) -> None:
        self._gather_slides(progress, block=True)
        if SLIDES not in self.needs and progress:
            total = len(self.b.selected)
            progress(total, total, self.b.loc.t("export.step.goals", done=total, total=total))

    def _gather_slides(self, progress: ProgressFn | None, block: bool) -> None:
        b, total = self.b, len(self.b.selected)
        while self.slides and (block or self.slides[0][1].done()):
            chunk, job = self.slides.popleft()
            b.slides.update(zip((a.goal.id for a in chunk), self.r.result(job), strict=True))
            if progress:
                done = len(b.slides)
                progress(done, total, b.loc.t("export.step.goals", done=done, total=total))


def draw(b: Briefing, needs: set[str] | frozenset[str], progress: ProgressFn | None = None) -> None:
    """Draw into `b` what `needs` asks for (slides, goal charts, page charts), reporting goals as they finish."""
    drawing = Drawing(b, needs)
    drawing.submit(progress)
    drawing.wait_charts()
    drawing.wait_slides(progress)


def pack_files(accounts: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale,
               select: Selection | None = None, *, plan: Plan | None, exported_on: dt.date | None = None,
               renderer: Renderer | None = None, progress: ProgressFn | None = None,
               outputs: Sequence[str] | None = None, paper: str = "a4") -> dict[str, bytes]:
    """Every file of a pack (path inside the pack → content): by default every registered output.

    Outputs that need no slides (the PDF) are made in a thread of their own as soon as the charts are drawn,
    while the slides are still being drawn and rasterised."""
    select = select or Selection()
    chosen = [OUTPUTS[name] for name in (outputs or OUTPUTS)]
    b = Briefing(select.apply(accounts), loc, plan, exported_on or dt.date.today(), select, findings,
                 renderer or shared_renderer(), paper=PAPERS[paper])
    drawing = Drawing(b, frozenset().union(*(o.needs for o in chosen)))
    drawing.submit(progress)
    drawing.wait_charts()
    early = [o for o in chosen if o.needs and SLIDES not in o.needs]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pack-output") as pool:
        made = {o.name: pool.submit(o.files, b) for o in early}
        drawing.wait_slides(progress)
        total = len(b.selected)
        if progress and made:
            progress(total, total, loc.t("export.step.pdf"))
        files: dict[str, bytes] = {}
        for o in chosen:
            files.update(made[o.name].result() if o.name in made else o.files(b))
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
               renderer: Renderer | None = None, progress: ProgressFn | None = None, paper: str = "a4") -> bytes:
    """The pack as a zip in memory (for a download button); its files sit under `pack_name()/`."""
    exported_on = exported_on or dt.date.today()
    files = pack_files(accounts, findings, loc, select, plan=plan, exported_on=exported_on, renderer=renderer,
                       progress=progress, paper=paper)
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
               exported_on: dt.date | None = None, renderer: Renderer | None = None, paper: str = "a4") -> list[Path]:
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
                           progress=progress, paper=paper)
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
                    renderer: Renderer | None = None, paper: str = "a4") -> bytes:
    """One goal's file in an output that serves one goal (PNG, SVG: its slide; PDF: its page)."""
    output = OUTPUTS.get(fmt)
    if output is None or output.goal_file is None:
        formats = ", ".join(n for n, o in OUTPUTS.items() if o.goal_file is not None)
        raise ExportError(f"unknown format {fmt!r} for one goal: use one of {formats}")
    b = Briefing([a], loc, plan, exported_on or dt.date.today(), Selection.of(goal_ids=[a.goal.id]),
                 renderer=renderer or shared_renderer(), paper=PAPERS[paper])
    draw(b, output.needs)
    return output.goal_file(b, a)


def export_goal(a: GoalAccount, fmt: str, path: str | os.PathLike, loc: Locale, force: bool = False, *,
                plan: Plan | None, exported_on: dt.date | None = None, renderer: Renderer | None = None,
                paper: str = "a4") -> Path:
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
        data = goal_file_bytes(a, fmt, loc, plan=plan, exported_on=exported_on, renderer=r.start(), paper=paper)
    finally:
        if own:
            r.close()
    try:
        return write_atomic(dest, data, replace=force)
    except FileExistsError as exc:
        raise ExportError(f"{dest} already exists; use --force to overwrite it") from exc
