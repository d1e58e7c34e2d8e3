"""The loaded data's vocabulary: indicator names (and their `aliases`) and area names, found in a piece of text.

A name's bracketed note is a condition, not part of what is written: 城镇居民人均可支配收入（新口径） is the new-basis
indicator when the sentence says 新口径, else the plain one. A note the sentence negates (不含大农业 against 含大农业)
does not count. Names are compared in normalise.key form (的, 实现, 完成 … dropped on both sides)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from dashboard.reader.normalise import key, name_key, to_simplified
from dashboard.records.areas import WHOLE_AREA_WORDS, whole_area


@dataclass(frozen=True)
class Mention:
    indicator: str
    start: int  # in the normalised text given to find()
    end: int
    written: str  # the name as the text writes it (normalised)


@dataclass(frozen=True)
class _Entry:
    indicator: str
    note: str | None  # the condition in the name's brackets, e.g. 新口径


def _variants(k: str) -> list[str]:
    out = [k]
    for tail in ("数", "量", "面积"):  # 高新技术企业数: the text says 高新技术企业达到30家; 种植业面积: 种植业
        if k.endswith(tail) and len(k) - len(tail) >= 3:
            out.append(k[: -len(tail)])
    return out


class Lexicon:
    def __init__(self, dataset) -> None:
        self._entries: dict[str, list[_Entry]] = {}
        self.canonical: dict[str, str] = {ind.id: name_key(ind.name) for ind in dataset.indicators}
        for ind in dataset.indicators:
            simple = to_simplified(ind.name)
            note = re.search(r"[(（]([^()（）]*)[)）]", simple)
            for name in (ind.name, *getattr(ind, "aliases", ())):
                for k in _variants(name_key(name)):
                    if len(k) >= 2:
                        self._entries.setdefault(k, []).append(_Entry(ind.id, note.group(1) if note and name == ind.name
                                                                      else None))
        self.names = set(self._entries)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(k) for k in sorted(self.names, key=len, reverse=True)))

    def choose(self, k: str, context: str) -> str | None:
        """The indicator a name in comparison form stands for, given the sentence around it."""
        entries = self._entries.get(k)
        if not entries:
            return None
        for e in entries:
            if e.note and _states(e.note, context):
                return e.indicator
        plain = [e for e in entries if not e.note]
        return (plain or entries)[0].indicator if plain or len(entries) == 1 else None

    def find(self, text: str, context: str = "") -> list[Mention]:
        """Indicator names in text (normalised), longest first where they overlap, in order."""
        k, idx = key(text)
        out = []
        for m in self._pattern.finditer(k):
            if k[max(0, m.start() - 2):m.start()] == "人均" and not m.group(0).startswith("人均"):
                continue  # 人均生产总值 is not 生产总值: a per-capita figure never measures the total
            ind = self.choose(m.group(0), context or text)
            if ind is not None:
                a, b = idx[m.start()], idx[m.end() - 1] + 1
                out.append(Mention(ind, a, b, text[a:b]))
        return out

    def exact(self, words: str, context: str = "") -> str | None:
        return self.choose(key(words)[0], context)


def _states(note: str, context: str) -> bool:
    """The sentence states the name's condition (含大农业 not within 不含大农业)."""
    for part in re.split(r"[,，、]", note):
        part = part.strip()
        if not part:
            continue
        for m in re.finditer(re.escape(part), context):
            if not context[max(0, m.start() - 1):m.start()] == "不":
                return True
    return False


# ---------------------------------------------------------------------------------------------- areas

@dataclass(frozen=True)
class AreaMention:
    start: int
    end: int
    area: str | None  # id in the loaded data, or None (an area the data does not know)
    written: str


class Areas:
    def __init__(self, dataset) -> None:
        self.by_id = {a.id: a for a in dataset.areas}
        self.by_name: dict[str, str] = {}
        for a in dataset.areas:
            self.by_name[name_key(a.name)] = a.id
        words = sorted([*self.by_name, *WHOLE_AREA_WORDS], key=len, reverse=True)
        # a named area or a whole-area word; not 自治区级 (a rank) nor the whole an 占 divides by
        self._pattern = re.compile(rf"(?<!占)(?<!占到)(?:{'|'.join(re.escape(w) for w in words)})(?!级)")

    def find(self, text: str, own: str | None) -> list[AreaMention]:
        """Areas named in text; a whole-area word (全市, 全区…) is the document's own area when its level fits,
        or that area's parent of the level, else an area the data does not know (None)."""
        out = []
        for m in self._pattern.finditer(text):
            w = m.group(0)
            if w in self.by_name:
                out.append(AreaMention(m.start(), m.end(), self.by_name[w], w))
            else:
                out.append(AreaMention(m.start(), m.end(), self._whole(w, own), w))
        return out

    def _whole(self, word: str, own: str | None) -> str | None:
        return whole_area(word, own, self.by_id)

    def name(self, area: str | None) -> str | None:
        return self.by_id[area].name if area in self.by_id else None
