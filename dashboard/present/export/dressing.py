"""Figure dressing: the dashboard's charts (`present/charts.py`) put into print form.

A goal's *slide* (its PNG and SVG) is the chart with a title, the status in words, the reason and a footer of
provenance: it stands alone on a slide. The *page chart* is the same chart sized for its box on the goal's PDF
page, where the page itself carries the words. Both drop the chart's screen notes, which point at the page
around the chart on screen ("see the evidence list").

Dressing works on the figure's dict, not through plotly's validating objects: a pack dresses every chart two
or three ways, and plotly's `update_layout` costs more than drawing.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence

import plotly.graph_objects as go

from dashboard.judge.account import GoalAccount
from dashboard.present import charts
from dashboard.present.export import facts
from dashboard.present.export.layout import (
    FONT,
    FOOT_GAP,
    FOOTER_COLS,
    FOOTER_SIZE,
    HEIGHT,
    INK,
    LEGEND_COLS,
    LEGEND_W,
    LINE,
    MARGIN_L,
    MARGIN_R,
    MUTED,
    PAPER,
    RULE,
    STATUS_EDGE,
    STATUS_TINT,
    SUBTITLE_SIZE,
    TEXT_COLS,
    TEXT_SIZE,
    TITLE_SIZE,
    WIDTH,
)
from dashboard.present.export.words import quoted
from dashboard.present.locale import Locale
from dashboard.present.text import display_width, esc, lines_markup, wrap
from dashboard.records.model import Document, Plan


def merge(target: dict, updates: dict) -> dict:
    """Merge `updates` into `target` in place, dict by dict (plotly's update semantics, without validation)."""
    for key, value in updates.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value
    return target


def figure_dict(fig: go.Figure | dict) -> dict:
    """A figure as a plain dict the caller may change (the figure itself is left alone)."""
    return copy.deepcopy(fig) if isinstance(fig, dict) else fig.to_dict()


def _without_screen_notes(layout: dict) -> None:
    layout["annotations"] = [a for a in layout.get("annotations", ()) if a.get("name") != charts.SCREEN_NOTE]


def _without_badge(layout: dict, a: GoalAccount, loc: Locale) -> None:
    """Drop the screen chart's status badge: print shows the status in the page's or slide's own header."""
    badge = f"<b>{esc(loc.goal_status(a))}</b>"
    layout["annotations"] = [x for x in layout.get("annotations", ()) if x.get("text") != badge]


#: Px the status badge takes at the right of a slide's header (the title is sized to stop before it).
BADGE_W = 300
TITLE_MIN = 22


def title_size(title: str, width: int) -> int:
    """The title's type size: TITLE_SIZE, smaller (down to TITLE_MIN) for a title that would run into the badge."""
    return max(TITLE_MIN, min(TITLE_SIZE, int(width / max(_title_em(title), 1))))


def _title_em(title: str) -> float:
    """The title's width in ems of its type (bold): a CJK character one em, a Latin one about .6 (a display column
    .5, bold wider)."""
    return display_width(title) * 0.6


def title_fits(title: str, width: int) -> bool:
    return _title_em(title) * TITLE_MIN <= width


def _axes(layout: dict, prefix: str) -> list[dict]:
    return [v for k, v in layout.items() if k.startswith(prefix) and isinstance(v, dict)]


def _doc_title(d: Document, loc: Locale) -> str:
    return loc.t("export.doc", title=loc.document_title(d), date=d.published.isoformat())


def basis_words(a: GoalAccount, loc: Locale) -> str:
    """The basis with its timing: 代用数据（期中） / proxy (interim); 无可比数据 without a deciding figure."""
    if a.basis is None:
        return loc.t("export.basis_none")
    words = loc.basis(a.basis)
    if a.timing:
        timing = loc.t(f"timing.{a.timing}")
        words += f" ({timing.lower()})" if loc.en else f"（{timing}）"
    return words


def footer_lines(a: GoalAccount, loc: Locale, plan: Plan | None, exported_on: dt.date) -> list[str]:
    """The provenance printed under a goal's slide (plain text, before wrapping)."""
    sep = loc.clause_sep
    comparable = facts.documents(e for e in a.evidence if e.comparable)
    shown = {d.id for d in comparable}
    others = [d for d in facts.documents(a.evidence) if d.id not in shown]
    lines = []
    if comparable:
        lines.append(loc.t("export.footer.sources", titles=sep.join(_doc_title(d, loc) for d in comparable)))
    elif not others:
        lines.append(loc.t("export.footer.no_sources"))
    if others:
        lines.append(loc.t("export.footer.not_comparable", titles=sep.join(_doc_title(d, loc) for d in others)))
    if a.deciding is not None and a.basis is not None:
        why = loc.reasons(a.deciding.reasons)
        if a.basis == "direct" or not why:
            why = loc.area(a.deciding.observation.area)
        lines.append(loc.t("export.footer.basis", basis=loc.basis(a.basis), why=why))
    else:
        lines.append(loc.t("export.footer.basis_none"))
    if plan is not None:
        lines.append(loc.t("export.footer.plan", plan=loc.pick(plan.name, plan.name_en), chapter=loc.chapter(a.goal)))
    lines.append(loc.t("export.footer.exported", date=exported_on.isoformat()))
    return lines


def frame(fig: dict, *, title: str, subtitle: str, head: Sequence[str] = (), foot: Sequence[str] = (),
          legend: str = "right", left: int = MARGIN_L, badge: tuple[str, str] | None = None) -> dict:
    """The slide template on a figure dict: fixed size and margins, title and subtitle at the top, `head` lines
    (markup) under them, `foot` lines (markup) at the bottom under a hairline.

    Margins are fixed (no auto-expansion), so every slide has the same frame. `left` widens the left margin
    for long category labels; the title and footer still start at the page margin. `legend="right"` stacks
    the legend beside the plot, `"top"` lays it in the row above the plot, `"keep"` leaves the figure's own.
    """
    head_top = 40 + TITLE_SIZE + 12 + SUBTITLE_SIZE + 22  # px from the top of the page
    top = head_top + len(head) * (LINE + 2) + 44  # the last 44: a row for the chart's badge or legend
    bottom = FOOT_GAP + len(foot) * LINE + 24
    right = MARGIN_R + (LEGEND_W if legend == "right" else 0)
    plot_w, plot_h = WIDTH - left - right, HEIGHT - top - bottom
    layout = fig.setdefault("layout", {})
    text_font = dict(family=FONT, size=TEXT_SIZE, color=INK)
    size = title_size(title, WIDTH - MARGIN_L - MARGIN_R - (BADGE_W if badge else 0))
    merge(layout, dict(
        width=WIDTH, height=HEIGHT, autosize=False, font=text_font, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        margin=dict(l=left, r=right, t=top, b=bottom, pad=4, autoexpand=False),
        title=dict(text=f"<b>{esc(title)}</b>", x=MARGIN_L / WIDTH, xanchor="left", xref="container",
                   y=1 - (40 + (TITLE_SIZE - size) / 2) / HEIGHT, yanchor="top", yref="container", automargin=False,
                   font=dict(family=FONT, size=size, color=INK),
                   subtitle=dict(text=esc(subtitle), font=dict(family=FONT, size=SUBTITLE_SIZE, color=MUTED))),
    ))
    legend_font = dict(family=FONT, size=TEXT_SIZE - 1, color=INK)
    if legend == "right":
        layout["legend"] = dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", yref="paper",
                                bgcolor="rgba(0,0,0,0)", font=legend_font)
        for trace in fig.get("data", ()):  # a long entry wraps in its column instead of running off the slide
            if trace.get("name") and "<br>" not in trace["name"]:
                trace["name"] = lines_markup(trace["name"], LEGEND_COLS)
    elif legend == "top":  # in the row above the plot, never in the footer's way
        layout["showlegend"] = True
        layout["legend"] = dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom", yref="paper",
                                bgcolor="rgba(0,0,0,0)", font=legend_font)
    page_x0 = -(left - MARGIN_L) / plot_w  # the page margin, in the plot's paper coordinates
    page_x1 = 1 + (right - MARGIN_R) / plot_w
    annotations = layout.setdefault("annotations", [])
    if badge is not None:  # the status, in its own place at the right of the title
        text, status = badge
        annotations.append(dict(text=f"<b>{esc(text)}</b>", xref="paper", yref="paper", x=page_x1, xanchor="right",
                                y=1, yanchor="bottom", yshift=top - 40 - TITLE_SIZE - 6, showarrow=False,
                                bgcolor=STATUS_TINT.get(status, PAPER), bordercolor=STATUS_EDGE.get(status, RULE),
                                borderwidth=2, borderpad=6, font=dict(family=FONT, size=SUBTITLE_SIZE + 1, color=INK)))
    if head:
        annotations.append(dict(text="<br>".join(head), xref="paper", yref="paper", x=page_x0, y=1, xanchor="left",
                                yanchor="top", yshift=top - head_top, align="left", showarrow=False, font=text_font))
    if foot:
        annotations.append(dict(text="<br>".join(foot), xref="paper", yref="paper", x=page_x0, y=0, xanchor="left",
                                yanchor="top", yshift=-FOOT_GAP, align="left", showarrow=False,
                                font=dict(family=FONT, size=FOOTER_SIZE, color=MUTED)))
        y = -(FOOT_GAP - 10) / plot_h  # a hairline between the chart and its provenance
        layout.setdefault("shapes", []).append(dict(type="line", xref="paper", yref="paper", x0=page_x0, x1=page_x1,
                                                    y0=y, y1=y, line=dict(color=RULE, width=1)))
    return fig


