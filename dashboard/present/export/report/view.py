"""The evaluation report (评估报告) as one typed view: everything it says, in one language, built once.

The DOCX and the PDF lay this view out; neither writes a word of its own. Every sentence comes from the
judge's codes through the locale (reasons, statuses, figures), in the national practice's words (`national`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present.export import facts
from dashboard.present.export.derivation import derivation
from dashboard.present.export.pages import baseline_words
from dashboard.present.export.report.national import (
    NATIONAL,
    NATIONAL_CODES,
    evidence_year,
    national_code,
    national_label,
    national_word,
)
from dashboard.present.locale import Locale
from dashboard.present.views.goal import progress_lines
from dashboard.present.views.methodology import rules
from dashboard.records.model import AssessmentConfig, Document

Kind = Literal["midterm", "final"]
KINDS: tuple[Kind, ...] = ("midterm", "final")


@dataclass(frozen=True)
class Row:
    """A row of the 主要指标完成情况表."""

    number: int
    goal_id: str  # not shown: tests and links
    indicator: str
    target: str
    baseline: str
    latest: str  # value, year and, for a proxy, its area and the word 代用数据; never blank
    completion: str
    time_share: str
    progress: str  # 完成进度／时间进度 in one cell: "58%／40%"
    evaluation: str  # the national label (a proxy's with its prefix and year)
    status: str  # the judge's code underneath
    basis: str | None
    national: str  # the national word's code


@dataclass(frozen=True)
class Group:
    name: str
    heading: str  # （一）经济 / 3.1 Economy
    intro: str
    rows: tuple[Row, ...]
    findings: tuple[str, ...]  # a paragraph per goal


def title_parts(title: str, plan_words: str) -> tuple[str, ...]:
    """The title cut after the plan's name (and the mark that follows it), where a title too long for one line
    breaks: 克拉玛依区“十一五”规划 / 实施情况中期评估报告, never inside a word (评估报 / 告)."""
    start = title.find(plan_words)
    if start < 0 or not plan_words:
        return (title,)
    end = start + len(plan_words)
    if title[end:end + 1] in (":", "：", ",", "，"):
        end += 1
    first, rest = title[:end], title[end:].strip()
    return (first, rest) if first and rest else (title,)


@dataclass(frozen=True)
class Report:
    lang: str
    kind: Kind
    title: str
    title_parts: tuple[str, ...]  # the title where a line may break when it is too long: the plan, the report
    subtitle: str
    cover: tuple[tuple[str, str], ...]  # (label, value)
    summary_title: str
    summary: tuple[str, ...]  # paragraphs for the leader
    summary_counts: tuple[tuple[str, int, int, int], ...]  # national word, direct, proxy, total
    key_messages: tuple[str, ...]
    caveats: tuple[str, ...]
    columns: tuple[str, ...]  # the table's headers
    groups: tuple[Group, ...]
    coherence_intro: str
    coherence: tuple[str, ...]
    method: tuple[tuple[str, str], ...]  # (rule title, rule)
    mapping_columns: tuple[str, ...]
    mapping: tuple[tuple[str, str, str], ...]  # national word, its condition, the project's status and code
    sources: tuple[str, ...]
    headings: dict[str, str] = field(default_factory=dict)
    footer: str = ""

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(r for g in self.groups for r in g.rows)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings' numbers, up to 99)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _when(e: EvidenceAccount, loc: Locale) -> str:
    o = e.observation
    first, last = (o.period if o.period is not None else (o.year, o.year))
    if first is None or last is None:
        return ""
    span = loc.years(first, last)
    return span if loc.en else f"{span}年"


def latest_words(a: GoalAccount, loc: Locale) -> str:
    """The deciding figure with its year; a proxy says its area and that it is one; none says so."""
    e = a.deciding
    if e is None:
        return loc.t("report.latest.none")
    o = e.observation
    value = loc.observed(o)
    if o.derived is not None:
        value = loc.t("report.latest.derived", value=value)
    if a.basis == "proxy":
        return loc.t("report.latest.proxy", value=value, when=_when(e, loc), area=loc.area(o.area))
    return loc.t("report.latest.direct", value=value, when=_when(e, loc))


def _progress_cells(a: GoalAccount, loc: Locale) -> tuple[str, str]:
    p = a.deciding.progress if a.deciding is not None else None
    if p is None or p.completion is None or p.time_share is None:
        why = "report.progress.hold" if a.goal.hold else (
            "report.progress.none" if a.deciding is None else "report.progress.no_path")
        return loc.t(why), loc.t(why) if p is None or p.time_share is None else loc.pct(p.time_share)
    return loc.pct(p.completion), loc.pct(p.time_share)


def _row(k: int, a: GoalAccount, loc: Locale) -> Row:
    g = a.goal
    base = loc.t("report.baseline", value=baseline_words(g, loc), year=g.baseline.year) if g.baseline \
        else loc.t("report.baseline.none")
    completion, time_share = _progress_cells(a, loc)
    return Row(number=k, goal_id=g.id, indicator=loc.goal_name(g),
               target=loc.t("report.target", target=loc.target(g), year=g.target_year), baseline=base,
               latest=latest_words(a, loc), completion=completion, time_share=time_share,
               progress=completion if completion == time_share else loc.t("report.progress", completion=completion,
                                                                          time_share=time_share),
               evaluation=national_label(a, loc), status=a.status, basis=a.basis, national=national_code(a))


def finding(a: GoalAccount, loc: Locale) -> str:
    """A goal's finding in sentences: the target, the figure and its source, the evaluation and why, the progress."""
    g = a.goal
    parts = [loc.t("report.finding.target", name=loc.goal_name(g), target=loc.target(g), year=g.target_year),
             loc.goal_area(g) or ""]
    e = a.deciding
    if e is not None:
        doc = e.document
        source = loc.t("report.finding.source", title=loc.document_title(doc)) if doc else ""
        figure = latest_words(a, loc).replace("\n", " " if loc.en else "")  # a table cell's line break
        parts.append(loc.t("report.finding.figure", figure=figure, source=source))
        how = derivation(e.observation, loc)
        if how:
            parts.append(how)
    parts.append(loc.t("report.finding.evaluation", label=national_label(a, loc),
                       reason=loc.reason(a.reason).rstrip("。."), ))
    if e is not None and e.progress is not None:
        lines = progress_lines(e.progress, g, loc)
        if lines:
            parts.append(loc.clause_sep.join(lines) + ("." if loc.en else "。"))
    if a.caveats:
        parts.append(loc.t("report.finding.caveats", caveats=loc.reasons(a.caveats)))
    return ("" if not loc.en else " ").join(p.strip() for p in parts if p)


