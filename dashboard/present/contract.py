"""The stable JSON contract of `assess` (documented field by field in the README), and its CSV and
Markdown renderings. Other tools read this; change it only by adding fields."""

from __future__ import annotations

import csv
import io
from typing import Any

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.coherence import Finding
from dashboard.present.locale import Locale
from dashboard.records.model import Dataset

CONTRACT_VERSION = 1


def _pair(data: Dataset | None) -> tuple[Locale, Locale]:
    return Locale("zh", data), Locale("en", data)


def evidence_dict(e: EvidenceAccount, data: Dataset | None = None) -> dict[str, Any]:
    zh, en = _pair(data)
    o, p = e.observation, e.progress
    return {
        "observation": o.id,
        "document": o.document,
        "document_title": e.document.title if e.document else None,
        "indicator": o.indicator,
        "measure": o.measure,
        "year": o.year,
        "period": list(o.period) if o.period else None,
        "value": o.value,
        "qualifier": o.qualifier,
        "unit": o.unit,
        "lower": e.interval.lower,
        "upper": e.interval.upper,
        "lower_open": e.interval.lower_open,
        "upper_open": e.interval.upper_open,
        "jurisdiction": o.area,
        "area_relation": e.area_relation,
        "concept": e.concept,
        "caliber": o.caliber,
        "quote": o.quote,
        "derived": {"formula": o.derived.formula, "inputs": list(o.derived.inputs)} if o.derived else None,
        "comparable": e.comparable,
        "basis": e.basis,
        "timing": e.timing,
        "verdict": e.verdict,
        "path_verdict": e.path_verdict,
        "progress": None if p is None else {
            "path": p.path, "year": p.year, "required": p.required, "time_share": p.time_share,
            "completion": p.completion, "growth_ratio": p.growth_ratio, "growth_category": p.growth_category,
        },
        "reason": zh.reasons(e.reasons),
        "reason_en": en.reasons(e.reasons),
        "notes": o.notes,
        "notes_en": o.notes_en,
    }


def goal_dict(a: GoalAccount, data: Dataset | None = None) -> dict[str, Any]:
    zh, en = _pair(data)
    g = a.goal
    return {
        "id": g.id,
        "name": g.name,
        "name_en": g.name_en,
        "group": g.group,
        "area": g.area,
        "chapter": g.chapter,
        "indicator": g.indicator,
        "measure": g.measure,
        "unit": g.unit,
        "comparator": g.comparator,
        "target": g.target,
        "target_text": g.target_text,
        "target_year": g.target_year,
        "baseline": {"value": g.baseline.value, "year": g.baseline.year, "quote": g.baseline.quote} if g.baseline else None,
        "paces": g.paces,
        "quote": g.quote,
        "caliber": g.caliber,
        "status": a.status,
        "basis": a.basis,
        "timing": a.timing,
        "path": a.path,
        "reason": zh.reason(a.reason),
        "reason_en": en.reason(a.reason),
        "deciding_observation": a.deciding.observation.id if a.deciding else None,
        "evidence": [evidence_dict(e, data) for e in a.evidence],
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "pace_goal": f.pace_goal.id, "level_goal": f.level_goal.id if f.level_goal else None,
        "other_goal": f.other_goal.id if f.other_goal else None, "base_value": f.base_value, "base_year": f.base_year,
        "target_year": f.target_year, "stated_pace": f.stated_pace, "implied_pace": f.implied_pace,
        "level_target": f.level_target, "level_at_stated_pace": f.level_at_stated_pace, "gap": f.gap,
        "verdict": f.verdict, "implied_baseline": f.implied_baseline, "message": f.message,
        "message_en": f.message_en, "caveat": f.caveat, "caveat_en": f.caveat_en,
    }


def assessment_document(data: Dataset, assessments: list[GoalAccount], findings: list[Finding]) -> dict[str, Any]:
    plan = data.plan
    return {
        "contract_version": CONTRACT_VERSION,
        "plan": None if plan is None else {
            "id": plan.id, "name": plan.name, "name_en": plan.name_en, "area": plan.area,
            "period": list(plan.period), "base_year": plan.base_year, "source": plan.source,
        },
        "documents": [
            {"id": d.id, "file": d.file, "title": d.title, "title_en": d.title_en, "publisher": d.publisher,
             "published": d.published.isoformat(), "published_basis": d.published_basis,
             "published_note": d.published_note, "area": d.area, "years": list(d.years)}
            for d in data.documents
        ],
        "goals": [goal_dict(a, data) for a in assessments],
        "coherence": [finding_dict(f) for f in findings],
    }


CSV_COLUMNS = ["id", "name", "name_en", "group", "unit", "comparator", "target", "target_text", "target_year",
               "baseline_value", "baseline_year", "status", "basis", "timing", "evidence_count", "comparable_count",
               "deciding_observation", "reason", "reason_en"]


def goal_table_rows(assessments: list[GoalAccount], data: Dataset | None = None) -> list[dict[str, Any]]:
    rows = []
    for a in assessments:
        d = goal_dict(a, data)
        rows.append({
            **{k: d[k] for k in ("id", "name", "name_en", "group", "unit", "comparator", "target", "target_text",
                                 "target_year", "status", "basis", "timing", "deciding_observation", "reason",
                                 "reason_en")},
            "baseline_value": d["baseline"]["value"] if d["baseline"] else None,
            "baseline_year": d["baseline"]["year"] if d["baseline"] else None,
            "evidence_count": len(a.evidence),
            "comparable_count": sum(e.comparable for e in a.evidence),
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
    lines = ["| id | " + ("指标" if lang == "zh" else "goal") + " | " + ("目标" if lang == "zh" else "target")
             + " | " + ("状态" if lang == "zh" else "status") + " | " + ("依据" if lang == "zh" else "basis")
             + " | " + ("说明" if lang == "zh" else "reason") + " |", "|---|---|---|---|---|---|"]
    for a in assessments:
        g = a.goal
        name = g.name if lang == "zh" else g.name_en
        basis = loc.basis(a.basis) if a.basis else "—"
        reason = loc.reason(a.reason).replace("|", "\\|")
        lines.append(f"| {g.id} | {name} | {loc.target(g)} ({g.target_year}) | {loc.status(a.status, a.basis)} "
                     f"| {basis} | {reason} |")
    if findings:
        lines += ["", "## " + ("规划内部一致性" if lang == "zh" else "Plan coherence"), ""]
        lines += [f"- {f.message if lang == 'zh' else f.message_en}" for f in findings]
    return "\n".join(lines) + "\n"