def slide_figure(a: GoalAccount, loc: Locale, plan: Plan | None, exported_on: dt.date,
                 chart: go.Figure | dict | None = None) -> dict:
    """A goal's slide: its chart titled with the target in the plan's words and its year, a subtitle with the
    unit, the status (a proxy reads as one) and the basis, the reason, and a footer of provenance.
    `chart` is `charts.goal_figure(a, loc)` when the caller has it already."""
    g = a.goal
    fig = figure_dict(chart if chart is not None else charts.goal_figure(a, loc))
    layout = fig.setdefault("layout", {})
    _without_screen_notes(layout)
    _without_badge(layout, a, loc)
    if g.is_categorical or g.target is None or not facts.has_figures(a):
        # nothing to plot: the plan's words in the middle of the slide, no empty axes
        words = loc.t("export.plan_words", quote=quoted(g.quote))
        if not g.is_categorical and g.target is not None:
            words += "\n" + loc.t("ui.chart.no_data")
            fig["data"] = []
            layout["annotations"] = []
            layout["shapes"] = []
            for axis in _axes(layout, "xaxis") + _axes(layout, "yaxis"):
                axis.update(visible=False)
            layout["showlegend"] = False
        layout["annotations"].append(dict(
            text="<br>".join(lines_markup(part, 90) for part in words.split("\n")), xref="paper", yref="paper",
            x=0.5, y=0.5, showarrow=False, font=dict(family=FONT, size=TEXT_SIZE + 3, color=INK)))
    title = loc.t("export.title", name=loc.goal_name(g), target=loc.target(g), year=g.target_year)
    subtitle = loc.t("export.subtitle", unit=loc.unit(g.unit) or loc.t("export.unit_none"), basis=basis_words(a, loc))
    if not title_fits(title, WIDTH - MARGIN_L - MARGIN_R - BADGE_W):  # a long name: the target moves under it
        title = loc.goal_name(g)
        subtitle = loc.t("export.goal.target", target=loc.target(g), year=g.target_year) + (
            "  |  " if loc.en else "　｜　") + subtitle
    head = [esc(line) for line in wrap(loc.t("export.reason", reason=loc.reason(a.reason)), TEXT_COLS)]
    foot = [esc(line) for text in footer_lines(a, loc, plan, exported_on) for line in wrap(text, FOOTER_COLS)]
    for axis in _axes(layout, "yaxis"):  # the screen's 12 px axis title is too small on paper
        merge(axis, dict(title=dict(font=dict(size=FOOTER_SIZE))))
    fig = frame(fig, title=title, subtitle=subtitle, head=head, foot=foot, badge=(loc.goal_status(a), a.status))
    margin = layout["margin"]
    charts.fit_pace_panel(layout, HEIGHT - margin["t"] - margin["b"])
    return fig


