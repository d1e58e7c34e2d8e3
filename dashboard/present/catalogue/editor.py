"""The data editors' entries: the check summary, the spreadsheet template and import, the preview of what changes,
`diff`, and the editor page of `serve --editor`."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- check: the summary of a load
    "check.counts": {"zh": "各文件记录数（载入 / 拒绝）：", "en": "Records per file (loaded / rejected):"},
    "check.rejected": {"zh": "拒绝", "en": "rejected"},
    "check.unread": {"zh": "（无法读取）", "en": " (could not be read)"},
    "check.total": {"zh": "合计", "en": "total"},
    "check.records": {"zh": "条记录", "en": "records"},
    "check.verified": {"zh": "引文已与{sources}中的原文核对。", "en": "Quotes verified against the source documents in {sources}."},
    "check.verified_except": {
        "zh": "可读取文件的引文已与{sources}中的原文核对；以下{n}个文件无法读取，其引文未核对：{files}。",
        "en": "Quotes verified against the source documents in {sources} for every file that could be read; NOT for "
              "the {n} files that could not be read: {files}.",
    },
    "check.no_sources": {"zh": "引文未核对：在{sources}中找不到原文。",
                         "en": "Quotes NOT verified: source documents not found in {sources}."},
    "check.some_sources": {"zh": "部分引文未核对：有原文缺失或无法读取（见下方错误）。",
                           "en": "Quotes NOT all verified: a source document is missing or unreadable (see the errors below)."},
    "check.error": {"zh": "错误：", "en": "error: "},
    "check.warning": {"zh": "警告：", "en": "warning: "},
    "check.ok": {"zh": "通过：没有错误。", "en": "OK: no errors."},
    "check.failed": {"zh": "未通过：{n}个错误。", "en": "FAILED: {n} errors."},
    "check.failed_one": {"zh": "未通过：1个错误。", "en": "FAILED: 1 error."},
    # ---- the preview of what changes (import, diff, editor page)
    "changes.nothing": {"zh": "没有任何变化：所有目标的判定、依据和决定性数据都不变，也没有新增或删除的数据。",
                        "en": "Nothing changes: every goal keeps its status, basis and deciding figure, and no figure is "
                              "added or removed."},
    "changes.none": {"zh": "（无）", "en": "(none)"},
    "changes.goals": {"zh": "### 判定变化的目标（{n}项）", "en": "### Goals whose judgement changes ({n})"},
    "changes.no_goal_moves": {"zh": "### 没有目标的判定发生变化", "en": "### No goal's judgement changes"},
    "changes.goal_line": {"zh": "{goal}（{id}）：{before} → {after}", "en": "{goal} ({id}): {before} → {after}"},
    "changes.deciding": {"zh": "决定性数据：{before} → {after}", "en": "deciding figure: {before} → {after}"},
    "changes.because": {"zh": "理由：{reason}", "en": "because: {reason}"},
    "changes.figures": {"zh": "### 新增或修改的数据（{n}条）及其涉及的目标", "en": "### New or changed figures ({n}) and the goals they reach"},
    "changes.kind.new": {"zh": "新增", "en": "new"},
    "changes.kind.changed": {"zh": "修改", "en": "changed"},
    "changes.kind.removed": {"zh": "删除", "en": "removed"},
    "changes.reaches_none": {"zh": "不涉及任何目标（没有目标使用该指标）", "en": "reaches no goal (no goal measures this indicator)"},
    "changes.reach": {"zh": "{goal}（{id}）：{role}", "en": "{goal} ({id}): {role}"},
    "changes.role.deciding": {"zh": "决定判定", "en": "decides the status"},
    "changes.role.evidence": {"zh": "作为可比证据", "en": "comparable evidence"},
    "changes.role.context": {"zh": "作为目标年之后的背景", "en": "later context"},
    "changes.role.set_aside": {"zh": "不可比，未采用", "en": "set aside"},
    "changes.why_aside": {"zh": "未采用的原因：{reason}", "en": "why set aside: {reason}"},
    "changes.removed": {"zh": "### 删除的数据（{n}条）", "en": "### Figures removed ({n})"},
    "changes.other_area": {"zh": "### 与所在文献地区不同的数据（{n}条，请审核）",
                           "en": "### Figures of another area than their document's ({n}; review them)"},
    "changes.other_area_line": {"zh": "`{id}`：{area}的数据，文献属于{document_area}（{relation}）",
                                "en": "`{id}`: a figure of {area} in a document of {document_area} ({relation})"},
    "changes.relation.below": {"zh": "下辖地区", "en": "an area inside it"},
    "changes.relation.above": {"zh": "上级地区", "en": "an area above it"},
    "changes.relation.other": {"zh": "无隶属关系的地区", "en": "an unrelated area"},
    # ---- template / import / diff on the command line
    "import.problems": {"zh": "## 问题（{errors}个错误，{warnings}个警告）", "en": "## Problems ({errors} errors, {warnings} warnings)"},
    "import.no_problems": {"zh": "## 没有问题", "en": "## No problems"},
    "import.elsewhere": {"zh": "## 新文件在其他文件中引起的问题", "en": "## Problems the new file causes in other files"},
    "import.preview": {"zh": "## 预览：导入后的变化", "en": "## Preview: what the import changes"},
    "import.would_write": {"zh": "将写入：{files}", "en": "Would write: {files}"},
    "import.dry_run": {"zh": "试运行（--dry-run）：未写入任何文件。", "en": "Dry run (--dry-run): nothing written."},
    "import.refused": {"zh": "有错误，未写入任何文件。请按上面的说明改正表格后再导入。",
                       "en": "Not written: there are errors. Correct the spreadsheet as said above and import again."},
    "import.written": {"zh": "已写入：{files}。请审核YAML文件后提交。", "en": "Written: {files}. Review the YAML file, then commit it."},
    "template.written": {"zh": "已写出模板：{path}（下拉列表来自当前数据：{indicators}个指标、{areas}个地区）",
                         "en": "Template written: {path} (drop-down lists from the loaded data: {indicators} indicators, "
                               "{areas} areas)"},
    "template.exists": {"zh": "{path}已存在；加--force覆盖", "en": "{path} exists; add --force to overwrite it"},
    "diff.heading": {"zh": "## {before} → {after} 的变化", "en": "## Changes from {before} to {after}"},
    "diff.bad_rev": {"zh": "无法读取版本{rev}：{why}", "en": "cannot read revision {rev}: {why}"},
    "diff.current": {"zh": "当前数据", "en": "the current data"},
    # ---- the goal chart of a large collection
    "chart.bounded": {"zh": "另有{n}条数据与图中的点重合或超出图中可画的数量，未画出；全部数据见证据列表",
                      "en": "{n} more figures not drawn (on top of drawn ones, or beyond what one chart can show); "
                            "all are in the evidence list"},
}
