"""The Streamlit app through AppTest: every page in both languages, the address keeping filters and language,
goal links, goals without figures, bad data."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.judge.codes import STATUS_CONCERN
from dashboard.present.catalogue import CATALOGUE
from dashboard.present.catalogue.web import METHOD_RULES
from dashboard.present.locale import Locale
from dashboard.web.ui import common

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
PROJECT = Path(__file__).resolve().parent.parent
PAGES = ["views/overview.py", "views/table.py", "views/goal.py", "views/documents.py", "views/coherence.py",
         "views/methodology.py"]


def t(key: str, lang: str = "zh", **values) -> str:
    return Locale(lang).t(key, **values)


@pytest.fixture(autouse=True)
def project_data(monkeypatch, real):
    """Every test reads the project's data unless it says otherwise (and needs the source documents)."""
    monkeypatch.delenv("PLAN_TRACKER_DATA", raising=False)


def run(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page is not None:
        at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at


def heading(at: AppTest) -> str:
    """The page's title: the first Markdown heading (pages write title and introduction as one block)."""
    for m in at.markdown:
        found = re.match(r"# (.+)", m.value)
        if found:
            return found.group(1).replace("\\", "")
    return ""


def html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "warning", "info", "code") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "") + html(at)


def table_names(at: AppTest) -> list[str]:
    """The goal names in the goal table, in order."""
    body = next(h.proto.body for h in at.get("html") if "pt-table pt-goals" in h.proto.body)
    return re.findall(r'<td class="pt-first"[^>]*><a [^>]*>([^<]+)</a>', body)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page, lang, real):
    at = run(page, **({"lang": "en"} if lang == "en" else {}))
    assert_clean(at)
    loc = Locale(lang, real[0])
    title = {"views/overview.py": loc.t("ui.app.title", plan=loc.plan_short_name()),
             "views/table.py": loc.t("ui.page.table"), "views/goal.py": loc.t("ui.page.goal"),
             "views/documents.py": loc.t("ui.page.documents"), "views/coherence.py": loc.t("ui.page.coherence"),
             "views/methodology.py": loc.t("ui.page.methodology")}[page]
    assert heading(at) == title
    switch = [p for p in at.get("page_link") if p.proto.label in ("English", "中文")]
    assert [p.proto.label for p in switch] == ["English" if lang == "zh" else "中文"]
    assert not at.sidebar.children or not any(at.sidebar.children.values()), "nothing in a sidebar"


def test_language_link_keeps_the_goal_and_the_address_keeps_the_language():
    at = run("views/goal.py", goal="unemployment-rate")
    switch = next(p for p in at.get("page_link") if p.proto.label == "English")
    assert "goal=unemployment-rate" in switch.proto.query_string and "lang=en" in switch.proto.query_string
    at.query_params["lang"] = "en"
    at.run()
    assert heading(at).lower().startswith("registered urban unemployment")
    back = next(p for p in at.get("page_link") if p.proto.label == "中文")
    assert "lang=zh" in back.proto.query_string
    at.query_params["lang"] = "zh"
    at.run()
    assert "lang" not in at.query_params  # Chinese is the default: the address stays short
    assert heading(at) == "城镇登记失业率"


def test_table_reads_its_filters_from_the_address_and_writes_them_back(real):
    everything = run("views/table.py")
    assert_clean(everything)
    n = len(real[0].goals_of(real[0].plan.id))  # the first plan's: an address without a plan
    assert len(table_names(everything)) == n
    at = run("views/table.py", status="on_track", group="economy,no-such-group")
    assert_clean(at)
    names = table_names(at)
    assert 0 < len(names) < n
    assert at.multiselect(key="filter_group").value == ["economy"]  # what does not exist is dropped
    at.multiselect(key="filter_basis").select("proxy").run()
    assert at.query_params["basis"] in ("proxy", ["proxy"])
    assert at.query_params["status"] in ("on_track", ["on_track"])
    at.text_input(key="filter_search").input("财政").run()
    assert at.query_params["q"] in ("财政", ["财政"])
    assert all("财政" in x for x in table_names(at))
    at.text_input(key="filter_search").input("没有这个目标").run()
    assert not [h for h in at.get("html") if "pt-table pt-goals" in h.proto.body]
    assert any(t("ui.table.empty") in i.value for i in at.info)


