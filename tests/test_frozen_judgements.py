"""The layout for many plans changes no judgement: today's `assess --format json` of the real data, frozen in
tests/data/frozen/assess-first-plan.json before the change, is compared goal by goal with the output now.

Fields added since the freeze (a goal's `plan`, the contract's `plans`) are not compared; every other field is.
The fixture is refreshed only by a change that is meant to alter judgements (say so in its commit):

    .venv/bin/python -m dashboard assess --format json > tests/data/frozen/assess-first-plan.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.cli import main

FROZEN = Path(__file__).parent / "data" / "frozen" / "assess-first-plan.json"
ADDED_GOAL_FIELDS = {"plan"}


@pytest.fixture(scope="module")
def now() -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["assess", "--format", "json"])
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def frozen() -> dict:
    return json.loads(FROZEN.read_text(encoding="utf-8"))


def _first_plan_goals(doc: dict) -> dict[str, dict]:
    first = doc["plan"]["id"]
    return {g["id"]: {k: v for k, v in g.items() if k not in ADDED_GOAL_FIELDS}
            for g in doc["goals"] if g.get("plan", first) == first}


def test_the_first_plan_is_the_frozen_plan(now, frozen):
    assert now["plan"] == frozen["plan"]
    assert now["contract_version"] == frozen["contract_version"]


def test_every_frozen_goal_judges_as_before(now, frozen):
    before, after = _first_plan_goals(frozen), _first_plan_goals(now)
    assert len(before) >= 75
    assert sorted(after) == sorted(before)
    changed = [gid for gid in before if after[gid] != before[gid]]
    for gid in changed[:3]:  # the first few differences, field by field, to read in the failure
        diff = {k: (before[gid].get(k), after[gid].get(k)) for k in before[gid].keys() | after[gid].keys()
                if before[gid].get(k) != after[gid].get(k)}
        print(gid, json.dumps(diff, ensure_ascii=False)[:2000])
    assert not changed


def test_coherence_and_documents_as_before(now, frozen):
    assert now["coherence"] == frozen["coherence"]
    assert now["documents"] == frozen["documents"]
