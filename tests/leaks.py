"""What a page may not show: text of the other language (outside quotes and proper names) and internal names.

Pure helpers for tests/test_browser.py, tested in tests/test_leaks.py. The browser test collects a page's text
without its quotes (block quotes, elements marked with another `lang`, the citation's code block) and passes it
here with the data's own words that may stand there.
"""

from __future__ import annotations

import re

from dashboard.records.model import Dataset

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
#: A Latin word with a small letter (GDP, PNG and R are names; "yuan" or "proxy" in a Chinese page are not).
LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
#: Words a Chinese page may show: file formats on download buttons.
LATIN_ALLOWED = {"zip"}
#: Internal names the public never sees: data files, source file names, paths.
INTERNAL = re.compile(r"[A-Za-z0-9_-]+\.(?:ya?ml|txt|py|parquet)\b|/work/|/home/|\bdoc-\d{3}\b|\bdoc\d{3}-")


def _norm(text: str) -> str:
    return " ".join(text.split())


def other_language(text: str, lang: str, allowed: list[str] = ()) -> list[str]:
    """The runs of the other language in a page's text: Chinese characters on an English page, Latin words with a
    small letter on a Chinese page. `allowed`: exact strings that may stand there (removed first, longest first)."""
    text = _norm(text)
    for a in sorted(allowed, key=len, reverse=True):
        text = text.replace(a, " ")
    if lang == "en":
        return CJK.findall(text)
    return [w for w in LATIN_WORD.findall(text) if len(w) > 1 and w not in LATIN_ALLOWED]


def internal_names(text: str, allowed: list[str] = ()) -> list[str]:
    """File names, paths and record ids in a page's text."""
    text = _norm(text)
    for a in sorted(allowed, key=len, reverse=True):
        text = text.replace(a, " ")
    return INTERNAL.findall(text)


def data_internal(dataset: Dataset) -> list[str]:
    """The data's own words that name an internal file (a note saying 见indicators.yaml): a defect of the data,
    listed so that the browser test can tell it from one of the pages."""
    texts = [x for o in dataset.observations for x in (o.notes, o.notes_en) if x]
    texts += [x for g in dataset.goals for x in (g.notes, g.notes_en) if x]
    return sorted({_norm(x) for x in texts if INTERNAL.search(x)})
