"""Source documents: located by configuration, read once, used to verify quotes. Never copied.

Documents are read as UTF-8 (with or without a byte-order mark) or, failing that, as GB18030 (which reads GBK,
usual for Chinese government files); `encoding(file)` says which, and a document that is neither is reported
by `decode_error(file)` instead of raising. `closest(file, quote)` finds, for a quote that is not found, the
passage of the document nearest to it and the first character where the two differ.

A document is read once per version (path, modification time, size), so a long-running process sees an
edited document. Checking many quotes against one large document (a plan with tens of thousands of goals)
would scan the document once per quote; past a few scans' worth, a sampled index of the document's text
finds each quote's candidate places instead, and each is still confirmed by comparing the text itself.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = "PLAN_TRACKER_SOURCES"
#: A second plan's text, or another area's, kept beside the sources: `texts/NAME` in a record names NAME in this
#: folder ($PLAN_TRACKER_TEXTS, else `texts` beside the sources folder).
TEXTS_ENV_VAR = "PLAN_TRACKER_TEXTS"
TEXTS_PREFIX = "texts/"
_WHITESPACE = re.compile(r"\s+")


def default_sources_dir() -> Path:
    """$PLAN_TRACKER_SOURCES, else ../shared/sources beside the project checkout."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "sources"


def texts_dir(sources: Path | None) -> Path:
    """$PLAN_TRACKER_TEXTS, else the folder `texts` beside the sources folder (../shared/texts)."""
    configured = os.environ.get(TEXTS_ENV_VAR)
    if configured:
        return Path(configured)
    return (Path(sources) if sources is not None else default_sources_dir()).parent / "texts"


def source_path(sources: Path, file: str) -> Path:
    """Where a record's source file is: a bare file name in the sources folder, or texts/NAME in the texts folder.
    Only the name is kept, so a record can never point outside those two folders."""
    name = Path(file).name
    if file.startswith(TEXTS_PREFIX):
        return texts_dir(sources) / name
    return sources / name


def squeeze(text: str) -> str:
    """Drop all white space (including the full-width space) so line breaks never break a match."""
    return _WHITESPACE.sub("", text)


_Version = tuple[Path, int, int]  # (path, mtime_ns, size)


class SourceLibrary:
    """The folder of source documents. `available` is False when the folder is absent.

    What is known of each file (its path and version) is looked up once per library; a library is made per
    load, so a new load sees files that changed since.
    """

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._versions: dict[str, _Version | None] = {}
        self._available: bool | None = None

    @property
    def available(self) -> bool:
        if self._available is None:
            self._available = self.folder is not None and self.folder.is_dir()
        return self._available

    def has(self, file: str) -> bool:
        return self.available and self._version(file) is not None

    def text(self, file: str) -> str:
        """The document's text (a document that cannot be decoded reads as empty: see `decode_error`)."""
        version = self._version(file)
        if version is None:  # let the read fail as it always has
            raise FileNotFoundError(self._path(file))
        return _read(*version).text

    def encoding(self, file: str) -> str | None:
        """utf-8, utf-8-sig (a byte-order mark) or gb18030; None for a missing or undecodable document."""
        version = self._version(file)
        return None if version is None else _read(*version).encoding

    def decode_error(self, file: str) -> int | None:
        """The byte at which a document that is neither UTF-8 nor GB18030 fails; None if it was read."""
        version = self._version(file)
        return None if version is None else _read(*version).error_at

    def contains(self, file: str, quote: str) -> bool:
        version = self._version(file)
        if version is None:
            raise FileNotFoundError(self._path(file))
        return _squeezed_document(*version).contains(squeeze(quote))

    def closest(self, file: str, quote: str) -> Closest | None:
        """Where a quote that is not in the document comes nearest to it (white space ignored), or None."""
        version = self._version(file)
        if version is None:
            return None
        return closest_passage(_squeezed_document(*version).text, squeeze(quote))

    def _path(self, file: str) -> Path:
        return source_path(self.folder, file)  # type: ignore[arg-type]

    def _version(self, file: str) -> _Version | None:
        try:
            return self._versions[file]
        except KeyError:
            pass
        path = self._path(file)
        try:
            st = path.stat()
            version: _Version | None = (path, st.st_mtime_ns, st.st_size) if path.is_file() else None
        except OSError:
            version = None
        self._versions[file] = version
        return version


@dataclass(frozen=True)
class _Decoded:
    text: str
    encoding: str | None  # None when undecodable
    error_at: int | None = None  # the first byte UTF-8 could not read, for an undecodable document


