"""Checks across records: unique ids, references, years, and quotes against the source documents.

Each check appends located problems to the report; an entry with any error is dropped from the
returned list (and so counted as rejected), every other entry is kept.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from dashboard.records import errors
from dashboard.records.areas import words_naming
from dashboard.records.model import convert_factor
from dashboard.records.numbers import mentions, qualifier_class, stands_in, unit_follows
from dashboard.records.report import Entry, LoadReport
from dashboard.records.sources import SourceLibrary


def earliest_baseline_year(plan) -> int:
    """A plan reviews its predecessor: a baseline may come from the base year back to the start of the previous
    plan period (one period's length before the base year)."""
    return plan.base_year - (plan.period[1] - plan.period[0] + 1)


def cross_check(entries: list[Entry], library: SourceLibrary, report: LoadReport) -> list[Entry]:
    bad: set[int] = set()

    def flag(entry: Entry, cls: type[errors.Problem], field: str | None, detail: str = "", **params) -> None:
        line = entry.raw.line_of(field.split(".")[0]) if field else entry.raw.line
        report.problems.append(cls(file=entry.file, line=line, record=entry.record.id, field=field, kind=entry.kind,
                                   detail=detail, params=params))
        if cls.severity == "error":
            bad.add(id(entry))

    entries = _one_document_per_id(entries, report)
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_kind[e.kind].append(e)

    _unique_ids(entries, flag)
    ids = {kind: {e.record.id for e in es} for kind, es in by_kind.items()}
    plans = by_kind.get("plan", [])
    plan = plans[0].record if plans else None
    plan_entries: dict[str, Entry] = {}
    for p in plans:
        if p.record.id in plan_entries:
            flag(p, errors.DuplicatePlan, "id")
        else:
            plan_entries[p.record.id] = p

    def plan_of(goal) -> Any:
        """The goal's own plan (the first plan for a goal loaded without one)."""
        found = plan_entries.get(goal.plan)
        return found.record if found is not None else plan

    def ref(entry: Entry, field: str, value: str | None, kind: str) -> None:
        if value is not None and value not in ids.get(kind, set()):
            flag(entry, errors.UnknownReference, field, value=value, target=errors.KIND_NAMES[kind])

    for e in by_kind.get("plan", []):
        ref(e, "area", e.record.area, "area")
    for e in by_kind.get("area", []):
        ref(e, "parent", e.record.parent, "area")
    for e in by_kind.get("indicator", []):
        for i, rel in enumerate(e.record.relations):
            ref(e, f"relations.{i}.to", rel.to, "indicator")
    goals_by_id = {e.record.id: e.record for e in by_kind.get("goal", [])}
    groups_of = {p.id: {gr.id for gr in p.groups} for p in (e.record for e in plan_entries.values())}
    for pe in plan_entries.values():
        prefix = "" if pe.record is plan else f"{pe.record.id}."
        for i, goal_id in enumerate(pe.record.highlights):
            if prefix + goal_id not in goals_by_id:  # said, but the plan is kept: a missing card is only not shown
                report.problems.append(errors.UnknownReference(
                    file=pe.file, line=pe.raw.line_of("highlights"), record=pe.record.id, field=f"highlights.{i}",
                    kind="plan", params={"value": goal_id, "target": errors.KIND_NAMES["goal"]}))
    goal_plan = plan
    areas = {e.record.id: e.record for e in by_kind.get("area", [])}
    for e in by_kind.get("goal", []):
        g = e.record
        goal_plan = plan_of(g)
        groups = groups_of.get(goal_plan.id, set()) if goal_plan is not None else set()
        if groups and g.group not in groups:
            flag(e, errors.UnknownReference, "group", value=g.group, target=errors.Text("规划分组（plan.yaml的groups）",
                                                                                       "group of the plan (plan.yaml groups)"))
        ref(e, "area", g.area, "area")
        _speaks_for(e, g, goal_plan, areas, flag)
        ref(e, "indicator", g.indicator, "indicator")
        ref(e, "paces", g.paces, "goal")
        paced = goals_by_id.get(g.paces) if g.paces else None
        if g.paces and g.measure == "level":
            flag(e, errors.InvalidValue, "paces", "only a rate-of-change goal (measure other than level) paces another goal")
        if paced is not None and paced.measure != "level":
            flag(e, errors.InvalidValue, "paces", f"{g.paces!r} is itself a rate of change; paces must name a level goal")
        if goal_plan is not None:
            if g.target_year not in goal_plan.years:
                allowed = (f"{goal_plan.period[0]}–{goal_plan.period[1]}"
                           + "".join(f", {y}" for y in goal_plan.horizon_years))
                flag(e, errors.YearOutOfRange, "target_year", what=_TARGET_YEAR, year=g.target_year,
                     range_name=_PLAN_YEARS, allowed=allowed)
            first = earliest_baseline_year(goal_plan)
            if g.baseline and not first <= g.baseline.year <= goal_plan.base_year:
                flag(e, errors.YearOutOfRange, "baseline.year", what=_BASELINE_YEAR, year=g.baseline.year,
                     range_name=_BASELINE_YEARS, allowed=f"{first}–{goal_plan.base_year}")
    documents = {e.record.id: e for e in by_kind.get("document", [])}
    for e in by_kind.get("document", []):
        ref(e, "area", e.record.area, "area")
        if e.record.years[0] > e.record.years[1]:
            flag(e, errors.InvalidValue, "years", "years must be [first year, last year]")
    for e in by_kind.get("observation", []):
        o = e.record
        ref(e, "indicator", o.indicator, "indicator")
        ref(e, "area", o.area, "area")
        ref(e, "notes_for", o.notes_for, "plan")
        if o.derived:
            for i, input_id in enumerate(o.derived.inputs):
                ref(e, f"derived.inputs.{i}", input_id, "observation")
        doc_entry = documents.get(o.document)
        if doc_entry is not None:
            first, last = doc_entry.record.years
            if o.first_year < first or o.last_year > last:
                flag(e, errors.YearOutOfRange, "year" if o.year is not None else "period", what=_FIGURE_YEARS,
                     year=_span(o.first_year, o.last_year), range_name=_DOCUMENT_YEARS, allowed=_span(first, last))
        if plan is not None:
            _before_base(e, o, plan, flag)
    _unit_scale(by_kind, goals_by_id, plan.area if plan is not None else None, flag)

    for e in by_kind.get("goal", []):
        g = e.record
        if g.measure != "level" and g.baseline is not None and g.baseline.unit is None and not g.paces:
            flag(e, errors.BaselineUnitMissing, "baseline")
    _quotes(by_kind, plan_of, library, report, flag, bad)
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
            params={"count": n, "area": area}))


