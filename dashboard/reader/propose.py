"""Proposals read from a document's text: figures (actuals) and goals (targets). Pure: text in, proposals out.

Every proposal's quote is a verbatim span of the text given: ``text[start:end] == quote``. A person confirms."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from dashboard.reader.normalise import Normalised, normalise
from dashboard.reader.numbers import QUALIFIERS_KNOWN, numbers
from dashboard.reader.reading import CARRIED, Reading, SentenceReader, is_down, is_growth
from dashboard.reader.sentences import clauses, sentences
from dashboard.reader.times import When, named_plan, times
from dashboard.records.model import UNIT_KIND


@dataclass(frozen=True)
class FigureProposal:
    quote: str  # verbatim span of the document text: text[start:end] == quote
    start: int
    end: int
    indicator: str | None  # indicator id of the loaded data, or None
    indicator_name: str  # as written in the document
    measure: str  # level, yoy_growth, annual_growth_rate, annual_increase, change_from_base_pct, multiple_of_base …
    value: float
    unit: str
    qualifier: str | None
    year: int | None
    period: tuple[int, int] | None
    area: str | None
    area_name: str | None
    caliber: str | None
    why: str

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["period"] = list(self.period) if self.period else None
        return out


@dataclass(frozen=True)
class GoalProposal:
    quote: str
    start: int
    end: int
    name: str
    indicator: str | None
    indicator_name: str
    measure: str
    comparator: str
    target: float | None
    unit: str | None
    target_year: int | None
    baseline: dict | None  # {value, year, unit, qualifier, quote}
    hold: bool
    why: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _as_written(norm: Normalised, written: str, quote: tuple[int, int]) -> str:
    """A subject's name in the document's own characters (traditional stays traditional), where it stands whole
    inside the quote; else as read."""
    i = norm.text.find(written, quote[0], quote[1]) if written else -1
    return norm.quote(i, i + len(written)) if i >= 0 else written


def _not_a_figure(r: Reading) -> bool:
    """一个, 一座, 三成 are figures only where their indicator is named right there (建设一座泔水处理站); a
    multiple (翻一番, 两倍) may speak of the subject before."""
    n = r.number
    if not n.chinese:
        return False
    if r.subject.indicator is None:
        return True
    return r.why == CARRIED and not (n.fan or n.unit == "倍")


def _unit(r: Reading) -> str:
    """A bare 万 after a population is 万人 (辖区人口将达24万左右)."""
    if r.number.unit in ("万", "亿") and re.search(r"人口|人数", r.subject.written):
        return r.number.unit + "人"
    return r.number.unit


def level_units(dataset) -> dict[str, set[str]]:
    """The units each indicator's levels are written in, by the data's goals and figures."""
    out: dict[str, set[str]] = {}
    for record in (*dataset.goals, *dataset.observations):
        if record.measure == "level" and record.unit:
            out.setdefault(record.indicator, set()).add(record.unit)
    return out


def _filed(r: Reading, measure: str, units: dict[str, set[str]]) -> tuple[str | None, str]:
    """The indicator a reading is filed under, and why: none where a level's unit counts another kind of thing than
    the indicator's units do (固定资产投资项目566个 is no investment in 亿元), whatever its name says."""
    kinds = {UNIT_KIND.get(u) for u in units.get(r.subject.indicator or "", ())}
    kind = UNIT_KIND.get(_unit(r))
    if measure == "level" and kind and kinds and None not in kinds and kind not in kinds:
        return None, "unit_not_the_indicators"
    return r.subject.indicator, r.why


def _measure(reading: Reading, goal: bool) -> tuple[str, float]:
    """The measure a figure states, and its value signed (下降 5% is −5)."""
    n, lead = reading.number, reading.lead
    value = n.value
    if n.unit == "倍" and (n.fan or re.search(r"是|为|相当于|翻", lead + reading.hold_words)):
        return "multiple_of_base", value
    sign = -1.0 if is_down(lead) else 1.0
    if re.search(r"年均|平均每年|每年平均", lead):
        return ("annual_growth_rate" if n.unit == "%" else "annual_increase"), sign * value
    if is_growth(lead):
        if n.unit == "%":
            if re.search(r"比[“\"]?(?:(?:19|20)\d\d年|十[一二三四五六]?五)", reading.hold_words):
                return "change_from_base_pct", sign * value
            return ("annual_growth_rate" if goal else "yoy_growth"), sign * value
        if n.unit == "百分点" or not goal:
            return "annual_increase", sign * value
    return "level", value


