"""Finding the figures a Chinese sentence states, so a record's number can be checked against its quote.

Handles full-width digits (NFKC), thousands separators, 万/亿 multipliers (1万美元 = 10000), fractions
(1/10), small Chinese numerals (一座, 翻一番) and the few words the plan uses for whole shares (全部 = 100%).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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


# ---------------------------------------------------------------------------------------------- the words beside a number

#: The words a quote puts beside a number to qualify it, by the interval they mean (the model's qualifiers first:
#: the first word of each class is the one to suggest). Before the number: 达到38.7%; after it (and its unit): 2%以内.
QUALIFIER_CLASSES: dict[str, tuple[str, ...]] = {
    "at_least": ("以上", "不低于", "不少于", "至少"),
    "more_than": ("超过", "高于", "大于", "多于", "逾", "超"),  # 超: 完成率均超100%
    "at_most": ("以内", "以下", "不超过", "之内", "最多"),
    "less_than": ("不到", "低于", "小于", "少于", "不足"),
    "about": ("左右", "约", "上下", "大约"),
    "nearly": ("近", "接近", "将近"),
    "point": ("达到", "达"),
}
_CLAUSE_BREAK = re.compile(r"[，。；：、,;:!?！？\n]")
_SUFFIX_WORDS = ("以上", "以内", "以下", "之内", "左右", "上下")
#: A one-character word that is really the end of another word just before a number (节约, 发达, 最近).
_NOT_A_QUALIFIER = {"约": "节制签契公", "达": "发到表下传送抵转通", "近": "最附邻将接", "逾": ""}
#: How a unit may be written after a number in a quote, besides itself.
UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "百分点": ("个百分点",), "万头(只)": ("万头", "万只"), "头": ("只",), "只": ("头",), "平方米": ("㎡", "m2"),
    "%": ("％",),
}


def qualifier_class(word: str | None) -> str:
    """The interval a qualifier word means: at_least, more_than, at_most, less_than, about, nearly, or point."""
    if not word:
        return "point"
    for cls, words in QUALIFIER_CLASSES.items():
        if word in words:
            return cls
    return "point"


@dataclass(frozen=True)
class Mention:
    """One place a quote states a value: the number's digits, the unit written after it, the qualifier beside it."""

    start: int
    unit_text: str  # what follows the number (up to a few characters), as written
    qualifier: str | None  # the qualifying word beside it, if any
    clause: str = ""  # the words of its clause before it (back to the last punctuation mark)

    def says(self, cls: str) -> bool:
        """Whether the clause before the number holds a word of that qualifier class (超过公共预算支出的80%)."""
        return any(w in self.clause for w in QUALIFIER_CLASSES.get(cls, ()))


def mentions(value: float, text: str) -> list[Mention]:
    """Every place the text states the value in digits (words such as 翻一番 are not mentions)."""
    target = abs(value)
    norm = unicodedata.normalize("NFKC", text)
    out = []
    for m in _NUMBER.finditer(norm):
        whole, denominator, multiplier = m.groups()
        number = float(whole.replace(",", ""))
        if denominator:
            continue
        plain = isclose(target, number, rel_tol=1e-9, abs_tol=1e-9)
        scaled = bool(multiplier) and isclose(target, number * _MULTIPLIER[multiplier], rel_tol=1e-9, abs_tol=1e-9)
        if not (plain or scaled):
            continue
        end = m.end(1) if plain else m.end(3)
        after = norm[end:end + 12].lstrip()
        clause = _CLAUSE_BREAK.split(norm[max(0, m.start() - 40):m.start()])[-1]
        out.append(Mention(start=m.start(), unit_text=after, qualifier=_qualifier_at(norm, m.start(), after),
                           clause=clause))
    return out


def unit_follows(unit: str, after: str) -> bool:
    return any(after.startswith(form) for form in (unit, *UNIT_FORMS.get(unit, ())))


def _unit_words() -> tuple[str, ...]:
    from dashboard.records.model import UNITS

    words = set(UNITS) | {f for forms in UNIT_FORMS.values() for f in forms}
    words |= {m + u for m in "万亿" for u in list(words)}
    return tuple(sorted(words, key=len, reverse=True))


_UNIT_WORDS = _unit_words()


def _qualifier_at(norm: str, start: int, after: str) -> str | None:
    rest = after
    for unit in _UNIT_WORDS:  # the word after the number and its unit: 2%以内, 24万人左右
        if rest.startswith(unit):
            rest = rest[len(unit):]
            break
    for word in _SUFFIX_WORDS:
        if rest.startswith(word):
            return word
    before = norm[max(0, start - 6):start].rstrip().removesuffix("了").removesuffix("为").removesuffix("在")
    prefix_words = sorted((w for cls in QUALIFIER_CLASSES.values() for w in cls if w not in _SUFFIX_WORDS),
                          key=len, reverse=True)
    for word in prefix_words:
        if before.endswith(word):
            preceding = before[-len(word) - 1:-len(word)] if len(before) > len(word) else ""
            if preceding and preceding in _NOT_A_QUALIFIER.get(word, ""):
                continue
            return word
    return None
