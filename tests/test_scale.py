"""The synthetic data of the scale benchmark (benchmarks/synth.py) is valid data in the project's format:
it loads without a problem, every quote verified, and the judge agrees with the naive oracle on it."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.synth import STRAY_OBSERVATIONS, generate
from dashboard.records.load import load
from tests.test_judge_oracle import compare


@pytest.mark.parametrize("size", [1, 2])
def test_generated_data_loads_valid_and_assesses(tmp_path, size):
    stats = generate(tmp_path / "data", tmp_path / "sources", size)
    data, report = load(tmp_path / "data", tmp_path / "sources")
    assert report.valid, [str(p) for p in report.problems[:5]]
    assert report.quotes_verified and not report.problems
    assert sum(c.rejected for c in report.counts) == 0
    assert (len(data.goals), len(data.observations), len(data.documents)) == (
        stats.goals, stats.observations, stats.documents)
    assert stats.goals == 75 * size and stats.observations > 900 * size
    assert {g.area for g in data.goals} == {f"d{d + 1:06d}" for d in range(size)}
    compare(data)
    from dashboard.judge import Judge

    judge = Judge(data)
    counts = Counter(judge.summary()["status"].astype(str))
    assert len(counts) >= 4, counts  # a mix of judgements, not one
    pairs = judge.pairs()
    relations = Counter(pairs["area_relation"])
    assert relations[0] and relations[1] and relations[2]  # same, parent, other
    stray = pairs[pairs["observation"].str.startswith("elsewhere-")]
    assert len(stray) and not stray["comparable"].any()
    assert STRAY_OBSERVATIONS >= stray["observation"].nunique()


def test_generator_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", tmp_path / "a-src", 1, seed=3)
    b = generate(tmp_path / "b", tmp_path / "b-src", 1, seed=3)
    assert a == b
    for path in (tmp_path / "a").rglob("*.yaml"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
