"""The static site as files: every page type in both languages, statuses equal to the contract's, links that
resolve, nothing internal, escaping, incremental rewrites, snapshots, the CLI. (In the browser: test_site_browser.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from dashboard.cli import main
from dashboard.judge import Judge
from dashboard.present.export import safe_name
from dashboard.present.locale import LANGS, Locale
from dashboard.records.load import load
from dashboard.site import layout
from dashboard.site.publish import SiteError, publish
from tests.browser import OVERLAPPING_TEXT, PLACEHOLDERS, needs_chromium, open_chromium, serve_static
from tests.conftest import MINIMAL
from tests.leaks import other_language

DAY = __import__("datetime").date(2026, 12, 1)
URUMQI = "urumqi-city-2008-2012"  # the later plan of the real data: its pages, a goal of it, a shared indicator


class Page(HTMLParser):
    """What a test needs of a page: its links and sources, its status badges, and its text."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[str] = []
        self.statuses: list[tuple[str, str, str]] = []  # (status, basis, word)
        self.text: list[str] = []
        self._badge: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name):
                self.links.append(a[name])
        if "status" in (a.get("class") or "").split() and "data-status" in a:
            self._badge = {"status": a["data-status"], "basis": a["data-basis"], "word": ""}

    def handle_endtag(self, tag):
        if tag == "span" and self._badge is not None:
            self.statuses.append((self._badge["status"], self._badge["basis"], self._badge["word"]))
            self._badge = None

    def handle_data(self, data):
        self.text.append(data)
        if self._badge is not None:
            self._badge["word"] += data