def _print_fonts(layout: dict, size: int) -> None:
    merge(layout, dict(font=dict(family=FONT, size=size, color=INK), paper_bgcolor=PAPER, plot_bgcolor=PAPER))
    for axis in _axes(layout, "xaxis") + _axes(layout, "yaxis"):
        merge(axis, dict(tickfont=dict(size=size - 1), title=dict(font=dict(size=size - 1))))


def goal_chart(a: GoalAccount, loc: Locale, width: int, height: int, chart: go.Figure | dict | None = None,
               size: int = 14) -> dict:
    """A goal's chart for its PDF page: the box's size, print type, no screen notes, the legend under the plot."""
    fig = figure_dict(chart if chart is not None else charts.goal_figure(a, loc))
    layout = fig.setdefault("layout", {})
    _without_screen_notes(layout)
    _without_badge(layout, a, loc)
    _print_fonts(layout, size)
    margin = dict(l=70, r=20, t=44, b=110)
    merge(layout, dict(width=width, height=height, autosize=False, margin=margin))
    charts.fit_pace_panel(layout, height - margin["t"] - margin["b"])
    _room_under_labels(fig, height - margin["t"] - margin["b"], size)
    merge(layout.setdefault("legend", {}), dict(font=dict(size=size - 1)))
    _level_axis_title(layout, size - 1)
    return fig