def test_search_finds_ids_and_english_names():
    at = run("views/table.py", q="GREEN-SPACE")
    assert "建成区绿地率" in table_names(at)
    at = run("views/table.py", q="unemployment")
    assert table_names(at) == ["城镇登记失业率"]


def test_table_is_sorted_by_meaning_direct_before_proxy(real):
    at = run("views/table.py")
    body = next(h.proto.body for h in at.get("html") if "pt-table pt-goals" in h.proto.body)
    classes = re.findall(r'class="pt-status pt-s-(\w+)( pt-proxy)?"', body)
    keys = [(STATUS_CONCERN.index(s), 1 if proxy else 0) for s, proxy in classes]
    assert keys == sorted(keys) and len(keys) == len(real[0].goals_of(real[0].plan.id))
    by_name = run("views/table.py", sort="name")
    assert table_names(by_name) == sorted(table_names(by_name))


def test_goal_query_parameter_opens_that_goal(real):
    at = run(goal="green-space-rate")  # the bare address with ?goal= is routed to the goal page
    assert_clean(at)
    assert heading(at) == "建成区绿地率"
    assert json.loads(at.get("plotly_chart")[0].proto.config)["displayModeBar"] is False  # no toolbar over it
    body = texts(at)
    assert "建成区绿地率达40%以上" in body  # the plan's own words
    assert t("ui.goal.cite") in body and "goal?goal=green-space-rate" in html(at)  # how to cite, with the address
    assert "图表说明" in body  # the chart in words
    from dashboard.judge import Judge

    drawn = next(a for a in Judge(real[0]).accounts() if a.deciding is not None and a.basis == "proxy"
                 and a.deciding.reading == "level" and a.goal.measure == "level")
    proxy = run(goal=drawn.goal.id)
    spec = json.loads(proxy.get("plotly_chart")[0].proto.spec)
    assert any(tr.get("name") == t("ui.chart.proxy") for tr in spec["data"])


def test_goal_selector_writes_the_address():
    at = run("views/goal.py", goal="unemployment-rate", lang="en")
    assert_clean(at)
    at.selectbox(key="goal_select").select("gdp-2010").run()
    assert_clean(at)
    assert at.query_params["goal"] in ("gdp-2010", ["gdp-2010"])
    assert heading(at).lower().startswith("gross regional product") or "gdp" in heading(at).lower() \
        or "gross" in heading(at).lower()


def test_goal_page_without_a_goal_offers_a_picker_then_reopens_the_last_goal():
    at = run("views/goal.py")
    assert_clean(at)
    assert heading(at) == t("ui.page.goal")
    assert not at.get("plotly_chart")
    assert "goal?goal=" in html(at)  # the goals with a verdict, as links
    at.query_params["goal"] = "tertiary-share"
    at.run()
    del at.query_params["goal"]
    at.switch_page("views/overview.py").run()
    at.switch_page("views/goal.py").run()
    assert heading(at) == "第三产业增加值占生产总值比重"


def test_a_goal_without_figures_has_no_chart_and_says_so():
    at = run("views/goal.py", goal="life-expectancy")
    assert_clean(at)
    assert not at.get("plotly_chart")
    assert any(t("ui.goal.chart.none") in i.value for i in at.info)
    assert not at.get("download_button")


def test_unknown_goal_shows_not_found():
    at = run("views/goal.py", goal="no-such-goal")
    assert not at.exception
    assert any("no-such-goal" in w.value.replace("\\", "") for w in at.warning)
    hostile = run("views/goal.py", goal="<script>alert(1)</script>")
    assert not hostile.exception
    assert any("script" in w.value for w in hostile.warning)


def test_every_goal_page_renders_in_both_languages(real):
    dataset, _ = real
    at = run("views/goal.py", goal="gdp-2010")
    for lang in ("zh", "en"):
        at.query_params["lang"] = lang
        for goal in dataset.goals:
            at.query_params["goal"] = goal.id
            at.run()
            assert_clean(at)
            assert heading(at) == (goal.name if lang == "zh" else goal.name_en)


