"""Every catalogue key is used: named in the code or a template, or built there from a prefix (f"status.{s}").
A key no page says any more is deleted, not kept "in case" (a dead key drifts from what the pages say)."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.present.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent / "dashboard"
CATALOGUE_DIR = ROOT / "present" / "catalogue"
LITERAL = re.compile(r"""["']([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)["']""")
PREFIX = re.compile(r"""f["']([a-z][a-z0-9_]*\.[A-Za-z0-9_.]*)\{""")  # f"status.{s}", f"method.rule.{name}.title"
JOINED = re.compile(r"""["']([a-z][a-z0-9_]*\.[A-Za-z0-9_.]*)["']\s*[~+]""")  # "changes.kind." + f.kind
SUFFIX = re.compile(r"""\+\s*\(?\s*["'](\.[a-z_]+)["']""")  # key + ".words", which + (".presumed" if …)
ARGUMENT = re.compile(r"""["']([a-z]+)["']\)""")  # _words(loc, code, "verdict"): f"{prefix}.{key}"


def sources() -> str:
    files = [p for p in ROOT.rglob("*.py") if CATALOGUE_DIR not in p.parents]
    files += [p for p in (ROOT / "site" / "templates").glob("*")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_every_catalogue_key_is_used():
    text = sources()
    literals = set(LITERAL.findall(text))
    prefixes = tuple(set(PREFIX.findall(text)) | set(JOINED.findall(text))
                     | {word + "." for word in ARGUMENT.findall(text)} if "{prefix}.{" in text else ())
    suffixes = set(SUFFIX.findall(text))

    def used(key: str) -> bool:
        return key in literals or key.startswith(prefixes) or any(
            key.endswith(s) and key[: -len(s)] in literals for s in suffixes)

    unused = sorted(k for k in CATALOGUE if not used(k))
    assert not unused, f"{len(unused)} catalogue keys no code or template uses: {unused}"
