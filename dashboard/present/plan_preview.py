"""What a new plan's import would do, in words: its goals with the judgement each would get, whether the other
plans' judgements change, and what the import filled in that the workbook did not say. The command line
(`import-plan`) prints it; the editor page shows it."""

from __future__ import annotations

from dashboard.judge import Judge
from dashboard.present.locale import Locale
from dashboard.records.plan_import import PlanArgs, PlanOutcome


def preview_lines(outcome: PlanOutcome, plan: PlanArgs, loc: Locale) -> list[str]:
    """Markdown-like lines (`## ` a heading, `- ` an item); every goal judged as the data with the plan would."""
    judged = {a.goal.id: a for a in Judge(outcome.after[0]).accounts()}
    goals = outcome.goals()
    out = [loc.t("import_plan.preview", plan=plan.name, period=loc.years(*plan.period),
                 area=plan.area, n=len(goals))]
    if outcome.errors:
        out.append(loc.t("import.preview_partial"))
    for g in goals:
        status = judged[g.id].status
        out.append(loc.t("import_plan.goal", id=g.local_id, name=g.name, comparator=g.comparator,
                         target=f"{g.target:g}" if g.target is not None else (g.target_text or ""), unit=g.unit or "",
                         year=g.target_year, status=loc.t(f"status.{status}")))
    before = {a.goal.id: a.status for a in Judge(outcome.before[0]).accounts()}
    changed = [gid for gid, status in before.items() if gid in judged and judged[gid].status != status]
    out.append(loc.t("import_plan.first_changed", n=len(changed), ids=loc.join(changed)) if changed
               else loc.t("import_plan.first_unchanged", n=len(before)))
    if outcome.draft.guesses:
        out.append(loc.t("import_plan.guesses"))
        out += [f"- {g}" for g in outcome.draft.guesses]
    return out
