"""README.txt of a pack: what is in it (from the registry of outputs), which goals, where every figure comes from."""

from __future__ import annotations

from dashboard.present.export import facts
from dashboard.present.export.outputs import OUTPUTS, Briefing, Output, register


def readme_text(b: Briefing) -> str:
    loc = b.loc
    listing = [item for o in OUTPUTS.values() for item in o.listing(loc)]
    lines = [loc.t("export.readme.title", plan=b.plan_name), "",
             loc.t("export.cover.selection", selection=b.select.describe(loc)) + "  "
             + loc.t("export.cover.count", n=len(b.selected)),
             loc.t("export.cover.date", date=b.exported_on.isoformat()), "",
             loc.t("export.readme.contents")]
    width = max(len(name) for name, _ in listing)
    lines += [f"  {name:<{width}}  {what}" for name, what in listing]
    lines += ["", loc.t("export.readme.goals")]
    id_width = max(len(a.goal.id) for a in b.selected)
    lines += [f"  {a.goal.id:<{id_width}}  {loc.goal_status(a)}  {loc.goal_name(a.goal)}"
              for a in b.selected]
    lines += ["", loc.t("export.readme.sources")]
    if b.plan is not None:
        lines.append(f"  {loc.t('export.readme.plan')}{loc.colon}{b.plan_name} ({b.plan.source})")
    for d in facts.pack_documents(b.selected):
        lines.append(f"  {loc.document_title(d)}; {loc.publisher(d)}; {d.published.isoformat()} ({d.file})")
    lines += ["", loc.t("export.readme.method"), loc.t("export.readme.made"), ""]
    return "\r\n".join(lines)  # Notepad on an older Windows shows a lone \n as one long line


register(Output(
    name="readme", mime="text/plain",
    files=lambda b: {"README.txt": readme_text(b).encode("utf-8-sig")},
    listing=lambda loc: [("README.txt", loc.t("export.readme.file.readme"))],
))
