"""Reading a sentence: which figure speaks of what, how (level, growth …), when and where.

One pass over the normalised text, sentence by sentence and clause by clause. Each figure gets a subject:
- the indicator named nearest before it in its clause (A达到38.7%);
- in a list with 分别, the items in order (A、B、C分别达x、y、z; A x，B y，分别增长p和q: the subjects of the clauses
  before); with 均 (or a list before one figure), every item (A、B均达到100%);
- an item that names only part of an indicator takes the rest from its neighbour (工业、生活污水处理率 → 工业污水处理率;
  生猪存栏46000头，牛2000头 → 牛存栏; 小学入学率、巩固率 → 小学巩固率);
- a share (…占地区生产总值的71.1%) is the indicator named “subject占whole比重”;
- a clause that names nothing (，增长12%) speaks of the subject before it;
- a count written before its noun (建设3个垃圾中转站) takes the noun after it.
A subject the data does not know stays a proposal without an indicator, with its name as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.reader.lexicon import Areas, Lexicon, Mention, counts_in
from dashboard.reader.normalise import key
from dashboard.reader.numbers import Number, numbers
from dashboard.reader.sentences import clauses, list_separators, sentences
from dashboard.reader.times import When, times
from dashboard.records.errors import Text


@dataclass(frozen=True)
class Subject:
    indicator: str | None
    written: str  # as the text names it (normalised)
    clause: tuple[int, int]  # the clause that names it


@dataclass(frozen=True)
class Reading:
    subject: Subject
    number: Number
    lead: str  # the words between the subject and the figure (增长, 年均增长, 提高了 …)
    quote: tuple[int, int]  # normalised span
    sentence: tuple[int, int]
    when: When | None  # the time the sentence gives, if any
    area: str | None
    area_name: str | None
    caliber: str | None
    why: str  # a code of reader.why.* in the catalogue: which reading found it
    hold_words: str  # the verbs around: 控制在, 稳定在, 保持 …


#: Words before a figure that are not a subject: time, whole-area words, verbs, qualifiers.
_VERBS = re.compile(
    r"(继续|长期|始终|要|将|力争|预计|实际|名义|努力使|使|进一步|基本|累计|共|实现|完成|初步核算|同比|比上年|比上年同期|"
    r"保持在|保持|稳定在|控制在|提高到|提高至|提升到|增加到|增加至|增长到|增至|下降到|下降至|降低到|降至|减少到|减少至|扩大到|"
    r"达到|达|为|是|有|超过|突破|的|"
    r"不到|不足|低于|高于|约|近|占到|占|年均|平均每年|增长|增幅|增速|递增|增加|增|提高了|提高|提升|上升|上涨|下降|降低|减少|下跌|"
    r"回落|由|从|和|及|、)+$")
_LEADING = re.compile(r"^(其中|同时|此外|另外|全年|年末|年底|当年|初步核算|按可比价格计算|按现价计算|比|较)+")
_TIME_WORDS = re.compile(r"(?:19|20)\d\d年(?:以来|末|底)?|近年来|[“\"]?十[一二三四五六]?五[”\"]?(?:时期|期间|末期|末)?|"
                         r"\d+[-~～至]\d+年|[一二三四]季度|上半年|全年|年末|年底|以来|目前|当前|今年|去年|上年同期|上年|同期")
_GROWTH = re.compile(r"增长|增幅|增速|递增|增加|提高|提升|上升|上涨|下降|降低|减少|回落|下跌|增(?!加值)")
_RATIO = re.compile(r"(?<![\d.:])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){1,3}(?![\d.:])")
_RATIO_NAME = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:三次产业|产业|三产|[\u4e00-\u9fff]{2})(?:结构|比例)")
CARRIED = "carried"
#: Which reading found a figure (a proposal's `why`), in both languages: the code goes out in the JSON, the words
#: to the editor's workbook and page.
WHY: dict[str, Text] = {
    "named_before": Text("指标名称在数字之前", "the indicator is named before the figure"),
    "carried": Text("承接前一分句的主语", "the subject of the clause before"),
    "completed": Text("名称的一部分，由前一项补全", "part of a name, completed from the item before"),
    "count_before_noun": Text("数量在名词之前", "a count before its noun"),
    "no_indicator": Text("未提到数据中的指标", "no indicator of the data is named"),
    "no_subject": Text("没有主语", "no subject"),
    "share": Text("占…的比重", "a share (占…的)"),
    "ratio_part": Text("结构比例，每部分一条", "a structure ratio, one part each"),
    "respectively_list": Text("“分别”：列举的各项按顺序配对", "分别 (respectively): the list paired in order"),
    "respectively_years": Text("“分别”：各年份按顺序配对", "分别 (respectively): the years paired in order"),
    "respectively_clauses": Text("“分别”：与前面各分句配对", "分别 (respectively): paired with the clauses before"),
    "each": Text("“均”：列举的每一项", "均 (each): every item of the list"),
    "list_one_figure": Text("列举后只有一个数字：每一项", "a list before one figure: every item"),
    "all_of_it": Text("“全部”读作100%", "全部 (all of it) read as 100%"),
    "unit_not_the_indicators": Text("单位与该指标所用单位计量的不是同一类东西（如“个”之于“亿元”），未归入该指标",
                                    "its unit counts another kind of thing than the indicator's (个 beside 亿元): "
                                    "not filed under it"),
}
#: Units of a count or an extent that may stand before their noun (3个垃圾中转站, 44.5万平方米既有建筑)
_COUNTED_UNITS = frozenset({"个", "座", "家", "所", "项", "套", "户", "万户", "平方米", "万平方米", "平方公里", "亩",
                            "万亩"})
#: 对X进行(了)Y: Y done to X
_DOES = re.compile(r"进行了?")
#: 均 as "each" (…处理率均达到60%), not 人均, 平均, 年均
_EACH = re.compile(r"(?<![人平年户])均(?=[达为超在增保实有控提低高不已])")
_DOWN = re.compile(r"下降|降低|减少|回落|下跌")
_CALIBERS = (("实际增长", "实际"), ("新口径", "新口径"), ("可比价", "可比价"), ("现价", "现价"), ("当年价格", "现价"),
             ("名义", "名义"), ("不含大农业", "不含大农业"), ("含大农业", "含大农业"), ("一季度", "一季度"),
             ("上半年", "上半年"))


def _bare(words: str, areas: Areas) -> str:
    """What is left of a subject's words once time, area words and verbs are taken away."""
    w = _TIME_WORDS.sub("", words)
    w = areas._pattern.sub("", w)
    w = _LEADING.sub("", w)
    w = re.sub(r"[()（）“”\"《》、,，:：\s●◆■▲·•★☆/-]", "", w)
    w = _VERBS.sub("", w)
    return w.strip()


