"""Qualifiers are intervals; meeting a target means lying wholly inside its region. Hand-computed."""

import pytest

from dashboard.judge.intervals import judge, target_region
from dashboard.records.model import Interval

iv = Interval.from_qualifier

CASES = [
    # observed (value, qualifier), target (comparator, value) → verdict
    ((2, "以内"), ("<=", 3), "meets"),  # "<2%" meets "≤3%"
    ((2, "不到"), ("<=", 3), "meets"),
    ((94, "以上"), (">=", 95), "cannot_tell"),  # "94%以上" neither meets nor misses "≥95%"
    ((96, "以上"), (">=", 95), "meets"),
    ((95, "以上"), (">=", 95), "meets"),  # boundary: [95, ∞) ⊆ [95, ∞)
    ((95, "以上"), (">", 95), "cannot_tell"),  # 95 itself is not > 95
    ((95, "超过"), (">", 95), "meets"),  # (95, ∞) ⊆ (95, ∞)
    ((39.9, None), (">=", 40), "misses"),
    ((40, "达到"), (">=", 40), "meets"),
    ((3, None), ("<", 3), "misses"),  # a point on an open boundary lies outside
    ((1, "以内"), ("<=", 3), "meets"),
    ((4, "以内"), ("<=", 3), "cannot_tell"),  # ≤4 may or may not be ≤3
    ((5, "以上"), ("<=", 3), "misses"),
    ((15, "左右"), ("≈", 15), "meets"),  # [14.25, 15.75] ⊆ [14.25, 15.75]
    ((16, None), ("≈", 15), "misses"),  # 16 > 15.75
    ((15.5, None), ("≈", 15), "meets"),
    ((29, "不到"), (">", 30), "misses"),
    ((30, "近"), (">=", 30), "misses"),  # nearly 30: [28.5, 30) never reaches 30
]


@pytest.mark.parametrize("observed, target, verdict", CASES)
def test_interval_against_target(observed, target, verdict):
    assert judge(iv(*observed), target_region(*target)) == verdict


def test_approximate_tolerance_is_five_percent_of_the_value():
    a = iv(24, "左右")
    assert (a.lower, a.upper) == pytest.approx((22.8, 25.2))


@pytest.mark.parametrize("q, lower, upper, lo_open, up_open", [
    ("以上", 5, None, False, False), ("超过", 5, None, True, False), ("以内", None, 5, False, False),
    ("不到", None, 5, False, True), ("低于", None, 5, False, True), ("达", 5, 5, False, False), (None, 5, 5, False, False),
])
def test_qualifier_bounds(q, lower, upper, lo_open, up_open):
    i = iv(5, q)
    assert (i.lower, i.upper, i.lower_open, i.upper_open) == (lower, upper, lo_open, up_open)