def decode(data: bytes) -> _Decoded:
    """Bytes of a document as text: UTF-8 (a byte-order mark dropped), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            return _Decoded("", None, exc.start + 3)
    try:
        return _Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        return _Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        return _Decoded("", None, utf8_error)


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, size: int) -> _Decoded:
    return decode(path.read_bytes())


@lru_cache(maxsize=64)
def _squeezed_document(path: Path, mtime_ns: int, size: int) -> _Squeezed:
    return _Squeezed(squeeze(_read(path, mtime_ns, size).text))


@dataclass(frozen=True)
class Closest:
    """The passage of a document nearest to a quote: `position` is the first character of the quote (1-based, white
    space not counted) that differs; `quoted` and `found` are a few characters from there, in the quote and in the
    document."""

    passage: str
    position: int
    quoted: str
    found: str


_MIN_ANCHOR = 2  # characters a quote must share with a passage before it is called the closest


def closest_passage(text: str, quote: str, context: int = 8) -> Closest | None:
    """Anchor the quote at its longest prefix or suffix that stands in the text; compare from there."""
    if not quote or not text:
        return None
    prefix = _longest(lambda k: quote[:k] in text, len(quote))
    suffix = _longest(lambda k: quote[len(quote) - k:] in text, len(quote))
    if max(prefix, suffix) < _MIN_ANCHOR:
        return None
    if prefix >= suffix:
        start = text.find(quote[:prefix])
    else:
        start = max(0, text.find(quote[len(quote) - suffix:]) - (len(quote) - suffix))
    window = text[start:start + len(quote)]
    differs = next((i for i, (a, b) in enumerate(zip(quote, window, strict=False)) if a != b), min(len(quote),
                                                                                                  len(window)))
    show = min(len(quote) + context, 160)
    return Closest(passage=text[start:start + show], position=differs + 1, quoted=quote[differs:differs + context],
                   found=text[start + differs:start + differs + context])


def _longest(fits, n: int) -> int:
    """The largest k ≤ n with fits(k), for a fits that holds for every k below one that holds."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


class _Squeezed:
    """A document's text without white space, answering `quote in text` (quote already squeezed).

    Small documents, or few quotes, are scanned. Once the scans add up to `_SCANS_BEFORE_INDEX` readings of a
    document of at least `_INDEX_MIN_CHARS`, the document is indexed: the `_GRAM`-character string at every
    `_STEP`-th position. A quote of at least `_GRAM + _STEP - 1` characters that stands in the text at p covers
    a sampled position p + j (0 ≤ j < _STEP) whose gram is quote[j : j + _GRAM]; its rarest gram for each j
    gives the candidate places, and each candidate is confirmed by comparing the text. Shorter quotes are
    scanned. The answer is the scan's, exactly.
    """

    _GRAM = 12
    _STEP = 6
    _INDEX_MIN_CHARS = 1 << 16
    _SCANS_BEFORE_INDEX = 16

    def __init__(self, text: str):
        self.text = text
        self._scanned = 0
        self._index: dict[str, int | list[int]] | None = None

    def contains(self, quote: str) -> bool:
        if self._index is None:
            n = len(self.text)
            if n >= self._INDEX_MIN_CHARS and self._scanned >= self._SCANS_BEFORE_INDEX * n:
                self._index = self._build()
            else:
                self._scanned += n
                return quote in self.text
        if len(quote) < self._GRAM + self._STEP - 1:
            return quote in self.text
        return self._lookup(quote)

    def _build(self) -> dict[str, int | list[int]]:
        text, gram = self.text, self._GRAM
        index: dict[str, int | list[int]] = {}
        get = index.get
        for p in range(0, len(text) - gram + 1, self._STEP):
            g = text[p:p + gram]
            seen = get(g)
            if seen is None:
                index[g] = p
            elif seen.__class__ is int:
                index[g] = [seen, p]
            else:
                seen.append(p)  # type: ignore[union-attr]
        return index

    def _lookup(self, quote: str) -> bool:
        text, index, gram, step = self.text, self._index, self._GRAM, self._STEP
        assert index is not None
        n = len(quote)
        for j in range(step):
            # grams of this alignment: quote[j + m*step : ... + gram] for every m that fits
            best: int | list[int] | None = None
            best_offset = 0
            best_count = -1
            for offset in range(j, n - gram + 1, step):
                found = index.get(quote[offset:offset + gram])
                if found is None:
                    best = None
                    best_count = 0
                    break
                count = 1 if found.__class__ is int else len(found)  # type: ignore[arg-type]
                if best_count < 0 or count < best_count:
                    best, best_offset, best_count = found, offset, count
                    if count == 1:
                        break
            if not best_count:
                continue  # a gram of this alignment is nowhere at a sampled place
            for pos in ((best,) if best.__class__ is int else best):  # type: ignore[union-attr]
                start = pos - best_offset
                if start >= 0 and text.startswith(quote, start):
                    return True
        return False
