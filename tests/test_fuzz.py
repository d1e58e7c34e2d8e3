"""Fuzzing the loader and property tests of the engine (seeded, bounded: they run in CI every time).

The loader must never crash, never execute anything, and always answer with located problems.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.judge import Judge
from dashboard.judge.rules import figure_bounds, region_bounds, verdict_of
from dashboard.records.load import load
from tests.builders import dataset, goal, obs
from tests.conftest import MINIMAL

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
GOALS_FILE = (MINIMAL / "targets" / "goals-test.yaml").read_text(encoding="utf-8")
LINES = GOALS_FILE.splitlines()

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from([".nan", ".inf", "-.inf", "1e999", "-40", "~", "''", "[]", "{}", "!!python/object:os.system",
                     "!!binary aGVsbG8=", "&a [*a]", "2010年", "四十", "<script>alert(1)</script>", "'\x00'"]),
)


def _mutate(draw_kind: int, line_no: int, payload) -> str:
    lines = list(LINES)
    i = line_no % len(lines)
    line = lines[i]
    if draw_kind == 0 and ":" in line:  # replace a value
        key = line.split(":", 1)[0]
        lines[i] = f"{key}: {payload}"
    elif draw_kind == 1:  # delete a line (a missing field, or a broken structure)
        del lines[i]
    elif draw_kind == 2:  # duplicate a line (a duplicate key)
        lines.insert(i, line)
    elif draw_kind == 3:  # insert an unknown field
        indent = len(line) - len(line.lstrip())
        lines.insert(i, " " * indent + f"unexpected_{line_no}: {payload}")
    elif draw_kind == 4:  # truncate the file
        return "\n".join(lines)[: line_no * 7]
    elif draw_kind == 5:  # deep nesting
        depth = 50 + line_no * 20
        return "goals:\n  - " + "[" * depth + "]" * depth + "\n"
    elif draw_kind == 6:  # a change of indentation
        lines[i] = "   " + line
    return "\n".join(lines) + "\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "data"
    shutil.copytree(MINIMAL, r)
    return r


def _assert_located(report, file: str):
    for p in report.problems:
        assert p.file, p
        assert p.code and p.message, p
        assert str(p).startswith(p.file)
        if p.file == file and p.code not in ("yaml-syntax", "not-utf8", "bad-layout", "unsafe-tag", "empty-file", "file-too-large"):
            assert p.line is not None, str(p)


@FUZZ
@given(kind=st.integers(0, 6), line_no=st.integers(0, 200), payload=scalars)
def test_mutated_yaml_never_crashes_and_errors_are_located(root, kind, line_no, payload):
    text = _mutate(kind, line_no, payload)
    (root / "targets" / "goals-test.yaml").write_text(text, encoding="utf-8")
    data, report = load(root, root / "sources")
    _assert_located(report, "targets/goals-test.yaml")
    # nothing valid is lost: the untouched files still load in full
    assert len(data.observations) == 4 and data.plan is not None
    loaded = next(c for c in report.counts if c.file == "targets/goals-test.yaml")
    assert loaded.loaded == len(data.goals)


@FUZZ
@given(blob=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(root, blob):
    (root / "targets" / "goals-test.yaml").write_bytes(blob)
    data, report = load(root, root / "sources")
    _assert_located(report, "targets/goals-test.yaml")
    assert len(data.observations) == 4


def test_python_tags_are_refused_not_executed(root, tmp_path):
    marker = tmp_path / "pwned"
    payload = f'goals:\n  - !!python/object/apply:os.system ["touch {marker}"]\n'
    (root / "targets" / "goals-test.yaml").write_text(payload, encoding="utf-8")
    _, report = load(root, root / "sources")
    assert not marker.exists()
    assert [p.code for p in report.errors] == ["unsafe-tag"]


# --- engine properties ------------------------------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
qualifiers = st.sampled_from([None, "达到", "以上", "超过", "以内", "不到", "左右", "约", "近"])
comparators = st.sampled_from([">=", ">", "<=", "<", "≈"])
RANK = {"missed": 0, "off_track": 1, "indeterminate": 2, "on_track": 3, "achieved": 4, "no_comparable_data": 2}


@FUZZ
@given(v1=st.floats(0, 100), dv=st.floats(0, 50), year=st.integers(2006, 2020), q=qualifiers)
def test_raising_an_actual_never_worsens_a_floor_goal(v1, dv, year, q):
    g = goal()
    s1 = Judge(dataset([g], [obs(year=year, value=v1, qualifier=q)])).account("g").status
    s2 = Judge(dataset([g], [obs(year=year, value=v1 + dv, qualifier=q)])).account("g").status
    assert RANK[s2] >= RANK[s1], (v1, v1 + dv, year, q, s1, s2)


@FUZZ
@given(comp=comparators, target=finite, inside=st.floats(0.01, 0.99))
def test_a_point_strictly_inside_the_target_region_meets(comp, target, inside):
    region = region_bounds(comp, target)
    lo = region.lower if region.lower is not None else target - 1000
    hi = region.upper if region.upper is not None else target + 1000
    if hi <= lo:
        return
    v = lo + (hi - lo) * inside
    if not (lo < v < hi):
        return
    assert verdict_of(figure_bounds(v, None), region) == "meets"


@FUZZ
@given(value=st.floats(0, 1e4), year=st.integers(2000, 2025), q=qualifiers,
       indicator=st.sampled_from(["gdp", "green_space_rate", "income"]))
def test_area_rules_are_never_bypassed(value, year, q, indicator):
    g = goal(indicator=indicator, unit="%", target=40, baseline=(35, 2005))
    figures = [obs(id="other", indicator=indicator, area="elsewhere", year=year, value=value, qualifier=q),
               obs(id="parent", indicator=indicator, area="city", year=year, value=value, qualifier=q)]
    by_id = {e.observation.id: e for e in Judge(dataset([g], figures)).account("g").evidence}
    assert not by_id["other"].comparable and by_id["other"].basis is None
    parent = by_id["parent"]
    if indicator == "gdp":  # a total of a larger area: never, whatever the declaration
        assert not parent.comparable and parent.excluded_by == "area.parent.total"
    elif parent.comparable:  # a larger area's figure counts only as a proxy, and only as far as declared
        assert parent.basis == "proxy" and parent.stand_in is not None


@FUZZ
@given(b=st.floats(1, 1e5), t=st.floats(1, 1e5), year=st.integers(2006, 2009), v=st.floats(0.5, 2e5))
def test_progress_numbers_are_finite(b, t, year, v):
    g = goal(indicator="income", unit="元", target=t, baseline=(b, 2005))
    a = Judge(dataset([g], [obs(indicator="income", unit="元", year=year, value=v)])).account("g")
    p = a.deciding.progress
    if a.path in ("compound", "linear") and p.required is not None:
        assert math.isfinite(p.required)
    for x in (p.completion, p.growth_ratio, p.time_share, p.pace_achieved, p.pace_asked, p.pace_needed):
        assert x is None or math.isfinite(x)