class SentenceReader:
    def __init__(self, dataset, own_area: str | None) -> None:
        self.lexicon = Lexicon(dataset, own_area)
        self.areas = Areas(dataset)
        self.own_area = own_area

    # ------------------------------------------------------------------------------------------ items

    def _resolve(self, words: str, context: str, prev: str | None, nxt: str | None) -> str | None:
        """An item that names part of an indicator, completed from a neighbour's name (in comparison form)."""
        w = key(words)[0]
        names = self.lexicon.names
        cands = []
        for other in (prev, nxt):
            if not other:
                continue
            for i in range(1, len(other)):
                head, tail = other[:i], other[i:]
                cands += [w + tail, head + w, head + w + tail[-2:], head + w + tail]
        for c in sorted(set(cands), key=len):
            if c in names and c != prev and c != nxt:
                return self.lexicon.choose(c, context)
        return None

    def items(self, text: str, context: str, prev_name: str | None = None) -> list[tuple[str | None, str]]:
        """A list A、B和C in text: (indicator or None, the item as written) for each item, in order."""
        mentions = self.lexicon.find(text, context)
        kept: list[Mention] = []  # the first of overlapping mentions (the regex took the longest there)
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        cuts = list_separators(text)
        pieces: list[tuple[int, int, str | None]] = []  # (start, end, indicator)
        pos = 0
        for m in kept:
            gap_start = pos
            # a prefix glued to a mention belongs to it (城市生活 + 垃圾无害化处理率)
            glued = max([b for a, b in cuts if b <= m.start and a >= gap_start] or [gap_start])
            pieces += self._gap(text, gap_start, glued, cuts)
            pieces.append((glued, m.end, m.indicator))
            pos = m.end
        pieces += self._gap(text, pos, len(text), cuts)
        out: list[tuple[str | None, str]] = []
        for n, (a, b, ind) in enumerate(pieces):
            written = text[a:b]
            if ind is not None:
                out.append((ind, written))
                continue
            bare = _bare(written, self.areas)
            if not bare:
                continue
            prev = next((self._canonical(p[2]) for p in reversed(pieces[:n]) if p[2]), prev_name)
            nxt = next((self._canonical(p[2]) for p in pieces[n + 1:] if p[2]), None)
            ind = self._resolve(bare, context, prev, nxt)
            out.append((ind, bare if ind is None else written))
        return out

    def _gap(self, text: str, a: int, b: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int, str | None]]:
        """The items of a stretch without a mention, cut at the list's separators."""
        out: list[tuple[int, int, str | None]] = []
        start = a
        for c0, c1 in cuts:
            if a <= c0 < b:
                if _bare(text[start:c0], self.areas):
                    out.append((start, c0, None))
                start = c1
        if _bare(text[start:b], self.areas):
            out.append((start, b, None))
        return out

    def _canonical(self, indicator: str | None) -> str | None:
        """The indicator's own name, in comparison form."""
        return self.lexicon.canonical.get(indicator) if indicator else None

    def share(self, subject_words: str, whole: str, context: str) -> tuple[str | None, str]:
        """subject 占 whole 的 N%: the indicator named subject占whole比重, if the data has it."""
        x = re.sub(r"(要|将|面积|数量)+$", "", key(subject_words)[0])
        y = re.sub(r"(比重|比例)$", "", _VERBS.sub("", key(whole)[0]))
        ys = {y, self.areas._pattern.sub("", y), re.sub(r"^(全区|全市|区|市)", "", y)}
        for i in range(len(x)):
            for yy in ys:
                ind = self.lexicon.exact(f"{x[i:]}占{yy}比重", context)
                if ind:
                    return ind, f"{x[i:]}占{yy}比重"
        return None, f"{_bare(subject_words, self.areas)}占{y}"

    # ------------------------------------------------------------------------------------------ sentences

    def read(self, text: str) -> list[Reading]:
        out: list[Reading] = []
        for s in sentences(text):
            out += self._sentence(text, s)
            out += self._ratios(text, s)
        return sorted(out, key=lambda r: r.number.start)

    def _ratios(self, text: str, s: tuple[int, int]) -> list[Reading]:
        """A structure as a ratio (三次产业结构为2.0:56.4:41.6; 三产比例由2000年的0.5:78.9:20.6调整为…): one figure per
        part. The parts of an industrial structure are the shares of the primary, secondary and tertiary sectors; only
        a ratio of a whole (adding up to 100) is read."""
        out = []
        a, b = s
        for m in _RATIO.finditer(text, a, b):
            parts = [float(x) for x in m.group(0).split(":")]
            named = list(_RATIO_NAME.finditer(text, a, m.start()))
            if not named or abs(sum(parts) - 100) > 1.0:
                continue  # a ratio of nothing named, or not of a whole (1:0.8): no unit to propose
            name = named[-1]
            sectors = bool(re.search("产业|三产", name.group(0))) and len(parts) == 3
            whens = [w for w in times(text[a:m.start()]) if not w.base]
            area_m = self.areas.find(text[a:m.start()], self.own_area)
            for i, v in enumerate(parts):
                part = f"第{'一二三'[i]}产业" if sectors else f"第{i + 1}项"
                ind = self.lexicon.exact(f"第{'一二三'[i]}产业增加值占生产总值比重", name.group(0)) if sectors else None
                subj = Subject(ind, f"{_bare(name.group(0), self.areas)}（{part}）", (name.start(), m.end()))
                out.append(Reading(subj, Number(m.start(), m.end(), v, "%", None, False), "", (name.start(), m.end()),
                                   s, whens[-1] if whens else None, area_m[-1].area if area_m else None,
                                   area_m[-1].written if area_m else None, None, "ratio_part",
                                   text[name.start():m.start()]))
        return out

    def _sentence(self, text: str, s: tuple[int, int]) -> list[Reading]:
        a, b = s
        sentence = text[a:b]
        if not re.search(r"\d|[一二两三四五六七八九十][倍成座个家所项]|翻[一二两三四]番", sentence):
            return []
        whens = [(w, a + w.start) for w in times(sentence)]
        areas = [(m, a + m.start) for m in self.areas.find(sentence, self.own_area)]
        parts = clauses(text, a, b)
        out: list[Reading] = []
        carry: Subject | None = None
        carry_unit: str | None = None
        clause_subjects: list[Subject] = []  # the subject of each clause with a figure, in order

        for c0, c1 in parts:
            clause = text[c0:c1]
            nums = numbers(text, c0, c1)
            if not nums:
                mentions = self.lexicon.find(clause, sentence)
                if mentions:
                    carry = Subject(mentions[-1].indicator, mentions[-1].written, (c0, c1))
                continue
            readings: list[tuple[Subject, Number, str, str]] = []  # subject, number, lead, why
            split = clause.find("分别")
            each_m = _EACH.search(clause)
            each = each_m.start() if each_m else -1
            if split >= 0 and [n for n in nums if n.start >= c0 + split]:
                values = [n for n in nums if n.start >= c0 + split]
                head = clause[:split]
                head_nums = [n for n in nums if n.start < c0 + split]
                listed = self.items(head, sentence) if not head_nums else []
                years = re.findall(r"((?:19|20)\d\d)年", head)
                lead = text[c0 + split + 2:values[0].start]
                if len(listed) == len(values):
                    for (ind, written), n in zip(listed, values, strict=True):
                        readings.append((Subject(ind, written, (c0, c1)), n, lead, "respectively_list"))
                elif len(years) == len(values) and len(years) > 1:
                    subj = self._subject_in(head, c0, sentence, carry)
                    for y, n in zip(years, values, strict=True):
                        readings.append((subj, n, lead, "respectively_years"))
                        whens.append((When(year=int(y), start=n.start - a, end=n.end - a), n.start))
                elif len(clause_subjects) >= len(values) and not _bare(head, self.areas):
                    for subj, n in zip(clause_subjects[-len(values):], values, strict=True):
                        readings.append((subj, n, lead, "respectively_clauses"))
                for n in head_nums:
                    readings += self._plain(text, c0, c1, [n], sentence, carry, carry_unit)
            elif each >= 0 and [n for n in nums if n.start >= c0 + each] and not [n for n in nums if n.start < c0 + each]:
                head = clause[:each]
                listed = self.items(head, sentence, self._canonical(carry.indicator) if carry else None)
                for n in nums:
                    lead = text[c0 + each + 1:n.start]
                    for ind, written in listed:
                        readings.append((Subject(ind, written, (c0, c1)), n, lead, "each"))
            else:
                readings += self._plain(text, c0, c1, nums, sentence, carry, carry_unit)

            for subj, n, lead, why in readings:
                subj = self._counted_in_unit(subj, n, lead)
                quote_start = subj.clause[0]
                # a clause of time or place alone before the subject's belongs to the quote (2019年,全市…)
                k = next((i for i, p in enumerate(parts) if p[0] == quote_start), None)
                if k and not _bare(text[parts[k - 1][0]:parts[k - 1][1]], self.areas):
                    quote_start = parts[k - 1][0]
                quote_end = max(n.end, subj.clause[1]) if subj.clause[0] >= n.start else n.end  # 3个垃圾中转站
                tail = re.match(r"\([^()]*\)", text[quote_end:c1])
                if tail:
                    quote_end += tail.end()
                when = next((w for w, pos in reversed(whens) if pos <= n.start and not w.base), None)
                if when is None:
                    when = next((w for w, pos in whens if pos > n.start and pos < c1 and not w.base), None)
                area_m = next((m for m, pos in reversed(areas) if pos < n.start), None)
                span_text = text[quote_start:quote_end]
                caliber = max(((span_text.rfind(word), c) for word, c in _CALIBERS if word in span_text),
                              default=(-1, None))[1]
                if caliber is None and "可比价" in sentence[: n.start - a]:
                    caliber = "可比价"
                out.append(Reading(subj, n, lead, (quote_start, quote_end), s, when,
                                   area_m.area if area_m else None, area_m.written if area_m else None,
                                   caliber, why, text[max(a, subj.clause[0]):n.start]))
            last = next((r[0] for r in reversed(readings) if r[3] != "share"), None)
            if last is not None and (last.indicator or last.written):
                carry = last
                final = next(r for r in reversed(readings) if r[0] is last)
                carry_unit = None if is_growth(final[2]) else final[1].unit
            clause_subjects += [r[0] for r in readings]
        return out

    def _counted_in_unit(self, subj: Subject, n: Number, lead: str) -> Subject:
        """A name found without its count's tail (私营企业 for 私营企业户数) names the indicator for a count in that
        unit (1643户) or its growth, not for another figure of the subject (私营企业注册资金12.8亿元)."""
        unit = self.lexicon.count_unit(subj.written, subj.indicator)
        if unit is None or counts_in(n.unit, unit) or (is_growth(lead) and n.unit in ("%", "百分点", "倍")):
            return subj
        return Subject(None, subj.written, subj.clause)

    def _subject_in(self, head: str, base: int, context: str, carry: Subject | None) -> Subject:
        mentions = self.lexicon.find(head, context)
        if mentions:
            m = mentions[-1]
            return Subject(m.indicator, m.written, (base, base + len(head)))
        bare = _bare(head, self.areas)
        return carry if (carry and not bare) else Subject(None, bare, (base, base + len(head)))

    def _plain(self, text: str, c0: int, c1: int, nums: list[Number], context: str, carry: Subject | None,
               carry_unit: str | None = None) -> list[tuple[Subject, Number, str, str]]:
        """Figures of a clause without 分别 or 均. A subject carried from before takes a growth, or a level in the
        unit of its last level (…100%覆盖,累计为9万余户 is not the coverage)."""
        out: list[tuple[Subject, Number, str, str]] = []
        prev_end = c0
        prev_subject = carry
        prev_unit = carry_unit
        for n in nums:
            seg = text[prev_end:n.start]
            share = re.search(r"占(?![有据领用地])到?", seg)
            if share:
                whole = seg[share.end():]
                subject_words = seg[:share.start()]
                if _bare(subject_words, self.areas) or prev_subject is None:
                    words = subject_words
                else:
                    words = self._canonical(prev_subject.indicator) or prev_subject.written
                ind, written = self.share(words, whole, context)
                subj = Subject(ind, written, (c0, c1) if _bare(subject_words, self.areas) or prev_subject is None
                               else prev_subject.clause)
                out.append((subj, n, "", "share"))
                prev_end = n.end
                continue  # the subject stays: …增长5.0%,占全市地区生产总值的71.1%,占全疆工业增加值的17.9%
            mentions = [m for m in self.lexicon.find(seg, context)]
            listed = self.items(seg, context,
                                self._canonical(prev_subject.indicator) if prev_subject else None) if mentions else []
            if len(listed) >= 2 and all(ind for ind, _ in listed) and len(nums) == 1:
                lead = seg[mentions[-1].end:]
                for ind, written in listed:
                    out.append((Subject(ind, written, (c0, c1)), n, lead, "list_one_figure"))
                prev_end = n.end
                continue
            if mentions:
                m = mentions[-1]
                subj = Subject(m.indicator, m.written, (c0, c1))
                lead = seg[m.end:]
                why = "named_before"
            else:
                bare = _bare(seg, self.areas)
                if not bare and prev_subject is not None and (is_growth(seg) or n.unit == "倍" or prev_unit in (None, n.unit)):
                    subj, lead, why = prev_subject, seg, CARRIED
                elif bare:
                    ind = None
                    if prev_subject is not None:
                        prev = self._canonical(prev_subject.indicator)
                        ind = self._resolve(bare, context, prev, None) if prev else None
                    if ind is not None:
                        subj, why = Subject(ind, bare, (c0, c1)), "completed"
                    else:
                        after = self._counted(text, n, c1, context)
                        if after is not None:
                            subj, why = after, "count_before_noun"
                        else:
                            subj, why = Subject(None, bare, (c0, c1)), "no_indicator"
                    lead = _lead_of(seg)
                else:
                    after = self._counted(text, n, c1, context)
                    subj = after or Subject(None, "", (c0, c1))
                    lead, why = seg, "count_before_noun" if after else "no_subject"
            out.append((subj, n, lead, why))
            prev_subject = subj
            prev_unit = None if is_growth(lead) else n.unit
            prev_end = n.end
        return out

    def _counted(self, text: str, n: Number, c1: int, context: str) -> Subject | None:
        """A count or an extent written before its noun: 建设3个垃圾中转站, 完成44.5万平方米既有建筑节能改造; with
        对…进行, the action after 进行 ends the name (对44.5万平方米既有建筑进行了节能改造 → 既有建筑节能改造)."""
        if n.unit not in _COUNTED_UNITS:
            return None
        after = text[n.end:c1]
        does = _DOES.search(after) if text[max(0, n.start - 1):n.start] == "对" else None
        joined = after[:does.start()] + after[does.end():] if does else after
        mentions = self.lexicon.find(joined, context)
        if mentions and mentions[0].start == 0:
            m = mentions[0]
            end = m.end if not does or m.end <= does.start() else m.end + does.end() - does.start()
            return Subject(m.indicator, after[:end], (n.start, c1))
        return None


def _lead_of(seg: str) -> str:
    m = _VERBS.search(seg)
    return m.group(0) if m else ""


def is_growth(lead: str) -> bool:
    return bool(_GROWTH.search(lead)) and not re.search(r"(提高|增加|增长|提升|下降|降低|减少|增|降)(到|至)", lead)


def is_down(lead: str) -> bool:
    return bool(_DOWN.search(lead))

