"""Command line: `python -m dashboard check | goals | assess | serve | export | pack | report | build | publish |
template | import | import-plan | diff | propose | collect | editor-password`.

The CLI is a thin caller of the library; errors become one-line messages (`--debug` shows tracebacks).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path

from dashboard.present.loadreport import format_report
from dashboard.records import errors
from dashboard.records.load import load
from dashboard.records.model import Dataset
from dashboard.records.report import LoadReport

GOAL_COLUMNS = [
    "id", "name", "name_en", "group", "indicator", "measure", "unit", "comparator", "target", "target_text",
    "target_year", "baseline_value", "baseline_year", "paces", "quote",
]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description="Plan tracker: a plan's goals against what later documents report")
    p.add_argument("--data", type=Path, default=None, help="folder holding targets/ and actuals/ (default: the project)")
    p.add_argument("--sources", type=Path, default=None,
                   help="folder of source documents (default: $PLAN_TRACKER_SOURCES or ../shared/sources)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate every data file; exit 1 on any error")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--lang", choices=["zh", "en"], default="en", help="language of the messages (default English)")
    g = sub.add_parser("goals", help="list the goals")
    g.add_argument("--format", choices=["table", "csv", "json"], default="table")
    a = sub.add_parser("assess", help="judge every goal against the evidence (JSON contract in the README)")
    a.add_argument("--format", choices=["json", "csv", "md"], default="json")
    a.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the Markdown table")
    s = sub.add_parser("serve", help="start the dashboard with production settings")
    s.add_argument("--port", type=int, default=8501)
    s.add_argument("--address", default=None,
                   help="address to listen on (default 0.0.0.0; with --editor 127.0.0.1, this machine only; "
                        "another address with --editor needs PLAN_TRACKER_EDITOR_PASSWORD and TLS in front)")
    s.add_argument("--editor", action="store_true",
                   help="also serve the data-entry page (upload, check, preview, save); never use it for the public")
    sub.add_parser("editor-password", help="read a password twice and print its hashed form for "
                   "PLAN_TRACKER_EDITOR_PASSWORD_HASH")
    e = sub.add_parser("export", help="export one goal's chart as PNG, SVG or PDF")
    e.add_argument("--goal", required=True, help="goal id (see `goals`)")
    e.add_argument("--format", choices=_goal_formats(), default="png",
                   help="png, svg: the goal's slide; pdf: the goal's page of the briefing")
    e.add_argument("--lang", choices=["zh", "en"], default="zh")
    e.add_argument("--out", type=Path, default=None, help="file or folder to write (default: ./out/)")
    e.add_argument("--force", action="store_true", help="overwrite an existing file")
    e.add_argument("--paper", choices=["a4", "slide"], default="a4",
                   help="the PDF's sheet: A4 portrait to print (default) or a 16:9 slide")
    k = sub.add_parser("pack", help="build a briefing pack (PDF, PNG/SVG charts, CSV and XLSX tables, README)")
    k.add_argument("--plan", default=None, help="a plan id (default: the first plan)")
    k.add_argument("--group", action="append", default=None, help="only goals of this group (repeatable)")
    k.add_argument("--status", action="append", default=None, help="only goals with this status (repeatable)")
    k.add_argument("--goal", action="append", default=None, help="only these goal ids (repeatable)")
    k.add_argument("--lang", choices=["zh", "en"], default="zh")
    k.add_argument("--out", type=Path, required=True, help="folder to write the pack into")
    k.add_argument("--zip", action="store_true", help="also write the pack as a .zip beside the folder")
    k.add_argument("--force", action="store_true", help="overwrite an existing pack")
    k.add_argument("--paper", choices=["a4", "slide"], default="a4",
                   help="the briefing PDF's sheet: A4 portrait to print (default) or a 16:9 slide")
    r = sub.add_parser("report", help="write the evaluation report (评估报告) as an editable Word file or a PDF")
    r.add_argument("--plan", default=None, help="a plan id (default: the first plan)")
    r.add_argument("--kind", choices=["midterm", "final"], required=True, help="mid-term (中期) or final (终期) evaluation")
    r.add_argument("--as-of", type=int, default=None, metavar="YEAR",
                   help="judge with the figures of years up to YEAR from documents published by then (default: all)")
    r.add_argument("--out", type=Path, required=True, help="report.docx (Word) or report.pdf")
    r.add_argument("--lang", choices=["zh", "en"], default="zh")
    r.add_argument("--force", action="store_true", help="overwrite an existing file")
    b = sub.add_parser("build", help="load and check the YAML, then write the columnar store (Parquet) for fast loads")
    b.add_argument("--out", type=Path, default=Path("build/store"), help="store folder (default: build/store); "
                   "use it with PLAN_TRACKER_STORE=DIR")
    w = sub.add_parser("publish", help="write the static site for the public (any web server or CDN serves it)")
    w.add_argument("--out", type=Path, default=Path("site"), help="folder of the site (default: site/); "
                   "publishing again rewrites only what changed")
    w.add_argument("--snapshot", default=None, metavar="NAME",
                   help="also keep this publication, frozen, under snapshots/NAME/ (e.g. 2026-mid-term)")
    w.add_argument("--base-url", default="", help="the site's public address, for sitemap.xml and robots.txt")
    w.add_argument("--no-images", action="store_true", help="leave out the PNG and SVG charts (a quick preview)")
    w.add_argument("--gzip-data", action="store_true",
                   help="write the data files (the JSON contract and the CSVs) gzip-compressed, as NAME.gz: for a "
                        "site of many plans, whose contract runs to hundreds of MB")
    t = sub.add_parser("template", help="write the spreadsheet template for a new document's figures (.xlsx or .csv)")
    t.add_argument("--out", type=Path, default=Path("figures.xlsx"), help="file to write (default: figures.xlsx)")
    t.add_argument("--force", action="store_true", help="overwrite an existing file")
    t.add_argument("--lang", choices=["zh", "en"], default="zh")
    q = sub.add_parser("collect", help="what to collect: the figures that would decide the goals not yet judged, by "
                       "department, and a request workbook per department (the template pre-filled)")
    q.add_argument("--plan", default=None, help="a plan id (default: the first plan)")
    q.add_argument("--out", type=Path, default=None, help="folder to write the request workbooks into (none: list only)")
    q.add_argument("--lang", choices=["zh", "en"], default="zh")
    i = sub.add_parser("import", help="check a filled spreadsheet, preview what changes, write the document's YAML")
    i.add_argument("sheet", type=Path, help="the filled workbook (.xlsx) or CSV file")
    i.add_argument("--editor-name", default=None, help="your name, for the log of saves (logs/editor.log)")
    i.add_argument("--source", type=Path, default=None,
                   help="the document's source text (copied into the sources folder when it is not there)")
    i.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    i.add_argument("--force", action="store_true", help="replace an existing YAML file or source document")
    i.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the messages (default Chinese)")
    r = sub.add_parser("propose", help="read a document (.txt, .docx, .pdf with text, .html) and propose its figures "
                       "or a plan's goals, for a person to confirm")
    rs = r.add_subparsers(dest="what", required=True)
    rf = rs.add_parser("figures", help="propose the figures a document states that bear on the plan's indicators")
    rg = rs.add_parser("goals", help="propose the targets a plan's text sets")
    for q in (rf, rg):
        q.add_argument("files", type=Path, nargs="+", metavar="FILE", help="the documents to read")
        q.add_argument("--format", choices=["json", "table"], default="json")
        q.add_argument("--force", action="store_true", help="overwrite existing workbooks")
        q.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the messages (default Chinese)")
    rf.add_argument("--out", type=Path, default=None, help="write the import template pre-filled for review: a "
                    ".xlsx for one document, a folder (a workbook each) for several")
    rf.add_argument("--year", type=int, default=None,
                    help="the year the document reports on (default: its document record's, when it has one)")
    rf.add_argument("--area", default=None, help="the area the document speaks for: an area id or name, such as "
                    "karamay-district or 克拉玛依区 (default: its document record's)")
    rg.add_argument("--out", type=Path, default=None, help="write the proposed goals as a workbook to review "
                    "(a folder for several documents)")
    rg.add_argument("--period", default=None, metavar="FIRST-LAST", help="the plan's period, such as 2026-2030 "
                    "(default: read from the text)")
    ip = sub.add_parser("import-plan", help="check a reviewed goals workbook (propose goals --out), preview the new "
                        "plan's goals and their judgements, write targets/<plan-id>/")
    ip.add_argument("sheet", type=Path, help="the goals workbook, reviewed (confirmed column: 是 / 否)")
    ip.add_argument("--plan-id", required=True, help="the new plan's id and folder name, such as urumqi-city-2008-2012")
    ip.add_argument("--name", required=True, help="the plan's name in Chinese")
    ip.add_argument("--name-en", default="", help="the plan's name in English (default: the Chinese name)")
    ip.add_argument("--area", required=True, help="the area id the plan speaks for (actuals/areas.yaml)")
    ip.add_argument("--period", type=int, nargs=2, required=True, metavar=("FIRST", "LAST"), help="the plan period")
    ip.add_argument("--base-year", type=int, default=None, help="the plan's base year (default: the year before)")
    ip.add_argument("--source", type=Path, required=True, help="the plan's text; copied into the texts folder "
                    "(../shared/texts, or $PLAN_TRACKER_TEXTS) when it is not there, and named texts/NAME")
    ip.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    ip.add_argument("--force", action="store_true", help="replace the plan's existing files")
    ip.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the messages (default Chinese)")
    d = sub.add_parser("diff", help="what changes between another version of the data and this one")
    d.add_argument("--against", required=True, help="a git revision (HEAD, main~1) or a data folder")
    d.add_argument("--lang", choices=["zh", "en"], default="zh")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except errors.DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - quiet the interpreter's final flush
        return 0
    except Exception as exc:  # the one place a traceback is turned into a line
        if args.debug:
            raise
        print(f"error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 2


def _load(args) -> tuple[Dataset, LoadReport]:
    return load(args.data, args.sources)


def _load_valid_records(args) -> tuple[Dataset, LoadReport]:
    """Load for a listing: the valid records go to stdout, each rejected record's problem to stderr."""
    dataset, report = _load(args)
    for p in report.errors:
        print(f"error: {p}", file=sys.stderr)
    return dataset, report


