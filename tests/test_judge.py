"""The judge's rules on hand-computed cases, one table per rule (README "How goals are judged").

Builders (tests/builders.py): a district inside a city inside a region, an unrelated prefecture; the city's
figures may stand in as declared per indicator: green space, GDP, income, public green: pace only;
unemployment: level; tertiary share: none; `undeclared`: nothing declared.
"""

from __future__ import annotations

import pytest

from dashboard.judge import Judge
from dashboard.present.locale import Locale
from tests.builders import dataset, goal, obs


def account(goals, observations, goal_id="g"):
    data = dataset(goals if isinstance(goals, list) else [goals], observations)
    return Judge(data).account(goal_id), data


def by_id(a):
    return {e.observation.id: e for e in a.evidence}


# ---------------------------------------------------------------------------------------------- 1. admissibility

ADMISSIBILITY = [
    # (indicator, area, measure, unit, value) → (role, why): what another area's figure may say is declared
    ("green_space_rate", "city", "level", "%", 38.7, "set_aside", "area.parent.pace_only"),  # pace only: no level
    ("green_space_rate", "city", "annual_increase", "百分点", 1.2, "deciding", "area.parent.pace"),  # its change
    ("unemployment", "city", "level", "%", 2.0, "deciding", "area.parent.level"),  # level declared, with a reason
    ("share", "city", "level", "%", 10.0, "set_aside", "area.parent.none"),  # the structure differs
    ("undeclared", "city", "level", "%", 41.0, "set_aside", "area.parent.none"),  # undeclared means none
    ("green_space_rate", "elsewhere", "level", "%", 41.0, "set_aside", "area.other"),  # never evidence
    ("green_space_rate", "district", "level", "%", 38.0, "deciding", "area.same"),
]


@pytest.mark.parametrize("indicator, area, measure, unit, value, role, why", ADMISSIBILITY)
def test_another_areas_figure_speaks_only_as_declared(indicator, area, measure, unit, value, role, why):
    g = goal(indicator=indicator, target=3 if indicator == "unemployment" else 40,
             comparator="<=" if indicator == "unemployment" else ">=",
             baseline=(1.41, 2005) if indicator == "unemployment" else (35, 2005))
    a, _ = account(g, [obs(indicator=indicator, area=area, year=2007, value=value, unit=unit, measure=measure)])
    (e,) = a.evidence
    assert (e.role, [r.code for r in e.reasons][0]) == (role, why)
    if area == "city":
        assert e.basis in (None, "proxy") and (e.stand_in is not None) == (indicator != "undeclared")


def test_a_total_of_a_larger_area_never_measures_even_with_a_pace_declared():
    g = goal(indicator="gdp", unit="亿元", target=170, baseline=(120.88, 2005))
    a, _ = account(g, [obs(indicator="gdp", area="city", year=2007, value=515, unit="亿元"),
                       obs(id="growth", indicator="gdp", area="city", year=2007, value=12, measure="yoy_growth")])
    e = by_id(a)
    assert e["o"].excluded_by == "area.parent.total"
    assert e["growth"].comparable and e["growth"].reading == "pace"  # its growth rate speaks to the pace


def test_the_declaration_is_shown_in_both_languages():
    g = goal(target=40, baseline=(35, 2005))
    a, data = account(g, [obs(area="city", year=2007, value=38.7)])
    (e,) = a.evidence
    assert "测试声明：pace" in Locale("zh", data).reasons(e.reasons)
    assert "test declaration: pace" in Locale("en", data).reasons(e.reasons)


# ---------------------------------------------------------------------------------------------- 2. one area

def test_progress_is_never_measured_from_the_districts_baseline_to_a_city_level():
    # the city's 38.7% against the district's 35% → 40% path would read 完成进度 74%: not allowed (pace only)
    g = goal(target=40, baseline=(35, 2005))
    a, _ = account(g, [obs(id="level", area="city", year=2007, value=38.7),
                       obs(id="rise", area="city", year=2007, value=1.2, unit="百分点", measure="annual_increase")])
    e = by_id(a)
    assert not e["level"].comparable and e["level"].progress is None
    rise = e["rise"]
    # the city's change alone: favourable against the path, yet the district's level stays unknown (no verdict)
    assert a.deciding is rise and a.status == "indeterminate" and a.basis == "proxy"
    assert (rise.limit, rise.path_verdict) == ("pace.level_unknown", "on_track")
    p = rise.progress
    assert p.completion is None and p.time_share is None  # no 完成进度 across two areas
    assert (p.pace_achieved, p.pace_asked) == pytest.approx((1.2, 1.0))  # the path asks (40 − 35) / 5 a year
    assert p.growth_ratio == pytest.approx(1.2) and p.pace_unit == "百分点"


