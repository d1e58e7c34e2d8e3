"""Checks across records: unique ids, references, years, and quotes against the source documents.

Each check appends located problems to the report; an entry with any error is dropped from the
returned list (and so counted as rejected), every other entry is kept.
"""

from __future__ import annotations

from collections import defaultdict

from dashboard.records import errors
from dashboard.records.numbers import stands_in
from dashboard.records.report import Entry, LoadReport
from dashboard.records.sources import SourceLibrary


def earliest_baseline_year(plan) -> int:
    """A plan reviews its predecessor: a baseline may come from the base year back to the start of the previous
    plan period (one period's length before the base year)."""
    return plan.base_year - (plan.period[1] - plan.period[0] + 1)


def cross_check(entries: list[Entry], library: SourceLibrary, report: LoadReport) -> list[Entry]:
    bad: set[int] = set()

    def flag(entry: Entry, cls: type[errors.Problem], field: str | None, detail: str = "") -> None:
        line = entry.raw.line_of(field.split(".")[0]) if field else entry.raw.line
        report.problems.append(
            cls(file=entry.file, line=line, record=entry.record.id, field=field, kind=entry.kind, detail=detail)
        )
        if cls.severity == "error":
            bad.add(id(entry))

    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_kind[e.kind].append(e)

    _unique_ids(entries, flag)
    ids = {kind: {e.record.id for e in es} for kind, es in by_kind.items()}
    plans = by_kind.get("plan", [])
    plan = plans[0].record if plans else None
    if len(plans) > 1:
        for extra in plans[1:]:
            flag(extra, errors.DuplicateId, "id", "by another plan record: one plan per data folder")

    def ref(entry: Entry, field: str, value: str | None, kind: str) -> None:
        if value is not None and value not in ids.get(kind, set()):
            flag(entry, errors.UnknownReference, field, f"no {kind} has the id {value!r}")

    for e in by_kind.get("plan", []):
        ref(e, "area", e.record.area, "area")
    for e in by_kind.get("area", []):
        ref(e, "parent", e.record.parent, "area")
    for e in by_kind.get("indicator", []):
        for i, rel in enumerate(e.record.relations):
            ref(e, f"relations.{i}.to", rel.to, "indicator")
    goals_by_id = {e.record.id: e.record for e in by_kind.get("goal", [])}
    groups = {gr.id for gr in plan.groups} if plan is not None else set()
    if plan is not None:
        for i, goal_id in enumerate(plan.highlights):
            if goal_id not in goals_by_id:
                flag(plans[0], errors.UnknownReference, f"highlights.{i}", f"no goal has the id {goal_id!r}")
    for e in by_kind.get("goal", []):
        g = e.record
        if groups and g.group not in groups:
            flag(e, errors.UnknownReference, "group", f"the plan has no group {g.group!r} (plan.yaml groups)")
        ref(e, "area", g.area, "area")
        ref(e, "indicator", g.indicator, "indicator")
        ref(e, "paces", g.paces, "goal")
        paced = goals_by_id.get(g.paces) if g.paces else None
        if g.paces and g.measure == "level":
            flag(e, errors.InvalidValue, "paces", "only a rate-of-change goal (measure other than level) paces another goal")
        if paced is not None and paced.measure != "level":
            flag(e, errors.InvalidValue, "paces", f"{g.paces!r} is itself a rate of change; paces must name a level goal")
        if plan is not None:
            if g.target_year not in plan.years:
                flag(e, errors.YearOutOfRange, "target_year",
                     f"{g.target_year} is outside the plan period {plan.period[0]}–{plan.period[1]} "
                     f"and its horizon {list(plan.horizon_years)}")
            first = earliest_baseline_year(plan)
            if g.baseline and not first <= g.baseline.year <= plan.base_year:
                flag(e, errors.YearOutOfRange, "baseline.year",
                     f"{g.baseline.year} is not a baseline year ({first}–{plan.base_year})")
    documents = {e.record.id: e for e in by_kind.get("document", [])}
    for e in by_kind.get("document", []):
        ref(e, "area", e.record.area, "area")
        if e.record.years[0] > e.record.years[1]:
            flag(e, errors.InvalidValue, "years", "years must be [first year, last year]")
    for e in by_kind.get("observation", []):
        o = e.record
        ref(e, "indicator", o.indicator, "indicator")
        ref(e, "area", o.area, "area")
        if o.derived:
            for i, input_id in enumerate(o.derived.inputs):
                ref(e, f"derived.inputs.{i}", input_id, "observation")
        doc_entry = documents.get(o.document)
        if doc_entry is not None:
            first, last = doc_entry.record.years
            if o.first_year < first or o.last_year > last:
                flag(e, errors.YearOutOfRange, "year" if o.year is not None else "period",
                     f"{o.first_year}–{o.last_year} is outside the years its document covers ({first}–{last})")

    for e in by_kind.get("goal", []):
        g = e.record
        if g.measure != "level" and g.baseline is not None and g.baseline.unit is None and not g.paces:
            flag(e, errors.BaselineUnitMissing, "baseline")
    _quotes(by_kind, plan, library, report, flag)
    kept = [e for e in entries if id(e) not in bad]
    _undeclared_stand_ins(kept, plan, report)
    return kept


