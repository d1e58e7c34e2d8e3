"""The static site's own words (dashboard/site/): navigation, footer, downloads, snapshots.

Everything the app says too — statuses, the pages' labels, a goal's figures, the methodology — comes from the
shared keys (core, reasons, web), so the site and the app say the same things in the same words.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "site.skip": {"zh": "跳到正文", "en": "Skip to the content"},
    "site.nav.label": {"zh": "网站导航", "en": "Site"},
    "site.lang.switch_label": {"zh": "本页的英文版（English）", "en": "本页的中文版（this page in Chinese）"},
    "site.landing.choose": {"zh": "请选择语言", "en": "Choose a language"},
    # footer: one data version for the whole publication, and the day this page's content last changed
    "site.footer.version": {"zh": "数据版本 {version} · 本页更新于 {date}", "en": "Data version {version} · this page updated {date}"},
    "site.footer.version_help": {
        "zh": "数据版本是本次发布所依据全部数据的哈希值，全站各页相同；数据不变，版本就不变，便于引用。日期是本页内容最近一次变化的日期。",
        "en": "The data version is a hash of all the data this publication rests on, the same on every page; while the "
              "data stays the same, so does the version, so a citation stays valid. The date is when this page's "
              "content last changed.",
    },
    "site.cite.relative": {"zh": "{path}（本站内的相对地址：发布时未配置网站地址）", "en": "{path} (an address relative to this site: it was published without its base address)"},
    "site.footer.data": {"zh": "下载数据", "en": "Download the data"},
    "site.footer.contract": {"zh": "全部判定结果（JSON）", "en": "All judgements (JSON)"},
    "site.footer.table_csv": {"zh": "目标一览（CSV）", "en": "Goal table (CSV)"},
    # publish --gzip-data: the same files, gzip-compressed (a site of many plans)
    "site.footer.contract_gz": {"zh": "全部判定结果（JSON，gzip压缩）", "en": "All judgements (JSON, gzip-compressed)"},
    "site.footer.table_csv_gz": {"zh": "目标一览（CSV，gzip压缩）", "en": "Goal table (CSV, gzip-compressed)"},
    "site.goal.csv_gz": {"zh": "下载本目标的全部数据（CSV，gzip压缩）",
                         "en": "Download this goal's figures (CSV, gzip-compressed)"},
    "site.footer.about": {
        "zh": "本站由规划原文和后续文件逐条生成，每个数字都附有原文引语。",
        "en": "Every page is made from the plan and later documents, each figure with the words it was taken from.",
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
    "site.overview.problems": {
        "zh": "数据文件中有{n}条记录因错误未能载入，本站只使用其余有效记录。",
        "en": "{n} records in the data files could not be loaded because of errors; this site uses the other, "
              "valid records only.",
        "en_one": "1 record in the data files could not be loaded because of errors; this site uses the other, "
                  "valid records only.",
    },
    "site.table.reset": {"zh": "清除筛选", "en": "Clear the filters"},
    "site.goal.chart": {"zh": "进度图", "en": "Chart"},
    "site.goal.downloads": {"zh": "下载", "en": "Download"},
    "site.goal.png": {"zh": "图表PNG", "en": "Chart (PNG)"},
    "site.goal.svg": {"zh": "图表SVG", "en": "Chart (SVG)"},
    "site.goal.back": {"zh": "返回目标一览", "en": "Back to the goal table"},
    # a figure's derivation and period (a derived figure says so, with its inputs)
    "site.ev.derived": {"zh": "推算", "en": "Derived"},
    "site.ev.derived_from": {"zh": "（所用数据：{inputs}）", "en": " (from {inputs})"},
    "site.ev.input": {"zh": "{value}（{area}，{years}年）", "en": "{value} ({area}, {years})"},
    "site.ev.period_note": {"zh": "时期说明", "en": "About the period"},
    "site.docs.original_title": {"zh": "原标题", "en": "Original title"},
    "site.method.data_heading": {"zh": "数据版本与存档", "en": "Data versions and archives"},
    "site.method.data": {
        "zh": "每页页脚有数据版本（所示内容的哈希值）和更新日期。评估发布时保存的存档版本不会再改变。全部判定结果可下载为JSON和CSV，格式与命令行工具相同。",
        "en": "Each page's footer gives its data version (a hash of what it shows) and the date it was updated. "
              "Archived reviews never change. All judgements can be downloaded as JSON and CSV, in the same "
              "format as the command-line tool.",
    },
}