def test_nothing_internal_is_shown(real):
    """Documents by title and date: no file names, paths, record ids or YAML names on any page."""
    dataset = real[0]
    files = {d.file for d in dataset.documents} | ({dataset.plan.source} if dataset.plan else set())
    ids = {o.id for o in dataset.observations} | {d.id for d in dataset.documents}
    for page in PAGES:
        for query in ({}, {"lang": "en"}):
            at = run(page, goal="green-space-rate", **query) if page.endswith("goal.py") else run(page, **query)
            body = texts(at)
            body = re.sub(r"<[^>]+>", " ", body)  # the words, not the markup (links carry goal ids)
            assert not [f for f in files if f in body], page
            assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", body)], page
            assert "/shared/sources" not in body and "targets/" not in body


def _broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    goals = root / "targets" / "karamay-district-11th" / "goals-headline.yaml"
    text = goals.read_text(encoding="utf-8")
    broken = text.replace("    target: 40\n", "    target: many\n", 1)  # green-space-rate's target
    assert broken != text
    goals.write_text(broken, encoding="utf-8")
    return root


def test_broken_record_still_renders_and_shows_the_problems(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(_broken_copy(tmp_path)))
    made, html_table = [], common.html_table
    monkeypatch.setattr(common, "html_table", lambda head, *a, **k: made.append(head) or html_table(head, *a, **k))
    at = run()  # the overview, run twice
    assert_clean(at)
    assert sum(t("ui.problems.col.message") in head for head in made) == 1  # the errors' table is made once
    assert any(t("ui.problems.heading") in e.proto.label for e in at.expander)
    assert at.warning, "every page says that some records were not loaded"
    problems = next(h.proto.body for h in at.get("html") if "targets/karamay-district-11th/goals-headline.yaml" in h.proto.body)
    assert "green-space-rate" in problems and ">target<" in problems  # record and field, for the data editors
    table = run("views/table.py")
    assert_clean(table)
    assert len(table_names(table)) == 84  # every valid goal is still served
    gone = run("views/goal.py", goal="green-space-rate")
    assert any("green-space-rate" in w.value.replace("\\", "") for w in gone.warning)
    kept = run("views/goal.py", goal="unemployment-rate")
    assert_clean(kept)
    assert heading(kept) == "城镇登记失业率"


def test_warnings_alone_are_not_the_publics(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_TRACKER_SOURCES", str(tmp_path / "absent"))  # quotes unchecked: a warning, no error
    at = run()
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]  # nothing says records were not loaded
    shown = " ".join(e.value for e in [*at.info, *at.warning, *at.error])
    assert "警告" not in shown and "warning" not in shown.lower()  # the editors' warnings stay with the editors
    assert not any(t("ui.problems.heading") in e.proto.label for e in at.expander)


def test_editing_a_data_file_is_picked_up(tmp_path, monkeypatch):
    root = tmp_path / "data"
    for folder in ("targets", "actuals"):
        shutil.copytree(PROJECT / folder, root / folder)
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(root))
    at = run("views/goal.py", goal="green-space-rate")
    assert heading(at) == "建成区绿地率"
    goals = root / "targets" / "karamay-district-11th" / "goals-headline.yaml"
    goals.write_text(goals.read_text(encoding="utf-8").replace("name: 建成区绿地率", "name: 建成区绿地率（改）", 1),
                     encoding="utf-8")
    at.run()
    assert heading(at) == "建成区绿地率（改）"