def _undeclared_stand_ins(entries: list[Entry], plan, report: LoadReport) -> None:
    """An indicator whose goals have figures of a larger area (of the indicator, or of one that may stand in
    for it) but no declaration of what that area's figures may say: listed, since they are set aside."""
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_kind[e.kind].append(e)
    areas = {e.record.id: e.record for e in by_kind.get("area", [])}
    indicators = {e.record.id: e for e in by_kind.get("indicator", [])}
    speaks: dict[str, set[str]] = defaultdict(set)  # figure indicator → goal indicators it may stand in for
    for ind_id in indicators:
        speaks[ind_id].add(ind_id)
    for e in by_kind.get("indicator", []):
        for rel in e.record.relations:
            if rel.relation != "different":
                speaks[e.record.id].add(rel.to)
                speaks[rel.to].add(e.record.id)

    def ancestors(area: str) -> list[str]:
        out, seen, cur = [], {area}, areas.get(area)
        while cur is not None and cur.parent and cur.parent not in seen:
            out.append(cur.parent)
            seen.add(cur.parent)
            cur = areas.get(cur.parent)
        return out

    plan_area = plan.area if plan is not None else None
    above: dict[str, set[str]] = defaultdict(set)  # goal indicator → larger areas of its goals
    for e in by_kind.get("goal", []):
        area = e.record.area or plan_area
        if area:
            above[e.record.indicator].update(ancestors(area))
    found: dict[tuple[str, str], int] = defaultdict(int)
    for e in by_kind.get("observation", []):
        o = e.record
        for goal_ind in speaks.get(o.indicator, {o.indicator}):
            if o.area in above.get(goal_ind, ()):
                found[(goal_ind, o.area)] += 1
    for (ind_id, area), n in sorted(found.items()):
        entry = indicators.get(ind_id)
        level = areas[area].level if area in areas else None
        if entry is None or any(d.area == area or (d.area is None and d.level == level) for d in entry.record.stand_in):
            continue
        report.problems.append(errors.StandInUndeclared(
            file=entry.file, line=entry.raw.line, record=ind_id, field="stand_in", kind="indicator",
            detail=f"{n} figure(s) of the larger area {area!r} bear on this indicator's goals, but the data does not "
                   f"declare what they may say; they are set aside"))


def _unique_ids(entries: list[Entry], flag) -> None:
    seen: dict[tuple[str, str], Entry] = {}
    for e in entries:
        kind = "indicator" if e.kind == "indicator" else e.kind
        key = (kind, e.record.id)
        if key in seen and e.kind != "plan":
            first = seen[key]
            flag(e, errors.DuplicateId, "id", f"in {first.file}:{first.raw.line}")
        else:
            seen.setdefault(key, e)


def _quotes(by_kind, plan, library: SourceLibrary, report: LoadReport, flag) -> None:
    """Every number stands in its quote; every quote stands in its document (when documents are here)."""
    checks: list[tuple[Entry, str, str, str]] = []  # (entry, source file, quote, field)
    for e in by_kind.get("goal", []):
        g = e.record
        if g.target is not None and not stands_in(g.target, g.quote):
            flag(e, errors.NumberNotInQuote, "target", f"the target {g.target:g} does not appear in the quote")
        if g.baseline and not stands_in(g.baseline.value, g.baseline.quote):
            flag(e, errors.NumberNotInQuote, "baseline.value",
                 f"the baseline {g.baseline.value:g} does not appear in the baseline quote")
        if plan is not None:
            checks.append((e, plan.source, g.quote, "quote"))
            if g.baseline:
                checks.append((e, plan.source, g.baseline.quote, "baseline.quote"))
    documents = {e.record.id: e.record for e in by_kind.get("document", [])}
    for e in by_kind.get("observation", []):
        o = e.record
        if o.value is None:
            if "".join((o.value_text or "").split()) not in "".join(o.quote.split()):
                flag(e, errors.NumberNotInQuote, "value_text", "the statement does not stand word for word in the quote")
        elif o.derived is None and not stands_in(o.value, o.quote):
            flag(e, errors.NumberNotInQuote, "value",
                 f"the value {o.value:g} does not appear in the quote (mark a computed figure as derived)")
        doc = documents.get(o.document)
        if doc is not None:
            checks.append((e, doc.file, o.quote, "quote"))

    if not library.available:
        report.quotes_verified = False
        report.problems.append(
            errors.QuotesNotVerified(
                file=str(library.folder),
                detail=f"source folder not found, so {len(checks)} quotes were NOT verified against their documents",
            )
        )
        return
    missing_reported: set[str] = set()
    for entry, source, quote, field in checks:
        if not library.has(source):
            if source not in missing_reported:
                missing_reported.add(source)
                report.problems.append(errors.SourceMissing(file=str(library.folder), detail=source))
            flag(entry, errors.QuoteNotInSource, field, f"{source}, which is missing from the sources folder")
        elif not library.contains(source, quote):
            flag(entry, errors.QuoteNotInSource, field, source)
    report.quotes_verified = not missing_reported
