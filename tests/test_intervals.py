"""Qualifiers are intervals; meeting a target means lying wholly inside its region. 左右 follows the indicator's
direction. Hand-computed."""

import pytest

from dashboard.judge.rules import figure_bounds, region_bounds, verdict_of

CASES = [
    # observed (value, qualifier), target (comparator, value[, direction]) → verdict
    ((2, "以内"), ("<=", 3), "meets"),  # "<2%" meets "≤3%"
    ((2, "不到"), ("<=", 3), "meets"),
    ((2, "以下"), ("<=", 3), "meets"),
    ((2, "不超过"), ("<=", 3), "meets"),
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
    ((15, "左右"), ("≈", 15), "meets"),  # [14.25, 15.75] ⊆ [14.25, 15.75] (no direction: two-sided)
    ((16, None), ("≈", 15), "misses"),  # 16 > 15.75
    ((15.5, None), ("≈", 15), "meets"),
    ((29, "不到"), (">", 30), "misses"),
    ((30, "近"), (">=", 30), "misses"),  # nearly 30: [28.5, 30) never reaches 30
    # 左右 follows the direction: met from the near edge of the band on
    ((16, None), ("≈", 15, "higher"), "meets"),  # beyond the band: exceeded (超额完成)
    ((14.5, None), ("≈", 15, "higher"), "meets"),  # inside the band
    ((14, None), ("≈", 15, "higher"), "misses"),  # below the near edge 14.25
    ((-22, None), ("≈", -20, "lower"), "meets"),  # a deeper cut than −20%左右 (band −21…−19)
    ((-18, None), ("≈", -20, "lower"), "misses"),  # short of the near edge −19
    ((26, None), ("≈", 24, "neutral"), "misses"),  # a projection: above the expected band [22.8, 25.2]
    ((23, None), ("≈", 24, "neutral"), "meets"),
]


@pytest.mark.parametrize("observed, target, verdict", CASES)
def test_interval_against_target(observed, target, verdict):
    assert verdict_of(figure_bounds(*observed), region_bounds(*target)) == verdict


def test_approximate_tolerance_is_five_percent_of_the_value_by_default():
    a = figure_bounds(24, "左右")
    assert (a.lower, a.upper) == pytest.approx((22.8, 25.2))
    b = figure_bounds(24, "左右", tolerance=0.1)  # a plan may set its own (plan.yaml assessment)
    assert (b.lower, b.upper) == pytest.approx((21.6, 26.4))


@pytest.mark.parametrize("q, lower, upper, lo_open, up_open", [
    ("以上", 5, None, False, False), ("超过", 5, None, True, False), ("以内", None, 5, False, False),
    ("以下", None, 5, False, False), ("不超过", None, 5, False, False),
    ("不到", None, 5, False, True), ("低于", None, 5, False, True), ("达", 5, 5, False, False), (None, 5, 5, False, False),
])
def test_qualifier_bounds(q, lower, upper, lo_open, up_open):
    i = figure_bounds(5, q)
    assert (i.lower, i.upper, i.lower_open, i.upper_open) == (lower, upper, lo_open, up_open)


@pytest.mark.parametrize("comparator, direction, lower, upper", [
    ("≈", "higher", 14.25, None), ("≈", "lower", None, 15.75), ("≈", "neutral", 14.25, 15.75), ("≈", None, 14.25, 15.75),
    (">=", None, 15, None), ("<", None, None, 15),
])
def test_target_regions(comparator, direction, lower, upper):
    r = region_bounds(comparator, 15, direction)
    assert (r.lower, r.upper) == (pytest.approx(lower) if lower else None, pytest.approx(upper) if upper else None)
