"""Plan coherence on hand-computed cases and on the real plan."""

import pytest

from dashboard.judge.coherence import findings
from tests.builders import dataset, goal


def test_pace_weaker_than_level():
    # 10788 × 1.05^5 = 13768.6 < 15000: the pace target cannot deliver the level target
    level = goal(id="inc", indicator="income", target=15000, unit="元", baseline=(10788, 2005))
    pace = goal(id="inc-g", indicator="income", measure="annual_growth_rate", target=5, paces="inc", baseline=None)
    (f,) = findings(dataset([level, pace], []))
    assert f.verdict == "pace_weaker"
    assert f.level_at_stated_pace == pytest.approx(10788 * 1.05**5)
    assert f.implied_pace == pytest.approx(((15000 / 10788) ** 0.2 - 1) * 100)
    assert f.gap == pytest.approx(10788 * 1.05**5 / 15000 - 1)


def test_annual_increase_and_consistent_case():
    level = goal(id="rural", indicator="income", target=8000, unit="元", baseline=(5850, 2005))
    pace = goal(id="rural-i", indicator="income", measure="annual_increase", target=450, unit="元", paces="rural", baseline=None)
    (f,) = findings(dataset([level, pace], []))
    assert f.level_at_stated_pace == pytest.approx(8100) and f.implied_pace == pytest.approx(430)
    assert f.verdict == "pace_stronger"  # 1.25% over the level: more than rounding
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
    assert by_pace["gdp-growth"].verdict == "consistent"  # 120.88 × 1.07^5 = 169.5 ≈ 170
    assert by_pace["fiscal-revenue-growth"].verdict == "pace_stronger"  # 4.33 × 1.15^5 = 8.71 > 8
    assert by_pace["fiscal-revenue-growth"].implied_pace == pytest.approx(13.06, abs=0.01)
    assert by_pace["urban-income-growth"].verdict == "pace_weaker"  # 13769 < 15000
    assert by_pace["gdp-growth-2006-2015"].verdict == "pace_weaker"  # 7%/yr for 10 years = 1.967×, not 2×
    assert by_pace["agri-output-growth"].verdict == "unverifiable"
