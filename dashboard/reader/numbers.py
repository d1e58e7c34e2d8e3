"""Numbers as documents print them: digits or Chinese numerals, the unit as printed, the qualifier around them.

Works on normalised text (half-width, simplified). Values stay as printed (6.31 万亩 is 6.31 with unit 万亩); only
units the data does not know are folded into one it does (1万美元 → 10000 美元, 个百分点 → 百分点)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Units as printed, longest first. A bare 年 after a number of four digits is a year, not a unit (numbers.is_year).
UNITS = ("万亿元", "亿元", "万元", "元", "亿美元", "万美元", "美元", "个百分点", "百分点", "个千分点", "千分点", "%", "‰", "倍",
         "周岁", "岁", "万人次", "人次", "万人", "人", "平方公里", "万平方米", "平方米", "万亩", "亩", "万头(只)",
         "头(只)", "万头", "头", "万只", "只", "万户", "户", "家", "个", "座", "套", "万吨", "吨", "亿立方米", "立方米",
         "万千瓦", "千瓦", "项", "所", "张", "件", "年", "天", "万", "亿")
_FOLD = {"个百分点": ("百分点", 1.0), "个千分点": ("千分点", 1.0), "万美元": ("美元", 1e4), "周岁": ("岁", 1.0)}
_UNIT = "|".join(re.escape(u) for u in UNITS)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万"

NUMBER = re.compile(
    rf"(?P<num>(?<![\d.])\d+(?:\.\d+)?)(?P<unit>{_UNIT})?"
    rf"|翻(?P<fan>[一二两三四五])番"
    rf"|(?<![{_CN_DIGITS}第])(?P<cn>[一二两三四五六七八九十][{_CN_DIGITS}]*)(?P<cnunit>倍|成(?![为绩果立功本交熟])|座|个|家|所|项)"
)
_RANGE_BEFORE = re.compile(r"\d[~～\-—至到]$")
#: Qualifiers right after the figure (an interval), then right before it.
_AFTER = re.compile(r"^(以上|以内|以下|左右|多)")
_BEFORE = re.compile(r"(达到|超过|突破|不到|不足|不超过|低于|高于|约|近|达)$")
QUALIFIERS_KNOWN = {"达", "达到", "以上", "超过", "以内", "以下", "不超过", "不到", "低于", "左右", "约", "近"}


@dataclass(frozen=True)
class Number:
    start: int  # in the normalised text: the figure with its unit (and a qualifier after it)
    end: int
    value: float
    unit: str
    qualifier: str | None
    chinese: bool  # written in Chinese numerals (翻一番, 两倍, 三成, 一座)
    fan: bool = False  # 翻N番: a multiple of a base


@lru_cache(maxsize=256)
def chinese_number(text: str) -> float | None:
    import cn2an  # imported on first use (it takes 0.1 s)

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def is_year(value: float, unit: str | None) -> bool:
    return unit == "年" and value == int(value) and 1900 <= value <= 2100


def numbers(text: str, lo: int = 0, hi: int | None = None) -> list[Number]:
    """The figures in text[lo:hi], years (2007年) excluded."""
    hi = len(text) if hi is None else hi
    found: list[Number] = []
    for m in NUMBER.finditer(text, lo, hi):
        end = m.end()
        if m.group("num") is not None:
            unit = m.group("unit")
            value = float(m.group("num"))
            if unit is None or is_year(value, unit):
                continue
            if _RANGE_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
                continue  # 1200～1300美元: a range is not one figure; a person enters it
            if text.startswith("(只)", end) and unit in ("万头", "头"):
                unit, end = unit + "(只)", end + 3
            chinese, fan = False, False
        elif m.group("fan") is not None:
            times = chinese_number(m.group("fan"))
            if times is None:
                continue
            value, unit, chinese, fan = 2.0 ** times, "倍", True, True
        else:
            got = chinese_number(m.group("cn"))
            if got is None:
                continue
            unit = m.group("cnunit")
            value, chinese, fan = got, True, False
            if unit == "成":
                value, unit = got * 10, "%"
        folded = _FOLD.get(unit)
        if folded:
            unit, factor = folded
            value = value * factor
        after = _AFTER.match(text[end:hi])
        qualifier = after.group(1) if after else None
        if after:
            end += after.end()
        if qualifier in (None, "多"):
            before = _BEFORE.search(text[max(lo, m.start() - 3):m.start()])
            qualifier = before.group(1) if before else None
        found.append(Number(m.start(), end, round(value, 10), unit, qualifier, chinese, fan))
    return found
