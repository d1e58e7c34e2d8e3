"""One indicator across plans: every plan's goals for it and every figure of it, on one time axis.

Pure: records and the judge's accounts in, a table's rows and a plotly figure out. Each plan's targets are drawn
as the judge's planned path within that plan's own period (a plan's target year is the next plan's base year);
figures of every area are drawn, marked by area; a figure of another area is context, never evidence (each
goal's status is the judge's, per plan).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.judge.account import GoalAccount
from dashboard.present.charts import AXIS_SCALE_EN, STATUS_COLOURS, _layout, _nice_step
from dashboard.present.locale import Locale
from dashboard.present.text import esc, lines_markup
from dashboard.records.model import Dataset, Goal, Observation, Plan

#: One colour per plan, in the order of time (Okabe–Ito, distinguishable in colour-blind vision).
PLAN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00")
#: A legend entry's width in display columns before it wraps (a phone's screen holds about 50 at 12 px).
LEGEND_COLUMNS = 40
#: One marker per area of the figures.
AREA_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "star")


@dataclass(frozen=True)
class PlanGoal:
    plan: Plan
    account: GoalAccount

    @property
    def goal(self) -> Goal:
        return self.account.goal


def plan_goals(data: Dataset, accounts: dict[str, GoalAccount], indicator: str) -> list[PlanGoal]:
    """The goals of every plan that measure this indicator, plans in the order of time, each plan's in its order."""
    out = []
    for plan in data.plans:
        for g in data.goals_of(plan.id):
            if g.indicator == indicator and g.id in accounts:
                out.append(PlanGoal(plan, accounts[g.id]))
    return out


def figures_of(data: Dataset, indicator: str) -> list[Observation]:
    return [o for o in data.observations if o.indicator == indicator and o.value is not None]


def drawn_unit(goals: list[PlanGoal], figures: list[Observation]) -> str | None:
    """The unit of the level axis: the level goals' most common unit, else the level figures'."""
    units = Counter(p.goal.unit for p in goals if p.goal.measure == "level" and p.goal.target is not None)
    if not units:
        units = Counter(o.unit for o in figures if o.measure == "level")
    return units.most_common(1)[0][0] if units else None


def indicator_figure(data: Dataset, goals: list[PlanGoal], figures: list[Observation], loc: Locale,
                     height: int = 460) -> go.Figure:
    """Level goals as their planned paths (or baseline → target), one colour per plan, each plan's period shaded;
    level figures in the same unit as points, one marker per area."""
    unit = drawn_unit(goals, figures)
    fig = go.Figure()
    drawn: list[float] = []  # every value drawn, for the axis's ticks
    colour = {p.id: PLAN_COLOURS[k % len(PLAN_COLOURS)] for k, p in enumerate(data.plans)}
    shown_plans = {p.plan.id: p.plan for p in goals}
    # each plan's period shaded in its colour and labelled with its years (its name is in the legend), each label a
    # line lower than the last: periods may overlap. Given to plotly at once, as the dicts `add_vrect` makes: each of
    # its calls validated every shape and label again (a hundred plans' periods took 10 s a chart)
    shapes, labels = [], []
    for k, plan in enumerate(shown_plans.values()):
        x0 = plan.period[0] - 0.5
        shapes.append(dict(type="rect", x0=x0, x1=plan.period[1] + 0.5, xref="x", y0=0, y1=1, yref="y domain",
                           fillcolor=colour[plan.id], opacity=0.07, line=dict(width=0)))
        labels.append(dict(text=_esc(loc.t("plans.period", first=plan.period[0], last=plan.period[1])), x=x0,
                           xref="x", y=1, yref="y domain", xanchor="left", yanchor="top", showarrow=False,
                           font=dict(size=11, color=colour[plan.id]), yshift=-16 * k))
    fig.update_layout(shapes=shapes, annotations=labels)
    traces = []
    for p in goals:
        g, a = p.goal, p.account
        if g.measure != "level" or g.target is None or g.unit != unit:
            continue
        points = list(a.path_points) or ([(g.baseline.year, g.baseline.value)] if g.baseline else []) + [
            (g.target_year, g.target)]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        name = loc.goal_name(g)
        label = (loc.t("indicator.target_series", plan=_plan_name(p.plan, loc), goal=name, year=g.target_year)
                 if str(g.target_year) not in name  # "GDP in 2008 (2008)" said its year twice
                 else loc.t("indicator.target_series.named", plan=_plan_name(p.plan, loc), goal=name))
        drawn += ys
        status = loc.status(a.status, a.basis)
        traces.append(go.Scatter(
            x=xs, y=ys, mode="lines+markers", name=lines_markup(label, LEGEND_COLUMNS), line=dict(color=colour[p.plan.id], width=2, dash="dot"),
            marker=dict(size=[4] * (len(xs) - 1) + [12], symbol="star", color=STATUS_COLOURS.get(a.status),
                        line=dict(color=colour[p.plan.id], width=2)),
            hovertext=[f"{_esc(label)}<br>{x}: {_esc(loc.value(y, unit))}<br>{_esc(status)}" for x, y in points],
            hovertemplate="%{hovertext}<extra></extra>"))
    by_area: dict[str, list[Observation]] = {}
    for o in figures:
        if o.measure == "level" and o.unit == unit:
            by_area.setdefault(o.area, []).append(o)
    areas = {a.id: a for a in data.areas}
    for k, (area_id, obs) in enumerate(sorted(by_area.items())):
        area = areas.get(area_id)
        name = loc.pick(area.name, area.name_en) if area else area_id
        obs.sort(key=lambda o: o.last_year)
        traces.append(go.Scatter(
            x=[o.last_year for o in obs], y=[o.value for o in obs], mode="markers",
            name=lines_markup(loc.t("indicator.figure_series", area=name), LEGEND_COLUMNS),
            marker=dict(size=9, symbol=AREA_SYMBOLS[k % len(AREA_SYMBOLS)], color="#333333"),
            hovertext=[f"{_esc(name)} {o.last_year}: {_esc(loc.value(o.value, o.unit))} ({o.document})"
                       for o in obs if o.value is not None],
            hovertemplate="%{hovertext}<extra></extra>"))
    fig.add_traces(traces)
    _layout(fig, height)
    # the years' step left to plotly: a run of twenty years a year apart stood on end on a phone
    fig.update_xaxes(title=dict(text=_esc(loc.t("indicator.axis_year")), font=dict(size=12)), tickformat="d", showgrid=True, gridcolor="#eeeeee")
    fig.update_yaxes(title=dict(text=_esc(loc.unit(unit)) if unit else "", font=dict(size=12)), showgrid=True,
                     gridcolor="#eeeeee", rangemode="tozero")
    fig.update_layout(margin=dict(l=56, r=24, t=44, b=120))
    drawn += [o.value for obs in by_area.values() for o in obs if o.value is not None]
    scale = AXIS_SCALE_EN.get(unit or "") if loc.en else None
    if scale is not None and drawn:  # English labels scale 亿元 to billions: the axis too, as a goal's chart does
        factor, words = scale
        top = max(drawn) * 1.08
        step = _nice_step(top / 5)
        ticks = [k * step for k in range(int(top / step) + 1)]
        fig.update_yaxes(range=[0, top], tickmode="array", tickvals=ticks, ticktext=[loc.number(v * factor) for v in ticks],
                         title=dict(text=_esc(words)))
    return fig


def _plan_name(plan: Plan, loc: Locale) -> str:
    return loc.pick(plan.short_name or plan.name, plan.short_name_en or plan.name_en)


def _esc(text: object) -> str:
    return esc(str(text))
