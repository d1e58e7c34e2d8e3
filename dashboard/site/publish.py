"""`publish(dataset, out)`: the static site, from the same records, judge, locale and charts as the app.

What it writes (paths relative to `out`; see docs/publishing.md):
- `index.html` (choose a language), `zh/…` and `en/…`: overview, goal table, one page per goal, documents,
  coherence, methodology; with several plans, a later plan's overview and goal table under
  `<lang>/plan/<plan-id>/` (the first plan's keep the one-plan addresses) and one page per indicator that goals of
  two or more plans measure, `<lang>/indicator/<indicator>.html`;
- `assets/`: one stylesheet, one script, plotly.js once (the basic bundle where every chart fits it), the
  charts' shared template;
- `charts/<lang>/<goal>.png|svg` (the briefing charts of `present/export`), `data/goal/<goal>.csv`,
  `data/assessment.json` (the JSON contract), `data/goals.csv`; with `gzip_data`, these data files are written
  gzip-compressed, each named with `.gz` after its own name (at a hundred plans the contract alone is 500 MB);
- `sitemap.xml` (and `robots.txt` when the site's address is known), `manifest.json`;
- with a snapshot name, a frozen copy under `snapshots/<name>/`, listed by every later publication.

Incremental: a goal page, its CSV and its images are made again only when their key changes — the goal's
account, the text catalogue, the code of the site and the presentation layer; any file is written only when
its bytes differ. Each page's footer shows the version of what it shows and the date it first appeared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import json
import multiprocessing
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from dashboard.judge import Judge
from dashboard.judge.account import GoalAccount
from dashboard.present import charts, contract, figures
from dashboard.present import export as briefing
from dashboard.present.across import figures_of, indicator_figure, plan_goals
from dashboard.present.catalogue import CATALOGUE
from dashboard.present.export.dressing import slide_figure
from dashboard.present.export.layout import PNG_SCALE
from dashboard.present.locale import LANGS, Locale
from dashboard.present.views.coherence import coherence_view
from dashboard.present.views.common import plan_label
from dashboard.present.views.documents import documents_view
from dashboard.present.views.goal import goal_view, has_chart
from dashboard.present.views.indicator import indicator_view
from dashboard.present.views.methodology import methodology_view
from dashboard.present.views.overview import overview_view
from dashboard.present.views.table import table_view
from dashboard.records.model import Dataset
from dashboard.site import layout, render
from dashboard.site.state import MANIFEST, Manifest, digest, short, write_atomic

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
BASIC_BUNDLE = STATIC / "vendor" / "plotly-basic.min.js"
#: Trace types plotly.js's basic bundle draws; a figure with any other type gets the full bundle.
BASIC_TRACES = frozenset({"scatter", "bar", "pie"})
IMAGE_FORMATS = ("png", "svg")
GLANCE_MAX = 400  # up to this many goals the overview lists every one by group (as the app does); beyond, counts
SWITCHER_PLANS = 8  # up to this many plans the switcher on every page names each; beyond, the first, the current
# and a page of every plan
SNAPSHOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
#: Goal pages and figure files are made in a pool of processes when at least this many are to be made (fewer
#: are quicker made here than a pool is started), in chunks of GOAL_CHUNK.
POOL_FROM = 400
GOAL_CHUNK = 40


class SiteError(Exception):
    """A publication that cannot be made as asked, said in Chinese and English."""


@dataclass
class Result:
    out: Path
    data_version: str
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    images: int = 0  # images rendered (the rest were unchanged, or copied into a snapshot)
    seconds: float = 0.0
    snapshot: str | None = None
    bundle: str = ""
    warnings: list[str] = field(default_factory=list)


def publish(data: Dataset, out: str | Path, *, rejected: int = 0, quotes_verified: bool = True, images: bool = True,
            gzip_data: bool = False, base_url: str = "", snapshot: str | None = None, today: dt.date | None = None,
            renderer: briefing.Renderer | None = None) -> Result:
    """Write (or bring up to date) the site in `out`. `rejected`: records the load could not use (the overview
    says how many). `images=False` leaves out the PNG and SVG files (and their links): for previews.
    `gzip_data`: the data files (contract and CSVs) gzip-compressed, for sites of many plans (docs/publishing.md)."""
    try:
        return _publish(data, out, rejected=rejected, quotes_verified=quotes_verified, images=images,
                        gzip_data=gzip_data, base_url=base_url, snapshot=snapshot, today=today, renderer=renderer,
                        full_bundle=False)
    except _NeedsFullBundle:  # a chart needs more than plotly.js's basic bundle
        return _publish(data, out, rejected=rejected, quotes_verified=quotes_verified, images=images,
                        gzip_data=gzip_data, base_url=base_url, snapshot=snapshot, today=today, renderer=renderer,
                        full_bundle=True)


def _publish(data: Dataset, out: str | Path, *, rejected: int, quotes_verified: bool, images: bool, gzip_data: bool,
             base_url: str, snapshot: str | None, today: dt.date | None, renderer: briefing.Renderer | None,
             full_bundle: bool) -> Result:
    started = time.perf_counter()
    out = Path(out)
    day = (today or dt.date.today()).isoformat()
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    snapshots = _read_snapshots(out)
    if snapshot is not None:
        if not SNAPSHOT_NAME.match(snapshot):
            raise SiteError(f"快照名称“{snapshot}”无效：只能用字母、数字和 . _ -，不超过64个字符。 / invalid snapshot "
                            f"name {snapshot!r}: use letters, digits and . _ - (at most 64 characters)")
        if (out / layout.SNAPSHOTS / snapshot).exists() or any(s["name"] == snapshot for s in snapshots):
            raise SiteError(f"快照“{snapshot}”已存在，存档不能覆盖；请换一个名称。 / snapshot {snapshot!r} already "
                            "exists and an archive is never overwritten: choose another name")
    judge = Judge(data)
    common: dict[str, Any] = dict(rejected=rejected, quotes_verified=quotes_verified, images=images,
                                  gzip_data=gzip_data, full_bundle=full_bundle)
    result = _Site(data, judge, out, day, base_url=base_url, snapshots=snapshots, renderer=renderer, **common).build()
    if snapshot is not None:
        entry = {"name": snapshot, "published": day, "data_version": result.data_version}
        frozen_url = f"{base_url}{layout.SNAPSHOTS}/{snapshot}/" if base_url else ""  # a snapshot cites its own address
        _Site(data, judge, out / layout.SNAPSHOTS / snapshot, day, base_url=frozen_url, snapshots=snapshots, snapshot=entry,
              image_source=out, archive_root="../../", **common).build()
        _write_snapshots(out, [*snapshots, entry])
        again = _Site(data, judge, out, day, base_url=base_url, snapshots=[*snapshots, entry], renderer=renderer,
                      **common).build()  # the overview now lists the new snapshot
        result.written += [p for p in again.written if p not in result.written]
        result.snapshot = snapshot
    result.seconds = time.perf_counter() - started
    return result


def _read_snapshots(out: Path) -> list[dict[str, str]]:
    try:
        items = json.loads((out / layout.SNAPSHOTS / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [dict(i) for i in items if isinstance(i, dict) and "name" in i]


def _write_snapshots(out: Path, items: list[dict[str, str]]) -> None:
    write_atomic(out / layout.SNAPSHOTS / "index.json",
                 (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode())


def code_digest(*, pages: bool) -> str:
    """The code and files outputs are made with. Images and data files: the presentation layer (locale,
    catalogue, charts, contract, briefing exports); pages: that and the site's own code, templates and assets."""
    present = HERE.parent / "present"
    found = [*present.rglob("*.py")]
    if pages:
        found += [*HERE.rglob("*.py"), *(HERE / "templates").glob("*"), *STATIC.rglob("*")]
    files = sorted(f for f in found if f.is_file() and "__pycache__" not in f.parts)
    return digest(get_plotlyjs_version(), *(f.relative_to(HERE.parent).as_posix() for f in files),
                  *(f.read_bytes() for f in files))


