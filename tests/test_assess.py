"""The engine, on hand-computed cases: area and concept rules, the path, status and its ranking."""

from __future__ import annotations

import math

import pytest

from dashboard.judge.assess import Context, assess, completion, grade, growth_category, growth_ratio, required_value
from tests.builders import dataset, goal, obs


def one(goals, observations):
    return {a.goal.id: a for a in assess(dataset(goals, observations))}


# --- area and concept ------------------------------------------------------------------------------------------

AREA_CASES = [
    # (indicator, obs area, value, unit) → (comparable, basis, area_relation)
    ("green_space_rate", "district", 41, "%", True, "direct", "same"),
    ("green_space_rate", "city", 41, "%", True, "proxy", "parent"),  # a parent's rate: proxy only
    ("green_space_rate", "region", 41, "%", True, "proxy", "parent"),  # grandparent too
    ("green_space_rate", "elsewhere", 41, "%", False, None, "other"),  # unrelated area: never evidence
    ("gdp", "district", 180, "亿元", True, "direct", "same"),
    ("gdp", "city", 515, "亿元", False, None, "parent"),  # a total of a larger area never measures a district
    ("gdp", "elsewhere", 877, "亿元", False, None, "other"),
]


@pytest.mark.parametrize("indicator, area, value, unit, comparable, basis, relation", AREA_CASES)
def test_area_rule(indicator, area, value, unit, comparable, basis, relation):
    g = goal(indicator=indicator, unit=unit, target=170 if indicator == "gdp" else 40,
             baseline=(120.88, 2005) if indicator == "gdp" else (35, 2005))
    e = grade(g, obs(indicator=indicator, area=area, value=value, unit=unit), Context(dataset([g], [])))
    assert (e.comparable, e.basis, e.area_relation) == (comparable, basis, relation)


def test_growth_rate_of_parent_total_is_a_proxy_not_a_total():
    g = goal(id="gdp-growth", indicator="gdp", measure="annual_growth_rate", target=7, baseline=None)
    e = grade(g, obs(indicator="gdp", area="city", year=2007, value=12, measure="yoy_growth"), Context(dataset([g], [])))
    assert (e.comparable, e.basis) == (True, "proxy")


def test_different_concept_is_never_comparable_even_in_the_same_area():
    g = goal()
    e = grade(g, obs(indicator="green_coverage_rate", area="district", value=45), Context(dataset([g], [])))
    assert (e.comparable, e.concept) == (False, "different")
    assert "绿化覆盖率" in e.reason


def test_related_concept_in_same_area_is_at_best_proxy():
    g = goal(indicator="public_green", target=10, unit="平方米", baseline=None)
    e = grade(g, obs(indicator="park_green", area="district", value=11, unit="平方米"), Context(dataset([g], [])))
    assert (e.comparable, e.basis, e.concept) == (True, "proxy", "related")


def test_units_convert_or_are_refused():
    g = goal(indicator="gdp", unit="亿元", target=170, baseline=(120.88, 2005))
    ctx = Context(dataset([g], []))
    e = grade(g, obs(indicator="gdp", value=1_800_000, unit="万元"), ctx)  # 180亿元
    assert e.comparable and e.interval.lower == pytest.approx(180)
    e = grade(g, obs(indicator="gdp", value=180, unit="%"), ctx)
    assert not e.comparable and "unit.mismatch" in e.excluded_by


# --- path arithmetic ----------------------------------------------------------------------------------------------


def test_linear_path_and_progress_green_space():
    # 35% (2005) → 40% (2010): by 2007 the path asks 35 + 5 × 2/5 = 37
    assert required_value("linear", 35, 40, 0.4) == pytest.approx(37)
    assert completion("linear", 35, 40, 38.7) == pytest.approx(0.74)


def test_compound_path_income():
    # 10788 → 15000 over 5 years; by 2007: 10788 × (15000/10788)^0.4
    expected = 10788 * (15000 / 10788) ** 0.4
    assert required_value("compound", 10788, 15000, 0.4) == pytest.approx(expected)
    assert expected == pytest.approx(12308.4, abs=0.1)
    # completion on the same (log) scale: at the required value it equals the time share
    assert completion("compound", 10788, 15000, expected) == pytest.approx(0.4)


def test_growth_ratio_open_sdg():
    # base 100 (2005), target 200 (2015): required CAGR = 2^(1/10) − 1 = 7.177%
    # observed 150 in 2010: CAGR = 1.5^(1/5) − 1 = 8.447% → R = 1.177
    r = growth_ratio(100, 2005, 200, 2015, 150, 2010)
    assert r == pytest.approx((1.5 ** 0.2 - 1) / (2 ** 0.1 - 1))
    assert growth_category(r) == "on_track"
    assert growth_category(0.7) == "needs_acceleration"
    assert growth_category(0.3) == "limited"
    assert growth_category(-0.1) == "backwards"
    assert growth_ratio(100, 2005, 200, 2015, 90, 2010) < 0


# --- status -------------------------------------------------------------------------------------------------------

