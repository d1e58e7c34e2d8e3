"""All text shown to people, in Chinese and English, in one catalogue.

`t(key, lang, **values)` formats a message. The engine uses it for its one-line reasons (so the JSON
carries both languages); the dashboard and the exports use it for every label.
"""

from __future__ import annotations

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # statuses, as plan evaluations say them
    "status.achieved": {"zh": "已实现", "en": "Achieved"},
    "status.on_track": {"zh": "符合进度", "en": "On track"},
    "status.off_track": {"zh": "进度滞后", "en": "Off track"},
    "status.missed": {"zh": "未实现", "en": "Missed"},
    "status.indeterminate": {"zh": "无法判定", "en": "Indeterminate"},
    "status.no_comparable_data": {"zh": "无可比数据", "en": "No comparable data"},
    "basis.direct": {"zh": "直接数据", "en": "Direct"},
    "basis.proxy": {"zh": "代用数据", "en": "Proxy"},
    "basis.none": {"zh": "不可比", "en": "Not comparable"},
    "timing.interim": {"zh": "期中", "en": "Interim"},
    "timing.final": {"zh": "目标年", "en": "Final"},
    "timing.late": {"zh": "目标年后", "en": "Late"},
    "verdict.meets": {"zh": "达到目标", "en": "meets the target"},
    "verdict.misses": {"zh": "未达目标", "en": "misses the target"},
    "verdict.cannot_tell": {"zh": "无法判断是否达标", "en": "cannot tell whether it meets the target"},
    "path.on_track": {"zh": "不低于规划路径", "en": "at or ahead of the planned path"},
    "path.off_track": {"zh": "落后于规划路径", "en": "behind the planned path"},
    "path.cannot_tell": {"zh": "无法与规划路径比较", "en": "cannot be compared with the planned path"},
    "growth.on_track": {"zh": "增速达标", "en": "on track"},
    "growth.needs_acceleration": {"zh": "需加快", "en": "needs acceleration"},
    "growth.limited": {"zh": "进展有限", "en": "limited progress"},
    "growth.backwards": {"zh": "倒退", "en": "going backwards"},
    # evidence grading
    "area.same": {"zh": "同一辖区", "en": "same area"},
    "area.parent_intensive": {
        "zh": "{area}的比率/人均类指标，仅作代用",
        "en": "a rate or per-capita figure of {area_en}, used only as a proxy",
    },
    "area.parent_total": {
        "zh": "{area}的总量指标，不能衡量克拉玛依区的目标",
        "en": "a total for {area_en}, a larger area: it cannot measure a district target",
    },
    "area.other": {
        "zh": "{area}的数据，与规划辖区无关，不作证据",
        "en": "a figure for {area_en}, an unrelated area: never evidence",
    },
    "concept.related": {"zh": "相关指标（{name}），仅作代用：{note}", "en": "related indicator ({name_en}), proxy at best: {note_en}"},
    "concept.different": {"zh": "不同指标（{name}）：{note}", "en": "a different indicator ({name_en}): {note_en}"},
    "unit.mismatch": {"zh": "单位不同（{unit}），无法比较", "en": "different unit ({unit}), cannot compare"},
    "pace.outside_period": {
        "zh": "{years}年的增速不属于规划期，不能说明规划期（至{target_year}年）的年均增速",
        "en": "growth in {years} lies outside the plan period and says nothing of the pace asked up to {target_year}",
    },
    "reason.pace_on_track": {"zh": "当年增幅不低于规划要求的{target}", "en": "that year's growth is at or above the pace asked ({target})"},
    "reason.pace_off_track": {"zh": "当年增幅低于规划要求的{target}", "en": "that year's growth is below the pace asked ({target})"},
    "reason.pace_cannot_tell": {"zh": "无法判断当年增幅是否达到{target}", "en": "cannot tell whether that year's growth reaches {target}"},
    "categorical.no_numeric": {
        "zh": "定性目标，数值不能直接判定", "en": "a categorical target: a number cannot settle it",
    },
    # one-line reasons for a goal's status
    "excluded.concept.different": {"zh": "不同指标", "en": "of a different indicator"},
    "excluded.area.parent_total": {"zh": "上级辖区总量", "en": "totals of a larger area"},
    "excluded.area.other": {"zh": "无关辖区", "en": "of an unrelated area"},
    "excluded.unit.mismatch": {"zh": "单位不同", "en": "in another unit"},
    "excluded.categorical.no_numeric": {"zh": "定性目标无法用数值判定", "en": "numbers against a categorical target"},
    "excluded.pace.outside_period": {"zh": "规划期外的增速", "en": "growth outside the plan period"},
    "reason.no_evidence": {
        "zh": "后续文件中没有该指标的数据", "en": "No later document reports this indicator",
    },
    "reason.none_comparable": {
        "zh": "有{n}条相关数据，均不可比：{why}", "en": "{n} related figure(s), none comparable: {why_en}",
    },
    "reason.final": {
        "zh": "{basis}：{year}年{value}，{verdict}（目标{target}）",
        "en": "{basis_en}: {value_en} in {year}, {verdict_en} (target {target})",
    },
    "reason.late_meets": {
        "zh": "{basis}：{year}年{value}，达到目标{target}，但晚于目标年{target_year}年",
        "en": "{basis_en}: {value_en} in {year}, reached the target {target} late (target year {target_year})",
    },
    "reason.late_misses": {
        "zh": "{basis}：{year}年{value}，目标年{target_year}年后仍未达到目标{target}",
        "en": "{basis_en}: {value_en} in {year}, still short of the target {target} after {target_year}",
    },
    "reason.late_cannot_tell": {
        "zh": "{basis}：{year}年{value}，无法判断是否达到目标{target}",
        "en": "{basis_en}: {value_en} in {year}, cannot tell whether it reaches the target {target}",
    },
    "reason.interim": {
        "zh": "{basis}：{year}年{value}，{path}{detail}",
        "en": "{basis_en}: {value_en} in {year}, {path_en}{detail_en}",
    },
    "reason.interim_detail": {
        "zh": "（完成进度{completion}，时间进度{time_share}）",
        "en": " (progress {completion} of the way, {time_share} of the time)",
    },
    "reason.interim_required": {
        "zh": "（按规划路径{year}年应达{required}）", "en": " (the planned path asks for {required} by {year})",
    },
    "reason.already_met": {"zh": "已达到目标{target}", "en": "already meets the target {target}"},
    "reason.no_baseline": {
        "zh": "尚未达到目标{target}，规划未给基期值，无法画出进度路径",
        "en": "not yet at the target {target}; the plan gives no baseline to draw the path",
    },
    # plan coherence
    "coherence.consistent": {
        "zh": "一致：{pace}{stated}，自{base_year}年{base}起，{year}年可达{reached}，与目标{target}相差{gap}以内",
        "en": "Consistent: {pace_en} of {stated_en} from {base} in {base_year} reaches {reached} by {year}, within {gap} of the {target} target",
    },
    "coherence.pace_weaker": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年只能达到{reached}，比{level}目标{target}少{gap}；达到目标需{implied}",
        "en": "Inconsistent: {pace_en} of {stated_en} from {base} in {base_year} reaches only {reached} by {year}, {gap} short of the {target} target for {level_en}; the target needs {implied_en}",
    },
    "coherence.pace_stronger": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年将达{reached}，比{level}目标{target}高{gap}；目标只需{implied}",
        "en": "Inconsistent: {pace_en} of {stated_en} from {base} in {base_year} would reach {reached} by {year}, {gap} above the {target} target for {level_en}; the target needs only {implied_en}",
    },
    "coherence.caliber": {
        "zh": "口径提示：{level}——{level_caliber}；{pace}——{pace_caliber}；两者不完全可比",
        "en": "Caliber: {level} is stated as “{level_caliber}”, {pace} as “{pace_caliber}”; the two are not strictly comparable",
    },
    "coherence.unverifiable": {
        "zh": "无法核对：规划未给{level}的基期值；{pace}与{level}目标合起来意味着基期约为{base}",
        "en": "Cannot check: the plan gives no baseline for {level_en}; {pace_en} and the target together imply a baseline of about {base}",
    },
    # dashboard (dashboard/app.py, dashboard/views/, dashboard/ui/, dashboard/charts.py)
    "ui.app.title": {"zh": "克拉玛依区“十一五”规划目标实现情况", "en": "Karamay District 11th Five-Year Plan: goals against outcomes"},
    "ui.app.short": {"zh": "十一五规划跟踪", "en": "Plan tracker"},
    "ui.page.overview": {"zh": "总览", "en": "Overview"},
    "ui.page.table": {"zh": "目标一览", "en": "Goal table"},
    "ui.page.goal": {"zh": "单项目标", "en": "Goal detail"},
    "ui.page.documents": {"zh": "资料来源", "en": "Source documents"},
    "ui.page.coherence": {"zh": "规划内部一致性", "en": "Plan coherence"},
    "ui.colon": {"zh": "：", "en": ": "},
    "ui.lang.label": {"zh": "语言 Language", "en": "Language 语言"},
    "ui.lang.zh": {"zh": "中文", "en": "中文"},
    "ui.lang.en": {"zh": "English", "en": "English"},
    "ui.sidebar.problems": {"zh": "数据有{n}处问题，有问题的记录未载入，详见总览页。", "en": "{n} data problem(s): the records concerned were not loaded. See Overview."},
    "ui.download.label": {"zh": "图表下载格式", "en": "Chart download format"},
    "ui.download.help": {"zh": "用图表右上角工具栏的相机按钮下载（{width}×{height}，文件名{name}）。", "en": "Download with the camera button in the chart's toolbar ({width}×{height}, file {name})."},
    "ui.group.economy": {"zh": "经济", "en": "Economy"},
    "ui.group.society": {"zh": "社会", "en": "Society"},
    "ui.group.environment": {"zh": "环境", "en": "Environment"},
    "ui.group.urban": {"zh": "城市建设", "en": "Urban development"},
    "ui.group.agriculture": {"zh": "农业", "en": "Agriculture"},
    "ui.group.infrastructure": {"zh": "基础设施", "en": "Infrastructure"},
    "ui.group.informatisation": {"zh": "信息化", "en": "Informatisation"},
    "ui.group.greening": {"zh": "绿化", "en": "Greening"},
    "ui.group.management": {"zh": "城市管理", "en": "Management"},
    "ui.group.science": {"zh": "科技", "en": "Science"},
    "ui.group.education": {"zh": "教育", "en": "Education"},
    "ui.group.community": {"zh": "社区", "en": "Community"},
    "ui.group.living": {"zh": "人民生活", "en": "Living standards"},
    "ui.group.food_safety": {"zh": "食品安全", "en": "Food safety"},
    "ui.group.culture": {"zh": "文化", "en": "Culture"},
    "ui.group.population": {"zh": "人口", "en": "Population"},
    "ui.group.outlook_2015": {"zh": "2015年远景", "en": "Outlook to 2015"},
    "ui.basis.none": {"zh": "无可比数据", "en": "No comparable data"},
    "ui.measure.level": {"zh": "{unit}", "en": "{unit}"},
    "ui.measure.annual_growth_rate": {"zh": "年增长率（%）", "en": "Annual growth (%)"},
    "ui.measure.annual_increase": {"zh": "年增加额（{unit}）", "en": "Annual increase ({unit})"},
    "ui.measure.change_from_base_pct": {"zh": "比基期变化（%）", "en": "Change from the base year (%)"},
    "ui.measure.multiple_of_base": {"zh": "相当于基期的倍数", "en": "Multiple of the base year"},
    # charts
    "ui.chart.status": {"zh": "{status}（{basis}）", "en": "{status} ({basis})"},
    "ui.chart.baseline": {"zh": "基期值（{year}年）", "en": "Baseline ({year})"},
    "ui.chart.baseline_hover": {"zh": "规划基期：{year}年{value}", "en": "Plan baseline: {value} in {year}"},
    "ui.chart.path.compound": {"zh": "规划路径（按年均增速）", "en": "Planned path (compound)"},
    "ui.chart.path.linear": {"zh": "规划路径（等量递进）", "en": "Planned path (linear)"},
    "ui.chart.path.constant": {"zh": "规划要求的年度增速", "en": "Pace asked each year"},
    "ui.chart.required_hover": {"zh": "规划路径：{year}年应达{value}", "en": "Planned path: {value} by {year}"},
    "ui.chart.target": {"zh": "目标", "en": "Target"},
    "ui.chart.target_label": {"zh": "目标{target}", "en": "Target {target}"},
    "ui.chart.target_region": {"zh": "达标区间（{target}）", "en": "Target met ({target})"},
    "ui.chart.direct": {"zh": "直接数据（本区）", "en": "Direct figure (district)"},
    "ui.chart.proxy": {"zh": "代用数据（proxy）", "en": "Proxy figure (代用)"},
    "ui.chart.set_aside": {"zh": "不可比数据（未采用）", "en": "Not comparable (set aside)"},
    "ui.chart.deciding_tag": {"zh": "（判定依据）", "en": " (deciding)"},
    "ui.chart.no_data": {"zh": "暂无可比数据", "en": "No comparable figure"},
    "ui.chart.omitted": {"zh": "另有{n}条不可比数据（量级或单位不同）未画出，详见证据列表", "en": "{n} non-comparable figure(s) on another scale or unit not drawn; see the evidence list"},
    "ui.chart.categorical": {"zh": "定性目标：{target}（{year}年）。没有可画的数值，判定见下文。", "en": "Categorical target: {target} by {year}. Nothing numeric to plot; see the text below."},
    "ui.chart.count": {"zh": "目标个数", "en": "Number of goals"},
    "ui.chart.gap_axis": {"zh": "按规定增速推算的水平比水平目标高（+）或低（−）的幅度", "en": "Level reached at the stated pace above (+) or below (−) the level target"},
    "ui.coherence.consistent": {"zh": "一致", "en": "Consistent"},
    "ui.coherence.pace_weaker": {"zh": "增速偏低", "en": "Pace too weak"},
    "ui.coherence.pace_stronger": {"zh": "增速偏高", "en": "Pace stronger than needed"},
    "ui.coherence.unverifiable": {"zh": "无法核对", "en": "Cannot check"},
    # overview
    "ui.overview.intro": {"zh": "把《{plan}》（{first}–{last}年，基期{base}年）的{goals}项量化目标，与后续{docs}份文件中的{figures}条数据逐条对照。", "en": "The {goals} quantified goals of the {plan_en} ({first}–{last}, base year {base}) checked one by one against {figures} figures from {docs} later documents."},
    "ui.overview.scope_heading": {"zh": "这些数据能说明什么、不能说明什么", "en": "What the data can and cannot say"},
    "ui.overview.scope.same": {"zh": "{figures}条数据中，{area}本身的数据有{n}条。", "en": "Of the {figures} figures, {n} are for {area_en} itself."},
    "ui.overview.scope.none_same": {"zh": "{figures}条数据中，没有一条是{area}本身的数据。", "en": "None of the {figures} figures is for {area_en} itself."},
    "ui.overview.scope.goal_areas": {"zh": "目标所属的{n}个辖区", "en": "the {n} areas the goals speak for"},
    "ui.overview.scope.more": {"zh": "（另有{n}个）", "en": " and {n} more"},
    "ui.overview.scope.parent": {"zh": "{n}条是上级辖区{areas}的数据：比率、人均类数据只能作代用，总量数据不可比。", "en": "{n} are figures for a larger area the goals' area belongs to ({areas_en}): rates and per-capita figures serve only as proxies, totals are not comparable."},
    "ui.overview.scope.other": {"zh": "{n}条来自与规划辖区无关的{areas}（{docs}），一律不作证据。", "en": "{n} come from {areas_en}, unrelated to the plan's areas ({docs_en}), and are never evidence."},
    "ui.overview.scope.goals": {"zh": "因此，{goals}项目标中有{comparable}项找到可比数据（直接数据{direct}项、代用数据{proxy}项），{none}项没有可比数据。代用数据只能说明大致方向，不能证明{area}本身是否达标。", "en": "So {comparable} of the {goals} goals have a comparable figure ({direct} direct, {proxy} proxy) and {none} have none. A proxy shows the direction only; it cannot prove whether {area_en} itself met a goal."},
    "ui.overview.status_heading": {"zh": "各领域目标的判定结果", "en": "Verdicts by group"},
    "ui.overview.basis_heading": {"zh": "按领域统计（状态与依据）", "en": "Counts by group (status and basis)"},
    "ui.overview.headline_heading": {"zh": "主要指标", "en": "Headline goals"},
    "ui.overview.card.target": {"zh": "目标：{target}（{year}年）", "en": "Target: {target} by {year}"},
    "ui.overview.card.evidence": {"zh": "最新依据：{years}年{value}（{area}，{basis}）", "en": "Latest evidence: {value} in {years} ({area}, {basis})"},
    "ui.overview.card.open": {"zh": "查看详情", "en": "Details"},
    "ui.col.group": {"zh": "领域", "en": "Group"},
    "ui.col.total": {"zh": "合计", "en": "Total"},
    # data problems
    "ui.problems.heading": {"zh": "数据问题", "en": "Data problems"},
    "ui.problems.summary": {"zh": "数据文件有{errors}个错误、{warnings}个警告。有错误的记录没有载入（共{rejected}条），其余{loaded}条有效记录照常使用。", "en": "The data files have {errors} error(s) and {warnings} warning(s). Records with errors were not loaded ({rejected}); the other {loaded} valid records are used as usual."},
    "ui.problems.counts": {"zh": "各数据文件载入情况", "en": "Records loaded per data file"},
    "ui.problems.quotes_verified": {"zh": "每条引文都已在原始文件中核对（{sources}）。", "en": "Every quote was checked against the source documents ({sources})."},
    "ui.problems.quotes_not_verified": {"zh": "没有找到原始文件，引文未经核对（{sources}）。", "en": "Source documents not found: quotes were not checked ({sources})."},
    "ui.problems.col.severity": {"zh": "级别", "en": "Severity"},
    "ui.problems.col.file": {"zh": "文件", "en": "File"},
    "ui.problems.col.line": {"zh": "行", "en": "Line"},
    "ui.problems.col.record": {"zh": "记录", "en": "Record"},
    "ui.problems.col.field": {"zh": "字段", "en": "Field"},
    "ui.problems.col.code": {"zh": "类型", "en": "Code"},
    "ui.problems.col.message": {"zh": "说明（英文）", "en": "Message"},
    "ui.problems.col.kind": {"zh": "记录类型", "en": "Kind"},
    "ui.problems.col.loaded": {"zh": "已载入", "en": "Loaded"},
    "ui.problems.col.rejected": {"zh": "未载入", "en": "Rejected"},
    "ui.problems.error": {"zh": "错误", "en": "error"},
    "ui.problems.warning": {"zh": "警告", "en": "warning"},
    "ui.problems.no_plan": {"zh": "规划记录未能载入，部分说明无法显示。", "en": "The plan record could not be loaded; some text cannot be shown."},
    # goal table
    "ui.table.intro": {"zh": "全部目标。可按领域、状态、依据筛选，按名称或编号搜索；点击列名排序，选中一行或点“打开”查看该目标。", "en": "All goals. Filter by group, status and basis, search by name or id; click a column heading to sort; select a row or use “open” to see a goal."},
    "ui.table.filter.group": {"zh": "领域", "en": "Group"},
    "ui.table.filter.status": {"zh": "状态", "en": "Status"},
    "ui.table.filter.basis": {"zh": "依据", "en": "Basis"},
    "ui.table.filter.all": {"zh": "全部", "en": "All"},
    "ui.table.search": {"zh": "搜索（名称或编号）", "en": "Search (name or id)"},
    "ui.table.search_placeholder": {"zh": "如：绿地率、GDP、green-space", "en": "e.g. green space, income, gdp-2010"},
    "ui.goal.search": {"zh": "查找目标（共{n}项；按名称或编号）", "en": "Find a goal ({n} in all; by name or id)"},
    "ui.goal.search_more": {"zh": "下面列出前{shown}项（共{n}项符合）；输入更多字词可缩小范围。", "en": "The list below holds the first {shown} of {n} matches; type more to narrow them."},
    "ui.table.reason_on_page": {"zh": "（见该目标页面）", "en": "(on the goal's page)"},
    "ui.table.count": {"zh": "显示{n}项，共{total}项", "en": "Showing {n} of {total} goals"},
    "ui.table.empty": {"zh": "没有符合条件的目标。", "en": "No goal matches."},
    "ui.table.col.link": {"zh": "打开", "en": "Open"},
    "ui.table.col.id": {"zh": "编号", "en": "ID"},
    "ui.table.col.name": {"zh": "指标", "en": "Goal"},
    "ui.table.col.group": {"zh": "领域", "en": "Group"},
    "ui.table.col.target": {"zh": "目标", "en": "Target"},
    "ui.table.col.year": {"zh": "目标年", "en": "Year"},
    "ui.table.col.status": {"zh": "状态", "en": "Status"},
    "ui.table.col.basis": {"zh": "依据", "en": "Basis"},
    "ui.table.col.evidence": {"zh": "数据（可比/全部）", "en": "Figures (comparable/all)"},
    "ui.table.col.reason": {"zh": "说明", "en": "Why"},
    "ui.table.open": {"zh": "打开", "en": "open"},
    # goal page
    "ui.goal.select": {"zh": "选择目标", "en": "Choose a goal"},
    "ui.goal.select_placeholder": {"zh": "输入名称或编号", "en": "Type a name or id"},
    "ui.goal.not_found": {"zh": "没有编号为“{id}”的目标。", "en": "There is no goal with the id “{id}”."},
    "ui.goal.not_found_help": {"zh": "请在上方列表中选择，或到“目标一览”页按名称、编号搜索。编号是英文短语，如 green-space-rate、gdp-2010。", "en": "Choose one in the list above, or search by name or id on the Goal table page. Ids are short English phrases such as green-space-rate or gdp-2010."},
    "ui.goal.pick": {"zh": "请选择一个目标。", "en": "Choose a goal."},
    "ui.goal.meta": {"zh": "编号 {id} · {group} · {chapter}", "en": "id {id} · {group} · section {chapter}"},
    "ui.goal.basis_timing": {"zh": "依据：{basis} · 时点：{timing}", "en": "Basis: {basis} · Timing: {timing}"},
    "ui.goal.why_proxy": {"zh": "为什么只是代用数据：{reason}", "en": "Why this is only a proxy: {reason}"},
    "ui.goal.progress": {"zh": "期中进度（{year}年）", "en": "Progress at the interim ({year})"},
    "ui.goal.progress.completion": {"zh": "完成进度", "en": "Distance covered (完成进度)"},
    "ui.goal.progress.time": {"zh": "时间进度", "en": "Time elapsed (时间进度)"},
    "ui.goal.progress.r": {"zh": "增速比R", "en": "Growth ratio R"},
    "ui.goal.progress.required": {"zh": "按规划路径，{year}年应达{value}。", "en": "The planned path asks for {value} by {year}."},
    "ui.goal.progress.explain": {"zh": "依据{year}年的{value}（{basis}）。完成进度是基期到目标的距离已走过的比例，时间进度是规划期已过去的比例；R是实际年均增速除以所需年均增速（{category}）。", "en": "From {value} in {year} ({basis}). Distance covered is the share of the baseline-to-target distance already travelled; time elapsed is the share of the plan period gone; R is the observed annual growth over the growth needed ({category})."},
    "ui.goal.progress.not_deciding": {"zh": "这是期中数据，不是判定状态所用的数据，仅说明当时的进度。", "en": "This interim figure is not the one that decides the status; it shows progress at the time only."},
    "ui.goal.plan": {"zh": "规划原文", "en": "The plan's words"},
    "ui.goal.plan.source": {"zh": "出处：《{plan}》{chapter}", "en": "Source: {plan} (section {chapter})"},
    "ui.goal.plan.target": {"zh": "目标：{target}（{year}年）", "en": "Target: {target} by {year}"},
    "ui.goal.plan.baseline": {"zh": "基期：{year}年{value}", "en": "Baseline: {value} in {year}"},
    "ui.goal.plan.no_baseline": {"zh": "规划没有给出基期值。", "en": "The plan gives no baseline."},
    "ui.goal.plan.paces": {"zh": "这是“{level}”目标的增速要求。", "en": "This sets the pace for the goal “{level}”."},
    "ui.goal.evidence": {"zh": "证据（{n}条）", "en": "Evidence ({n})"},
    "ui.goal.evidence.none": {"zh": "后续文件中没有该指标的数据。", "en": "No later document reports this indicator."},
    "ui.goal.ev.deciding": {"zh": "判定依据", "en": "Deciding figure"},
    "ui.goal.ev.used": {"zh": "采用", "en": "Used"},
    "ui.goal.ev.set_aside": {"zh": "未采用", "en": "Set aside"},
    "ui.goal.ev.where": {"zh": "{area} · {years}年 · {timing}", "en": "{area} · {years} · {timing}"},
    "ui.goal.ev.against": {"zh": "对照目标：{verdict}", "en": "Against the target: {verdict}"},
    "ui.goal.ev.against_path": {"zh": "对照规划路径：{verdict}", "en": "Against the planned path: {verdict}"},
    "ui.goal.ev.reason": {"zh": "判断", "en": "Assessment"},
    "ui.goal.ev.why_aside": {"zh": "未采用的原因", "en": "Why it was set aside"},
    "ui.goal.ev.caliber": {"zh": "口径", "en": "Caliber"},
    "ui.goal.ev.derived": {"zh": "推算", "en": "Derived"},
    "ui.goal.ev.inputs": {"zh": "所用数据", "en": "Inputs"},
    "ui.goal.ev.notes": {"zh": "注释", "en": "Notes"},
    "ui.goal.ev.period_note": {"zh": "时期说明", "en": "About the period"},
    "ui.goal.ev.document": {"zh": "文件", "en": "Document"},
    "ui.goal.caveats": {"zh": "注意事项", "en": "Caveats"},
    "ui.goal.caveat.caliber": {"zh": "口径：{caliber}", "en": "Caliber: {caliber}"},
    # documents page
    "ui.docs.intro": {"zh": "规划文本和后续文件。每份文件的发布日期、所述地区和年份，以及它的数据涉及哪些目标。", "en": "The plan and the later documents: when each was published, which area and years it covers, and which goals its figures touch."},
    "ui.docs.plan": {"zh": "规划文本", "en": "The plan"},
    "ui.docs.publisher": {"zh": "发布者：{publisher}", "en": "Publisher: {publisher}"},
    "ui.docs.published": {"zh": "发布日期：{date}（{basis}）", "en": "Published: {date} ({basis})"},
    "ui.docs.published.stated": {"zh": "文中写明", "en": "stated in the document"},
    "ui.docs.published.inferred": {"zh": "推定", "en": "inferred"},
    "ui.docs.area": {"zh": "地区：{area}　年份：{years}", "en": "Area: {area}   Years: {years}"},
    "ui.docs.unrelated": {"zh": "这份文件讲的是{area}，与{plan_area}无关，其数据一律不作证据。", "en": "This document is about {area}, an area unrelated to {plan_area}: none of its figures is evidence."},
    "ui.docs.file": {"zh": "文件：{file}", "en": "File: {file}"},
    "ui.docs.figures": {"zh": "数据{n}条，涉及以下目标：", "en": "{n} figure(s), touching these goals:"},
    "ui.pager.label": {"zh": "共{total}项，显示", "en": "{total} in all; showing"},
    "ui.pager.range": {"zh": "第{first}–{last}项", "en": "{first}–{last}"},
    "ui.docs.more_goals": {"zh": "另有{n}项目标，可在目标一览中查找。", "en": "And {n} more goals: find them in the goal table."},
    "ui.docs.no_goals": {"zh": "数据{n}条，没有涉及任何目标。", "en": "{n} figure(s), none touching a goal."},
    "ui.docs.touch": {"zh": "{name}：采用{used}条、未采用{aside}条", "en": "{name}: {used} used, {aside} set aside"},
    "ui.docs.plan_goals": {"zh": "规划期{first}–{last}年，基期{base}年，量化目标{n}项。", "en": "Plan period {first}–{last}, base year {base}, {n} quantified goals."},
    # coherence page
    "ui.coh.intro": {"zh": "规划对同一个量既给了水平目标、又给了增速目标时，用基期值按规定增速推算到目标年，看与水平目标是否一致（相差1%以内算一致）。", "en": "Where the plan sets both a level and a pace for one quantity, the stated pace is applied to the baseline and compared with the stated level (within 1% counts as consistent)."},
    "ui.coh.none": {"zh": "没有可以核对的目标对。", "en": "No pair of goals to check."},
    "ui.coh.caveat": {"zh": "口径提示", "en": "Caveat"},
    # static export and briefing pack (dashboard/export.py)
    "export.title": {"zh": "{name}：目标{target}（{year}年）", "en": "{name}: target {target} by {year}"},
    "export.subtitle": {"zh": "单位：{unit}　｜　状态：{status}　｜　依据：{basis}", "en": "Unit: {unit}  |  Status: {status}  |  Basis: {basis}"},
    "export.unit_none": {"zh": "无（定性目标）", "en": "none (categorical target)"},
    "export.basis_none": {"zh": "无可比数据", "en": "no comparable figure"},
    "export.reason": {"zh": "说明：{reason}", "en": "Why: {reason}"},
    "export.footer.sources": {"zh": "数据来源：{titles}", "en": "Sources: {titles}"},
    "export.footer.not_comparable": {"zh": "已核对但不可比：{titles}", "en": "Checked, not comparable: {titles}"},
    "export.footer.no_sources": {"zh": "数据来源：后续文件中没有该指标的数据", "en": "Sources: no later document reports this indicator"},
    "export.footer.basis": {"zh": "证据依据：{basis}——{why}", "en": "Evidence basis: {basis} ({why})"},
    "export.footer.basis_none": {"zh": "证据依据：无可比数据——所列文件中没有能衡量本目标的数据", "en": "Evidence basis: none (no figure in the documents listed measures this goal)"},
    "export.footer.plan": {"zh": "规划：《{plan}》{chapter}", "en": "Plan: {plan} (section {chapter})"},
    "export.footer.exported": {"zh": "导出日期：{date}", "en": "Exported on {date}"},
    "export.doc": {"zh": "《{title}》（{date}）", "en": "{title} ({date})"},
    "export.cover.title": {"zh": "规划目标实现情况简报", "en": "Briefing: plan goals against outcomes"},
    "export.cover.selection": {"zh": "范围：{selection}", "en": "Selection: {selection}"},
    "export.cover.all": {"zh": "全部目标", "en": "all goals"},
    "export.cover.groups": {"zh": "领域 {items}", "en": "groups {items}"},
    "export.cover.statuses": {"zh": "状态 {items}", "en": "status {items}"},
    "export.cover.goals": {"zh": "目标 {items}", "en": "goals {items}"},
    "export.cover.count": {"zh": "共{n}项目标", "en": "{n} goals"},
    "export.cover.by_status": {"zh": "按状态统计", "en": "By status"},
    "export.cover.date": {"zh": "导出日期：{date}", "en": "Exported on {date}"},
    "export.cover.sources": {"zh": "涉及后续文件{n}份（见各页页脚与README.txt）", "en": "Figures from {n} later document(s) (see each page's footer and README.txt)"},
    "export.cover.method": {"zh": "判定规则见项目README“目标如何判定”；代用数据指上级辖区的比率或相关指标，仅供参考。", "en": "Rules: see the project README, “How goals are judged”. Proxy means a rate of a larger area or a related indicator, for guidance only."},
    "export.table.title": {"zh": "目标一览（第{page}/{pages}页）", "en": "Goals (page {page} of {pages})"},
    "export.coherence.title": {"zh": "规划内部一致性", "en": "Plan coherence"},
    "export.col.id": {"zh": "编号", "en": "ID"},
    "export.col.name": {"zh": "指标", "en": "Goal"},
    "export.col.group": {"zh": "领域", "en": "Group"},
    "export.col.target": {"zh": "目标", "en": "Target"},
    "export.col.target_year": {"zh": "目标年", "en": "Target year"},
    "export.col.baseline": {"zh": "基期值", "en": "Baseline"},
    "export.col.status": {"zh": "状态", "en": "Status"},
    "export.col.basis": {"zh": "依据", "en": "Basis"},
    "export.col.timing": {"zh": "时点", "en": "Timing"},
    "export.col.evidence": {"zh": "相关数据条数", "en": "Figures found"},
    "export.col.comparable": {"zh": "可比数据条数", "en": "Comparable figures"},
    "export.col.deciding": {"zh": "判定所用数据", "en": "Deciding figure"},
    "export.col.reason": {"zh": "说明", "en": "Why"},
    "export.progress.cover": {"zh": "封面与总览", "en": "cover and overview"},
    "export.progress.table": {"zh": "目标一览表", "en": "goal table"},
    "export.progress.files": {"zh": "CSV、XLSX与README", "en": "CSV, XLSX and README"},
    "export.progress.merge": {"zh": "写入PDF", "en": "writing the PDF"},
    "export.cover.total": {"zh": "合计", "en": "Total"},
    "export.page.footer": {"zh": "规划：《{plan}》　｜　导出日期：{date}", "en": "Plan: {plan}  |  Exported on {date}"},
    "export.readme.title": {"zh": "简报包：{plan}", "en": "Briefing pack: {plan}"},
    "export.readme.contents": {"zh": "内容：", "en": "Contents:"},
    "export.readme.file.briefing_pdf": {
        "zh": "简报PDF：封面、状态总览、规划内部一致性（如涉及）、目标一览表、每项目标一页图表",
        "en": "the briefing: cover, status overview, plan coherence (where it concerns the selection), goal table, one chart page per goal",
    },
    "export.readme.file.chart_png": {"zh": "每项目标的图表（PNG，3200×1800像素），文件名为目标编号", "en": "each goal's chart (PNG, 3200×1800 px), named by goal id"},
    "export.readme.file.chart_svg": {"zh": "同上（SVG矢量图）", "en": "the same (SVG, vector)"},
    "export.readme.file.goals_csv": {
        "zh": "目标一览表（CSV，UTF-8，列与`python -m dashboard assess --format csv`相同）",
        "en": "goal table (CSV, UTF-8, the same columns as `python -m dashboard assess --format csv`)",
    },
    "export.readme.file.goals_xlsx": {"zh": "目标一览表（Excel工作簿，另附来源文件表）", "en": "goal table (Excel workbook, with a sheet of source documents)"},
    "export.readme.file.README_txt": {"zh": "本说明", "en": "this file"},
    "export.readme.goals": {"zh": "目标（编号、状态、名称）：", "en": "Goals (id, status, name):"},
    "export.readme.sources": {"zh": "来源：", "en": "Sources:"},
    "export.readme.plan": {"zh": "规划", "en": "plan"},
    "export.readme.method": {
        "zh": "判定规则见项目README“目标如何判定”。“代用数据”指上级辖区（克拉玛依市）的比率、人均类指标或相关指标，只能作参考，不等于克拉玛依区的实绩。",
        "en": "How goals are judged: see the project README. “Proxy” means a rate or per-capita figure of a larger area (Karamay City) or a related indicator: guidance only, not the district's own result.",
    },
    "export.readme.made": {"zh": "由 plan-tracker 生成（python -m dashboard pack）。", "en": "Made by plan-tracker (python -m dashboard pack)."},
    "ui.download.goal": {"zh": "下载本图（幻灯片尺寸，含标题、状态和资料来源）",
                         "en": "Download this chart (slide size, with title, status and sources)"},
    "ui.download.pack": {"zh": "简报包", "en": "Briefing pack"},
    "ui.download.pack.status": {"zh": "包含哪些状态的目标", "en": "Goals with these statuses"},
    "ui.download.pack.help": {
        "zh": "一键下载zip：PDF简报（封面、状态总览、目标表、每个目标一页图）、每个目标的PNG和SVG图、目标表CSV和XLSX。本次{n}项目标，约需{seconds}秒生成。",
        "en": "One zip: a PDF briefing (cover, status overview, goal table, one chart page per goal), PNG and SVG of every chart, the goal table as CSV and XLSX. {n} goals, about {seconds} s to build.",
    },
    "ui.download.pack.button": {"zh": "下载简报包（zip）", "en": "Download the briefing pack (zip)"},
    "ui.download.pack.too_many": {
        "zh": "{n}项目标太多，网页上最多一次生成{max}项。请少选几种状态，或在命令行按领域、状态、目标生成：python -m dashboard pack --group … --status … --out 文件夹",
        "en": "{n} goals are too many: a pack made here holds at most {max}. Choose fewer statuses, or make it on the command line by group, status or goal: python -m dashboard pack --group … --status … --out FOLDER",
    },
}


