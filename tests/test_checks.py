"""The checks that catch silent mistakes: the qualifier and the unit beside the number in the quote, a figure 100×
away from its goal, years before the plan's base year, the qualifiers 以下/低于/不超过, the closest passage of a
quote that is not found."""

from __future__ import annotations

import pytest

from dashboard.records.load import load
from dashboard.records.numbers import mentions, qualifier_class
from dashboard.records.sources import closest_passage, squeeze

# text, value → (unit text after the number starts with, qualifier beside it)
MENTIONS = [
    ("城镇登记失业率继续控制在2%以内", 2, "%", "以内"),
    ("全市建成区绿地率提高了1.2个百分点，达到38.7%", 38.7, "%", "达到"),
    ("全市建成区绿地率提高了1.2个百分点，达到38.7%", 1.2, "个百分点", None),
    ("辖区人口24万人左右", 24, "万人", "左右"),
    ("辖区人口24万人左右", 240000, "人", "左右"),  # 24万 read as 240000 (unit 人)
    ("人均公共绿地面积不低于12平方米", 12, "平方米", "不低于"),
    ("单位生产总值能耗节约10%", 10, "%", None),  # 节约 is no 约
    ("全年完成工业增加值449亿元", 449, "亿元", None),
    ("城镇登记失业率低于4%", 4, "%", "低于"),
    ("不超过5%", 5, "%", "不超过"),
    ("2%以下", 2, "%", "以下"),
    ("翻一番", 2, None, None),  # stated in words: no mention
]


@pytest.mark.parametrize("text, value, unit, qualifier", MENTIONS)
def test_the_words_beside_a_number(text, value, unit, qualifier):
    found = mentions(value, text)
    if unit is None:
        assert found == []
        return
    assert found[0].unit_text.startswith(unit)
    assert found[0].qualifier == qualifier


def test_qualifier_classes_follow_the_model_intervals():
    assert qualifier_class("以下") == qualifier_class("以内") == qualifier_class("不超过") == "at_most"
    assert qualifier_class("低于") == qualifier_class("不到") == "less_than"
    assert qualifier_class("达") == qualifier_class("达到") == qualifier_class(None) == "point"


def _edit(root, old: str, new: str, file: str = "actuals/doc-report.yaml") -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(root):
    _, report = load(root, root / "sources")
    return [(p.code, p.record, p.field) for p in report.problems if p.code != "stand-in-undeclared"], report


CASES = [
    ("qualifier-contradicts", "qualifier: 以内", "qualifier: 以上",
     ("qualifier-not-in-quote", "report-unemployment-2007", "qualifier")),
    ("qualifier-dropped", "    qualifier: 以内\n", "",
     ("qualifier-missing", "report-unemployment-2007", "qualifier")),
    ("unit-contradicts", 'value: 38.7\n    qualifier: 达到\n    unit: "%"', "value: 38.7\n    qualifier: 达到\n    unit: 平方米",
     ("unit-not-in-quote", "report-green-2007", "unit")),
    ("unit-100x", "area: test-city\n    year: 2007\n    value: 515\n    unit: 亿元",
     "area: test-district\n    year: 2007\n    value: 515\n    unit: 万元", ("unit-scale", "report-gdp-2007", "unit")),
    ("year-before-base", "  - id: report-gdp-2007\n    indicator: gdp\n    area: test-city\n    year: 2007",
     "  - id: report-gdp-2007\n    indicator: gdp\n    area: test-city\n    period: [2001, 2006]",
     ("period-before-base", "report-gdp-2007", "period")),
]


