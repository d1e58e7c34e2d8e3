"""The bulk engine (numpy, every goal at once) gives the per-goal engine's answers, goal by goal, figure by figure."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.judge.assess import assess
from dashboard.judge.bulk import assess_bulk, statuses
from dashboard.records.model import Area
from tests.builders import AREAS, INDICATORS, dataset, goal, obs


def _none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def assert_same(data) -> None:
    """Every goal's status, basis, timing, path, deciding figure and counts, and every piece of evidence in order,
    as `assess.assess` gives them."""
    expected = assess(data)
    bulk = assess_bulk(data)
    goals = bulk.goals.to_dict("records")
    assert len(goals) == len(expected)
    for row, a in zip(goals, expected, strict=True):
        got = (row["id"], row["status"], _none(row["basis"]), _none(row["timing"]), row["path"],
               _none(row["deciding_observation"]), row["evidence"], row["comparable"])
        want = (a.goal.id, a.status, a.basis, a.timing, a.path, a.deciding.observation.id if a.deciding else None,
                len(a.evidence), sum(e.comparable for e in a.evidence))
        assert got == want
    rows = bulk.evidence.to_dict("records")
    want_rows = []
    for a in expected:
        for e in a.evidence:
            p = e.progress
            want_rows.append((a.goal.id, e.observation.id, e.area_relation, e.concept, e.comparable, e.basis, e.timing,
                              e.interval.lower, e.interval.upper, e.interval.lower_open, e.interval.upper_open,
                              e.verdict, e.path_verdict,
                              p.required if p is not None and p.time_share is not None else None))
    got_rows = [tuple(_none(r[c]) for c in bulk.evidence.columns) for r in rows]
    assert got_rows == want_rows
    assert statuses(data) == {a.goal.id: a.status for a in expected}
    assert assess_bulk(data, evidence=False).goals.equals(bulk.goals)  # the short way decides alike


def test_real_data_same_as_per_goal_engine(real):
    data, _ = real
    assert_same(data)


def test_hand_cases_same_as_per_goal_engine():
    goals = [
        goal(id="floor"), goal(id="ceiling", comparator="<=", target=3.0, baseline=(4.0, 2005)),
        goal(id="approx", comparator="≈", target=40.0), goal(id="strict", comparator=">", target=40.0),
        goal(id="gdp", indicator="gdp", unit="亿元", target=170.0, baseline=(120.88, 2005)),
        goal(id="gdp-growth", indicator="gdp", measure="annual_growth_rate", target=7.0, paces="gdp"),
        goal(id="public-green", indicator="public_green", unit="平方米", target=12.0, baseline=(8.0, 2005)),
        goal(id="no-base", baseline=None), goal(id="cat", comparator="categorical", target=None, unit=None,
                                                target_text="二级以上"),
        goal(id="flat", target=35.0, baseline=(35.0, 2005)),
    ]
    observations = [
        obs(id="o1", year=2007, value=38.0), obs(id="o2", year=2010, value=41.0, qualifier="以上"),
        obs(id="o3", area="city", year=2008, value=39.0, qualifier="左右"),
        obs(id="o4", area="elsewhere", year=2010, value=50.0),
        obs(id="o5", indicator="gdp", unit="万元", year=2007, value=1500000.0, area="district"),
        obs(id="o6", indicator="gdp", area="city", year=2007, value=515.0, unit="亿元"),
        obs(id="o7", indicator="gdp", area="city", year=2007, value=12.0, measure="yoy_growth"),
        obs(id="o8", indicator="gdp", area="district", year=2012, value=9.0, measure="yoy_growth"),
        obs(id="o9", indicator="park_green", unit="平方米", year=2009, value=11.0),
        obs(id="o10", indicator="green_coverage_rate", year=2010, value=45.0),
        obs(id="o11", year=2009, value=2.0, qualifier="不到", unit="‰"),
        obs(id="o12", period=(2006, 2010), value=40.0, qualifier="近"),
        obs(id="o13", year=2015, value=39.0, qualifier="超过"),
    ]
    assert_same(dataset(goals, observations))


def test_goals_with_their_own_areas_see_their_own_figures():
    areas = AREAS + (Area(id="district-2", name="二区", name_en="District 2", level="district", parent="city"),)
    goals = [goal(id="a"), goal(id="b", area="district-2")]
    observations = [obs(id="own-a", year=2010, value=41.0), obs(id="own-b", area="district-2", value=30.0),
                    obs(id="city", area="city", year=2007, value=38.0), obs(id="stray", area="elsewhere")]
    data = dataset(goals, observations).model_copy(update={"areas": areas})
    assert_same(data)
    by_goal = {a.goal.id: [e.observation.id for e in a.evidence] for a in assess(data)}
    assert sorted(by_goal["a"]) == ["city", "own-a", "stray"]  # not district 2's figure
    assert sorted(by_goal["b"]) == ["city", "own-b", "stray"]


FUZZ = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
values = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False)
qualifiers = st.sampled_from([None, "达到", "以上", "超过", "以内", "不到", "低于", "左右", "约", "近"])
obs_strategy = st.builds(
    lambda i, ind, area, year, value, q, unit, measure: obs(
        id=f"o{i}", indicator=ind, area=area, year=year, value=value, qualifier=q, unit=unit, measure=measure),
    i=st.integers(0, 10**6), ind=st.sampled_from([i.id for i in INDICATORS]),
    area=st.sampled_from(["district", "city", "region", "elsewhere"]), year=st.integers(2000, 2020), value=values,
    q=qualifiers, unit=st.sampled_from(["%", "亿元", "万元", "元", "平方米"]),
    measure=st.sampled_from(["level", "level", "yoy_growth", "annual_growth_rate", "annual_increase"]),
)
goal_strategy = st.builds(
    lambda i, ind, comparator, target, unit, year, base, measure: goal(
        id=f"g{i}", indicator=ind, comparator=comparator, target=target, unit=unit, year=year, baseline=base,
        measure=measure),
    i=st.integers(0, 10**6), ind=st.sampled_from([i.id for i in INDICATORS]),
    comparator=st.sampled_from([">=", ">", "<=", "<", "≈", "="]), target=values,
    unit=st.sampled_from(["%", "亿元", "万元", "元"]), year=st.sampled_from([2006, 2008, 2010, 2015]),
    base=st.one_of(st.none(), st.tuples(values, st.integers(2000, 2005))),
    measure=st.sampled_from(["level", "level", "annual_growth_rate", "annual_increase"]),
)


@FUZZ
@given(goals=st.lists(goal_strategy, max_size=6, unique_by=lambda g: g.id),
       observations=st.lists(obs_strategy, max_size=25, unique_by=lambda o: o.id))
def test_random_collections_same_as_per_goal_engine(goals, observations):
    assert_same(dataset(goals, observations))
