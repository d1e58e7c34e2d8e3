"""Small record builders for engine tests: a district inside a city, an unrelated prefecture."""

from __future__ import annotations

import datetime as dt

from dashboard.records.model import (
    Area,
    Dataset,
    Document,
    Goal,
    Indicator,
    IndicatorRelation,
    Observation,
    Plan,
    StandIn,
)

PLAN = Plan(id="p", name="测试规划", name_en="Test plan", area="district", period=(2006, 2010), base_year=2005,
            horizon_years=(2015,), source="plan.txt")
AREAS = (
    Area(id="region", name="自治区", name_en="Region", level="region"),
    Area(id="city", name="市", name_en="City", level="city", parent="region"),
    Area(id="district", name="区", name_en="District", level="district", parent="city"),
    Area(id="elsewhere", name="别处", name_en="Elsewhere", level="prefecture", parent="region"),
)
def _city(use: str) -> tuple[StandIn, ...]:
    return (StandIn(area="city", use=use, reason=f"测试声明：{use}", reason_en=f"test declaration: {use}"),)


INDICATORS = (
    Indicator(id="gdp", name="生产总值", name_en="GDP", kind="total", direction="higher", stand_in=_city("pace")),
    Indicator(id="green_space_rate", name="绿地率", name_en="green-space rate", kind="intensive", direction="higher",
              stand_in=_city("pace")),
    Indicator(id="green_coverage_rate", name="绿化覆盖率", name_en="green coverage", kind="intensive", relations=(
        IndicatorRelation(to="green_space_rate", relation="different", note="口径不同", note_en="wider measure"),)),
    Indicator(id="park_green", name="人均公园绿地", name_en="park green", kind="intensive", relations=(
        IndicatorRelation(to="public_green", relation="proxy", note="改称", note_en="renamed"),)),
    Indicator(id="public_green", name="人均公共绿地", name_en="public green", kind="intensive", stand_in=_city("pace")),
    Indicator(id="unemployment", name="失业率", name_en="unemployment", kind="intensive", direction="lower",
              stand_in=_city("level")),
    Indicator(id="income", name="人均可支配收入", name_en="income", kind="intensive", direction="higher",
              stand_in=_city("pace")),
    Indicator(id="share", name="第三产业比重", name_en="tertiary share", kind="intensive", direction="higher",
              stand_in=_city("none")),
    Indicator(id="undeclared", name="未声明", name_en="undeclared", kind="intensive", direction="higher"),
    Indicator(id="population", name="人口", name_en="population", kind="total", direction="neutral"),
    Indicator(id="energy", name="能耗", name_en="energy intensity", kind="intensive", direction="lower"),
    Indicator(id="income_new", name="收入（新口径）", name_en="income (new basis)", kind="intensive", relations=(
        IndicatorRelation(to="income", relation="pace", note="新口径", note_en="new basis"),)),
)
DOC = Document(id="doc", file="doc.txt", title="报告", title_en="Report", publisher="市政府",
               published=dt.date(2008, 2, 20), published_basis="stated", area="city", years=(2000, 2025))


def goal(id="g", indicator="green_space_rate", comparator=">=", target=40.0, unit="%", year=2010, baseline=(35.0, 2005),
         measure="level", paces=None, **kw) -> Goal:
    base = {"value": baseline[0], "year": baseline[1], "quote": "q"} if baseline else None
    return Goal(id=id, name=kw.pop("name", "目标"), name_en=kw.pop("name_en", "goal"), group="environment", chapter="c",
                indicator=indicator, measure=measure, unit=unit, comparator=comparator, target=target,
                target_year=year, baseline=base, paces=paces, quote="q", **kw)


def obs(id="o", indicator="green_space_rate", area="district", year=2010, value=40.0, qualifier=None, unit="%",
        measure="level", period=None, **kw) -> Observation:
    return Observation(id=id, indicator=indicator, measure=measure, area=area, year=None if period else year,
                       period=period, value=value, qualifier=qualifier, unit=unit, quote="q", document="doc", **kw)


def dataset(goals, observations) -> Dataset:
    return Dataset(plan=PLAN, goals=tuple(goals), indicators=INDICATORS, areas=AREAS, documents=(DOC,),
                   observations=tuple(observations))
