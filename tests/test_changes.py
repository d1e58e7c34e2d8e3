"""The preview of what changes, and `diff --against REV|DIR`: goals whose status, basis or deciding figure move
(before → after, with the reason), new figures and the goals they reach, figures set aside and why, figures gone,
and figures of another area than their document's."""

from __future__ import annotations

import shutil
import subprocess

from dashboard.cli import main
from dashboard.present.changes import compare, goal_table, lines
from dashboard.present.locale import Locale
from dashboard.records.load import load


def _without_report(root):
    (root / "actuals" / "doc-report.yaml").rename(root / "doc-report.yaml.bak")


def test_new_document_moves_goals_and_lists_its_figures(minimal_root):
    path = minimal_root / "actuals" / "doc-report.yaml"  # the district's own figures: direct evidence
    path.write_text(path.read_text(encoding="utf-8").replace("test-city", "test-district"), encoding="utf-8")
    after, _ = load(minimal_root, minimal_root / "sources")
    _without_report(minimal_root)
    before, _ = load(minimal_root, minimal_root / "sources")
    changes = compare(before, after)
    assert {f.observation.id for f in changes.new_figures} == {o.id for o in after.observations}
    assert not changes.removed_figures
    moved = {c.goal.id: c for c in changes.goals}
    assert moved, "the report's figures reach goals that had no comparable data"
    for c in moved.values():
        assert c.before is not None and c.before.status == "no_comparable_data" and c.before.deciding is None
        assert c.after is not None and c.reason_after is not None and "status" in c.changed
    reached = {(f.observation.id, r.goal.id) for f in changes.new_figures for r in f.reaches}
    assert ("report-green-2007", "green-space-rate") in reached
    for obs, reach in changes.set_aside:
        assert reach.reasons, f"{obs.id} set aside without a reason"
    text = "\n".join(lines(changes, Locale("en", after)))
    assert "### Goals whose judgement changes" in text and "→" in text and "because:" in text
    en = Locale("en", after)
    head, rows = goal_table(changes, en)  # the editor's side-by-side view of the same goals
    assert head == ["Goal", "Before", "After", "Deciding figure", "Why"]
    assert len(rows) == len(moved)
    for row, c in zip(rows, changes.goals, strict=True):
        assert row[0] == f"{en.goal_name(c.goal)} ({c.goal.id})"
        assert row[1] == en.t("status.no_comparable_data") and row[2] == en.status(c.after.status, c.after.basis)
        assert row[3] == f"— → {c.after.deciding}" and row[4] == en.reason(c.reason_after)


def test_nothing_changes_says_so(minimal_root):
    data, _ = load(minimal_root, minimal_root / "sources")
    changes = compare(data, data)
    assert changes.empty
    assert lines(changes, Locale("zh", data)) == [Locale("zh").t("changes.nothing")]


def test_removed_and_changed_figures(minimal_root):
    before, _ = load(minimal_root, minimal_root / "sources")
    path = minimal_root / "actuals" / "doc-report.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: report-gdp-2007")
    end = text.index("  - id: report-green-2006")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    after, _ = load(minimal_root, minimal_root / "sources")
    changes = compare(before, after)
    assert [f.observation.id for f in changes.removed_figures] == ["report-gdp-2007"]


def test_a_figure_of_another_area_in_a_document_is_listed(minimal_root):
    before, _ = load(minimal_root, minimal_root / "sources")
    path = minimal_root / "actuals" / "doc-report.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: report-gdp-2007\n    indicator: gdp\n    area: test-city",
                                 "  - id: report-gdp-2007\n    indicator: gdp\n    area: test-district"), encoding="utf-8")
    after, _ = load(minimal_root, minimal_root / "sources")
    changes = compare(before, after)
    assert [(x.observation.id, x.document_area, x.relation) for x in changes.other_area] == [
        ("report-gdp-2007", "test-city", "below")]
    text = "\n".join(lines(changes, Locale("zh", after)))
    assert "与所在文献地区不同的数据（1条" in text and "下辖地区" in text


def test_diff_against_a_folder_and_a_git_revision(minimal_root, tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(minimal_root, old)
    (old / "actuals" / "doc-report.yaml").unlink()
    args = ["--data", str(minimal_root), "--sources", str(minimal_root / "sources")]
    assert main([*args, "diff", "--against", str(old), "--lang", "en"]) == 0
    by_folder = capsys.readouterr().out
    assert "### New or changed figures (4)" in by_folder

    def git(*a):
        subprocess.run(["git", "-C", str(minimal_root), *a], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data")
    assert main([*args, "diff", "--against", "HEAD", "--lang", "en"]) == 0
    assert "Nothing changes" in capsys.readouterr().out
    (minimal_root / "actuals" / "doc-report.yaml").unlink()
    assert main([*args, "diff", "--against", "HEAD", "--lang", "en"]) == 0
    assert "### Figures removed (4)" in capsys.readouterr().out
    assert main([*args, "diff", "--against", "no-such-rev"]) == 2
    assert "no-such-rev" in capsys.readouterr().err
