"""Plotly figure builders: records in, figure out. No Streamlit, no I/O.

The dashboard shows these figures and the static exports write them to files, so the three signatures below
are a contract: `goal_figure(account, loc)`, `overview_figure(summaries, loc)`, `coherence_figure(findings, loc)`,
where `loc` is the locale (`present/locale.py`). Every label comes from it; every status colour is
paired with its status word (legend, badge or label), and the colours are the Okabe–Ito palette, which
people with any common colour-vision deficiency can tell apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.judge.account import EvidenceAccount, GoalAccount
from dashboard.judge.codes import STATUSES, Years
from dashboard.judge.coherence import Finding
from dashboard.present.locale import Locale
from dashboard.present.text import esc, lines_markup
from dashboard.records.model import AssessmentConfig, Goal

#: Every figure starts from plotly_white. Set as the default, a new figure takes it without validating it again;
#: `update_layout(template=...)` validated and deep-copied the whole template for every figure (~60% of a goal
#: chart's build time, which the briefing pack pays 75 times).
pio.templates.default = "plotly_white"

FONT_FAMILY = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"

#: Okabe–Ito colours (grey for "no comparable data", which is an absence, not a judgement).
STATUS_COLOURS: dict[str, str] = {
    "achieved": "#009E73",  # bluish green
    "on_track": "#56B4E9",  # sky blue
    "off_track": "#E69F00",  # orange
    "missed": "#D55E00",  # vermillion
    "indeterminate": "#CC79A7",  # reddish purple
    "no_comparable_data": "#999999",  # grey
}
#: Coherence verdicts by meaning: green only for a pair that agrees within the rounding margin; a pair the judge
#: calls consistent by direction while its levels lie further apart is yellow (a caution, not agreement to the
#: figure); a pace stronger than the level needs is blue, never the off-track orange of a goal's status.
VERDICT_COLOURS: dict[str, str] = {
    "consistent": "#009E73",  # bluish green
    "consistent_apart": "#F0E442",  # yellow
    "pace_weaker": "#D55E00",  # vermillion
    "pace_stronger": "#0072B2",  # blue
    "unverifiable": "#999999",
}
EVIDENCE_COLOUR = "#0072B2"  # Okabe–Ito blue: figures that count
CONTEXT_COLOUR = "#7B8794"  # later figures shown for context
PATH_COLOUR = "#444444"
TARGET_COLOUR = "#000000"
REGION_FILL = "rgba(0, 158, 115, 0.10)"  # the target region, a faint bluish green
#: The name of a goal chart's notes that point at the page around it ("see the evidence list"): print drops them.
SCREEN_NOTE = "screen-note"

#: A chart's notes are wrapped to fit a phone (about 270 px of plot width at 11 px; CJK glyphs are about twice as wide).
NOTE_COLS, NOTE_LINE_PX = 42, 15

#: Marker per basis: direct figures solid, proxies hollow and a different shape, set-aside figures faint.
MARKERS = {
    "direct": dict(symbol="circle", color=EVIDENCE_COLOUR, line=dict(width=1.5, color=EVIDENCE_COLOUR)),
    "proxy": dict(symbol="diamond-open", color=EVIDENCE_COLOUR, line=dict(width=2.5, color=EVIDENCE_COLOUR)),
    # a later figure shown for context only: hollow, faded, never a verdict
    "context": dict(symbol="circle-open", color=CONTEXT_COLOUR, line=dict(width=2, color=CONTEXT_COLOUR)),
}
#: A derived figure (computed from other figures, not stated): hollow with a dot, and "推算" beside its value.
DERIVED_SYMBOLS = {"direct": "circle-open-dot", "proxy": "diamond-open-dot", "context": "circle-open-dot"}
#: English axis units scaled as the value labels are (170亿元 → 17 billion yuan): factor and the axis's unit.
AXIS_SCALE_EN: dict[str, tuple[float, str]] = {"亿元": (0.1, "billion yuan"), "万人": (1e4, "persons"),
                                               "万亩": (1e4, "mu")}
#: The pace panel's height under a level goal's chart on screen (the level panel keeps its own), and its title's name.
PACE_PANEL_PX = 170
PACE_TITLE = "pace-title"
#: Px above the pace panel's name, between it and the level panel's year labels.
PACE_TITLE_SHIFT = 6


def pace_gap(size: float) -> float:
    """Px between a level panel and the pace panel under it, at tick type `size`: the level panel's year labels
    (a line and their standoff), the pace axis's name on its own line above its panel, and air between them."""
    return (size * 1.3 + 8) + (size * 1.3 + PACE_TITLE_SHIFT) + 6


def pace_domains(plot_px: float, size: float, pace_px: float | None = None) -> tuple[list[float], list[float]]:
    """The level panel's and the pace panel's shares of a plot area `plot_px` tall, laid out in px so that the
    year labels and the pace axis's name between them never meet at any height: the pace panel takes `pace_px`,
    or, by default, a quarter of the plot held between room for three ticks and about six lines of type."""
    gap = pace_gap(size)
    if pace_px is None:
        pace_px = min(max(plot_px * 0.28, size * 4.5), size * 8)
    pace = pace_px / plot_px
    return [min(pace + gap / plot_px, 0.9), 1.0], [0.0, pace]


