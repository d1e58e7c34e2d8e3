"""The reader's proposals, one hand-made text per phenomenon, over a small hand-made vocabulary; and every quote a
verbatim span of its text, over all source documents and random slices of them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.reader.normalise import normalise, to_simplified
from dashboard.reader.propose import propose_figures, propose_goals, reported_year
from dashboard.records.model import Area, Dataset, Document, Indicator, Observation
from tests.conftest import PROJECT, SHARED_SOURCES


def _ind(id: str, name: str, *aliases: str) -> Indicator:
    return Indicator(id=id, name=name, name_en=id, kind="intensive", aliases=aliases)


INDICATORS = (
    _ind("green_space_rate", "建成区绿地率"),
    _ind("green_coverage_rate", "建成区绿化覆盖率"),
    _ind("unemployment", "城镇登记失业率"),
    _ind("local_fiscal_revenue", "地方财政收入"),
    _ind("rural_net_income", "农牧民人均纯收入"),
    _ind("rural_disposable_income", "农村居民人均可支配收入"),
    _ind("urban_income", "城镇居民人均可支配收入"),
    _ind("urban_income_new", "城镇居民人均可支配收入（新口径）"),
    _ind("retention", "九年义务教育巩固率"),
    _ind("sewage", "生活污水处理率"),
    _ind("industrial_wastewater", "工业污水处理率"),
    _ind("garbage", "垃圾无害化处理率"),
    _ind("gdp", "地区生产总值", "生产总值"),
    _ind("tertiary_share", "第三产业增加值占生产总值比重"),
    _ind("swill_stations", "新建泔水处理站数", "泔水处理站"),
    _ind("population_growth", "人口自然增长率"),
    _ind("pig_stock", "生猪存栏"),
    _ind("cattle_stock", "牛存栏"),
    _ind("science_share", "政府科技投入占财政支出比重"),
)
AREAS = (
    Area(id="region", name="新疆维吾尔自治区", name_en="r", level="region"),
    Area(id="city", name="克拉玛依市", name_en="c", level="city", parent="region"),
    Area(id="district", name="克拉玛依区", name_en="d", level="district", parent="city"),
    Area(id="other-city", name="塔城市", name_en="t", level="county", parent="region"),
)
DATA = Dataset(plan=None, goals=(), indicators=INDICATORS, areas=AREAS, documents=(), observations=())


def figures(text: str, **kw):
    kw.setdefault("year", 2007)
    kw.setdefault("area", "city")
    found = propose_figures(text, DATA, **kw)
    for p in found:
        assert text[p.start:p.end] == p.quote
    return found


def one(found, indicator, measure="level"):
    hits = [p for p in found if p.indicator == indicator and p.measure == measure]
    assert len(hits) == 1, [(p.indicator, p.measure, p.value) for p in found]
    return hits[0]


# ---------------------------------------------------------------------------------------------- lists


def test_fenbie_pairs_a_list_with_its_values_in_order():
    found = figures("全地区学前三年毛入园率、九年义务教育巩固率、高中阶段毛入学率分别达99.89%、98.85%、96.05%。")
    assert one(found, "retention").value == 98.85
    assert [p.value for p in found] == [99.89, 98.85, 96.05]
    assert found[0].indicator is None and found[0].indicator_name.endswith("毛入园率")


def test_fenbie_pairs_with_the_clauses_before():
    found = figures("城镇居民人均可支配收入18151元，农牧民人均纯收入6442元，分别增长17%和18.4%。")
    assert one(found, "urban_income", "yoy_growth").value == 17
    assert one(found, "rural_net_income", "yoy_growth").value == 18.4
    assert one(found, "rural_net_income").value == 6442


def test_fenbie_pairs_years_with_values():
    found = figures("2011年、2012年农牧民人均纯收入分别达到16495元、18700.5元。")
    assert sorted((p.year, p.value) for p in found) == [(2011, 16495), (2012, 18700.5)]
    assert {p.indicator for p in found} == {"rural_net_income"}


def test_jun_applies_one_value_to_every_item():
    found = figures("城市供水普及率、生活污水处理率、垃圾无害化处理率均达到60%。")
    assert one(found, "sewage").value == 60 and one(found, "garbage").value == 60
    assert one(found, "garbage").qualifier == "达到"
    assert any(p.indicator is None and p.indicator_name == "城市供水普及率" for p in found)


def test_an_item_that_names_part_of_an_indicator_is_completed_from_its_neighbour():
    found = figures("工业、生活污水处理率均达100%。全区生猪存栏达到46000头，牛2000头。")
    assert one(found, "industrial_wastewater").value == 100
    assert one(found, "cattle_stock").value == 2000


# ---------------------------------------------------------------------------------------------- script and noise


def test_traditional_characters_match_and_the_quote_keeps_them():
    found = figures("全市建成區綠地率達到38.7%。")
    p = one(found, "green_space_rate")
    assert p.value == 38.7 and p.qualifier == "达到"
    assert "綠地率" in p.quote and "達到" in p.quote
    assert p.indicator_name == "建成區綠地率"


def test_a_range_is_not_one_figure():
    assert figures("目前全区人均可支配收入为1200～1300美元。") == []


def test_pinyin_inserted_after_a_character_stays_inside_the_quote():
    text = "全市建成区绿(lǜ)地率达到38.7%。"
    p = one(figures(text), "green_space_rate")
    assert "绿(lǜ)地率" in p.quote


def test_full_width_digits_and_punctuation():
    found = figures("全市建成区绿地率达到３８．７％，城镇登记失业率控制在２％以内。")
    assert one(found, "green_space_rate").value == 38.7
    p = one(found, "unemployment")
    assert (p.value, p.unit, p.qualifier) == (2, "%", "以内")
    assert "２％以内" in p.quote


def test_normalised_text_maps_back_to_the_original():
    text = "绿(lǜ)地率　达到 ３８．７％"
    norm = normalise(text)
    assert norm.text == "绿地率\n达到38.7%"
    i = norm.text.index("38.7%")
    assert norm.quote(i, i + 5) == "３８．７％"
    assert norm.quote(0, 1) == "绿(lǜ)"


# ---------------------------------------------------------------------------------------------- concepts


def test_a_concept_the_plan_does_not_share_is_not_mapped():
    found = figures("全市财政总收入38.98亿元。建成区绿化覆盖率为43.29%。农村居民人均可支配收入21914元。")
    assert not [p for p in found if p.indicator in ("local_fiscal_revenue", "green_space_rate", "rural_net_income")]
    assert one(found, "green_coverage_rate").value == 43.29
    assert one(found, "rural_disposable_income").value == 21914
    assert any(p.indicator is None and "财政总收入" in p.indicator_name for p in found)


def test_real_growth_carries_its_caliber():
    p = one(figures("农牧民人均纯收入6568元，实际增长9.5%。"), "rural_net_income", "yoy_growth")
    assert (p.value, p.caliber) == (9.5, "实际")


def test_a_bracketed_note_chooses_between_indicators():
    found = figures("城镇居民年人均可支配收入13109.6元（新口径），增长9.8%。城镇居民人均可支配收入32944元。")
    assert one(found, "urban_income_new").value == 13109.6
    assert one(found, "urban_income_new", "yoy_growth").caliber == "新口径"
    assert one(found, "urban_income").value == 32944


# ---------------------------------------------------------------------------------------------- where and when


def test_the_area_named_in_the_sentence_else_the_documents_own_never_assumed():
    found = figures("克拉玛依区城镇登记失业率为1.41%。全市建成区绿地率达到38.7%。塔城市建成区绿化覆盖率为40%。")
    assert one(found, "unemployment").area == "district"
    assert one(found, "green_space_rate").area == "city"
    assert one(found, "green_coverage_rate").area == "other-city"
    unknown = figures("建成区绿地率达到38.7%。全市城镇登记失业率为2%。", area=None)
    assert [(p.area, p.area_name) for p in unknown] == [(None, None), (None, "全市")]


def test_a_whole_area_word_is_the_documents_area_or_its_parent_of_that_level():
    found = figures("全市建成区绿地率达到38.7%。全疆城镇登记失业率为3.39%。", area="district")
    assert one(found, "green_space_rate").area == "city"
    assert one(found, "unemployment").area == "region"


def test_year_from_the_sentence_else_the_documents_and_spans():
    found = figures("2006年城镇登记失业率为2.1%。建成区绿地率达到38.7%。“十三五”时期，建成区绿化覆盖率43.72%。"
                    "2014年以来，生活污水处理率长期保持在90%以上。", years=(2014, 2019), year=2019)
    assert one(found, "unemployment").year == 2006
    assert one(found, "green_space_rate").year == 2019
    assert one(found, "green_coverage_rate").period == (2016, 2020)
    assert one(found, "sewage").period == (2014, 2019)


# ---------------------------------------------------------------------------------------------- counts and notes

#: Names that end in their count's unit (户数, 人次, 人数), an extent (面积), and a name whose note is an area (全市).
COUNT_DATA = Dataset(plan=None, goals=(), indicators=(
    _ind("private_firms", "私营企业户数"),
    _ind("individual_firms", "个体工商户户数"),
    _ind("enrolments", "社会保险新增扩面人次"),
    _ind("trained", "技能培训人数"),
    _ind("retrofit", "既有建筑节能改造面积"),
    _ind("farm_output", "农业总产值"),
    _ind("farm_output_city", "农业总产值（全市，推定含大农业）"),
), areas=AREAS, documents=(), observations=())


def count_figures(text: str, area: str | None = "city"):
    found = propose_figures(text, COUNT_DATA, year=2009, area=area)
    for p in found:
        assert text[p.start:p.end] == p.quote
    return found


def test_a_name_ending_in_its_counts_unit_is_found_without_it_for_a_count_in_that_unit():
    found = count_figures("全市私营企业达2100户、注册资金8.5亿元；个体工商户2.3万户。社会保险新增扩面3.1万人次。"
                          "全年技能培训4200人。")
    p = one(found, "private_firms")
    assert (p.value, p.unit, p.indicator_name) == (2100, "户", "私营企业")
    assert (one(found, "individual_firms").value, one(found, "individual_firms").unit) == (2.3, "万户")
    assert (one(found, "enrolments").value, one(found, "enrolments").unit) == (3.1, "万人次")
    assert (one(found, "trained").value, one(found, "trained").unit) == (4200, "人")
    firms = count_figures("全区私营企业达838家。")  # firms are counted by 户 or 家 alike
    assert (one(firms, "private_firms").value, one(firms, "private_firms").unit) == (838, "家")
    capital = [q for q in found if q.value == 8.5]
    assert [(q.indicator, q.unit) for q in capital] == [(None, "亿元")]  # the firms' capital is not their count


def test_a_name_without_its_counts_tail_names_no_other_figure_but_its_growth():
    found = count_figures("私营企业实现增加值30亿元。技能培训投入300万元。私营企业1200户，增长8%。")
    assert [(q.indicator, q.value) for q in found if q.unit in ("亿元", "万元")] == [(None, 30), (None, 300)]
    assert one(found, "private_firms").value == 1200
    assert one(found, "private_firms", "yoy_growth").value == 8


def test_an_extent_before_its_noun_and_dui_jinxing():
    done = count_figures("完成12.6万平方米既有建筑节能改造。")
    assert (one(done, "retrofit").value, one(done, "retrofit").unit, one(done, "retrofit").why) == (
        12.6, "万平方米", "count_before_noun")
    dui = count_figures("积极推进建筑节能，对8万平方米既有建筑进行了节能改造。")
    p = one(dui, "retrofit")
    assert (p.value, p.unit, p.indicator_name) == (8, "万平方米", "既有建筑进行了节能改造")
    checked = count_figures("对8万平方米既有建筑进行了安全检查。")  # not the retrofit
    assert [q.indicator for q in checked if q.value == 8] in ([], [None])


def test_a_note_naming_the_whole_area_holds_in_a_document_of_that_area():
    city = count_figures("全年实现农业总产值5.9亿元，同比增长29.3%。")
    assert one(city, "farm_output_city").value == 5.9
    assert one(city, "farm_output_city", "yoy_growth").value == 29.3
    district = count_figures("全年实现农业总产值5.9亿元。", area="district")  # 全市 is not a district's whole
    assert one(district, "farm_output").value == 5.9
    named = count_figures("克拉玛依区实现农业总产值3亿元。")  # another area named in the sentence
    assert one(named, "farm_output").area == "district"
    assert one(propose_goals("到2010年，农业总产值达到8亿元。", COUNT_DATA), "farm_output").target == 8


# ---------------------------------------------------------------------------------------------- numbers


def test_percentage_points_and_the_level_reached():
    found = figures("全市建成区绿地率提高了1.2个百分点，达到38.7%。人口自然增长率下降0.5个千分点，为5‰。")
    p = one(found, "green_space_rate", "annual_increase")
    assert (p.value, p.unit) == (1.2, "百分点")
    assert one(found, "green_space_rate").value == 38.7
    q = one(found, "population_growth", "annual_increase")
    assert (q.value, q.unit) == (-0.5, "千分点")
    assert one(found, "population_growth").unit == "‰"


def test_wan_and_yi_stay_as_printed_and_wan_dollars_fold():
    found = figures("地区生产总值877.47亿元。人均生产总值1万美元。")
    p = one(found, "gdp")
    assert (p.value, p.unit) == (877.47, "亿元")
    assert any(x.value == 10000 and x.unit == "美元" for x in found)


def test_thousands_separators_and_price_rises():
    found = figures("全市地区生产总值1,234.5亿元，比上年上涨3.2%。全年生产总值１，２３４亿元。")
    gdp = found[0]
    assert (gdp.indicator, gdp.value, gdp.unit, gdp.quote) == ("gdp", 1234.5, "亿元", "全市地区生产总值1,234.5亿元")
    assert one(found, "gdp", "yoy_growth").value == 3.2
    assert [p.value for p in found if p.quote.endswith("１，２３４亿元")] == [1234]


def test_structure_ratio_one_figure_per_part():
    found = figures("2007年，全区三次产业结构为2.0:56.4:41.6。", area="district")
    assert [p.value for p in found] == [2.0, 56.4, 41.6]
    assert one(found, "tertiary_share").unit == "%"
    assert {p.area for p in found} == {"district"}


def test_chinese_numerals():
    goals = propose_goals("“十一五”期间，预计2010年生产总值比2005年翻一番以上。建设一座泔水处理站。城镇登记失业率比2005年"
                          "下降三成。", DATA)
    by = {(g.indicator, g.measure): g for g in goals}
    assert (by["gdp", "multiple_of_base"].target, by["gdp", "multiple_of_base"].unit) == (2, "倍")
    assert by["gdp", "multiple_of_base"].baseline["year"] == 2005
    assert (by["swill_stations", "level"].target, by["swill_stations", "level"].unit) == (1, "座")
    assert by["unemployment", "change_from_base_pct"].target == -30
    none = figures("建成一个中心，第三届会议，一系列工程。")
    assert none == []


# ---------------------------------------------------------------------------------------------- goals


def test_goal_comparators_hold_and_target_years():
    text = ("“十五五”期间，城镇登记失业率控制在3%以内，建成区绿地率达40%以上，人口自然增长率稳定在6‰左右；"
            "地方财政收入突破8亿元，年均增长15%；生活污水处理率达到95%；2028年垃圾无害化处理率超过90%。"
            "2020年建成区绿化覆盖率为35%。")
    goals = {g.indicator: g for g in propose_goals(text, DATA) if g.measure == "level"}
    assert (goals["unemployment"].comparator, goals["unemployment"].hold) == ("<=", True)
    assert goals["green_space_rate"].comparator == ">="
    assert goals["population_growth"].comparator == "≈"
    assert goals["local_fiscal_revenue"].comparator == ">"
    assert goals["sewage"].comparator == ">="
    assert goals["garbage"].comparator == ">" and goals["garbage"].target_year == 2028
    assert goals["unemployment"].target_year == 2030
    assert "green_coverage_rate" not in goals  # 2020 is before the plan's period: a baseline, not a goal
    growth = [g for g in propose_goals(text, DATA) if g.measure == "annual_growth_rate"]
    assert [(g.indicator, g.target) for g in growth] == [("local_fiscal_revenue", 15)]


def test_a_growth_goal_is_named_apart_from_the_level_goal_of_its_subject():
    """As the plans name them (and as the editor renamed them in the Urumqi trial): 年均 where the text says it."""
    text = ("“十五五”期间，地方财政收入突破8亿元，年均增长15%。2026年地方财政收入增长12%，"
            "城镇登记失业率控制在3%以内。")
    names = {(g.measure, g.target): (g.name, g.indicator_name) for g in propose_goals(text, DATA)}
    assert names[("level", 8)] == ("地方财政收入", "地方财政收入")
    assert names[("annual_growth_rate", 15)] == ("地方财政收入年均增长率", "地方财政收入")  # the indicator's name stays
    assert names[("annual_growth_rate", 12)] == ("地方财政收入增长率", "地方财政收入")
    assert names[("level", 3)][0] == "城镇登记失业率"


def test_share_goal_is_the_indicator_named_subject_share_of_whole():
    goals = propose_goals("2010年，政府科技投入占到全区财政支出的比重达到2%以上。", DATA, period=(2006, 2010))
    assert [(g.indicator, g.target, g.comparator) for g in goals] == [("science_share", 2, ">=")]


def test_all_of_it_is_a_target_of_one_hundred_percent():
    goals = propose_goals("2010年完成全部泔水处理站建设。", DATA, period=(2006, 2010))
    assert [(g.indicator, g.target, g.unit) for g in goals] == [("swill_stations", 100, "%")]


def test_to_json_is_plain():
    p = figures("“十三五”时期，建成区绿地率39.9%。")[0]
    assert p.to_json()["period"] == [2016, 2020]
    g = propose_goals("2010年建成区绿地率达40%以上。", DATA)[0]
    assert g.to_json()["comparator"] == ">="


# ---------------------------------------------------------------------------------------------- verbatim quotes


def _documents() -> list[str]:
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared source documents not present")
    return [p.read_text(encoding="utf-8") for p in sorted(SHARED_SOURCES.glob("*.txt"))]


@pytest.fixture(scope="module")
def real_data():
    from dashboard.records.load import load

    return load(PROJECT, SHARED_SOURCES)[0]


def _assert_verbatim(text: str, dataset) -> None:
    for p in propose_figures(text, dataset, year=2007, area="karamay-city"):
        assert text[p.start:p.end] == p.quote and p.quote
    for g in propose_goals(text, dataset):
        assert text[g.start:g.end] == g.quote and g.quote


def test_every_quote_is_a_verbatim_span_of_each_source_document(real_data):
    for text in _documents():
        _assert_verbatim(text, real_data)


def test_every_quote_is_verbatim_in_a_traditional_copy(real_data):
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    for text in _documents():
        traditional = to_traditional(text)
        _assert_verbatim(traditional, real_data)
        assert to_simplified(traditional) != traditional or traditional == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_quote_is_verbatim_in_random_slices(real_data, data):
    texts = _documents()
    text = texts[data.draw(st.integers(0, len(texts) - 1))]
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, min(len(text), a + 3000)))
    noise = data.draw(st.sampled_from(["", "(lǜ)", "　", "\n", "，"]))
    cut = data.draw(st.integers(a, b))
    _assert_verbatim(text[a:cut] + noise + text[cut:b], real_data)


def _doc(published: dt.date, years: tuple[int, int]) -> Document:
    return Document(id="d", file="x.txt", title="t", title_en="t", publisher="p", published=published,
                    published_basis="stated", area="karamay-city", years=years)


def test_the_year_a_document_reports_on():
    assert reported_year(_doc(dt.date(2008, 2, 20), (2006, 2007))) == 2007
    assert reported_year(_doc(dt.date(2020, 5, 1), (2014, 2020))) == 2019
    assert reported_year(_doc(dt.date(2021, 6, 1), (2021, 2021))) == 2021  # reports on the year it is of


def test_document_records_read_with_their_own_year_and_area(real_data):
    doc = _doc(dt.date(2008, 2, 20), (2006, 2007))
    found = propose_figures("全市财政收入38.98亿元，增长30.9%。", real_data, year=reported_year(doc), area=doc.area)
    assert {(p.year, p.area) for p in found} == {(2007, "karamay-city")}


_PIECES = ["全市", "全区", "克拉玛依区", "建成区绿地率", "绿化覆盖率", "城镇登记失业率", "生产总值", "分别", "均", "达到",
           "以上", "以内", "左右", "增长", "年均", "比2005年", "翻一番", "一座", "三成", "、", "，", "。", "；", "（", "）",
           "“", "”", "(lǜ)", "　", "\n", "2007年", "十一五", "期间", "38.7", "１２", "%", "％", "亿元", "万", "个百分点",
           "占", "的", "比重", ":", "2.0:56.4:41.6", "三次产业结构为", "1:0.8", "綠地率", "達", "x", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_reads_without_error_and_quotes_verbatim(pieces):
    text = "".join(pieces)
    for p in propose_figures(text, DATA, year=2007, area="city"):
        assert text[p.start:p.end] == p.quote
        assert p.unit and p.value == p.value  # a unit, and never NaN
    for g in propose_goals(text, DATA):
        assert text[g.start:g.end] == g.quote


def test_a_goals_baseline_is_the_level_the_text_states_for_its_base_year():
    text = ("全区生产总值由2000年的64.3亿元增至2005年的120.88亿元。社区居委会直选率已达22%。“十一五”期间，"
            "2010年生产总值达170亿元，比2000年翻一番以上；建成区绿地率达40%以上，城镇登记失业率控制在3%以内。")
    goals = {(g.indicator, g.measure): g for g in propose_goals(text, DATA, period=(2006, 2010))}
    assert goals["gdp", "level"].baseline["value"] == 120.88 and goals["gdp", "level"].baseline["year"] == 2005
    multiple = goals["gdp", "multiple_of_base"].baseline
    assert (multiple["value"], multiple["year"]) == (64.3, 2000) and "64.3亿元" in multiple["quote"]
    assert goals["green_space_rate", "level"].baseline is None  # the text states no 2005 level for it
    assert ("gdp", "level") in goals and len([g for g in goals.values() if g.target == 120.88]) == 0


def test_every_reason_a_proposal_gives_has_words_in_both_languages(real_data):
    from dashboard.reader.reading import WHY

    dataset = real_data
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared source documents not present")
    seen = set()
    for file in sorted(SHARED_SOURCES.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        seen |= {p.why for p in propose_figures(text, dataset)} | {p.why for p in propose_goals(text, dataset)}
    assert seen and seen <= set(WHY), seen - set(WHY)
    assert all(w.zh and w.en for w in WHY.values())


INVESTMENT_TEXT = "全地区实施固定资产投资项目566个，完成固定资产投资206.6亿元，同比增长25.3%。"  # as doc-004 writes it


def _with_investment(*units: str) -> Dataset:
    known = tuple(Observation(id=f"k{i}", indicator="fixed_asset_investment", area="city", year=2006, value=1.0,
                              unit=u, quote="q", document="d") for i, u in enumerate(units))
    return Dataset(plan=None, goals=(), indicators=(*INDICATORS, _ind("fixed_asset_investment", "固定资产投资")),
                   areas=AREAS, documents=(), observations=known)


def test_a_level_in_a_unit_of_another_kind_is_not_filed_under_the_indicator():
    """The data measures investment in 亿元: a count of projects (项目566个) names it, yet is no sum of money. The
    reader files it under no indicator and says why; the investment itself, and its growth, stay filed."""
    found = propose_figures(INVESTMENT_TEXT, _with_investment("亿元"), year=2022, area="city")
    by_value = {p.value: p for p in found}
    assert (by_value[566].indicator, by_value[566].why) == (None, "unit_not_the_indicators")
    assert by_value[206.6].indicator == "fixed_asset_investment"
    assert (by_value[25.3].indicator, by_value[25.3].measure) == ("fixed_asset_investment", "yoy_growth")
    # 万元 is money too; without a figure of the indicator there is no unit to hold it to
    assert {p.value: p.indicator for p in propose_figures(INVESTMENT_TEXT, _with_investment("万元"), year=2022,
                                                           area="city")}[566] is None
    assert {p.value: p.indicator for p in propose_figures(INVESTMENT_TEXT, _with_investment(), year=2022,
                                                           area="city")}[566] == "fixed_asset_investment"


def test_units_of_one_kind_of_thing_stay_filed_and_goals_are_held_to_them_too():
    """户 and 家 both count firms; a plan's 新建项目20个 is no investment goal either."""
    firms = Dataset(plan=None, goals=(), indicators=(*INDICATORS, _ind("private_firms", "私营企业户数", "私营企业")),
                    areas=AREAS, documents=(), observations=(Observation(
                        id="k", indicator="private_firms", area="city", year=2005, value=838, unit="家", quote="q",
                        document="d"),))
    assert [p.indicator for p in propose_figures("全市私营企业达2100户。", firms, year=2007, area="city")] == [
        "private_firms"]
    goals = propose_goals("到2010年，全社会固定资产投资达到300亿元，新建固定资产投资项目20个。", _with_investment("亿元"),
                          period=(2006, 2010))
    assert [(g.target, g.indicator, g.why) for g in goals if g.target in (300, 20)] == [
        (300, "fixed_asset_investment", "named_before"), (20, None, "unit_not_the_indicators")]