STATUS_CASES = [
    # goal kwargs, observation kwargs → (status, basis, timing)
    ({}, {"year": 2010, "value": 41}, ("achieved", "direct", "final")),
    ({}, {"year": 2010, "value": 39}, ("missed", "direct", "final")),
    ({}, {"year": 2012, "value": 41}, ("achieved", "direct", "late")),  # reached late
    ({}, {"year": 2012, "value": 39}, ("missed", "direct", "late")),  # still short
    ({}, {"year": 2010, "value": 39, "qualifier": "以上"}, ("indeterminate", "direct", "final")),
    ({}, {"year": 2007, "value": 37.5}, ("on_track", "direct", "interim")),  # path asks 37 in 2007
    ({}, {"year": 2007, "value": 36.5}, ("off_track", "direct", "interim")),
    ({}, {"year": 2007, "value": 36, "qualifier": "以上"}, ("indeterminate", "direct", "interim")),  # straddles 37
    ({}, {"year": 2007, "value": 38.7, "area": "city"}, ("on_track", "proxy", "interim")),
    # a ceiling met at an interim year is on track
    ({"indicator": "unemployment", "comparator": "<=", "target": 3, "baseline": (1.41, 2005)},
     {"indicator": "unemployment", "year": 2007, "value": 2, "qualifier": "以内", "area": "city"},
     ("on_track", "proxy", "interim")),
    # a period after the target year
    ({}, {"period": (2016, 2020), "value": 39.9, "area": "city"}, ("missed", "proxy", "late")),
    # a period spanning the target year is final
    ({}, {"period": (2006, 2010), "value": 40.5}, ("achieved", "direct", "final")),
]


@pytest.mark.parametrize("g, o, expected", STATUS_CASES)
def test_status(g, o, expected):
    a = one([goal(**g)], [obs(**o)])["g"]
    assert (a.status, a.basis, a.timing) == expected
    assert a.reason and a.reason_en


def test_no_evidence_and_only_non_comparable_evidence():
    assert one([goal()], [])["g"].status == "no_comparable_data"
    a = one([goal()], [obs(area="elsewhere"), obs(id="o2", indicator="green_coverage_rate")])["g"]
    assert a.status == "no_comparable_data" and a.basis is None
    assert len(a.evidence) == 2 and not any(e.comparable for e in a.evidence)  # kept visible with reasons
    assert "2" in a.reason


def test_direct_outranks_proxy_even_when_proxy_is_later():
    a = one([goal()], [obs(id="d", year=2007, value=37.5), obs(id="p", area="city", year=2010, value=41)])["g"]
    assert a.deciding.observation.id == "d" and a.status == "on_track" and a.basis == "direct"


def test_outcome_outranks_interim_then_nearest_year_wins():
    a = one([goal()], [obs(id="i", area="city", year=2009, value=39.8), obs(id="late", area="city", year=2019, value=39),
                       obs(id="late2", area="city", year=2012, value=41)])["g"]
    assert a.deciding.observation.id == "late2"  # 2012 is nearer 2010 than 2019
    assert a.status == "achieved" and a.timing == "late"
    assert [e.observation.id for e in a.evidence][-1] == "i"  # every other piece is still shown


def test_pace_measured_after_the_plan_period_is_not_evidence_of_it():
    g = goal(id="gdp-growth", indicator="gdp", measure="annual_growth_rate", target=7, unit="%", baseline=None)
    a = one([g], [obs(indicator="gdp", measure="yoy_growth", area="city", year=2021, value=12.3)])["gdp-growth"]
    assert a.status == "no_comparable_data"


def test_pace_goal_interim_year_against_required_pace():
    g = goal(id="gr", indicator="income", measure="annual_growth_rate", target=5, unit="%", baseline=None)
    a = one([g], [obs(indicator="income", measure="yoy_growth", area="city", year=2007, value=9.8)])["gr"]
    assert (a.status, a.basis) == ("on_track", "proxy")
    assert a.deciding.progress.growth_ratio == pytest.approx(9.8 / 5)
    a = one([g], [obs(indicator="income", measure="yoy_growth", area="city", year=2007, value=4)])["gr"]
    assert a.status == "off_track"


def test_categorical_goal_has_no_numeric_judgement():
    g = goal(id="air", comparator="categorical", target=None, unit=None, baseline=None, target_text="二级以上")
    a = one([g], [obs(value=90)])["air"]
    assert a.status == "no_comparable_data"


def test_interim_without_baseline_is_indeterminate_unless_already_met():
    g = goal(baseline=None)
    assert one([g], [obs(year=2007, value=38)])["g"].status == "indeterminate"
    assert one([g], [obs(year=2007, value=41)])["g"].status == "on_track"


def test_falling_target_path():
    # Engel coefficient 32% (2005) → <30% (2015); in 2010 the path asks ≤ 31
    g = goal(id="engel", indicator="income", comparator="<", target=30, year=2015, baseline=(32, 2005))
    assert one([g], [obs(indicator="income", year=2010, value=30.8)])["engel"].status == "on_track"
    assert one([g], [obs(indicator="income", year=2010, value=31.5)])["engel"].status == "off_track"


def test_raising_an_actual_never_worsens_a_floor_goal():
    order = ["missed", "off_track", "indeterminate", "on_track", "achieved"]
    for year in (2007, 2010, 2013):
        ranks = [order.index(one([goal()], [obs(year=year, value=v / 10)])["g"].status) for v in range(300, 460, 5)]
        assert ranks == sorted(ranks), year


def test_progress_numbers_on_deciding_interim_evidence():
    a = one([goal()], [obs(year=2007, value=38.7, area="city")])["g"]
    p = a.deciding.progress
    assert (p.path, p.year) == ("linear", 2007)
    assert p.required == pytest.approx(37) and p.time_share == pytest.approx(0.4)
    assert p.completion == pytest.approx(0.74)
    assert math.isclose(p.growth_ratio, ((38.7 / 35) ** 0.5 - 1) / ((40 / 35) ** 0.2 - 1))