def pace_ticks(pace_px: float, size: float) -> int:
    """At most this many ticks on a pace axis `pace_px` tall: a label's line and as much air between each."""
    return max(2, int(pace_px / (size * 2.2)) + 1)


def fit_pace_panel(layout: dict, plot_px: float) -> None:
    """A figure dict's pace panel (a level goal's paces under its levels) laid out again for a plot area `plot_px`
    tall, as a printed page or a slide sizes it: the panels' domains, the pace axis's ticks, and the pace axis's
    name at the axis titles' size just above its panel. A figure without a pace panel is left alone."""
    pace_axis, level_axis = layout.get("yaxis2"), layout.get("yaxis")
    if not isinstance(pace_axis, dict) or not isinstance(level_axis, dict):
        return
    size = float((pace_axis.get("tickfont") or {}).get("size") or (layout.get("font") or {}).get("size") or 13)
    level_axis["domain"], pace_axis["domain"] = pace_domains(plot_px, size)
    pace_axis["nticks"] = pace_ticks(pace_axis["domain"][1] * plot_px, size)
    for ann in layout.get("annotations", ()):
        if ann.get("name") == PACE_TITLE:
            ann.update(y=pace_axis["domain"][1], yshift=PACE_TITLE_SHIFT)
            ann.setdefault("font", {})["size"] = size


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, STATUS_COLOURS["no_comparable_data"])


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    fig.update_layout(_layout_dict(height, **extra))
    return fig


def _layout_dict(height: int, **extra) -> dict:
    """The layout every chart shares, as plain data."""
    return dict(
        font=dict(family=FONT_FAMILY, size=13, color="#222222"),
        hoverlabel=dict(font=dict(family=FONT_FAMILY)),
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=height,
        margin=dict(l=56, r=24, t=44, b=40),
        # At the bottom of the figure, not at a fixed distance below the plot: on a narrow screen the year labels
        # turn vertical, and a legend anchored to the container makes room for them instead of covering them.
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, xanchor="left", font=dict(size=12)),
        modebar=dict(orientation="v"),  # down the right edge: never over the status badge on a narrow screen
        **extra,
    )


# ---------------------------------------------------------------------------------------------- goal


def goal_figure(a: GoalAccount, loc: Locale) -> go.Figure:
    """One goal: baseline, planned path, target region and every figure that bears on it."""
    g = a.goal
    if g.is_categorical or g.target is None:
        return _categorical_figure(a, loc)
    return go.Figure(goal_spec(a, loc))


def goal_spec(a: GoalAccount, loc: Locale) -> dict:
    """`goal_figure` as the plain data plotly.js reads (`data`, `layout`; no template: a figure made from it takes
    the default one). Built as dicts, not through plotly's objects: each of their calls validated the whole figure
    again, which cost a goal chart about 0.1 s (the static site draws one per goal and language). A test checks
    that plotly reads the dicts back unchanged. Categorical goals have no spec (their figure is a note)."""
    assert not a.goal.is_categorical and a.goal.target is not None
    return _GoalChart(a, loc).build()


def has_pace_panel(a: GoalAccount, loc: Locale) -> bool:
    """Whether a goal's chart draws a pace panel under its levels (a level goal with a pace figure to show)."""
    g = a.goal
    return not g.is_categorical and g.target is not None and _GoalChart(a, loc).pace_panel


def _status_badge(a: GoalAccount, loc: Locale) -> dict:
    text = loc.goal_status(a)
    return dict(
        text=f"<b>{esc(text)}</b>", xref="paper", yref="paper", x=0, y=1.02, xanchor="left", yanchor="bottom",
        showarrow=False, bgcolor=status_colour(a.status), borderpad=4, font=dict(color="#000000", size=13),
    )


def _categorical_figure(a: GoalAccount, loc: Locale) -> go.Figure:
    g = a.goal
    fig = go.Figure()
    fig.add_annotation(_status_badge(a, loc))
    fig.add_annotation(
        text=lines_markup(loc.t("ui.chart.categorical", target=loc.target(g), year=g.target_year), 30 if loc.en else 60),
        xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, font=dict(size=16),
        name=SCREEN_NOTE,
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, 260, showlegend=False)


#: The most figures of one kind (comparable, set aside) a goal chart draws; the evidence list shows them all.
MAX_DRAWN = 150


def bounded(items: list[EvidenceAccount], keep: str | None, limit: int = MAX_DRAWN) -> tuple[list[EvidenceAccount], int]:
    """At most `limit` of the figures, and how many were left out: marks that would coincide with one drawn are
    dropped first; then each year keeps its lowest and highest figure and the rest is sampled evenly. The figure
    `keep` (the deciding one) is always drawn."""
    if len(items) <= limit:
        return items, 0
    distinct: dict[tuple, EvidenceAccount] = {}
    for e in items:
        o, iv = e.observation, e.interval
        mark = (o.first_year, o.last_year, iv.lower, iv.upper, e.basis)
        if o.id == keep or mark not in distinct:
            distinct[mark if o.id != keep else ("keep",)] = e
    chosen = list(distinct.values())
    if len(chosen) > limit:
        def level(e: EvidenceAccount) -> float:
            iv = e.interval
            return iv.midpoint if iv.midpoint is not None else (iv.lower if iv.lower is not None else iv.upper or 0.0)

        ordered = sorted(chosen, key=lambda e: (e.observation.last_year, level(e)))
        picks: dict[int, EvidenceAccount] = {id(e): e for e in ordered if e.observation.id == keep}
        by_year: dict[int, list[EvidenceAccount]] = {}
        for e in ordered:
            by_year.setdefault(e.observation.last_year, []).append(e)
        for year_items in by_year.values():
            for e in (year_items[0], year_items[-1]):
                if len(picks) < limit:
                    picks.setdefault(id(e), e)
        step = len(ordered) / max(1, limit - len(picks))
        k = 0.0
        while len(picks) < limit and k < len(ordered):
            picks.setdefault(id(ordered[int(k)]), ordered[int(k)])
            k += step
        chosen = [e for e in ordered if id(e) in picks]
    return chosen, len(items) - len(chosen)


