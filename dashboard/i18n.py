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
        "en": "Consistent: {pace_en} of {stated} from {base} in {base_year} reaches {reached} by {year}, within {gap} of the {target} target",
    },
    "coherence.pace_weaker": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年只能达到{reached}，比{level}目标{target}少{gap}；达到目标需{implied}",
        "en": "Inconsistent: {pace_en} of {stated} from {base} in {base_year} reaches only {reached} by {year}, {gap} short of the {target} target for {level_en}; the target needs {implied}",
    },
    "coherence.pace_stronger": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年将达{reached}，比{level}目标{target}高{gap}；目标只需{implied}",
        "en": "Inconsistent: {pace_en} of {stated} from {base} in {base_year} would reach {reached} by {year}, {gap} above the {target} target for {level_en}; the target needs only {implied}",
    },
    "coherence.caliber": {
        "zh": "口径提示：{level}——{level_caliber}；{pace}——{pace_caliber}；两者不完全可比",
        "en": "Caliber: {level} is stated as “{level_caliber}”, {pace} as “{pace_caliber}”; the two are not strictly comparable",
    },
    "coherence.unverifiable": {
        "zh": "无法核对：规划未给{level}的基期值；{pace}与{level}目标合起来意味着基期约为{base}",
        "en": "Cannot check: the plan gives no baseline for {level_en}; {pace_en} and the target together imply a baseline of about {base}",
    },
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
    "export.doc": {"zh": "《{title}》（{date}）", "en": "“{title}” ({date})"},
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
    "export.progress.merge": {"zh": "合并PDF", "en": "merging the PDF"},
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