def t(key: str, lang: str = "zh", **values: object) -> str:
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**values) if values else text


def both(key: str, **values: object) -> tuple[str, str]:
    return t(key, "zh", **values), t(key, "en", **values)


_UNIT_SUFFIX_EN = {"%": "%", "‰": "‰"}


def fmt_number(v: float, digits: int | None = None) -> str:
    """170.0 → '170'; 12308.38 → '12308'; 38.72 → '38.72'. No thousands separators (Chinese convention).

    Without `digits`, precision follows magnitude: whole numbers from 1000 up, else two decimals at most.
    """
    if digits is None:
        digits = 0 if abs(v) >= 1000 else 2
    text = f"{v:.{digits}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


_QUALIFIER_EN = {"以上": "≥", "以内": "≤", "左右": "≈", "超过": ">", "不到": "<", "低于": "<", "约": "≈", "近": "nearly "}


def fmt_value(v: float | None, unit: str, qualifier: str | None = None, lang: str = "zh") -> str:
    """'38.7%', '2%以内' (zh) / '≤2%' (en), '15000元'."""
    if v is None:
        return "—"
    text = fmt_number(v) + unit
    if qualifier is None or qualifier in ("达", "达到"):
        return text
    if lang == "en":
        return _QUALIFIER_EN[qualifier] + text
    return text + qualifier if qualifier in ("以上", "以内", "左右") else f"{qualifier}{text}"


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "≈": "≈", "=": "="}


def fmt_target(goal) -> str:
    """'≥170亿元', '≤3%', '≈15%'; a categorical target in the plan's words."""
    if goal.comparator == "categorical":
        return goal.target_text or ""
    return COMPARATOR_SIGNS[goal.comparator] + fmt_value(goal.target, goal.unit or "")


def fmt_pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def fmt_years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"