def test_a_pace_proxy_is_judged_against_the_pace_the_path_asks_over_its_own_years():
    # compound path 10788 → 15000 (2005–2010): 6.81% a year; a city's 9.8% in 2007 is at or above it
    g = goal(indicator="income", unit="元", target=15000, baseline=(10788, 2005))
    g = g.model_copy(update={"id": "income-2010"})
    pace = goal(id="income-growth", indicator="income", measure="annual_growth_rate", unit="%", target=5,
                baseline=(10788, 2005), paces="income-2010")
    a, _ = account([g, pace], [obs(indicator="income", area="city", year=2007, value=9.8, measure="yoy_growth")],
                   "income-2010")
    assert a.path == "compound"
    p = a.deciding.progress
    assert p.pace_asked == pytest.approx(((15000 / 10788) ** 0.2 - 1) * 100)  # 6.81%
    assert p.pace_needed is None  # 2006 is not reported: what it takes is unknown
    assert a.deciding.path_verdict == "on_track" and a.status == "indeterminate"  # a pace alone: level unknown


def test_a_level_proxy_may_be_set_on_the_path_only_as_declared_and_the_account_says_so():
    g = goal(indicator="unemployment", comparator="<=", target=3, baseline=(4.0, 2005))  # a falling path 4 → 3
    a, _ = account(g, [obs(indicator="unemployment", area="city", year=2007, value=3.5)])
    p = a.deciding.progress
    assert a.path == "linear" and p.required == pytest.approx(3.6)  # 4 − 1 × 2/5
    assert p.completion == pytest.approx(0.5) and a.status == "on_track"
    assert "caveat.level_proxy_path" in [c.code for c in a.caveats]


def test_a_new_basis_level_is_set_aside_while_its_growth_speaks():
    g = goal(indicator="income", unit="元", target=15000, baseline=(10788, 2005))
    a, _ = account(g, [obs(id="level", indicator="income_new", area="district", year=2007, value=13109.6, unit="元"),
                       obs(id="growth", indicator="income_new", area="district", year=2007, value=9.8,
                           measure="yoy_growth")])
    e = by_id(a)
    assert e["level"].excluded_by == "concept.pace_only"
    assert e["growth"].comparable and e["growth"].basis == "proxy"


# ---------------------------------------------------------------------------------------------- 3. later figures

LATER = [
    # (area, year or period, value) → status, role, timing: a proxy after the target year is context, never a verdict
    ("city", None, (2016, 2020), 39.9, "no_comparable_data", "context", "late"),
    ("city", 2019, None, 45.0, "no_comparable_data", "context", "late"),
    ("district", 2012, None, 41.0, "achieved", "deciding", "late"),  # a direct figure may decide, late
    ("district", 2012, None, 39.0, "missed", "deciding", "late"),
]


@pytest.mark.parametrize("area, year, period, value, status, role, timing", LATER)
def test_later_figures(area, year, period, value, status, role, timing):
    a, data = account(goal(target=40, baseline=(35, 2005)), [obs(area=area, year=year, period=period, value=value)])
    (e,) = a.evidence
    assert (a.status, e.role, e.timing) == (status, role, timing)
    if role == "context":
        zh = Locale("zh", data).reason(a.reason)
        assert "另见" in zh and "39.9%" in zh or "45%" in zh
        assert "仍未达到" not in zh and "晚于目标年" not in zh  # never "still short" or "reached late"


# ---------------------------------------------------------------------------------------------- 4. hold targets

HOLD = [
    # (comparator, target, baseline, hold, value) → path, status: a bound to hold every year has no path
    ("<=", 3, (1.41, 2005), False, 2.0, "hold", "on_track"),  # ceiling already met at the base: within
    ("<=", 3, (1.41, 2005), False, 3.5, "hold", "off_track"),  # outside the bound
    (">=", 100, None, True, 99.0, "hold", "off_track"),  # 继续保持100%: a floor to keep, declared
    (">=", 100, None, True, 100.0, "hold", "on_track"),
    ("<", 30, (32, 2005), False, 31.0, "linear", "on_track"),  # a ceiling to reach from above: a path
]


@pytest.mark.parametrize("comparator, target, baseline, hold, value, path, status", HOLD)
def test_hold_targets(comparator, target, baseline, hold, value, path, status):
    g = goal(indicator="unemployment", comparator=comparator, target=target, baseline=baseline, hold=hold,
             year=2015 if comparator == "<" else 2010)
    a, _ = account(g, [obs(indicator="unemployment", year=2007, value=value)])
    assert (a.path, a.status) == (path, status)
    p = a.deciding.progress
    if path == "hold":
        assert p.required is None and p.completion is None and p.growth_ratio is None  # no "should have been X"
        assert a.path_points == ()  # the chart draws the bound as a band, not a rising line


