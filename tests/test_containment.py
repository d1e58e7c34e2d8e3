"""Bad data never takes the site down and never costs valid data: source encodings, an undecodable source, a
document id used twice, a YAML syntax error, a file over the size limit, a missing source, and a goal with
100,000 figures (the chart draws a bounded number)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from dashboard.cli import format_report, main
from dashboard.judge import Judge
from dashboard.records.load import load

REPORT_QUOTES = 4  # figures of doc-report.yaml in the minimal data


def _second_document(root: Path) -> None:
    """A second document with its own source, so a broken first one can be seen not to harm it."""
    text = (root / "actuals" / "doc-report.yaml").read_text(encoding="utf-8")
    text = text.replace("id: doc-report", "id: doc-other").replace("file: report.txt", "file: other.txt")
    (root / "actuals" / "doc-other.yaml").write_text(text.replace("report-", "other-"), encoding="utf-8")
    shutil.copy(root / "sources" / "report.txt", root / "sources" / "other.txt")


def _codes(report) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.file, p.line) for p in report.problems]


@pytest.mark.parametrize("encoding, warned", [("utf-8", False), ("utf-8-sig", False), ("gbk", True),
                                              ("gb18030", True)])
def test_source_encodings_are_read(minimal_root, encoding, warned):
    path = minimal_root / "sources" / "report.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    data, report = load(minimal_root, minimal_root / "sources")
    assert report.valid and report.quotes_verified, [str(p) for p in report.problems]
    assert len(data.observations) == REPORT_QUOTES
    warnings = [p for p in report.warnings if p.code == "source-not-utf8"]
    assert bool(warnings) == warned
    if warned:  # located at the document record's file: line, naming the file
        assert (warnings[0].file, warnings[0].line, warnings[0].field) == ("actuals/doc-report.yaml", 3, "file")
        assert "report.txt" in str(warnings[0]) and "GB18030" in str(warnings[0])


def test_undecodable_source_is_one_problem_and_the_rest_is_still_verified_and_judged(minimal_root):
    _second_document(minimal_root)
    (minimal_root / "sources" / "report.txt").write_bytes(b"\xff\xfe\xff" * 20)
    data, report = load(minimal_root, minimal_root / "sources")
    assert [(p.code, p.file, p.line) for p in report.errors] == [
        ("source-undecodable", "actuals/doc-report.yaml", 3)]
    assert "report.txt" in str(report.errors[0]) and "4 records" in str(report.errors[0])
    assert {o.document for o in data.observations} == {"doc-other"}
    assert len(data.observations) == REPORT_QUOTES and len(data.goals) == 4
    judged = Judge(data).summary()
    assert (judged["evidence"] > 0).any()  # the other document's figures still reach their goals


def test_duplicate_document_id_is_refused_naming_both_files_and_the_first_keeps_its_figures(minimal_root):
    _second_document(minimal_root)
    for name in ("doc-aaa.yaml", "doc-zzz.yaml"):  # before and after doc-report.yaml in file order
        path = minimal_root / "actuals" / name
        text = (minimal_root / "actuals" / "doc-other.yaml").read_text(encoding="utf-8")
        path.write_text(text.replace("id: doc-other", "id: doc-report").replace("other-", name[4:7] + "-"),
                        encoding="utf-8")
    data, report = load(minimal_root, minimal_root / "sources")
    refused = [p for p in report.errors if p.code == "duplicate-document"]
    assert sorted(p.file for p in refused) == ["actuals/doc-aaa.yaml", "actuals/doc-zzz.yaml"]
    for p in refused:
        assert "actuals/doc-report.yaml" in str(p) and p.file in str(p) and "4 observations" in str(p)
    assert [p.code for p in report.errors] == ["duplicate-document"] * 2  # no misleading quote errors
    kept = sorted(o.id for o in data.observations if o.document == "doc-report")
    assert kept == ["report-gdp-2007", "report-green-2006", "report-green-2007", "report-unemployment-2007"]
    counts = {c.file: (c.loaded, c.rejected) for c in report.counts}
    assert counts["actuals/doc-aaa.yaml"] == (0, 5) and counts["actuals/doc-report.yaml"] == (5, 0)


def test_yaml_syntax_error_counts_the_records_lost_and_never_claims_verified(minimal_root):
    _second_document(minimal_root)
    path = minimal_root / "actuals" / "doc-other.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: 测试", "title: [测试"), encoding="utf-8")
    data, report = load(minimal_root, minimal_root / "sources")
    syntax = [p for p in report.errors if p.code == "yaml-syntax"]
    assert len(syntax) == 1 and "none of its 5 records were loaded" in str(syntax[0])
    count = next(c for c in report.counts if c.file == "actuals/doc-other.yaml")
    assert (count.loaded, count.rejected, count.unread) == (0, 5, True)
    assert report.unread == ["actuals/doc-other.yaml"]
    text = format_report(report)
    assert "NOT for the 1 files that could not be read: actuals/doc-other.yaml" in text
    assert "Quotes verified against the source documents in" in text.splitlines()[-len(report.problems) - 2]
    assert "其引文未核对：actuals/doc-other.yaml" in format_report(report, "zh")
    assert len(data.observations) == REPORT_QUOTES  # the good file still loads


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message(minimal_root, monkeypatch):
    text = (minimal_root / "actuals" / "doc-report.yaml").read_text(encoding="utf-8")
    head, body = text.split("observations:\n")
    records = body.split("  - id: ")[1:]
    many = "".join(f"  - id: big{k}-" + records[k % len(records)] for k in range(6000))
    (minimal_root / "actuals" / "doc-big.yaml").write_text(
        head.replace("id: doc-report", "id: doc-big") + "observations:\n" + many, encoding="utf-8")
    monkeypatch.setenv("PLAN_TRACKER_MAX_FILE_MB", "1")
    data, report = load(minimal_root, minimal_root / "sources")
    too_large = [p for p in report.errors if p.code == "file-too-large"]
    assert [p.file for p in too_large] == ["actuals/doc-big.yaml"]
    message = str(too_large[0])
    assert "over the limit of 1 MB per data file" in message and "about 6001 records not loaded" in message
    assert "PLAN_TRACKER_MAX_FILE_MB" in message
    assert report.errors == too_large and len(data.observations) == REPORT_QUOTES  # everything else loads
    monkeypatch.setenv("PLAN_TRACKER_MAX_FILE_MB", "20")
    assert "file-too-large" not in [p.code for p in load(minimal_root, minimal_root / "sources")[1].problems]


def test_size_limit_default_is_20_mb(monkeypatch):
    from dashboard.records.yaml_files import max_file_bytes

    monkeypatch.delenv("PLAN_TRACKER_MAX_FILE_MB", raising=False)
    assert max_file_bytes() == 20 * 1024 * 1024
    monkeypatch.setenv("PLAN_TRACKER_MAX_FILE_MB", "nonsense")
    assert max_file_bytes() == 20 * 1024 * 1024


def test_missing_source_names_the_file_line_and_the_folder_searched(minimal_root, capsys):
    _second_document(minimal_root)
    (minimal_root / "sources" / "other.txt").unlink()
    data, report = load(minimal_root, minimal_root / "sources")
    missing = [p for p in report.errors if p.code == "source-missing"]
    assert [(p.file, p.line, p.field) for p in missing] == [("actuals/doc-other.yaml", 3, "file")]
    text = str(missing[0])
    assert "other.txt" in text and str(minimal_root / "sources") in text and "file: line" in text
    assert "PLAN_TRACKER_SOURCES" not in text
    assert [p.code for p in report.errors] == ["source-missing"]  # one problem, not one per quote
    assert {o.document for o in data.observations} == {"doc-report"}


def test_counts_of_a_not_utf8_data_file(minimal_root):
    (minimal_root / "actuals" / "doc-report.yaml").write_bytes(
        (minimal_root / "actuals" / "doc-report.yaml").read_text(encoding="utf-8").encode("gbk"))
    _, report = load(minimal_root, minimal_root / "sources")
    p = next(p for p in report.errors if p.code == "not-utf8")
    assert "none of its 5 records were loaded" in str(p)


def test_check_cli_survives_every_containment_case_at_once(minimal_root, capsys):
    _second_document(minimal_root)
    (minimal_root / "sources" / "report.txt").write_bytes(
        (minimal_root / "sources" / "report.txt").read_text(encoding="utf-8").encode("gbk"))
    (minimal_root / "actuals" / "doc-zzz.yaml").write_text(
        (minimal_root / "actuals" / "doc-other.yaml").read_text(encoding="utf-8").replace("other-", "zzz-"),
        encoding="utf-8")
    code = main(["--data", str(minimal_root), "--sources", str(minimal_root / "sources"), "check", "--lang", "zh"])
    out = capsys.readouterr().out
    assert code == 1 and "[duplicate-document]" in out and "[source-not-utf8]" in out
    assert "未通过：1个错误。" in out


# ---------------------------------------------------------------------------------------------- 100,000 figures


def test_a_goal_with_100000_figures_draws_a_bounded_chart(real):
    from dashboard.present.charts import MAX_DRAWN, goal_figure
    from dashboard.present.locale import Locale

    data, _ = real
    judge = Judge(data)
    a = next(a for a in judge.accounts() if a.deciding is not None and a.goal.measure == "level"
             and not a.goal.is_categorical and a.deciding.reading == "level" and a.deciding.observation.value)
    template = a.deciding
    many = tuple(dataclasses.replace(template, role="evidence", observation=template.observation.model_copy(
        update={"id": f"x{i}", "year": 2006 + i % 5, "value": template.observation.value * (1 + (i % 997) / 1000)}))
        for i in range(100_000))
    big = dataclasses.replace(a, evidence=(template, *many))
    fig = goal_figure(big, Locale("zh", data))
    drawn = sum(len(t.x or ()) for t in fig.data if t.meta == "points")
    assert drawn <= 2 * MAX_DRAWN
    points = [t for t in fig.data if t.meta == "points"]
    assert any(template.observation.value in (t.y or ()) for t in points) or any(
        "决定" in str(x) for t in points for x in (t.text or ()))  # the deciding figure is drawn
    assert any("未画出" in (ann.text or "") for ann in fig.layout.annotations)
    assert len(fig.to_json()) < 400_000
