"""Plan coherence on hand-computed cases and on the real plan."""

import pytest

from dashboard.judge.coherence import findings
from tests.builders import dataset, goal


def test_a_floor_pace_below_what_the_level_needs_agrees_with_it():
    # 年均增长5%以上 and 15000元以上: 15000 implies 6.81% a year, which is "5% or more": consistent; but the floor
    # alone (10788 × 1.05^5 = 13768.6) falls short of the level, and the finding says so
    level = goal(id="inc", indicator="income", target=15000, unit="元", baseline=(10788, 2005))
    pace = goal(id="inc-g", indicator="income", measure="annual_growth_rate", target=5, paces="inc", baseline=None)
    (f,) = findings(dataset([level, pace], []))
    assert f.verdict == "consistent" and f.floor_short
    assert f.reason.code == "coherence.consistent_floor"
    assert f.level_at_stated_pace == pytest.approx(10788 * 1.05**5)
    assert f.implied_pace == pytest.approx(((15000 / 10788) ** 0.2 - 1) * 100)
    assert f.gap == pytest.approx(10788 * 1.05**5 / 15000 - 1)


def test_annual_increase_and_consistent_case():
    level = goal(id="rural", indicator="income", target=8000, unit="元", baseline=(5850, 2005))
    pace = goal(id="rural-i", indicator="income", measure="annual_increase", target=450, unit="元", paces="rural", baseline=None)
    (f,) = findings(dataset([level, pace], []))
    assert f.level_at_stated_pace == pytest.approx(8100) and f.implied_pace == pytest.approx(430)
    # two floors: 5850 + 5 × 450 = 8100 ≥ 8000, so meeting the pace meets the level; the level is looser by 100元
    assert f.verdict == "consistent" and f.pace_implies_level and f.reason.code == "coherence.pace_implies_level"
    assert f.gap == pytest.approx(0.0125)
    point = goal(id="rural", indicator="income", comparator="=", target=8000, unit="元", baseline=(5850, 2005))
    assert findings(dataset([point, pace], []))[0].verdict == "pace_stronger"  # a point level is no floor
    pace2 = goal(id="rural-i", indicator="income", measure="annual_increase", target=430, unit="元", paces="rural", baseline=None)
    assert findings(dataset([level, pace2], []))[0].verdict == "consistent"


def test_no_baseline_gives_the_implied_one():
    level = goal(id="agri", indicator="gdp", target=1.04, unit="亿元", baseline=None)
    pace = goal(id="agri-g", indicator="gdp", measure="annual_growth_rate", target=8, paces="agri", baseline=None)
    (f,) = findings(dataset([level, pace], []))
    assert f.verdict == "unverifiable" and f.implied_baseline == pytest.approx(1.04 / 1.08**5)


def test_real_plan_inconsistencies(real):
    data, _ = real
    by_pace = {f.pace_goal.id: f for f in findings(data)}
    # 7% a year at comparable prices, 170亿元 at current prices: price bases differ, so no comparison
    assert by_pace["gdp-growth"].verdict == "unverifiable"
    assert by_pace["gdp-growth"].reason.code == "coherence.price_bases_differ"
    # 4.33 × 1.15^5 = 8.71 ≥ 8: two floors, the pace implies the level (looser by 0.71亿元)
    assert by_pace["fiscal-revenue-growth"].verdict == "consistent" and by_pace["fiscal-revenue-growth"].pace_implies_level
    assert by_pace["fiscal-revenue-growth"].implied_pace == pytest.approx(13.06, abs=0.01)
    assert by_pace["urban-income-growth"].verdict == "consistent"  # 15000 needs 6.81%: within "5%以上"
    assert by_pace["urban-income-growth"].floor_short  # but 5% alone reaches only 13769
    # 8000 needs only 430元/年; 450元以上 gives 8100 ≥ 8000: the pace implies the level
    assert by_pace["rural-income-increase"].verdict == "consistent" and by_pace["rural-income-increase"].pace_implies_level
    # 翻一番 at comparable prices (1.074⁵ × 1.07⁵ = 2.004) against 170亿元 at current prices: no comparison
    assert by_pace["gdp-multiple-2000"].verdict == "unverifiable"
    # doubling 2005–2015 needs 7.18% a year: within "超过7%"; 7% alone gives 1.967×
    assert by_pace["gdp-growth-2006-2015"].verdict == "consistent" and by_pace["gdp-growth-2006-2015"].floor_short
    assert by_pace["agri-output-growth"].verdict == "unverifiable"


def test_a_point_pace_must_reach_the_level_and_a_ceiling_pace_bounds_it():
    level = goal(id="lv", indicator="income", target=15000, unit="元", baseline=(10788, 2005))
    point = goal(id="p", indicator="income", measure="annual_growth_rate", comparator="=", target=5, paces="lv",
                 baseline=None)
    assert findings(dataset([level, point], []))[0].verdict == "pace_weaker"
    ceiling = goal(id="c", indicator="income", measure="annual_growth_rate", comparator="<=", target=5, paces="lv",
                   baseline=None)
    assert findings(dataset([level, ceiling], []))[0].verdict == "pace_weaker"  # 6.81% needed, at most 5% allowed


@pytest.mark.parametrize(("name_en", "inline"), [
    ("Per-capita disposable income", "per-capita disposable income"),  # a common noun: lower case mid-sentence
    ("GDP per capita", "GDP per capita"),  # an acronym keeps its capitals
    ("Engel coefficient", "Engel coefficient"),  # a name keeps its capital
    ("District heating coverage", "District heating coverage"),  # an area's name ("District") too
])
def test_a_goal_named_inside_an_english_reason_reads_as_part_of_the_sentence(name_en, inline):
    from dashboard.present.locale import Locale

    level = goal(id="inc", indicator="income", target=15000, unit="元", baseline=(10788, 2005), name_en=name_en)
    pace = goal(id="inc-g", indicator="income", measure="annual_growth_rate", target=5, paces="inc", baseline=None,
                name_en="Average annual growth")
    data = dataset([level, pace], [])
    (f,) = findings(data)
    en = Locale("en", data).reason(f.reason)
    assert en.startswith("Consistent: the " + inline + " target ")
    assert "implies average annual growth of" in en
    assert Locale("en", data).goal_name(level) == name_en  # a goal's own title is unchanged
