"""What the last publication wrote, so the next one rewrites only what changed.

`manifest.json` at the site's root records, for every file the site holds, the key it was made from (a hash
of its inputs) and the hash of its bytes; and, for every content version a page shows in its footer, the
date that version first appeared. It is a plain file among the others: the site holds no server state.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
FORMAT = 1


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def short(full: str) -> str:
    """A version as people cite it: the first 12 hex digits of its hash."""
    return full[:12]


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside `path`, then rename into place: a visitor never gets half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Manifest:
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # path → {key, sha256}
    versions: dict[str, dict[str, str]] = field(default_factory=dict)  # what → {version, since}
    data_version: str = ""
    published: str = ""
    inputs: str = ""  # the hash of everything the site was made from (publish.py: _Site._inputs)
    bundle: str = ""  # the plotly.js file the pages load

    @classmethod
    def read(cls, out: Path) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if raw.get("format") != FORMAT:
            return cls()
        return cls(files=dict(raw.get("files", {})), versions=dict(raw.get("versions", {})),
                   data_version=str(raw.get("data_version", "")), published=str(raw.get("published", "")),
                   inputs=str(raw.get("inputs", "")), bundle=str(raw.get("bundle", "")))

    def since(self, what: str, version: str, today: str) -> str:
        """The date `what` (a page's content) first showed `version`: kept while the version stays."""
        old = self.versions.get(what)
        return old["since"] if old and old.get("version") == version else today

    def to_bytes(self) -> bytes:
        body = {"format": FORMAT, "data_version": self.data_version, "published": self.published,
                "inputs": self.inputs, "bundle": self.bundle,
                "versions": dict(sorted(self.versions.items())), "files": dict(sorted(self.files.items()))}
        return (_one_entry_a_line(body) + "\n").encode()


def _one_entry_a_line(body: dict[str, Any]) -> str:
    """The manifest as JSON a person can still read and diff: one line per field, per version and per file
    (indented throughout, its 30,000 files at a hundred plans took four lines and twice the bytes each)."""
    def block(items: dict[str, Any]) -> str:
        lines = [f" {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in items.items()]
        return "{\n" + ",\n".join(lines) + "\n}" if lines else "{}"
    fields = [f"{json.dumps(k)}: {block(v) if isinstance(v, dict) else json.dumps(v, ensure_ascii=False)}"
              for k, v in body.items()]
    return "{\n" + ",\n".join(fields) + "\n}"
