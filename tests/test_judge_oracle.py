"""The vectorised judge against the naive oracle (tests/oracle.py): every goal and every (goal, figure) pair, on
the real data, on synthetic data at several sizes, and on generated datasets (periods, categorical goals, pace
goals, multiples and changes, qualifiers, hold targets, stand-in declarations, related indicators)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.judge import rules
from dashboard.judge.engine import judge
from dashboard.records.model import Area, Dataset, Indicator, IndicatorRelation, Observation, StandIn
from tests import oracle
from tests.builders import DOC, PLAN, goal


def compare(data: Dataset) -> int:
    """Assert the engine equals the oracle; return the number of pairs compared."""
    expected = oracle.judge_all(data)
    result = judge(data, pairs=True)
    fast = judge(data, pairs=False).goals
    goals, pairs = result.goals, result.pairs
    assert pairs is not None
    obs_ids = [o.id for o in data.observations]
    seen: set[str] = set()
    for k, row in enumerate(goals.itertuples()):
        gid = row.id
        if gid in seen:
            continue
        seen.add(gid)
        want = expected[gid]
        got = (str(row.status), None if row.basis != row.basis else str(row.basis),
               None if row.timing != row.timing else str(row.timing), str(row.path), row.deciding_observation)
        assert got == (want.status, want.basis, want.timing, want.path, want.deciding), gid
        f = fast.iloc[k]
        assert (str(f.status), f.deciding_observation) == (want.status, want.deciding), gid
        mine = pairs[pairs["goal"] == row.index]
        assert sorted(obs_ids[i] for i in mine["observation"]) == sorted(want.pairs), gid
        for p in mine.itertuples():
            w = want.pairs[obs_ids[p.observation]]
            assert rules.ROLES[p.role] == w.role, (gid, w.obs)
            assert rules.EXCLUSIONS[p.exclusion] == w.exclusion, (gid, w.obs)
            assert rules.TIMINGS[p.timing] == w.timing, (gid, w.obs)
            if w.role in ("deciding", "evidence"):
                assert bool(p.settled) == w.settled, (gid, w.obs)
                assert rules.LIMITS[p.limit] == w.limit, (gid, w.obs)
                assert ("direct", "proxy")[p.basis - 1] == w.basis, (gid, w.obs)
                assert (rules.VERDICTS[p.verdict] or None) == w.verdict, (gid, w.obs)
                assert (rules.PATH_VERDICTS[p.path_verdict] or None) == w.path_verdict, (gid, w.obs)
                for name, value in w.numbers.items():
                    mine_v = getattr(p, name)
                    if value is None or (isinstance(value, float) and math.isnan(value)):
                        continue
                    assert mine_v == pytest.approx(value, rel=1e-9, abs=1e-9), (gid, w.obs, name)
    return len(pairs)


def test_real_data(real):
    data, _ = real
    assert compare(data) > 50


@pytest.mark.parametrize("size", [1, 3])
def test_synthetic_data(tmp_path, size):
    from benchmarks.synth import generate
    from dashboard.records.load import load

    root = tmp_path / "synth"
    generate(root, root / "sources", size)
    data, _ = load(root, root / "sources")
    assert compare(data) > 0


# ---------------------------------------------------------------------------------------------- generated

AREAS = (
    Area(id="region", name="区域", name_en="Region", level="region"),
    Area(id="city", name="市", name_en="City", level="city", parent="region"),
    Area(id="district", name="区", name_en="District", level="district", parent="city"),
    Area(id="elsewhere", name="别处", name_en="Elsewhere", level="prefecture", parent="region"),
)
QUALIFIERS = [None, "达", "以上", "超过", "以内", "以下", "不到", "低于", "左右", "约", "近", "不超过"]
GOAL_MEASURES = ["level", "annual_growth_rate", "annual_increase", "change_from_base_pct", "multiple_of_base"]
OBS_MEASURES = GOAL_MEASURES + ["yoy_growth"]
UNITS = {"level": ["%", "元", "万元", "亿元"], "annual_growth_rate": ["%"], "annual_increase": ["元", "百分点"],
         "change_from_base_pct": ["%"], "multiple_of_base": ["倍"], "yoy_growth": ["%"]}


@st.composite
def datasets(draw):
    uses = ["pace", "level", "none", None]
    indicators = []
    for name in ("a", "b"):
        use = draw(st.sampled_from(uses))
        stand = (StandIn(area="city", use=use, reason="r"),) if use else ()
        indicators.append(Indicator(id=name, name=name, name_en=name, kind=draw(st.sampled_from(["intensive", "total"])),
                                    direction=draw(st.sampled_from([None, "higher", "lower", "neutral"])),
                                    stand_in=stand))
    relation = draw(st.sampled_from(["proxy", "pace", "different"]))
    indicators.append(Indicator(id="c", name="c", name_en="c", kind="intensive",
                                relations=(IndicatorRelation(to="a", relation=relation, note="n"),)))
    goals = []
    for k in range(draw(st.integers(1, 4))):
        measure = draw(st.sampled_from(GOAL_MEASURES))
        comparator = draw(st.sampled_from([">=", ">", "<=", "<", "≈", ">=", "≈", "=", "categorical"]))
        unit = draw(st.sampled_from(UNITS[measure]))
        categorical = comparator == "categorical"
        target = None if categorical else draw(st.sampled_from([2.0, 7.0, 40.0, 100.0, -20.0, 15000.0]))
        base = draw(st.sampled_from([(35.0, 2005), None, (10.0, 2005), (100.0, 2000), (40.0, 2005), (5.0, 2005)]))
        goals.append(goal(id=f"g{k}", indicator=draw(st.sampled_from(["a", "b"])), comparator=comparator,
                          target=target, unit=None if categorical else unit, measure=measure,
                          year=draw(st.sampled_from([2008, 2010, 2015])), baseline=base,
                          target_text="完成" if categorical else None, hold=draw(st.integers(0, 3)) == 3,
                          price_basis=draw(st.sampled_from([None, "current", "comparable"]))))
        shown_only = draw(st.sampled_from([None, None, None, {"qualifier": "不到"}, {"unit": "美元"}]))
        if shown_only and goals[-1].baseline is not None:  # a baseline shown, never measured from
            goals[-1] = goals[-1].model_copy(update={"baseline": goals[-1].baseline.model_copy(update=shown_only)})
    obs = []
    for k in range(draw(st.integers(0, 10))):
        g = draw(st.sampled_from(goals))
        readable = list(oracle.READS[g.measure])
        measure = draw(st.sampled_from(OBS_MEASURES)) if draw(st.integers(0, 4)) == 4 else draw(st.sampled_from(readable))
        first = draw(st.integers(2003, 2016))
        period = draw(st.sampled_from([None, None, 0, 2, 4]))
        statement = draw(st.integers(0, 9)) == 9
        meets = draw(st.sampled_from([None, None, None, True, False]))
        near = [v for v in (g.target, g.baseline.value if g.baseline else None) if v is not None] or [40.0]
        value = draw(st.sampled_from([*near, near[0] * 0.97, near[0] * 1.03, 0.5, 1.0, 7.0, 12.0, 100.0]))
        units = UNITS[measure] + ([g.unit] if g.unit and measure == "level" else [])
        obs.append(Observation(
            id=f"o{k}", indicator=draw(st.sampled_from([g.indicator, g.indicator, "c", "a", "b"])), measure=measure,
            area=draw(st.sampled_from(["district", "district", "city", "city", "region", "elsewhere"])),
            year=first if period is None else None, period=None if period is None else (first, first + period),
            value=None if statement else value, value_text="建成" if statement else None,
            qualifier=draw(st.sampled_from(QUALIFIERS)),
            unit=None if statement else draw(st.sampled_from(units + ["亩"] if draw(st.integers(0, 9)) == 9 else units)),
            price_basis=draw(st.sampled_from([None, None, "current", "comparable"])), quote="q", document="doc",
            meets=meets, meets_reason="声明" if meets is not None else None,
            meets_reason_en="declared" if meets is not None else None))
    return Dataset(plan=PLAN, goals=tuple(goals), indicators=tuple(indicators), areas=AREAS, documents=(DOC,),
                   observations=tuple(obs))


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated(data):
    compare(data)


def test_engine_on_a_subset_of_goals_equals_the_whole(real):
    data, _ = real
    whole = judge(data, pairs=True)
    some = judge(data, goals=np.array([3, 17, 19]), pairs=True)
    for k in (3, 17, 19):
        a = whole.goals[whole.goals["index"] == k].drop(columns=[]).iloc[0]
        b = some.goals[some.goals["index"] == k].iloc[0]
        assert (a.status, a.deciding_observation) == (b.status, b.deciding_observation)
