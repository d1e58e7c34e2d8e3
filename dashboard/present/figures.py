"""One goal's figures as people take them away: rows of a table, a CSV, a text alternative of its chart, how to
cite it and how recent its data is. Pure: a goal's account and a locale in, text and bytes out.

The dashboard's goal page shows them; the static site can publish the same files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.present.locale import Locale
from dashboard.records.model import Document

#: The CSV's columns, in order: catalogue keys `figures.col.<name>` give the headers.
CSV_COLUMNS = ("goal", "indicator", "area", "first_year", "last_year", "value", "qualifier", "unit", "stated",
               "role", "basis", "comparable", "reason", "caliber", "document", "publisher", "published", "quote",
               "quote_en")


@dataclass(frozen=True)
class FigureRow:
    """One figure as the goal page's table shows it, every field already in words."""

    value: str  # as the document states it (2%以内 / ≤2%)
    years: str
    area: str
    role: str  # 判定依据 / Deciding …
    role_code: str
    basis: str
    reason: str
    document: str  # title (publisher, date)
    quote: str  # verbatim, in Chinese
    quote_en: str  # an English gloss where the data has one
    caliber: str
    notes: str
    stand_in: str  # the data's declaration that let another area's figure stand in, where one applied


def role_word(e: EvidenceAccount, loc: Locale) -> str:
    return loc.t(f"figures.role.{e.role}")


def source_line(doc: Document | None, loc: Locale) -> str:
    """《title》（publisher, date） / “title” (publisher, date)."""
    if doc is None:
        return ""
    return loc.t("figures.source", title=loc.document_title(doc), publisher=loc.publisher(doc),
                 date=doc.published.isoformat())


def stand_in_text(e: EvidenceAccount, loc: Locale) -> str:
    """The data's declaration of what another area's figure may say here, and why ("" when none applied, or when
    the figure's own reasons already quote it)."""
    s = e.stand_in
    # the reasons quote the declaration inside a sentence: its closing stop may read "；" there
    if s is None or loc.pick(s.reason, s.reason_en).rstrip("。.；; ") in loc.reasons(e.reasons):
        return ""
    return loc.t("figures.stand_in", area=loc.area(s.area or e.observation.area), use=loc.t(f"figures.stand_in.use.{s.use}"),
                 reason=loc.pick(s.reason, s.reason_en))


def rows(a: GoalAccount, loc: Locale, evidence: Sequence[EvidenceAccount] | None = None) -> list[FigureRow]:
    """The goal's figures as rows (`evidence`: only these of its figures)."""
    out = []
    for e in a.evidence if evidence is None else evidence:
        o = e.observation
        notes = loc.pick(o.notes, o.notes_en) if (o.notes or o.notes_en) and o.notes_beside(a.goal.plan) else ""
        out.append(FigureRow(
            value=loc.observed(o), years=loc.years(o.first_year, o.last_year), area=loc.area(o.area),
            role=role_word(e, loc), role_code=e.role, basis=loc.basis(e.basis) if e.comparable else loc.t("basis.none"),
            reason=loc.reasons(e.reasons), document=source_line(e.document, loc), quote=o.quote,
            quote_en=o.quote_en or "", caliber=loc.pick(o.caliber, o.caliber_en) if o.caliber else "", notes=notes,
            stand_in=stand_in_text(e, loc)))
    return out


def csv_bytes(a: GoalAccount, loc: Locale) -> bytes:
    """The goal's figures as CSV, one row per figure, headers in the locale's language; UTF-8 with a byte-order
    mark so that Excel on a Chinese Windows reads it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([loc.t(f"figures.col.{c}") for c in CSV_COLUMNS])
    goal_name = loc.goal_name(a.goal)
    for e in a.evidence:
        o, doc = e.observation, e.document
        w.writerow([
            goal_name, loc.indicator(o.indicator), loc.area(o.area), o.first_year, o.last_year,
            "" if o.value is None else o.value, o.qualifier or "", loc.unit(o.unit), loc.observed(o),
            role_word(e, loc), loc.basis(e.basis) if e.comparable else loc.t("basis.none"),
            loc.t("figures.yes") if e.comparable else loc.t("figures.no"), loc.reasons(e.reasons),
            loc.pick(o.caliber, o.caliber_en) if o.caliber else "",
            loc.document_title(doc) if doc else "", loc.publisher(doc) if doc else "",
            doc.published.isoformat() if doc else "", o.quote, o.quote_en or "",
        ])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def csv_name(a: GoalAccount) -> str:
    return f"{a.goal.id}-figures.csv"


def last_updated(a: GoalAccount) -> dt.date | None:
    """When the newest document behind this goal's figures was published (None without figures)."""
    dates = [e.document.published for e in a.evidence if e.document is not None]
    return max(dates) if dates else None


def chart_alt(a: GoalAccount, loc: Locale) -> str:
    """One sentence that says what the goal's chart shows, for people who cannot see it."""
    g = a.goal
    # what the chart draws: every comparable figure, a level goal's paces in the pace panel under the levels
    drawn = [e for e in a.evidence if e.comparable and e.observation.value is not None]
    parts = [loc.t("figures.alt.target", name=loc.goal_name(g), target=loc.target(g), year=g.target_year)]
    if g.baseline is not None and g.measure == "level":
        parts.append(loc.t("figures.alt.baseline", year=g.baseline.year, value=loc.value(g.baseline.value, g.unit)))
    if drawn:
        e = a.deciding if a.deciding is not None and a.deciding in drawn else drawn[0]
        o = e.observation
        parts.append(loc.t("figures.alt.figures", n=len(drawn), value=loc.observed(o),
                           years=loc.years(o.first_year, o.last_year), area=loc.area(o.area), basis=loc.basis(e.basis)))
        p = e.progress
        if e.reading == "pace" and g.measure == "level" and p is not None and p.pace_asked is not None:
            parts.append(loc.t("figures.alt.pace", asked=loc.pace(p.pace_asked, p.pace_unit)))
    else:
        parts.append(loc.t("figures.alt.none"))
    parts.append(loc.t("figures.alt.status", status=loc.goal_status(a)))
    return loc.t("figures.alt", text=loc.clause_sep.join(parts))


def citation(a: GoalAccount, loc: Locale, url: str, today: dt.date, version: str | None = None) -> str:
    """How to cite this goal's page: the tracker, the goal, its status, its sources, the address (with the
    publication's data version, where it has one) and the day."""
    docs = list(dict.fromkeys(e.document for e in a.evidence if e.document is not None and e.comparable))
    sources = loc.join(source_line(d, loc) for d in docs) or loc.t("figures.cite.no_sources")
    return loc.t("figures.cite", tracker=loc.t("ui.app.title", plan=loc.plan_short_name()), goal=loc.goal_name(a.goal),
                 status=loc.goal_status(a), sources=sources,
                 url=loc.t("figures.cite.versioned", url=url, version=version) if version else url,
                 date=today.isoformat())
