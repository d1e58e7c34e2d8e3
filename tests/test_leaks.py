"""The page-text checks of the browser tests (tests/leaks.py) on hand-written text."""

from __future__ import annotations

import pytest

from tests import leaks


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("Target ≥170亿元 by 2010", "en", ["亿元"]),  # a Chinese unit on an English page
    ("Target ≥17 billion yuan by 2010 · GDP", "en", []),
    ("代用数据（proxy）：符合进度", "zh", ["proxy"]),  # an English word on a Chinese page
    ("地区生产总值（GDP）增长率R为1.17，下载PNG、SVG、PDF、zip", "zh", []),  # acronyms, R, file formats
    ("记录类型 plan/indicator/goal", "zh", ["plan", "indicator", "goal"]),
])
def test_other_language(text, lang, found):
    assert leaks.other_language(text, lang) == found


def test_allowed_words_are_removed_first():
    note = "绿化覆盖率不是绿地率（见indicators.yaml）"
    assert leaks.other_language(f"注释：{note}", "zh", [note]) == []
    assert leaks.other_language(f"注释：{note}", "zh") == ["indicators", "yaml"]


@pytest.mark.parametrize(("text", "found"), [
    ("文件：000_4636b1359e574024.txt", ["000_4636b1359e574024.txt"]),
    ("见indicators.yaml", ["indicators.yaml"]),
    ("/work/shared/sources", ["/work/"]),
    ("数据 doc000-gdp-growth-2007", ["doc000-"]),
    ("《克拉玛依市2008年政府工作报告》（2008-02-20）", []),
])
def test_internal_names(text, found):
    assert leaks.internal_names(text) == found
