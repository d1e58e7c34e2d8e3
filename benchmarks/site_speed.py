"""The static site: time to a goal page's first chart against a bare static page with one plotly chart, and
the time to publish (real data with its images; 100× synthetic data), all in one run.

    .venv/bin/python benchmarks/site_speed.py [--repeats N] [--sizes 100] [--out benchmarks/results/site_speed.md]

Time to chart: both pages are served by the same plain static file server on loopback (8638 or the next free
port) and loaded in headless Chromium, alternately. A script injected into every document watches each animation frame for the
first plotly chart drawn (`.main-svg` with a size) and notes `performance.now()` — milliseconds from the start
of that document's navigation — so neither page's own code takes the time. The bare page is plotly's own
`to_html` of the same goal's figure, loading the same plotly.js file the site ships: the floor of drawing that
chart in a browser. "First load" opens each page in a fresh browser context (empty cache); "repeat" opens it
again in the same context. Budget (issue #15): the goal page within 1.2× of the bare page.

Publish: the real data from nothing (pages, data files, and a PNG and SVG per goal and language), then again
with nothing changed, then with one goal's name changed; at each synthetic size the same without images
(`--no-images`: 4 images per goal at ~0.2–0.4 s each would take hours at 100×; their rate is measured on the
real data). The synthetic data is laid out as many plans (size k: k plans of 75 goals, each its district's; issue
#24), so the plans' overviews, tables and indicator pages are made too; its data files are written
gzip-compressed (`--gzip-data`, as a site of a hundred plans would be published), and the report gives their
uncompressed size too (gzip's own record of it, the last four bytes of each file). Timings move with the machine's load; the
load average and the CPU seconds are written with the results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORTS = range(8638, 8658)  # the first free one: a server left over from an earlier run must not answer instead
GOAL = "green-space-rate"
BUDGET = 1.2
PUBLISH_BUDGET_S, DISK_BUDGET_MB = 300, 500  # the 100x publication (issue #24)
WATCH = """
(() => {
  const look = () => {
    const svg = document.querySelector('.main-svg');
    if (svg && svg.getBoundingClientRect().width > 0) { window.__chartAt = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
"""


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the publication's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def changed_goal(dataset):
    goal = dataset.goals[0]
    return dataset.model_copy(update={"goals": (goal.model_copy(update={"name": goal.name + "（修订）"}),
                                                *dataset.goals[1:])})


def publish_runs(dataset, out: Path, images: bool, gzip_data: bool = False) -> dict:
    from dashboard.site.publish import publish

    runs = {}
    for name, data in (("first", dataset), ("unchanged", dataset), ("one goal changed", changed_goal(dataset))):
        started, cpu = time.perf_counter(), cpu_seconds()
        r = publish(data, out, images=images, gzip_data=gzip_data)
        runs[name] = {"seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu,
                      "written": len(r.written), "unchanged": r.unchanged, "images": r.images}
    sizes = {p.relative_to(out).as_posix(): p.stat().st_size for p in out.rglob("*") if p.is_file()}
    plain = sum(gzip_size(out / path) for path in sizes if path.endswith(".gz"))
    return {"runs": runs, "files": len(sizes), "megabytes": sum(sizes.values()) / 1e6,
            "gzipped_megabytes": sum(n for path, n in sizes.items() if path.endswith(".gz")) / 1e6,
            "gzipped_plain_megabytes": plain / 1e6,
            "parts": {part: sum(n for path, n in sizes.items() if part_of(path) == part) / 1e6 for part in PARTS}}


def gzip_size(path: Path) -> int:
    """A gzip file's uncompressed size, as gzip records it in its last four bytes (mod 4 GiB)."""
    with path.open("rb") as f:
        f.seek(-4, os.SEEK_END)
        return int.from_bytes(f.read(4), "little")


PARTS = ("goal pages", "goal CSVs", "JSON contract", "other")


def part_of(path: str) -> str:
    """Which part of the site a file is, for the breakdown of its size."""
    parts = path.split("/")
    if parts[0] != "data" and "goal" in parts[:-1] and path.endswith(".html"):
        return "goal pages"
    if parts[0] == "data" and path.removesuffix(".gz").endswith("-figures.csv"):
        return "goal CSVs"
    if path.removesuffix(".gz") == "data/assessment.json":
        return "JSON contract"
    return "other"


def bare_page(dataset, site: Path, bundle: str) -> str:
    """plotly's own one-chart page for the goal's figure, loading the site's plotly.js."""
    from dashboard.judge import Judge
    from dashboard.present import charts
    from dashboard.present.locale import Locale
    from dashboard.site.render import CHART_CONFIG

    fig = charts.goal_figure(Judge(dataset).account(GOAL), Locale("zh", dataset))
    (site / "bare.html").write_text(fig.to_html(include_plotlyjs=bundle, full_html=True, config=CHART_CONFIG),
                                    encoding="utf-8")
    return "bare.html"


def time_to_chart(base: str, pages: dict[str, str], repeats: int) -> dict:
    from tests.browser import open_chromium

    times: dict[str, dict[str, list[float]]] = {k: {"first": [], "repeat": []} for k in pages}
    with open_chromium() as browser:
        for i in range(repeats + 1):  # the first round warms the server and the OS caches: not counted
            order = list(pages) if i % 2 == 0 else list(reversed(pages))
            for name in order:
                ctx = browser.new_context(viewport={"width": 1400, "height": 900})
                ctx.add_init_script(WATCH)
                page = ctx.new_page()
                for kind in ("first", "repeat"):
                    page.goto(base + pages[name])
                    page.wait_for_function("window.__chartAt !== undefined", timeout=30_000)
                    if i:
                        times[name][kind].append(page.evaluate("window.__chartAt"))
                ctx.close()
    return {name: {kind: statistics.median(v) for kind, v in kinds.items()} for name, kinds in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100],
                    help="synthetic sizes to publish (× the real data); none: keep the sizes the last results hold, "
                         "with the date they were measured")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "site_speed.md")
    args = ap.parse_args()

    from dashboard.records.load import load
    from dashboard.records.sources import default_sources_dir

    results: dict = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "load_before": load_average(),
                     "cores": len(os.sched_getaffinity(0))}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    earlier = args.out.with_suffix(".json")
    if not args.sizes and earlier.is_file():  # the long synthetic runs, kept from the run that measured them
        old = json.loads(earlier.read_text())
        for key in [k for k in old if k.endswith("x") and k[:-1].isdigit()]:
            results[key] = {"measured": old["date"], "load": old.get("load_after"), **old[key]}

    def save() -> None:  # after each part, so a long run leaves what it measured
        results["load_after"] = load_average()
        args.out.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
        args.out.write_text(report(results, args.repeats), encoding="utf-8")

    work = Path(tempfile.mkdtemp(prefix="site-speed-"))
    try:
        dataset, _ = load(ROOT, default_sources_dir())
        site = work / "real"
        results["real"] = publish_runs(dataset, site, images=True)
        print("real data:", results["real"]["runs"], flush=True)
        bundle = next(p for p in (site / "assets").glob("plotly*.js")).relative_to(site).as_posix()
        pages = {"bare": bare_page(dataset, site, bundle), "goal page": f"zh/goal/{GOAL}.html"}
        from tests.browser import serve_static

        with serve_static(site, PORTS) as base:
            results["chart"] = time_to_chart(base, pages, args.repeats)
        results["bundle"] = bundle
        save()
        for size in args.sizes:
            from benchmarks.synth import generate

            root, sources = work / f"synth-{size}", work / f"sources-{size}"
            stats = generate(root, sources, size, plans=True)
            started = time.perf_counter()
            big, _ = load(root, sources)
            loaded = time.perf_counter() - started
            print(f"{size}x loaded in {loaded:.0f} s", flush=True)
            results[f"{size}x"] = {"goals": stats.goals, "plans": len(big.plans), "observations": stats.observations,
                                   "load_seconds": loaded,
                                   **publish_runs(big, work / f"site-{size}", images=False, gzip_data=True)}
            del big
            shutil.rmtree(root, ignore_errors=True)
            save()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save()
    print(args.out.read_text())
    chart = results["chart"]
    return 0 if chart["goal page"]["first"] <= BUDGET * chart["bare"]["first"] else 1


def report(r: dict, repeats: int) -> str:
    c = r["chart"]
    lines = [
        "# Static site: time to first chart and time to publish",
        "",
        f"Run {r['date']} by `benchmarks/site_speed.py`; load average (1, 5, 15 min) {r['load_before']} before, "
        f"{r['load_after']} when last written. Machine: {r.get('cores', 2)} shared cores (goal pages are made in "
        "one worker process per core). CPU seconds: this process and its workers; seconds above them mean "
        "other programs had the cores.",
        "",
        f"## Time to the first chart (median of {repeats}, ms from navigation start)",
        "",
        f"Goal page `zh/goal/{GOAL}.html` against plotly's own one-chart page of the same figure, both loading "
        f"`{r['bundle']}` from the same static server.",
        "",
        "| page | first load | repeat visit |",
        "|---|---:|---:|",
    ]
    for name in ("bare", "goal page"):
        lines.append(f"| {name} | {c[name]['first']:.0f} | {c[name]['repeat']:.0f} |")
    ratio_first = c["goal page"]["first"] / c["bare"]["first"]
    ratio_repeat = c["goal page"]["repeat"] / c["bare"]["repeat"]
    lines += [f"| **ratio** (budget {BUDGET}×) | **{ratio_first:.2f}×** | **{ratio_repeat:.2f}×** |", ""]

    def runs(block: dict) -> list[str]:
        out = ["| publication | seconds | CPU seconds | files written | unchanged | images drawn |",
               "|---|---:|---:|---:|---:|---:|"]
        for name, run in block["runs"].items():
            cpu = f"{run['cpu_seconds']:.1f}" if "cpu_seconds" in run else "—"
            out.append(f"| {name} | {run['seconds']:.1f} | {cpu} | {run['written']} | {run['unchanged']} | "
                       f"{run['images']} |")
        parts = "; ".join(f"{k} {v:.1f} MB" for k, v in block.get("parts", {}).items())
        gz = (f" Data files gzip-compressed: {block['gzipped_megabytes']:.1f} MB on disk, "
              f"{block['gzipped_plain_megabytes']:.1f} MB uncompressed." if block.get("gzipped_megabytes") else "")
        return out + ["", f"Site: {block['files']} files, {block['megabytes']:.1f} MB" + (f" ({parts})." if parts else ".")
                      + gz, ""]

    lines += ["## Publishing the real data (pages, data files, PNG and SVG of every chart)", "", *runs(r["real"])]
    real = r["real"]["runs"]["first"]
    for key in [k for k in r if k.endswith("x") and k[:-1].isdigit()]:
        b = r[key]
        when = f" Measured {b['measured']} (load average {b['load']}), not in this run." if "measured" in b else ""
        lines += [f"## Publishing {key} synthetic data ({b['goals']} goals in {b.get('plans', 1)} plans, "
                  f"{b['observations']} observations; no images; data files gzip-compressed)", "", f"Load and check of the YAML: {b['load_seconds']:.1f} s.{when}", "", *runs(b)]
        if key == "100x":
            first = b["runs"]["first"]["seconds"]
            lines += [f"Budget (issue #24): first publication under {PUBLISH_BUDGET_S} s on 2 cores — "
                      f"**{'met' if first < PUBLISH_BUDGET_S else 'not met'}** ({first:.0f} s); site under "
                      f"{DISK_BUDGET_MB} MB — **{'met' if b['megabytes'] < DISK_BUDGET_MB else 'not met'}** "
                      f"({b['megabytes']:.0f} MB).", ""]
        if real["images"]:
            per_image = real["seconds"] / real["images"]
            lines += [f"Images at this size would add about {4 * b['goals']} × {per_image:.2f} s ≈ "
                      f"{4 * b['goals'] * per_image / 3600:.1f} h on the first publication (an upper bound: the "
                      "real data's whole publication time per image); later publications draw only changed goals'.",
                      ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
