"""What one figure may say on its own (issue 19), hand-computed, one table per rule: a larger area's pace never
decides a level goal nor a pace goal that runs past the plan's period; a level and a pace reading of one area and
year that disagree give no verdict; a growth rate on another price basis or concept counts with the caveat said;
every row's timing by its years; a categorical goal settled by a declared statement; the status label with its
evidence years and a neutral projection's band words.

Builders (tests/builders.py): the plan runs 2006–2010 (base 2005) for `district`, inside `city`; the city's green
space, GDP and income may stand in for their pace only, its unemployment for its level.
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


# ---------------------------------------------------------------------------------------------- 1. a pace alone

# green space 35% (2005) → 40% (2010), a linear path asking 1 point a year; a pace goal of 1 point a year (to 2010,
# or to 2015, past the plan's period); figures of one year, 2007.
PACE_ALONE = [
    # (goal, area, rise) → status, limit, path verdict, reason code
    ("level", "city", 1.2, "indeterminate", "pace.level_unknown", "on_track", "reason.pace.level_unknown"),
    ("level", "city", 0.8, "indeterminate", "pace.level_unknown", "off_track", "reason.pace.level_unknown"),
    ("level", "district", 1.2, "on_track", None, "on_track", "reason.pace.on_track"),  # the district's own pace
    ("pace-2010", "city", 1.2, "on_track", None, "on_track", "reason.pace.on_track"),  # a year of the plan's period
    ("pace-2010", "city", 0.8, "off_track", None, "off_track", "reason.pace.off_track"),
    ("pace-2015", "city", 1.2, "indeterminate", "pace.beyond_plan", "on_track", "reason.pace.beyond_plan"),
    ("pace-2015", "city", 0.8, "indeterminate", "pace.beyond_plan", "off_track", "reason.pace.beyond_plan"),
    ("pace-2015", "district", 1.2, "on_track", None, "on_track", "reason.pace.on_track"),  # direct: as before
]


@pytest.mark.parametrize("kind, area, rise, status, limit, path_verdict, code", PACE_ALONE)
def test_a_larger_areas_pace_speaks_for_its_own_years_pace_only(kind, area, rise, status, limit, path_verdict, code):
    if kind == "level":
        g = goal(target=40, baseline=(35, 2005))
    else:
        g = goal(measure="annual_increase", unit="百分点", target=1.0, baseline=(35, 2005),
                 year=2010 if kind == "pace-2010" else 2015)
    a, data = account(g, [obs(area=area, year=2007, value=rise, unit="百分点", measure="annual_increase")])
    e = a.deciding
    assert (a.status, e.limit, e.path_verdict, a.reason.code) == (status, limit, path_verdict, code)
    assert e.timing == "interim" and not e.settled


def test_the_level_unknown_reason_says_which_way_the_pace_leans_in_both_languages():
    g = goal(target=40, baseline=(35, 2005))
    for rise, zh_word, en_word in ((1.2, "增长有利", "pace favourable"), (0.8, "增长不利", "pace unfavourable")):
        a, data = account(g, [obs(area="city", year=2007, value=rise, unit="百分点", measure="annual_increase")])
        zh, en = Locale("zh", data).reason(a.reason), Locale("en", data).reason(a.reason)
        assert zh_word in zh and "水平未知" in zh and "按规划路径推算的年均1个百分点" in zh
        assert en_word in en and "level the goal asks is unknown" in en
        assert Locale("zh", data).goal_status(a) == "代用数据：无法判定（2007年）"


def test_a_full_period_average_of_a_larger_area_still_settles_a_pace_goal():
    # the rule limits one year of a longer average, not an average over the goal's own years
    g = goal(measure="annual_increase", unit="百分点", target=1.0, baseline=(35, 2005), year=2015)
    a, _ = account(g, [obs(area="city", period=(2006, 2015), year=None, value=1.1, unit="百分点",
                           measure="annual_increase")])
    assert (a.status, a.basis, a.timing, a.deciding.limit) == ("achieved", "proxy", "final", None)


# ---------------------------------------------------------------------------------------------- 2. two readings

# the district's own figures of 2007: the path asks 37% by 2007 and 1 point a year
READINGS = [
    # (level, rise) → status, deciding reading, limit
    (37.5, 1.2, "on_track", "level", None),  # both on: the level decides
    (36.0, 0.8, "off_track", "level", None),  # both off
    (36.0, 1.2, "indeterminate", "level", "readings.disagree"),  # level behind, pace ahead: no verdict
    (37.5, 0.8, "indeterminate", "level", "readings.disagree"),  # level ahead, pace behind
]


@pytest.mark.parametrize("level, rise, status, reading, limit", READINGS)
def test_a_level_and_a_pace_of_one_area_and_year_that_disagree_give_no_verdict(level, rise, status, reading, limit):
    g = goal(target=40, baseline=(35, 2005))
    a, data = account(g, [obs(id="level", year=2007, value=level),
                          obs(id="rise", year=2007, value=rise, unit="百分点", measure="annual_increase")])
    assert (a.status, a.deciding.reading, a.deciding.limit) == (status, reading, limit)
    if limit:
        assert a.reason.code == "reason.readings_disagree"
        zh = Locale("zh", data).reason(a.reason)
        assert "水平：" in zh and "增长：" in zh and f"{level:g}%" in zh and f"{rise:g}个百分点" in zh


def test_readings_of_different_years_do_not_clash():
    g = goal(target=40, baseline=(35, 2005))
    a, _ = account(g, [obs(id="level", year=2008, value=38.5),
                       obs(id="rise", year=2007, value=0.5, unit="百分点", measure="annual_increase")])
    assert (a.status, a.deciding.observation.id, a.deciding.limit) == ("on_track", "level", None)


# ---------------------------------------------------------------------------------------------- 3. caveats

CAVEATS = [
    # (goal's price basis, figure's, figure's indicator) → the caveat's words (zh), or None
    (None, "comparable", "gdp", "增长按可比价计算，目标未注明价格口径"),
    ("comparable", None, "gdp", "增长未注明价格口径，目标按可比价"),
    ("current", "comparable", "gdp", "增长按可比价计算，目标按现价（当年价格）"),
    ("comparable", "comparable", "gdp", None),
    (None, None, "gdp", None),
]


@pytest.mark.parametrize("goal_price, figure_price, indicator, words", CAVEATS)
def test_a_growth_rate_on_another_basis_counts_with_the_caveat_said(goal_price, figure_price, indicator, words):
    g = goal(indicator="gdp", measure="annual_growth_rate", unit="%", target=7, baseline=(100, 2005),
             price_basis=goal_price)
    a, data = account(g, [obs(indicator=indicator, year=2007, value=12, measure="yoy_growth",
                              price_basis=figure_price)])
    assert a.status == "on_track"
    zh = Locale("zh", data).reason(a.reason)
    if words is None:
        assert a.reason.code == "reason.pace.on_track" and "口径提示" not in zh
    else:
        assert a.reason.code == "reason.with_caveat" and words in zh


def test_a_growth_rate_of_a_pace_only_concept_says_which_concept():
    g = goal(indicator="income", measure="annual_growth_rate", unit="%", target=5, baseline=(10788, 2005))
    a, data = account(g, [obs(indicator="income_new", year=2007, value=9.8, measure="yoy_growth")])
    assert a.status == "on_track"
    assert "数据是收入（新口径），不是人均可支配收入" in Locale("zh", data).reason(a.reason)


# ---------------------------------------------------------------------------------------------- 4. timing

TIMING = [
    # a figure's years against the target year 2010 → timing (levels and paces alike)
    (dict(year=2009), "interim"),
    (dict(year=2010), "final"),
    (dict(period=(2008, 2012), year=None), "final"),  # its period contains the target year
    (dict(year=2011), "late"),
    (dict(period=(2019, 2022), year=None), "late"),
    (dict(year=2019, measure="yoy_growth", unit="%"), "late"),  # a growth rate set aside is still late
    (dict(year=2009, measure="yoy_growth", unit="%"), "interim"),
]


@pytest.mark.parametrize("kw, timing", TIMING)
def test_every_row_is_timed_by_its_own_years(kw, timing):
    g = goal(target=40, baseline=(35, 2005))
    a, _ = account(g, [obs(value=5.0, **kw)])
    assert a.evidence[0].timing == timing


# ---------------------------------------------------------------------------------------------- 5. declared

DECLARED = [
    # (area, year, meets) → status, basis, reason code
    ("district", 2007, True, "on_track", "direct", "reason.declared.interim.meets"),
    ("district", 2010, True, "achieved", "direct", "reason.declared.final.meets"),
    ("district", 2010, False, "missed", "direct", "reason.declared.final.misses"),
    ("district", 2007, False, "indeterminate", "direct", "reason.declared.interim.misses"),  # not yet: no path
    ("district", 2007, None, "no_comparable_data", None, "reason.none_comparable"),  # undeclared: set aside
    ("city", 2007, True, "on_track", "proxy", "reason.declared.interim.meets"),  # the city's level stands in
]


@pytest.mark.parametrize("area, year, meets, status, basis, code", DECLARED)
def test_a_categorical_goal_is_settled_only_by_a_declared_statement(area, year, meets, status, basis, code):
    g = goal(indicator="unemployment", comparator="categorical", target=None, unit=None, baseline=None,
             target_text="建成")
    why = dict(meets_reason="国家级高于自治区级", meets_reason_en="national exceeds regional") if meets is not None else {}
    a, data = account(g, [obs(indicator="unemployment", area=area, year=year, value=None, unit=None,
                              value_text="被命名为国家级", meets=meets, **why)])
    assert (a.status, a.basis, a.reason.code) == (status, basis, code)
    if meets is not None:
        assert a.deciding.declared == ("meets" if meets else "misses")
        assert "国家级高于自治区级" in Locale("zh", data).reason(a.reason)
        assert "national exceeds regional" in Locale("en", data).reason(a.reason)
    else:
        assert a.evidence[0].excluded_by == "categorical.no_numeric"


def test_a_declaration_needs_its_reason_in_both_languages():
    with pytest.raises(ValueError, match="meets_reason"):
        obs(value=None, unit=None, value_text="建成", meets=True, meets_reason="理由")


def test_a_declaration_never_lets_an_undeclared_area_speak():
    g = goal(indicator="undeclared", comparator="categorical", target=None, unit=None, baseline=None, target_text="建成")
    a, _ = account(g, [obs(indicator="undeclared", area="city", year=2007, value=None, unit=None, value_text="建成",
                           meets=True, meets_reason="是", meets_reason_en="yes")])
    assert a.status == "no_comparable_data" and a.evidence[0].excluded_by == "area.parent.none"


# ---------------------------------------------------------------------------------------------- 6. labels

LABELS = [
    # a neutral projection 24万人左右 (±5%: 22.8–25.2) and a figure of 2010 → the label in both languages
    (24.5, "在预期区间内（2010年）", "Within the expected band (2010)"),
    (26.1445, "高于预期区间（2010年）", "Above the expected band (2010)"),  # the 2010 census: 261,445
    (22.0, "低于预期区间（2010年）", "Below the expected band (2010)"),
]


@pytest.mark.parametrize("value, zh, en", LABELS)
def test_a_neutral_projection_reads_as_its_expected_band(value, zh, en):
    g = goal(indicator="population", comparator="≈", target=24, unit="万人", baseline=None)
    a, data = account(g, [obs(indicator="population", value=value, unit="万人")])
    assert a.band and Locale("zh", data).goal_status(a) == zh and Locale("en", data).goal_status(a) == en
    assert "已实现" not in Locale("zh", data).goal_status(a) and "未实现" not in Locale("zh", data).goal_status(a)


def test_a_directional_target_keeps_its_words_with_the_year():
    g = goal(target=40, baseline=(35, 2005))
    a, data = account(g, [obs(year=2006, value=37.5, period=(2006, 2007))])
    assert not a.band
    assert Locale("zh", data).goal_status(a) == "符合进度（2006—2007年）"
    assert Locale("en", data).goal_status(a) == "On track (2006–2007)"


def test_the_summary_rows_carry_what_the_label_needs():
    g = goal(indicator="population", comparator="≈", target=24, unit="万人", baseline=None)
    data = dataset([g], [obs(indicator="population", value=26.1445, unit="万人")])
    row = Judge(data).summary().iloc[0]
    assert (row.evidence_first, row.evidence_last, bool(row.band), row.band_side) == (2010, 2010, True, "above")


# ---------------------------------------------------------------------------------------------- 7. baselines shown only

BASELINES = [
    # a baseline stated as an interval, or in another unit than a level target → no path is drawn from it
    (dict(qualifier="不到"), "%", "none"),  # 不到1/10: shown, never a point to measure from
    (dict(unit="元"), "美元", "none"),  # 68682元 against a dollar target
    ({}, "%", "linear"),  # a plain baseline in the goal's unit: the path as before
]


@pytest.mark.parametrize("change, unit, path", BASELINES)
def test_a_baseline_that_is_an_interval_or_in_another_unit_is_shown_never_measured_from(change, unit, path):
    g = goal(target=40, baseline=(10, 2005), unit=unit)
    g = g.model_copy(update={"baseline": g.baseline.model_copy(update=change)})
    a, _ = account(g, [obs(year=2007, value=12, unit=unit)])
    assert a.path == path and (a.goal.progress_baseline is None) == (path == "none")
    assert a.goal.baseline is not None  # still there to be shown
    if path == "none":
        assert a.path_points == () and a.deciding.progress.required is None and a.status == "indeterminate"
