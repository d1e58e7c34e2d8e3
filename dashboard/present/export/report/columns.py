"""The report's indicator table, the same for the DOCX and the PDF: its rows, and column widths from its content.

No column is narrower than its longest unbreakable piece (an English word such as "unemployment", a bracketed
year), so no word is broken inside; the room left is shared in proportion to the text each column holds and then
moved between columns while that makes the table shorter (a row is as tall as its fullest cell). Where the longest
words cannot stand side by side at the report's type size (English: "commercialisation"), the table's type is
set smaller, to 9 pt at the least.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from dashboard.present.export.report.view import Report
from dashboard.present.text import unbreakable

#: The text's (and the table's) width, mm: A4 less GB/T 9704's margins (28 mm left, 26 mm right).
TEXT_MM = 156
#: A bracketed year ("（2005年）", "(2007)") is kept on one line.
NO_BREAK = re.compile(r"([（(][^（）()]{0,12}\d{4}[^（）()]{0,2}[）)])")
#: Widths in em of the table's Latin serif, by letter: DejaVu Serif, which stands in for Times New Roman and is the
#: wider of the two (measured over the table's English words: within 10% of its widths, mostly above).
WIDE_EM, THIN_EM, LETTER_EM = 0.95, 0.4, 0.64
WIDE, THIN = frozenset("mwMW%≥≤≈<>=−+×"), frozenset("iljtfr.,:;'!|()[] ")
#: A cell's padding and rule, em.
CELL_EM = 0.7
#: The smallest type the table is set in, pt.
MIN_PT = 9.0


class IndicatorTable(NamedTuple):
    rows: list[list[str]]
    groups: list[tuple[int, str]]
    font_pt: float
    shares: tuple[float, ...]


def em_width(text: str) -> float:
    """Width of `text` in em of the table's font: a Chinese character is 1."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else WIDE_EM if ch in WIDE else THIN_EM if ch in THIN
               else LETTER_EM for ch in text)


def _pieces(text: str) -> list[str]:
    """What a line may not break inside: a bracketed year, a Chinese character, a Latin word up to a hyphen."""
    out: list[str] = []
    for k, part in enumerate(NO_BREAK.split(text)):
        out += [part] if k % 2 else [w for p in unbreakable(part) for w in re.split(r"(?<=-)(?=\w)", p)]
    return out


def _head_least(head: str) -> float:
    """A heading takes at most two lines: an English one breaks between words, a Chinese one after its slash
    (完成进度／时间进度) or else in the middle (最新值／及年份), never inside a word of two (序号)."""
    if not any(unicodedata.east_asian_width(ch) in "WF" for ch in head):
        return max((em_width(p) for p in _pieces(head)), default=1)
    halves = re.split(r"(?<=[／/])", head)
    if len(halves) > 1:
        return max(em_width(h) for h in halves)
    return em_width(head[: max(2, (len(head) + 1) // 2)])


def _least(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Each column's least width, em: its widest unbreakable piece and the cell's padding."""
    return [CELL_EM + max([_head_least(head), *(em_width(p) for r in rows for p in _pieces(r[k]))])
            for k, head in enumerate(columns)]


def _height(lines: Sequence[Sequence[Sequence[float]]], widths: Sequence[float]) -> int:
    """The table's height in lines, roughly: a row is as tall as its fullest cell; a cell's line of text takes as
    many lines as its width in em over the column's (less the padding)."""
    return sum(max(sum(max(1, math.ceil(w / (width - CELL_EM))) for w in cell) for cell, width in zip(row, widths,
                                                                                                      strict=True))
               for row in lines)


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], line_em: float) -> tuple[float, ...]:
    """Each column's share of the table (the shares sum to 1), for a table `line_em` em wide: no column below its
    least, the room left shared in proportion to the text each holds, then moved, a step at a time, from the
    column that misses it least to the one that shortens the table most, while the table gets shorter."""
    least = _least(columns, rows)
    room = line_em - sum(least)
    if room <= 0:  # the words alone overfill the line: share it as they need
        return tuple(x / sum(least) for x in least)
    text = [sum(em_width(r[k].replace("\n", "")) for r in rows) + 1 for k in range(len(columns))]
    widths = [x + room * t / sum(text) for x, t in zip(least, text, strict=True)]
    lines = [[[em_width(line) for line in cell.split("\n")] for cell in r] for r in rows]
    step = line_em / 100
    height = _height(lines, widths)
    for _ in range(200):
        moves = []
        for a in range(len(widths)):
            if widths[a] - step < least[a]:
                continue
            for b in range(len(widths)):
                if a != b:
                    trial = list(widths)
                    trial[a] -= step
                    trial[b] += step
                    moves.append((_height(lines, trial), a, b, trial))
        best = min(moves, default=None, key=lambda m: m[0])
        if best is None or best[0] >= height:
            break
        height, widths = best[0], best[3]
    return tuple(w / line_em for w in widths)


def font_size(columns: Sequence[str], rows: Sequence[Sequence[str]], largest_pt: float) -> float:
    """The table's type size: `largest_pt`, or as much smaller (by half points, to 9 pt) as its longest words need
    to stand whole side by side ("commercialisation" beside "environmental-")."""
    fits = TEXT_MM / 25.4 * 72 / sum(_least(columns, rows))
    return largest_pt if fits >= largest_pt else max(MIN_PT, int(fits * 2) / 2)


def indicator_table(r: Report, largest_pt: float) -> IndicatorTable:
    """The indicators table's rows, its groups (a heading before the row at its index), its type size (at most
    `largest_pt`) and each column's share of the table's width."""
    rows: list[list[str]] = []
    groups: list[tuple[int, str]] = []
    for g in r.groups:
        groups.append((len(rows), g.heading))
        rows += [[str(x.number), x.indicator, x.target, x.baseline, x.latest, x.progress, x.evaluation] for x in g.rows]
    pt = font_size(r.columns, rows, largest_pt)
    return IndicatorTable(rows, groups, pt, column_widths(r.columns, rows, TEXT_MM / 25.4 * 72 / pt))