def _speaks_for(e: Entry, g, plan, areas, flag) -> None:
    """A goal speaks for an area other than the plan's only where its own quote names that area (a district plan's
    为我市…创造条件 speaks for the city): otherwise another area's figures would count as direct on the data's word."""
    if plan is None or g.area is None or g.area == plan.area or g.area not in areas:
        return
    if words_naming(g.quote, g.area, plan.area, areas) is None:
        flag(e, errors.GoalAreaNotInQuote, "area", area=g.area, area_name=areas[g.area].name)


_TARGET_YEAR = errors.Text("目标年份", "the target year")
_BASELINE_YEAR = errors.Text("基期年份", "the baseline year")
_FIGURE_YEARS = errors.Text("数据年份", "the year(s) of the figure")
_PLAN_YEARS = errors.Text("规划期及展望年", "the plan period and its horizon")
_BASELINE_YEARS = errors.Text("可作基期的年份", "the years a baseline may come from")
_DOCUMENT_YEARS = errors.Text("文献涵盖的年份", "the years its document covers")


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _one_document_per_id(entries: list[Entry], report: LoadReport) -> list[Entry]:
    """A document id is its file's: a second file with the id of a first is refused whole (its document and every
    figure in it, which would otherwise be checked against the first's source), naming both files; the first
    file keeps all its figures."""
    first: dict[str, Entry] = {}
    for e in entries:
        if e.kind != "document":
            continue
        owner = first.get(e.record.id)
        # the file named after the id (doc-000.yaml for doc-000) owns it, else the first in file order
        if owner is None or (_named_after(e) and not _named_after(owner)):
            first[e.record.id] = e
    refused = {e.file for e in entries if e.kind == "document" and first[e.record.id] is not e}
    if not refused:
        return entries
    for e in entries:
        if e.kind == "document" and e.file in refused:
            owner = first[e.record.id]
            count = sum(1 for x in entries if x.file == e.file and x.kind == "observation")
            report.problems.append(errors.DuplicateDocument(
                file=e.file, line=e.raw.line_of("id"), record=e.record.id, field="id", kind="document",
                params={"id": e.record.id, "first": f"{owner.file}:{owner.raw.line_of('id')}",
                        "first_file": owner.file, "count": count}))
    return [e for e in entries if e.file not in refused]


