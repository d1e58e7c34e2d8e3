"""Time a briefing pack of every goal: cold (a new Chromium) and warm (a second pack, same renderer).

    .venv/bin/python benchmarks/pack_speed.py [--tabs N] [--runs N] [--out benchmarks/results/pack_speed.md]

Writes a Markdown table of the timings with the machine and versions it ran on. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.judge import Judge  # noqa: E402
from dashboard.judge.coherence import findings  # noqa: E402
from dashboard.present import export  # noqa: E402
from dashboard.present.locale import Locale  # noqa: E402
from dashboard.records.load import load  # noqa: E402

DATA: list = []  # the dataset the locale names records from


def one_pack(renderer, assessments, found, plan, folder: Path, name: str) -> tuple[float, float, int, int]:
    """Wall seconds, this process's CPU seconds, images rendered and bytes written for one pack."""
    t0, c0 = time.perf_counter(), time.process_time()
    images_before = renderer.images
    written = export.build_pack(assessments, found, folder / name, Locale("zh", DATA[0]), plan=plan, renderer=renderer)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(p.stat().st_size for p in written)
    return elapsed, cpu, renderer.images - images_before, size


def chromium_version() -> str:
    try:
        out = subprocess.run([str(export.browser_path()), "--version"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "unknown"
    except Exception as exc:  # noqa: BLE001 - only a label in the report
        return f"unknown ({exc})"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tabs", type=int, default=1, help="browser tabs rendering side by side (default 1)")
    p.add_argument("--runs", type=int, default=3, help="cold/warm pairs to run (default 3)")
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "pack_speed.md")
    args = p.parse_args()

    dataset, report = load()
    DATA[:] = [dataset]
    assessments = Judge(dataset).accounts()
    found = findings(dataset)
    rows = []
    with tempfile.TemporaryDirectory(prefix="pack-speed-") as tmp:
        folder = Path(tmp)
        for run in range(args.runs):
            load_before = os.getloadavg()[0]
            t0 = time.perf_counter()
            r = export.Renderer(tabs=args.tabs).start()
            start = time.perf_counter() - t0
            try:
                first, cpu1, images, size = one_pack(r, assessments, found, dataset.plan, folder, f"cold-{run}")
                second, cpu2, _, _ = one_pack(r, assessments, found, dataset.plan, folder, f"warm-{run}")
            finally:
                r.close()
            rows.append((start, start + first, second, images, size, (cpu1 + cpu2) / 2, load_before))
            print(f"run {run + 1}: browser start {start:.2f} s, cold pack {start + first:.1f} s, "
                  f"warm pack {second:.1f} s ({images} images, {size / 1e6:.1f} MB, Python CPU "
                  f"{cpu1:.1f}/{cpu2:.1f} s, load {load_before:.1f})", file=sys.stderr)

    n = len(assessments)
    med = lambda i: statistics.median(row[i] for row in rows)  # noqa: E731
    lines = [
        "# Briefing pack speed",
        "",
        f"A pack of all {n} goals (`build_pack`, Chinese): briefing.pdf, a PNG (3200×1800) and an SVG per goal, "
        "CSV, XLSX, README. *Cold* includes starting Chromium; *warm* is a second pack with the same renderer "
        f"(one Chromium, {args.tabs} tab{'s' if args.tabs != 1 else ''}). Median of {len(rows)} runs.",
        "",
        "| | median | runs |",
        "|---|---:|---|",
        f"| browser start | {med(0):.2f} s | {', '.join(f'{row[0]:.2f}' for row in rows)} |",
        f"| cold pack (start + pack) | {med(1):.1f} s | {', '.join(f'{row[1]:.1f}' for row in rows)} |",
        f"| warm pack | {med(2):.1f} s | {', '.join(f'{row[2]:.1f}' for row in rows)} |",
        f"| per image, warm | {med(2) / rows[0][3] * 1000:.0f} ms | {rows[0][3]} images a pack |",
        f"| per goal, warm | {med(2) / n:.2f} s | PDF page + PNG + SVG |",
        f"| Python CPU a pack | {med(5):.1f} s | figures, PDF merge, XLSX (Chromium's CPU not counted) |",
        "",
        f"Load average (1 min) when each run started: {', '.join(f'{row[6]:.1f}' for row in rows)} on "
        f"{os.cpu_count()} CPUs. Other work on the machine slows the wall times; the CPU figure is steadier.",
        "",
        f"Pack size: {rows[0][4] / 1e6:.1f} MB. Data valid: {report.valid}.",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, kaleido {version('kaleido')}, plotly {version('plotly')}, "
        f"pypdf {version('pypdf')}, {chromium_version()}.",
        "",
        "Reproduce: `.venv/bin/python benchmarks/pack_speed.py` (options: `--tabs`, `--runs`).",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
