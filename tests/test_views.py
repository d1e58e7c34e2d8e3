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
            clause = loc.reason(r).rstrip("。.;；")
            if clause in view.reason:
                assert clause not in view.why_proxy[0], (a.goal.id, clause)
                checked += 1
    assert checked  # urban-income-2010's caveat is one such clause
