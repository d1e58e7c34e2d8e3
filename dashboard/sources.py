"""Source documents: located by configuration, read once, used to verify quotes. Never copied."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_VAR = "PLAN_TRACKER_SOURCES"
_WHITESPACE = re.compile(r"\s+")


def default_sources_dir() -> Path:
    """$PLAN_TRACKER_SOURCES, else ../shared/sources beside the project checkout."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "sources"


def squeeze(text: str) -> str:
    """Drop all white space (including the full-width space) so line breaks never break a match."""
    return _WHITESPACE.sub("", text)


class SourceLibrary:
    """The folder of source documents. `available` is False when the folder is absent."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None

    @property
    def available(self) -> bool:
        return self.folder is not None and self.folder.is_dir()

    def has(self, file: str) -> bool:
        return self.available and self._path(file).is_file()

    def text(self, file: str) -> str:
        return _read(self._path(file))

    def contains(self, file: str, quote: str) -> bool:
        return squeeze(quote) in _read_squeezed(self._path(file))

    def _path(self, file: str) -> Path:
        # Only a bare file name is accepted: a record can never point outside the sources folder.
        name = Path(file).name
        return self.folder / name  # type: ignore[operator]


@lru_cache(maxsize=64)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def _read_squeezed(path: Path) -> str:
    return squeeze(_read(path))
