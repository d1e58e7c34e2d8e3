"""The loader: every kind of bad input gives its located error; nothing valid is lost."""

from __future__ import annotations

import shutil

import pytest

from dashboard.cli import main
from dashboard.records.load import load
from tests.conftest import INVALID

# fixture file (replaces targets/goals-test.yaml) → expected (code, line, record, field)
CASES = [
    ("type-mismatch", "type-mismatch", 10, "gdp-2010", "target"),  # a word where a number belongs
    ("missing-field", "missing-field", 2, "gdp-2010", "indicator"),  # line of the record when the key is absent
    ("unknown-field", "unknown-field", 13, "gdp-2010", "colour"),
    ("unknown-unit", "unknown-unit", 8, "gdp-2010", "unit"),
    ("year-out-of-range", "year-out-of-range", 11, "gdp-2010", "target_year"),
    ("quote-not-in-source", "quote-not-in-source", 12, "gdp-2010", "quote"),  # 达到 vs the plan's 达
    ("number-not-in-quote", "number-not-in-quote", 10, "gdp-2010", "target"),
    ("unknown-reference", "unknown-reference", 7, "gdp-2010", "indicator"),
    ("invalid-value", "not-allowed", 9, "gdp-2010", "comparator"),
    ("duplicate-id", "duplicate-id", 13, "gdp-2010", "id"),  # the second record with the id is the one rejected
    ("duplicate-key", "duplicate-key", 12, "gdp-2010", "target"),
    ("nan-target", "invalid-value", 10, "gdp-2010", "target"),
    ("yaml-syntax", "yaml-syntax", 4, None, None),
    ("unsafe-tag", "unsafe-tag", 2, None, None),
    ("not-utf8", "not-utf8", None, None, None),
    ("empty-file", "empty-file", None, None, None),
]


@pytest.mark.parametrize("fixture, code, line, record, field", CASES, ids=[c[0] for c in CASES])
def test_each_bad_file_gives_its_located_error(minimal_root, fixture, code, line, record, field):
    shutil.copy(INVALID / f"{fixture}.yaml", minimal_root / "targets" / "goals-test.yaml")
    _, report = load(minimal_root, minimal_root / "sources")
    assert not report.valid
    found = [(p.code, p.line, p.record, p.field) for p in report.errors]
    assert (code, line, record, field) in found, found
    for p in report.errors:
        assert p.file == "targets/goals-test.yaml"


def test_unsafe_tag_is_never_executed(minimal_root, tmp_path, monkeypatch):
    import os

    called = []
    monkeypatch.setattr(os, "system", lambda *a: called.append(a))
    shutil.copy(INVALID / "unsafe-tag.yaml", minimal_root / "targets" / "goals-test.yaml")
    load(minimal_root, minimal_root / "sources")
    assert called == []


def test_minimal_data_is_valid(minimal_root):
    data, report = load(minimal_root, minimal_root / "sources")
    assert report.valid, [str(p) for p in report.problems]
    assert report.quotes_verified
    assert len(data.goals) == 4 and len(data.observations) == 4 and len(data.documents) == 1


def test_one_bad_record_rejects_only_itself_and_is_counted(minimal_root):
    path = minimal_root / "targets" / "goals-test.yaml"
    text = path.read_text(encoding="utf-8").replace("    target: 3\n", "    target: three\n")
    path.write_text(text, encoding="utf-8")
    data, report = load(minimal_root, minimal_root / "sources")
    assert [p.record for p in report.errors] == ["unemployment-rate"]
    assert {g.id for g in data.goals} == {"gdp-2010", "green-space-rate", "air-quality"}
    count = next(c for c in report.counts if c.file == "targets/goals-test.yaml")
    assert (count.loaded, count.rejected) == (3, 1)


def test_all_problems_reported_in_one_run(minimal_root):
    path = minimal_root / "targets" / "goals-test.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    target: 3\n", "    target: three\n").replace("target: 40", "target: 45")
    path.write_text(text, encoding="utf-8")
    _, report = load(minimal_root, minimal_root / "sources")
    assert {(p.code, p.record) for p in report.errors} == {
        ("type-mismatch", "unemployment-rate"),
        ("number-not-in-quote", "green-space-rate"),
    }


def test_missing_sources_says_quotes_not_verified(minimal_root, tmp_path):
    data, report = load(minimal_root, tmp_path / "nowhere")
    assert not report.quotes_verified
    assert report.valid  # a warning, not an error: the data itself may be fine
    assert any(p.code == "quotes-not-verified" for p in report.warnings)
    assert len(data.goals) == 4


def test_unknown_yaml_file_is_reported_not_ignored(minimal_root):
    shutil.copy(minimal_root / "targets" / "goals-test.yaml", minimal_root / "targets" / "goal-extra.yaml")
    _, report = load(minimal_root, minimal_root / "sources")
    assert any(p.code == "bad-layout" and p.file == "targets/goal-extra.yaml" for p in report.errors)


def test_observation_quote_checked_against_its_document(minimal_root):
    path = minimal_root / "actuals" / "doc-report.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("515亿元", "516亿元"), encoding="utf-8")
    _, report = load(minimal_root, minimal_root / "sources")
    assert ("quote-not-in-source", "report-gdp-2007", "quote") in [(p.code, p.record, p.field) for p in report.errors]


def test_check_cli_exit_code_and_message_name_file_and_line(minimal_root, capsys):
    shutil.copy(INVALID / "type-mismatch.yaml", minimal_root / "targets" / "goals-test.yaml")
    code = main(["--data", str(minimal_root), "--sources", str(minimal_root / "sources"), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert 'targets/goals-test.yaml:10: [type-mismatch] goal "gdp-2010" field "target"' in out
    assert "FAILED: 1 error." in out


def test_check_cli_passes_on_minimal(minimal_root, capsys):
    assert main(["--data", str(minimal_root), "--sources", str(minimal_root / "sources"), "check"]) == 0
    out = capsys.readouterr().out
    assert "targets/goals-test.yaml" in out and "OK: no errors." in out


def test_a_quote_with_a_zero_denominator_does_not_crash_the_load(minimal_root):
    from dashboard.records.numbers import figures_in, stands_in

    assert stands_in(1, "比例为1/0") and 0.1 in figures_in("占1/10")
    path = minimal_root / "targets" / "goals-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("quote: 城镇登记失业率控制在3%以内",
                                                             "quote: 城镇登记失业率控制在3%以内1/0"), encoding="utf-8")
    _, report = load(minimal_root, minimal_root / "sources")
    assert [(p.code, p.record) for p in report.errors] == [("quote-not-in-source", "unemployment-rate")]
