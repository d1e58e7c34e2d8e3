"""The judge's reasons: why a figure counts, why it is later context, why it was set aside, and the one-line
reason for a goal's status. Each key is a code the judge hands out (judge/rules.py EXCLUSIONS, account.py)."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- why a figure counts
    "area.same": {"zh": "{area}本身的数据", "en": "a figure for {area} itself"},
    "area.parent.level": {
        "zh": "{area}的数据，按数据声明水平可作代用：{why}",
        "en": "a figure for {area}, whose level may stand in as the data declares: {why}",
    },
    "area.parent.pace": {
        "zh": "{area}的数据，按数据声明只有变化可作代用：{why}",
        "en": "a figure for {area}, whose change alone may stand in as the data declares: {why}",
    },
    "concept.related": {
        "zh": "相关指标（{indicator}）作代用：{note}", "en": "a related indicator ({indicator}) as a proxy: {note}",
    },
    "concept.pace_only": {
        "zh": "相关指标（{indicator}），只有变化可作代用：{note}",
        "en": "a related indicator ({indicator}) whose change alone may stand in: {note}",
    },
    "reading.one_year": {"zh": "只是{year}年一年的增长", "en": "one year's growth only ({year})"},
    "reading.average": {"zh": "{years}年的年均增长", "en": "the average yearly growth over {years}"},
    "time.later_context": {
        "zh": "晚于目标年{target_year}年，只作后来情况的参考，不作判定依据",
        "en": "dated after the target year {target_year}: later context, not a verdict",
    },
    # ---- why a figure was set aside
    "area.other": {"zh": "{area}的数据，与规划所属辖区无关，不作证据", "en": "a figure for {area}, an unrelated area: never evidence"},
    "area.parent.total": {
        "zh": "{area}的总量，范围大于目标所属辖区，不能衡量其目标",
        "en": "a total for {area}, a larger area: it never measures the goal's area",
    },
    "area.parent.none": {"zh": "{area}的数据不能代表目标所属辖区：{why}", "en": "a figure for {area} cannot speak for the goal's area: {why}"},
    "area.parent.pace_only": {
        "zh": "{area}的水平不能代表目标所属辖区，只有其变化可作代用：{why}",
        "en": "the level of {area} cannot stand for the goal's area; only its change may: {why}",
    },
    "stand_in.undeclared": {
        "zh": "数据未声明这一辖区的数据可以代用", "en": "the data does not declare that this area's figures may stand in",
    },
    "concept.different": {"zh": "不同指标（{indicator}）：{note}", "en": "a different indicator ({indicator}): {note}"},
    "categorical.no_numeric": {
        "zh": "定性目标，不能由数据自动判定，需阅读原文", "en": "a categorical target: no figure settles it; read the sources",
    },
    "figure.statement": {"zh": "只是文字陈述，没有数值可比", "en": "a statement without a number to compare"},
    "measure.other": {
        "zh": "这一数据是{measure}，而目标是{goal_measure}，不能直接比较",
        "en": "this figure is {measure}, the goal is {goal_measure}: not comparable as they stand",
    },
    "unit.mismatch": {"zh": "单位（{unit}）与目标不同，无法换算比较", "en": "in another unit ({unit}) that does not convert to the goal's"},
    "caliber.price_basis": {
        "zh": "价格口径不同：数据按{figure}，目标按{goal}", "en": "a different price basis: the figure at {figure}, the goal at {goal}",
    },
    "pace.no_path": {
        "zh": "目标没有规划路径（无基期值，或是每年都要守住的界限），年度增长说明不了进度",
        "en": "the goal has no planned path (no baseline, or a bound to hold every year): a pace says nothing of progress",
    },
    "pace.outside_period": {
        "zh": "{years}年的增长不在规划期（{first}—{target_year}年）内，不能说明规划要求的年均增速",
        "en": "growth in {years} lies outside the plan period ({first}–{target_year}) and says nothing of the pace asked",
    },
    "pace.level_year": {
        "zh": "目标年{target_year}年及以后的增长不能说明目标年达到的水平，只有水平数据才能",
        "en": "growth in or after the target year {target_year} cannot show the level reached; only a level can",
    },
    "measure.level": {"zh": "水平值", "en": "a level"},
    "measure.yoy_growth": {"zh": "比上年增长率", "en": "growth over the previous year"},
    "measure.annual_growth_rate": {"zh": "年均增长率", "en": "an average yearly growth rate"},
    "measure.annual_increase": {"zh": "年增加额", "en": "a yearly increase"},
    "measure.change_from_base_pct": {"zh": "比基期的变化幅度", "en": "a change from the base year"},
    "measure.multiple_of_base": {"zh": "基期的倍数", "en": "a multiple of the base year"},
    "price.current": {"zh": "现价（当年价格）", "en": "current prices"},
    "price.comparable": {"zh": "可比价", "en": "comparable prices"},
    "price.None": {"zh": "未注明", "en": "unstated"},
    # ---- counts of figures set aside, in a goal's one-line reason
    "excluded.area.other": {"zh": "无关辖区{n}条", "en": "{n} of an unrelated area"},
    "excluded.concept.different": {"zh": "不同指标{n}条", "en": "{n} of a different indicator"},
    "excluded.categorical.no_numeric": {"zh": "定性目标不能自动判定{n}条", "en": "{n} against a categorical target"},
    "excluded.figure.statement": {"zh": "文字陈述{n}条", "en": "{n} statements without a number", "en_one": "1 statement without a number"},
    "excluded.measure.other": {"zh": "测度不同{n}条", "en": "{n} of another measure"},
    "excluded.area.parent.total": {"zh": "上级辖区总量{n}条", "en": "{n} totals of a larger area", "en_one": "1 total of a larger area"},
    "excluded.area.parent.none": {"zh": "不能代表本辖区的上级辖区数据{n}条", "en": "{n} of a larger area that cannot stand in"},
    "excluded.concept.pace_only": {"zh": "只能说明增长的相关指标水平{n}条", "en": "{n} levels of an indicator whose pace alone speaks", "en_one": "1 level of an indicator whose pace alone speaks"},
    "excluded.area.parent.pace_only": {"zh": "只能说明增长的上级辖区水平{n}条", "en": "{n} levels of a larger area whose pace alone speaks", "en_one": "1 level of a larger area whose pace alone speaks"},
    "excluded.unit.mismatch": {"zh": "单位不同{n}条", "en": "{n} in another unit"},
    "excluded.caliber.price_basis": {"zh": "价格口径不同{n}条", "en": "{n} on another price basis"},
    "excluded.pace.no_path": {"zh": "无路径可比的增长数据{n}条", "en": "{n} paces with no path to compare", "en_one": "1 pace with no path to compare"},
    "excluded.pace.outside_period": {"zh": "规划期外的增长数据{n}条", "en": "{n} growth rates outside the plan period", "en_one": "1 growth rate outside the plan period"},
    "excluded.pace.level_year": {"zh": "目标年及以后的增长数据{n}条", "en": "{n} growth rates of the target year or later", "en_one": "1 growth rate of the target year or later"},
    "excluded.time.later_context": {"zh": "目标年后的代用数据{n}条（仅作参考）", "en": "{n} later figures as context only", "en_one": "1 later figure as context only"},
    # ---- a goal's one-line reason
    "reason.no_evidence": {"zh": "后续文件中没有该指标的数据", "en": "No later document reports this indicator"},
    "reason.none_comparable": {"zh": "有相关数据{n}条，均不可比：{why}", "en": "{n} related figures, none comparable: {why}", "en_one": "1 related figure, not comparable: {why}"},
    "reason.with_context": {"zh": "{main}。另见（后来情况）：{later}", "en": "{main}. Later: {later}"},
    "context.item": {"zh": "{area}{years}年{value}", "en": "{area}, {value} in {years}"},
    "reason.final.meets": {
        "zh": "{basis}：{area}{years}年{value}，达到目标{target}", "en": "{basis}: {area}, {value} in {years}, meets the target {target}",
    },
    "reason.final.beyond": {
        "zh": "{basis}：{area}{years}年{value}，超额完成目标{target}",
        "en": "{basis}: {area}, {value} in {years}, beyond the target {target} (exceeded)",
    },
    "reason.final.misses": {
        "zh": "{basis}：{area}{years}年{value}，未达到目标{target}", "en": "{basis}: {area}, {value} in {years}, short of the target {target}",
    },
    "reason.final.within": {
        "zh": "{basis}：{area}{years}年{value}，在预期区间{target}内",
        "en": "{basis}: {area}, {value} in {years}, within the expected band {target}",
    },
    "reason.final.outside": {
        "zh": "{basis}：{area}{years}年{value}，{side}预期区间{target}",
        "en": "{basis}: {area}, {value} in {years}, {side} the expected band {target}",
    },
    "side.above": {"zh": "高于", "en": "above"},
    "side.below": {"zh": "低于", "en": "below"},
    "reason.final.cannot_tell": {
        "zh": "{basis}：{area}{years}年{value}，无法判断是否达到目标{target}",
        "en": "{basis}: {area}, {value} in {years}, cannot tell whether it meets the target {target}",
    },
    "reason.late.meets": {
        "zh": "{basis}：{area}{years}年{value}，达到目标{target}，但晚于目标年{target_year}年",
        "en": "{basis}: {area}, {value} in {years}, reached the target {target} after the target year {target_year}",
    },
    "reason.late.misses": {
        "zh": "{basis}：{area}{years}年{value}，目标年{target_year}年后仍未达到目标{target}",
        "en": "{basis}: {area}, {value} in {years}, still short of the target {target} after {target_year}",
    },
    "reason.late.cannot_tell": {
        "zh": "{basis}：{area}{years}年{value}，无法判断是否达到目标{target}",
        "en": "{basis}: {area}, {value} in {years}, cannot tell whether it reaches the target {target}",
    },
    "reason.hold.on_track": {
        "zh": "{basis}：{area}{years}年{value}，在{target}的界限以内（每年都须守住，无进度路径）",
        "en": "{basis}: {area}, {value} in {years}, within the bound {target} (to hold every year; no path)",
    },
    "reason.hold.off_track": {
        "zh": "{basis}：{area}{years}年{value}，超出{target}的界限", "en": "{basis}: {area}, {value} in {years}, outside the bound {target}",
    },
    "reason.hold.cannot_tell": {
        "zh": "{basis}：{area}{years}年{value}，无法判断是否在{target}的界限以内",
        "en": "{basis}: {area}, {value} in {years}, cannot tell whether it is within the bound {target}",
    },
    "reason.interim.already_met": {
        "zh": "{basis}：{area}{years}年{value}，已达到目标{target}", "en": "{basis}: {area}, {value} in {years}, already meets the target {target}",
    },
    "reason.interim.no_baseline": {
        "zh": "{basis}：{area}{years}年{value}，尚未达到目标{target}；规划未给基期值，无法画出进度路径",
        "en": "{basis}: {area}, {value} in {years}, not yet at the target {target}; the plan gives no baseline to draw a path",
    },
    "reason.interim.on_track": {
        "zh": "{basis}：{area}{years}年{value}，不低于规划路径（{year}年应达{required}；完成进度{completion}，时间进度{time_share}）",
        "en": "{basis}: {area}, {value} in {years}, at or ahead of the planned path ({required} by {year}; {completion} of the way "
              "in {time_share} of the time)",
    },
    "reason.interim.off_track": {
        "zh": "{basis}：{area}{years}年{value}，落后于规划路径（{year}年应达{required}；完成进度{completion}，时间进度{time_share}）",
        "en": "{basis}: {area}, {value} in {years}, behind the planned path ({required} by {year}; {completion} of the way in "
              "{time_share} of the time)",
    },
    "reason.interim.cannot_tell": {
        "zh": "{basis}：{area}{years}年{value}，无法判断是否跟上规划路径（{year}年应达{required}）",
        "en": "{basis}: {area}, {value} in {years}, cannot tell whether it keeps to the planned path ({required} by {year})",
    },
    "verb.growth": {"zh": "增长", "en": "growth of"},
    "verb.increase": {"zh": "增加", "en": "a rise of"},
    "span.one_year": {"zh": "{year}年一年", "en": "in {year} alone"},
    "span.average": {"zh": "{years}年年均", "en": "a year on average over {years}"},
    "asked.stated": {"zh": "规划要求的{pace}", "en": "the pace the plan asks ({pace})"},
    "asked.derived": {"zh": "按规划路径推算的年均{pace}", "en": "the pace the planned path implies ({pace} a year)"},
    "asked.derived_beside_stated": {"zh": "按规划路径推算的年均{pace}（规划另定的增长目标为{stated}）",
                                    "en": "the pace the planned path implies ({pace} a year; the plan's own pace "
                                          "target is {stated})"},
    "pace.target_per_year": {"zh": "{target}/年", "en": "{target} a year"},
    "reason.pace.on_track": {
        "zh": "{basis}：{area}{span}{verb}{value}，不低于{asked}",
        "en": "{basis}: {area}, {verb} {value} {span}, at or above {asked}",
    },
    "reason.pace.off_track": {
        "zh": "{basis}：{area}{span}{verb}{value}，低于{asked}",
        "en": "{basis}: {area}, {verb} {value} {span}, below {asked}",
    },
    "reason.pace.cannot_tell": {
        "zh": "{basis}：{area}{span}{verb}{value}，无法判断是否达到{asked}",
        "en": "{basis}: {area}, {verb} {value} {span}, cannot tell whether it reaches {asked}",
    },
    "lean.favourable": {"zh": "有利", "en": "favourable"},
    "lean.unfavourable": {"zh": "不利", "en": "unfavourable"},
    "lean.unclear": {"zh": "不明", "en": "unclear"},
    "reason.pace.level_unknown": {
        "zh": "{basis}：{area}{span}{verb}{value}，对照{asked}，增长{lean}；但只有变化可作代用，"
              "目标要求的水平未知，不能由此判定",
        "en": "{basis}: {area}, {verb} {value} {span}, against {asked}: pace {lean}; but only its change may "
              "stand in, so the level the goal asks is unknown and no verdict follows",
    },
    "reason.pace.beyond_plan": {
        "zh": "{basis}：{area}{span}{verb}{value}，对照{asked}；目标是{period}年的年均增长，超出规划期（{plan_period}年），"
              "上级辖区一年的增长不能说明这一更长时期的年均增长，不能由此判定",
        "en": "{basis}: {area}, {verb} {value} {span}, against {asked}; the goal is an average over {period}, beyond the "
              "plan period ({plan_period}): one year of a larger area cannot put that longer average on track, so no "
              "verdict follows",
    },
    "reason.readings_disagree": {
        "zh": "同一辖区同一年的水平与增长结论相反，不作判定。水平：{level}。增长：{pace}",
        "en": "The level and the pace of one area and year disagree, so no verdict. Level: {level}. Pace: {pace}",
    },
    "reason.with_caveat": {"zh": "{main}（{caveat}）", "en": "{main} ({caveat})"},
    "caveat.pace": {"zh": "口径提示：{items}", "en": "caveat: {items}"},
    "caveat.pace.both": {"zh": "口径提示：{price}；{concept}", "en": "caveat: {price}; {concept}"},
    "caveat.pace.price": {
        "zh": "增长按{figure}计算，目标按{goal}", "en": "the growth is at {figure}, the goal at {goal}",
    },
    "caveat.pace.price.presumed": {
        "zh": "增长推定按{figure}计算，目标按{goal}", "en": "the growth is presumably at {figure}, the goal at {goal}",
    },
    "caveat.pace.price_goal_unstated": {
        "zh": "增长按{figure}计算，目标未注明价格口径", "en": "the growth is at {figure}; the goal does not state its price basis",
    },
    "caveat.pace.price_goal_unstated.presumed": {
        "zh": "增长推定按{figure}计算（文件未注明），目标未注明价格口径",
        "en": "the growth is presumably at {figure} (the document does not say); the goal does not state its price basis",
    },
    "caveat.pace.price_figure_unstated": {
        "zh": "增长未注明价格口径，目标按{goal}", "en": "the growth does not state its price basis; the goal is at {goal}",
    },
    "caveat.pace.caliber": {"zh": "数据为{caliber}，与目标口径不同", "en": "the figure is on the {caliber}"},
    "caveat.pace.concept": {
        "zh": "数据是{indicator}，不是{goal_indicator}", "en": "the figure is {indicator}, not {goal_indicator}",
    },
    "declared.meets": {
        "zh": "编辑声明这一陈述达到目标：{why}", "en": "the editor declares that this statement meets the goal: {why}",
    },
    "declared.misses": {
        "zh": "编辑声明这一陈述未达到目标：{why}", "en": "the editor declares that this statement falls short of the goal: {why}",
    },
    "reason.declared.interim.meets": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明已达到目标（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal already met ({why})",
    },
    "reason.declared.interim.misses": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明尚未达到目标（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal not yet met ({why})",
    },
    "reason.declared.final.meets": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明达到目标（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal met ({why})",
    },
    "reason.declared.final.misses": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明未达到目标（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal not met ({why})",
    },
    "reason.declared.late.meets": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明达到目标，但晚于目标年{target_year}年（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal met, after the target year "
              "{target_year} ({why})",
    },
    "reason.declared.late.misses": {
        "zh": "{basis}：{area}{years}年{value}，编辑声明目标年{target_year}年后仍未达到目标（{why}）",
        "en": "{basis}: {area}, “{value}” in {years}; the editor declares the goal still not met after {target_year} "
              "({why})",
    },
    "reason.pace.final.meets": {
        "zh": "{basis}：{area}{span}{verb}{value}，达到目标{target}", "en": "{basis}: {area}, {verb} {value} {span}, meets the target {target}",
    },
    "reason.pace.final.misses": {
        "zh": "{basis}：{area}{span}{verb}{value}，未达到目标{target}", "en": "{basis}: {area}, {verb} {value} {span}, short of the target {target}",
    },
    "reason.pace.final.cannot_tell": {
        "zh": "{basis}：{area}{span}{verb}{value}，无法判断是否达到目标{target}",
        "en": "{basis}: {area}, {verb} {value} {span}, cannot tell whether it meets the target {target}",
    },
    # ---- caveats of a goal
    "caveat.caliber": {"zh": "口径：{caliber}", "en": "Caliber: {caliber}"},
    "caveat.level_proxy_path": {
        "zh": "判定把{area}的水平放在本辖区的规划路径上比较，只因数据声明两者水平可比：{why}",
        "en": "The judgement sets the level of {area} on the goal area's planned path only because the data declares the "
              "two levels commensurate: {why}",
    },
    "caveat.one_year": {
        "zh": "判定所用的增长只是{year}年一年的，不是规划期的年均增长；此前各年的增长文件未载",
        "en": "The pace that decides is {year}'s alone, not the average over the plan period; the years before are not reported",
    },
    # ---- plan coherence
    "coherence.consistent": {
        "zh": "一致：按{pace}{stated}，自{base_year}年{base}起，{year}年可达{reached}，与{level}目标{target}相差{gap}以内",
        "en": "Consistent: {pace} of {stated} from {base} in {base_year} reaches {reached} by {year}, within {gap} of the "
              "{level} target {target}",
    },
    "coherence.consistent_floor": {
        "zh": "一致：{level}目标{target}意味着{pace}为{implied}，符合“{bound}”的要求；但只按下限{stated}，自{base_year}年{base}起，"
              "{year}年只能达到{reached}（比目标少{gap}）",
        "en": "Consistent: the {level} target {target} implies {pace} of {implied}, within “{bound}”; the floor alone "
              "({stated} from {base} in {base_year}) would reach only {reached} by {year}, {gap} short",
    },
    "coherence.pace_weaker": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年只能达到{reached}，比{level}目标{target}少{gap}；"
              "达到目标需{implied}",
        "en": "Inconsistent: {pace} of {stated} from {base} in {base_year} reaches only {reached} by {year}, {gap} short "
              "of the {level} target {target}; the target needs {implied}",
    },
    "coherence.pace_stronger": {
        "zh": "不一致：按{pace}{stated}，自{base_year}年{base}起，{year}年将达{reached}，比{level}目标{target}高{gap}；"
              "目标只需{implied}，达不到“{bound}”",
        "en": "Inconsistent: {pace} of {stated} from {base} in {base_year} would reach {reached} by {year}, {gap} above "
              "the {level} target {target}; the target needs only {implied}, short of “{bound}”",
    },
    "coherence.pace_implies_level": {
        "zh": "一致：按{pace}的下限{stated}，自{base_year}年{base}起，{year}年可达{reached}，已达到{level}目标{target}；"
              "增长目标蕴含水平目标，水平目标较宽松，差{difference}（{gap}）",
        "en": "Consistent: the floor of {pace} ({stated} from {base} in {base_year}) reaches {reached} by {year}, already "
              "meeting the {level} target {target}; the pace implies the level, and the level is the looser target by "
              "{difference} ({gap})",
    },
    "coherence.price_bases_differ": {
        "zh": "无法核对：{pace}按{pace_basis}，{level}按{level_basis}，价格口径不同，两者不能直接比较",
        "en": "Cannot check: {pace} is at {pace_basis} and {level} at {level_basis}; on different price bases the two "
              "cannot be compared",
    },
    "coherence.caliber": {
        "zh": "口径提示：{level}——{level_caliber}；{pace}——{pace_caliber}；两者不完全可比",
        "en": "Caliber: {level} is stated {level_caliber}, {pace} {pace_caliber}; the two are not strictly comparable",
    },
    "coherence.unverifiable": {
        "zh": "无法核对：规划未给{level}的基期值；{pace}与{level}目标合起来意味着基期约为{base}",
        "en": "Cannot check: the plan gives no baseline for {level}; {pace} and the target together imply a baseline of "
              "about {base}",
    },
}
