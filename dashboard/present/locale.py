"""The one locale object: every piece of text people read, in Chinese or English.

`Locale(lang, data)` formats catalogue entries (`present/catalogue/`), the judge's reasons (a code and typed
parameters, `judge/codes.py`), figures with their units and qualifiers, targets, statuses, and the data's own
names (areas, indicators, goals, documents, the plan's groups), choosing the data's English field in English
and its Chinese field in Chinese. Faces (the app, the CLI, the static site) and outputs (the contract, the
briefing exports) hold one and never assemble words themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from dashboard.judge.codes import (
    AreaRef,
    Bilingual,
    Code,
    DocumentRef,
    GoalRef,
    IndicatorRef,
    Many,
    Pace,
    Param,
    Ratio,
    Reason,
    Share,
    Target,
    Value,
    Years,
)
from dashboard.present.catalogue import CATALOGUE
from dashboard.records.areas import words_naming
from dashboard.records.model import Dataset, Document, Goal, Observation

LANGS = ("zh", "en")

#: English names of the units, for axis titles and table headers (a value in words scales them: 170亿元 → 17 billion yuan).
UNIT_EN: dict[str, str] = {
    "亿元": "100 million yuan", "万元": "10,000 yuan", "元": "yuan", "美元": "US dollars", "%": "%", "‰": "‰",
    "百分点": "percentage points", "倍": "times", "岁": "years", "年": "years", "万人": "10,000 persons",
    "人": "persons", "平方米": "m²", "亩": "mu", "万亩": "10,000 mu", "头": "head", "只": "head",
    "万头(只)": "10,000 head", "家": "", "个": "", "座": "", "套": "units", "万平方米": "10,000 m²",
    "户": "households", "万户": "10,000 households", "万人次": "10,000 person-times",
}
_QUALIFIER_EN = {"以上": "≥", "以内": "≤", "以下": "≤", "不超过": "≤", "左右": "≈", "超过": ">", "不到": "<", "低于": "<",
                 "约": "≈", "近": "nearly "}
_QUALIFIER_AFTER = {"以上", "以内", "以下", "左右"}  # 2%以内; the others go before: 超过7%, 不到28.9%
#: Words that keep their capital inside an English sentence when a goal's name begins with one (areas' names are added).
PROPER_WORDS = frozenset({"Engel", "Gini"})
COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "≈": "≈", "=": "="}


def number(v: float, digits: int | None = None, lang: str = "zh") -> str:
    """170.0 → '170'; 12308.38 → '12308' (zh) / '12,308' (en); 38.72 → '38.72'.

    Without `digits`, precision follows magnitude: whole numbers from 1000 up, else two decimals at most.
    Chinese text has no thousands separators; English has them."""
    if not math.isfinite(v):
        return "—"
    if digits is None:
        digits = 0 if abs(v) >= 1000 else 2
    text = f"{v:,.{digits}f}" if lang == "en" else f"{v:.{digits}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "−0") else text.replace("-", "−")


def _scaled_en(v: float, unit: str) -> str | None:
    """English words for a value in a Chinese scale unit (亿, 万), or None for units that need no scaling."""
    if unit == "亿元":
        return f"{number(v / 10)} billion yuan" if abs(v) >= 10 else f"{number(v * 100)} million yuan"
    if unit == "万元":
        return f"{number(v / 100)} million yuan" if abs(v) >= 100 else f"{number(v * 1e4, lang='en')} yuan"
    if unit in ("万人", "万亩", "万头(只)", "万平方米", "万户", "万人次"):
        base = {"万人": "persons", "万亩": "mu", "万头(只)": "head", "万平方米": "m²", "万户": "households",
                "万人次": "person-times"}[unit]
        return f"{number(v * 1e4, lang='en')} {base}"
    return None


class Locale:
    """Text in one language. `data` gives the names of the records reasons and labels refer to."""

    def __init__(self, lang: str = "zh", data: Dataset | None = None):
        self.lang = lang if lang in LANGS else "zh"
        self.data = data

    @property
    def en(self) -> bool:
        return self.lang == "en"

    # ---- the catalogue -----------------------------------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        """A catalogue entry filled in; an entry with a singular form (`en_one`) uses it when n is 1 ("1 figure").
        A placeholder left unfilled is an error: it would reach the page as "{name}"."""
        entry = CATALOGUE[key]
        text = entry[self.lang]
        if "n" in values and str(values["n"]) == "1":
            text = entry.get(f"{self.lang}_one", text)
        try:
            return text.format(**values)
        except (KeyError, IndexError) as e:
            raise KeyError(f"catalogue text {key!r} ({self.lang}) needs {e} to be given") from None

    def pick(self, zh: str | None, en: str | None) -> str:
        """A bilingual data field: the English one in English (the Chinese where none was given), else the Chinese."""
        if self.en:
            return en or zh or ""
        return zh or en or ""

    @property
    def colon(self) -> str:
        return "：" if not self.en else ": "

    @property
    def list_sep(self) -> str:
        return "、" if not self.en else ", "

    @property
    def clause_sep(self) -> str:
        return "；" if not self.en else "; "

    def join(self, items: Iterable[str]) -> str:
        return self.list_sep.join(i for i in items if i)

    # ---- figures -----------------------------------------------------------------------------------------

    def number(self, v: float, digits: int | None = None) -> str:
        return number(v, digits, self.lang)

    def unit(self, unit: str | None) -> str:
        """A unit's name for axis titles and headers: 亿元 / 100 million yuan."""
        if not unit:
            return ""
        return UNIT_EN.get(unit, unit) if self.en else unit

    def value(self, v: float | None, unit: str | None, qualifier: str | None = None) -> str:
        """'38.7%', '2%以内' (zh) / '≤2%' (en), '170亿元' / '17 billion yuan'."""
        if v is None:
            return "—"
        unit = unit or ""
        if self.en:
            words = _scaled_en(v, unit)
            if words is None:
                name = UNIT_EN.get(unit, unit)
                tight = name in ("%", "‰", "m²") or not name
                words = self.number(v) + ("" if not name else (name if tight else " " + name))
                if unit == "倍":
                    words = self.number(v) + "×"
                if unit == "美元":
                    words = "US$" + self.number(v)
                if unit == "百分点" and v == 1:
                    words = "1 percentage point"
            if qualifier is None or qualifier in ("达", "达到"):
                return words
            return _QUALIFIER_EN[qualifier] + words
        text = number(v) + ("个百分点" if unit == "百分点" else unit)
        if qualifier is None or qualifier in ("达", "达到"):
            return text
        return text + qualifier if qualifier in _QUALIFIER_AFTER else f"{qualifier}{text}"

    def observed(self, o: Observation) -> str:
        """An observation's value as the document states it (or its words, for a statement without a number: in
        English its English words where the data gives them)."""
        if o.value is None:
            return (self.en and o.value_text_en) or o.value_text or ""
        return self.value(o.value, o.unit, o.qualifier)

    def pace(self, v: float | None, unit: str | None) -> str:
        """'7%/年' / '7% a year'; '450元/年' / '450 yuan a year'."""
        if v is None:
            return "—"
        return self.t("pace.per_year", value=self.value(v, unit))

    def pct(self, share: float | None, digits: int = 0) -> str:
        return "—" if share is None or not math.isfinite(share) else f"{share * 100:.{digits}f}%"

    def years(self, first: int, last: int) -> str:
        """2016–2020 in English; 2016—2020 in Chinese, whose span of time takes the 一字线 (GB/T 15834), as the
        plans' own names write it (2008—2012年)."""
        return str(first) if first == last else f"{first}{'–' if self.en else '—'}{last}"

    def target(self, goal: Goal) -> str:
        """'≥170亿元', '≤3%', '≈15%'; a categorical target in the plan's words."""
        if goal.comparator == "categorical" or goal.target is None:
            return self.pick(goal.target_text, goal.target_text_en)
        return COMPARATOR_SIGNS[goal.comparator] + self.value(goal.target, goal.unit)

    # ---- words for codes ---------------------------------------------------------------------------------

    def status(self, status: str, basis: str | None = None, years: Years | None = None,
               band_side: str | None = None, band: bool = False, hold: bool = False) -> str:
        """The status as it must read everywhere: a status from a proxy says so, and with the years of the figure
        it rests on ("代用数据：符合进度（2007年）"); a neutral projection's within / above / below the expected band;
        a bound to hold every year (no path) within or outside the bound, never "on track"."""
        word = self.t(f"status.{status}")
        if hold and status in ("on_track", "off_track"):
            word = self.t(f"status.hold.{status}")
        if band and status in ("achieved", "missed"):
            word = self.t("status.band.within" if status == "achieved" else f"status.band.{band_side or 'below'}")
        if basis == "proxy":
            word = self.t("status.proxy", status=word[:1].lower() + word[1:] if self.en else word)
        if years is not None:
            word = self.t("status.with_years", status=word, years=self.years(years.first, years.last))
        return word

    def goal_status(self, account: Any) -> str:
        """A goal's status label from its account (judge.account.GoalAccount): proxy, evidence years, band."""
        return self.status(account.status, account.basis, account.evidence_years, account.band_side, account.band,
                           account.path == "hold")

    def basis(self, basis: str | None) -> str:
        return self.t(f"basis.{basis}") if basis else self.t("basis.none")

    def reason(self, reason: Reason) -> str:
        # a parameter the data supplies may end in its own full stop; inside a sentence it must not ("。；", "。）")
        values = {name: self.param(p).rstrip("。") if isinstance(p, Bilingual) else self.param(p)
                  for name, p in reason.params.items()}
        return self.t(reason.code, **values)

    def reasons(self, reasons: Iterable[Reason]) -> str:
        """Reasons as one sentence: clauses joined, none ending in its own full stop first ("。；" never)."""
        return self.clause_sep.join(self.clause(r) for r in reasons)

    def clause(self, reason: Reason) -> str:
        """A reason as a clause of a longer sentence: without its own closing stop."""
        return self.reason(reason).rstrip("。.;；")

    def param(self, p: Param) -> str:
        if isinstance(p, Reason):
            return self.reason(p)
        if isinstance(p, Value):
            return self.value(p.value, p.unit, p.qualifier)
        if isinstance(p, Pace):
            return self.pace(p.value, p.unit)
        if isinstance(p, AreaRef):
            return self.area(p.id)
        if isinstance(p, IndicatorRef):
            return self._inline(self.indicator(p.id))  # inside a sentence
        if isinstance(p, GoalRef):
            goal = self._goals.get(p.id)
            return self.goal_name_inline(goal) if goal else p.id
        if isinstance(p, DocumentRef):
            doc = self._documents.get(p.id)
            return self.document_title(doc) if doc else p.id
        if isinstance(p, Years):
            return self.years(p.first, p.last)
        if isinstance(p, Share):
            return self.pct(p.value, p.digits)
        if isinstance(p, Ratio):
            return f"{p.value:.2f}"
        if isinstance(p, Bilingual):
            return self.pick(p.zh, p.en)
        if isinstance(p, Target):
            goal = self._goals.get(p.goal)
            return self.target(goal) if goal else ""
        if isinstance(p, Code):
            return self.t(p.key)
        if isinstance(p, Many):
            return self.join(self.param(x) for x in p.items)
        return self.number(p) if isinstance(p, float) else str(p)

    # ---- the data's names --------------------------------------------------------------------------------

    @cached_property
    def _areas(self) -> dict:
        return {a.id: a for a in self.data.areas} if self.data else {}

    @cached_property
    def _indicators(self) -> dict:
        return {i.id: i for i in self.data.indicators} if self.data else {}

    @cached_property
    def _goals(self) -> dict:
        return {g.id: g for g in self.data.goals} if self.data else {}

    @cached_property
    def _documents(self) -> dict:
        return {d.id: d for d in self.data.documents} if self.data else {}

    @cached_property
    def _groups(self) -> dict:
        plan = self.data.plan if self.data else None
        return {g.id: g for g in plan.groups} if plan else {}

    def area(self, area_id: str) -> str:
        a = self._areas.get(area_id)
        return self.pick(a.name, a.name_en) if a else area_id

    def goal_area(self, goal: Goal) -> str | None:
        """The area a goal speaks for where it is not the plan's, with the plan's words that name it ("本目标讲的是
        克拉玛依市（规划原文“我市”）…"); None for a goal of the plan's own area. Every face shows it beside the goal."""
        plan = self.data.plan_of(goal) if self.data else None  # the goal's own plan (a later plan's, its area)
        if plan is None or goal.area is None or goal.area == plan.area:
            return None
        words = words_naming(goal.quote, goal.area, plan.area, self._areas) or self.area(goal.area)
        said = f"“{words}”"
        if self.en and f"area.word.{words}" in CATALOGUE:  # 我市: “我市” (our city), a quoted term with its gloss
            said += f" ({self.t(f'area.word.{words}')})"
        return self.t("goal.area.own", area=self.area(goal.area), said=said, plan_area=self.area(plan.area))

    def indicator(self, indicator_id: str) -> str:
        i = self._indicators.get(indicator_id)
        return self.pick(i.name, i.name_en) if i else indicator_id

    def goal_name(self, goal: Goal) -> str:
        return self.pick(goal.name, goal.name_en)

    def goal_name_inline(self, goal: Goal) -> str:
        """A goal's name inside an English sentence: "the gross domestic product target", its first letter lower
        unless the first word is an acronym ("GDP in 2010") or a name (an area's, or one of PROPER_WORDS)."""
        return self._inline(self.goal_name(goal))

    def _inline(self, name: str) -> str:
        if not self.en or not name:
            return name
        first = name.split(maxsplit=1)[0]
        if first[1:] != first[1:].lower() or first in self._proper_words:
            return name
        return name[0].lower() + name[1:]

    @cached_property
    def _proper_words(self) -> frozenset[str]:
        areas = (a.name_en or "" for a in self.data.areas) if self.data else ()
        return PROPER_WORDS | {w for name in areas for w in name.split() if w[:1].isupper()}

    def chapter(self, goal: Goal) -> str:
        return self.pick(goal.chapter, goal.chapter_en)

    def group(self, group_id: str) -> str:
        g = self._groups.get(group_id)
        return self.pick(g.name, g.name_en) if g else group_id

    def document_title(self, doc: Document) -> str:
        return self.pick(doc.title, doc.title_en)

    def publisher(self, doc: Document) -> str:
        return self.pick(doc.publisher, doc.publisher_en)

    def plan_name(self) -> str:
        plan = self.data.plan if self.data else None
        return self.pick(plan.name, plan.name_en) if plan else ""

    def plan_short_name(self) -> str:
        plan = self.data.plan if self.data else None
        if plan is None:
            return ""
        return self.pick(plan.short_name or plan.name, plan.short_name_en or plan.name_en)


def both(key: str, **values: Any) -> tuple[str, str]:
    """A catalogue entry in both languages (the contract carries both)."""
    return Locale("zh").t(key, **values), Locale("en").t(key, **values)