def cmd_check(args) -> int:
    dataset, report = _load(args)
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0 if report.valid else 1
    print(format_report(report, args.lang))
    return 0 if report.valid else 1


def goal_rows(dataset: Dataset) -> list[dict]:
    rows = []
    for g in dataset.goals:
        rows.append({
            "id": g.id, "name": g.name, "name_en": g.name_en, "group": g.group, "indicator": g.indicator,
            "measure": g.measure, "unit": g.unit, "comparator": g.comparator, "target": g.target,
            "target_text": g.target_text, "target_year": g.target_year,
            "baseline_value": g.baseline.value if g.baseline else None,
            "baseline_year": g.baseline.year if g.baseline else None, "paces": g.paces, "quote": g.quote,
        })
    return rows


def cmd_goals(args) -> int:
    dataset, report = _load_valid_records(args)
    rows = goal_rows(dataset)
    if args.format == "json":
        print(json.dumps({"goals": rows}, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=GOAL_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        print(buf.getvalue(), end="")
    else:
        print(_table(rows, ["id", "name", "comparator", "target", "unit", "target_year", "baseline_value"]))
    return 0 if report.valid else 1


def _table(rows: list[dict], cols: list[str]) -> str:
    def cell(v) -> str:
        if v is None:
            return ""
        return f"{v:g}" if isinstance(v, float) else str(v)

    def width(s: str) -> int:  # CJK characters take two columns in a terminal
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)

    cells = [[cell(r[c]) for c in cols] for r in rows]
    widths = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(cols)]
    out = ["  ".join(c + " " * (w - width(c)) for c, w in zip(cols, widths, strict=True))]
    out += ["  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in out)


def cmd_assess(args) -> int:
    from dashboard.judge import Judge
    from dashboard.present.contract import assessment_document, to_csv, to_markdown

    dataset, report = _load_valid_records(args)
    judge = Judge(dataset)
    accounts = judge.accounts()
    coherence = judge.coherence
    if args.format == "json":
        print(json.dumps(assessment_document(dataset, accounts, coherence), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(to_csv(accounts, dataset), end="")
    else:
        print(to_markdown(accounts, coherence, args.lang, dataset), end="")
    return 0 if report.valid else 1


def cmd_editor_password(args) -> int:
    import getpass

    from dashboard.web.guard import PASSWORD_HASH_ENV, hash_password

    first = getpass.getpass("编辑密码 editor password: ")
    if not first or first != getpass.getpass("再输一次 again: "):
        print("两次输入不一致或为空 / empty, or the two differ", file=sys.stderr)
        return 1
    print(f"{PASSWORD_HASH_ENV}='{hash_password(first)}'")
    return 0


def cmd_serve(args) -> int:
    from dashboard.web.serve import serve

    return serve(port=args.port, address=args.address, data=args.data, sources=args.sources, editor=args.editor)


def _goal_formats() -> list[str]:
    from dashboard.present.export import one_goal_formats

    return one_goal_formats()


class _Bar:
    """A text progress bar on stderr: redrawn in place on a terminal, a few plain lines in a log."""

    def __init__(self, stream=None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int, label: str) -> None:
        filled = self.width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {label}"
        if self.tty:
            self.stream.write("\r\033[K" + line)
        elif done * 10 // max(total, 1) != self._last:
            self._last = done * 10 // max(total, 1)
            self.stream.write(line + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.tty:
            self.stream.write("\n")


def _judged(args):
    """The plan's view of the data (its names, its goals) and a judge of the whole data: a goal's account is the one
    the app, the site and `assess` give (a plan judged alone would weigh another plan's areas as unrelated ones)."""
    from dashboard.judge import Judge

    dataset, report = _load_valid_records(args)
    return dataset.for_plan(getattr(args, "plan", None)), report, Judge(dataset)


def cmd_export(args) -> int:
    from dashboard.present import export
    from dashboard.present.locale import Locale

    dataset, report, judge = _judged(args)
    try:
        (a,) = export.Selection.of(goal_ids=[args.goal]).apply(judge.accounts(dataset.goals))
        out = args.out if args.out is not None else Path("out")
        path = export.export_goal(a, args.format, out, Locale(args.lang, dataset), args.force, plan=dataset.plan,
                                  paper=args.paper)
    except export.ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0 if report.valid else 1


def cmd_pack(args) -> int:
    from dashboard.present import export
    from dashboard.present.locale import Locale

    dataset, report, judge = _judged(args)
    select = export.Selection.of(args.group, args.status, args.goal)
    bar = _Bar()
    try:
        written = export.build_pack(judge.accounts(dataset.goals), judge.coherence, args.out, Locale(args.lang, dataset), select,
                                    args.force, progress=bar, plan=dataset.plan, zip_it=args.zip, paper=args.paper)
    except export.ExportError as exc:
        bar.end()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    bar.end()
    goals = sum(p.suffix == ".png" for p in written)
    print(f"{args.out}: {len(written)} files ({goals} goals)")
    if args.zip:
        print(written[-1])
    return 0 if report.valid else 1


def cmd_report(args) -> int:
    from dashboard.judge import Judge
    from dashboard.present.export import ExportError, Renderer
    from dashboard.present.export.report import FORMATS, report_bytes
    from dashboard.present.locale import Locale
    from dashboard.records.as_of import as_of
    from dashboard.records.util import write_atomic

    fmt = args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        print(f"error: {args.out}: the report is written as .docx or .pdf", file=sys.stderr)
        return 1
    if args.out.exists() and not args.force:
        print(f"error: {args.out} already exists; use --force to overwrite it", file=sys.stderr)
        return 1
    dataset, report = _load_valid_records(args)
    data = as_of(dataset, args.as_of)
    judge, plan_data = Judge(data), data.for_plan(args.plan)  # judged in the whole, as every face judges
    renderer = Renderer() if fmt == "pdf" else None
    try:
        content = report_bytes(fmt, judge.accounts(plan_data.goals), judge.coherence, Locale(args.lang, plan_data),
                               kind=args.kind, as_of=args.as_of, renderer=renderer.start() if renderer else None)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if renderer is not None:
            renderer.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(args.out, content, replace=args.force)
    except FileExistsError:
        print(f"error: {args.out} already exists; use --force to overwrite it", file=sys.stderr)
        return 1
    print(args.out)
    return 0 if report.valid else 1


def cmd_build(args) -> int:
    from dashboard.records.sources import PROJECT_ROOT, default_sources_dir
    from dashboard.records.store import build

    root = args.data if args.data is not None else PROJECT_ROOT
    sources = args.sources if args.sources is not None else default_sources_dir()
    dataset, report = build(root, sources, args.out)
    for p in report.errors:
        print(f"error: {p}", file=sys.stderr)
    print(f"Store written to {args.out}: {len(dataset.goals)} goals, {len(dataset.observations)} observations "
          f"({len(report.errors)} errors). Use it with PLAN_TRACKER_STORE={args.out}")
    return 0 if report.valid else 1


def cmd_publish(args) -> int:
    from dashboard.site.publish import SiteError, publish

    dataset, report = _load_valid_records(args)
    try:
        result = publish(dataset, args.out, rejected=sum(c.rejected for c in report.counts),
                         quotes_verified=report.quotes_verified, images=not args.no_images,
                         gzip_data=args.gzip_data, base_url=args.base_url, snapshot=args.snapshot)
    except SiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"Site in {args.out}: {len(result.written)} files written, {result.unchanged} unchanged, "
          f"{len(result.removed)} removed, {result.images} images drawn in {result.seconds:.1f} s "
          f"(data version {result.data_version})."
          + (f" Snapshot kept in {args.out / 'snapshots' / result.snapshot}." if result.snapshot else ""))
    return 0


def _folders(args) -> tuple[Path, Path]:
    from dashboard.records.sources import PROJECT_ROOT, default_sources_dir

    root = args.data if args.data is not None else PROJECT_ROOT
    return Path(root), Path(args.sources if args.sources is not None else default_sources_dir())


def cmd_template(args) -> int:
    from dashboard.present.locale import Locale
    from dashboard.records import sheet

    loc = Locale(args.lang)
    if args.out.exists() and not args.force:
        print(loc.t("template.exists", path=args.out), file=sys.stderr)
        return 1
    dataset, _ = _load(args)
    if args.out.suffix.lower() == ".csv":
        sheet.write_template_csv(args.out)
    else:
        sheet.write_template(args.out, dataset)
    print(loc.t("template.written", path=args.out, indicators=len(dataset.indicators), areas=len(dataset.areas)))
    return 0


def cmd_collect(args) -> int:
    from dashboard.judge import Judge
    from dashboard.present.collect import by_department, file_name, request_rows, requests
    from dashboard.present.locale import Locale

    whole, _ = _load(args)
    dataset = whole.for_plan(args.plan)
    loc = Locale(args.lang, dataset)
    groups = by_department(requests(dataset, Judge(whole)))
    for k, items in enumerate(groups.values(), start=1):
        dep = items[0].department
        print(f"## {loc.pick(dep.department, dep.department_en)}{loc.t('collect.count', n=len(items))}")
        for r in items:
            print(f"- {r.goal.id}: {loc.pick(r.indicator.name, r.indicator.name_en)} ({r.indicator.id}), {r.area}, "
                  f"{r.year}, {loc.t(f'collect.measure.{r.measure}', unit=loc.unit(r.unit) or '—')}")
        if args.out is not None:
            from dashboard.records import sheet

            args.out.mkdir(parents=True, exist_ok=True)
            sheet.write_request(args.out / file_name(k, items), dataset, dep.department, dep.department_en,
                                request_rows(items))
    if args.out is not None:
        print(loc.t("collect.written", n=len(groups), folder=args.out))
    return 0


def cmd_import(args) -> int:
    from dashboard.present.changes import compare, lines
    from dashboard.present.locale import Locale
    from dashboard.records import importer, sheet

    root, sources = _folders(args)
    filled = sheet.read(args.sheet.read_bytes(), args.sheet.name)
    source = importer.copy_source(args.source) if args.source else None
    outcome = importer.check(root, sources, filled, source, force=args.force)
    after = outcome.after[0]
    loc = Locale(args.lang, after)
    print(format_outcome(outcome, loc))
    print()
    print(loc.t("import.preview"))
    if outcome.errors:
        print(loc.t("import.preview_partial"))
    print("\n".join(lines(compare(outcome.before[0], after), loc)))
    print()

    def write() -> list[Path]:
        written = importer.write(outcome)
        importer.log_save(root, outcome, written, editor=args.editor_name or "")
        return written
    return _refused_or_written(outcome, loc, args.dry_run, write)


def cmd_import_plan(args) -> int:
    from dashboard.present.locale import Locale
    from dashboard.present.plan_preview import preview_lines
    from dashboard.records import plan_import

    root, sources = _folders(args)
    plan = plan_import.PlanArgs(plan_id=args.plan_id, name=args.name, name_en=args.name_en, area=args.area,
                                period=(args.period[0], args.period[1]), base_year=args.base_year, source=args.source)
    read = plan_import.read_goals(args.sheet.read_bytes(), args.sheet.name)
    outcome = plan_import.check_plan(root, sources, read, plan, args.sheet.name, force=args.force)
    after = outcome.after[0]
    loc = Locale(args.lang, after)
    print(format_outcome(outcome, loc))
    print()
    lines = preview_lines(outcome, plan, loc)
    guesses = lines.index(loc.t("import_plan.guesses")) if outcome.draft.guesses else len(lines)
    print("\n".join(lines[:guesses]))
    if outcome.draft.guesses:
        print()
        print("\n".join(lines[guesses:]))
    print()
    return _refused_or_written(outcome, loc, args.dry_run, lambda: plan_import.write_plan(outcome))


def _refused_or_written(outcome, loc, dry_run: bool, write) -> int:
    """How an import ends, for figures and for a plan alike: refused while it has errors; with --dry-run, the files
    it would write; else `write()` and the files it wrote."""
    if not outcome.ok:
        print(loc.t("import.refused"))
        return 1
    if dry_run:
        print(loc.t("import.would_write", files=loc.join(str(p) for p in outcome.targets)))
        print(loc.t("import.dry_run"))
        return 0
    print(loc.t("import.written", files=loc.join(str(p) for p in write())))
    return 0


def format_outcome(outcome, loc) -> str:
    """An import's located problems, its own first, then those it causes elsewhere."""
    own = outcome.problems
    errors_n = sum(1 for p in own if p.severity == "error")
    out = [loc.t("import.problems", errors=errors_n, warnings=len(own) - errors_n) if own else loc.t("import.no_problems")]
    out += [loc.t("check.error" if p.severity == "error" else "check.warning") + p.located(loc.lang) for p in own]
    if outcome.elsewhere:
        out.append(loc.t("import.elsewhere"))
        out += [loc.t("check.error" if p.severity == "error" else "check.warning") + p.located(loc.lang)
                for p in outcome.elsewhere]
    return "\n".join(out)


def cmd_diff(args) -> int:
    import tempfile

    from dashboard.present.changes import compare, lines
    from dashboard.present.locale import Locale
    from dashboard.records.yaml_files import load_yaml

    root, sources = _folders(args)
    after, _ = load_yaml(root, sources)
    loc = Locale(args.lang, after)
    against = Path(args.against)
    with tempfile.TemporaryDirectory(prefix="plan-tracker-diff-") as tmp:
        if against.is_dir():
            before_root = against
        else:
            before_root = Path(tmp)
            why = _checkout(root, args.against, before_root)
            if why:
                print(loc.t("diff.bad_rev", rev=args.against, why=why), file=sys.stderr)
                return 2
        before, _ = load_yaml(before_root, sources)
    print(loc.t("diff.heading", before=args.against, after=loc.t("diff.current")))
    print("\n".join(lines(compare(before, after), loc)))
    return 0


def _checkout(root: Path, rev: str, into: Path) -> str | None:
    """targets/ and actuals/ as they were at a git revision, written under `into`; the reason if it cannot be."""
    import subprocess
    import tarfile

    proc = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", rev, "--", "targets", "actuals"],
                          capture_output=True)
    if proc.returncode != 0:
        return proc.stderr.decode("utf-8", "replace").strip() or f"git exited with {proc.returncode}"
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(into, filter="data")
    return None


def cmd_propose(args) -> int:
    from dashboard.reader import propose, workbook
    from dashboard.reader.files import read_document

    figures = args.what == "figures"
    dataset, _ = _load(args)
    if figures and args.area is not None:
        area = _area_id(dataset, args.area)
        if area is None:
            print(f"error: --area {args.area!r} is not an area of the data; use one of: "
                  + ", ".join(f"{a.id} ({a.name})" for a in dataset.areas), file=sys.stderr)
            return 2
        args.area = area
    docs, failed = [], False
    for path in args.files:
        try:
            docs.append(read_document(path))
        except errors.DataError as exc:
            failed = True
            for p in exc.problems:
                print(f"error: {p.located(args.lang)}", file=sys.stderr)
    if failed:  # nothing is written when any document cannot be read
        return 1
    for doc in docs:
        for p in doc.problems:
            print(f"warning: {p.located(args.lang)}", file=sys.stderr)
    outs = _propose_outputs(args.out, docs, ".xlsx", args.force)
    if isinstance(outs, str):
        print(f"error: {outs}", file=sys.stderr)
        return 1
    found: list[dict] = []
    written: list[Path] = []
    for doc, out in zip(docs, outs, strict=True):
        if figures:
            record = workbook.known_document(dataset, doc.name)
            year = args.year if args.year is not None else (propose.reported_year(record) if record else None)
            area = args.area if args.area is not None else (record.area if record else None)
            proposals: list = propose.propose_figures(doc.text, dataset, year=year, area=area,
                                                      years=record.years if record else None)
            if out is not None:
                written += workbook.write_figures(out, doc, proposals, dataset, record=record, year=year, area=area)
        else:
            period = _period(args.period)
            proposals = propose.propose_goals(doc.text, dataset, period=period)
            if out is not None:
                written += workbook.write_goals(out, doc, proposals)
        found += [{**p.to_json(), "file": doc.name} for p in proposals]
    key = "figures" if figures else "goals"
    if args.format == "json":
        print(json.dumps({key: found}, ensure_ascii=False, indent=2))
    else:
        cols = (["file", "indicator", "measure", "value", "qualifier", "unit", "year", "area", "caliber", "quote"]
                if figures else ["file", "indicator", "comparator", "target", "unit", "target_year", "hold", "quote"])
        rows = [{c: _short(r.get(c) if c != "year" else (r.get("year") or r.get("period"))) for c in cols}
                for r in found]
        print(_table(rows, cols))
    for path in written:
        print(f"written: {path}", file=sys.stderr)
    if written and figures:
        print("next: fill 确认 confirmed (是/否) for each proposed row, then "
              "`python -m dashboard import WORKBOOK --source TEXT --dry-run`", file=sys.stderr)
    return 0


def _area_id(dataset: Dataset, given: str) -> str | None:
    """An area by its id or by its name in either language (克拉玛依区, Karamay District)."""
    wanted = given.strip().casefold()
    for a in dataset.areas:
        if wanted in (a.id.casefold(), a.name.casefold(), (a.name_en or "").casefold()):
            return a.id
    return None


def _propose_outputs(out: Path | None, docs: list, suffix: str, force: bool) -> list[Path | None] | str:
    """Where each document's workbook goes: --out itself for one document named .xlsx, else a file each in the
    folder --out; the reason when it cannot be (a file named for several documents, an existing file)."""
    if out is None:
        return [None] * len(docs)
    if out.suffix.lower() == suffix:
        if len(docs) > 1:
            return f"{out}: several documents need a folder (--out DIR), a workbook each"
        paths: list[Path | None] = [out]
    else:
        paths = [out / f"{Path(d.name).stem}{suffix}" for d in docs]
    files = [p for p in paths if p is not None]
    if len({p.name for p in files}) < len(files):
        return "two documents have the same name; read them one at a time"
    beside = [p.with_name(d.text_name) for p, d in zip(files, docs, strict=True) if d.format != "txt"]
    existing = [str(p) for p in [*files, *beside] if p.exists()]
    if existing and not force:
        return f"{', '.join(existing)} already exist(s) and were not overwritten; add --force to replace"
    return paths


def _period(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def _short(value, width: int = 40):
    if isinstance(value, list):
        return f"{value[0]}-{value[1]}"
    if isinstance(value, str) and len(value) > width:
        return value[: width - 1] + "…"
    return value


_COMMANDS = {"check": cmd_check, "goals": cmd_goals, "assess": cmd_assess, "serve": cmd_serve,
             "export": cmd_export, "pack": cmd_pack, "report": cmd_report, "build": cmd_build, "publish": cmd_publish,
             "template": cmd_template, "editor-password": cmd_editor_password, "collect": cmd_collect,
             "import": cmd_import, "import-plan": cmd_import_plan, "diff": cmd_diff, "propose": cmd_propose}
