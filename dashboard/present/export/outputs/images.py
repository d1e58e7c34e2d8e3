"""charts/<goal-id>.png and .svg: each goal's slide, drawn once (the PNG is the SVG rasterised)."""

from __future__ import annotations

import re

from dashboard.judge.account import GoalAccount
from dashboard.present.export.errors import ExportError
from dashboard.present.export.layout import HEIGHT, PNG_SCALE, WIDTH
from dashboard.present.export.outputs import SLIDES, Briefing, Output, register


def safe_name(goal_id: str) -> str:
    """A goal id as a file name: lower-case a–z, 0–9 and '-', nothing else (no dots, no slashes)."""
    name = re.sub(r"[^a-z0-9-]+", "-", goal_id.lower()).strip("-")
    return re.sub(r"-{2,}", "-", name) or "goal"


def file_name(a: GoalAccount, fmt: str) -> str:
    return f"{safe_name(a.goal.id)}.{fmt}"


def _slide(b: Briefing, a: GoalAccount):
    try:
        return b.slides[a.goal.id]
    except KeyError:
        raise ExportError(f"the slide of {a.goal.id} was not drawn") from None


def _png(b: Briefing, a: GoalAccount) -> bytes:
    png = _slide(b, a).png
    if png is None:
        raise ExportError(f"the slide of {a.goal.id} was drawn without its PNG")
    return png


def _svg(b: Briefing, a: GoalAccount) -> bytes:
    return _slide(b, a).svg.encode("utf-8")


PNG_SIZE = (round(WIDTH * PNG_SCALE), round(HEIGHT * PNG_SCALE))

register(Output(
    name="png", mime="image/png", needs=frozenset({SLIDES}), goal_file=_png,
    files=lambda b: {f"charts/{file_name(a, 'png')}": _png(b, a) for a in b.selected},
    listing=lambda loc: [("charts/<id>.png", loc.t("export.readme.file.png", width=PNG_SIZE[0], height=PNG_SIZE[1]))],
))
register(Output(
    name="svg", mime="image/svg+xml", needs=frozenset({SLIDES}), goal_file=_svg,
    files=lambda b: {f"charts/{file_name(a, 'svg')}": _svg(b, a) for a in b.selected},
    listing=lambda loc: [("charts/<id>.svg", loc.t("export.readme.file.svg"))],
))
