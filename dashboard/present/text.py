"""Text for plotly labels: display width, line wrapping with Chinese line-breaking rules, escaping.

HTML pages wrap by themselves (Chromium applies the same rules, `line-break: strict`); plotly draws SVG text
and breaks lines only at <br>, so figure text is wrapped here.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Characters that may not start a line (closing brackets and punctuation, Chinese and Latin).
NO_LINE_START = frozenset("，。、；：？！）》」』”’%‰,.;:?!)]…—～·")
#: Characters that may not end a line (opening brackets and quotes).
NO_LINE_END = frozenset("（《「『“‘([")
_LATIN_RUN = r"[A-Za-z0-9%‰.,–+/()'’:;!?&≥≤<>=×−-]"


def display_width(text: str) -> int:
    """Columns `text` takes: a Chinese character (wide or fullwidth) counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tokens(para: str, cols: int) -> list[str]:
    tokens: list[str] = []
    for tok in re.findall(rf"{_LATIN_RUN}*-|{_LATIN_RUN}+\s*|\s+|.", para):
        while display_width(tok) > cols:  # a run of Latin longer than the line: cut it
            tokens.append(tok[:cols])
            tok = tok[cols:]
        tokens.append(tok)
    # glue what may not be split: an opening bracket to what follows, closing punctuation to what precedes
    glued: list[str] = []
    for tok in tokens:
        if tok[0] in NO_LINE_START and len(glued) > 1 and glued[-1].isspace():
            space = glued.pop()  # a mark after a space still goes with the word before it
            glued[-1] += space + tok
        elif glued and (tok[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END):
            glued[-1] += tok
        else:
            glued.append(tok)
    return glued


def wrap(text: str, cols: int) -> list[str]:
    """Break `text` into lines of about `cols` display columns: Chinese anywhere, Latin at spaces and after
    hyphens. A line never starts with closing punctuation nor ends with an opening bracket (the mark moves
    with its neighbour, so a line may run a character or two over), and nothing is lost but the spaces at
    a break."""
    lines: list[str] = []
    for para in text.split("\n"):
        line, width = "", 0
        for tok in _tokens(para, cols):
            w = display_width(tok)
            if width + w > cols and line.strip():
                lines.append(line.rstrip())
                line, width = tok.lstrip(), display_width(tok.lstrip())
            else:
                line, width = line + tok, width + w
        lines.append(line.rstrip())
    return lines


def esc(text: str) -> str:
    """Plotly and HTML read markup in text: keep data text literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=1 << 16)
def lines_markup(text: str, cols: int) -> str:
    """`text` wrapped and escaped, lines joined with <br> for a plotly label. Remembered: a chart's hover texts
    repeat the same document titles and reasons for figure after figure, goal after goal."""
    return "<br>".join(esc(line) for line in wrap(text, cols))
