"""The editor page's section that reads a document and proposes its figures (`serve --editor`)."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "propose.title": {"zh": "从文件中提取", "en": "Propose from a document"},
    "propose.intro": {
        "zh": "上传一份文献（.txt、.docx、带文字层的.pdf、.html），程序列出它陈述的、与规划指标有关的数字；逐条对照原文勾选正确的，"
              "预览导入后的变化，再保存。程序只提建议，由人确认。扫描件和图片中的表格读不出（不做OCR）。",
        "en": "Upload a document (.txt, .docx, .pdf with a text layer, .html): the program lists the figures it states "
              "that bear on the plan's indicators. Tick the right ones against the document, preview what the import "
              "changes, then save. The program proposes; a person confirms. Scans and tables laid out as pictures "
              "cannot be read (no OCR).",
    },
    "propose.upload": {"zh": "文献（.txt、.docx、.pdf、.html）", "en": "Document (.txt, .docx, .pdf, .html)"},
    "propose.reading": {"zh": "正在读取和提取…", "en": "Reading and proposing…"},
    "propose.read": {"zh": "已读取{name}（{format}{encoding}，{chars}字）。", "en": "Read {name} ({format}{encoding}, {chars} characters)."},
    "propose.known": {"zh": "这份文献已有记录：{id}（{title}）。年份和地区取自该记录；其已录入的{n}条数据保留，下面只列出新的建议。",
                      "en": "This document is already recorded: {id} ({title}). The year and area come from its record; "
                            "its {n} recorded figures are kept, and only new proposals are listed."},
    "propose.year": {"zh": "文献报告的年份", "en": "Year the document reports on"},
    "propose.year_help": {"zh": "句中没有写年份的数字按此年份；不填则这些数字不给年份",
                          "en": "figures whose sentence names no year get this year; left empty, they get none"},
    "propose.area": {"zh": "文献所代表的地区", "en": "Area the document speaks for"},
    "propose.area_help": {"zh": "句中没有写地区的数字按此地区；绝不默认为规划的地区",
                          "en": "figures whose sentence names no area get this area; never assumed to be the plan's"},
    "propose.area_none": {"zh": "（未指定）", "en": "(not given)"},
    "propose.none": {"zh": "没有找到与规划指标有关的新数字。", "en": "No new figures bearing on the plan's indicators were found."},
    "propose.count": {"zh": "{n}条建议。对照原文勾选正确的；每条的引文在其所在句子中以黄色标出。",
                      "en": "{n} proposals. Tick the right ones against the document; each quote is marked in yellow in "
                            "its sentence."},
    "propose.col.why": {"zh": "提取依据", "en": "Why proposed"},
    "propose.no_year": {"zh": "年份未知", "en": "year unknown"},
    "propose.no_area": {"zh": "地区未知", "en": "area unknown"},
    "propose.page": {"zh": "PDF第{n}页", "en": "PDF page {n}"},
    "propose.unmatched": {"zh": "未对应：{name}", "en": "no id: {name}"},
    "propose.download": {"zh": "下载预填的表格（在Excel中核对）", "en": "Download the pre-filled workbook (review in Excel)"},
    "propose.document": {"zh": "文献信息（保存前必填）", "en": "The document (required before saving)"},
    "propose.doc.title": {"zh": "标题", "en": "Title"},
    "propose.doc.title_en": {"zh": "英文标题", "en": "Title in English"},
    "propose.doc.publisher": {"zh": "发布机关", "en": "Publisher"},
    "propose.doc.published": {"zh": "发布日期", "en": "Date published"},
    "propose.doc.basis": {"zh": "日期依据", "en": "Date basis"},
    "propose.doc.basis.stated": {"zh": "文中写明", "en": "stated in the text"},
    "propose.doc.basis.inferred": {"zh": "推定", "en": "inferred"},
    "propose.doc.years": {"zh": "涵盖年份（如2008或2007-2008）", "en": "Years covered (such as 2008 or 2007-2008)"},
    "propose.replace": {"zh": "替换已有的{file}（已录入的数据会保留在表格中）",
                        "en": "Replace the existing {file} (its recorded figures are carried over)"},
    "propose.fill_document": {"zh": "请先在“文献信息”中填写：{fields}。", "en": "First fill in, under The document: {fields}."},
    "propose.tick_first": {"zh": "勾选至少一条建议后，这里显示问题和导入后的变化。",
                           "en": "Tick at least one proposal to see its problems and what the import changes."},
    "propose.preview": {"zh": "预览：采用所勾选的{n}条后的变化", "en": "Preview: what changes with the {n} ticked"},
    "propose.save": {"zh": "保存所勾选的数据", "en": "Save the ticked figures"},
}
