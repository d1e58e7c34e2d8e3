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


def _level_values(fig: go.Figure) -> set[float]:
    return {y for tr in fig.data if (tr.yaxis or "y") == "y" and tr.y is not None for y in tr.y if y is not None}


def test_set_aside_figures_are_never_drawn_and_counted_once(assessed, real_locale):
    L = real_locale
    a = assessed["green-space-rate"]
    fig = charts.goal_figure(a, L["zh"])
    # green coverage (another indicator: 43.72, 43.29, inside the band's range) and the city's levels (only its
    # pace may stand in: 38.7, 37.5) are not drawn anywhere
    assert not _level_values(fig) & {43.72, 43.29, 38.7, 37.5}
    assert not {tr.legendgroup for tr in fig.data} & {"set_aside"}
    (later,) = evidence_traces(fig, "context")  # the city's 39.9% after the target year: context, apart
    assert 39.9 in later.y and later.name == t("ui.chart.context", "zh")
    set_aside = sum(1 for e in a.evidence if not e.comparable and e.role != "context")
    notes = [ann.text.replace("<br>", "") for ann in fig.layout.annotations if ann.name == charts.SCREEN_NOTE]
    assert notes == [t("ui.chart.not_drawn", "zh", n=set_aside)]
    # gdp-2010: the city's totals and other indicators are counted, not given a reason that is not theirs
    # ("量级或单位不同"): each figure's own reason is in the list under the chart
    gdp = assessed["gdp-2010"]
    fig = charts.goal_figure(gdp, L["zh"])
    notes = " ".join(ann.text for ann in fig.layout.annotations).replace("<br>", "")
    set_aside = sum(1 for e in gdp.evidence if not e.comparable and e.role != "context")
    assert set_aside and t("ui.chart.not_drawn", "zh", n=set_aside) in notes
    assert "量级" not in notes and "单位" not in notes
    assert not _level_values(fig) & {515.0, 973.1, 877.47, 691.9}  # the city's and Tacheng's totals


def test_a_goal_with_nothing_comparable_says_so_once():
    g = _goal(baseline=Baseline(value=5, year=2005, quote="b"))
    aside = _evidence(_obs(id="a", value=80.0), None, comparable=False)
    for lang in ("zh", "en"):
        fig = charts.goal_figure(_assessment(g, [aside], status="no_comparable_data"), Locale(lang))
        notes = [ann.text for ann in fig.layout.annotations if ann.name == charts.SCREEN_NOTE]
        joiner = " " if lang == "en" else ""  # English lines wrap at spaces
        assert [n.replace("<br>", joiner) for n in notes] == [t("ui.chart.none_drawn", lang, n=1)]
        assert not [tr for tr in fig.data if tr.meta == "points"] and 80.0 not in _level_values(fig)


def test_the_deciding_pace_of_a_level_goal_is_drawn_as_a_pace_against_the_pace_asked(assessed, real_locale):
    for gid, value, asked in (("green-space-rate", 1.2, 1.0), ("urban-income-2010", 9.8, None)):
        a = assessed[gid]
        assert a.deciding is not None and a.deciding.reading == "pace", gid
        for lang in ("zh", "en"):
            loc = real_locale[lang]
            fig = charts.goal_figure(a, loc)
            (points,) = [tr for tr in fig.data if tr.meta == "points" and tr.yaxis == "y2"]
            assert list(points.y) == [value] and list(points.x) == [a.deciding.observation.last_year]
            assert loc.t("ui.chart.deciding_tag") in points.text[0] and "2007" in points.text[0]  # with its year
            (line,) = [tr for tr in fig.data if tr.meta == "pace_asked"]
            p = a.deciding.progress
            assert set(line.y) == {p.pace_asked} and (asked is None or p.pace_asked == pytest.approx(asked))
            assert line.yaxis == "y2" and line.name == loc.t("ui.chart.pace_asked", asked=loc.pace(p.pace_asked,
                                                                                                    p.pace_unit))
            # its own axis, in the pace's unit, below the levels and on the same years
            lay = fig.layout
            assert lay.yaxis2.domain[1] < lay.yaxis.domain[0]
            assert lay.yaxis2.range[0] <= min(value, p.pace_asked) and lay.yaxis2.range[1] > max(value, p.pace_asked)
            assert list(lay.xaxis2.range) == list(lay.xaxis.range)
            unit = loc.unit(p.pace_unit) if p.pace_unit != "%" else None
            (title,) = [ann.text for ann in lay.annotations if ann.name == charts.PACE_TITLE]
            assert title == (loc.t("ui.measure.annual_growth_rate") if unit is None
                             else loc.t("ui.measure.annual_increase", unit=unit))
            assert value not in _level_values(fig)  # never on the level's scale


