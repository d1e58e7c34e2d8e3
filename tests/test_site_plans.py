"""The static site with several plans (the real data: the Karamay plan and the Urumqi plan): the first plan keeps
the one-plan addresses, a later plan's overview and goal table live in its own folder, a switcher links them in
both languages, and an indicator two plans measure has a page reached from each of their goal pages."""

from __future__ import annotations

import re

import pytest

from dashboard.present.export import safe_name
from dashboard.present.locale import LANGS, Locale
from dashboard.site import layout
from dashboard.site.publish import publish
from tests.test_site import DAY, Page

URUMQI = "urumqi-city-2008-2012"


@pytest.fixture(scope="module")
def site(tmp_path_factory, real):
    dataset, _ = real
    out = tmp_path_factory.mktemp("plans-site")
    publish(dataset, out, images=False, today=DAY)
    return dataset, out


def _goal_links(html: str) -> set[str]:
    return set(re.findall(r'href="(?:\.\./)+goal/([^"#?]+)\.html"', html)) | set(
        re.findall(r'href="goal/([^"#?]+)\.html"', html))


def test_each_plan_has_its_own_overview_and_table_with_its_own_goals(site):
    dataset, out = site
    first = {safe_name(g.id) for g in dataset.goals_of(dataset.plan.id)}
    later = {safe_name(g.id) for g in dataset.goals_of(URUMQI)}
    assert first and later and not first & later
    for lang in LANGS:
        for kind in layout.PLAN_PAGES:
            old = (out / layout.page(kind, lang)).read_text()  # the one-plan address: the first plan's
            new = (out / layout.page(kind, lang, URUMQI)).read_text()
            assert _goal_links(old) <= first and _goal_links(old) & first, (kind, lang)
            assert _goal_links(new) == later, (kind, lang)
        overview = Page((out / layout.page("overview", lang, URUMQI)).read_text())
        name = dataset.plan_by_id(URUMQI)
        assert (name.name if lang == "zh" else name.name_en) in " ".join(overview.text)


def test_the_plan_switcher_links_every_plan_and_marks_the_current(site):
    dataset, out = site
    for lang in LANGS:
        for kind in layout.PLAN_PAGES:
            for plan, other in ((None, URUMQI), (URUMQI, None)):
                path = layout.page(kind, lang, plan)
                html = (out / path).read_text()
                switch = re.search(r'<nav class="plan-switch"[^>]*>(.*?)</nav>', html, re.S).group(1)
                links = re.findall(r'<a href="([^"]+)"( aria-current="true")?>', switch)
                assert [bool(c) for _, c in links] == [plan is None, plan is not None]
                target = layout.href(path, layout.page(kind, lang, other))
                assert target in [h for h, _ in links]
                assert Locale(lang).t("plans.switcher") in switch


def test_a_later_plans_goal_page_speaks_of_its_plan_and_links_the_indicator(site):
    dataset, out = site
    goal = dataset.goal(f"{URUMQI}.gdp-2012")
    plan = dataset.plan_by_id(URUMQI)
    for lang in LANGS:
        path = layout.goal_page(safe_name(goal.id), lang)
        html = (out / path).read_text()
        text = " ".join(Page(html).text)
        assert (plan.name if lang == "zh" else plan.name_en) in text
        assert dataset.plan.name not in text.replace(dataset.plan.short_name, "")  # only in the switcher's label
        indicator = layout.indicator_page(safe_name(goal.indicator), lang)
        assert f'href="{layout.href(path, indicator)}"' in html
        # the goal page's navigation goes to its own plan's table
        assert f'href="{layout.href(path, layout.page("table", lang, URUMQI))}"' in html


def test_an_indicator_page_lists_every_plans_goals_for_it(site):
    dataset, out = site
    for lang in LANGS:
        html = (out / layout.indicator_page("gdp", lang)).read_text()
        want = {safe_name(g.id) for g in dataset.goals if g.indicator == "gdp"}
        assert _goal_links(html) == want
        assert {dataset.plan_of(g).id for g in dataset.goals if g.indicator == "gdp"} == {dataset.plan.id, URUMQI}
        assert 'id="spec-indicator"' in html


def test_with_more_plans_than_the_switcher_names_it_links_a_page_of_every_plan(real, tmp_path, monkeypatch):
    """At a hundred plans the switcher on every page would list them all; beyond SWITCHER_PLANS it names the first
    plan and the current one and links the page of every plan (here the limit is set to 1 for the real two)."""
    from dashboard.site import publish as publishing

    dataset, _ = real
    monkeypatch.setattr(publishing, "SWITCHER_PLANS", 1)
    publish(dataset, tmp_path, images=False, today=DAY)
    for lang in LANGS:
        loc = Locale(lang, dataset)
        html = (tmp_path / layout.page("table", lang)).read_text()  # the first plan's table
        switch = re.search(r'<nav class="plan-switch"[^>]*>(.*?)</nav>', html, re.S).group(1)
        names = re.findall(r"<a [^>]*>([^<]+)</a>", switch)
        assert len(names) == 2 and names[1] == loc.t("plans.all", n=2)  # the first (current) plan, then all plans
        urumqi = (tmp_path / layout.page("table", lang, URUMQI)).read_text()
        switch = re.search(r'<nav class="plan-switch"[^>]*>(.*?)</nav>', urumqi, re.S).group(1)
        assert len(re.findall(r"<a ", switch)) == 3 and 'aria-current="true"' in switch  # first, current, all
        every = (tmp_path / layout.plans_page(lang)).read_text()
        listed = re.findall(r'<ol class="plans">(.*?)</ol>', every, re.S)[0]
        assert len(re.findall(r"<li>", listed)) == 2
        assert layout.href(layout.plans_page(lang), layout.page("overview", lang, URUMQI)) in listed


def test_two_plans_need_no_page_of_every_plan(site):
    _, out = site
    assert not (out / layout.plans_page("zh")).exists()
