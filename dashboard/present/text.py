"""Text for plotly labels: display width, line wrapping with Chinese line-breaking rules, escaping; and the
marking of Chinese terms inside English HTML text.

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
#: A run of Chinese: characters, Chinese punctuation and fullwidth forms (四、（八）).
CJK_RUN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+")
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


def mark_chinese(escaped: str, lang_tag: str) -> str:
    """HTML text (already escaped) of an English page with each Chinese term in it (the 13th plan period
    (十三五时期)) marked as Chinese, `<span lang="{lang_tag}">`, so that it is read, spoken and checked as Chinese.
    For element content only: an attribute value (title, alt, aria-label) cannot hold markup. The app's HTML
    blocks and the static site both mark through here."""
    return CJK_RUN.sub(lambda m: f'<span lang="{lang_tag}">{m.group(0)}</span>', escaped)


def unbreakable(text: str) -> list[str]:
    """The pieces a line may not break inside, as `wrap` sees them: a Latin word (up to a hyphen), a Chinese
    character with the punctuation that goes with it."""
    return [t.strip() for para in text.split("\n") for t in _tokens(para, 10**9) if t.strip()]