class TextOutsideQuotes(HTMLParser):
    """A page's text without what is marked as Chinese (quotes, a Chinese term in English text) and without
    scripts: what tests/leaks.py checks for the other language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text: str):
        super().__init__()
        self.text: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, left out)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or ""
        left_out = tag in ("blockquote", "script", "style") or lang.startswith("zh")
        self._open.append((tag, left_out or bool(self._open and self._open[-1][1])))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not (self._open and self._open[-1][1]):
            self.text.append(data)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory, real):
    dataset, _ = real
    out = tmp_path_factory.mktemp("site")
    result = publish(dataset, out, images=False, base_url="https://example.org/plan/", today=DAY)
    return dataset, out, result


def pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "snapshots" not in p.relative_to(out).parts)


def test_every_page_type_in_both_languages(real_site):
    dataset, out, result = real_site
    for lang in LANGS:
        for kind in layout.PAGES:
            assert (out / layout.page(kind, lang)).is_file(), (kind, lang)
        for g in dataset.goals:
            assert (out / layout.goal_page(safe_name(g.id), lang)).is_file()
    assert (out / "index.html").is_file() and (out / "sitemap.xml").is_file() and (out / "robots.txt").is_file()
    assert json.loads((out / layout.CONTRACT).read_text())["goals"]
    assert (out / layout.TABLE_CSV).read_bytes().startswith("\ufeff".encode())
    judge = Judge(dataset)
    for g in dataset.goals:  # a goal's figures as the app's CSV, in each language (none for a goal without figures)
        for lang in LANGS:
            assert (out / layout.goal_csv(safe_name(g.id), lang)).is_file() == bool(judge.account(g.id).evidence)
    assert result.bundle.startswith("assets/plotly-basic-")


def test_plotly_is_shipped_once_and_charts_reference_it(real_site):
    _, out, result = real_site
    bundles = list((out / "assets").glob("plotly*.js"))
    assert [b.relative_to(out).as_posix() for b in bundles] == [result.bundle]
    page = (out / layout.goal_page("green-space-rate", "zh")).read_text()
    assert page.count("plotly-basic-") == 1 and '"shared_template":true' in page


def test_chart_data_on_a_page_keeps_seven_significant_digits_and_one_value_for_a_shared_style(real):
    from dashboard.present import charts
    from dashboard.site import render

    dataset, _ = real
    a = Judge(dataset).account("gdp-2010")
    spec = charts.goal_spec(a, Locale("zh", dataset))
    assert render.plain_spec({"data": [{"y": [1 / 3, 2005.5, None, 12345678.9]}], "layout": {}})["data"][0]["y"] \
        == [0.3333333, 2005.5, None, 12345680.0]
    points = [t for t in spec["data"] if t.get("meta") == "points"]
    for t in points:  # a style every point shares is written once; one that differs, per point
        for style in (t["marker"]["size"], t["marker"]["line"]["width"], t["textposition"]):
            assert not isinstance(style, list) or len(set(style)) > 1, t["name"]
    assert points and charts._one_or_each([15, 11, 11]) == [15, 11, 11] and charts._one_or_each([11, 11]) == 11


def test_site_statuses_equal_the_contract(real_site):
    dataset, out, _ = real_site
    document = json.loads((out / layout.CONTRACT).read_text())
    expected = {g["id"]: (g["status"], g["basis"] or "none") for g in document["goals"]}
    labels = {g["id"]: {"zh": g["status_label"], "en": g["status_label_en"]} for g in document["goals"]}
    for lang in LANGS:
        table = Page((out / layout.page("table", lang)).read_text())  # the first plan's; the later plan's after it
        table.statuses += Page((out / layout.page("table", lang, URUMQI)).read_text()).statuses
        assert len(table.statuses) == len(expected)
        for g in dataset.goals:
            page = Page((out / layout.goal_page(safe_name(g.id), lang)).read_text())
            status, basis, word = page.statuses[0]
            assert (status, basis) == expected[g.id], g.id
            assert word == labels[g.id][lang]  # with its evidence years, a bound's or a band's words
        shown = sorted((s, b) for s, b, _ in table.statuses)
        assert shown == sorted(expected.values())


def test_a_proxy_status_reads_as_one_on_every_page(real_site):
    _, out, _ = real_site
    for lang, prefix in (("zh", "代用数据："), ("en", "Proxy: ")):
        for path in (out / lang).rglob("*.html"):
            for _, basis, word in Page(path.read_text()).statuses:
                assert word.startswith(prefix) == (basis == "proxy"), (path, word)


def test_every_link_resolves_and_none_leaves_the_site(real_site):
    _, out, _ = real_site
    for path in [*pages(out)]:
        rel = path.relative_to(out).as_posix()
        for link in Page(path.read_text()).links:
            if link.startswith("data:"):
                continue
            parsed = urlparse(link)
            assert not parsed.scheme and not parsed.netloc, (rel, link)  # no other host, not even this one
            target = urlparse(urljoin("http://site/" + rel, link)).path.lstrip("/")
            assert (out / target).is_file(), (rel, link)


def test_language_switch_keeps_the_page(real_site):
    _, out, _ = real_site
    for path in pages(out):
        rel = path.relative_to(out).as_posix()
        if rel.split("/")[0] not in LANGS:
            continue
        html = path.read_text()
        switch = re.search(r'class="lang-switch" href="([^"]+)"', html).group(1)
        target = urlparse(urljoin("http://site/" + rel, switch)).path.lstrip("/")
        assert target == layout.other_language(rel)


def test_nothing_internal_is_shown(real_site):
    dataset, out, _ = real_site
    files = {d.file for d in dataset.documents} | ({dataset.plan.source} if dataset.plan else set())
    observation_ids = {o.id for o in dataset.observations}
    for path in pages(out):
        text = " ".join(Page(path.read_text()).text)
        assert not any(f in text for f in files), path
        assert not any(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text) for i in observation_ids), path
        assert "/work/" not in text and "targets/" not in text and "actuals/" not in text, path


def test_english_pages_mark_every_chinese_term(real_site):
    """A Chinese term in English data text (a note's 人均, a caveat's 亿元) is marked lang=zh-Hans, so that it is
    read as Chinese; what is left unmarked is English (or a term glossed in brackets)."""
    _, out, _ = real_site
    english = [p for p in pages(out) if p.relative_to(out).parts[0] == "en"]
    assert len(english) > 70
    leaks = {str(p.relative_to(out)): found for p in english
             if (found := other_language(" ".join(TextOutsideQuotes(p.read_text()).text), "en"))}
    assert not leaks


def test_no_data_file_name_is_shown(real_site):
    _, out, _ = real_site
    assert not [p for p in pages(out) if ".yaml" in " ".join(Page(p.read_text()).text)]


def test_pages_show_the_plans_words_and_every_figures_source(real_site):
    dataset, out, _ = real_site
    judge = Judge(dataset)
    a = judge.account("green-space-rate")
    for lang in LANGS:
        text = " ".join(Page((out / layout.goal_page(safe_name(a.goal.id), lang)).read_text()).text)
        assert a.goal.quote in text
        loc = Locale(lang, dataset)
        for e in a.evidence:
            assert e.observation.quote in text
            for r in e.reasons:  # each reason is said, once on the page (a later figure points to it)
                assert loc.reason(r).rstrip("。.;；") in text
            assert loc.document_title(e.document) in text


def test_sitemap_lists_every_page_with_its_other_language(real_site):
    _, out, _ = real_site
    xml = (out / "sitemap.xml").read_text()
    locs = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    expected = {"https://example.org/plan/" + p.relative_to(out).as_posix() for p in pages(out)
                if p.relative_to(out).parts[0] in LANGS}
    assert locs == expected
    assert xml.count('hreflang="zh-Hans"') == len(locs)


def test_a_second_publication_of_the_same_data_rewrites_nothing(real_site):
    dataset, out, _ = real_site
    again = publish(dataset, out, images=False, base_url="https://example.org/plan/", today=DAY.replace(day=2))
    assert again.written == [] and again.removed == []


def test_one_data_version_for_the_whole_publication(real_site):
    dataset, out, result = real_site
    versions = set()
    for path in pages(out):
        html = path.read_text()
        if "site-footer" in html:
            versions |= set(re.findall(r'<p class="version"[^>]*>[^<]*?(?:数据版本|Data version) (\w+)', html))
    assert versions == {result.data_version}


def test_gzip_data_publishes_the_same_data_files_compressed_and_links_them(real_site, tmp_path):
    """publish --gzip-data: each data file is the plain publication's bytes, gzip-compressed, under its name with
    .gz; every link reaches one and says it is compressed; the same data gives the same bytes (nothing rewritten);
    publishing plain again removes the compressed files."""
    import gzip

    dataset, plain, _ = real_site
    out = tmp_path / "site"
    result = publish(dataset, out, images=False, gzip_data=True, base_url="https://example.org/plan/", today=DAY)
    data_files = sorted(p.relative_to(plain).as_posix() for p in (plain / "data").rglob("*") if p.is_file())
    assert layout.CONTRACT in data_files and any(f.endswith("-figures.csv") for f in data_files)
    for name in data_files:
        assert not (out / name).exists(), name
        assert gzip.decompress((out / layout.data_file(name, True)).read_bytes()) == (plain / name).read_bytes(), name
    for path in pages(out):
        rel = path.relative_to(out).as_posix()
        for link in Page(path.read_text()).links:
            target = urlparse(urljoin("http://site/" + rel, link)).path.lstrip("/")
            if target.startswith("data/"):
                assert target.endswith(layout.GZIP) and (out / target).is_file(), (rel, link)
    for lang in LANGS:
        loc = Locale(lang, dataset)
        text = "".join(Page((out / layout.goal_page("green-space-rate", lang)).read_text()).text)
        assert loc.t("site.goal.csv_gz") in text and loc.t("site.footer.contract_gz") in text
        assert loc.t("ui.goal.csv") not in text
    again = publish(dataset, out, images=False, gzip_data=True, base_url="https://example.org/plan/",
                    today=DAY.replace(day=2))
    assert again.written == [] and again.removed == []
    back = publish(dataset, out, images=False, base_url="https://example.org/plan/", today=DAY)
    assert layout.data_file(layout.CONTRACT, True) in back.removed and (out / layout.CONTRACT).is_file()
    assert not [p for p in (out / "data").rglob("*.gz")]
    for path in pages(out):  # every page links the plain files again, goal pages too
        rel = path.relative_to(out).as_posix()
        for link in Page(path.read_text()).links:
            target = urlparse(urljoin("http://site/" + rel, link)).path.lstrip("/")
            assert link.startswith("data:") or (out / target).is_file(), (rel, link)
    assert result.data_version == back.data_version


def test_how_to_cite_gives_the_full_address_or_says_it_is_relative(real_site, tmp_path):
    dataset, out, result = real_site
    for lang in LANGS:
        path = layout.goal_page("green-space-rate", lang)
        cite = re.search(r'<p class="cite"[^>]*>(.*?)</p>', (out / path).read_text(), re.S).group(1)
        assert "https://example.org/plan/" + path in cite and result.data_version in cite
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    publish(dataset, tmp_path, images=False, today=DAY)
    goal = dataset.goals[0]
    for lang in LANGS:
        path = layout.goal_page(goal.id, lang)
        cite = re.search(r'<p class="cite"[^>]*>(.*?)</p>', (tmp_path / path).read_text(), re.S).group(1)
        assert Locale(lang).t("site.cite.relative", path=path) in cite.replace("&#39;", "'")


def test_a_publication_from_the_same_inputs_judges_nothing(tmp_path, monkeypatch):
    """Nothing changed (data, code, options) and every file there: nothing is judged or made again; a file
    removed from the folder, or other options, and the site is made again."""
    from dashboard.judge import Judge as JudgeClass

    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    first = publish(dataset, tmp_path, images=False, today=DAY)
    judged = []
    real_accounts = JudgeClass.accounts
    monkeypatch.setattr(JudgeClass, "accounts", lambda self: judged.append(1) or real_accounts(self))
    again = publish(dataset, tmp_path, images=False, today=DAY.replace(day=2))
    assert judged == [] and again.written == [] and again.unchanged == len(first.written)
    assert again.data_version == first.data_version and again.bundle == first.bundle
    assert json.loads((tmp_path / "manifest.json").read_text())["published"] == "2026-12-02"
    page = layout.goal_page(dataset.goals[0].id, "zh")
    (tmp_path / page).unlink()
    assert publish(dataset, tmp_path, images=False, today=DAY).written == [page] and judged
    judged.clear()
    other = publish(dataset, tmp_path, images=False, today=DAY, base_url="https://example.org/")
    assert judged and "robots.txt" in other.written


def test_only_the_changed_goals_pages_are_rewritten(tmp_path):
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    publish(dataset, tmp_path, images=False, today=DAY)
    goal = dataset.goals[0]
    changed = dataset.model_copy(update={"goals": (goal.model_copy(update={"name": goal.name + "（修订）"}),
                                                   *dataset.goals[1:])})
    result = publish(changed, tmp_path, images=False, today=DAY.replace(day=5))
    # every page names the publication's one data version, so every page is written again; only the changed
    # goal's page says it changed that day, and only its figures' files are rewritten
    assert {p for p in result.written if p.endswith("-figures.csv")} <= {layout.goal_csv(goal.id, lang) for lang in LANGS}
    page = (tmp_path / layout.goal_page(goal.id, "zh")).read_text()
    assert "更新于 2026-12-05" in page and result.data_version in page
    untouched = (tmp_path / layout.goal_page(dataset.goals[1].id, "zh")).read_text()
    assert "更新于 2026-12-01" in untouched and result.data_version in untouched
    removed = dataset.model_copy(update={"goals": dataset.goals[1:]})
    result = publish(removed, tmp_path, images=False, today=DAY.replace(day=6))
    assert set(result.removed) >= {layout.goal_page(goal.id, lang) for lang in LANGS}


def test_goal_files_made_in_worker_processes_are_the_same(tmp_path, real, monkeypatch):
    """At scale the goal pages and figure files are made in a pool of processes: the same bytes, the same
    manifest, and an unchanged publication after it rewrites nothing."""
    from dashboard.site import publish as site_publish

    dataset, _ = real
    here, pooled = tmp_path / "here", tmp_path / "pooled"
    result = publish(dataset, here, images=False, today=DAY)
    monkeypatch.setattr(site_publish, "POOL_FROM", 1)
    monkeypatch.setattr(site_publish, "GOAL_CHUNK", 7)
    assert sorted(publish(dataset, pooled, images=False, today=DAY).written) == sorted(result.written)
    assert any("/goal/" in p for p in result.written) and any(p.endswith("-figures.csv") for p in result.written)
    for path in result.written:
        assert (pooled / path).read_bytes() == (here / path).read_bytes(), path
    assert (pooled / "manifest.json").read_bytes() == (here / "manifest.json").read_bytes()
    again = publish(dataset, pooled, images=False, today=DAY)
    assert again.written == [] and again.unchanged == len(result.written)


def test_data_text_is_escaped(tmp_path):
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    goal = dataset.goals[0]
    evil = '<script>alert("x")</script></script>&'
    dataset = dataset.model_copy(update={"goals": (goal.model_copy(update={"name": evil, "name_en": evil}),
                                                   *dataset.goals[1:])})
    publish(dataset, tmp_path, images=False, today=DAY)
    for path in (tmp_path / layout.goal_page(goal.id, "zh"), tmp_path / layout.page("table", "en")):
        html = path.read_text()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html or "\\u003cscript\\u003e" in html


def test_a_chinese_term_is_marked_in_the_text_and_never_in_an_attribute(tmp_path):
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    goal = dataset.goals[0]
    name = '<b>per capita</b> "人均" & 亿元'
    dataset = dataset.model_copy(update={"goals": (goal.model_copy(update={"name_en": name}), *dataset.goals[1:])})
    publish(dataset, tmp_path, images=False, today=DAY)
    table = (tmp_path / layout.page("table", "en")).read_text()
    assert ('>&lt;b&gt;per capita&lt;/b&gt; &#34;<span lang="zh-Hans">人均</span>&#34; &amp; '
            '<span lang="zh-Hans">亿元</span></a>') in table
    assert 'data-name="&lt;b&gt;per capita&lt;/b&gt; &#34;人均&#34; &amp; 亿元"' in table
    assert "<title>&lt;b&gt;per capita&lt;/b&gt; &#34;人均&#34; &amp; 亿元 ·" in (
        tmp_path / layout.goal_page(goal.id, "en")).read_text()
    assert '<span lang="zh-Hans">' not in (tmp_path / layout.goal_page(goal.id, "zh")).read_text().split("<main")[1]


def test_a_snapshot_stays_as_published_and_later_publications_list_it(tmp_path):
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    publish(dataset, tmp_path, images=False, snapshot="2026-mid-term", today=DAY)
    frozen = tmp_path / "snapshots" / "2026-mid-term"
    for lang in LANGS:
        assert (frozen / layout.page("overview", lang)).is_file()
        assert "2026-mid-term" in (tmp_path / layout.page("overview", lang)).read_text()
    before = {p: p.read_bytes() for p in frozen.rglob("*") if p.is_file()}
    goal = dataset.goals[0]
    changed = dataset.model_copy(update={"goals": (goal.model_copy(update={"name": "新名称"}), *dataset.goals[1:])})
    publish(changed, tmp_path, images=False, snapshot="2030-final", today=DAY.replace(year=2030))
    assert {p: p.read_bytes() for p in frozen.rglob("*") if p.is_file()} == before
    overview = (tmp_path / layout.page("overview", "zh")).read_text()
    assert "2026-mid-term" in overview and "2030-final" in overview
    final = (tmp_path / "snapshots" / "2030-final" / layout.page("overview", "zh")).read_text()
    assert "2026-mid-term" in final  # the later archive lists the earlier one
    # every link of an archive resolves, including those back to the current site and to earlier archives
    for path in (tmp_path / "snapshots").rglob("*.html"):
        rel = path.relative_to(tmp_path).as_posix()
        for link in Page(path.read_text()).links:
            if not link.startswith("data:"):
                assert (tmp_path / urlparse(urljoin("http://s/" + rel, link)).path.lstrip("/")).is_file(), (rel, link)
    with pytest.raises(SiteError, match="已存在.*already exists"):
        publish(dataset, tmp_path, images=False, snapshot="2026-mid-term", today=DAY)


def test_publish_command(tmp_path, capsys):
    out = tmp_path / "site"
    args = ["--data", str(MINIMAL), "--sources", str(MINIMAL / "sources"), "publish", "--out", str(out), "--no-images"]
    assert main(args) == 0
    said = capsys.readouterr()
    assert "files written" in said.out and "--base-url" in said.err
    assert main([*args, "--snapshot", "../escape"]) == 1
    assert "无效" in capsys.readouterr().err and not (tmp_path / "escape").exists()


def test_every_publish_option_is_documented():
    from dashboard.cli import _parser

    docs = (Path(__file__).resolve().parent.parent / "docs" / "publishing.md").read_text(encoding="utf-8")
    publish_parser = next(a for a in _parser()._subparsers._group_actions[0].choices.items() if a[0] == "publish")[1]
    options = [o for action in publish_parser._actions for o in action.option_strings if o.startswith("--")]
    assert [o for o in options if f"`{o}" not in docs and o != "--help"] == []


@pytest.mark.slow
def test_chart_images_are_the_briefing_charts(tmp_path):
    dataset, _ = load(MINIMAL, MINIMAL / "sources")
    result = publish(dataset, tmp_path, today=DAY)
    judge = Judge(dataset)
    charted = [a.goal for a in judge.accounts() if not a.goal.is_categorical and a.evidence]
    assert charted and len(charted) < len(dataset.goals)  # some goals have nothing to draw, and get no chart files
    assert result.images == 2 * 2 * len(charted)
    for g in charted:
        for lang in LANGS:
            assert (tmp_path / layout.chart_image(g.id, lang, "png")).read_bytes().startswith(b"\x89PNG")
            assert b"<svg" in (tmp_path / layout.chart_image(g.id, lang, "svg")).read_bytes()[:2000]
    again = publish(dataset, tmp_path, today=DAY)
    assert again.images == 0


# ---------------------------------------------------------------------------------------------- in the browser

PORTS = range(8630, 8640)  # the site's own range on this machine
VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
#: Every page type in both languages (the goal pages: one with evidence and a chart, one categorical).
BROWSED = [layout.page(kind, lang) for lang in LANGS for kind in layout.PAGES] + [
    layout.goal_page(goal, lang) for lang in LANGS for goal in ("green-space-rate", "unemployment-rate")] + [
    path for lang in LANGS for path in (layout.page("overview", lang, URUMQI), layout.page("table", lang, URUMQI),
                                        layout.goal_page(safe_name(f"{URUMQI}.gdp-growth-2012"), lang),
                                        layout.indicator_page("gdp", lang))]


def in_browser(test):
    """A test that drives headless Chromium (skipped where it is absent; `-m "not browser"` leaves it out)."""
    return pytest.mark.browser(needs_chromium(test))


@pytest.fixture(scope="module")
def served(real_site):
    """The published site behind a plain static file server on loopback."""
    _, out, _ = real_site
    with serve_static(out, PORTS) as base:
        yield base


@pytest.fixture(scope="module")
def chromium():
    pytest.importorskip("playwright.sync_api")
    with open_chromium() as browser:
        yield browser


# Each drawn chart whose drawing reaches below its own box, or onto the next element's box.
CHARTS_OVERLAPPING = """() => Array.from(document.querySelectorAll('.chart')).flatMap(c => {
  const svg = c.querySelector('.main-svg'); if (!svg) return [];
  const box = c.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
  const next = c.closest('figure').nextElementSibling;
  const below = next ? next.getBoundingClientRect().top : Infinity;
  return drawn.bottom > box.bottom + 1 || drawn.bottom > below + 1 ? [c.id] : [];
})"""


class Visit:
    """A page loaded with every request watched: those to another host are refused and recorded."""

    def __init__(self, chromium, base: str, viewport: str = "desktop", locale: str = "zh-CN"):
        self.base = base
        self.context = chromium.new_context(viewport=VIEWPORTS[viewport], locale=locale)
        self.page = self.context.new_page()
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if route.request.url.startswith(self.base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        if self.page.locator(".chart").count():
            self.page.wait_for_selector(".chart .main-svg", timeout=20_000)
            self.page.wait_for_function("window.__firstChart !== undefined", timeout=20_000)
        return self.page

    def close(self):
        self.context.close()


def _prints_on_a4(page, path: str) -> None:
    """The goal page as printed: A4, no navigation or downloads, the chart at the sheet's width, and each sheet
    after the first headed by the goal's name."""
    import io

    from pypdf import PdfReader

    page.emulate_media(media="print")
    try:
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        hidden = page.evaluate("""() => ['.site-header', '.downloads', '.crumbs', '.lang-switch']
            .filter(s => document.querySelector(s)).map(s => getComputedStyle(document.querySelector(s)).display)""")
        assert set(hidden) <= {"none"}
        widths = page.evaluate("Array.from(document.querySelectorAll('.chart .main-svg')).map(s => s.getBoundingClientRect().width)")
        assert all(w <= 690 for w in widths)
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        box = pdf.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
        name = page.locator("h1").inner_text().strip()
        if len(pdf.pages) > 1:
            import unicodedata

            second = unicodedata.normalize("NFKC", pdf.pages[1].extract_text() or "")
            assert unicodedata.normalize("NFKC", name)[:4] in second, path
    finally:
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")