@pytest.mark.parametrize("old, new, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_silent_mistake_is_caught(minimal_root, old, new, expected):
    if expected[0] == "period-before-base":
        _edit(minimal_root, "years: [2006, 2007]", "years: [2001, 2007]")
    _edit(minimal_root, old, new)
    found, _ = _problems(minimal_root)
    assert expected in found, found


def test_unit_scale_warning_names_the_figure_and_the_goal(minimal_root):
    _edit(minimal_root, "area: test-city\n    year: 2007\n    value: 515\n    unit: 亿元",
          "area: test-district\n    year: 2007\n    value: 515\n    unit: 万元")
    _, report = load(minimal_root, minimal_root / "sources")
    warning = next(p for p in report.warnings if p.code == "unit-scale")
    assert warning.message_in("en").startswith(
        "515万元 is 1000× or more away from the target 170亿元, baseline 120.88亿元 of goal 'gdp-2010'")
    assert "515万元与目标“gdp-2010”的目标170亿元、基期值120.88亿元相差1000倍以上" in warning.message_in("zh")
    assert ("unit-not-in-quote", "report-gdp-2007", "unit") in [(p.code, p.record, p.field) for p in report.errors]


def test_another_areas_figure_is_not_compared_for_scale(minimal_root):
    _edit(minimal_root, "value: 515\n    unit: 亿元", "value: 515\n    unit: 万元")  # the city's, not the district's
    _, report = load(minimal_root, minimal_root / "sources")
    assert "unit-scale" not in [p.code for p in report.problems]


def test_a_year_inside_the_plan_is_no_warning(minimal_root):
    found, report = _problems(minimal_root)
    assert report.valid and not found


@pytest.mark.parametrize("word", ["以下", "不超过"])
def test_yixia_and_buchaoguo_are_accepted_for_a_quote_saying_yinei(minimal_root, word):
    _edit(minimal_root, "qualifier: 以内", f"qualifier: {word}")
    found, report = _problems(minimal_root)
    assert report.valid and not found, found


def test_a_qualifier_word_outside_the_list_gets_a_suggestion(minimal_root):
    _edit(minimal_root, "qualifier: 达到", "qualifier: 不低于")
    _, report = load(minimal_root, minimal_root / "sources")
    p = next(p for p in report.errors if p.code == "not-allowed")
    assert "did you mean '以上'?" in p.message_in("en") and "是否应为“以上”？" in p.message_in("zh")


def test_a_qualifier_far_before_the_number_in_its_clause_is_accepted(minimal_root):
    (minimal_root / "sources" / "report.txt").write_text(
        (minimal_root / "sources" / "report.txt").read_text(encoding="utf-8") + "每年民生支出均超过公共预算支出的80%。\n",
        encoding="utf-8")
    _edit(minimal_root, "  - id: report-gdp-2007", "  - id: report-share-2007\n    indicator: green_space_rate\n"
          "    area: test-city\n    year: 2007\n    value: 80\n    qualifier: 超过\n    unit: \"%\"\n"
          "    quote: 每年民生支出均超过公共预算支出的80%\n  - id: report-gdp-2007")
    found, report = _problems(minimal_root)
    assert report.valid, found


def test_closest_passage_and_first_differing_character():
    text = squeeze("全市建成区绿地率提高了1.2个百分点，达到38.7%。城镇登记失业率继续控制在2%以内。")
    near = closest_passage(text, squeeze("城镇登记失业率继续控制在3%以内"))
    assert near.position == 13 and near.quoted.startswith("3%") and near.found.startswith("2%")
    assert near.passage.startswith("城镇登记失业率继续控制在2%以内")
    first_wrong = closest_passage(text, squeeze("乡镇登记失业率继续控制在2%以内"))  # anchored on its end
    assert first_wrong.position == 1 and first_wrong.found.startswith("城")
    assert closest_passage(text, "完全不同的话") is None


# ---------------------------------------------------------------------------------------------- a goal's own area

WORDS_NAMING = [
    # quote (written by the district), area → the words that name it, or None
    ("为我市2010年实现创建“自治区园林城市”城市创造条件", "city", "我市"),  # our city: the city above the district
    ("全市建成区绿地率达40%以上", "city", "全市"),
    ("测试市大农业发展", "city", "测试市"),  # by its name
    ("为我区创造条件", "city", None),  # 我区 is the district itself
    ("全区生产总值达170亿元", "city", None),
    ("全区生产总值达170亿元", "district", "全区"),
    ("自治区级园林城市", "region", None),  # a rank, not an area
    ("占全市生产总值的10%", "city", None),  # the whole a share divides by
    ("保持在全疆中上等水平", "region", "全疆"),
]


@pytest.mark.parametrize("text, area, words", WORDS_NAMING)
def test_the_words_that_name_an_area(text, area, words):
    from dashboard.records.areas import words_naming
    from tests.builders import AREAS

    areas = {a.id: a for a in AREAS}
    areas["city"] = areas["city"].model_copy(update={"name": "测试市"})
    assert words_naming(text, area, "district", areas) == words


_TITLE_GOAL = """  - id: garden-city
    name: 为全市创建园林城市创造条件
    name_en: garden city
    group: environment
    chapter: 环境建设目标
    area: test-city
    indicator: gdp
    comparator: categorical
    target_text: 园林城市
    target_year: 2010
    quote: {quote}
"""


@pytest.mark.parametrize("quote, refused", [("为我市2010年实现创建园林城市创造条件", False),
                                            ("为我区2010年实现创建园林城市创造条件", True)])
def test_a_goal_speaks_for_another_area_only_where_its_quote_names_it(minimal_root, quote, refused):
    (minimal_root / "sources" / "plan.txt").open("a", encoding="utf-8").write(f"\n{quote}。\n")
    goals = minimal_root / "targets" / "goals-test.yaml"
    goals.write_text(goals.read_text(encoding="utf-8") + _TITLE_GOAL.format(quote=quote), encoding="utf-8")
    problems, report = _problems(minimal_root)
    assert (("goal-area-not-in-quote", "garden-city", "area") in problems) == refused
    data, _ = load(minimal_root, minimal_root / "sources")
    assert (data.goal("garden-city") is None) == refused  # refused: never judged as the city's
    if refused:
        p = next(p for p in report.problems if p.code == "goal-area-not-in-quote")
        assert "test-city" in p.located("en") and "测试市" in p.located("zh")


def test_every_whole_area_word_has_its_english_gloss():
    from dashboard.present.catalogue import CATALOGUE
    from dashboard.records.areas import WHOLE_AREA_WORDS

    assert {f"area.word.{w}" for w in WHOLE_AREA_WORDS} <= CATALOGUE.keys()
