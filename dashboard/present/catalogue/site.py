"""The static site's own words (dashboard/site/): navigation, footer, downloads, snapshots and the methodology.

Everything the app says too (statuses, goal page labels, table columns) comes from the shared keys in core.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "site.skip": {"zh": "跳到正文", "en": "Skip to the content"},
    "site.nav.label": {"zh": "网站导航", "en": "Site"},
    "site.nav.methodology": {"zh": "判定方法", "en": "Methodology"},
    "site.lang.switch": {"zh": "English", "en": "中文"},
    "site.lang.switch_label": {"zh": "切换到英文版的本页", "en": "本页的中文版（this page in Chinese）"},
    "site.landing.choose": {"zh": "请选择语言", "en": "Choose a language"},
    "site.not_found.title": {"zh": "找不到该页面", "en": "Page not found"},
    "site.not_found.text": {"zh": "这个地址没有页面。请从总览或目标一览进入。",
                            "en": "There is no page at this address. Start from the overview or the goal table."},
    # footer: the version is a content hash of what the page shows, the date when that content first appeared
    "site.footer.version": {"zh": "数据版本 {version} · 更新于 {date}", "en": "Data version {version} · updated {date}"},
    "site.footer.version_help": {
        "zh": "数据版本是本页所依据内容的哈希值：内容不变，版本和日期就不变，便于引用。",
        "en": "The data version is a hash of what this page shows: while it stays the same, so do the version and "
              "the date, so a citation stays valid.",
    },
    "site.footer.data": {"zh": "下载数据", "en": "Download the data"},
    "site.footer.contract": {"zh": "全部判定结果（JSON）", "en": "All judgements (JSON)"},
    "site.footer.table_csv": {"zh": "目标一览（CSV）", "en": "Goal table (CSV)"},
    "site.footer.about": {
        "zh": "本站由规划原文和后续文件逐条生成，每个数字都附有原文引语；判定规则见“判定方法”。",
        "en": "Every page is made from the plan and later documents, each figure with the words it was taken from; "
              "see Methodology for how goals are judged.",
    },
    # snapshots: a review as it was published
    "site.snapshots.heading": {"zh": "已存档的评估版本", "en": "Archived reviews"},
    "site.snapshots.intro": {
        "zh": "每个存档版本保存发布当时的全部页面和数据，之后数据更新也不会改变，可以引用。",
        "en": "Each archived review keeps every page and file as published; later data changes leave it as it was, "
              "so it can be cited.",
    },
    "site.snapshots.item": {"zh": "{name}（{date}发布，数据版本 {version}）",
                            "en": "{name} (published {date}, data version {version})"},
    "site.snapshot.banner": {
        "zh": "这是{date}发布的存档版本“{name}”（数据版本 {version}），内容保持发布时的样子。",
        "en": "This is the archived review “{name}”, published on {date} (data version {version}), kept as it "
              "was published.",
    },
    "site.snapshot.current": {"zh": "查看最新版本", "en": "See the current version"},
    # overview
    "site.overview.counts_heading": {"zh": "判定结果统计（直接数据与代用数据分列）",
                                     "en": "Verdicts counted (direct and proxy apart)"},
    "site.overview.problems": {
        "zh": "数据文件中有{n}条记录因错误未能载入，本站只使用其余有效记录。",
        "en": "{n} record(s) in the data files could not be loaded because of errors; this site uses the other, "
              "valid records only.",
    },
    # goal table
    "site.table.intro": {
        "zh": "全部目标。可按领域、状态、依据筛选，按名称或编号搜索，点击列名排序；筛选条件保存在网址中，可以分享。",
        "en": "All goals. Filter by group, status and basis, search by name or id, sort by a column heading; the "
              "address keeps the filter, so a filtered view can be shared.",
    },
    "site.table.sort": {"zh": "按“{column}”排序", "en": "Sort by “{column}”"},
    "site.table.reset": {"zh": "清除筛选", "en": "Clear the filters"},
    # goal page
    "site.goal.chart": {"zh": "进度图", "en": "Chart"},
    "site.chart.alt": {
        "zh": "{name}的进度图：{status}；目标{target}（{year}年）；图中画出{n}条数据，逐条列在下方“证据”中。",
        "en": "Progress chart of {name}: {status}; target {target} by {year}; {n} figure(s) drawn, each listed "
              "under Evidence below.",
    },
    "site.goal.downloads": {"zh": "下载", "en": "Download"},
    "site.goal.png": {"zh": "图表PNG", "en": "Chart (PNG)"},
    "site.goal.svg": {"zh": "图表SVG", "en": "Chart (SVG)"},
    "site.goal.csv": {"zh": "本目标的数据（CSV）", "en": "This goal's figures (CSV)"},
    "site.goal.quote_en": {"zh": "英文释义", "en": "English gloss"},
    "site.goal.back": {"zh": "返回目标一览", "en": "Back to the goal table"},
    "site.ev.context": {"zh": "后续参考", "en": "Later context"},
    "site.ev.input": {"zh": "{value}（{area}，{years}年）", "en": "{value} ({area}, {years})"},
    # documents page
    "site.docs.original_title": {"zh": "原标题：{title}", "en": "Original title: {title}"},
    # methodology: what the statuses mean and what the evidence can say (the rules themselves: README)
    "site.method.intro": {
        "zh": "本站把规划的每一项量化目标与后续文件中的数据逐条对照。下面说明判定依据的规则、各种状态的含义，以及代用数据能说明什么、不能说明什么。",
        "en": "Every quantified goal of the plan is set against the figures later documents report. Below: the "
              "rules the judgements follow, what each status means, and what proxy figures can and cannot say.",
    },
    "site.method.statuses": {"zh": "状态的含义", "en": "What the statuses mean"},
    "site.method.status.achieved": {
        "zh": "目标年或之前的数据表明目标已经达到。", "en": "A figure of the target year or earlier shows the target met.",
    },
    "site.method.status.on_track": {
        "zh": "目标年之前的数据不低于从基期到目标的规划路径（或规划要求的增速）。",
        "en": "A figure before the target year is at or ahead of the planned path from the baseline to the target "
              "(or of the pace the plan asks).",
    },
    "site.method.status.off_track": {
        "zh": "目标年之前的数据落后于规划路径或规划要求的增速。",
        "en": "A figure before the target year is behind the planned path or the pace the plan asks.",
    },
    "site.method.status.missed": {"zh": "目标年的数据表明目标没有达到。", "en": "A figure of the target year shows the target missed."},
    "site.method.status.indeterminate": {
        "zh": "有可比数据，但它的区间跨过目标线（如“94%以上”对“≥95%”），无法判断。",
        "en": "There is a comparable figure, but its interval straddles the target (“over 94%” against “≥95%”): "
              "it can neither meet nor miss.",
    },
    "site.method.status.no_comparable_data": {
        "zh": "后续文件没有能衡量这一目标的数据：没有报告，或者只有其他辖区、其他口径的数据。",
        "en": "No later figure can measure this goal: none is reported, or only figures of another area or "
              "another basis.",
    },
    "site.method.proxy_heading": {"zh": "代用数据能说明什么", "en": "What a proxy can say"},
    "site.method.proxy": {
        "zh": "规划讲的是一个区，后续文件大多讲全市。上级辖区的比率、人均类数据只有在数据中声明可比时才作代用，并写明理由；它只说明大致方向，不能证明本区是否达标。凡依据代用数据的状态，都标为“代用数据：……”。上级辖区的总量不能衡量区级目标；无关地区的数据从不作为证据。",
        "en": "The plan speaks for a district; most later documents speak for the whole city. A rate or per-capita "
              "figure of a larger area stands in only where the data declares it may, with the reason; it shows "
              "the direction, not whether the district itself met the goal. Every status that rests on a proxy "
              "reads “Proxy: …”. A total of a larger area never measures a district goal; figures of an "
              "unrelated area are never evidence.",
    },
    "site.method.rules_heading": {"zh": "判定规则", "en": "The rules"},
    "site.method.rule.quote": {
        "zh": "每个数字都有原文引语，检查程序核对引语确实出自原文、数字和单位确实出自引语。",
        "en": "Every figure carries the words it was taken from; checks prove the words stand in the document and "
              "the number and its unit stand in the words.",
    },
    "site.method.rule.qualifier": {
        "zh": "“以上”“以内”“左右”等限定词是区间：“<2%”满足“≤3%”，“94%以上”对“≥95%”无法判定；“左右”按±5%计。",
        "en": "Qualifiers such as 以上 (at least), 以内 (within) and 左右 (about) are intervals: “under 2%” meets "
              "“≤3%”, “over 94%” against “≥95%” cannot be told; “about” means ±5%.",
    },
    "site.method.rule.concept": {
        "zh": "口径不同的指标不可比：绿地率不是绿化覆盖率，纯收入不是可支配收入。",
        "en": "A figure on another basis is not comparable: the green-space rate is not green coverage, net income "
              "is not disposable income.",
    },
    "site.method.rule.time": {
        "zh": "目标年之前的数据与规划路径比较（完成进度对时间进度）；上限和需保持的水平没有路径，只看是否在界限之内。目标年之后的代用数据只作后续参考，不作判定。",
        "en": "A figure before the target year is set against the planned path (progress against time elapsed); "
              "a ceiling or a level to keep has no path, only the bound. A proxy dated after the target year is "
              "later context, never a verdict.",
    },
    "site.method.coherence": {
        "zh": "规划对同一个量既给水平目标又给增速目标时，“规划内部一致性”页核对两者是否一致。",
        "en": "Where the plan sets both a level and a pace for one quantity, the Plan coherence page checks that "
              "the two agree.",
    },
    "site.method.data_heading": {"zh": "数据与引用", "en": "Data and citation"},
    "site.method.data": {
        "zh": "每页页脚有数据版本（所示内容的哈希值）和更新日期。评估发布时保存的存档版本不会再改变。全部判定结果可下载为JSON和CSV，格式与命令行工具相同。",
        "en": "Each page's footer gives its data version (a hash of what it shows) and the date it was updated. "
              "Archived reviews never change. All judgements can be downloaded as JSON and CSV, in the same "
              "format as the command-line tool.",
    },
}