@in_browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", BROWSED)
def test_page_in_the_browser(chromium, served, path, viewport):
    from axe_playwright_python.sync_playwright import Axe

    visit = Visit(chromium, served, viewport)
    try:
        page = visit.open(path)
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.documentElement.lang") == layout.HTML_LANG[path.split("/")[0]]
        if "goal/green-space-rate" in path or path.endswith(("index.html", "coherence.html")):
            assert page.locator(".chart .main-svg").count() >= 1  # a chart was drawn
        violations = Axe().run(page).response["violations"]
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
                   if v["impact"] in ("serious", "critical")]
        assert serious == []
        assert page.evaluate(OVERLAPPING_TEXT) == []  # no heading, paragraph, caption or chart over another
        assert page.evaluate(PLACEHOLDERS) == []  # no catalogue placeholder left unfilled ("{within}")
        if "/goal/" in path and viewport == "desktop":
            _prints_on_a4(page, path)
        if viewport == "phone":  # nothing wider than the screen
            assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
            # a shorter window (the address bar shown, the keyboard open): a chart never covers what follows it
            page.set_viewport_size({"width": VIEWPORTS["phone"]["width"], "height": 600})
            page.wait_for_timeout(300)
            assert page.evaluate(CHARTS_OVERLAPPING) == []
        assert visit.foreign == [] and visit.errors == []
    finally:
        visit.close()


