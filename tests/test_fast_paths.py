"""Each shortcut taken for speed answers exactly as the plain way: the event-built YAML reader as the
constructor-built one (values, lines, duplicates, errors), the indexed quote search as a scan, the early-stopping
number check as the full list of figures."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.records import yamlio
from dashboard.records.numbers import figures_in, stands_in
from dashboard.records.sources import _Squeezed
from tests.conftest import INVALID, MINIMAL, PROJECT

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _shape(doc):
    """Values with every line and duplicate the reader recorded."""
    if isinstance(doc, yamlio.LinedDict):
        return ("map", doc.line, doc.key_lines, list(doc.duplicates), {k: _shape(v) for k, v in doc.items()})
    if isinstance(doc, yamlio.LinedList):
        return ("seq", doc.line, [_shape(x) for x in doc])
    return (type(doc).__name__, doc)


def _same_as_full(data: bytes) -> None:
    got, problems = yamlio.read_yaml(data, "f.yaml")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        assert problems and problems[0].code == "not-utf8"
        return
    want, want_problems = yamlio._read_full(text, "f.yaml")
    assert _shape(got) == _shape(want)
    assert [str(p) for p in problems] == [str(p) for p in want_problems]


FILES = sorted(p for folder in (PROJECT / "targets", PROJECT / "actuals", MINIMAL, INVALID)
               for p in folder.rglob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_reader_same_as_full_reader_on_every_file(path):
    _same_as_full(path.read_bytes())


def test_fast_reader_reads_the_real_files_itself():
    for path in (PROJECT / "targets").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert _shape(yamlio._read_fast(text)) == _shape(yamlio._read_full(text, "x")[0])


SNIPPETS = ["a: 1", "a: 1\na: 2", "- x\n- y", "a: &x 1\nb: *x", "a: !!str 1", "<<: {a: 1}", "a: =", "? [1]\n: 2",
            "a: 2008-02-20", "a: 2008-02-30", "a: yes", "a: ~", "a: .nan", "a: 0x1F", "a: '1'", "--- 1\n--- 2", "",
            "# only a comment", "a: [1, {b: 2}]", "a:\n  b:\n    - c: 1\n      c: 2", "1: a\ntrue: b\n1.5: c",
            "a: !!python/object:os.system x", "a: 'unclosed", "a: |\n  x\n  y\n", "{a: 1, a: 1}", "---\n...\n"]


@FUZZ
@given(parts=st.lists(st.sampled_from(SNIPPETS), max_size=4), indent=st.booleans())
def test_reader_same_as_full_reader_on_odd_yaml(parts, indent):
    text = "\n".join(parts)
    if indent:
        text = "top:\n" + "\n".join("  " + line for line in text.splitlines())
    _same_as_full(text.encode("utf-8"))


@FUZZ
@given(blob=st.binary(max_size=200))
def test_reader_same_as_full_reader_on_bytes(blob):
    _same_as_full(blob)


def test_indexed_quote_search_is_a_scan():
    rng = random.Random(7)
    alphabet = "区市年达到以上1234567890.%ab"
    for trial in range(16):
        n = rng.choice([1000, 70000, 150000])
        letters = alphabet[: rng.randint(3, len(alphabet))]
        text = "".join(rng.choices(letters, k=n))
        doc = _Squeezed(text)
        for i in range(400):
            if rng.random() < 0.6:
                length = rng.randint(0, 40)
                start = rng.randint(0, max(0, n - length))
                quote = text[start:start + length]
                if quote and rng.random() < 0.3:
                    k = rng.randrange(len(quote))
                    quote = quote[:k] + rng.choice(alphabet) + quote[k + 1:]
            else:
                quote = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert doc.contains(quote) == (quote in text), (trial, i, quote)
        assert (doc._index is not None) == (n >= _Squeezed._INDEX_MIN_CHARS)


texts = st.lists(st.sampled_from(["1", "2", "0", ".", ",", "5", "万", "亿", "/3", "十", "三", "百", "翻一番", "全部", "一半",
                                  "年", "%", "１", "２", " ", "约", "1,000"]), max_size=12).map("".join)


@FUZZ
@given(text=texts, value=st.sampled_from([0.0, 1.0, 2.0, 12.0, 100.0, 1e4, 5e4, -2.0, 0.5, 50.0, 3.0, 1000.0]))
def test_number_check_is_the_figures_list(text, value):
    figures = figures_in(text)
    for v in [value, *list(figures)[:3]]:
        assert stands_in(v, text) == any(math.isclose(abs(v), f, rel_tol=1e-9, abs_tol=1e-9) for f in figures)
