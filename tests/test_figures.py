"""A goal's figures as people take them away (present/figures.py): CSV, citation, text alternative, last update."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest

from dashboard.judge import Judge
from dashboard.present import figures
from dashboard.present.locale import Locale
from dashboard.records.model import StandIn


@pytest.fixture(scope="module")
def judged(real):
    return Judge(real[0])


def test_csv_has_a_bom_headers_in_the_language_and_a_row_per_figure(judged):
    a = judged.account("green-space-rate")
    for lang in ("zh", "en"):
        loc = Locale(lang, judged.data)
        data = figures.csv_bytes(a, loc)
        assert data.startswith("\ufeff".encode())  # Excel on a Chinese Windows reads it as UTF-8
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == [loc.t(f"figures.col.{c}") for c in figures.CSV_COLUMNS]
        assert len(rows) == 1 + len(a.evidence)
        quotes = {r[figures.CSV_COLUMNS.index("quote")] for r in rows[1:]}
        assert {e.observation.quote for e in a.evidence} == quotes  # verbatim, in Chinese, in both languages
    assert figures.csv_name(a) == "green-space-rate-figures.csv"


def test_text_alternative_says_target_figures_and_status_in_one_sentence(judged):
    a = judged.account("green-space-rate")
    zh, en = Locale("zh", judged.data), Locale("en", judged.data)
    text = figures.chart_alt(a, zh)
    assert text.count("。") == 1 and text.endswith("。")
    assert "建成区绿地率" in text and zh.status(a.status, a.basis) in text and "≥40%" in text
    english = figures.chart_alt(a, en)
    assert english.endswith(".") and en.status(a.status, a.basis) in english


def test_citation_names_the_goal_its_sources_the_address_and_the_day(judged):
    a = judged.account("urban-income-2010")
    loc = Locale("zh", judged.data)
    text = figures.citation(a, loc, "https://example.org/goal?goal=urban-income-2010", dt.date(2026, 12, 2))
    assert "城镇居民人均可支配收入" in text and "https://example.org/goal?goal=urban-income-2010" in text
    assert "2026-12-02" in text and "克拉玛依市2008年政府工作报告" in text


def test_last_updated_is_the_newest_source_and_none_without_figures(judged):
    a = judged.account("green-space-rate")
    assert figures.last_updated(a) == max(e.document.published for e in a.evidence)
    empty = next(a for a in judged.accounts() if not a.evidence)
    assert not empty.evidence and figures.last_updated(empty) is None


def test_a_proxy_shows_the_datas_declaration_in_each_language(judged):
    a = judged.account("green-space-rate")
    e = dataclasses.replace(a.evidence[0], stand_in=StandIn(area="karamay-city", use="level", reason="两地同口径",
                                                             reason_en="the same basis in both areas"))
    zh, en = figures.stand_in_text(e, Locale("zh", judged.data)), figures.stand_in_text(e, Locale("en", judged.data))
    assert "两地同口径" in zh and "可代用其水平" in zh
    assert "the same basis in both areas" in en and "may stand in for the level" in en
    assert figures.stand_in_text(dataclasses.replace(e, stand_in=None), Locale("zh", judged.data)) == ""
    quoted = next((x for x in a.evidence if x.stand_in is not None), None)  # the judge's reason quotes it already
    if quoted is not None and quoted.stand_in.reason in Locale("zh", judged.data).reasons(quoted.reasons):
        assert figures.stand_in_text(quoted, Locale("zh", judged.data)) == ""