def _named_after(e: Entry) -> bool:
    return Path(e.file).stem == e.record.id


def _before_base(e: Entry, o, plan, flag) -> None:
    years = o.last_year - o.first_year + 1
    before = max(0, min(o.last_year, plan.base_year - 1) - o.first_year + 1)
    if before * 2 > years:
        flag(e, errors.PeriodBeforeBase, "year" if o.year is not None else "period", first=o.first_year,
             last=o.last_year, base_year=plan.base_year)


_FAR = 100.0  # a figure this many times away from a goal's baseline and target is likely in the wrong unit


def _unit_scale(by_kind, goals_by_id, plan_area: str | None, flag) -> None:
    """A figure 100× or more away from the baseline and the target of a goal of its own area (261445 in 万人 beside
    a target of 24万人). Another area's figures are not compared: a province's total may well be 100× a district's."""
    by_indicator: dict[str, list] = defaultdict(list)
    for g in goals_by_id.values():
        if g.measure == "level" and g.unit and g.target:
            by_indicator[g.indicator].append(g)
    if not by_indicator:
        return
    for e in by_kind.get("observation", []):
        o = e.record
        if o.value is None or not o.value or o.measure != "level" or o.indicator not in by_indicator:
            continue
        for g in by_indicator[o.indicator]:
            if (g.area or plan_area) != o.area:
                continue
            size = _in_unit(abs(o.value), o.unit, g.unit)
            if size is None:
                continue
            refs = [(abs(g.target), _TARGET, g.target)]
            if g.baseline and g.baseline.value and g.baseline.unit in (None, g.unit):
                refs.append((abs(g.baseline.value), _BASELINE, g.baseline.value))
            factors = [max(size / r, r / size) for r, _, _ in refs if r]
            if factors and min(factors) >= _FAR:
                against = [errors.Text(f"{zh}{v:g}{g.unit}", f"{en} {v:g}{g.unit}") for _, (zh, en), v in refs]
                flag(e, errors.UnitScale, "unit", value=f"{o.value:g}{o.unit}", goal=g.id, against=against,
                     factor=_power_of_ten(min(factors)))
                break


_TARGET = ("目标", "target")
_BASELINE = ("基期值", "baseline")


def _in_unit(value: float, unit: str | None, goal_unit: str) -> float | None:
    factor = convert_factor(unit, goal_unit)
    return None if factor is None else value * factor


def _power_of_ten(x: float) -> int:
    p = 1
    while p * 10 <= x:
        p *= 10
    return p


def _unique_ids(entries: list[Entry], flag) -> None:
    seen: dict[tuple[str, str], Entry] = {}
    for e in entries:
        key = (e.kind, e.record.id)
        if key in seen and e.kind != "plan":
            first = seen[key]
            flag(e, errors.DuplicateId, "id", first=f"{first.file}:{first.raw.line}")
        else:
            seen.setdefault(key, e)


def _words_beside(e: Entry, o, flag) -> None:
    """The qualifier and the unit a record gives its figure are the words its quote writes beside the number."""
    if o.value is None or o.derived is not None:
        return
    found = mentions(o.value, o.quote)
    if not found:
        return  # stated in words (翻一番, 全部): nothing to compare
    if o.unit and not any(unit_follows(o.unit, m.unit_text) for m in found):
        flag(e, errors.UnitNotInQuote, "unit", unit=o.unit, number=f"{o.value:g}", found=_word(found[0].unit_text))
    mine = qualifier_class(o.qualifier)
    if any(qualifier_class(m.qualifier) == mine or (m.qualifier is None and mine != "point" and m.says(mine))
           for m in found):
        return
    said = next((m.qualifier for m in found if m.qualifier), None)
    if o.qualifier is None and said is not None:
        flag(e, errors.QualifierMissing, "qualifier", number=f"{o.value:g}", found=said)
    elif o.qualifier is not None:
        flag(e, errors.QualifierNotInQuote, "qualifier", qualifier=o.qualifier, number=f"{o.value:g}",
             found=said or "")


