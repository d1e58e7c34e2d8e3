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
}