def test_interface_text_is_in_the_catalogue_in_both_languages():
    sources = [*(PROJECT / "dashboard" / "web" / "views").glob("*.py"), *(PROJECT / "dashboard" / "web" / "ui").glob("*.py"),
               PROJECT / "dashboard" / "web" / "app.py", PROJECT / "dashboard" / "present" / "charts.py",
               PROJECT / "dashboard" / "present" / "figures.py"]
    pattern = r"[\"']((?:ui|figures|method)\.[a-z0-9_.]+[a-z0-9_])[\"']"
    file_name = re.compile(r"\.(xlsx|csv|txt|yaml|png|svg|pdf|zip)$")  # figures.xlsx is a file, not a key
    used = {k for p in sources for k in re.findall(pattern, p.read_text(encoding="utf-8")) if not file_name.search(k)}
    assert used, "the pages take their text from the catalogue"
    for key in used:
        assert key in CATALOGUE, key
    for key, entry in CATALOGUE.items():
        if key.startswith(("ui.", "figures.", "method.")):
            assert entry.get("zh") and entry.get("en"), key


_RULE_NUMBERS = {"tolerance": "", "on_track": "", "needs_acceleration": "", "limited": "", "within": "", "area": ""}


def test_methodology_has_each_rule_in_both_languages():
    for lang in ("zh", "en"):
        at = run("views/methodology.py", lang=lang)
        assert_clean(at)
        body = texts(at)
        assert not re.search(r"\{[a-z_]+\}", body), "a placeholder left unfilled"
        assert "±5%" in body  # the 左右 rule's number, from the plan's configuration
        for rule in METHOD_RULES:
            assert Locale(lang).t(f"method.rule.{rule}", **_RULE_NUMBERS).split("{")[0][:12] in body, rule
        for status in STATUS_CONCERN:
            assert Locale(lang).t(f"method.status.{status}") in body


def test_goal_page_offers_one_set_of_downloads_and_the_overview_the_pack():
    at = run("views/goal.py", goal="green-space-rate")
    assert_clean(at)
    assert [b.proto.label for b in at.get("download_button")] == ["PNG", "SVG", "PDF", t("ui.goal.csv")]
    assert not at.radio  # no format radio for a toolbar
    at = run()
    assert_clean(at)
    assert any("简报包" in b.proto.label for b in at.get("button"))  # made on a click, then downloaded
    assert t("ui.download.report.button") in [b.proto.label for b in at.get("download_button")]  # the Word report


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_documents_page_states_the_documents_view_and_shows_a_source_on_request(lang):
    from dashboard.judge import Judge
    from dashboard.present.views.documents import documents_view
    from dashboard.records.load import load

    dataset, _ = load()
    view = documents_view(Judge(dataset), Locale(lang, dataset))
    at = run("views/documents.py", lang=lang)
    assert_clean(at)
    body = texts(at) + "\n".join(p.proto.label for p in at.get("page_link")).replace("\\", "")
    for doc in view.documents:
        for words in (doc.title, *doc.lines, doc.figures, *(link.label for link in doc.links)):
            assert words.replace("\u3000", " ") in body.replace("\u3000", " "), words
    assert [e.value for e in at.text] == []  # no source text until asked for
    first = dataset.documents[0]
    at.toggle(key=f"text-{first.id}-{lang}").set_value(True).run()
    shown = "\n".join(e.value for e in at.text)
    assert dataset.observations[0].quote in shown or any(o.quote in shown for o in dataset.observations
                                                         if o.document == first.id)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coherence_page_states_the_coherence_view(lang):
    from dashboard.judge import Judge
    from dashboard.present.views.coherence import coherence_view
    from dashboard.records.load import load

    dataset, _ = load()
    view = coherence_view(Judge(dataset), Locale(lang, dataset))
    at = run("views/coherence.py", lang=lang)
    assert_clean(at)
    body = texts(at).replace("\u3000", " ")
    assert view.findings and view.intro.replace("\u3000", " ") in body
    for f in view.findings:
        for words in (f.verdict, f.message, f.caveat or ""):
            assert words.replace("\u3000", " ") in body, words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_public_apps_data_entry_address_says_in_its_language_that_nothing_is_entered_here(lang, monkeypatch):
    from dashboard.web.serve import EDITOR_ENV

    monkeypatch.delenv(EDITOR_ENV, raising=False)
    at = run("views/editor_closed.py", **({"lang": "en"} if lang == "en" else {}))
    assert_clean(at)
    assert t("editor.closed", lang) in texts(at)
    assert not at.get("file_uploader") and not at.button