@in_browser
@pytest.mark.parametrize("lang", LANGS)
def test_chinese_glyphs_are_drawn(chromium, served, lang):
    """Two Chinese strings and a string of private-use characters (always boxes) must rasterise differently:
    with no CJK font all three would be identical rows of boxes."""
    import io

    from PIL import Image, ImageChops

    visit = Visit(chromium, served)
    try:
        page = visit.open(layout.page("overview", lang))
        page.evaluate("""() => { for (const [id, text] of [["g1", "规划目标"], ["g2", "实现情况"], ["g3", "\\ue000\\ue001\\ue002\\ue003"]]) {
            const s = document.createElement("span"); s.id = id; s.textContent = text; s.style.fontSize = "40px";
            document.querySelector("h1").appendChild(s); } }""")
        shots = [Image.open(io.BytesIO(page.locator(f"#{i}").screenshot())).convert("RGB") for i in ("g1", "g2", "g3")]
        assert ImageChops.difference(shots[0], shots[1]).getbbox() is not None
        assert ImageChops.difference(shots[0], shots[2]).getbbox() is not None
        assert ImageChops.difference(shots[1], shots[2]).getbbox() is not None
    finally:
        visit.close()


@in_browser
def test_language_switch_and_navigation(chromium, served):
    visit = Visit(chromium, served, "phone")
    try:
        page = visit.open(layout.goal_page("green-space-rate", "zh"))
        page.click(".lang-switch")
        page.wait_for_load_state("load")
        assert page.url == served + layout.goal_page("green-space-rate", "en")
        for kind in layout.NAV:
            page.click(f'nav a[href$="{layout.PAGES[kind]}"]')
            page.wait_for_load_state("load")
            assert page.url == served + layout.page(kind, "en")
            assert page.locator('nav a[aria-current="page"]').count() == 1
        page = visit.open(layout.page("overview", "en"))
        page.click(".cards a >> nth=0")
        page.wait_for_load_state("load")
        assert "/en/goal/" in page.url
        assert visit.foreign == [] and visit.errors == []
    finally:
        visit.close()


