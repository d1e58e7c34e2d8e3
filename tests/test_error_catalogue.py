"""The error catalogue: every class has a unique code, both languages over the same named fields, a description
and a fix; docs/data-format.md lists them all (generated from the classes)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from dashboard.records import errors

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "data-format.md").read_text(encoding="utf-8")
CLASSES = errors.catalogue()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_codes_are_unique():
    codes = [c.code for c in CLASSES]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize("cls", CLASSES, ids=[c.code for c in CLASSES])
def test_each_class_is_complete_in_both_languages(cls):
    assert cls.description and cls.template.zh and cls.template.en
    for text in (cls.template, *cls.extras.values(), cls.fix):
        assert _fields(text.zh) == _fields(text.en), text
    if cls.severity == "error":
        assert cls.fix.zh and cls.fix.en, "an error says how to fix it"


def test_docs_list_every_problem_as_generated():
    start, end = DOCS.index("<!-- errors:start -->"), DOCS.index("<!-- errors:end -->")
    assert DOCS[start:end].split("\n", 1)[1].strip() == errors.reference_markdown().strip(), (
        "regenerate the table in docs/data-format.md from errors.reference_markdown()")


def test_a_message_in_each_language():
    p = errors.QuoteNotInSource(file="actuals/doc-005.yaml", line=12, record="x", field="quote", kind="observation",
                                params={"source": "005.txt"})
    assert str(p) == ('actuals/doc-005.yaml:12: [quote-not-in-source] observation "x" field "quote": the quote does '
                      'not stand in 005.txt. Fix: copy the words exactly from the source document (only white space '
                      'may differ)')
    assert p.located("zh") == ('actuals/doc-005.yaml:12：[quote-not-in-source]数据“x”字段“quote”：引文不在005.txt中。'
                               '修改：从原文逐字复制（只有空白可以不同）')
    cell = p.at(errors.Cell("数据 observations", 7, "原文 quote"), "figures.xlsx")
    assert cell.located("en").startswith("figures.xlsx: 数据 observations row 7 column 原文 quote: [quote-not-in-source]")
    assert errors.params_from_json(errors.params_to_json({"a": errors.Text("甲", "a"), "b": [errors.Text("乙", "b")]})) \
        == {"a": errors.Text("甲", "a"), "b": [errors.Text("乙", "b")]}