# ---------------------------------------------------------------------------------------------- 5. one year's growth

def test_one_years_growth_is_labelled_as_such_and_an_average_since_the_baseline_is_preferred():
    g = goal(id="g", indicator="gdp", measure="annual_growth_rate", unit="%", target=7, baseline=(100, 2005))
    one = obs(id="yoy-2009", indicator="gdp", year=2009, value=12, measure="yoy_growth")
    avg = obs(id="avg", indicator="gdp", period=(2006, 2008), year=None, value=5, measure="annual_growth_rate")
    a, data = account(g, [one])
    assert "reading.one_year" in [r.code for r in a.deciding.reasons]
    assert "2009年一年" in Locale("zh", data).reason(a.reason) and "caveat.one_year" in [c.code for c in a.caveats]
    a, _ = account(g, [one, avg])
    assert a.deciding.observation.id == "avg" and a.status == "off_track"  # 5% < 7%
    p = a.deciding.progress
    # what it would take: ((1.07^5) / (1.05^3))^(1/2) − 1 ≈ 10.07% a year over 2009–2010
    assert p.pace_needed == pytest.approx((((1.07 ** 5) / (1.05 ** 3)) ** 0.5 - 1) * 100)
    assert p.pace_years == 3


def test_a_full_period_average_settles_a_pace_goal():
    g = goal(indicator="gdp", measure="annual_growth_rate", unit="%", target=7, baseline=(100, 2005))
    a, _ = account(g, [obs(indicator="gdp", period=(2006, 2010), year=None, value=7.4, measure="annual_growth_rate")])
    assert (a.status, a.timing) == ("achieved", "final")


# ---------------------------------------------------------------------------------------------- 6. 左右 and direction

APPROX = [
    # (indicator, target, value) → status and reason code: met at the near edge or beyond; a projection two-sided
    ("share", 15, 16.0, "achieved", "reason.final.beyond"),  # higher is better: beyond the band, 超额完成
    ("share", 15, 14.5, "achieved", "reason.final.meets"),
    ("share", 15, 14.0, "missed", "reason.final.misses"),
    ("energy", -20, -22.0, "achieved", "reason.final.beyond"),  # lower is better: a deeper cut
    ("energy", -20, -18.0, "missed", "reason.final.misses"),
    ("population", 24, 26.0, "missed", "reason.final.outside"),  # neutral: above the expected band
    ("population", 24, 22.0, "missed", "reason.final.outside"),  # below it
    ("population", 24, 24.5, "achieved", "reason.final.within"),  # within the expected band
]


@pytest.mark.parametrize("indicator, target, value, status, code", APPROX)
def test_approximate_targets_follow_the_direction(indicator, target, value, status, code):
    unit = "万人" if indicator == "population" else "%"
    g = goal(indicator=indicator, comparator="≈", target=target, unit=unit, baseline=None)
    a, data = account(g, [obs(indicator=indicator, value=value, unit=unit)])
    assert (a.status, a.reason.code) == (status, code)
    if code == "reason.final.outside":
        en = Locale("en", data).reason(a.reason)
        assert ("above" if value > target else "below") + " the expected band" in en and "short" not in en


# ---------------------------------------------------------------------------------------------- 7. what it takes

def test_what_it_would_take_for_an_interim_direct_level():
    total = goal(indicator="gdp", unit="亿元", target=160, baseline=(100, 2005))  # a total: compound path
    a, _ = account(total, [obs(indicator="gdp", year=2007, value=120, unit="亿元")])
    p = a.deciding.progress
    assert p.pace_achieved == pytest.approx((1.2 ** 0.5 - 1) * 100)  # 9.54% a year since 2005
    assert p.pace_asked == pytest.approx((1.6 ** 0.2 - 1) * 100)  # 9.86%
    assert p.pace_needed == pytest.approx(((160 / 120) ** (1 / 3) - 1) * 100)  # 10.06% a year for 2008–2010
    assert p.growth_ratio == pytest.approx((1.2 ** 0.5 - 1) / (1.6 ** 0.2 - 1)) and a.status == "off_track"
    rate = goal(target=40, baseline=(35, 2005))  # a rate: linear path
    a, _ = account(rate, [obs(year=2007, value=36)])
    p = a.deciding.progress
    assert (p.pace_achieved, p.pace_asked, p.pace_needed) == pytest.approx((0.5, 1.0, 4 / 3))
    assert p.required == pytest.approx(37) and p.time_share == pytest.approx(0.4)
    assert p.completion == pytest.approx(0.2) and a.status == "off_track"


# ---------------------------------------------------------------------------------------------- 8. proxy words