def _room_under_labels(fig: dict, plot_px: float, size: int) -> None:
    """A label set under its point (the baseline's; a target the path comes down to) keeps its place there, clear
    of the line that leaves the point upwards: on a short printed chart the level axis reaches down far enough
    that the label stays above the year labels. (Turned above its point, the baseline's label sat on a rising
    path's dashes.)"""
    layout = fig.get("layout", {})
    axis = layout.get("yaxis")
    if not isinstance(axis, dict) or not axis.get("range"):
        return
    lo, hi = axis["range"]
    domain = axis.get("domain") or [0.0, 1.0]
    panel_px = (domain[1] - domain[0]) * plot_px
    need = min((size * 1.3 + 12) / max(panel_px, 1.0), 0.5)  # a line of type under the marker, as a share
    for trace in fig.get("data", ()):
        position = trace.get("textposition")
        if not (isinstance(position, str) and position.startswith("bottom")) or trace.get("yaxis") not in (None, "y"):
            continue
        ys = [y for y in trace.get("y") or () if isinstance(y, (int, float))]
        if ys and (min(ys) - lo) / (hi - lo) < need:
            lo = (min(ys) - need * hi) / (1 - need)  # the least bottom with `need` of the axis under the lowest
    axis["range"] = [lo, hi]


def _level_axis_title(layout: dict, size: int) -> None:
    """The y-axis title written level above the axis, not turned up its side: rotated text copies out of a PDF
    backwards ("）%（率长增年"), and reads harder on paper."""
    axis = layout.get("yaxis")
    if not isinstance(axis, dict):
        return
    title = axis.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    if not text:
        return
    axis["title"] = dict(text="")
    layout.setdefault("annotations", []).append(dict(
        text=text, xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom", xshift=-60, yshift=10,
        showarrow=False, align="left", font=dict(family=FONT, size=size, color=MUTED)))


def label_room(fig: dict, size: int) -> int:
    """Px the left margin needs for a horizontal bar chart's category labels (plotly cannot auto-expand a
    fixed frame): the widest label line at `size`, plus padding."""
    widest = 0
    for trace in fig.get("data", ()):
        if trace.get("orientation") == "h" and trace.get("y") is not None:
            for label in trace["y"]:
                for line in str(label).split("<br>"):
                    widest = max(widest, display_width(line))
    return max(MARGIN_L, int(widest * size * 0.55) + 36)


def page_chart(fig: go.Figure | dict, width: int, height: int, *, own_labels: bool = False) -> dict:
    """A chart on a page of its own (the overview by group, plan coherence): the box's width and height, print
    type. The legend goes in the row above the plot, unless the chart places labels of its own there
    (`own_labels`: coherence labels each bar above it), which then keep their size and place."""
    fig = figure_dict(fig)
    layout = fig.setdefault("layout", {})
    _print_fonts(layout, TEXT_SIZE - (3 if own_labels else 0))
    merge(layout, dict(width=width, height=height, autosize=False))
    if own_labels:
        return fig
    merge(layout, dict(showlegend=True, legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom",
                                                    yref="paper", font=dict(size=TEXT_SIZE))))
    margin = layout.setdefault("margin", {})
    margin.update(l=max(margin.get("l", 0), label_room(fig, TEXT_SIZE)), t=70, r=30)
    for ann in layout.get("annotations", ()):
        merge(ann, dict(font=dict(size=TEXT_SIZE - 2)))
    return fig