class _GoalChart:
    """Builds one goal figure in two passes: first the value range, then the marks that depend on it."""

    def __init__(self, a: GoalAccount, loc: Locale):
        self.a, self.g, self.loc = a, a.goal, loc
        self.traces: list[dict] = []
        self.shapes: list[dict] = []
        self.annotations: list[dict] = []
        self.legend_shown: set[str] = set()
        self.pace = self.g.measure in ("annual_growth_rate", "annual_increase")
        self.path = list(a.path_points)  # the judge's own path
        # The goal's scale carries levels (and, for a pace goal, paces). A pace read for a level goal is drawn in
        # its own reading, in a pace panel under the levels, against the pace the path asks.
        on_scale = lambda e: e.reading == "level" or self.pace  # noqa: E731
        numeric = lambda e: e.observation.is_numeric and e.observation.value is not None  # noqa: E731
        self.comparable = [e for e in a.evidence if e.comparable and on_scale(e) and numeric(e)]
        self.paces = [e for e in a.evidence if e.comparable and not on_scale(e) and numeric(e)]
        self.context = [e for e in a.evidence if e.role == "context" and on_scale(e) and numeric(e)]
        self.context_paces = [e for e in a.evidence if e.role == "context" and not on_scale(e) and numeric(e)]
        # Figures set aside are never drawn: on the goal's scale a figure of another indicator or of a larger area's
        # level would read as evidence (43.72% 绿化覆盖率 sat in the 绿地率 target band). The note counts them; the
        # page lists each with its reason.
        self.set_aside_n = sum(1 for e in a.evidence if not e.comparable and e.role != "context")
        # A goal of a large collection may have 100,000 figures: draw a bounded number, listed in full below.
        keep = a.deciding.observation.id if a.deciding is not None else None
        self.comparable, n_comparable = bounded(self.comparable, keep)
        self.paces, n_paces = bounded(self.paces, keep)
        self.context, n_context = bounded(self.context, keep)
        self.not_drawn = n_comparable + n_paces + n_context
        # One pace axis speaks one unit: the deciding pace's (a growth rate in %, or an increase in the level's
        # unit a year); paces in another unit are counted in the note and listed on the page.
        unit = self._pace_unit_of(a.deciding) if a.deciding is not None and a.deciding in self.paces else None
        if unit is None and self.paces:
            unit = self._pace_unit_of(self.paces[0])
        same = [e for e in self.paces + self.context_paces if self._pace_unit_of(e) == unit]
        self.pace_other_unit = len(self.paces) + len(self.context_paces) - len(same)
        self.paces = [e for e in self.paces if e in same]
        self.context_paces = [e for e in self.context_paces if e in same]
        self.pace_panel = bool(self.paces or self.context_paces)

    def _pace_unit_of(self, e: EvidenceAccount) -> str:
        if e.progress is not None and e.progress.pace_unit:
            return e.progress.pace_unit
        o = e.observation
        return "%" if o.measure in ("yoy_growth", "annual_growth_rate") else (o.unit or "")

    def _region(self) -> tuple[float | None, float | None]:
        r = self.a.region
        return (None, None) if r is None else (r.lower, r.upper)

    @staticmethod
    def _bounds(e: EvidenceAccount) -> list[float]:
        iv = e.interval
        return [v for v in (iv.lower, iv.upper) if v is not None]

    def _ranges(self) -> None:
        g = self.g
        assert g.target is not None
        core = [g.target] + [v for _, v in self.path]
        if g.baseline is not None and g.measure == "level":
            core.append(g.baseline.value)
        lo_r, hi_r = self._region()
        core += [v for v in (lo_r, hi_r) if v is not None]
        for e in self.comparable + self.context:
            core += self._bounds(e)
        lo, hi = min(core), max(core)
        span = (hi - lo) or abs(hi) * 0.2 or 1.0
        # an open side of the target region shows as a band of some height, not a hairline at the plot's edge
        if lo_r is not None and hi_r is None:
            hi = max(hi, lo_r + span * 0.3)
        if hi_r is not None and lo_r is None:
            lo = min(lo, hi_r - span * 0.3)
        one_sided = any(len(self._bounds(e)) == 1 for e in self.comparable + self.context)
        pad = span * (0.28 if one_sided else 0.15)
        y0, y1 = lo - pad, hi + pad
        if lo >= 0 > y0:  # do not invent negative values for quantities that cannot be negative
            y0 = 0 if lo - 0 < span else lo - pad
        self.y_range = (y0, y1)
        self.arrow = (y1 - y0) * 0.12
        years = [g.target_year] + [y for y, _ in self.path]
        if g.baseline is not None:
            years.append(g.baseline.year)
        for e in self.comparable + self.context + self.paces + self.context_paces:
            years += [e.observation.first_year, e.observation.last_year]
        if not self.path and g.baseline is None:
            years.append(g.target_year - 5)  # show the plan period even with nothing drawn before the target
        self.x_range = (min(years) - 0.6, max(years) + 0.6)

    # -- marks --------------------------------------------------------------------------------------

    def _show(self, group: str) -> bool:
        if group in self.legend_shown:
            return False
        self.legend_shown.add(group)
        return True

    def _target_marks(self) -> None:
        g, loc = self.g, self.loc
        assert g.target is not None
        lo_r, hi_r = self._region()
        y0, y1 = self.y_range
        if (self.pace and self.path) or self.a.path == "hold":  # asked of every year: over the whole period
            x0 = (self.path[0][0] if self.path else self.a.start_year + 1) - 0.5
            x1 = g.target_year + 0.5
        else:
            x0, x1 = g.target_year - 0.5, self.x_range[1]
        low = y0 if lo_r is None else lo_r
        high = y1 if hi_r is None else hi_r
        if high > low:
            self.shapes.append(dict(
                type="rect", x0=x0, x1=x1, y0=low, y1=high, fillcolor=REGION_FILL, line=dict(width=0), layer="below",
                showlegend=True, legendrank=40,
                name=loc.t("ui.chart.expected_band" if self.a.band else "ui.chart.target_region", target=loc.target(g)),
            ))
        for edge in {lo_r, hi_r} - {None}:
            self.shapes.append(dict(type="line", x0=x0, x1=x1, y0=edge, y1=edge, layer="below",
                                    line=dict(color="#009E73", width=1.5, dash="dot")))
        label = loc.t("ui.chart.target_label", target=loc.target(g), year=g.target_year)
        falling = len(self.path) > 1 and self.path[-2][1] > self.path[-1][1]  # the path comes down to the target
        self.traces.append(_scatter(
            x=[g.target_year], y=[g.target], mode="markers+text", name=loc.t("ui.chart.target"), legendrank=30,
            marker=dict(symbol="line-ew-open", size=28, color=TARGET_COLOUR, line=dict(width=3.5, color=TARGET_COLOUR)),
            text=[esc(label)], textposition="bottom left" if falling else "top left",
            textfont=dict(size=12), cliponaxis=False, hovertext=[esc(label)], hovertemplate="%{hovertext}<extra></extra>",
        ))
        if g.comparator in (">=", ">", "<=", "<"):
            up = g.comparator in (">=", ">")
            self.annotations.append(dict(
                x=g.target_year, y=g.target + (self.arrow if up else -self.arrow), ax=g.target_year, ay=g.target,
                axref="x", ayref="y", text="", showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=2,
                arrowcolor=TARGET_COLOUR))

    def _baseline_and_path(self) -> None:
        g, loc = self.g, self.loc
        unit = g.unit or ""
        if self.path:
            name = loc.t(f"ui.chart.path.{self.a.path if g.measure == 'level' else 'constant'}")
            if g.measure in ("multiple_of_base", "change_from_base_pct"):
                name = loc.t("ui.chart.path.compound")
            hover = [esc(loc.t("ui.chart.required_hover", year=y, value=loc.value(v, unit))) for y, v in self.path]
            self.traces.append(_scatter(
                x=[y for y, _ in self.path], y=[v for _, v in self.path], mode="lines", name=name, legendrank=20,
                line=dict(color=PATH_COLOUR, width=2, dash="dash"), hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            ))
        b = g.baseline
        if b is not None and g.measure == "level":
            label = loc.value(b.value, unit)
            self.traces.append(_scatter(
                x=[b.year], y=[b.value], mode="markers+text", name=loc.t("ui.chart.baseline", year=b.year),
                legendrank=10,
                marker=dict(symbol="square", size=11, color=PATH_COLOUR), text=[esc(label)],
                textposition="bottom right", textfont=dict(size=12), cliponaxis=False,
                hovertext=[esc(loc.t("ui.chart.baseline_hover", year=b.year, value=label))],
                hovertemplate="%{hovertext}<extra></extra>",
            ))

    def _evidence_marks(self, items: list[EvidenceAccount], kind: str, panel: str = "main") -> None:
        """All figures of one kind (direct / proxy / context) as at most three traces: the points (with
        error bars for two-sided intervals), the period segments, and the arrows of one-sided intervals.
        Few traces and no annotations keep the chart quick to draw in the browser. `panel` "pace" draws them
        in the pace panel (a level goal's paces, in their own reading)."""
        if not items:
            return
        loc, colour = self.loc, MARKERS[kind]["color"]
        faded = kind == "context"
        on_pace = panel == "pace"
        axes = dict(xaxis="x2", yaxis="y2") if on_pace else {}
        arrow_len = self.pace_arrow if on_pace else self.arrow
        deciding_id = self.a.deciding.observation.id if self.a.deciding is not None else None
        pts: dict[str, list] = dict(x=[], y=[], text=[], pos=[], hover=[], size=[], width=[], up=[], down=[],
                                    symbol=[])
        seg_x: list = []
        seg_y: list = []
        arrow_x: list = []
        arrow_y: list = []
        arrow_symbol: list = []
        for e in items:
            o, iv = e.observation, e.interval
            bounds = self._bounds(e)
            y = iv.midpoint if iv.midpoint is not None else bounds[0]
            period = o.first_year != o.last_year
            x = (o.first_year + o.last_year) / 2 if period else o.first_year
            deciding = o.id == deciding_id
            derived = o.derived is not None
            value = loc.observed(o)
            label = loc.t("ui.chart.pace_point", value=value, years=loc.years(o.first_year, o.last_year)) \
                if on_pace else value
            label += loc.t("ui.chart.derived_tag") if derived else ""
            right_edge = x > self.x_range[0] + (self.x_range[1] - self.x_range[0]) * 0.7
            pts["x"].append(x)
            pts["y"].append(y)
            pts["text"].append(esc(label + (loc.t("ui.chart.deciding_tag") if deciding else "")))
            pts["pos"].append("top center" if period else ("middle left" if right_edge else "middle right"))
            pts["hover"].append(self._hover(e, value))
            pts["size"].append(15 if deciding else 11)
            pts["width"].append(3.5 if deciding and not faded else MARKERS[kind]["line"]["width"])  # type: ignore[index]
            pts["symbol"].append(DERIVED_SYMBOLS[kind] if derived else MARKERS[kind]["symbol"])
            lower, upper = iv.lower, iv.upper
            two_sided = lower is not None and upper is not None and lower != upper
            pts["up"].append(upper - y if two_sided and upper is not None else None)
            pts["down"].append(y - lower if two_sided and lower is not None else None)
            if period:
                seg_x += [o.first_year, o.last_year, None]
                seg_y += [y, y, None]
            if len(bounds) == 1:  # one-sided: an arrow from the stated bound toward the open side
                up = iv.upper is None
                arrow_x += [x, x, None]
                arrow_y += [y, y + (arrow_len if up else -arrow_len), None]
                arrow_symbol += ["circle", "triangle-up" if up else "triangle-down", "circle"]
        group, name = kind, loc.t(f"ui.chart.{kind}")
        if seg_x:
            self.traces.append(_scatter(
                x=seg_x, y=seg_y, mode="lines", legendgroup=group, showlegend=False, meta="segments",
                line=dict(color=colour, width=2.5 if faded else 4), hoverinfo="skip", opacity=0.55 if faded else 0.8,
                **axes,
            ))
        if arrow_x:
            self.traces.append(_scatter(
                x=arrow_x, y=arrow_y, mode="lines+markers", legendgroup=group, showlegend=False, meta="arrows",
                line=dict(color=colour, width=2), hoverinfo="skip", opacity=0.7 if faded else 1.0,
                marker=dict(symbol=arrow_symbol, size=[0, 10, 0] * (len(arrow_x) // 3), color=colour), **axes,
            ))
        has_error = any(v is not None for v in pts["up"])
        error = dict(error_y=dict(type="data", symmetric=False, array=pts["up"], arrayminus=pts["down"], color=colour,
                                  thickness=2, width=6)) if has_error else {}
        self.traces.append(_scatter(
            x=pts["x"], y=pts["y"], mode="markers+text", name=name, legendgroup=group, showlegend=self._show(group),
            legendrank={"direct": 50, "proxy": 60, "context": 65}[group], meta="points",
            marker=dict(MARKERS[kind], symbol=_one_or_each(pts["symbol"]), size=_one_or_each(pts["size"]),
                        line=dict(width=_one_or_each(pts["width"]), color=colour)),
            **error,
            text=pts["text"], textposition=_one_or_each(pts["pos"]), cliponaxis=False,
            textfont=dict(size=12, color="#777777" if faded else colour), opacity=0.7 if faded else 1.0,
            hovertext=pts["hover"], hovertemplate="%{hovertext}<extra></extra>", **axes,
        ))

    def _derived_legend(self) -> None:
        """One legend entry for the derived marker (hollow with a dot) when a drawn figure is derived."""
        drawn = self.comparable + self.context + self.paces + self.context_paces
        if not any(e.observation.derived is not None for e in drawn):
            return
        self.traces.append(_scatter(
            x=[None], y=[None], mode="markers", name=self.loc.t("ui.chart.derived"), legendrank=68, meta="derived",
            marker=dict(symbol=DERIVED_SYMBOLS["direct"], size=11, color=PATH_COLOUR,
                        line=dict(width=2, color=PATH_COLOUR)), hoverinfo="skip",
        ))

    def _pace_asked(self) -> tuple[float | None, str | None]:
        """The pace the planned path asks of each year, and its unit, from the judge's progress of a pace figure."""
        ordered = sorted(self.paces, key=lambda e: self.a.deciding is None or e.observation.id
                         != self.a.deciding.observation.id)
        for e in ordered:
            p = e.progress
            if p is not None and p.pace_asked is not None:
                return p.pace_asked, p.pace_unit
        unit = next((e.progress.pace_unit for e in ordered if e.progress is not None and e.progress.pace_unit), None)
        return None, unit

    def _pace_panel(self) -> None:
        """A level goal's paces in their own reading: the pace asked each year (dashed) and each pace figure at its
        year, on an axis of its own under the levels, sharing the years."""
        loc = self.loc
        asked, unit = self._pace_asked()
        if unit is None:
            o = (self.paces + self.context_paces)[0].observation
            unit = "%" if o.measure in ("yoy_growth", "annual_growth_rate") else (o.unit or "")
        values = [0.0] + ([asked] if asked is not None else [])
        for e in self.paces + self.context_paces:
            values += self._bounds(e)
        lo, hi = min(values), max(values)
        span = (hi - lo) or abs(hi) or 1.0
        self.pace_range = (lo - span * 0.25 if lo < 0 else 0.0, hi + span * 0.45)
        self.pace_arrow = (self.pace_range[1] - self.pace_range[0]) * 0.15
        if asked is not None:
            x0 = self.a.start_year + 0.5
            x1 = self.g.target_year + 0.5
            words = loc.pace(asked, unit)
            self.traces.append(_scatter(
                x=[x0, x1], y=[asked, asked], mode="lines", name=loc.t("ui.chart.pace_asked", asked=words),
                legendrank=25, meta="pace_asked", xaxis="x2", yaxis="y2",
                line=dict(color=PATH_COLOUR, width=2, dash="dot"),  # dotted: not the level path's dashes
                hovertext=[esc(loc.t("ui.chart.pace_asked", asked=words))] * 2,
                hovertemplate="%{hovertext}<extra></extra>",
            ))
        self._evidence_marks(self.context_paces, "context", panel="pace")
        self._evidence_marks([e for e in self.paces if e.basis == "direct"], "direct", panel="pace")
        self._evidence_marks([e for e in self.paces if e.basis != "direct"], "proxy", panel="pace")
        measure = "annual_growth_rate" if unit == "%" else "annual_increase"
        self.pace_title = loc.t(f"ui.measure.{measure}", unit=loc.unit(unit))

    def _hover(self, e: EvidenceAccount, value: str) -> str:
        loc, o = self.loc, e.observation
        title = loc.document_title(e.document) if e.document else ""
        basis = loc.basis(e.basis)
        reason = loc.reasons(e.reasons)
        cols = 36 if loc.en else 72
        derived = loc.t("ui.chart.derived_hover", formula=o.derived.formula) if o.derived is not None else ""
        lines = [f"<b>{esc(value)}</b>  {esc(loc.years(o.first_year, o.last_year))}", lines_markup(title, cols),
                 esc(basis), lines_markup(derived, cols), lines_markup(reason, cols)]
        return "<br>".join(line for line in lines if line)

    def build(self) -> dict:
        loc = self.loc
        self._ranges()
        self._target_marks()
        self._baseline_and_path()
        self._evidence_marks(self.context, "context")
        self._evidence_marks([e for e in self.comparable if e.basis == "direct"], "direct")
        self._evidence_marks([e for e in self.comparable if e.basis != "direct"], "proxy")
        if self.pace_panel:
            self._pace_panel()
        self._derived_legend()
        notes = []
        if not self.comparable and not self.paces:
            notes.append(loc.t("ui.chart.none_drawn", n=self.set_aside_n) if self.set_aside_n
                         else loc.t("ui.chart.no_data"))
        elif self.set_aside_n:
            notes.append(loc.t("ui.chart.not_drawn", n=self.set_aside_n))
        if self.pace_other_unit:
            notes.append(loc.t("ui.chart.pace_other_unit", n=self.pace_other_unit))
        if self.not_drawn:
            notes.append(loc.t("chart.bounded", n=self.not_drawn))
        # The notes go under the badge, left-aligned and wrapped to a phone's width, so the two never overlap.
        note_lines = 0
        if notes:
            text = lines_markup(loc.clause_sep.join(notes), NOTE_COLS)
            note_lines = text.count("<br>") + 1
            self.annotations.append(dict(
                text=text, xref="paper", yref="paper", x=0, y=1.0, xanchor="left", yanchor="bottom", yshift=4,
                showarrow=False, font=dict(size=11, color="#555555"), align="left", name=SCREEN_NOTE))
        badge = _status_badge(self.a, loc)
        badge.update(y=1.0, yshift=4 + note_lines * NOTE_LINE_PX + (4 if note_lines else 0))
        self.annotations.append(badge)
        span = self.x_range[1] - self.x_range[0]
        height = 440 + note_lines * NOTE_LINE_PX + (PACE_PANEL_PX if self.pace_panel else 0)
        layout = _layout_dict(height, hovermode="closest")
        layout["margin"]["t"] = 44 + note_lines * NOTE_LINE_PX + (6 if note_lines else 0)
        if self.shapes:
            layout["shapes"] = self.shapes
        layout["annotations"] = self.annotations
        # Year labels stay horizontal: on a phone's width a label every year fits up to ten years.
        years = dict(dtick=1 if span <= 10.5 else (2 if span <= 20.5 else 5), tickangle=0, tickformat="d",
                     range=list(self.x_range), showgrid=True, gridcolor="#EEEEEE", zeroline=False)
        layout["xaxis"] = dict(years, automargin=True)
        # exponentformat none: 15000 stays 15000 (Chinese convention), never "15k"
        level_axis = dict(range=list(self.y_range), title=dict(text=esc(self._y_title()), font=dict(size=12)),
                          gridcolor="#EEEEEE", zeroline=False, automargin=True, exponentformat="none",
                          separatethousands=False, **self._y_ticks())
        if self.pace_panel:
            plot_px = height - 84  # about: the screen's margins
            level_domain, pace_domain = pace_domains(plot_px, 13, PACE_PANEL_PX)
            layout["yaxis"] = dict(level_axis, domain=level_domain)
            layout["xaxis"]["anchor"] = "y"
            layout["xaxis2"] = dict(years, anchor="y2", matches="x", showticklabels=True)
            layout["yaxis2"] = dict(domain=pace_domain, anchor="x2", range=list(self.pace_range), gridcolor="#EEEEEE",
                                    automargin=True, zeroline=True, zerolinecolor="#BBBBBB", exponentformat="none",
                                    separatethousands=False, nticks=pace_ticks(PACE_PANEL_PX, 13))
            # the pace axis's name written level above its panel: turned up its side it ran past a short panel
            self.annotations.append(dict(
                text=esc(self.pace_title), xref="paper", yref="paper", x=0, y=pace_domain[1], xanchor="left",
                yanchor="bottom", yshift=PACE_TITLE_SHIFT, showarrow=False, font=dict(size=12, color="#444444"),
                name=PACE_TITLE))
        else:
            layout["yaxis"] = level_axis
        return {"data": self.traces, "layout": layout}

    def _y_ticks(self) -> dict:
        """Ticks in the unit the labels speak: English labels scale 亿元 to billions (12.09 billion yuan), so the
        axis does too, by placing its own tick words on the same values."""
        scale = AXIS_SCALE_EN.get(self.g.unit or "") if self.loc.en and self.g.measure == "level" else None
        if scale is None:
            return {}
        factor, _ = scale
        y0, y1 = self.y_range
        step = _nice_step((y1 - y0) / 5)
        first = math.ceil(y0 / step) * step
        vals = [first + k * step for k in range(int((y1 - first) / step) + 1)]
        return dict(tickmode="array", tickvals=vals, ticktext=[self.loc.number(v * factor) for v in vals])

    def _y_title(self) -> str:
        g = self.g
        scale = AXIS_SCALE_EN.get(g.unit or "") if self.loc.en and g.measure == "level" else None
        unit = scale[1] if scale else self.loc.unit(g.unit)
        return self.loc.t(f"ui.measure.{g.measure}", unit=unit)


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least `raw`."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _one_or_each(values: list) -> Any:
    """A per-point style as one value when every point has it (plotly applies it to all): each page's chart
    data is then a list shorter for every such style."""
    return values[0] if len(set(values)) == 1 else values


def _scatter(**props) -> dict:
    """A scatter trace as plain data (what `go.Scatter(**props)` writes, without its validation)."""
    return {**props, "type": "scatter"}


# ---------------------------------------------------------------------------------------------- overview


class Judged(Protocol):
    """What the overview (its chart, its view and the goal table) reads of a goal's judgement: a GoalAccount or the
    app's lighter Summary."""

    @property
    def goal(self) -> Goal: ...

    @property
    def status(self) -> str: ...

    @property
    def basis(self) -> str | None: ...

    @property
    def evidence_years(self) -> Years | None: ...


def group_order(loc: Locale, present: Iterable[str]) -> list[str]:
    """The groups present, in the plan's order (groups the plan does not list last, by id)."""
    present = set(present)
    plan = loc.data.plan if loc.data else None
    order = [g.id for g in plan.groups] if plan else []
    return [g for g in order if g in present] + sorted(present - set(order))


def overview_figure(assessments: Iterable[Judged], loc: Locale) -> go.Figure:
    """Goals by status in each group: horizontal stacked bars, one colour per status, a proxy status apart (hatched,
    its legend word says proxy: a status from proxy evidence reads as one wherever it appears)."""
    items = list(assessments)
    tally = Counter((a.goal.group, a.status, a.basis == "proxy") for a in items)
    groups = group_order(loc, {a.goal.group for a in items})
    labels = [loc.group(g) for g in groups]
    fig = go.Figure()
    for status in STATUSES:
        for proxy in (False, True):
            counts = [tally[(g, status, proxy)] for g in groups]
            if not any(counts):
                continue
            # a proxy status reads with its evidence year here too ("代用数据：符合进度（2007年）"), over the
            # span of the goals it counts
            spans = [a.evidence_years for a in items
                     if a.status == status and (a.basis == "proxy") == proxy and a.evidence_years is not None]
            years = Years(min(y.first for y in spans), max(y.last for y in spans)) if proxy and spans else None
            word = loc.status(status, "proxy" if proxy else None, years)
            fig.add_trace(go.Bar(
                y=labels, x=counts, orientation="h", name=word,
                marker=dict(color=status_colour(status), line=dict(color="white", width=1),
                            pattern=dict(shape="/" if proxy else "", fgcolor="white", fgopacity=0.6)),
                text=[str(c) if c else "" for c in counts], textposition="inside", insidetextanchor="middle",
                textfont=dict(color="#000000"), textangle=0,
                hovertext=[f"{esc(lab)}{loc.colon}{esc(word)} {c}" for lab, c in zip(labels, counts, strict=True)],
                hovertemplate="%{hovertext}<extra></extra>",
            ))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", automargin=True, title=None)
    widest = max((sum(n for (grp, _, _), n in tally.items() if grp == g) for g in groups), default=0)
    # A tick every 5 goals reads well for one plan; for thousands of goals it would be thousands of ticks (which
    # took the browser 30 s to draw at 100x), so plotly chooses there.
    fig.update_xaxes(title=dict(text=esc(loc.t("ui.chart.count")), font=dict(size=12)),
                     dtick=5 if widest <= 60 else None, gridcolor="#EEEEEE")
    height = 110 + 30 * max(len(groups), 1)
    _layout(fig, height)
    fig.update_layout(legend=dict(orientation="h", yref="paper", yanchor="bottom", y=1.01, x=0, xanchor="left", traceorder="normal"),
                      margin=dict(l=10, r=16, t=60, b=40))
    return fig


# ---------------------------------------------------------------------------------------------- coherence


def verdict_shade(f: Finding, within: float) -> str:
    """How a coherence finding is coloured and worded: the judge's verdict, with "consistent" split by its gap:
    within the margin it agrees; beyond it the judge's "consistent" (a floor that allows the level) is
    `consistent_apart`, shown as such."""
    if f.verdict == "consistent" and f.gap is not None and abs(f.gap) > within:
        return "consistent_apart"
    return f.verdict


def verdict_word(f: Finding, loc: Locale) -> str:
    within = _within(loc)
    return loc.t(f"ui.coherence.{verdict_shade(f, within)}", within=loc.pct(within))


def _within(loc: Locale) -> float:
    return loc.data.assessment.consistent_within if loc.data is not None else AssessmentConfig().consistent_within


def _finding_label(f: Finding, loc: Locale) -> str:
    """'增速偏低 −24.4%：pace goal → level goal', wrapped to fit a phone (CJK glyphs are about twice as wide)."""
    other = f.level_goal or f.other_goal
    pace = loc.goal_name(f.pace_goal)
    level = loc.goal_name(other) if other else ""
    word = verdict_word(f, loc)
    gap = f"\u00a0{f.gap * 100:+.1f}%".replace("-", "−") if f.gap is not None else ""  # no break before it
    head = word + gap + loc.colon
    text = lines_markup(f"{head}{pace} → {level}", 44)
    return f"<b>{esc(head)}</b>" + text[len(esc(head)):] if text.startswith(esc(head)) else text


ROW_LINE_PX, BAR_PX = 17, 16


def coherence_figure(findings: Sequence[Finding], loc: Locale) -> go.Figure:
    """Where a pace and a level are set for one quantity: how far the level at the stated pace lies from the
    stated level (per cent of the level). Within ±1% is rounding; unverifiable pairs have no bar.

    Each pair is labelled above its bar across the full width (verdict word, gap, the two goals), so the
    bars keep the whole width on a narrow screen; the y axis itself carries no text."""
    fig = go.Figure()
    keys = [str(i) for i in range(len(findings))]
    labels = [_finding_label(f, loc) for f in findings]
    lines = max((lab.count("<br>") + 1 for lab in labels), default=1)
    row = ROW_LINE_PX * lines + BAR_PX + 22
    within = _within(loc)
    fig.add_vrect(x0=-within * 100, x1=within * 100, fillcolor="rgba(0,158,115,0.12)", line_width=0, layer="below")
    shades = [verdict_shade(f, within) for f in findings]
    for verdict in VERDICT_COLOURS:
        rows = [(k, f) for k, f, shade in zip(keys, findings, shades, strict=True) if shade == verdict]
        if not rows:
            continue
        xs = [(f.gap or 0.0) * 100 for _, f in rows]
        hover = [lines_markup(loc.reason(f.reason), 40 if loc.en else 80) for _, f in rows]
        fig.add_trace(go.Bar(
            y=[k for k, _ in rows], x=xs, orientation="h", name=loc.t(f"ui.coherence.{verdict}", within=loc.pct(within)),
            marker=dict(color=VERDICT_COLOURS[verdict], line=dict(color="#333333", width=0.5)),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        ))
    # all labels in one assignment: each add_annotation revalidates every annotation before it (quadratic)
    fig.update_layout(annotations=[*fig.layout.annotations, *(
        dict(text=label, xref="paper", x=0, xanchor="left", yref="y", y=k, yanchor="bottom", yshift=BAR_PX // 2 + 2,
             showarrow=False, align="left", font=dict(size=12), bgcolor="rgba(255,255,255,0.85)")
        for k, label in zip(keys, labels, strict=True))])
    gaps = [abs(f.gap) * 100 for f in findings if f.gap is not None] or [5.0]
    reach = max(gaps) * 1.15 + 2
    fig.update_yaxes(categoryorder="array", categoryarray=keys, autorange="reversed", showticklabels=False,
                     title=None, showgrid=False)
    fig.update_xaxes(range=[-reach, reach], zeroline=True, zerolinecolor="#333333", zerolinewidth=1.5,
                     ticksuffix="%", gridcolor="#EEEEEE",
                     title=dict(text=lines_markup(loc.t("ui.chart.gap_axis"), 46),  # a phone's width
                                font=dict(size=12)))
    _layout(fig, 130 + row * max(len(findings), 1), bargap=1 - BAR_PX / row)
    fig.update_layout(legend=dict(orientation="h", yref="paper", yanchor="bottom", y=1.01, x=0, xanchor="left"),
                      margin=dict(l=12, r=16, t=60, b=70))
    return fig
