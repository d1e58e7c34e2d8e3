"""The one error type of the exports: a problem the person exporting can fix."""

from __future__ import annotations


class ExportError(Exception):
    """A file in the way, an unknown goal id, an empty selection, no browser: one line, no traceback."""