class _Site:
    """One build of one site folder (the publication, or a snapshot of it)."""

    def __init__(self, data: Dataset, judge: Judge, out: Path, day: str, *, rejected: int, quotes_verified: bool,
                 images: bool, gzip_data: bool, full_bundle: bool, base_url: str, snapshots: list[dict[str, str]],
                 snapshot: dict[str, str] | None = None, image_source: Path | None = None, archive_root: str = "",
                 renderer: briefing.Renderer | None = None):
        self.data, self.judge, self.out, self.day = data, judge, out, day
        self.full_bundle, self.quotes_verified = full_bundle, quotes_verified
        self.rejected, self.images, self.base_url, self.gzip_data = rejected, images, base_url, gzip_data
        self.snapshots, self.snapshot, self.image_source = snapshots, snapshot, image_source
        self.archive_root, self.renderer = archive_root, renderer
        self.env = render.environment()
        self.old = Manifest.read(out)
        self.new = Manifest()
        self.locales = {lang: Locale(lang, data) for lang in LANGS}
        # a later plan's pages speak of that plan (its name, groups, highlights); the first plan's of the whole data
        self.first_plan = data.plan.id if data.plan else None
        self.plan_locales = {(p.id, lang): Locale(lang, data.for_plan(p.id)) for p in data.plans[1:] for lang in LANGS}
        self.goals = {g.id: g for g in data.goals}
        self.observations = {o.id: o for o in data.observations}
        self.files = {g.id: briefing.safe_name(g.id) for g in data.goals}
        self.names = {lang: {g.id: loc.goal_name(g) for g in data.goals} for lang, loc in self.locales.items()}
        self.result = Result(out=out, data_version="")
        self.pending: list[tuple[str, str, Callable[[], bytes]]] = []
        self._own_renderer: briefing.Renderer | None = None

    @functools.cached_property
    def accounts(self) -> list[GoalAccount]:
        return self.judge.accounts()

    # ---- plans ----------------------------------------------------------------------------------------

    def later_plan(self, goal_id: str) -> str | None:
        """The id of a goal's plan when it is a later plan (its pages are in the plan's folder); None for the first."""
        goal = self.goals.get(goal_id)
        plan = self.data.plan_of(goal) if goal is not None else None
        return plan.id if plan is not None and plan.id != self.first_plan else None

    def loc(self, lang: str, plan: str | None = None) -> Locale:
        """The words of a plan's pages: a later plan's names, groups and highlights; else the first plan's."""
        return self.plan_locales[(plan, lang)] if plan else self.locales[lang]

    @functools.cached_property
    def plan_accounts(self) -> dict[str | None, list[GoalAccount]]:
        """Each plan's goals' accounts, in the data's order; the first plan under None."""
        out: dict[str | None, list[GoalAccount]] = {None: []}
        out.update({p.id: [] for p in self.data.plans[1:]})
        for a in self.accounts:
            out[self.later_plan(a.goal.id)].append(a)
        return out

    @functools.cached_property
    def shared_indicators(self) -> dict[str, str]:
        """Indicators that goals of two or more plans measure, each with its page's file name."""
        plans: dict[str, set[str]] = {}
        for g in self.data.goals:
            plans.setdefault(g.indicator, set()).add(self.later_plan(g.id) or "")
        return {i: briefing.safe_name(i) for i, ps in plans.items() if len(ps) > 1}

    def _plan_switch(self, lang: str, kind: str, current: str | None) -> list[tuple[str, str, bool]]:
        """The plan switcher: each plan's page of this kind (its overview from other pages), the current marked.
        With more plans than it can name on every page, it names the first plan and the current one and links the
        page of every plan (at a hundred plans the switcher was a quarter of every page's bytes)."""
        plans = self.data.plans
        if len(plans) <= 1:
            return []
        loc = self.locales[lang]
        target = kind if kind in layout.PLAN_PAGES else "overview"
        out = []
        for k, p in enumerate(plans):
            pid = p.id if k else None
            if len(plans) > SWITCHER_PLANS and k and pid != current:
                continue
            # an indicator's page is every plan's: none of them is the current one
            out.append((plan_label(p, loc), layout.page(target, lang, pid), pid == current and kind != "indicator"))
        if len(plans) > SWITCHER_PLANS:
            out.append((loc.t("plans.all", n=len(plans)), layout.plans_page(lang), kind == "plans"))
        return out

    def _plans_page(self, lang: str) -> bytes:
        loc = self.locales[lang]
        path = layout.plans_page(lang)
        links = [(plan_label(p, loc), layout.page("overview", lang, p.id if k else None))
                 for k, p in enumerate(self.data.plans)]
        ctx = self._context(path, lang, loc.t("plans.all", n=len(links)), self.data_since, nav_kind="plans",
                            intro=loc.t("plans.all_intro"), links=links)
        return self._page(path, "plans.html", ctx)

    # ---- versions -------------------------------------------------------------------------------------

    def _inputs(self) -> str:
        """Everything the site is made from: the data, the code that judges and presents it, the options."""
        judge_code = sorted(f for f in (HERE.parent / "judge").rglob("*.py") if "__pycache__" not in f.parts)
        return digest(self.data.model_dump_json(), code_digest(pages=True), *(f.read_bytes() for f in judge_code),
                      json.dumps([self.rejected, self.quotes_verified, self.images, self.gzip_data, self.full_bundle,
                                  self.base_url, self.snapshots, self.snapshot, self.archive_root,
                                  self.image_source is not None]))

    def _unchanged(self, inputs: str) -> bool:
        """The last publication was made from the same inputs and every file it wrote is there: nothing to do
        (judging 7,500 goals again only to find each unchanged took most of an unchanged publication)."""
        old = self.old
        if not old.inputs or old.inputs != inputs or not old.bundle:
            return False
        return all((self.out / path).is_file() for path in old.files)

    def _versions(self) -> None:
        self.code = code_digest(pages=True)
        self.present_code = code_digest(pages=False)
        catalogue = json.dumps(CATALOGUE, ensure_ascii=False, sort_keys=True)
        names = json.dumps([[p.model_dump(mode="json") for p in self.data.plans],
                            [a.model_dump(mode="json") for a in self.data.areas],
                            [i.model_dump(mode="json") for i in self.data.indicators]], ensure_ascii=False)
        self.text = digest(catalogue, names)
        self.data_version = short(digest(self.data.model_dump_json()))
        self.data_since = self.new_version("data", self.data_version)
        self.text_version = short(self.text)
        self.text_since = self.new_version("text", self.text_version)
        self.goal_versions: dict[str, tuple[str, str]] = {}
        for a in self.accounts:
            paced = self.goals.get(a.goal.paces) if a.goal.paces else None
            inputs = [self.observations.get(i) for e in a.evidence if e.observation.derived
                      for i in e.observation.derived.inputs]
            version = short(digest(repr(a), repr(paced), repr(inputs)))
            self.goal_versions[a.goal.id] = (version, self.new_version(f"goal:{a.goal.id}", version))
        self.new.data_version, self.new.published = self.data_version, self.day
        self.result.data_version = self.data_version

    def new_version(self, what: str, version: str) -> str:
        since = self.old.since(what, version, self.day)
        self.new.versions[what] = {"version": version, "since": since}
        return since

    # ---- files ----------------------------------------------------------------------------------------

    def emit(self, path: str, make: Callable[[], bytes], key: str | None = None) -> None:
        """Make `path` unless its key is unchanged, and write it only if its bytes changed."""
        old = self.old.files.get(path)
        target = self.out / path
        if key is not None and old and old.get("key") == key and target.is_file():
            self.new.files[path] = old
            self.result.unchanged += 1
            return
        self._store(path, make(), key)

    def data_path(self, path: str) -> str:
        return layout.data_file(path, self.gzip_data)

    def data_bytes(self, data: bytes) -> bytes:
        """A data file's bytes as published: as they are, or gzip-compressed (with no date inside, so the same
        data gives the same bytes and an unchanged file is not written again)."""
        return gzip.compress(data, compresslevel=6, mtime=0) if self.gzip_data else data

    def _store(self, path: str, data: bytes, key: str | None) -> None:
        sha = digest(data)
        old = self.old.files.get(path)
        self.new.files[path] = {"key": key or "", "sha256": sha}
        target = self.out / path
        if old and old.get("sha256") == sha and target.is_file():
            self.result.unchanged += 1
            return
        write_atomic(target, data)
        self.result.written.append(path)

    # ---- the build --------------------------------------------------------------------------------------

    def build(self) -> Result:
        inputs = self._inputs()
        if self._unchanged(inputs):
            self.new = dataclasses.replace(self.old, published=self.day)
            self.result.unchanged = len(self.old.files)
            self.result.data_version = self.old.data_version
            self.result.bundle = self.old.bundle
            write_atomic(self.out / MANIFEST, self.new.to_bytes())
            return self.result
        self._versions()
        self.bundle = self._bundle()
        self._assets()
        goal_files = self._goal_files()  # forks its workers before the image renderer starts any thread
        try:
            self._images()
            for lang in LANGS:
                self._site_pages(lang)
            self._data_files()
            goal_files.finish()
        finally:
            goal_files.close()
        self._landing_and_sitemap()
        self._finish_images()
        self._remove_stale()
        self.new.inputs, self.new.bundle = inputs, self.bundle
        write_atomic(self.out / MANIFEST, self.new.to_bytes())
        self.result.bundle = self.bundle
        return self.result

    def _bundle(self) -> str:
        """plotly.js's basic bundle when it is the version plotly.py draws with and every chart fits it."""
        head = BASIC_BUNDLE.read_bytes()[:200].decode("ascii", "replace")
        version = get_plotlyjs_version()
        loc = self.locales["zh"]
        figures = [charts.overview_figure(self.accounts, loc), charts.coherence_figure(self.judge.coherence, loc)]
        figures += [charts.goal_figure(a, loc) for a in self.accounts[:3]]
        self.template = render.template_of(figures[0])
        fits = all(render.trace_types(f) <= BASIC_TRACES for f in figures)
        self.full = self.full_bundle or not (fits and f"v{version}" in head)
        return f"assets/plotly-{version}.min.js" if self.full else f"assets/plotly-basic-{version}.min.js"

    def _asset(self, stem: str, ext: str, data: bytes) -> str:
        path = f"assets/{stem}.{digest(data)[:10]}.{ext}"  # named by content: a CDN may keep it for ever
        self.emit(path, lambda: data, key=digest(data))
        return path

    def _assets(self) -> None:
        self.emit(self.bundle, (lambda: get_plotlyjs().encode()) if self.full else BASIC_BUNDLE.read_bytes,
                  key=self.bundle + (get_plotlyjs_version() if self.full else digest(BASIC_BUNDLE.read_bytes())))
        self.emit("assets/plotly.LICENSE.txt", (STATIC / "vendor" / "plotly-basic.LICENSE").read_bytes)
        template_js = ("window.PT_TEMPLATE=" + render.script_json(self.template) + ";\nwindow.PT_CONFIG="
                       + render.script_json(render.CHART_CONFIG) + ";\n").encode()
        # The charts' template and options travel in the site's one script: one request fewer before a chart.
        self.assets = {"css": self._asset("site", "css", (STATIC / "site.css").read_bytes()),
                       "js": self._asset("site", "js", template_js + (STATIC / "site.js").read_bytes()),
                       "plotly": self.bundle}

    def _check_traces(self, fig: go.Figure | dict[str, Any]) -> None:
        if not self.full and not render.trace_types(fig) <= BASIC_TRACES:
            raise _NeedsFullBundle

    # ---- pages ------------------------------------------------------------------------------------------

    def _context(self, path: str, lang: str, heading: str, updated: str, plan: str | None = None,
                 **extra: Any) -> dict:
        """A page's template context. The footer names one data version, the publication's, on every page, and
        the day this page's own content last changed. `plan`: the later plan the page belongs to (None: the
        first plan's, or no plan's): its overview and table are the ones the navigation links."""
        loc = self.loc(lang, plan)

        def url(target: str) -> str:
            return layout.href(path, target)

        nav_kind = extra.pop("nav_kind", None)
        snapshot = None
        if self.snapshot is not None:
            s = self.snapshot
            snapshot = {"text": loc.t("site.snapshot.banner", name=s["name"], date=s["published"],
                                      version=s["data_version"]),
                        "current": self.archive_root + layout.page("overview", lang)}
        other = layout.other_language(path)
        return {
            "lang": lang, "html_lang": layout.HTML_LANG[lang],
            "other_html_lang": layout.HTML_LANG[LANGS[1 - LANGS.index(lang)]],
            "t": loc.t, "colon": loc.colon, "list_sep": loc.list_sep, "url": url,
            "page": lambda kind: layout.page(kind, lang, plan),
            "goal": lambda goal_id: layout.goal_page(self.files[goal_id], lang),
            "goal_name": lambda goal_id: self.names[lang].get(goal_id, goal_id),
            "title": heading, "heading": heading, "site_name": loc.t("ui.app.title", plan=loc.plan_short_name()),
            "switch_text": loc.t(f"ui.lang.switch.{LANGS[1 - LANGS.index(lang)]}"),
            "short_name": loc.plan_short_name() or loc.t("ui.app.short"),
            "description": loc.t("ui.app.title", plan=loc.plan_short_name()),
            "nav": [(loc.t(layout.NAV_KEYS[k]), layout.page(k, lang, plan), k == nav_kind) for k in layout.NAV],
            "plans": self._plan_switch(lang, nav_kind or "", plan), "plans_label": loc.t("plans.switcher"),
            "switch": other, "alternates": [(layout.HTML_LANG[lg], lg + path[2:]) for lg in LANGS],
            "assets": self.assets, "charts": False, "snapshot": snapshot, "wide": False,
            "version": self.data_version, "updated": updated,
            "contract": self.data_path(layout.CONTRACT), "table_csv": self.data_path(layout.TABLE_CSV),
            "gzip_data": self.gzip_data,
            **extra,
        }

    def _page(self, path: str, template: str, context: dict) -> bytes:
        return self.env.get_template(template).render(context).encode()

    # ---- goal pages and figure files: one pair of each per goal, made in a pool of processes at scale ---------

    def _goal_files(self) -> _GoalFiles:
        """Start making every goal's page and figure file (CSV) in each language whose key changed."""
        todo: list[tuple[str, str, tuple[str, int, str]]] = []
        site = json.dumps(self.snapshot), self.archive_root
        for i, a in enumerate(self.accounts):
            version, since = self.goal_versions[a.goal.id]
            file = self.files[a.goal.id]
            for lang in LANGS:
                wanted = [(layout.goal_page(file, lang), "page",
                           digest(self.code, self.text, version, since, self.data_version, str(self.images),
                                  str(self.gzip_data), self.bundle, *site))]
                if a.evidence:
                    wanted.append((self.data_path(layout.goal_csv(file, lang)), "csv",
                                   digest(self.present_code, self.text, version, lang)))
                for path, kind, key in wanted:
                    old = self.old.files.get(path)
                    if old and old.get("key") == key and (self.out / path).is_file():
                        self.new.files[path] = old
                        self.result.unchanged += 1
                    else:
                        todo.append((path, key, (kind, i, lang)))
        return _GoalFiles(self, todo)

    def make_goal_file(self, path: str, key: str, job: tuple[str, int, str]) -> tuple[str, dict[str, str], bool]:
        """Make one goal file and write it if its bytes changed: its manifest entry, and whether it was written.
        Runs in a worker process at scale (the site's state is the parent's, inherited)."""
        kind, i, lang = job
        a = self.accounts[i]
        loc = self.loc(lang, self.later_plan(a.goal.id))
        if kind == "page":
            version, since = self.goal_versions[a.goal.id]
            data = self._goal_page(a, path, lang, loc, version, since)
        else:
            data = self.data_bytes(figures.csv_bytes(a, loc))
        entry = {"key": key, "sha256": digest(data)}
        old = self.old.files.get(path)
        if old and old.get("sha256") == entry["sha256"] and (self.out / path).is_file():
            return path, entry, False
        write_atomic(self.out / path, data)
        return path, entry, True

    def took_goal_file(self, path: str, entry: dict[str, str], written: bool) -> None:
        self.new.files[path] = entry
        if written:
            self.result.written.append(path)
        else:
            self.result.unchanged += 1

    def _goal_page(self, a: GoalAccount, path: str, lang: str, loc: Locale, version: str, since: str) -> bytes:
        page = goal_view(a, loc, self.data)
        file = self.files[a.goal.id]
        chart_spec = None
        if page.has_chart:
            fig = charts.goal_spec(a, loc)
            self._check_traces(fig)
            chart_spec = render.script_json(render.plain_spec(fig))
        downloads = []
        if self.images and page.has_chart:
            downloads += [(loc.t("site.goal.png"), layout.chart_image(file, lang, "png")),
                          (loc.t("site.goal.svg"), layout.chart_image(file, lang, "svg"))]
        if a.evidence:
            downloads.append((loc.t("site.goal.csv_gz" if self.gzip_data else "ui.goal.csv"),
                              self.data_path(layout.goal_csv(file, lang))))
        # the full address where the publication has one (publish --base-url); else the page's path, said to be relative
        url = (self.base_url + path) if self.base_url else loc.t("site.cite.relative", path=path)
        indicator = self.shared_indicators.get(a.goal.indicator)
        ctx = self._context(path, lang, page.name, since, plan=self.later_plan(a.goal.id), nav_kind=None, g=page,
                            indicator_href=layout.indicator_page(indicator, lang) if indicator else None,
                            chart_spec=chart_spec,
                            downloads=downloads, cite_date=since,
                            citation=figures.citation(a, loc, url, dt.date.fromisoformat(since),
                                                      version=self.data_version))
        ctx["charts"] = chart_spec is not None
        return self._page(path, "goal.html", ctx)

    def _site_pages(self, lang: str) -> None:
        loc = self.locales[lang]
        since = self.data_since

        def overview(plan: str | None) -> bytes:
            path = layout.page("overview", lang, plan)
            loc, accounts = self.loc(lang, plan), self.plan_accounts[plan]
            fig = charts.overview_figure(accounts, loc)
            self._check_traces(fig)
            o = overview_view(self.judge, accounts, self.judge.account, loc, loc.data.plan if loc.data else None)
            ctx = self._context(path, lang, o.heading, since, plan=plan, nav_kind="overview", o=o,
                                quotes=loc.t("ui.problems.quotes_verified" if self.quotes_verified
                                             else "ui.problems.quotes_not_verified"),
                                problems=loc.t("site.overview.problems", n=self.rejected) if self.rejected else None,
                                glance_full=len(accounts) <= GLANCE_MAX,
                                chart_spec=render.script_json(render.spec(fig, self.template)),
                                chart_alt=loc.t("ui.overview.status_heading"), snapshots=self._snapshot_links(lang))
            ctx["title"] = loc.t("ui.page.overview")
            ctx["charts"] = True
            return self._page(path, "overview.html", ctx)

        def table(plan: str | None) -> bytes:
            path = layout.page("table", lang, plan)
            loc = self.loc(lang, plan)
            tv = table_view(self.plan_accounts[plan], lambda a: (sum(e.comparable for e in a.evidence),
                                                                  len(a.evidence)),
                            lambda a: loc.reason(a.reason), loc)
            ctx = self._context(path, lang, tv.title, since, plan=plan, nav_kind="table", table=tv,
                                count_template=loc.t("ui.table.count", n="{n}", total="{total}"), wide=True)
            return self._page(path, "table.html", ctx)

        def documents() -> bytes:
            path = layout.page("documents", lang)
            ctx = self._context(path, lang, loc.t("ui.page.documents"), since, nav_kind="documents",
                                d=documents_view(self.judge, loc))
            return self._page(path, "documents.html", ctx)

        def coherence() -> bytes:
            path = layout.page("coherence", lang)
            c = coherence_view(self.judge, loc)
            spec = None
            if self.judge.coherence:
                fig = charts.coherence_figure(self.judge.coherence, loc)
                self._check_traces(fig)
                spec = render.script_json(render.spec(fig, self.template))
            ctx = self._context(path, lang, loc.t("ui.page.coherence"), since, nav_kind="coherence", c=c,
                                chart_spec=spec, chart_alt=loc.t("ui.page.coherence"))
            ctx["charts"] = spec is not None
            return self._page(path, "coherence.html", ctx)

        def methodology() -> bytes:
            path = layout.page("methodology", lang)
            ctx = self._context(path, lang, loc.t("ui.page.methodology"), self.text_since,
                                nav_kind="methodology", m=methodology_view(self.judge, loc))
            return self._page(path, "methodology.html", ctx)

        for plan in self.plan_accounts:
            self.emit(layout.page("overview", lang, plan), functools.partial(overview, plan))
            self.emit(layout.page("table", lang, plan), functools.partial(table, plan))
        for kind, make in (("documents", documents), ("coherence", coherence), ("methodology", methodology)):
            self.emit(layout.page(kind, lang), make)
        if len(self.data.plans) > SWITCHER_PLANS:
            self.emit(layout.plans_page(lang), functools.partial(self._plans_page, lang))
        for indicator, file in self.shared_indicators.items():
            self.emit(layout.indicator_page(file, lang), functools.partial(self._indicator_page, indicator, file, lang))

    def _indicator_page(self, indicator_id: str, file: str, lang: str) -> bytes:
        """One indicator across plans: every plan's targets on their paths and every figure, one time axis."""
        path, loc = layout.indicator_page(file, lang), self.locales[lang]
        indicator = next(i for i in self.data.indicators if i.id == indicator_id)
        goals = plan_goals(self.data, {a.goal.id: a for a in self.accounts if a.goal.indicator == indicator_id},
                           indicator_id)
        shown = figures_of(self.data, indicator_id)
        fig = indicator_figure(self.data, goals, shown, loc)
        self._check_traces(fig)
        v = indicator_view(indicator, goals, len(shown), loc)
        ctx = self._context(path, lang, v.title, self.data_since, nav_kind="indicator", v=v,
                            chart_spec=render.script_json(render.spec(fig, self.template)))
        ctx["charts"] = True
        return self._page(path, "indicator.html", ctx)

    def _snapshot_links(self, lang: str) -> list[dict[str, str]]:
        loc = self.locales[lang]
        return [{"text": loc.t("site.snapshots.item", name=s["name"], date=s["published"], version=s["data_version"]),
                 "href": self.archive_root + f"{layout.SNAPSHOTS}/{s['name']}/{layout.page('overview', lang)}"}
                for s in reversed(self.snapshots)]

    # ---- data files, images, sitemap --------------------------------------------------------------------

    def _data_files(self) -> None:
        key = digest(self.present_code, self.data_version)
        # Compact: indented, the contract took a quarter more space, and Python's JSON encoder (written in C only
        # for the compact form) took 5 s per 10 MB. `assess --format json` prints it indented for people.
        self.emit(self.data_path(layout.CONTRACT), lambda: self.data_bytes((json.dumps(contract.assessment_document(
            self.data, self.accounts, self.judge.coherence), ensure_ascii=False, separators=(",", ":")) + "\n"
        ).encode()), key=key)
        # With a byte-order mark: Excel (Chinese Windows) then reads UTF-8; programs read the contract's JSON.
        self.emit(self.data_path(layout.TABLE_CSV),
                  lambda: self.data_bytes(("\ufeff" + contract.to_csv(self.accounts, self.data)).encode()), key=key)

    def _images(self) -> None:
        """Queue every chart image whose key changed; Chromium draws them while the pages are written."""
        if not self.images:
            return
        plan = self.data.plan
        for a in self.accounts:
            if not has_chart(a):
                continue
            version, since = self.goal_versions[a.goal.id]
            for lang in LANGS:
                drawn: Future | None = None  # one slide per goal and language: its SVG, and the PNG drawn from it
                for fmt in IMAGE_FORMATS:
                    path = layout.chart_image(self.files[a.goal.id], lang, fmt)
                    key = digest(self.present_code, self.text, version, since, lang, fmt)
                    old = self.old.files.get(path)
                    if old and old.get("key") == key and (self.out / path).is_file():
                        self.new.files[path] = old
                        self.result.unchanged += 1
                        continue
                    if self.image_source is not None and (self.image_source / path).is_file():
                        self.pending.append((path, key, (self.image_source / path).read_bytes))
                        continue
                    if self.renderer is None:
                        self.renderer = self._own_renderer = briefing.Renderer()
                    if drawn is None:
                        later = self.later_plan(a.goal.id)
                        spec = slide_figure(a, self.loc(lang, later), self.data.plan_of(a.goal) or plan,
                                            dt.date.fromisoformat(since))
                        drawn = self.renderer.submit_draw([spec], png_scale=PNG_SCALE, lane=f"site-{lang}")
                    self.pending.append((path, key, _image_of(self.renderer, drawn, fmt)))
                    self.result.images += 1

    def _finish_images(self) -> None:
        try:
            for path, key, job in self.pending:
                self._store(path, job(), key)
        finally:
            if self._own_renderer is not None:
                self._own_renderer.close()

    def _landing_and_sitemap(self) -> None:
        zh, en = self.locales["zh"], self.locales["en"]
        landing = self.env.get_template("landing.html").render(
            zh_title=zh.t("ui.app.title", plan=zh.plan_short_name()), en_title=en.t("ui.app.title", plan=en.plan_short_name()), zh_choose=zh.t("site.landing.choose"),
            en_choose=en.t("site.landing.choose"), css=self.assets["css"], js=self.assets["js"])
        self.emit("index.html", lambda: landing.encode())
        if self.snapshot is not None:
            return
        base = self.base_url
        if not base:
            self.result.warnings.append("sitemap.xml lists addresses relative to the site: pass --base-url "
                                        "https://… (the site's public address) for search engines")
        urls = []
        for path in sorted(p for p in self.new.files if p.endswith(".html") and p.split("/")[0] in LANGS):
            since = self.data_since
            parts = path.split("/")
            if parts[1] == "goal":
                goal_id = next((g for g, f in self.files.items() if f == parts[2][:-5]), None)
                since = self.goal_versions[goal_id][1] if goal_id else since
            elif parts[1] == layout.PAGES["methodology"]:
                since = self.text_since
            urls.append({"loc": base + path, "lastmod": since,
                         "alternates": [(layout.HTML_LANG[lg], base + lg + path[2:]) for lg in LANGS]})
        sitemap = self.env.get_template("sitemap.xml").render(urls=urls)
        self.emit("sitemap.xml", lambda: sitemap.encode())
        if base:
            self.emit("robots.txt", lambda: f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n".encode())

    def _remove_stale(self) -> None:
        for path in sorted(set(self.old.files) - set(self.new.files)):
            target = self.out / path
            if path.startswith(layout.SNAPSHOTS + "/") or not target.is_file():
                continue
            target.unlink()
            self.result.removed.append(path)


#: The site a pool's workers make files for: set before they are forked, so each inherits it (with the dataset,
#: accounts and locales) instead of receiving it pickled.
_WORKER_SITE: _Site | None = None


def _make_goal_files(chunk: list[tuple[str, str, tuple[str, int, str]]]) -> list[tuple[str, dict[str, str], bool]]:
    assert _WORKER_SITE is not None
    return [_WORKER_SITE.make_goal_file(path, key, job) for path, key, job in chunk]


class _GoalFiles:
    """The goal files to make: in forked worker processes when there are many (the pages are independent and
    CPU-bound), else here when `finish` is called. The parent meanwhile writes the other pages and data files."""

    def __init__(self, site: _Site, todo: list[tuple[str, str, tuple[str, int, str]]]):
        global _WORKER_SITE
        self.site, self.todo = site, todo
        self.pool: Any = None
        workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)
        if len(todo) >= POOL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _WORKER_SITE = site
            try:
                self.pool = multiprocessing.get_context("fork").Pool(workers)
            finally:
                _WORKER_SITE = None  # the workers have their copy
            chunks = [todo[k:k + GOAL_CHUNK] for k in range(0, len(todo), GOAL_CHUNK)]
            self.results = self.pool.imap(_make_goal_files, chunks)

    def finish(self) -> None:
        if self.pool is None:
            for path, key, job in self.todo:
                self.site.took_goal_file(*self.site.make_goal_file(path, key, job))
            return
        for made in self.results:
            for path, entry, written in made:
                self.site.took_goal_file(path, entry, written)
        self.pool.close()
        self.pool.join()
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:  # an error before all was made: stop the workers
            self.pool.terminate()
            self.pool.join()


class _NeedsFullBundle(Exception):
    """A chart uses a trace type the basic bundle cannot draw: build again with the full plotly.js."""


def _image_of(renderer: briefing.Renderer, drawn: Future, fmt: str) -> Callable[[], bytes]:
    """The bytes of one drawn slide in `fmt`, read when the drawing is done."""
    def read() -> bytes:
        slide = renderer.result(drawn)[0]
        if fmt == "svg":
            return slide.svg.encode("utf-8")
        if slide.png is None:
            raise briefing.ExportError("the slide was drawn without its PNG")
        return slide.png
    return read
