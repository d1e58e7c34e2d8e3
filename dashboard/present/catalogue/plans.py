"""Several plans: the plan import (import-plan), the plan switcher and the indicator page."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- import-plan on the command line
    "import_plan.preview": {"zh": "## 预览：新规划“{plan}”（{period}，{area}）的{n}个目标",
                            "en": "## Preview: the {n} goals of the new plan '{plan}' ({period}, {area})"},
    "import_plan.goal": {"zh": "- `{id}` {name}：{comparator} {target} {unit}（{year}年）→ {status}",
                         "en": "- `{id}` {name}: {comparator} {target} {unit} ({year}) → {status}"},
    "import_plan.guesses": {"zh": "## 导入程序补充的内容（表格中没有写明，请审核）",
                            "en": "## What the import filled in (the workbook did not say; review it)"},
    "import_plan.first_unchanged": {"zh": "其他规划的目标判断不变（{n}个）。",
                                    "en": "The other plans' goals judge as before ({n})."},
    "import_plan.first_changed": {"zh": "注意：其他规划有{n}个目标的判断改变了：{ids}",
                                  "en": "Note: {n} goals of the other plans judge differently: {ids}"},
    # ---- import-plan on the editor page
    "editor.plan.heading": {"zh": "新规划", "en": "A new plan"},
    "editor.plan.open": {"zh": "导入审核后的目标表，成为一个新规划", "en": "Import a reviewed goals workbook as a new plan"},
    "editor.plan.intro": {"zh": "先用 propose goals 从规划原文提出目标表（goals.xlsx），在 Excel 中逐行审核确认；再在这里上传该表和规划原文，"
                                "填写规划的编号、名称、地区和期间。保存前会列出每个问题（工作表、行、列）并预览每个目标的判定。",
                          "en": "First propose the goals from the plan's text (propose goals … --out goals.xlsx) and review "
                                "each row in Excel; then upload the workbook and the plan's text here and give the plan's "
                                "id, names, area and period. Before saving, every problem is listed at its sheet, row and "
                                "column, and each goal's judgement is previewed."},
    "editor.plan.id": {"zh": "规划编号（小写字母、数字和连字符）", "en": "Plan id (lower-case letters, digits and hyphens)"},
    "editor.plan.area": {"zh": "规划所属地区", "en": "The plan's area"},
    "editor.plan.name": {"zh": "规划名称（中文）", "en": "The plan's name (Chinese)"},
    "editor.plan.name_en": {"zh": "规划名称（英文）", "en": "The plan's name (English)"},
    "editor.plan.first": {"zh": "规划期首年", "en": "First year of the period"},
    "editor.plan.last": {"zh": "规划期末年", "en": "Last year of the period"},
    "editor.plan.base": {"zh": "基期年", "en": "Base year"},
    "editor.plan.workbook": {"zh": "审核后的目标表（.xlsx）", "en": "Reviewed goals workbook (.xlsx)"},
    "editor.plan.source": {"zh": "规划原文（.txt）", "en": "The plan's text (.txt)"},
    "editor.plan.waiting": {"zh": "填写规划编号和名称，并上传目标表和规划原文后，这里显示检查结果和预览。",
                            "en": "Give the plan's id and name and upload the workbook and the plan's text: the check "
                                  "and the preview appear here."},
    "editor.plan.save": {"zh": "保存新规划", "en": "Save the new plan"},
    # ---- the plan switcher and the indicator page
    "plans.switcher": {"zh": "规划", "en": "Plan"},
    "plans.all": {"zh": "全部{n}个规划", "en": "All {n} plans"},
    "plans.all_intro": {"zh": "本站收录的全部规划，按时间先后排列；点击规划名称打开它的总览。",
                        "en": "Every plan this site holds, in order of time; a plan's name opens its overview."},
    "plans.period": {"zh": "{first}—{last}年", "en": "{first}–{last}"},
    "indicator.page": {"zh": "指标跨规划", "en": "Indicator across plans"},
    "indicator.title": {"zh": "{name}：各规划的目标与全部数据", "en": "{name}: every plan's targets and every figure"},
    "indicator.intro": {"zh": "同一时间轴上画出每个规划对该指标的目标（各在其规划期内的路径）和所有相关数据；"
                              "各规划的状态分别判断。",
                        "en": "Every plan's targets for this indicator (each path within its own plan's period) and "
                              "every figure, on one time axis; each plan's statuses are judged on their own."},
    "indicator.unknown": {"zh": "没有编号为“{id}”的指标。", "en": "There is no indicator with the id '{id}'."},
    "indicator.choose": {"zh": "指标", "en": "Indicator"},
    "indicator.goals": {"zh": "各规划的目标", "en": "Each plan's goals"},
    "indicator.no_goals": {"zh": "没有规划为该指标设定目标。", "en": "No plan sets a target for this indicator."},
    "indicator.figures": {"zh": "数据{n}条（所有地区；其他地区的数据只作背景，不作为证据）",
                          "en": "{n} figures (every area; another area's figures are context, never evidence)"},
    "indicator.link": {"zh": "该指标在各规划中的目标与数据", "en": "This indicator across plans"},
    "indicator.col.plan": {"zh": "规划", "en": "Plan"},
    "indicator.col.goal": {"zh": "目标", "en": "Goal"},
    "indicator.col.target": {"zh": "目标值", "en": "Target"},
    "indicator.col.year": {"zh": "目标年", "en": "Target year"},
    "indicator.col.status": {"zh": "状态", "en": "Status"},
    "indicator.col.area": {"zh": "地区", "en": "Area"},
    "indicator.axis_year": {"zh": "年份", "en": "Year"},
    "indicator.figure_series": {"zh": "{area}的数据", "en": "Figures of {area}"},
    "indicator.target_series": {"zh": "{plan}：{goal}（{year}年）", "en": "{plan}: {goal} ({year})"},
    "indicator.target_series.named": {"zh": "{plan}：{goal}", "en": "{plan}: {goal}"},
}