def _word(after: str) -> str:
    """What a quote writes after a number, up to the next punctuation or digit (a few characters)."""
    out = ""
    for ch in after[:6]:
        if ch.isdigit() or not (ch.isalpha() or ch in "%‰()"):
            break
        out += ch
    return out


def _quotes(by_kind, plan_of, library: SourceLibrary, report: LoadReport, flag, bad: set[int]) -> None:
    """Every number stands in its quote; every quote stands in its document (when documents are here)."""
    # (entry, source file, quote, field), and where each source is named: (data file, line, key), entry count
    checks: list[tuple[Entry, str, str, str]] = []
    named: dict[str, tuple[str, int, str]] = {}
    for e in by_kind.get("goal", []):
        g = e.record
        if g.target is not None and not stands_in(g.target, g.quote):
            flag(e, errors.NumberNotInQuote, "target", what=_WHAT_TARGET, value=f"{g.target:g}")
        if g.baseline and not stands_in(g.baseline.value, g.baseline.quote):
            flag(e, errors.NumberNotInQuote, "baseline.value", what=_WHAT_BASELINE, value=f"{g.baseline.value:g}")
        plan = plan_of(g)
        if plan is not None:
            checks.append((e, plan.source, g.quote, "quote"))
            if g.baseline:
                checks.append((e, plan.source, g.baseline.quote, "baseline.quote"))
    for e in by_kind.get("plan", []):
        named.setdefault(e.record.source, (e.file, e.raw.line_of("source"), "source"))
    documents = {e.record.id: e for e in by_kind.get("document", [])}
    for e in by_kind.get("document", []):
        named.setdefault(e.record.file, (e.file, e.raw.line_of("file"), "file"))
    for e in by_kind.get("observation", []):
        o = e.record
        if o.value is None:
            if "".join((o.value_text or "").split()) not in "".join(o.quote.split()):
                flag(e, errors.ValueTextNotInQuote, "value_text")
        elif o.derived is None and not stands_in(o.value, o.quote):
            flag(e, errors.NumberNotInQuote, "value", what=_WHAT_VALUE, value=f"{o.value:g}")
        else:
            _words_beside(e, o, flag)
        doc = documents.get(o.document)
        if doc is not None:
            checks.append((e, doc.record.file, o.quote, "quote"))

    if not library.available:
        report.quotes_verified = False
        report.problems.append(errors.QuotesNotVerified(file=str(library.folder), kind="file",
                                                        params={"count": len(checks)}))
        return
    unusable: dict[str, set[int]] = defaultdict(set)  # source → entries whose quotes it cannot prove
    for entry, source, quote, field in checks:
        if not library.has(source) or library.encoding(source) is None:
            unusable[source].add(id(entry))
        elif not library.contains(source, quote):
            near = library.closest(source, quote)
            extra = {} if near is None else {"closest": near.passage, "position": near.position,
                                             "quoted": near.quoted, "found": near.found}
            flag(entry, errors.QuoteNotInSource, field, source=source, **extra)
    for source, (file, line, key) in named.items():
        where: dict[str, Any] = dict(file=file, line=line, field=key, kind="file")
        if source in unusable:
            params = {"source": source, "folder": str(library.folder), "count": len(unusable[source]), "key": key}
            if not library.has(source):
                report.problems.append(errors.SourceMissing(**where, params=params))
            else:
                report.problems.append(errors.SourceUndecodable(
                    **where, params={**params, "position": library.decode_error(source)}))
            bad |= unusable[source]
        elif library.has(source) and library.encoding(source) == "gb18030":
            report.problems.append(errors.SourceNotUtf8(**where, params={"source": source, "encoding": "GB18030/GBK"}))
    report.quotes_verified = not unusable


_WHAT_TARGET = errors.Text("目标值", "target")
_WHAT_BASELINE = errors.Text("基期值", "baseline")
_WHAT_VALUE = errors.Text("数值", "value")
