"""Figure builders (dashboard/charts.py) on the real data and on hand-made assessments."""

from __future__ import annotations

import inspect
import json
import re

import plotly.graph_objects as go
import pytest

from dashboard.judge import Judge
from dashboard.judge.account import AccountBuilder, EvidenceAccount, GoalAccount
from dashboard.judge.codes import STATUSES, AreaRef, Reason
from dashboard.judge.coherence import findings
from dashboard.judge.rules import figure_bounds, region_bounds
from dashboard.present import charts
from dashboard.present.catalogue import CATALOGUE
from dashboard.present.locale import Locale
from dashboard.records.model import Baseline, Document, Goal, Observation


def t(key: str, lang: str = "zh", **values) -> str:
    return Locale(lang).t(key, **values)


@pytest.fixture(scope="module")
def real_locale(real):
    dataset, _ = real
    return {lang: Locale(lang, dataset) for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def assessed(real):
    dataset, _ = real
    return {a.goal.id: a for a in Judge(dataset).accounts()}


def traces_named(fig: go.Figure, name: str) -> list:
    return [tr for tr in fig.data if tr.name == name]


def evidence_traces(fig: go.Figure, group: str, part: str = "points") -> list:
    """The traces of one kind of evidence (direct / proxy / set_aside): its points, segments or arrows."""
    return [tr for tr in fig.data if tr.legendgroup == group and tr.meta == part]


# ---------------------------------------------------------------------------------------------- real data


def test_green_space_path_runs_from_baseline_to_target(assessed, real_locale):
    L = real_locale
    a = assessed["green-space-rate"]
    fig = charts.goal_figure(a, L["zh"])
    (path,) = traces_named(fig, t("ui.chart.path.linear", "zh"))
    assert (path.x[0], path.y[0]) == (2005, 35)
    assert (path.x[-1], path.y[-1]) == (2010, pytest.approx(40))
    assert list(path.x) == list(range(2005, 2011))


def test_compound_path_uses_the_engine_arithmetic(assessed, real_locale):
    L = real_locale
    a = assessed["gdp-2010"]
    assert a.path == "compound"
    fig = charts.goal_figure(a, L["en"])
    (path,) = traces_named(fig, t("ui.chart.path.compound", "en"))
    assert path.y[0] == pytest.approx(120.88) and path.y[-1] == pytest.approx(170)
    mid = path.y[list(path.x).index(2007)]
    assert mid == pytest.approx(120.88 * (170 / 120.88) ** 0.4)  # not the straight line
    assert mid < 120.88 + (170 - 120.88) * 0.4


def test_year_axis_has_whole_year_ticks_and_the_cjk_font(assessed, real_locale):
    L = real_locale
    for a in assessed.values():
        fig = charts.goal_figure(a, L["zh"])
        assert fig.layout.font.family == charts.FONT_FAMILY
        if not a.goal.is_categorical:
            # whole years, one or two apart (a long period on a phone keeps its labels horizontal)
            assert fig.layout.xaxis.dtick in (1, 2) and fig.layout.xaxis.tickformat == "d"


def test_proxies_use_a_different_marker_than_direct_figures(assessed, real_locale):
    L = real_locale
    fig = charts.goal_figure(assessed["unemployment-rate"], L["zh"])
    proxies = evidence_traces(fig, "proxy")
    assert proxies, "unemployment-rate is decided by a proxy level"
    assert {tr.marker.symbol for tr in proxies} == {charts.MARKERS["proxy"]["symbol"]}
    assert charts.MARKERS["proxy"]["symbol"] != charts.MARKERS["direct"]["symbol"]
    assert "open" in charts.MARKERS["proxy"]["symbol"]  # hollow
    legend = [tr.name for tr in proxies if tr.showlegend]
    assert legend == [t("ui.chart.proxy", "zh")] and "代用" in legend[0]
    assert "proxy" in t("ui.chart.proxy", "en").lower()


def test_set_aside_figures_are_faded_or_listed(assessed, real_locale):
    L = real_locale
    fig = charts.goal_figure(assessed["green-space-rate"], L["zh"])
    faded = evidence_traces(fig, "set_aside")
    # green coverage (never evidence for green space) and the city's levels (only its pace may stand in)
    assert {y for tr in faded for y in tr.y} == {43.72, 43.29, 38.7, 37.5}
    assert all(tr.marker.color == charts.SET_ASIDE_COLOUR for tr in faded)
    (later,) = evidence_traces(fig, "context")  # the city's 39.9% after the target year: context, apart
    assert 39.9 in later.y and later.name == t("ui.chart.context", "zh")
    notes = " ".join(ann.text for ann in fig.layout.annotations).replace("<br>", "")  # lines wrapped anywhere in Chinese
    assert "1.2个百分点" in notes  # the deciding pace, in words: it is not on the level's scale
    # GDP figures of the whole city are five times the district's: off the scale, so listed, not drawn
    gdp = charts.goal_figure(assessed["gdp-2010"], L["zh"])
    assert not evidence_traces(gdp, "set_aside")
    notes = " ".join(ann.text for ann in gdp.layout.annotations)
    assert "未画出" in notes


def test_period_observation_is_a_horizontal_segment(assessed, real_locale):
    L = real_locale
    fig = charts.goal_figure(assessed["green-space-rate"], L["zh"])
    (segments,) = evidence_traces(fig, "context", "segments")
    assert list(segments.x) == [2016, 2020, None] and list(segments.y) == [39.9, 39.9, None]
    (points,) = evidence_traces(fig, "context")
    assert 2018 in points.x  # the point sits mid-period


def test_one_sided_interval_gets_an_arrow(assessed, real_locale):
    L = real_locale
    fig = charts.goal_figure(assessed["unemployment-rate"], L["zh"])  # "1%以内", "2%以内": ceilings
    arrows = evidence_traces(fig, "proxy", "arrows") + evidence_traces(fig, "context", "arrows")
    ys = [y for tr in arrows for y in tr.y]
    pairs = [(ys[i], ys[i + 1]) for i in range(0, len(ys), 3)]
    assert len(pairs) == 2 and {start for start, _ in pairs} == {1.0, 2.0}
    assert all(end < start for start, end in pairs)  # pointing down, toward the open side
    assert set(arrows[0].marker.symbol) >= {"triangle-down"}


def test_status_badge_pairs_colour_and_word(assessed, real_locale):
    L = real_locale
    a = assessed["green-space-rate"]
    fig = charts.goal_figure(a, L["zh"])
    badge = [ann for ann in fig.layout.annotations if ann.bgcolor == charts.STATUS_COLOURS[a.status]]
    assert len(badge) == 1 and t(f"status.{a.status}", "zh") in badge[0].text


def test_target_region_and_marker(assessed, real_locale):
    L = real_locale
    fig = charts.goal_figure(assessed["green-space-rate"], L["en"])
    (target,) = traces_named(fig, t("ui.chart.target", "en"))
    assert (target.x[0], target.y[0]) == (2010, 40)
    regions = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(regions) == 1 and regions[0].y0 == 40 and regions[0].y1 >= 44  # ≥: from the target upward


def test_every_goal_builds_in_both_languages(assessed, real_locale):
    L = real_locale
    for a in assessed.values():
        for lang in ("zh", "en"):
            fig = charts.goal_figure(a, L[lang])
            json.loads(fig.to_json())


def test_goal_spec_is_what_plotly_reads_back(assessed, real_locale):
    """The plain goal spec (built without plotly's validation) is exactly what plotly makes of it: no property
    plotly would drop, rename or convert, in every real goal's chart in both languages."""
    from plotly.utils import PlotlyJSONEncoder

    def plain(value):
        return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))

    checked = 0
    for a in assessed.values():
        if a.goal.is_categorical or a.goal.target is None:
            continue
        for loc in real_locale.values():
            spec = charts.goal_spec(a, loc)
            read = go.Figure(spec).to_plotly_json()
            assert read["layout"].pop("template") is not None  # the default template, as every figure gets
            assert plain(read) == plain(spec), a.goal.id
            checked += 1
    assert checked >= 100