def test_the_pace_panel_is_laid_out_in_px_so_the_year_labels_and_its_name_keep_apart():
    # at 10 px type: the year labels' line (13 + 8), the name's line (13 + 6) and 6 of air
    assert charts.pace_gap(10) == pytest.approx(46)
    # a quarter of 400 px is 112, held to at most 8 lines of type (80 px)
    level, pace = charts.pace_domains(400, 10)
    assert pace == pytest.approx([0.0, 0.2]) and level == pytest.approx([0.2 + 46 / 400, 1.0])
    # a short plot keeps the gap and the pace panel's least room (4.5 lines) in px, whatever it leaves the levels
    level, pace = charts.pace_domains(150, 10)
    assert pace[1] * 150 == pytest.approx(45) and (level[0] - pace[1]) * 150 == pytest.approx(46)
    assert charts.pace_ticks(80, 10) == 4 and charts.pace_ticks(20, 10) == 2


def test_a_printed_pace_panel_moves_its_name_and_ticks_with_it(assessed, real_locale):
    layout = charts.goal_figure(assessed["fiscal-revenue-2010"], real_locale["en"]).to_dict()["layout"]
    layout["yaxis2"]["tickfont"] = {"size": 14}
    charts.fit_pace_panel(layout, 200)
    top = layout["yaxis2"]["domain"][1]
    assert (layout["yaxis"]["domain"][0] - top) * 200 == pytest.approx(charts.pace_gap(14))
    (name,) = [a for a in layout["annotations"] if a.get("name") == charts.PACE_TITLE]
    assert name["y"] == top and name["font"]["size"] == 14
    assert layout["yaxis2"]["nticks"] == charts.pace_ticks(top * 200, 14)
    level_only = next(a for a in assessed.values() if not a.goal.is_categorical and a.goal.target is not None
                      and not charts.has_pace_panel(a, real_locale["en"]))
    plain = charts.goal_figure(level_only, real_locale["en"]).to_dict()["layout"]
    before = json.dumps(plain, sort_keys=True, default=str)
    charts.fit_pace_panel(plain, 200)  # no pace panel: left alone
    assert json.dumps(plain, sort_keys=True, default=str) == before


def test_a_pace_goal_keeps_one_panel(assessed, real_locale):
    for a in assessed.values():
        if a.goal.measure in ("annual_growth_rate", "annual_increase") and not a.goal.is_categorical:
            fig = charts.goal_figure(a, real_locale["zh"])
            assert "yaxis2" not in fig.to_dict()["layout"] and all(tr.yaxis in (None, "y") for tr in fig.data)


def test_a_derived_figure_is_marked_as_derived():
    from dashboard.records.model import Derived

    g = _goal(baseline=Baseline(value=5, year=2005, quote="b"))
    stated = _evidence(_obs(id="a", value=8.0), "direct")
    derived = _evidence(_obs(id="b", value=9.0, year=2009, derived=Derived(formula="8×1.125")), "direct")
    for lang in ("zh", "en"):
        loc = Locale(lang)
        fig = charts.goal_figure(_assessment(g, [stated, derived]), loc)
        (d,) = evidence_traces(fig, "direct")
        assert list(d.marker.symbol) == [charts.MARKERS["direct"]["symbol"], charts.DERIVED_SYMBOLS["direct"]]
        assert "open" in charts.DERIVED_SYMBOLS["direct"]  # hollow
        assert loc.t("ui.chart.derived_tag") in d.text[1] and loc.t("ui.chart.derived_tag") not in d.text[0]
        assert loc.t("ui.chart.derived_hover", formula="8×1.125") in d.hovertext[1]
        (legend,) = [tr for tr in fig.data if tr.meta == "derived"]
        assert legend.name == loc.t("ui.chart.derived") and legend.marker.symbol == charts.DERIVED_SYMBOLS["direct"]
    plain = charts.goal_figure(_assessment(g, [stated]), Locale("zh"))
    assert not [tr for tr in plain.data if tr.meta == "derived"]
    assert "推算" in t("ui.chart.derived_tag", "zh") and "derived" in t("ui.chart.derived_tag", "en")


def test_the_english_axis_speaks_the_unit_of_its_labels(assessed, real_locale):
    fig = charts.goal_figure(assessed["gdp-2010"], real_locale["en"])
    ax = fig.layout.yaxis
    assert "billion yuan" in ax.title.text and "100 million" not in ax.title.text
    labels = " ".join(tr.text[0] for tr in fig.data if tr.text)
    assert "billion yuan" in labels and "100 million" not in labels
    # 120.88亿元 is 12.088 billion: each tick's word is its value in billions
    for value, word in zip(ax.tickvals, ax.ticktext, strict=True):
        assert float(word.replace(",", "")) == pytest.approx(value / 10)
    zh = charts.goal_figure(assessed["gdp-2010"], real_locale["zh"]).layout.yaxis
    assert zh.title.text == "亿元" and zh.tickvals is None


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
    (region,) = regions
    assert region.y0 == 40 and region.y1 == fig.layout.yaxis.range[1]  # ≥: from the target upward, to the top
    assert region.y1 - 40 >= 0.15 * (region.y1 - fig.layout.yaxis.range[0])  # a band, not a hairline


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
    years = {a.evidence_years for a in assessed.values() if a.basis == "proxy"}
    assert len(years) == 1  # every proxy here rests on a 2007 figure: the legend says so
    (y,) = years
    words = {loc.status(s, b, y if b else None): (s, b) for s in STATUSES for b in (None, "proxy")}
    assert any("2007" in tr.name for tr in fig.data)
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


