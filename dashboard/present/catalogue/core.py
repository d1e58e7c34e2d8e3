"""The core entries: statuses, bases, the judge's reasons, coherence, and the dashboard's and exports' labels."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # statuses, as plan evaluations say them
    "status.achieved": {"zh": "已实现", "en": "Achieved"},
    "status.on_track": {"zh": "符合进度", "en": "On track"},
    "status.off_track": {"zh": "进度滞后", "en": "Off track"},
    "status.missed": {"zh": "未实现", "en": "Missed"},
    "status.indeterminate": {"zh": "无法判定", "en": "Indeterminate"},
    "status.no_comparable_data": {"zh": "无可比数据", "en": "No comparable data"},
    # a status that rests on a proxy reads as one, wherever it appears
    "status.proxy": {"zh": "代用数据：{status}", "en": "Proxy: {status}"},
    # with the years of the figure it rests on, so a status decided by 2007 figures never reads as final later
    "status.with_years": {"zh": "{status}（{years}年）", "en": "{status} ({years})"},
    # a neutral projection (辖区人口24万左右) met or left: the expected band, never achieved or missed
    "status.band.within": {"zh": "在预期区间内", "en": "Within the expected band"},
    # a bound to hold every year has no path: within or outside it, never on or off track
    "status.hold.on_track": {"zh": "守住界限", "en": "Within the bound"},
    "status.hold.off_track": {"zh": "超出界限", "en": "Outside the bound"},
    "status.band.above": {"zh": "高于预期区间", "en": "Above the expected band"},
    "status.band.below": {"zh": "低于预期区间", "en": "Below the expected band"},
    "pace.per_year": {"zh": "{value}/年", "en": "{value} a year"},
    # a goal that speaks for an area other than the plan's, as its own quote shows (为我市…创造条件)
    "goal.area.own": {"zh": "本目标讲的是{area}（规划原文{said}），不是规划所属的{plan_area}：{area}的数据是直接数据。", "en": "This goal speaks for {area}, as the plan's words say ({said}), not for {plan_area}, the plan's area: figures for {area} are direct evidence."},
    # the words for "the whole of / our" area a plan's quote may name an area by (records/areas.py), glossed in English
    "area.word.全市": {"zh": "全市", "en": "the whole city"},
    "area.word.我市": {"zh": "我市", "en": "our city"},
    "area.word.本市": {"zh": "本市", "en": "this city"},
    "area.word.全区": {"zh": "全区", "en": "the whole district or region"},
    "area.word.我区": {"zh": "我区", "en": "our district"},
    "area.word.本区": {"zh": "本区", "en": "this district"},
    "area.word.全地区": {"zh": "全地区", "en": "the whole prefecture"},
    "area.word.全疆": {"zh": "全疆", "en": "all of Xinjiang"},
    "area.word.全州": {"zh": "全州", "en": "the whole prefecture"},
    "area.word.全县": {"zh": "全县", "en": "the whole county"},
    "basis.direct": {"zh": "直接数据", "en": "Direct"},
    "basis.proxy": {"zh": "代用数据", "en": "Proxy"},
    "basis.none": {"zh": "不可比", "en": "Not comparable"},
    "timing.interim": {"zh": "期中", "en": "Interim"},
    "timing.final": {"zh": "目标年", "en": "Final"},
    "timing.late": {"zh": "目标年后", "en": "Late"},
    "growth.on_track": {"zh": "增速达标", "en": "on track"},
    "growth.needs_acceleration": {"zh": "需加快", "en": "needs acceleration"},
    "growth.limited": {"zh": "进展有限", "en": "limited progress"},
    "growth.backwards": {"zh": "倒退", "en": "going backwards"},
    # plan coherence
    # labels shared by the charts, the dashboard and the exports (the dashboard's own: catalogue/web.py)
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
    "ui.chart.path.constant": {"zh": "规划要求的年度增长", "en": "Pace asked each year"},
    "ui.chart.required_hover": {"zh": "规划路径：{year}年应达{value}", "en": "Planned path: {value} by {year}"},
    "ui.chart.target": {"zh": "目标", "en": "Target"},
    "ui.chart.target_label": {"zh": "目标{target}", "en": "Target {target}"},
    "ui.chart.target_region": {"zh": "达标区间（{target}）", "en": "Target met ({target})"},
    "ui.chart.expected_band": {"zh": "预期区间（{target}）", "en": "Expected band ({target})"},
    "ui.chart.direct": {"zh": "直接数据（本区）", "en": "Direct figure (district)"},
    "ui.chart.proxy": {"zh": "代用数据（上级辖区）", "en": "Proxy figure (larger area)"},
    "ui.chart.context": {"zh": "后来情况（目标年后，仅作参考）", "en": "Later context (after the target year)"},
    "ui.chart.deciding_tag": {"zh": "（判定依据）", "en": " (deciding)"},
    "ui.chart.no_data": {"zh": "暂无可比数据", "en": "No comparable figure"},
    "ui.chart.not_drawn": {"zh": "另有{n}条不可比数据未画出，各自的原因见数据列表", "en": "Not drawn: {n} figures that are not comparable, each listed with its reason",
                           "en_one": "Not drawn: 1 figure that is not comparable, listed with its reason"},
    "ui.chart.none_drawn": {"zh": "暂无可比数据：找到的{n}条数据均不可比，未画出，各自的原因见数据列表", "en": "No comparable figure: the {n} figures found are not comparable and are not drawn; each is listed with its reason",
                            "zh_one": "暂无可比数据：找到的1条数据不可比，未画出，原因见数据列表",
                            "en_one": "No comparable figure: the one figure found is not comparable and is not drawn; it is listed with its reason"},
    "ui.chart.pace_other_unit": {"zh": "另有{n}条增长数据的单位与图中的不同，未画出，见数据列表", "en": "Not drawn: {n} paces in another unit, listed with their reasons",
                                 "en_one": "Not drawn: 1 pace in another unit, listed with its reason"},
    "ui.chart.pace_point": {"zh": "{years}年{value}", "en": "{value} in {years}"},
    "ui.chart.pace_asked": {"zh": "规划要求的增长（{asked}）", "en": "Pace the path asks ({asked})"},
    "ui.chart.derived": {"zh": "推算数据（由其他数字算出，空心带点）", "en": "Derived (computed from other figures; hollow, dotted)"},
    "ui.chart.derived_tag": {"zh": "（推算）", "en": " (derived)"},
    "ui.chart.derived_hover": {"zh": "推算：{formula}", "en": "Derived: {formula}"},
    "ui.chart.categorical": {"zh": "定性目标：{target}（{year}年）。没有可画的数值，判定见下文。", "en": "Categorical target: {target} by {year}. Nothing numeric to plot; see the text below."},
    "ui.chart.count": {"zh": "目标个数", "en": "Number of goals"},
    "ui.chart.gap_axis": {"zh": "按规定的增长推算的水平比水平目标高（+）或低（−）的幅度", "en": "Level reached at the stated pace above (+) or below (−) the level target"},
    "ui.coherence.consistent": {"zh": "一致", "en": "Consistent"},
    "ui.coherence.consistent_apart": {"zh": "一致，但相差超过{within}", "en": "Consistent, over {within} apart"},
    "ui.coherence.pace_weaker": {"zh": "增长要求偏低", "en": "Pace too weak"},
    "ui.coherence.pace_stronger": {"zh": "增长要求偏高", "en": "Pace stronger than needed"},
    "ui.coherence.unverifiable": {"zh": "无法核对", "en": "Cannot check"},
    # static export and briefing pack (dashboard/export.py)
    "export.col.target_year": {"zh": "目标年", "en": "Target year"},
    "export.col.basis": {"zh": "依据", "en": "Basis"},
    "export.col.timing": {"zh": "时点", "en": "Timing"},
    "export.col.evidence": {"zh": "相关数据条数", "en": "Figures found"},
    "export.col.comparable": {"zh": "可比数据条数", "en": "Comparable figures"},
    "export.col.deciding": {"zh": "判定所用数据", "en": "Deciding figure"},
    # overview
    # data problems
    "ui.problems.counts": {"zh": "各数据文件载入情况", "en": "Records loaded per data file"},
    "ui.problems.col.kind": {"zh": "记录类型", "en": "Kind"},
    "ui.problems.col.loaded": {"zh": "已载入", "en": "Loaded"},
    "ui.problems.col.rejected": {"zh": "未载入", "en": "Rejected"},
    # goal table
    "ui.table.col.link": {"zh": "打开", "en": "Open"},
    "ui.table.col.id": {"zh": "编号", "en": "ID"},
    "ui.table.col.basis": {"zh": "依据", "en": "Basis"},
    # goal page
    "ui.goal.ev.derived": {"zh": "推算", "en": "Derived"},
    "ui.goal.ev.period_note": {"zh": "时期说明", "en": "About the period"},
    # documents page
    # coherence page
}