def test_overview_counts_every_goal_once(assessed, real_locale):
    L = real_locale
    fig = charts.overview_figure(list(assessed.values()), L["zh"])
    assert sum(sum(tr.x) for tr in fig.data) == len(assessed)
    loc = L["zh"]
    words = {loc.status(s, b): (s, b) for s in STATUSES for b in (None, "proxy")}
    for tr in fig.data:  # each (status, basis) a trace named with its word, in its colour; a proxy hatched
        status, basis = words[tr.name]
        assert tr.marker.color == charts.STATUS_COLOURS[status]
        assert (tr.marker.pattern.shape == "/") == (basis == "proxy")
    proxied = {(a.status, a.basis) for a in assessed.values() if a.basis == "proxy"}
    assert {words[tr.name] for tr in fig.data} >= proxied and proxied  # the proxy statuses read as proxies
    assert fig.layout.barmode == "stack" and fig.layout.font.family == charts.FONT_FAMILY


def test_coherence_figure(real):
    dataset, _ = real
    found = findings(dataset)
    fig = charts.coherence_figure(found, Locale("en", dataset))
    assert sum(len(tr.y) for tr in fig.data) == len(found)
    assert fig.layout.font.family == charts.FONT_FAMILY
    assert charts.coherence_figure([], Locale("zh")).data == ()


