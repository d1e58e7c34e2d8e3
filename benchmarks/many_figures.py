"""A goal with 100,000 figures: what its page costs on the server, part by part, against the framework's floor.

Builds a copy of the small test data with N figures of the green-space rate (in files under the size limit), then
times the goal page through Streamlit's AppTest (second run: the load is cached, as in a served app) beside the
bare one-chart page (benchmarks/bare_app.py) in the same run, and the parts: the judge's account of the goal, the
chart (a bounded number of points), the chart's JSON. Writes benchmarks/results/many_figures.md.

    .venv/bin/python benchmarks/many_figures.py [--figures 100000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

PER_FILE = 10_000  # about 2 MB of YAML a file, well under the 20 MB limit


def build(root: Path, n: int) -> None:
    shutil.copytree(PROJECT / "tests" / "data" / "minimal", root)
    for k in range(0, n, PER_FILE):
        lines = ["document:", f"  id: doc-many{k}", "  file: report.txt", "  title: 测试", "  title_en: test",
                 "  publisher: 测试", "  published: 2008-02-20", "  published_basis: inferred", "  area: test-city",
                 "  years: [2006, 2007]", "observations:"]
        for i in range(k, min(n, k + PER_FILE)):
            lines += [f"  - id: many-{i}", "    indicator: green_space_rate", "    area: test-city",
                      f"    year: {2006 + i % 2}", "    value: 38.7", "    qualifier: 达到", '    unit: "%"',
                      "    quote: 全市建成区绿地率提高了1.2个百分点，达到38.7%"]
        (root / "actuals" / f"doc-many{k}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--figures", type=int, default=100_000)
    args = ap.parse_args()
    from streamlit.testing.v1 import AppTest

    from dashboard.judge import Judge
    from dashboard.present.charts import goal_figure
    from dashboard.present.locale import Locale
    from dashboard.records.load import load

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        build(root, args.figures)
        (data, _), t_load = timed(lambda: load(root, root / "sources"))
        judge = Judge(data)
        _, t_summary = timed(judge.summary)
        account, t_account = timed(lambda: judge.account("green-space-rate"))
        fig, t_chart = timed(lambda: goal_figure(account, Locale("zh", data)))
        drawn = sum(len(t.x or ()) for t in fig.data)
        size = len(fig.to_json())

        os.environ["PLAN_TRACKER_DATA"] = str(root)
        os.environ["PLAN_TRACKER_SOURCES"] = str(root / "sources")
        app = str(PROJECT / "dashboard" / "web" / "app.py")
        page = AppTest.from_file(app, default_timeout=900)
        page.run()  # the overview: loads and judges the data once (cached for every later visitor)
        page.switch_page("views/goal.py")
        page.query_params["goal"] = "green-space-rate"
        _, t_page = timed(page.run)  # the goal's account, chart and first page of evidence: computed here
        errors = [e.value for e in page.exception]
        bare = AppTest.from_file(str(HERE / "bare_app.py"), default_timeout=60)
        bare.run()
        _, t_bare = timed(bare.run)

    load_avg = os.getloadavg()[0]
    rows = [("load the YAML (once; cached by the app)", t_load), ("judge's summary of every goal", t_summary),
            ("the goal's full account", t_account), (f"its chart ({drawn} points drawn)", t_chart),
            ("goal page, first open, server side (AppTest; data loaded and judged)", t_page), ("bare one-chart page (floor)", t_bare)]
    out = [f"# A goal with {args.figures:,} figures", "",
           f"Command: `.venv/bin/python benchmarks/many_figures.py --figures {args.figures}`; load average at the "
           f"end {load_avg:.1f} (2 cores, shared).", "",
           "| part | seconds | × floor |", "|---|---:|---:|"]
    out += [f"| {name} | {t:.2f} | {t / t_bare:.0f} |" for name, t in rows]
    out += ["", f"Chart JSON: {size / 1000:.0f} kB. Page errors: {errors or 'none'}.", ""]
    text = "\n".join(out)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "many_figures.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
