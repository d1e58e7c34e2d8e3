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
    "changes.goal_ref": {"zh": "{goal}（{id}）", "en": "{goal} ({id})"},
    "changes.col.goal": {"zh": "目标", "en": "Goal"},
    "changes.col.before": {"zh": "原判定", "en": "Before"},
    "changes.col.after": {"zh": "新判定", "en": "After"},
    "changes.col.deciding": {"zh": "决定性数据", "en": "Deciding figure"},
    "changes.col.why": {"zh": "理由", "en": "Why"},
    "changes.deciding": {"zh": "决定性数据：{before} → {after}", "en": "deciding figure: {before} → {after}"},
    "changes.because": {"zh": "理由：{reason}", "en": "because: {reason}"},
    "changes.figures": {"zh": "### 新增或修改的数据（{n}条）及其涉及的目标", "en": "### New or changed figures ({n}) and the goals they reach"},
    "changes.figure": {"zh": "{kind} `{id}`：{indicator} {measure}{value}（{area}，{years}）",
                       "en": "{kind} `{id}`: {indicator} {measure}{value} ({area}, {years})"},
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
    "import.preview_partial": {"zh": "（有错误的记录未载入，不在预览之中；改正后再看预览。）",
                               "en": "(Records with errors were not loaded and are not in this preview; correct them and look again.)"},
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
    # ---- what to collect (数据需求清单)
    "collect.page": {"zh": "数据需求清单", "en": "What to collect"},
    "collect.intro": {
        "zh": "有{goals}项目标还没有可比的数据，无法判定。下面按应当询问的部门（共{departments}个）列出能判定它们的数字："
              "指标、地区、年份，以及通常刊载这类数字的文件。每个部门可下载一份请求表，要收集的数字已列在表中；部门填好数值和原文后，"
              "通过数据录入页或import命令导入。",
        "en": "{goals} goals have no comparable figure yet and cannot be judged. Below, by the department to ask "
              "({departments} in all), are the figures that would decide them: indicator, area, year, and the kind "
              "of document that usually carries them. Each department has a request workbook to download with those "
              "figures already listed; once it has filled in the values and their sentences, import it on the data "
              "entry page or with the import command."},
    "collect.count": {"zh": "（{n}项）", "en": " ({n})"},
    "collect.usually": {"zh": "通常刊于：{documents}", "en": "Usually published in: {documents}"},
    "collect.col.goal": {"zh": "目标", "en": "Goal"},
    "collect.col.indicator": {"zh": "所需数字", "en": "Figure wanted"},
    "collect.col.area": {"zh": "地区", "en": "Area"},
    "collect.col.year": {"zh": "年份", "en": "Year"},
    "collect.col.unit": {"zh": "口径", "en": "As"},
    "collect.col.also": {"zh": "也可见于", "en": "Also in"},
    "collect.measure.level": {"zh": "水平值（{unit}）", "en": "level ({unit})"},
    "collect.measure.annual_growth_rate": {"zh": "年均增长率（{unit}）", "en": "average annual growth ({unit})"},
    "collect.measure.annual_increase": {"zh": "年均增加（{unit}）", "en": "average annual increase ({unit})"},
    "collect.measure.change_from_base_pct": {"zh": "比基期变化（{unit}）", "en": "change from the base year ({unit})"},
    "collect.measure.multiple_of_base": {"zh": "为基期的倍数（{unit}）", "en": "multiple of the base year ({unit})"},
    "collect.download": {"zh": "下载给{department}的请求表（Excel）", "en": "Download the request for {department} (Excel)"},
    "collect.written": {"zh": "已写出{n}份请求表：{folder}", "en": "{n} request workbooks written to {folder}"},
    # ---- serve --editor: the guard
    "serve.refused": {
        "zh": "拒绝启动：数据录入页面（--editor）将在{address}上对网络开放，但没有设置编辑密码。请设置环境变量{env}"
              "（或{hash_env}），并通过TLS（https）提供服务；或者去掉--address，只在本机（127.0.0.1）上使用。",
        "en": "Refused: the data-entry page (--editor) would be open to the network on {address} with no editor "
              "password. Set {env} (or {hash_env}) and serve it behind TLS (https); or leave out --address to use "
              "it on this machine only (127.0.0.1)."},
    "serve.bad_hash": {
        "zh": "{hash_env}的格式不对（应为pbkdf2_sha256$次数$盐$散列，用python -m dashboard editor-password生成）；未启动。",
        "en": "{hash_env} is malformed (expected pbkdf2_sha256$iterations$salt$hash, made by python -m dashboard "
              "editor-password); not started."},
    # ---- the editor page (serve --editor)
    "editor.page": {"zh": "数据录入", "en": "Data entry"},
    "editor.title": {"zh": "数据录入：从表格添加新文献的数据", "en": "Data entry: a new document's figures from a spreadsheet"},
    "editor.public": {"zh": "本页面只在编辑模式（python -m dashboard serve --editor）下可用；公开的仪表板不接受上传，也不写入任何文件。",
                      "en": "This page works only in editor mode (python -m dashboard serve --editor); the public "
                            "dashboard takes no upload and writes nothing."},
    "editor.where": {"zh": "保存时写入：{data}（YAML）和{sources}（原文）", "en": "Saving writes to {data} (YAML) and {sources} (source text)"},
    "editor.step.template": {"zh": "1. 下载模板并填写", "en": "1. Download the template and fill it in"},
    "editor.template": {"zh": "下载模板（Excel）", "en": "Download the template (Excel)"},
    "editor.step.upload": {"zh": "2. 上传填好的表格和原文", "en": "2. Upload the filled workbook and the source text"},
    "editor.workbook": {"zh": "填好的表格（.xlsx或.csv）", "en": "Filled workbook (.xlsx or .csv)"},
    "editor.source": {"zh": "原文文本（.txt）", "en": "Source text (.txt)"},
    "editor.source_help": {"zh": "引文将与它逐字核对；原文文件夹中已有同名文件时可不上传。",
                           "en": "The quotes are checked against it word for word; not needed when the sources folder already holds it."},
    "editor.waiting": {"zh": "上传表格后，这里会列出问题和导入后的变化。", "en": "Upload a workbook to see its problems and what it would change."},
    "editor.too_large": {"zh": "文件过大：{files}（每个文件上限{limit}MB）", "en": "Too large: {files} (the limit is {limit} MB a file)"},
    "editor.force": {"zh": "替换已有的同名文件（先看下面的预览）", "en": "Replace existing files of the same name (look at the preview first)"},
    "editor.checking": {"zh": "正在核对…", "en": "Checking…"},
    "editor.step.problems": {"zh": "3. 问题", "en": "3. Problems"},
    "editor.no_problems": {"zh": "没有发现问题。", "en": "No problems found."},
    "editor.problems": {"zh": "{errors}个错误、{warnings}个警告：请按每条下面的“修改”改正表格，然后重新上传。",
                        "en": "{errors} errors, {warnings} warnings: correct the workbook as each problem's Fix says, "
                              "then upload it again."},
    "editor.warnings_only": {"zh": "没有错误，可以保存；有{warnings}个警告，保存前请看一看。",
                             "en": "No errors: it can be saved. {warnings} warnings: read them before saving."},
    "editor.at.sheet": {"zh": "工作表“{sheet}”", "en": "sheet “{sheet}”"},
    "editor.at.row": {"zh": "第{row}行", "en": "row {row}"},
    "editor.at.column": {"zh": "“{column}”列", "en": "column “{column}”"},
    "editor.at.field": {"zh": "字段{field}", "en": "field {field}"},
    "editor.at.record": {"zh": "记录{record}", "en": "record {record}"},
    "editor.at.indicator": {"zh": "指标“{name}”（{id}）", "en": "indicator “{name}” ({id})"},
    "editor.at.file": {"zh": "文件{file}", "en": "file {file}"},
    "editor.data_warnings": {"zh": "现有数据的警告（{n}条；公众页面不显示）", "en": "Warnings on the data as it stands ({n}; not "
                             "shown to the public)"},
    "editor.severity.error": {"zh": "错误", "en": "Error"},
    "editor.severity.warning": {"zh": "警告", "en": "Warning"},
    "editor.choose_file": {"zh": "选择文件", "en": "Choose a file"},
    "editor.workbook_note": {"zh": "可拖放到上面的框中；每个文件不超过{limit}MB（.xlsx或.csv）",
                             "en": "Or drop it on the box above; up to {limit} MB (.xlsx or .csv)"},
    "editor.source_note": {"zh": "可拖放到上面的框中；每个文件不超过{limit}MB（.txt）。",
                           "en": "Or drop it on the box above; up to {limit} MB (.txt)."},
    "editor.name": {"zh": "您的姓名（可不填，记入保存日志）", "en": "Your name (optional; kept in the log of saves)"},
    "editor.name_help": {"zh": "每次保存都记入数据文件夹下的logs/editor.log：时间、文件、数据条数和这里的姓名",
                         "en": "Every save is logged in logs/editor.log under the data folder: when, which files, how "
                               "many figures, and this name"},
    "editor.closed": {"zh": "这是公开的仪表盘，不能在这里录入或修改数据。数据录入只在编辑人员自己的服务上开放。",
                      "en": "This is the public dashboard: no figures can be entered or changed here. Data entry is "
                            "open only on the editors' own service."},
    "editor.closed.back": {"zh": "返回总览", "en": "Back to the overview"},
    "editor.guard.heading": {"zh": "请输入编辑密码", "en": "Enter the editor password"},
    "editor.guard.password": {"zh": "编辑密码", "en": "Editor password"},
    "editor.guard.enter": {"zh": "进入", "en": "Enter"},
    "editor.guard.wrong": {"zh": "密码不对。", "en": "Wrong password."},
    "editor.guard.locked": {"zh": "密码错误次数过多，请约{minutes}分钟后再试。",
                            "en": "Too many wrong passwords: try again in about {minutes} minutes."},
    "editor.guard.refused": {
        "zh": "本服务器对网络开放，但没有设置编辑密码，所以数据录入页面不可用。请管理员设置环境变量{env}后重新启动，"
              "或只在本机（127.0.0.1）上启动编辑模式。",
        "en": "This server is open to the network and no editor password is set, so the data-entry page is off. "
              "The administrator can set {env} and restart, or run editor mode on this machine only (127.0.0.1)."},
    "editor.col.code": {"zh": "代码", "en": "Code"},
    "editor.col.fix": {"zh": "修改", "en": "Fix"},
    "editor.step.preview": {"zh": "4. 预览：导入后的变化", "en": "4. Preview: what the import changes"},
    "editor.step.save": {"zh": "5. 保存", "en": "5. Save"},
    "editor.save": {"zh": "保存", "en": "Save"},
    "editor.save_failed": {"zh": "保存失败：{why}", "en": "Not saved: {why}"},
    "editor.fix_first": {"zh": "有错误时不能保存。", "en": "Cannot save while there are errors."},
}
