"""Finding the figures a Chinese sentence states, so a record's number can be checked against its quote.

Handles full-width digits (NFKC), thousands separators, 万/亿 multipliers (1万美元 = 10000), fractions
(1/10), small Chinese numerals (一座, 翻一番) and the few words the plan uses for whole shares (全部 = 100%).
"""

from __future__ import annotations

import re
import unicodedata
from math import isclose

_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?\s*(万|亿)?")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL = re.compile(r"[一二两三四五六七八九十百千]+")
#: Words that state a figure without digits. 翻一番 doubles, 翻两番 quadruples; 全部 is the whole (100%).
_WORDS = {"翻一番": 2.0, "翻两番": 4.0, "全部": 100.0, "一半": 50.0}
_MULTIPLIER = {"万": 1e4, "亿": 1e8}


def _chinese_numeral(text: str) -> float | None:
    """Value of a simple Chinese numeral such as 三, 十五, 二十, 一百; None if not one."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return float(total + current)


def figures_in(text: str) -> set[float]:
    """Every figure the text states, in each of the readings a record might use."""
    return set(_figures(text))


def _figures(text: str):
    """The figures of `figures_in`, one by one (repeats possible), digits first: a check can stop at the first match."""
    norm = unicodedata.normalize("NFKC", text)
    for m in _NUMBER.finditer(norm):
        value = float(m.group(1).replace(",", ""))
        denominator = float(m.group(2)) if m.group(2) else 0.0
        if denominator:  # a fraction such as 1/10: keep both the ratio and the percentage (x/0 is no fraction)
            ratio = value / denominator
            yield ratio
            yield ratio * 100
        yield value
        if m.group(3):
            yield value * _MULTIPLIER[m.group(3)]
    yield from _figures_in_words(norm)


def stands_in(value: float, text: str) -> bool:
    """True if the value (or its magnitude, for a stated fall such as 降低20%) is stated in the text.

    The same answer as testing each of `figures_in(text)`, stopping at the first figure that matches."""
    target = abs(value)
    norm = unicodedata.normalize("NFKC", text)
    for m in _NUMBER.finditer(norm):
        whole, denominator, multiplier = m.groups()
        number = float(whole.replace(",", "")) if "," in whole else float(whole)
        if number == target or isclose(target, number, rel_tol=1e-9, abs_tol=1e-9):
            return True
        if denominator:
            ratio = number / float(denominator)
            if any(isclose(target, f, rel_tol=1e-9, abs_tol=1e-9) for f in (ratio, ratio * 100)):
                return True
        if multiplier and isclose(target, number * _MULTIPLIER[multiplier], rel_tol=1e-9, abs_tol=1e-9):
            return True
    return any(isclose(target, f, rel_tol=1e-9, abs_tol=1e-9) for f in _figures_in_words(norm))


def _figures_in_words(norm: str):
    for m in _CN_NUMERAL.finditer(norm):
        v = _chinese_numeral(m.group(0))
        if v is not None:
            yield v
    for word, v in _WORDS.items():
        if word in norm:
            yield v
