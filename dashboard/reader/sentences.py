"""Sentences and clauses of normalised text, and the lists inside a clause (A、B和C).

A comma inside brackets or quotation marks does not end a clause: （现价，下同） stays with its figure."""

from __future__ import annotations

import re

_SENTENCE_END = set("。！？!?；;\n")
_CLAUSE_END = set(",，:：")
_OPEN = {"(": ")", "（": "）", "“": "”", "《": "》", "[": "]", "【": "】", '"': '"'}
#: 和, 及, 与 join a list, except inside words (和谐, 普及, 及时, 参与)
_LIST = re.compile(r"、|以及|(?<![总平])和(?![谐睦])|(?<![普涉波危顾])及(?![时早])|(?<![参给赋])与")


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    closing: list[str]
    out: list[tuple[int, int]] = []
    start, closing = a, []  # closing: the brackets open here, innermost last
    for i in range(a, b):
        ch = text[i]
        if closing and ch == closing[-1]:
            closing.pop()
        elif ch in _OPEN and not (ch == '"' and closing and closing[-1] == '"'):
            closing.append(_OPEN[ch])
        elif ch in _CLAUSE_END and not closing:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < b:
        out.append((start, b))
    return out


def list_separators(text: str) -> list[tuple[int, int]]:
    """Where a list A、B和C is cut (not inside quotation marks: “矮、密、早” is one name)."""
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    return [(m.start(), m.end()) for m in _LIST.finditer(text)
            if not any(a <= m.start() < b for a, b in quoted)]
