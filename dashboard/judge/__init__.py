"""Judgement: the rules once, codes out. No prose, no I/O, and no import from the presentation or the faces."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.judge.judge import Judge

__all__ = ["Judge"]


def __getattr__(name: str):  # `from dashboard.judge import Judge` without importing the engine with the codes
    if name == "Judge":
        from dashboard.judge.judge import Judge

        return Judge
    raise AttributeError(name)