@in_browser
def test_goal_table_filters_sorts_and_keeps_the_filter_in_the_address(chromium, served, real_site):
    """The same address as the app's table: ?group=…&status=…&basis=… (lists joined by commas), q, sort."""
    dataset, _, _ = real_site
    first = {g.id for g in dataset.goals_of(dataset.plan.id)}  # the table at the one-plan address: the first plan's
    accounts = [a for a in Judge(dataset).accounts() if a.goal.id in first]
    wanted = {a.goal.id for a in accounts if a.status in ("on_track", "achieved")}
    visit = Visit(chromium, served)
    try:
        page = visit.open(layout.page("table", "en"))
        page.click("details.filter >> nth=1")  # status
        page.check('input[name="status"][value="on_track"]')
        page.check('input[name="status"][value="achieved"]')
        assert "status=on_track%2Cachieved" in page.url or "status=on_track,achieved" in page.url
        visible = page.eval_on_selector_all("#goals tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)")
        assert set(visible) == wanted
        assert page.text_content("#count") == Locale("en").t("ui.table.count", n=len(wanted), total=len(accounts))
        # the filtered view's address, opened afresh, and in the other language
        page = visit.open(page.url.removeprefix(served))
        assert page.is_checked('input[name="status"][value="achieved"]')
        page.click(".lang-switch")
        page.wait_for_load_state("load")
        assert page.url.startswith(served + layout.page("table", "zh")) and "status=" in page.url
        assert page.eval_on_selector_all("#goals tbody tr:not([hidden])", "rows => rows.length") == len(wanted)
        # by concern (the default): worst first, direct before proxy; then by name, with the keyboard
        page.click('button[type="reset"]')
        page.wait_for_function("!location.search.includes('status=')")  # the form's values apply after the event
        ranks = page.eval_on_selector_all("#goals tbody tr", "rows => rows.map(r => +r.dataset.concern)")
        assert ranks == sorted(ranks) and "status=" not in page.url
        page.focus('select[name="sort"]')
        page.select_option('select[name="sort"]', "year")
        years = page.eval_on_selector_all("#goals tbody tr", "rows => rows.map(r => +r.dataset.year)")
        assert years == sorted(years) and "sort=year" in page.url
        page.fill('input[name="q"]', "green")
        page.wait_for_function("location.search.includes('q=green')", timeout=5000)  # page.url follows a beat later
        assert "q=green" in page.url
        shown = page.eval_on_selector_all("#goals tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.search)")
        assert shown and all("green" in s for s in shown)
        # the first click after typing a search counts (the search box's change event must not move the rows)
        page.fill('input[name="q"]', "income")
        link = page.locator("#goals tbody tr:not([hidden]) a").first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state("load")
        assert page.url.split("?")[0].endswith(href.split("/")[-1]), page.url
    finally:
        visit.close()