def test_a_proxy_status_reads_as_one():
    a, data = account(goal(measure="annual_increase", unit="百分点", target=1.0, baseline=(35, 2005)),
                      [obs(area="city", year=2007, value=1.2, unit="百分点", measure="annual_increase")])
    assert Locale("zh", data).status(a.status, a.basis) == "代用数据：符合进度"
    assert Locale("en", data).status(a.status, a.basis) == "Proxy: on track"
    # with the year of the figure it rests on, wherever a goal's status is shown
    assert Locale("zh", data).goal_status(a) == "代用数据：符合进度（2007年）"
    assert Locale("en", data).goal_status(a) == "Proxy: on track (2007)"
    assert Locale("zh", data).status("on_track", "direct") == "符合进度"


# ---------------------------------------------------------------------------------------------- other rules

OTHER = [
    # a figure's measure, unit, price basis and years → the rule that sets it aside
    (dict(measure="change_from_base_pct", value=10), "measure.other"),
    (dict(unit="亩", value=40), "unit.mismatch"),
    (dict(value=None, value_text="建成"), "figure.statement"),
    (dict(measure="yoy_growth", year=2005, value=8), "pace.outside_period"),  # growth of the base year itself
    (dict(measure="yoy_growth", year=2010, value=8), "pace.level_year"),  # a level's target year needs a level
    (dict(measure="yoy_growth", year=2012, value=8), "pace.outside_period"),
]


@pytest.mark.parametrize("figure, code", OTHER)
def test_figures_set_aside(figure, code):
    kw = dict(year=2007, unit="%")
    kw.update(figure)
    a, _ = account(goal(target=40, baseline=(35, 2005)), [obs(**kw)])
    assert a.evidence[0].excluded_by == code and a.status == "no_comparable_data"


def test_a_level_on_another_price_basis_is_set_aside_and_a_growth_rate_counts_with_the_caveat():
    g = goal(indicator="gdp", unit="亿元", target=170, baseline=(120.88, 2005), price_basis="current")
    a, data = account(g, [obs(id="level", indicator="gdp", year=2007, value=150, unit="亿元", price_basis="comparable"),
                          obs(id="rate", indicator="gdp", year=2007, value=12, measure="yoy_growth",
                              price_basis="comparable")])
    e = by_id(a)
    assert e["level"].excluded_by == "caliber.price_basis"
    assert e["rate"].comparable and "caveat.pace" in [r.code for r in e["rate"].reasons]
    assert a.deciding is e["rate"] and a.status == "on_track"  # the district's own growth (direct), with the caveat
    zh = Locale("zh", data).reason(a.reason)
    assert "增长按可比价计算，目标按现价（当年价格）" in zh


def test_no_evidence_is_said_only_when_nothing_bears_on_the_goal():
    a, data = account(goal(), [])
    assert a.reason.code == "reason.no_evidence"
    a, data = account(goal(), [obs(indicator="green_coverage_rate", value=45)])
    assert a.reason.code == "reason.none_comparable" and "均不可比" in Locale("zh", data).reason(a.reason)


def test_ranking_direct_before_proxy_then_final_before_interim_then_nearest():
    g = goal(target=40, baseline=(35, 2005))
    figures = [obs(id="proxy-final", area="city", year=2007, value=1.5, unit="百分点", measure="annual_increase"),
               obs(id="direct-2007", year=2007, value=38), obs(id="direct-2009", year=2009, value=39.5),
               obs(id="direct-2010", year=2010, value=39)]
    a, _ = account(g, figures)
    assert a.deciding.observation.id == "direct-2010" and (a.status, a.timing) == ("missed", "final")
    a, _ = account(g, figures[:3])
    assert a.deciding.observation.id == "direct-2009"


UNITS_OF_ONE_QUANTITY = [
    # (goal's unit, target, figure's unit, value) → verdict: a figure in another unit of the same quantity is
    # judged in the goal's unit (52万头(只) written as 520000头); a unit of another quantity never is
    ("亿元", 170, "万元", 1_750_000, "meets"),  # 175亿元
    ("万头(只)", 50, "头", 520_000, "meets"),  # 52万头(只)
    ("万头(只)", 50, "只", 480_000, "misses"),  # 48万头(只)
    ("亿元", 170, "个", 566, None),  # a count is not a sum of money
]


@pytest.mark.parametrize("goal_unit, target, unit, value, verdict", UNITS_OF_ONE_QUANTITY)
def test_a_figure_in_another_unit_of_the_same_quantity_is_judged_in_the_goals(goal_unit, target, unit, value, verdict):
    g = goal(indicator="gdp", unit=goal_unit, target=target, baseline=None)
    a, _ = account(g, [obs(indicator="gdp", year=2010, value=value, unit=unit)])
    (e,) = a.evidence
    assert e.verdict == verdict and e.comparable == (verdict is not None)
