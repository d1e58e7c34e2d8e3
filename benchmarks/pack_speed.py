"""Time the full briefing pack of the real data against a floor measured in the same run.

    .venv/bin/python benchmarks/pack_speed.py [--runs N] [--out benchmarks/results/pack_speed.md]

The pack: briefing.pdf (A4), a PNG (1920×1080) and an SVG per goal, goals.csv, evidence.csv, goals.xlsx,
report.docx, README.
*Cold* includes starting Chromium; *warm* is a further pack with the same renderer.

The floor is what the images alone would cost drawn one by one: a bare figure (a two-point line of the slide's
size, nothing of ours in it) drawn to SVG and PNG, times the slides a pack draws, plus the same figure drawn to
SVG alone, times the PDF's charts. The ratio warm / floor says
how the pack compares with drawing its images, whatever the machine's speed and load. Memory is the peak
resident size of this process and of Chromium's processes (sampled), and the pack's size is its zip's.
Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.judge import Judge  # noqa: E402
from dashboard.present import export  # noqa: E402
from dashboard.present.export.layout import HEIGHT, PNG_SCALE, WIDTH  # noqa: E402
from dashboard.present.locale import Locale  # noqa: E402
from dashboard.records.load import load  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    for task in Path("/proc").iterdir():
        if task.name.isdigit():
            try:
                ppid = int(Path(f"/proc/{task.name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                out.append(int(task.name))
    return out


class PeakMemory:
    """Peak resident memory of this process and of every process under it (Playwright's driver, Chromium)."""

    def __init__(self) -> None:
        self.own = self.browser = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.2):
            self.own = max(self.own, _rss_kb(me))
            todo, seen, total = _children(me), set(), 0
            while todo:
                pid = todo.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                total += _rss_kb(pid)
                todo += _children(pid)
            self.browser = max(self.browser, total)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(2)


def bare_figure_seconds(renderer: export.Renderer, png: bool, n: int = 10) -> float:
    """Seconds one bare figure of the slide's size takes to draw as SVG (and PNG): the median of `n`, one at a time."""
    bare = {"data": [{"type": "scatter", "x": [2005, 2010], "y": [1, 2]}], "layout": {"width": WIDTH, "height": HEIGHT}}
    scale = PNG_SCALE if png else None
    renderer.draw([bare], png_scale=scale, lane="floor")  # the page is loaded
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        renderer.draw([bare], png_scale=scale, lane="floor")
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def one_pack(renderer, accounts, findings, loc, plan) -> tuple[float, float, int, int]:
    """Wall seconds, this process's CPU seconds, figures drawn and the zip's bytes for one pack."""
    before = renderer.images
    t0, c0 = time.perf_counter(), time.process_time()
    blob = export.pack_bytes(accounts, findings, loc, plan=plan, renderer=renderer)
    return time.perf_counter() - t0, time.process_time() - c0, renderer.images - before, len(blob)


def chromium_version() -> str:
    try:
        out = subprocess.run([str(export.browser_path()), "--version"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "unknown"
    except Exception as exc:  # noqa: BLE001 - only a label in the report
        return f"unknown ({exc})"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=3, help="warm packs to time after the cold one (default 3)")
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "pack_speed.md")
    args = p.parse_args()

    dataset, report = load()
    judge = Judge(dataset)
    accounts, findings = judge.accounts(), judge.coherence
    loc = Locale("zh", dataset)
    load_before = os.getloadavg()
    with PeakMemory() as memory:
        t0 = time.perf_counter()
        renderer = export.Renderer().start()
        start = time.perf_counter() - t0
        try:
            cold, _, images, size = one_pack(renderer, accounts, findings, loc, dataset.plan)
            warm = [one_pack(renderer, accounts, findings, loc, dataset.plan) for _ in range(args.runs)]
            floor_slide = bare_figure_seconds(renderer, png=True)
            floor_chart = bare_figure_seconds(renderer, png=False)
        finally:
            renderer.close()
    load_after = os.getloadavg()
    n = len(accounts)
    walls = [w[0] for w in warm]
    median = statistics.median(walls)
    slides, charts = n, images - n  # a slide per goal (SVG and PNG); the PDF's charts (SVG)
    floor = floor_slide * slides + floor_chart * charts
    print(f"browser start {start:.2f} s, cold {start + cold:.1f} s, warm {', '.join(f'{w:.1f}' for w in walls)} s, "
          f"floor {floor:.1f} s, ratio {median / floor:.2f}", file=sys.stderr)
    lines = [
        "# Briefing pack speed",
        "",
        f"The full pack of the real data ({n} goals, Chinese): briefing.pdf (A4 portrait), a PNG "
        f"({round(WIDTH * PNG_SCALE)}×{round(HEIGHT * PNG_SCALE)}) and an SVG per goal, goals.csv, evidence.csv, "
        "goals.xlsx, report.docx, README.txt, "
        "zipped. *Cold* includes starting Chromium; *warm* is a further pack with the same renderer. All from one run.",
        "",
        "| | seconds | |",
        "|---|---:|---|",
        f"| browser start | {start:.2f} | |",
        f"| cold pack (start + pack) | {start + cold:.1f} | |",
        f"| **warm pack** (median of {len(walls)}) | **{median:.1f}** | runs: {', '.join(f'{w:.1f}' for w in walls)} |",
        f"| floor: a bare figure's images × the pack's images | {floor:.1f} | {slides} slides × {floor_slide * 1000:.0f} ms "
        f"(SVG + PNG) + {charts} PDF charts × {floor_chart * 1000:.0f} ms (SVG) |",
        f"| **ratio warm / floor** | **{median / floor:.2f}** | below 1: figures drawn side by side beat one by one |",
        f"| per goal, warm | {median / n:.2f} | PDF page + PNG + SVG + rows |",
        f"| Python CPU a warm pack | {statistics.median(w[1] for w in warm):.1f} | this process only (not Chromium) |",
        "",
        f"Target: the warm pack under 30 s — {'met' if median < 30 else 'NOT met'}.",
        "",
        f"Memory (peak resident): this process {memory.own / 1024:.0f} MB; Playwright's driver and Chromium's "
        f"processes together {memory.browser / 1024:.0f} MB. Pack size: {size / 1e6:.1f} MB zipped.",
        "",
        f"Load average (1, 5, 15 min) at the start: {', '.join(f'{x:.2f}' for x in load_before)}; at the end: "
        f"{', '.join(f'{x:.2f}' for x in load_after)}; {os.cpu_count()} CPUs. Data valid: {report.valid}.",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.platform()}, Python {platform.python_version()}, "
        f"plotly {version('plotly')}, playwright {version('playwright')}, pypdf {version('pypdf')}, "
        f"fonttools {version('fonttools')}, {chromium_version()}.",
        "",
        "Reproduce: `.venv/bin/python benchmarks/pack_speed.py` (option `--runs`).",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
