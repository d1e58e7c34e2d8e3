"""The JSON contract of `assess` (version 2, documented field by field in the README), and its CSV and Markdown
renderings. Other tools read this: fields are only ever added, and a field keeps its meaning. Reasons come in
both languages (from the locale) and as codes with their parameters (from the judge)."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.codes import Reason
from dashboard.judge.coherence import Finding
from dashboard.present.locale import Locale
from dashboard.records.model import Dataset, Plan

CONTRACT_VERSION = 2


Pair = tuple[Locale, Locale]


def _pair(data: Dataset | None, locales: Pair | None = None) -> Pair:
    """The two locales of `data`; made once per document, not per goal (each indexes the whole dataset)."""
    return locales or (Locale("zh", data), Locale("en", data))


def reason_dict(r: Reason) -> dict[str, Any]:
    """A reason as data: its code and its parameters (nested reasons and typed parameters as objects)."""
    def param(p: Any) -> Any:
        if isinstance(p, Reason):
            return reason_dict(p)
        if dataclasses.is_dataclass(p):
            out: dict[str, Any] = {"type": type(p).__name__}
            for f in dataclasses.fields(p):
                v = getattr(p, f.name)
                out[f.name] = [param(x) for x in v] if isinstance(v, tuple) else param(v)
            return out
        return p
    return {"code": r.code, "params": {k: param(v) for k, v in r.params.items()}}


def evidence_dict(e: EvidenceAccount, plan: str, data: Dataset | None = None, locales: Pair | None = None
                  ) -> dict[str, Any]:
    """A figure as weighed for a goal of `plan` (notes written of another plan are left out)."""
    zh, en = _pair(data, locales)
    o, p = e.observation, e.progress
    notes_shown = o.notes_beside(plan)
    return {
        "observation": o.id,
        "document": o.document,
        "document_title": e.document.title if e.document else None,
        "document_title_en": e.document.title_en if e.document else None,
        "indicator": o.indicator,
        "measure": o.measure,
        "year": o.year,
        "period": list(o.period) if o.period else None,
        "value": o.value,
        "value_text": o.value_text,
        "value_text_en": o.value_text_en,
        "qualifier": o.qualifier,
        "unit": o.unit,
        "lower": e.interval.lower,
        "upper": e.interval.upper,
        "lower_open": e.interval.lower_open,
        "upper_open": e.interval.upper_open,
        "jurisdiction": o.area,
        "area_relation": e.area_relation,
        "concept": e.concept,
        "use": e.use,
        "stand_in": None if e.stand_in is None else {
            "area": e.stand_in.area, "use": e.stand_in.use, "reason": e.stand_in.reason,
            "reason_en": e.stand_in.reason_en},
        "reading": e.reading,
        "caliber": o.caliber,
        "price_basis": o.price_basis,
        "quote": o.quote,
        "quote_en": o.quote_en,
        "derived": {"formula": o.derived.formula, "inputs": list(o.derived.inputs)} if o.derived else None,
        "role": e.role,
        "comparable": e.comparable,
        "basis": e.basis,
        "timing": e.timing,
        "verdict": e.verdict,
        "side": e.side,
        "beyond": e.beyond,
        "path_verdict": e.path_verdict,
        "progress": None if p is None else {
            "path": p.path, "year": p.year, "required": p.required, "time_share": p.time_share,
            "completion": p.completion, "growth_ratio": p.growth_ratio, "growth_category": p.growth_category,
            "pace_achieved": p.pace_achieved, "pace_asked": p.pace_asked, "pace_needed": p.pace_needed,
            "pace_unit": p.pace_unit, "pace_years": p.pace_years,
        },
        "reason": zh.reasons(e.reasons),
        "reason_en": en.reasons(e.reasons),
        "reasons": [reason_dict(r) for r in e.reasons],
        "notes": o.notes if notes_shown else None,
        "notes_en": o.notes_en if notes_shown else None,
        "settled": e.settled,
        "limit": e.limit,
        "declared": e.declared,
        "meets_reason": o.meets_reason if e.declared else None,
        "meets_reason_en": o.meets_reason_en if e.declared else None,
        "inferred": [i for i in o.inferred if i != "notes" or notes_shown],
    }


def goal_dict(a: GoalAccount, data: Dataset | None = None, locales: Pair | None = None, *,
              evidence: bool = True) -> dict[str, Any]:
    """A goal's judgement as data, with every figure's (`evidence=False`: without them, for a table)."""
    zh, en = _pair(data, locales)
    g = a.goal
    b = g.baseline
    return {
        "id": g.id,
        # the goal's plan; a later plan's goal ids are `<plan-id>.<id>` (ids are unique within a plan)
        "plan": g.plan or (data.plan.id if data is not None and data.plan is not None else None),
        "name": g.name,
        "name_en": g.name_en,
        "group": g.group,
        "area": g.area,
        "speaks_for": a.area,
        "chapter": g.chapter,
        "chapter_en": g.chapter_en or None,
        "indicator": g.indicator,
        "measure": g.measure,
        "unit": g.unit,
        "comparator": g.comparator,
        "target": g.target,
        "target_text": g.target_text,
        "target_text_en": g.target_text_en,
        "target_year": g.target_year,
        "hold": g.hold,
        "baseline": {"value": b.value, "year": b.year, "quote": b.quote, "unit": b.unit or g.unit,
                     "qualifier": b.qualifier, "for_progress": g.progress_baseline is not None} if b else None,
        "paces": g.paces,
        "quote": g.quote,
        "quote_en": g.quote_en,
        "caliber": g.caliber,
        "price_basis": g.price_basis,
        "status": a.status,
        "status_label": zh.goal_status(a),
        "status_label_en": en.goal_status(a),
        "basis": a.basis,
        "timing": a.timing,
        "path": a.path,
        "evidence_years": [a.evidence_years.first, a.evidence_years.last] if a.evidence_years else None,
        "band": a.band,
        "reason": zh.reason(a.reason),
        "reason_en": en.reason(a.reason),
        "reason_code": reason_dict(a.reason),
        "caveats": [zh.reason(c) for c in a.caveats],
        "caveats_en": [en.reason(c) for c in a.caveats],
        "deciding_observation": a.deciding.observation.id if a.deciding else None,
        "context_observations": [e.observation.id for e in a.context],
        **({"evidence": [evidence_dict(e, g.plan, data, (zh, en)) for e in a.evidence]} if evidence else {}),
    }


def finding_dict(f: Finding, data: Dataset | None = None, locales: Pair | None = None) -> dict[str, Any]:
    zh, en = _pair(data, locales)
    return {
        "pace_goal": f.pace_goal.id, "level_goal": f.level_goal.id if f.level_goal else None,
        "other_goal": f.other_goal.id if f.other_goal else None, "base_value": f.base_value, "base_year": f.base_year,
        "target_year": f.target_year, "stated_pace": f.stated_pace, "implied_pace": f.implied_pace,
        "level_target": f.level_target, "level_at_stated_pace": f.level_at_stated_pace, "gap": f.gap,
        "verdict": f.verdict, "floor_short": f.floor_short, "implied_baseline": f.implied_baseline,
        "message": zh.reason(f.reason), "message_en": en.reason(f.reason),
        "caveat": zh.reason(f.caveat) if f.caveat else "", "caveat_en": en.reason(f.caveat) if f.caveat else "",
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {"id": plan.id, "name": plan.name, "name_en": plan.name_en, "area": plan.area,
            "period": list(plan.period), "base_year": plan.base_year, "source": plan.source,
            "assessment": plan.assessment.model_dump()}


def assessment_document(data: Dataset, assessments: list[GoalAccount], findings: list[Finding]) -> dict[str, Any]:
    """The JSON contract: `plan` is the first plan (as before there were several), `plans` every plan, first first;
    each goal names its `plan`."""
    plan, locales = data.plan, _pair(data)
    return {
        "contract_version": CONTRACT_VERSION,
        "plan": None if plan is None else plan_dict(plan),
        "plans": [plan_dict(p) for p in data.plans],
        "documents": [
            {"id": d.id, "file": d.file, "title": d.title, "title_en": d.title_en, "publisher": d.publisher,
             "publisher_en": d.publisher_en or None, "published": d.published.isoformat(),
             "published_basis": d.published_basis, "published_note": d.published_note,
             "published_note_en": d.published_note_en or None, "area": d.area, "years": list(d.years),
             "url": d.url}
            for d in data.documents
        ],
        "goals": [goal_dict(a, data, locales) for a in assessments],
        "coherence": [finding_dict(f, data, locales) for f in findings],
    }


CSV_COLUMNS = ["id", "name", "name_en", "group", "unit", "comparator", "target", "target_text", "target_year",
               "baseline_value", "baseline_year", "status", "basis", "timing", "evidence_count", "comparable_count",
               "deciding_observation", "reason", "reason_en", "status_label", "status_label_en", "baseline_unit",
               "context_count"]


def goal_table_rows(assessments: list[GoalAccount], data: Dataset | None = None) -> list[dict[str, Any]]:
    rows, locales = [], _pair(data)
    for a in assessments:
        d = goal_dict(a, data, locales, evidence=False)
        rows.append({
            **{k: d[k] for k in ("id", "name", "name_en", "group", "unit", "comparator", "target", "target_text",
                                 "target_year", "status", "basis", "timing", "deciding_observation", "reason",
                                 "reason_en", "status_label", "status_label_en")},
            "baseline_value": d["baseline"]["value"] if d["baseline"] else None,
            "baseline_year": d["baseline"]["year"] if d["baseline"] else None,
            "baseline_unit": d["baseline"]["unit"] if d["baseline"] else None,
            "evidence_count": len(a.evidence),
            "comparable_count": sum(e.comparable for e in a.evidence),
            "context_count": len(a.context),
        })
    return rows


def to_csv(assessments: list[GoalAccount], data: Dataset | None = None) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(goal_table_rows(assessments, data))
    return buf.getvalue()


def to_markdown(assessments: list[GoalAccount], findings: list[Finding], lang: str = "zh",
                data: Dataset | None = None) -> str:
    loc = Locale(lang, data)
    head = ("id", "goal", "target", "status", "reason") if loc.en else ("编号", "指标", "目标", "状态", "说明")
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|---|---|"]
    for a in assessments:
        g = a.goal
        reason = loc.reason(a.reason).replace("|", "\\|")
        lines.append(f"| {g.id} | {loc.goal_name(g)} | {loc.target(g)} ({g.target_year}) | "
                     f"{loc.goal_status(a)} | {reason} |")
    if findings:
        lines += ["", "## " + loc.t("ui.page.coherence"), ""]
        lines += [f"- {loc.reason(f.reason)}" for f in findings]
    return "\n".join(lines) + "\n"
