"""The columnar store round-trips the records exactly, is used only while it matches the YAML, and the
in-process cache reloads only when a file changed."""

from __future__ import annotations

import os
import shutil

import pytest

from dashboard.cli import main
from dashboard.records.load import STORE_ENV, clear_cache, load, load_cached
from dashboard.records.yaml_files import load_yaml
from tests.conftest import MINIMAL, PROJECT, SHARED_SOURCES

pytest.importorskip("pyarrow")


def test_store_round_trips_the_real_data(tmp_path, monkeypatch):
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared source documents not present")
    from dashboard.records.store import build, read_store

    built, built_report = build(PROJECT, SHARED_SOURCES, tmp_path / "store")
    (data, report), stale = read_store(tmp_path / "store", PROJECT, SHARED_SOURCES)
    assert stale is None
    yaml_data, yaml_report = load_yaml(PROJECT, SHARED_SOURCES)
    for kind in ("plan", "goals", "indicators", "areas", "documents", "observations"):
        assert getattr(data, kind) == getattr(yaml_data, kind), kind
        assert repr(getattr(data, kind)) == repr(getattr(yaml_data, kind)), kind
    assert data == yaml_data == built
    assert report == yaml_report == built_report
    # and through the configuration, the CLI's answers are the same
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "store"))
    via_store = load(PROJECT, SHARED_SOURCES)
    assert via_store[0] == yaml_data and via_store[1] == yaml_report


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "data"
    shutil.copytree(MINIMAL, r)
    return r


def test_store_with_errors_keeps_the_report(root, tmp_path):
    from dashboard.records.store import build, read_store

    path = root / "targets" / "goals-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    target: 3\n", "    target: three\n"), encoding="utf-8")
    _, built_report = build(root, root / "sources", tmp_path / "store")
    (data, report), stale = read_store(tmp_path / "store", root, root / "sources")
    assert stale is None and not report.valid
    assert [str(p) for p in report.problems] == [str(p) for p in built_report.problems]
    assert report.counts == built_report.counts


def test_stale_store_is_not_used(root, tmp_path, monkeypatch, capsys):
    store = tmp_path / "store"
    assert main(["--data", str(root), "--sources", str(root / "sources"), "build", "--out", str(store)]) == 0
    monkeypatch.setenv(STORE_ENV, str(store))
    data, report = load(root, root / "sources")
    assert not [p for p in report.problems if p.code == "store-stale"]
    path = root / "targets" / "goals-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: 40", "target: 45"), encoding="utf-8")
    data, report = load(root, root / "sources")  # the YAML is the truth: its error is found
    assert any(p.code == "number-not-in-quote" for p in report.errors)
    assert any(p.code == "store-stale" and p.severity == "warning" for p in report.problems)
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "nowhere"))
    _, report = load(root, root / "sources")
    assert any(p.code == "store-stale" for p in report.problems)


def test_load_cached_reads_only_what_changed(root, monkeypatch):
    import dashboard.records.yaml_files as load_module

    clear_cache()
    parsed = []
    real_load_file = load_module._load_file
    monkeypatch.setattr(load_module, "_load_file", lambda path, *a: parsed.append(path.name) or real_load_file(path, *a))
    first, report = load_cached(root, root / "sources")
    files = len(parsed)
    assert files == len(report.counts) and (first, report) == load(root, root / "sources")
    parsed.clear()
    again, report2 = load_cached(root, root / "sources")
    assert again is first and parsed == []  # nothing read again
    report2.problems.append("changed by a caller")
    assert load_cached(root, root / "sources")[1].problems == report.problems  # each caller has its own copy

    path = root / "targets" / "goals-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: 40", "target: 45"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a later modification time, even on coarse clocks
    changed, changed_report = load_cached(root, root / "sources")
    assert parsed == ["goals-test.yaml"]  # only the changed file is read again
    assert not changed_report.valid and changed is not first
    fresh = load(root, root / "sources")  # and the answer is a full load's
    assert changed == fresh[0]
    assert [str(p) for p in changed_report.problems] == [str(p) for p in fresh[1].problems]
    assert changed_report.counts == fresh[1].counts

    parsed.clear()
    (root / "sources" / "new.txt").write_text("x", encoding="utf-8")  # a source document added: checks run again
    assert load_cached(root, root / "sources")[0] == fresh[0] and parsed == []
    (root / "actuals" / "doc-report.yaml").unlink()  # a file removed
    gone, gone_report = load_cached(root, root / "sources")
    assert parsed == [] and gone == load(root, root / "sources")[0] and not gone.observations
    clear_cache()