def test_coherence_colours_follow_the_verdict_and_green_means_within_the_margin(real):
    dataset, _ = real
    found = findings(dataset)
    within = dataset.assessment.consistent_within
    for lang in ("zh", "en"):
        loc = Locale(lang, dataset)
        fig = charts.coherence_figure(found, loc)
        colour_of = {}
        for tr in fig.data:
            for key in tr.y:
                colour_of[int(key)] = tr.marker.color
        for k, f in enumerate(found):
            if f.gap is None:
                continue
            colour = colour_of[k]
            green = colour == charts.VERDICT_COLOURS["consistent"]
            assert green == (f.verdict == "consistent" and abs(f.gap) <= within), (f.pace_goal.id, f.gap)
            if f.verdict != "consistent":
                assert colour == charts.VERDICT_COLOURS[f.verdict]
            label = next(a.text for a in fig.layout.annotations if a.y == str(k))
            assert charts.verdict_word(f, loc) in label.replace("<br>", "")
    # a pace stronger than needed is its own colour, never the off-track orange of a goal's status
    assert charts.VERDICT_COLOURS["pace_stronger"] not in (charts.STATUS_COLOURS["off_track"], charts.VERDICT_COLOURS["pace_weaker"])
    assert len(set(charts.VERDICT_COLOURS.values())) == len(charts.VERDICT_COLOURS)


def test_a_consistent_pair_far_apart_is_not_shown_as_agreeing():
    from types import SimpleNamespace

    loc = Locale("zh")
    far = SimpleNamespace(verdict="consistent", gap=-0.244)
    near = SimpleNamespace(verdict="consistent", gap=-0.003)
    assert charts.verdict_shade(far, 0.01) == "consistent_apart" and charts.verdict_shade(near, 0.01) == "consistent"
    assert charts.verdict_shade(SimpleNamespace(verdict="pace_stronger", gap=0.09), 0.01) == "pace_stronger"
    assert charts.verdict_shade(SimpleNamespace(verdict="unverifiable", gap=None), 0.01) == "unverifiable"
    assert "1%" in loc.t("ui.coherence.consistent_apart", within=loc.pct(0.01))


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
        return [SimpleNamespace(goal=g, status="achieved" if k % 2 else "missed", basis="direct",
                                evidence_years=None) for k in range(n)]

    assert charts.overview_figure(judged(40), Locale()).layout.xaxis.dtick == 5
    assert charts.overview_figure(judged(7500), Locale()).layout.xaxis.dtick is None


def test_the_caption_never_says_nothing_is_drawn_when_a_figure_decides(assessed, real_locale):
    from dashboard.present import figures

    checked = 0
    for a in assessed.values():
        if a.goal.is_categorical or a.goal.target is None:
            continue
        for lang in ("zh", "en"):
            loc = real_locale[lang]
            alt = figures.chart_alt(a, loc)
            drawn = [tr for tr in charts.goal_figure(a, loc).data if tr.meta == "points"]
            if a.deciding is not None and a.deciding.observation.value is not None:
                checked += 1
                assert loc.t("figures.alt.none") not in alt and drawn, (a.goal.id, lang)
                assert loc.observed(a.deciding.observation) in alt
            if loc.t("figures.alt.none") in alt:
                assert not [tr for tr in drawn if tr.legendgroup != "context"], (a.goal.id, lang)
    assert checked
    green = figures.chart_alt(assessed["green-space-rate"], real_locale["zh"])
    assert "增长图" in green and "1个百分点/年" in green


def test_one_pace_axis_speaks_one_unit(assessed, real_locale):
    """rural-income-2010 has the city's 2007 growth (11.3%, deciding) and its increase (667元, derived): the pace
    panel draws the deciding one's unit only and counts the other in the note."""
    a = assessed["rural-income-2010"]
    units = {e.progress.pace_unit for e in a.evidence if e.comparable and e.reading == "pace" and e.progress}
    assert len(units) > 1
    fig = charts.goal_figure(a, real_locale["zh"])
    drawn = [y for tr in fig.data if tr.yaxis == "y2" and tr.meta == "points" for y in tr.y]
    assert drawn == [a.deciding.observation.value]
    notes = " ".join(ann.text for ann in fig.layout.annotations).replace("<br>", "")
    assert t("ui.chart.pace_other_unit", "zh", n=1) in notes
