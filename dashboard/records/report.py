"""What a load found: counts per file and every located problem. Shared by the YAML reader, the cross-record
checks and the columnar store, so none of them imports another for its types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dashboard.records.errors import Problem
from dashboard.records.yamlio import LinedDict


@dataclass
class FileCount:
    file: str
    kind: str
    loaded: int = 0
    rejected: int = 0
    unread: bool = False  # the file could not be read at all (syntax, encoding, size): `rejected` counted from its text


@dataclass
class Entry:
    """A record that passed its own validation, with where it came from (for later, cross-record checks)."""

    record: Any
    kind: str
    file: str
    raw: LinedDict
    count: FileCount


@dataclass
class LoadReport:
    problems: list[Problem] = field(default_factory=list)
    counts: list[FileCount] = field(default_factory=list)
    quotes_verified: bool = False
    sources: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def unread(self) -> list[str]:
        """The data files that could not be read at all: nothing in them was loaded, checked or verified."""
        return [c.file for c in self.counts if c.unread]

    @property
    def valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "valid": self.valid,
            "quotes_verified": self.quotes_verified,
            "unread": self.unread,
            "sources": self.sources,
            "counts": [vars(c) for c in self.counts],
            "problems": [p.as_dict() for p in self.problems],
        }
