"""When a sentence speaks of: a year (2007年, 全年), a span (2014年以来, 近年来, “十三五”时期, 2006～2008年), a
five-year plan's period (十一五 → 2006–2010). A year after 比/较 is a base, never the time of the figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = {"十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "九": 9, "八": 8}
#: The n-th five-year plan from the third on (十一五 = the 11th) runs from 1966 + 5(n−3) to 1970 + 5(n−3).
FIVE_YEAR = re.compile(r"(?<![\d一二三四五六七八九十])(十[一二三四五六]?|九|八)五(?!年)")


def plan_period(ordinal: str) -> tuple[int, int]:
    n = _CN[ordinal]
    return 1966 + 5 * (n - 3), 1970 + 5 * (n - 3)


@dataclass(frozen=True)
class When:
    year: int | None = None
    period: tuple[int, int] | None = None
    start: int = 0  # where in the text it is said
    end: int = 0
    base: bool = False  # 比2000年: a base year, not the figure's time
    span_end_open: bool = False  # 2014年以来 / 近年来: up to the report's year
    plan_end: bool = False  # “十一五”末 / 期间: a five-year period named


_TIME = re.compile(
    r"(?P<base>比|较|与|同|由|从)?"
    r"(?:(?P<y1>(?:19|20)\d\d)年?[-~～—至到](?P<y2>(?:19|20)\d\d)年"
    r"|(?P<since>(?:19|20)\d\d)年以来|自(?P<since2>(?:19|20)\d\d)年以来"
    r"|(?P<recent>近年来|近几年)"
    r"|[“\"]?(?P<fyp>十[一二三四五六]?|九|八)五[”\"]?(?P<fyp_part>时期|期间|末期|末|初期|以来|规划期)?"
    r"|(?P<y>(?:19|20)\d\d)年(?!以来)"
    r"|(?P<whole>全年|年末|年底|上年))"
)


def times(text: str) -> list[When]:
    out = []
    for m in _TIME.finditer(text):
        base = m.group("base") in ("比", "较", "与", "同")
        if m.group("y1"):
            out.append(When(period=(int(m.group("y1")), int(m.group("y2"))), start=m.start(), end=m.end(), base=base))
        elif m.group("since") or m.group("since2"):
            y = int(m.group("since") or m.group("since2"))
            out.append(When(period=(y, y), start=m.start(), end=m.end(), span_end_open=True))
        elif m.group("recent"):
            out.append(When(period=None, start=m.start(), end=m.end(), span_end_open=True))
        elif m.group("fyp"):
            a, b = plan_period(m.group("fyp"))
            part = m.group("fyp_part") or ""
            if part in ("末", "末期"):
                out.append(When(year=b, start=m.start(), end=m.end(), base=base, plan_end=True))
            else:
                out.append(When(period=(a, b), start=m.start(), end=m.end(), base=base, plan_end=True))
        elif m.group("y"):
            out.append(When(year=int(m.group("y")), start=m.start(), end=m.end(), base=base))
        elif m.group("whole") == "上年":
            out.append(When(start=m.start(), end=m.end(), base=True))
        else:
            out.append(When(start=m.start(), end=m.end()))  # 全年, 年末: the report's own year
    return out


def named_plan(text: str) -> tuple[int, int] | None:
    """The five-year plan a text is about: the one it names most often (十一五 → 2006–2010)."""
    counts: dict[str, int] = {}
    for m in FIVE_YEAR.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return None
    return plan_period(max(counts, key=lambda k: counts[k]))