def _time(reading: Reading, year: int | None, years: tuple[int, int] | None) -> tuple[int | None, tuple[int, int] | None]:
    w = reading.when
    if w is None:
        return year, None
    if w.span_end_open:
        first = w.period[0] if w.period else (years[0] if years else None)
        if first is None or year is None or first >= year:
            return year, None
        if re.search(r"达到?$", reading.hold_words):  # a level reached (…参保率达94%以上): at the end of the span
            return year, None
        return None, (first, year)
    if w.period is not None:
        return None, w.period
    return (w.year if w.year is not None else year), None


def reported_year(document) -> int:
    """The year a document reports on, from its record: the last of its `years` that ended before it was published
    (a work report of February 2008 reports on 2007; an article of 2020 whose years run to 2020 reports on 2019)."""
    first, last = document.years
    before = document.published.year - 1
    return min(last, before) if before >= first else last


def propose_figures(text: str, dataset, *, year: int | None = None, area: str | None = None,
                    years: tuple[int, int] | None = None) -> list[FigureProposal]:
    """The figures the text states that bear on the dataset's indicators, and the others it states with a unit,
    each as a proposal (indicator None where the data has no such indicator). `year` is the year the document
    reports on, `area` its own area (an area id of the data, or None: never assumed to be the plan's), `years` the
    span it covers (for 近年来)."""
    norm = normalise(text)
    reader = SentenceReader(dataset, area)
    units = level_units(dataset)
    out: list[FigureProposal] = []
    seen: set[tuple] = set()
    for r in reader.read(norm.text):
        n = r.number
        if _not_a_figure(r):
            continue
        if not r.subject.indicator and not r.subject.written:
            continue
        measure, value = _measure(r, goal=False)
        indicator, why = _filed(r, measure, units)
        y, period = _time(r, year, years)
        fig_area = r.area if r.area_name else area
        area_name = r.area_name or reader.areas.name(area)
        a, b = norm.span(*r.quote)
        found = (indicator or r.subject.written, measure, value, _unit(r), y, period, fig_area)
        if found in seen:
            continue
        seen.add(found)
        out.append(FigureProposal(
            quote=text[a:b], start=a, end=b, indicator=indicator,
            indicator_name=_as_written(norm, r.subject.written, r.quote), measure=measure, value=value, unit=_unit(r),
            qualifier=n.qualifier if n.qualifier in QUALIFIERS_KNOWN else None, year=y, period=period,
            area=fig_area, area_name=area_name, caliber=r.caliber, why=why))
    return out


_COMPARATOR = (("以上", ">="), ("不低于", ">="), ("超过", ">"), ("突破", ">"), ("高于", ">"), ("以内", "<="),
               ("以下", "<="), ("不超过", "<="), ("低于", "<"), ("不到", "<"), ("左右", "≈"), ("约", "≈"))
_PAST = re.compile(r"已|已经|曾|完成了|实现了|达到了")


def _paragraph_time(text: str, sentence_start: int) -> When | None:
    """In a plan, a sentence without a time speaks of the time its paragraph last named (a review of 2005 goes on
    without repeating the year)."""
    start = text.rfind("\n", 0, sentence_start) + 1
    named = [w for w in times(text[start:sentence_start]) if not w.base and (w.year or w.period)]
    return named[-1] if named else None


def _comparator(r: Reading) -> tuple[str, bool]:
    """(comparator, hold) from the qualifier and the verbs: 以上 >=, 超过/突破 >, 以内/控制在 <= (hold),
    左右 ≈, 稳定在/保持 hold; a bare 达到 is read as >= (the project's reading)."""
    words = r.hold_words
    q = r.number.qualifier
    hold = bool(re.search(r"控制在|稳定在|保持", words))
    if q:
        for word, comp in _COMPARATOR:
            if q == word:
                return comp, hold
    if "稳定在" in words:
        return "≈", True
    if "控制在" in words:
        return "<=", True
    return ">=", hold


