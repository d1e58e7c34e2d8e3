"""Small rules of written Chinese and English for print: quotation marks inside quotation marks."""

from __future__ import annotations

_INNER = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"})


def quoted(text: str, en: bool = False) -> str:
    """`text` in quotation marks, the marks inside it turned to the inner pair: “‘十一五’期间…”.
    Marks the text already has at its ends are kept once, never doubled (“““)."""
    inner = text.strip()
    if inner.startswith("“") and inner.endswith("”") and "“" not in inner[1:-1]:
        inner = inner[1:-1]
    return "“" + inner.translate(_INNER) + "”"