def test_status_colours_are_okabe_ito():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    judged = {c for s, c in charts.STATUS_COLOURS.items() if s != "no_comparable_data"}
    assert judged <= okabe_ito and len(judged) == len(charts.STATUS_COLOURS) - 1


def test_chart_labels_are_in_the_catalogue():
    source = inspect.getsource(charts)
    for key in set(re.findall(r'"(ui\.[a-z_.]+)"', source)):
        assert key in CATALOGUE, key


# ---------------------------------------------------------------------------------------------- hand-made


def _goal(**kw) -> Goal:
    base = dict(id="g", name="测试<script>", name_en="Test", group="economy", chapter="一", indicator="x",
                unit="%", comparator=">=", target=10.0, target_year=2010, quote="q")
    base.update(kw)
    return Goal(**base)


def _obs(**kw) -> Observation:
    base = dict(id="o", indicator="x", area="city", year=2008, value=8.0, unit="%", quote="q", document="d")
    base.update(kw)
    return Observation(**base)


DOC = Document(id="d", file="f.txt", title="<b>文件</b>", title_en="Doc", publisher="p", published="2009-01-01",
               published_basis="stated", area="city", years=(2008, 2008))


def _evidence(obs: Observation, basis, comparable=True, timing="interim") -> EvidenceAccount:
    return EvidenceAccount(observation=obs, document=DOC, area_relation="parent", concept="same", use="level",
                           reading="level", role="evidence" if comparable else "set_aside", comparable=comparable,
                           basis=basis, timing=timing, interval=figure_bounds(obs.value, obs.qualifier),
                           verdict=None, path_verdict=None, progress=None,
                           reasons=(Reason("area.same", {"area": AreaRef(obs.area)}),))


class _Paths(AccountBuilder):
    def __init__(self):  # only the path arithmetic: no dataset
        self.base_year = 2005


_PATHS = _Paths()


