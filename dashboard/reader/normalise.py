"""A document's text made fit for matching, with a map back to the document's own characters.

Matching reads the normalised text: traditional characters as simplified (OpenCC), full-width digits and punctuation
as half-width (NFKC, one character for one), thousands separators dropped (1,234.5), pinyin that some sites insert in brackets after a character dropped,
spaces dropped, runs of blank space and line breaks as one line break. Every normalised character remembers the span
of the document it came from, so a proposal quotes the document's own characters, verbatim: `quote(i, j)` is always a
slice of the original text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Pinyin noise: Latin letters (with tone marks or tone digits) in brackets right after a Chinese character.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ:\s1-5]*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]"
                     r"[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ:\s1-5]*[)）]")
_BREAK = "\n"
#: Three digits and no fourth after a comma: the comma separates thousands (full-width digits too).
_THOUSANDS = re.compile(r"[0-9０-９]{3}(?![0-9０-９])")


def _after_decimal(chars: list[str]) -> bool:
    """The digits before the comma follow a decimal point (12.5,300 is two figures)."""
    k = len(chars) - 1
    while k >= 0 and chars[k].isdigit():
        k -= 1
    return k >= 0 and chars[k] == "."


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported on first use: the reader is not needed to load the data

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, one character for one (OpenCC's phrase table may change a length; then the
    characters are converted one by one)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    conv = _converter().convert
    return "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)


@lru_cache(maxsize=4096)
def _half_width(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str  # for matching
    starts: tuple[int, ...]  # starts[i]: where text[i] begins in the original
    ends: tuple[int, ...]  # ends[i]: where it ends (a bracket of pinyin noise after it included)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The original span of text[i:j] (j > i)."""
        return self.starts[i], self.ends[j - 1]

    def quote(self, i: int, j: int) -> str:
        a, b = self.span(i, j)
        return self.original[a:b]


def normalise(original: str) -> Normalised:
    simple = to_simplified(original)
    noise_end = {m.start(): m.end() for m in _PINYIN.finditer(simple)}
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(simple)
    while i < n:
        if i in noise_end:  # dropped for matching; the character before it keeps it inside its span
            if ends:
                ends[-1] = noise_end[i]
            i = noise_end[i]
            continue
        ch = simple[i]
        if ch.isspace():
            j = i
            while j < n and simple[j].isspace():
                j += 1
            run = simple[i:j]
            if "\n" in run or "\r" in run or j - i >= 2 or ch in "\u3000\xa0":
                if chars and chars[-1] != _BREAK:
                    chars.append(_BREAK)
                    starts.append(i)
                    ends.append(i + 1)
            i = j
            continue
        folded = _half_width(ch)
        if folded == "," and _THOUSANDS.match(simple, i + 1) and chars and chars[-1].isdigit() \
                and not _after_decimal(chars):
            i += 1  # 1,234.5亿元: a thousands separator, not a clause's end
            continue
        chars.append(folded)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return Normalised(original, "".join(chars), tuple(starts), tuple(ends))


#: Words dropped from names and from the text when they are compared (never from what is quoted): 的 and the verbs
#: that documents put between a subject and its measure (规模以上工业企业实现增加值 = 规模以上工业企业增加值).
_FILLER = re.compile(r"的|实现|完成|累计|年(?=人均)")


def key(text: str) -> tuple[str, list[int]]:
    """The comparison form of a piece of normalised text, and for each of its characters the index it came from."""
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    for m in _FILLER.finditer(text):
        out.append(text[pos:m.start()])
        idx.extend(range(pos, m.start()))
        pos = m.end()
    out.append(text[pos:])
    idx.extend(range(pos, len(text)))
    return "".join(out), idx


def name_key(name: str) -> str:
    """A name (of an indicator or an area) in the comparison form, its bracketed notes dropped."""
    simple = "".join(_half_width(c) for c in to_simplified(name) if not c.isspace())
    return key(re.sub(r"\([^()]*\)", "", simple))[0]
