"""Judgement: the rules once, codes out. No prose, no I/O, and no import from the presentation or the faces."""

from dashboard.judge.judge import Judge

__all__ = ["Judge"]
