"""Which area a text names: an area's own name (克拉玛依市), or a word for "the whole of / our" area (我市, 全区),
which names the area of that level the text's own area belongs to. One table for the loader's checks and the
reader: a district plan's "我市" is the city above the district, never the district itself."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from dashboard.records.model import Area

#: Words for "the whole of" or "our" area, and the levels of area they name (全区: a district, or a region).
WHOLE_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "全市": ("city",), "我市": ("city",), "本市": ("city",), "全区": ("district", "region"), "我区": ("district",),
    "本区": ("district",), "全地区": ("prefecture",), "全疆": ("region",), "全州": ("prefecture",), "全县": ("county",),
}


def whole_area(word: str, own: str | None, areas: Mapping[str, Area]) -> str | None:
    """The area a whole-area word names, written in a text of area `own`: `own` itself when its level fits, else
    the nearest area above it of that level; 全疆 is the region whatever the text's area; None when none fits."""
    levels = WHOLE_AREA_WORDS[word]
    area = areas.get(own) if own else None
    seen: set[str] = set()
    while area is not None and area.id not in seen:
        if area.level in levels:
            return area.id
        seen.add(area.id)
        area = areas.get(area.parent) if area.parent else None
    if word == "全疆":
        return next((a.id for a in areas.values() if a.level == "region"), None)
    return None


def words_naming(text: str, area_id: str, own: str | None, areas: Mapping[str, Area]) -> str | None:
    """The first words of `text` (written by area `own`) that name `area_id`: its name, or a whole-area word that
    stands for it; None when the text does not name it. Not a rank (自治区级) nor the whole a share divides by
    (占全市…)."""
    area = areas.get(area_id)
    if area is None:
        return None
    for m in _naming(area.name).finditer(text):
        w = m.group(0)
        if w == area.name or (w in WHOLE_AREA_WORDS and whole_area(w, own, areas) == area_id):
            return w
    return None


@lru_cache(maxsize=4096)
def _naming(name: str) -> re.Pattern[str]:
    """An area's name or a whole-area word; not a rank (自治区级) nor the whole an 占 divides by. Made once per name
    (a synthetic plan has a thousand districts' goals)."""
    words = sorted({name, *WHOLE_AREA_WORDS}, key=len, reverse=True)
    return re.compile(rf"(?<!占)(?<!占到)(?:{'|'.join(re.escape(w) for w in words)})(?!级)")