def _assessment(goal: Goal, evidence=(), status="on_track", basis="direct", path="linear") -> GoalAccount:
    ev = tuple(evidence)
    region = None if goal.target is None else region_bounds(goal.comparator, goal.target)
    start = goal.baseline.year if goal.baseline else 2005
    return GoalAccount(goal=goal, area="district", status=status, basis=basis if ev else None,
                       timing="interim" if ev else None, path=path, reason=Reason("reason.no_evidence"), evidence=ev,
                       deciding=ev[0] if ev else None, region=region, start_year=start,
                       path_points=_PATHS._paths([goal], [path])[0])


def test_categorical_goal_is_a_text_figure_without_axes():
    g = _goal(comparator="categorical", target=None, unit=None, target_text="二级以上")
    fig = charts.goal_figure(_assessment(g, status="no_comparable_data"), Locale("zh"))
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert any("二级以上" in ann.text for ann in fig.layout.annotations)
    assert fig.layout.font.family == charts.FONT_FAMILY


def test_direct_solid_proxy_hollow_and_two_sided_interval_as_error_bar():
    g = _goal(baseline=Baseline(value=5, year=2005, quote="b"))
    direct = _evidence(_obs(id="a", value=8.0), "direct")
    proxy = _evidence(_obs(id="b", value=9.0, qualifier="左右", year=2009), "proxy")
    fig = charts.goal_figure(_assessment(g, [direct, proxy]), Locale("en"))
    (d,) = evidence_traces(fig, "direct")
    (p,) = evidence_traces(fig, "proxy")
    assert d.marker.symbol == "circle" and p.marker.symbol == "diamond-open"
    assert p.error_y.array[0] == pytest.approx(9.0 * 0.05) and p.error_y.arrayminus[0] == pytest.approx(9.0 * 0.05)
    assert not d.error_y.array


def test_approximate_target_is_a_band():
    g = _goal(comparator="≈", target=20.0)
    fig = charts.goal_figure(_assessment(g), Locale("zh"))
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    assert band.y0 == pytest.approx(19.0) and band.y1 == pytest.approx(21.0)


def test_hostile_text_is_escaped():
    g = _goal(baseline=Baseline(value=5, year=2005, quote="b"))
    fig = charts.goal_figure(_assessment(g, [_evidence(_obs(), "direct")]), Locale("zh"))
    hover = " ".join(str(h) for tr in fig.data for h in (tr.hovertext or ()))
    assert "<b>文件</b>" not in hover and "&lt;b&gt;文件&lt;/b&gt;" in hover


def test_pace_goal_draws_the_pace_each_year():
    g = _goal(measure="annual_growth_rate", target=7.0, baseline=Baseline(value=100, year=2005, quote="b"))
    fig = charts.goal_figure(_assessment(g, path="pace"), Locale("zh"))
    (pace,) = traces_named(fig, t("ui.chart.path.constant", "zh"))
    assert list(pace.x) == [2006, 2007, 2008, 2009, 2010] and set(pace.y) == {7.0}
    assert not traces_named(fig, t("ui.chart.baseline", "zh", year=2005))  # the base of the level, not of the pace


def test_goal_without_baseline_or_evidence():
    fig = charts.goal_figure(_assessment(_goal(), status="no_comparable_data"), Locale("en"))
    assert not [tr for tr in fig.data if tr.mode == "lines"]
    assert any(t("ui.chart.no_data", "en") in ann.text for ann in fig.layout.annotations)


def test_the_overview_axis_ticks_every_five_goals_for_one_plan_and_lets_plotly_choose_for_thousands():
    """A tick every 5 goals at 7,500 goals would be 1,500 ticks and gridlines: the browser took 30 s to draw it."""
    from types import SimpleNamespace

    from tests.builders import goal

    def judged(n: int) -> list:
        g = goal("g")  # group "environment"
        return [SimpleNamespace(goal=g, status="achieved" if k % 2 else "missed", basis="direct") for k in range(n)]

    assert charts.overview_figure(judged(40), Locale()).layout.xaxis.dtick == 5
    assert charts.overview_figure(judged(7500), Locale()).layout.xaxis.dtick is None
