"""The page views (present/views): what each page states, built once, for every face to render."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dashboard.judge import Judge
from dashboard.present.locale import Locale
from dashboard.present.views.documents import documents_view
from dashboard.records.model import Dataset
from tests import builders


def with_document(**changes) -> Dataset:
    data = builders.dataset([builders.goal()], [builders.obs(), builders.obs(id="o2", year=2008)])
    return data.model_copy(update={"documents": (builders.DOC.model_copy(update=changes),)})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_document_links_to_its_original_publication_only_where_the_record_gives_it(lang):
    none = documents_view(Judge(with_document()), Locale(lang)).documents[0]
    assert none.url is None
    given = documents_view(Judge(with_document(url="https://example.org/report.html")), Locale(lang)).documents[0]
    assert given.url == "https://example.org/report.html"
    assert given.url_label == Locale(lang).t("ui.docs.url")


def test_a_document_address_must_be_a_web_address():
    with pytest.raises(ValidationError, match="https://"):
        builders.DOC.model_validate({**builders.DOC.model_dump(), "url": "javascript:alert(1)"})


def test_each_document_counts_the_goals_it_touches_in_words():
    view = documents_view(Judge(with_document()), Locale("zh"))
    doc = view.documents[0]
    assert [link.goal_id for link in doc.links] == ["g"]
    assert doc.links[0].label == Locale("zh").t("ui.docs.touch", name="目标", used=2, aside=0)
    assert doc.unrelated is None and doc.more is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_proxy_page_says_a_caveat_once(real, lang):
    """The status sentence carries its caveats (urban income's price basis, 新口径); the notice of why the figure is
    only a proxy does not repeat them."""
    from dashboard.present.views.goal import goal_view

    dataset, _ = real
    loc = Locale(lang, dataset)
    checked = 0
    for a in Judge(dataset).accounts():
        if a.basis != "proxy" or a.deciding is None:
            continue
        view = goal_view(a, loc, dataset)
        for r in a.deciding.reasons:
            clause = loc.clause(r)
            if clause in view.reason:
                assert clause not in view.why_proxy[0], (a.goal.id, clause)
                checked += 1
    assert checked  # urban-income-2010's caveat is one such clause


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_goal_with_very_many_figures_lists_the_first_and_says_how_many_more_its_csv_holds(lang):
    """Up to FIGURES_IN_FULL figures each is listed; above, the first FIGURES_SHOWN of the ranking (the deciding
    one first) and one sentence with the count of the others."""
    from dashboard.present.views.goal import FIGURES_IN_FULL, FIGURES_SHOWN, goal_view

    def view(n: int):
        observations = [builders.obs(id=f"o{k:02d}", year=2006 + k % 5, value=30.0 + k / 10) for k in range(n)]
        data = builders.dataset([builders.goal()], observations)
        a = Judge(data).account("g")
        return a, goal_view(a, Locale(lang, data), data)

    a, full = view(FIGURES_IN_FULL)
    assert len(full.figures) == len(a.evidence) == FIGURES_IN_FULL and full.figures_more is None
    a, capped = view(FIGURES_IN_FULL + 6)
    assert len(a.evidence) == FIGURES_IN_FULL + 6
    assert len(capped.figures) == FIGURES_SHOWN
    assert capped.figures[0].row.role_code == "deciding"
    assert capped.figures_more == Locale(lang).t("ui.goal.ev.more", n=FIGURES_IN_FULL + 6 - FIGURES_SHOWN,
                                                 total=FIGURES_IN_FULL + 6)
    assert capped.evidence_heading == Locale(lang).t("ui.goal.evidence", n=FIGURES_IN_FULL + 6)  # all are counted


def test_no_real_goal_has_so_many_figures_that_its_page_leaves_any_out(real):
    from dashboard.present.views.goal import FIGURES_IN_FULL

    dataset, _ = real
    most = max(len(a.evidence) for a in Judge(dataset).accounts())
    assert most <= FIGURES_IN_FULL, most  # the real data's most is 12


def test_coherence_findings_of_several_plans_each_name_their_plan(real):
    """The site's one coherence page holds every plan's findings: each names its plan once there are findings of two
    plans; a page of one plan's findings (the app's, a one-plan site) names none."""
    import dataclasses

    from dashboard.present.views.coherence import coherence_view

    data, _ = real
    judge = Judge(data)
    first, *_ = judge.coherence
    urumqi = data.plans[1]
    moved = dataclasses.replace(first, pace_goal=first.pace_goal.model_copy(update={"plan": urumqi.id}))
    for lang in ("zh", "en"):
        loc = Locale(lang, data)
        assert all(item.plan is None for item in coherence_view(judge, loc).findings)  # the real ones: one plan's
        both = coherence_view(judge, loc, [first, moved]).findings
        names = [loc.pick(data.plan.short_name or data.plan.name, data.plan.short_name_en or data.plan.name_en),
                 loc.pick(urumqi.short_name or urumqi.name, urumqi.short_name_en or urumqi.name_en)]
        assert [name in (item.plan or "") for item, name in zip(both, names, strict=True)] == [True, True]
