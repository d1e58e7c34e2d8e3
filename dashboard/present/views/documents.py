"""The documents page: the plan, then each later document by title and date, with its publisher, area, years, the
address of the original publication where the record gives one, and the goals its figures touch."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dashboard.judge import Judge
from dashboard.present.locale import Locale
from dashboard.present.views.common import goal_areas_name
from dashboard.records.model import Dataset

LINKS_SHOWN = 20  # goals linked per document; the rest are counted (the goal table finds them)


@dataclass(frozen=True)
class GoalLink:
    label: str
    goal_id: str


@dataclass(frozen=True)
class DocumentItem:
    id: str
    title: str
    original: str | None  # the Chinese title, on an English page
    original_label: str
    lines: tuple[str, ...]  # publisher, date (stated or inferred), area and years
    note: str | None  # how the date was inferred
    unrelated: str | None  # a document of an area no goal speaks for: never evidence
    url: str | None  # the original publication's address, where the record gives it
    url_label: str
    figures: str  # how many figures, and whether they touch any goal
    links: tuple[GoalLink, ...]
    more: str | None  # goals beyond the links shown


@dataclass(frozen=True)
class PlanItem:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class DocumentsView:
    title: str
    intro: str
    plan: PlanItem | None
    documents: tuple[DocumentItem, ...]


def documents_view(judge: Judge, loc: Locale, links_shown: int = LINKS_SHOWN, data: Dataset | None = None
                   ) -> DocumentsView:
    """Every document, and what it gives the goals. `data`: one plan's view of the data (its plan, its goals: a
    document of the other plan's area is unrelated to this one); else the judge's whole."""
    data = data or judge.data
    plan = data.plan
    touched = judge.touches
    figure_counts = Counter(o.document for o in data.observations)
    goals = {g.id: g for g in data.goals}
    areas = None if data is judge.data else frozenset(a for g in data.goals if (a := data.goal_area(g)))
    areas_name = goal_areas_name(judge, loc, areas)
    items = []
    for doc in data.documents:
        touching = {g: n for g, n in touched.get(doc.id, {}).items() if g in goals}
        links = tuple(GoalLink(loc.t("ui.docs.touch", name=loc.goal_name(goals[g]), used=u, aside=s), g)
                      for g, (u, s) in list(touching.items())[:links_shown])
        n = figure_counts.get(doc.id, 0)
        items.append(DocumentItem(
            id=doc.id,
            title=loc.document_title(doc),
            original=doc.title if loc.en and doc.title_en else None,
            original_label=loc.t("site.docs.original_title"),
            lines=(loc.t("ui.docs.publisher", publisher=loc.publisher(doc)),
                   loc.t("ui.docs.published", date=doc.published.isoformat(),
                         basis=loc.t(f"ui.docs.published.{doc.published_basis}")),
                   loc.t("ui.docs.area", area=loc.area(doc.area), years=loc.years(*doc.years))),
            note=loc.pick(doc.published_note, doc.published_note_en) or None,
            unrelated=loc.t("ui.docs.unrelated", area=loc.area(doc.area), plan_area=areas_name)
            if judge.area_relation(doc.area, areas) == "other" else None,
            url=doc.url,
            url_label=loc.t("ui.docs.url"),
            figures=loc.t("ui.docs.figures", n=n) if links else loc.t("ui.docs.no_goals", n=n),
            links=links,
            more=loc.t("ui.docs.more_goals", n=len(touching) - len(links)) if len(touching) > len(links) else None,
        ))
    plan_item = None
    if plan is not None:
        plan_item = PlanItem(
            heading=loc.t("ui.docs.plan", name=loc.plan_name()),
            lines=(loc.t("ui.docs.area", area=loc.area(plan.area), years=loc.years(*plan.period)),
                   loc.t("ui.docs.plan_goals", first=plan.period[0], last=plan.period[1], base=plan.base_year,
                         n=len(data.goals))))
    return DocumentsView(title=loc.t("ui.page.documents"), intro=loc.t("ui.docs.intro"), plan=plan_item,
                         documents=tuple(items))