@in_browser
@pytest.mark.parametrize("lang", LANGS)
def test_compressed_downloads_fit_a_phone(chromium, real, tmp_path, lang):
    """--gzip-data's longer download words ("Download this goal's figures (CSV, gzip-compressed)") wrap on a
    phone: before, the link was kept on one line and the English page was 438 px wide on a 390 px screen."""
    dataset, _ = real
    out = tmp_path / "site"
    publish(dataset, out, images=False, gzip_data=True, today=DAY)
    with serve_static(out, PORTS) as base:
        visit = Visit(chromium, base, "phone")
        try:
            page = visit.open(layout.goal_page("green-space-rate", lang))
            assert page.locator(".downloads a").count() >= 1
            assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        finally:
            visit.close()


@in_browser
def test_keyboard_reaches_the_content_first(chromium, served):
    visit = Visit(chromium, served)
    try:
        page = visit.open(layout.page("overview", "zh"))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        assert page.evaluate("getComputedStyle(document.activeElement).left") != "-999px"  # visible when focused
        page.keyboard.press("Enter")
        page.wait_for_url("**#main", timeout=10_000)  # a fragment's navigation is reported a moment later
    finally:
        visit.close()


@in_browser
def test_landing_page(chromium, served):
    from axe_playwright_python.sync_playwright import Axe

    for locale, lang in (("en-US", "en"), ("zh-CN", "zh")):
        visit = Visit(chromium, served, locale=locale)
        try:
            page = visit.page
            page.goto(served)
            page.wait_for_url(f"**/{lang}/index.html")  # a browser's language picks the site's
        finally:
            visit.close()
    visit = Visit(chromium, served, locale="de-DE")
    try:
        page = visit.open("index.html")
        assert page.locator(".choose a").count() == 2
        assert [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")] == []
    finally:
        visit.close()
