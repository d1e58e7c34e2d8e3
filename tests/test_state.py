"""What the dashboard computes once per data version (dashboard/ui/state.py): the vectorised verdicts it lists, the
per-goal judgement it computes on demand, the area relation it describes figures by, and a large collection's pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dashboard.judge import Judge
from dashboard.records.model import Dataset
from dashboard.records.report import LoadReport
from dashboard.web.ui import state
from tests.builders import AREAS, DOC, INDICATORS, PLAN, goal, obs
from tests.conftest import PROJECT, SHARED_SOURCES


@pytest.fixture(scope="module")
def real_state() -> state.State:
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared source documents not present")
    return state.build(PROJECT, SHARED_SOURCES)


def state_of(data: Dataset) -> state.State:
    judge = Judge(data)
    return state.State(dataset=data, report=LoadReport(), judge=judge, summaries=state.summaries(judge), findings=[])


def test_the_listed_verdicts_are_the_per_goal_engines(real_state):
    full = Judge(real_state.dataset).accounts()
    assert [s.goal.id for s in real_state.summaries] == [a.goal.id for a in full]
    for s, a in zip(real_state.summaries, full, strict=True):
        assert (s.status, s.basis, s.timing) == (a.status, a.basis, a.timing), s.goal.id
        assert (s.evidence, s.comparable) == (len(a.evidence), sum(e.comparable for e in a.evidence)), s.goal.id


def test_a_goals_full_judgement_is_computed_when_asked_and_kept():
    data = Dataset(plan=PLAN, goals=(goal("a"), goal("b")), indicators=INDICATORS, areas=AREAS, documents=(DOC,),
                   observations=(obs("o1", value=41.0),))
    s = state_of(data)
    assert not s.judge._accounts
    first = s.account("a")
    assert first.status == "achieved" and first.deciding.observation.id == "o1"
    assert s.account("a") is first
    assert "b" not in s.judge._accounts
    with pytest.raises(KeyError):
        s.account("no-such-goal")


def test_each_document_counts_the_figures_used_and_set_aside_per_goal(real_state):
    expected: dict[str, Counter] = {}
    for a in Judge(real_state.dataset).accounts():
        for e in a.evidence:
            expected.setdefault(e.observation.document, Counter())[(a.goal.id, e.comparable)] += 1
    touched = real_state.judge.touches
    assert set(touched) == set(expected)
    for doc, goals in touched.items():
        for goal_id, (used, aside) in goals.items():
            assert (used, aside) == (expected[doc][(goal_id, True)], expected[doc][(goal_id, False)]), (doc, goal_id)
        assert sum(u + a for u, a in goals.values()) == sum(expected[doc].values())
    # 塔城地区 (document 004) is an unrelated area: its figures are shown beside goals, never used
    tacheng = [d.id for d in real_state.dataset.documents if d.area == "tacheng-prefecture"]
    assert tacheng and all(used == 0 for d in tacheng for used, _ in touched[d].values())


def test_areas_are_described_relative_to_the_areas_the_goals_speak_for():
    """A region's plan setting a district's target: the district is the goals' own area, the city and the region
    (the plan's own area, for which no goal here speaks) are above it, the unrelated prefecture is other."""
    plan = PLAN.model_copy(update={"area": "region"})
    data = Dataset(plan=plan, goals=(goal("g", area="district"),), indicators=INDICATORS, areas=AREAS,
                   documents=(DOC,), observations=(obs("o1", area="city"), obs("o2", area="elsewhere")))
    s = state_of(data)
    assert [s.relation(a) for a in ("district", "city", "region", "elsewhere")] == ["same", "parent", "parent", "other"]


def test_a_goal_of_a_larger_area_leaves_the_plans_area_the_home_of_the_summaries():
    """A district plan with one goal that speaks for the city above it (为我市…创造条件): both are areas the goals speak
    for; the district stays the home area the summaries name, and the city reads as a larger area there (its figures
    are direct for that one goal, whose own page says so)."""
    data = Dataset(plan=PLAN, goals=(goal("g"), goal("title", area="city")), indicators=INDICATORS, areas=AREAS,
                   documents=(DOC,), observations=(obs("o1", area="city"),))
    s = state_of(data)
    assert s.goal_areas == {"district", "city"} and s.judge.home_areas == {"district"}
    assert [s.relation(a) for a in ("district", "city", "region", "elsewhere")] == ["same", "parent", "parent", "other"]
    assert s.judge.goals_above_home == {"city": ("title",)}


def test_the_real_goals_speak_for_the_district_and_two_for_the_city(real_state):
    # 为我市2010年实现创建“自治区园林城市”、“中国人居环境奖”城市创造条件: the titles are the city's, as the quote says
    first = real_state.plan_view(None)  # the first plan's goals (a later plan speaks for another area)
    assert first.goal_areas == {first.plan_area, "karamay-city"}
    assert real_state.judge.home_of(first.goal_areas) == {first.plan_area}
    assert real_state.judge.goals_above_home == {"karamay-city": ("garden-city-2010", "habitat-award-2010")}
    assert first.relation("karamay-district") == "same"
    assert first.relation("karamay-city") == "parent"
    assert first.relation("tacheng-prefecture") == "other"
    assert first.relation("urumqi-city") == "other"  # another plan's area is not this plan's
    assert real_state.goal_areas == {"karamay-district", "karamay-city", "urumqi-city"}
    assert real_state.judge.home_areas == {"karamay-district", "urumqi-city"}


@pytest.fixture(scope="module")
def synthetic_10x(tmp_path_factory) -> tuple[Path, Path]:
    from benchmarks.synth import generate

    here = tmp_path_factory.mktemp("synth10")
    generate(here / "data", here / "sources", 10, seed=1)
    return here / "data", here / "sources"


@pytest.fixture
def synthetic_app(synthetic_10x, monkeypatch):
    """The dashboard (not yet run) on the synthetic 10x data: 750 goals of ten districts, 35 documents."""
    from streamlit.testing.v1 import AppTest

    data, sources = synthetic_10x
    monkeypatch.setenv("PLAN_TRACKER_DATA", str(data))
    monkeypatch.setenv("PLAN_TRACKER_SOURCES", str(sources))
    return AppTest.from_file(str(PROJECT / "dashboard" / "web" / "app.py"), default_timeout=120)


@pytest.mark.slow
def test_a_large_collection_is_shown_a_page_at_a_time(synthetic_app):
    at = synthetic_app
    at.run()
    assert not at.exception
    overview = " ".join(m.value for m in at.markdown)
    assert "目标所属的10个辖区" in overview  # the goals speak for ten districts, not for the plan's country
    assert any("750项目标太多" in i.value for i in at.info)  # a pack of 750 goal pages is for the command line
    assert "主要指标" not in [h.value for h in at.subheader]  # no headline cards: this data has other goal ids
    at.switch_page("views/documents.py").run()
    assert not at.exception
    pager = at.selectbox(key="docs_page")
    n_docs = len(state.get().dataset.documents)
    assert n_docs > 20 and pager.label == f"共{n_docs}项，显示"
    shown = [c for c in at.main.children.values()  # bordered blocks with words (the navigation holds links only)
             if c.type == "flex_container" and any(ch.type == "markdown" for ch in c.children.values())]
    assert len(shown) == 20 + 1  # a page of documents, and the plan's own block
    pager.select(20).run()
    assert not at.exception and at.selectbox(key="docs_page").value == 20


@pytest.mark.slow
def test_a_goal_among_hundreds_is_found_by_search(synthetic_app):
    at = synthetic_app
    at.query_params["goal"] = "d000002-g05"
    at.run()
    at.switch_page("views/goal.py").run()
    assert not at.exception
    everything = state.get().summaries
    assert len(everything) == 750
    assert len(at.selectbox(key="goal_select").options) == 300  # the first 300 are listed, with a search box
    at.text_input(key="goal_search").input("d000003-g1").run()
    listed = at.selectbox(key="goal_select").options  # shown by name; the ids stay behind
    matching = [s.goal.id for s in everything if "d000003-g1" in s.goal.id]
    assert len(matching) == 10  # g10 … g19
    by_id = state.get().by_id
    assert listed == [by_id[i].goal.name for i in matching]  # "another goal": the matches, in order


def test_a_plain_table_escapes_headers_labels_cells_for_phones_and_right_aligns_numbers():
    from dashboard.web.ui.common import html_table

    markup = html_table(["文件<名>", "载入"], [["a", "3"], ["b", "12"]], "：", cls="pt-keep", numeric=(1,))
    assert markup.startswith('<table class="pt-table pt-keep"><thead><tr>')
    assert '<th scope="col" class="pt-first">文件&lt;名&gt;</th>' in markup  # headers escaped here
    assert '<th scope="col" class="pt-num">载入</th>' in markup
    assert '<td class="pt-num" data-label="载入：">12</td>' in markup  # a phone's card names each cell's column
    assert markup.count("<tr>") == 3
    assert html_table(["x"], [], ":").endswith("<tbody></tbody></table>")