def propose_goals(text: str, dataset, *, period: tuple[int, int] | None = None) -> list[GoalProposal]:
    """The targets a plan's text sets. `period` is the plan's period; without it, the five-year plan the text names
    most often (十一五 → 2006–2010). A figure dated before the period is a baseline or a review, not a goal; it becomes
    the baseline of the goals of its indicator whose base year it is (the year after 比, else the year before the
    period)."""
    norm = normalise(text)
    period = period or named_plan(norm.text)
    reader = SentenceReader(dataset, None)
    units = level_units(dataset)
    out: list[GoalProposal] = []
    seen: set[tuple] = set()
    past: dict[tuple[str, int], dict] = {}  # (indicator, year) → the level the text states for it
    for r in reader.read(norm.text):
        n = r.number
        if _not_a_figure(r):
            continue
        if not r.subject.indicator and not r.subject.written:
            continue
        sentence = norm.text[r.sentence[0]:r.sentence[1]]
        w = r.when or _paragraph_time(norm.text, r.sentence[0])
        target_year: int | None = period[1] if period else None
        if w is not None:
            if w.year is not None:
                target_year = w.year
            elif w.period is not None:
                target_year = w.period[1]
        measure, value = _measure(r, goal=True)
        indicator, why = _filed(r, measure, units)
        a, b = norm.span(*r.quote)
        was_done = bool(_PAST.search(norm.text[r.sentence[0]:n.start]))  # 已达22%: what was done
        if was_done or (period and target_year is not None and target_year < period[0]):
            # what was done without a year (已达22%) stands at the plan's base year
            year = w.year if w is not None and w.year is not None else (
                period[0] - 1 if period and was_done else None)
            if indicator and measure == "level" and year is not None:
                past.setdefault((indicator, year), {
                    "value": value, "year": year, "unit": _unit(r), "qualifier": n.qualifier, "quote": text[a:b]})
            continue
        comparator, hold = _comparator(r)
        if measure == "level" and re.search(r"期间", sentence) and w is not None and w.plan_end:
            hold = True
        base = re.search(r"比((?:19|20)\d\d)年", r.hold_words)
        base_year = int(base.group(1)) if base else (period[0] - 1 if period else None)
        baseline = {"value": None, "year": base_year, "unit": None, "qualifier": None, "quote": None} if base else None
        found = (indicator or r.subject.written, measure, value, _unit(r), comparator, target_year)
        if found in seen:
            continue
        seen.add(found)
        written = _as_written(norm, r.subject.written, r.quote)
        out.append(GoalProposal(
            quote=text[a:b], start=a, end=b,
            name=_goal_name(written, measure, norm.text[max(r.sentence[0], n.start - 6):n.start]),
            indicator=indicator, indicator_name=written,
            measure=measure, comparator=comparator, target=value, unit=_unit(r),
            target_year=target_year, baseline=baseline if baseline else (
                {"year": base_year} if base_year is not None else None), hold=hold, why=why))
    out += _all_of(text, norm, reader, period, seen)
    return sorted((_with_baseline(g, past) for g in out), key=lambda g: g.start)


_GROWTH_NAME = re.compile(r"(增长|增速|增幅|递增)率?$")


def _goal_name(subject: str, measure: str, before_number: str) -> str:
    """A growth goal named as plans name it, apart from the level goal of the same subject: 地区生产总值 and
    地区生产总值年均增长率 (年均 where the text says so before the number, else 增长率: an annual plan's one year)."""
    if measure != "annual_growth_rate" or _GROWTH_NAME.search(subject):
        return subject
    return subject + ("年均增长率" if "年均" in before_number else "增长率")


def _with_baseline(g: GoalProposal, past: dict[tuple[str, int], dict]) -> GoalProposal:
    """The level the text states for the goal's indicator in its base year, if any (else a stated base year alone)."""
    year = g.baseline.get("year") if g.baseline else None
    found = past.get((g.indicator, year)) if g.indicator and year is not None else None
    if found is not None and g.unit in (found["unit"], "%", "倍", "百分点") and (
            g.measure != "level" or g.unit == found["unit"]):
        return replace(g, baseline=dict(found))
    if g.baseline and g.baseline.get("value") is None and "quote" not in g.baseline:
        return replace(g, baseline=None)  # the year before the period was only a guess: nothing stated
    return g


def _all_of(text: str, norm: Normalised, reader: SentenceReader, period, seen) -> list[GoalProposal]:
    """全部完成X / X全部入学: a target of 100% for the indicator named, stated without a number."""
    out = []
    for s0, s1 in sentences(norm.text):
        for c0, c1 in clauses(norm.text, s0, s1):
            clause = norm.text[c0:c1]
            if "全部" not in clause or numbers(norm.text, c0, c1):
                continue
            mentions = reader.lexicon.find(clause, clause)
            if not mentions:
                continue
            m = mentions[-1]
            ys = [w.year for w in times(clause) if w.year and not w.base]
            target_year = ys[-1] if ys else (period[1] if period else None)
            found = (m.indicator, "level", 100.0, "%", ">=", target_year)
            if found in seen:
                continue
            seen.add(found)
            a, b = norm.span(c0, c1)
            out.append(GoalProposal(
                quote=text[a:b], start=a, end=b, name=m.written, indicator=m.indicator, indicator_name=m.written,
                measure="level", comparator=">=", target=100.0, unit="%", target_year=target_year, baseline=None,
                hold=False, why="all_of_it"))
    return out
