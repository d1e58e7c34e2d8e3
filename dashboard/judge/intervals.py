"""Interval logic: a figure with its qualifier against a target region. Pure, no I/O.

"<2%" meets "≤3%"; "94%以上" neither meets nor misses "≥95%" (it cannot tell).
"""

from __future__ import annotations

from typing import Literal

from dashboard.records.model import APPROX_TOLERANCE, Goal, Interval

Verdict = Literal["meets", "misses", "cannot_tell"]


def target_region(comparator: str, target: float) -> Interval:
    tol = abs(target) * APPROX_TOLERANCE
    match comparator:
        case ">=":
            return Interval(lower=target, upper=None)
        case ">":
            return Interval(lower=target, upper=None, lower_open=True)
        case "<=":
            return Interval(lower=None, upper=target)
        case "<":
            return Interval(lower=None, upper=target, upper_open=True)
        case "≈":
            return Interval(lower=target - tol, upper=target + tol)
        case "=":
            return Interval.point(target)
    raise ValueError(f"no numeric region for comparator {comparator!r}")


def goal_region(goal: Goal) -> Interval:
    assert goal.target is not None
    return target_region(goal.comparator, goal.target)


def _lower_ok(inner: Interval, outer: Interval) -> bool:
    """inner's lower end lies at or above outer's lower end."""
    if outer.lower is None:
        return True
    if inner.lower is None:
        return False
    if inner.lower > outer.lower:
        return True
    return inner.lower == outer.lower and (inner.lower_open or not outer.lower_open)


def _upper_ok(inner: Interval, outer: Interval) -> bool:
    if outer.upper is None:
        return True
    if inner.upper is None:
        return False
    if inner.upper < outer.upper:
        return True
    return inner.upper == outer.upper and (inner.upper_open or not outer.upper_open)


def contains(outer: Interval, inner: Interval) -> bool:
    """Every value of inner lies in outer."""
    return _lower_ok(inner, outer) and _upper_ok(inner, outer)


def disjoint(a: Interval, b: Interval) -> bool:
    """No value lies in both."""

    def below(x: Interval, y: Interval) -> bool:  # x lies entirely below y
        if x.upper is None or y.lower is None:
            return False
        return x.upper < y.lower or (x.upper == y.lower and (x.upper_open or y.lower_open))

    return below(a, b) or below(b, a)


def judge(observed: Interval, region: Interval) -> Verdict:
    if contains(region, observed):
        return "meets"
    if disjoint(observed, region):
        return "misses"
    return "cannot_tell"