def group_findings(accounts: Sequence[GoalAccount], loc: Locale) -> tuple[str, ...]:
    """A paragraph per goal with a figure to evaluate; the goals without one said together, by their reason
    (a page of "no comparable data" one goal at a time tells a reader less than one sentence naming them)."""
    out = [finding(a, loc) for a in accounts if a.status != "no_comparable_data"]
    none: dict[str, list[str]] = {}
    for a in accounts:
        if a.status == "no_comparable_data":
            none.setdefault(loc.reason(a.reason).rstrip("。."), []).append(loc.goal_name(a.goal))
    out += [loc.t("report.finding.no_data", n=len(names), names=loc.join(names), reason=reason)
            for reason, names in none.items()]
    return tuple(out)


def _group_intro(accounts: Sequence[GoalAccount], loc: Locale) -> str:
    counts = Counter(national_code(a) for a in accounts)
    items = [loc.t("report.count", word=national_word(c, loc), n=counts[c]) for c in NATIONAL_CODES if counts[c]]
    items += [loc.t("report.count", word=national_word(c, loc), n=n) for c, n in counts.items()
              if c not in NATIONAL_CODES]
    return loc.t("report.group.intro", n=len(accounts), counts=loc.join(items))


def _summary(accounts: Sequence[GoalAccount], loc: Locale, kind: Kind, as_of: int | None,
             documents: Sequence[Document]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    n = len(accounts)
    judged = [a for a in accounts if a.deciding is not None and a.status not in ("no_comparable_data",)]
    direct = sum(a.basis == "direct" for a in judged)
    proxy = sum(a.basis == "proxy" for a in judged)
    years = Counter(evidence_year(a) for a in judged if evidence_year(a) is not None)
    year_items = loc.join(loc.t("report.summary.year_item", year=y, n=c) for y, c in sorted(years.items()))
    none = sum(a.deciding is None for a in accounts)
    scope = loc.t("report.summary.as_of", year=as_of) if as_of else loc.t("report.summary.all_data")
    paragraphs = [
        loc.t(f"report.summary.opening.{kind}", plan=loc.plan_name(), n=n, scope=scope, docs=len(documents)),
        loc.t("report.summary.judged", judged=len(judged), direct=direct, proxy=proxy, none=none,
              years=year_items or loc.t("report.none")),
    ]
    messages = []  # the evaluations themselves are counted in the table under these messages
    on_path = [a for a in accounts if a.deciding is not None and a.deciding.progress is not None
               and a.deciding.progress.completion is not None and a.deciding.progress.time_share is not None]
    if kind == "midterm" and on_path:
        ahead = sum(a.deciding.progress.completion >= a.deciding.progress.time_share  # type: ignore[union-attr,operator]
                    for a in on_path)
        messages.append(loc.t("report.summary.half", n=len(on_path), ahead=ahead))
    elif kind == "midterm":
        messages.append(loc.t("report.summary.half_none"))
    behind = [a for a in accounts if a.status in ("off_track", "missed")]
    if behind:
        names = [loc.goal_name(a.goal) for a in behind]
        shown = loc.join(names[:6]) + (loc.t("report.summary.and_more", n=len(names)) if len(names) > 6 else "")
        messages.append(loc.t("report.summary.behind", n=len(behind), names=shown))
    early = [a for a in accounts if national_code(a) in ("achieved_early", "ahead", "achieved")]
    if early:
        names = [loc.goal_name(a.goal) for a in early]
        shown = loc.join(names[:3]) + (loc.t("report.summary.and_more", n=len(names)) if len(names) > 3 else "")
        messages.append(loc.t("report.summary.good", n=len(early), names=shown))
    caveats = [loc.t("report.caveat.proxy", n=proxy)] if proxy else []
    indeterminate = sum(a.status == "indeterminate" for a in accounts)
    if indeterminate:
        caveats.append(loc.t("report.caveat.indeterminate", n=indeterminate))
    return tuple(paragraphs), tuple(messages), tuple(caveats)


def _mapping(loc: Locale) -> tuple[tuple[str, str, str], ...]:
    return tuple((national_word(code, loc), loc.t(f"report.status.{code}.when"),
                  f"{loc.t(f'status.{status}')}（{status}）" if not loc.en else f"{loc.t(f'status.{status}')} ({status})")
                 for code, status in NATIONAL)


def _source(d: Document, loc: Locale) -> str:
    return loc.t("report.source", title=loc.document_title(d), publisher=loc.publisher(d),
                 date=d.published.isoformat())


def default_kind(accounts: Sequence[GoalAccount], plan_end: int | None) -> Kind:
    """final once a figure of the plan's last year (or later) is in, else midterm."""
    latest = max((y for a in accounts if (y := evidence_year(a)) is not None), default=None)
    return "final" if latest is not None and plan_end is not None and latest >= plan_end else "midterm"


def build(accounts: Sequence[GoalAccount], findings: Sequence[Finding], loc: Locale, *, kind: Kind,
          as_of: int | None = None, prepared_on: dt.date | None = None, selection: str = "") -> Report:
    """The report of `accounts` (every goal, judged on the data as of `as_of`), in `loc`'s language;
    `selection` says which goals, when they are not all (a pack's selection)."""
    prepared_on = prepared_on or dt.date.today()
    plan = loc.data.plan if loc.data is not None else None
    documents = facts.pack_documents(accounts)
    period = loc.t("report.cover.period_value", first=plan.period[0], last=plan.period[1], base=plan.base_year) \
        if plan else ""
    latest = max((y for a in accounts if (y := evidence_year(a)) is not None), default=None)
    data_as_of = loc.t("report.cover.as_of_value", year=as_of) if as_of else (
        loc.t("report.cover.all_value", year=latest) if latest else loc.t("report.none"))
    cover = (
        (loc.t("report.cover.plan"), loc.plan_name()),
        (loc.t("report.cover.issuer"), loc.area(plan.area) if plan else ""),
        (loc.t("report.cover.period"), period),
        (loc.t("report.cover.as_of"), data_as_of),
        (loc.t("report.cover.prepared"), loc.t("report.date", y=prepared_on.year, m=prepared_on.month,
                                               d=prepared_on.day)),
    )
    summary, messages, caveats = _summary(accounts, loc, kind, as_of, documents)
    if selection:
        summary = (*summary, selection)
    counts = Counter((national_code(a), a.basis) for a in accounts)
    summary_counts = tuple((national_word(c, loc), counts[(c, "direct")], counts[(c, "proxy")],
                            sum(v for (cc, _), v in counts.items() if cc == c))
                           for c in NATIONAL_CODES if any(cc == c for cc, _ in counts))
    order = [g.id for g in plan.groups] if plan else []
    order += sorted({a.goal.group for a in accounts} - set(order))
    groups: list[Group] = []
    k = 0
    for gid in order:
        members = [a for a in accounts if a.goal.group == gid]
        if not members:
            continue
        rows = []
        for a in members:
            k += 1
            rows.append(_row(k, a, loc))
        heading = loc.t("report.h.group", n=chinese_numeral(len(groups) + 1), k=len(groups) + 1, name=loc.group(gid))
        groups.append(Group(name=loc.group(gid), heading=heading, intro=_group_intro(members, loc), rows=tuple(rows),
                            findings=group_findings(members, loc)))
    related = facts.related_findings(findings, {a.goal.id for a in accounts})
    coherence = tuple(loc.reason(f.reason) + (loc.clause_sep + loc.reason(f.caveat).rstrip("。.")
                                              if f.caveat is not None else "") for f in related
                      ) or (loc.t("ui.coh.none"),)  # a chapter says when it has nothing to report
    sources = [loc.t("report.source.plan", plan=loc.plan_name(), area=loc.area(plan.area))] if plan else []
    sources += [_source(d, loc) for d in documents]
    config = plan.assessment if plan else AssessmentConfig()
    columns = tuple(loc.t(f"report.col.{c}") for c in
                    ("number", "indicator", "target", "baseline", "latest", "progress", "evaluation"))
    plan_words = loc.plan_short_name() or loc.plan_name()
    title = loc.t(f"report.title.{kind}", plan=plan_words)
    return Report(
        lang=loc.lang, kind=kind, title=title, title_parts=title_parts(title, plan_words),
        subtitle=loc.t("report.subtitle", year=as_of) if as_of else loc.t("report.subtitle.all"),
        cover=cover, summary_title=loc.t("report.h.summary"), summary=summary, summary_counts=summary_counts,
        key_messages=messages, caveats=caveats, columns=columns, groups=tuple(groups),
        coherence_intro=loc.t("export.coherence.intro"), coherence=coherence,
        method=rules(loc, config, loc.area(plan.area) if plan else ""),
        mapping_columns=(loc.t("report.mapping.word"), loc.t("report.mapping.when"), loc.t("report.mapping.status")),
        mapping=_mapping(loc), sources=tuple(sources),
        headings={key: loc.t(f"report.h.{key}") for key in
                  ("contents", "summary", "key", "caveats", "counts", "table", "groups", "coherence", "method",
                   "mapping", "sources", "counts_word", "direct", "proxy", "total", "table_note")},
        footer=loc.t("report.footer", title=title),
    )
