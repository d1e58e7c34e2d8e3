"""The error catalogue: every data problem is a class with a stable code, a template over named fields (in Chinese
and in English), a description and a fix.

One format everywhere (CLI, dashboard, import, tests):
    targets/goals-headline.yaml:14: [type-mismatch] goal "gdp-2010" field "target": must be a number, got 'many'. Fix: ...
    targets/goals-headline.yaml:14：[type-mismatch] 目标“gdp-2010”字段“target”：应为数字，实际为'many'。修改：...
A problem found in a spreadsheet row is located by sheet, row and column instead (`Cell`), with the same message.

Free text appears only in the `note` field (a YAML parser's or pydantic's own words, which have no translation).
`reference_markdown()` writes the catalogue as a table for docs/data-format.md (a test keeps the two in step).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

LANGS = ("zh", "en")


class Text(NamedTuple):
    """A parameter that itself reads differently in each language (the name of a field, a kind of record)."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Cell:
    """Where a spreadsheet import found the value: sheet name, row number as the spreadsheet shows it, column name."""

    sheet: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        out = self.sheet
        if self.row is not None:
            out += f" row {self.row}"
        if self.column:
            out += f" column {self.column}"
        return out

    def zh(self) -> str:
        out = f"工作表“{self.sheet}”"
        if self.row is not None:
            out += f"第{self.row}行"
        if self.column:
            out += f"“{self.column}”列"
        return out


#: The kinds of record, as a located message names them.
KIND_NAMES: dict[str, Text] = {
    "goal": Text("目标", "goal"), "observation": Text("数据", "observation"), "document": Text("文献", "document"),
    "indicator": Text("指标", "indicator"), "area": Text("地区", "area"), "plan": Text("规划", "plan"),
    "file": Text("文件", "file"), "record": Text("记录", "record"),
    "stand_in": Text("代用声明", "stand-in declaration"),
}

#: pydantic's and the model's own English sentences, in Chinese (anything else is shown as it is).
NOTES_ZH: dict[str, str] = {
    "give exactly one of year or period": "年份（year）和时期（period）必须且只能填一个",
    "period must be [first year, last year]": "时期应写为[起始年, 结束年]",
    "years must be [first year, last year]": "年份范围应写为[起始年, 结束年]",
    "give exactly one of value (a number) or value_text (a statement without a number)":
        "数值（value）和文字表述（value_text）必须且只能填一个",
    "a figure with a value needs a unit": "有数值的数据必须填写单位",
    "must be a finite number": "必须是有限的数字",
    "a categorical goal needs target_text (the target in the plan's words)": "定性目标需要填写target_text（规划原文中的目标）",
    "a numeric goal needs a unit": "定量目标必须填写单位",
    "base_year must come before the first year of the period": "基期年必须早于规划期的第一年",
}


class _Fields(dict):
    """Template fields: a missing one shows as its name in braces rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _render(value: Any, lang: str) -> str:
    if isinstance(value, Text):
        return value.zh if lang == "zh" else value.en
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ("、" if lang == "zh" else ", ").join(_render(v, lang) for v in value)
    return str(value)


@dataclass(frozen=True)
class Problem:
    """One located problem. Subclasses fix the code, the severity, the templates and the fix."""

    file: str
    line: int | None = None
    record: str | None = None
    field: str | None = None
    detail: str = ""  # free text only: the `note` of a template (a parser's own words)
    kind: str = "record"  # the kind of record: goal, observation, document, indicator, area, plan, file
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)  # the template's named fields
    cell: Cell | None = None  # where a spreadsheet import found it (then file is the workbook's name)

    code: ClassVar[str] = "problem"
    severity: ClassVar[str] = "error"
    template: ClassVar[Text] = Text("{note}", "{note}")
    fix: ClassVar[Text] = Text("", "")
    description: ClassVar[str] = "A problem with the data."
    #: Optional sentences appended to the message when their field is given (e.g. the closest passage of a source).
    extras: ClassVar[Mapping[str, Text]] = {}

    # ---- words -------------------------------------------------------------------------------------------
    def fields(self, lang: str = "en") -> dict[str, str]:
        values = {k: _render(v, lang) for k, v in self.params.items()}
        note = NOTES_ZH.get(self.detail, self.detail) if lang == "zh" else self.detail
        return _Fields(note=note, **values)

    def text(self, lang: str = "en") -> str:
        """The message without the fix."""
        fields = self.fields(lang)
        out = _pick(self.template, lang).format_map(fields)
        for name, extra in self.extras.items():
            if self.params.get(name) not in (None, ""):
                out += _pick(extra, lang).format_map(fields)
        return out

    def hint(self, lang: str = "en") -> str:
        return _pick(self.fix, lang).format_map(self.fields(lang))

    def message_in(self, lang: str = "en") -> str:
        text, fix = self.text(lang), self.hint(lang)
        if lang == "zh":
            return f"{text}{'' if text.endswith(('？', '。')) else '。'}修改：{fix}" if fix else text
        return f"{text}{'' if text.endswith(('?', '.')) else '.'} Fix: {fix}" if fix else text

    @property
    def message(self) -> str:
        return self.message_in("en")

    def where(self, lang: str = "en") -> str:
        if self.cell is not None:
            return f"{self.file}：{self.cell.zh()}" if lang == "zh" else f"{self.file}: {self.cell}"
        return self.file + (f":{self.line}" if self.line else "")

    def subject(self, lang: str = "en") -> str:
        kind = _render(KIND_NAMES.get(self.kind, Text(self.kind, self.kind)), lang)
        out = ""
        if lang == "zh":
            if self.record:
                out += f"{kind}“{self.record}”"
            if self.field:
                out += f"字段“{self.field}”"
            return out
        if self.record:
            out += f' {kind} "{self.record}"'
        if self.field:
            out += f' field "{self.field}"'
        return out

    def located(self, lang: str = "en") -> str:
        """The one-line located message: where, [code], which record and field, what and how to fix it."""
        if lang == "zh":
            return f"{self.where('zh')}：[{self.code}]{self.subject('zh')}：{self.message_in('zh')}"
        return f"{self.where()}: [{self.code}]{self.subject()}: {self.message_in()}"

    def __str__(self) -> str:
        return self.located("en")

    def at(self, cell: Cell, file: str | None = None) -> Problem:
        """The same problem, located in a spreadsheet instead of a YAML file."""
        return dataclasses.replace(self, cell=cell, file=file if file is not None else self.file)

    def as_dict(self) -> dict:
        return {
            "file": self.file, "line": self.line, "record": self.record, "field": self.field, "kind": self.kind,
            "detail": self.detail, "params": params_to_json(self.params),
            "cell": dataclasses.asdict(self.cell) if self.cell else None,
            "code": self.code, "severity": self.severity, "message": self.message_in("en"),
            "message_zh": self.message_in("zh"),
        }


def _pick(text: Text, lang: str) -> str:
    return text.zh if lang == "zh" else text.en


def params_to_json(params: Mapping[str, Any]) -> dict:
    return {k: _to_json(v) for k, v in params.items()}


def _to_json(v: Any) -> Any:
    if isinstance(v, Text):
        return {"zh": v.zh, "en": v.en}
    if isinstance(v, list | tuple):
        return [_to_json(x) for x in v]
    return v


def params_from_json(params: Mapping[str, Any] | None) -> dict:
    return {k: _from_json(v) for k, v in (params or {}).items()}


def _from_json(v: Any) -> Any:
    if isinstance(v, dict) and set(v) == {"zh", "en"}:
        return Text(v["zh"], v["en"])
    if isinstance(v, list):
        return [_from_json(x) for x in v]
    return v


# ---------------------------------------------------------------------------------------------- reading files


class YamlSyntax(Problem):
    code = "yaml-syntax"
    template = Text("文件不是有效的YAML：{note}；本文件的{records}条记录均未载入",
                    "the file is not valid YAML: {note}; none of its {records} records were loaded")
    fix = Text("改正该行的YAML（缩进、漏写的冒号、未闭合的引号）", "correct the YAML at that line (indentation, a missing colon, "
               "an unclosed quote)")
    description = "The file cannot be parsed as YAML. The records in it (counted from the text) are all missing."


class NotText(Problem):
    code = "not-utf8"
    template = Text("文件不是UTF-8文本（第{position}字节：{note}）；本文件的{records}条记录均未载入",
                    "the file is not UTF-8 text (byte {position}: {note}); none of its {records} records were loaded")
    fix = Text("将文件另存为UTF-8编码", "save the file as UTF-8")
    description = "A data file that is not UTF-8 text. Data files are always UTF-8 (source documents may be GBK)."


class FileTooLarge(Problem):
    code = "file-too-large"
    template = Text("文件有{size_mb}MB，超过每个数据文件{limit_mb}MB的上限，未读取（约{records}条记录未载入）",
                    "the file is {size_mb} MB, over the limit of {limit_mb} MB per data file, so it was not read "
                    "(about {records} records not loaded)")
    fix = Text("把记录拆分到几个较小的文件中；确需更大的文件时设置PLAN_TRACKER_MAX_FILE_MB",
               "split the records over several smaller files; if a larger file is truly needed, set "
               "PLAN_TRACKER_MAX_FILE_MB")
    description = "A data file over the size limit (default 20 MB, PLAN_TRACKER_MAX_FILE_MB) is refused unread."


class BadLayout(Problem):
    code = "bad-layout"
    template = Text("文件名不是载入程序读取的文件名，其中的记录会被忽略",
                    "this file name is not one the loader reads, so its records would be ignored")
    fix = Text("按以下方式重命名：plan.yaml、indicators.yaml、goals-*.yaml、areas.yaml、doc-*.yaml、indicators-*.yaml、"
               "stand-ins-*.yaml", "rename it (plan.yaml, indicators.yaml, goals-*.yaml, areas.yaml, doc-*.yaml, "
               "indicators-*.yaml, stand-ins-*.yaml)")
    description = "A YAML file under targets/ or actuals/ whose name the loader does not read."


class EmptyFile(Problem):
    code = "empty-file"
    template = Text("文件是空的", "the file is empty")
    fix = Text("写入记录，或删除该文件", "write its records, or delete the file")
    description = "A data file with nothing in it."


class NotAMapping(Problem):
    code = "not-a-mapping"
    template = Text("文件顶层必须是以“{key}”为键的映射", "the file must be a mapping with the key '{key}'")
    fix = Text("参照docs/data-format.md中该类文件的格式", "see docs/data-format.md for the layout of this kind of file")
    description = "The top of the file is not a mapping of the expected keys."


class NotAList(Problem):
    code = "not-a-list"
    template = Text("“{key}”必须是记录的列表", "'{key}' must be a list of records")
    fix = Text("每条记录以“- ”开头", "start each record with '- '")
    description = "A key that holds a list of records holds something else."


class RecordNotMapping(Problem):
    code = "record-not-mapping"
    template = Text("每条记录必须是字段的映射，实际为{got}", "each record must be a mapping of fields, got {got}")
    fix = Text("把记录写成“字段: 值”的形式，每行一个字段", "write the record as 'field: value' lines")
    description = "A list item that is not a record of fields."


class OrphanObservations(Problem):
    code = "orphan-observations"
    template = Text("文献记录无效，故本文件的{count}条数据未载入",
                    "{count} observations not loaded because the document record is invalid")
    fix = Text("先改正文献记录（document:）", "correct the document record (document:) first")
    description = "Observations cannot be traced to their document when the document record is invalid."


class DuplicateKey(Problem):
    code = "duplicate-key"
    template = Text("同一记录中键“{key}”出现两次（YAML只会保留后一个）",
                    "the key {key!r} appears twice in one record; YAML would silently keep only the last")
    fix = Text("删除其中一行", "delete one of the two lines")
    description = "A key written twice in one mapping; plain YAML would keep the last silently."


class UnsafeTag(Problem):
    code = "unsafe-tag"
    template = Text("不允许的YAML标签：{note}", "YAML tag not allowed: {note}")
    fix = Text("删除该标签；数据文件只写普通值", "remove the tag; data files hold plain values only")
    description = "A YAML tag such as !!python/object; it is refused, never executed."


# ---------------------------------------------------------------------------------------------- one record


class MissingField(Problem):
    code = "missing-field"
    template = Text("缺少必填字段", "required field is missing")
    fix = Text("补上该字段（见docs/data-format.md）", "add the field (see docs/data-format.md)")
    description = "A field the record needs is absent."


class UnknownField(Problem):
    code = "unknown-field"
    template = Text("该字段不属于数据格式", "field is not part of the format")
    fix = Text("对照docs/data-format.md检查拼写，或删除该字段", "check the spelling against docs/data-format.md, or remove it")
    extras = {"where": Text("（{where}）", " ({where})")}
    description = "A field the format does not have (often a misspelling); the record is rejected, not read in part."


class TypeMismatch(Problem):
    code = "type-mismatch"
    template = Text("应为{expected}，实际为{given}", "must be {expected}, got {given}")
    fix = Text("按格式要求填写（数字不带单位或引号，年份如2010）",
               "write the value in the form the format asks for (a number without units or quotes, a year as 2010)")
    description = "A value of the wrong type: a word where a number belongs, a list where a year belongs."


class UnknownUnit(Problem):
    code = "unknown-unit"
    template = Text("单位“{unit}”不在单位表中", "unit {unit!r} is not in the unit list")
    fix = Text("使用docs/data-format.md中的单位；确为新单位时在dashboard/records/model.py的UNITS中添加",
               "use one of the units in docs/data-format.md, or add the unit to dashboard/records/model.py UNITS "
               "if it is truly new")
    extras = {"suggestion": Text("；是否应为“{suggestion}”？", "; did you mean {suggestion!r}?")}
    description = "A unit outside the unit list (a new unit is a decision, not a typo)."


class InvalidValue(Problem):
    code = "invalid-value"
    template = Text("{note}", "{note}")
    fix = Text("按说明改正（允许的取值见docs/data-format.md）",
               "correct the value as said (allowed values are listed in docs/data-format.md)")
    description = "A value outside what the field allows (a rule of the model)."


class NotAllowed(Problem):
    code = "not-allowed"
    template = Text("“{given}”不是允许的取值（允许：{allowed}）", "{given!r} is not an allowed value (allowed: {allowed})")
    fix = Text("从允许的取值中选一个", "choose one of the allowed values")
    extras = {"suggestion": Text("；是否应为“{suggestion}”？", "; did you mean {suggestion!r}?")}
    description = "A value outside a fixed list (measure, comparator, qualifier…); a likely intended value is named."


class DuplicateId(Problem):
    code = "duplicate-id"
    template = Text("该id已在{first}使用", "id is already used in {first}")
    fix = Text("每条记录使用自己的id；页面和导出靠id指认记录",
               "give each record its own id; ids are how pages and exports refer to records")
    description = "Two records of one kind with the same id; the first keeps it, the later one is rejected."


class StandInDeclaredTwice(Problem):
    code = "stand-in-declared-twice"
    template = Text("该指标已经声明过{place}的数据能说明什么（{first}）", "this indicator already declares what {place}'s "
                    "figures may say ({first})")
    fix = Text("删除这一条声明；要改变已有的声明，请数据审核人员修改原来的文件", "remove this declaration; to change the "
               "existing one, ask the data's reviewer to edit the file that holds it")
    description = "A stand-in declaration (actuals/stand-ins-*.yaml) for a place its indicator already declares, or " \
                  "that another file declares too: neither is taken."


class DuplicatePlan(Problem):
    code = "duplicate-plan"
    template = Text("已有另一条同编号的规划记录：每个规划只能有一条规划记录",
                    "there is another plan record with this id: one plan record per plan")
    fix = Text("删除多余的规划记录，或给新规划一个自己的编号和文件夹（targets/<规划编号>/）",
               "remove the extra plan record, or give a new plan an id and a folder of its own (targets/<plan-id>/)")
    description = "Two plan records with one id (the old layout's targets/plan.yaml and a plan folder, say)."


class PlanFolderMismatch(Problem):
    code = "plan-folder-mismatch"
    template = Text("规划编号“{plan}”与所在文件夹“{folder}”不同", "the plan id '{plan}' differs from its folder '{folder}'")
    fix = Text("每个规划放在 targets/<规划编号>/ 下：改名文件夹或编号，使二者相同",
               "keep each plan in targets/<plan-id>/: rename the folder or the id so that they match")
    description = "A plan of the layout for many plans (targets/<plan-id>/plan.yaml) whose id is not its folder's name."


class GoalsWithoutPlan(Problem):
    code = "goals-without-plan"
    template = Text("文件夹“{folder}”中有目标，但没有plan.yaml：这些目标不属于任何规划",
                    "the folder '{folder}' holds goals but no plan.yaml: they belong to no plan")
    fix = Text("在该文件夹中加入plan.yaml（可用 import-plan 生成），或把目标移到其规划的文件夹",
               "add a plan.yaml to the folder (import-plan writes one), or move the goals to their plan's folder")
    description = "A goals file in a folder of targets/ that has no plan record; its goals are rejected."


class DuplicateDocument(Problem):
    code = "duplicate-document"
    template = Text("文献id“{id}”已由{first}使用；本文件的文献及其{count}条数据均未载入，{first_file}的数据不受影响",
                    "document id {id!r} is already used by {first}; this file's document and its {count} "
                    "observations were not loaded ({first_file} keeps all its figures)")
    fix = Text("给本文件的文献另起一个id（如doc-005），文件名与之对应（actuals/doc-005.yaml）",
               "give this file's document its own id (such as doc-005) and name the file after it "
               "(actuals/doc-005.yaml)")
    description = "A second document with an id already used: refused whole, naming both files; the first is untouched."


class UnknownReference(Problem):
    code = "unknown-reference"
    template = Text("没有id为“{value}”的{target}", "no {target} has the id {value!r}")
    extras = {"suggest": Text("；名称最接近的是：{suggest}", "; the closest by name: {suggest}")}
    fix = Text("使用已有的id，或先添加缺少的记录", "use an id that exists, or add the missing record")
    description = "A reference (indicator, area, goal, document, group) to an id that does not exist."


class GoalAreaNotInQuote(Problem):
    code = "goal-area-not-in-quote"
    template = Text("目标的area为{area}（{area_name}），但其规划引文没有写到该地区（它的名称，或指该级地区的“我市”“全市”等词）",
                    "the goal's area is {area} ({area_name}), but its quote of the plan does not name that area (by "
                    "its name, or by a word such as 我市 or 全市 for an area of that level)")
    fix = Text("引用规划中写明该地区的原文；规划讲的是本辖区时，删除area",
               "quote the plan's words that name that area; where the plan speaks for its own area, remove area")
    description = ("A goal that speaks for an area other than the plan's (its `area`) whose own quote does not name "
                   "that area: another area's figures count as direct only where the plan's words say so.")


class YearOutOfRange(Problem):
    code = "year-out-of-range"
    template = Text("{what}{year}不在{range_name}（{allowed}）之内", "{what} {year} is outside {range_name} ({allowed})")
    fix = Text("对照规划期、基期和展望年，或文献涵盖的年份检查年份",
               "check the year against the plan's period, base year and horizon, or the years the document covers")
    description = "A year outside the range its record allows."


# ---------------------------------------------------------------------------------------------- against the sources


class QuoteNotInSource(Problem):
    code = "quote-not-in-source"
    template = Text("引文不在{source}中", "the quote does not stand in {source}")
    extras = {
        "closest": Text("；原文最接近的一段是“{closest}”，自引文第{position}个字起不同（引文为“{quoted}”，原文为“{found}”）",
                        "; the closest passage of the source is “{closest}”, differing from character {position} of "
                        "the quote on (the quote has “{quoted}”, the source “{found}”)"),
    }
    fix = Text("从原文逐字复制（只有空白可以不同）", "copy the words exactly from the source document (only white space may differ)")
    description = "The quote is not found in its source document (white space ignored); the closest passage is shown."


class NumberNotInQuote(Problem):
    code = "number-not-in-quote"
    template = Text("{what}{value}不在引文中", "the {what} {value} does not appear in the quote")
    fix = Text("使数字与引文一致，或引用写明该数字的原文；计算得出的数字请标为derived",
               "make the number agree with the quote, or quote the passage that states it; mark a computed figure "
               "as derived")
    description = "The record's number is not stated in its own quote."


class QualifierNotInQuote(Problem):
    code = "qualifier-not-in-quote"
    template = Text("限定词“{qualifier}”没有紧挨着引文中的{number}", "the qualifier {qualifier!r} does not stand next to "
                    "{number} in the quote")
    extras = {"found": Text("（引文在数字旁写的是“{found}”）", " (the quote says {found!r} there)")}
    fix = Text("限定词应与原文一致（原文是什么就写什么），或把计算得出的数字标为derived",
               "use the qualifier the quote uses next to the number, or mark a computed figure as derived")
    description = "The qualifier (以上, 以内…) is not the word the quote puts next to the number."


class QualifierMissing(Problem):
    code = "qualifier-missing"
    template = Text("引文中{number}旁写有“{found}”，但记录没有限定词", "the quote says {found!r} next to {number}, but the "
                    "record has no qualifier")
    fix = Text("填写qualifier: {found}", "add qualifier: {found}")
    description = "The quote qualifies the number (2%以内) but the record reads it as an exact figure."


class UnitNotInQuote(Problem):
    code = "unit-not-in-quote"
    template = Text("单位“{unit}”没有紧跟在引文中的{number}之后", "the unit {unit!r} does not follow {number} in the quote")
    extras = {"found": Text("（引文在数字后写的是“{found}”）", " (the quote has {found!r} after it)")}
    fix = Text("单位应与原文数字后的单位一致，或把换算得出的数字标为derived",
               "use the unit the quote puts after the number, or mark a converted figure as derived")
    description = "The unit is not the one the quote writes after the number (% where the quote says 平方米)."


class UnitScale(Problem):
    code = "unit-scale"
    severity = "warning"
    template = Text("{value}与目标“{goal}”的{against}相差{factor}倍以上，单位可能写错",
                    "{value} is {factor}× or more away from the {against} of goal {goal!r}; the unit may be wrong")
    fix = Text("核对单位（万人还是人，亿元还是万元）", "check the unit (万人 or 人, 亿元 or 万元)")
    description = "A figure 100× or more away from both its goal's baseline and target: usually a unit mistake."


class PeriodBeforeBase(Problem):
    code = "period-before-base"
    severity = "warning"
    template = Text("{first}–{last}年大部分在规划基期年{base_year}年之前", "{first}–{last} lies mostly before the plan's "
                    "base year {base_year}")
    fix = Text("核对年份；基期之前的数字只能作为背景", "check the years; a figure from before the base year is only background")
    description = "A figure whose years lie mostly before the plan's base year."


class SourceMissing(Problem):
    code = "source-missing"
    template = Text("找不到原文文件{source}（文献记录“file:”一行所写），已在{folder}中查找；{count}条记录的引文无法核对，未载入",
                    "source document {source} (named on the file: line of the document record) was not found "
                    "in {folder}; {count} records whose quotes it should prove were not loaded")
    fix = Text("把原文放进{folder}，或改正“file:”中的文件名，或用--sources指向存放原文的文件夹",
               "put the document in {folder}, or correct the file name on the file: line, or point --sources at "
               "the folder holding the documents")
    description = "The source document a record names is not in the sources folder."


class SourceNotUtf8(Problem):
    code = "source-not-utf8"
    severity = "warning"
    template = Text("原文{source}不是UTF-8编码，已按{encoding}读取", "source document {source} is not UTF-8; it was read as "
                    "{encoding}")
    fix = Text("可另存为UTF-8（不影响核对）", "save it as UTF-8 if you can (the quotes were checked all the same)")
    description = "A source document in GBK/GB18030 (usual for Chinese government files): read, with a warning."


class SourceUndecodable(Problem):
    code = "source-undecodable"
    template = Text("原文{source}无法按UTF-8或GB18030解码（第{position}字节）；{count}条记录的引文无法核对，未载入",
                    "source document {source} cannot be decoded as UTF-8 or GB18030 (byte {position}); {count} "
                    "records whose quotes it should prove were not loaded")
    fix = Text("用文本编辑器打开原文并另存为UTF-8", "open the document in a text editor and save it as UTF-8")
    description = "A source document that is not text in any encoding read here; every other document is still used."


class StandInUndeclared(Problem):
    code = "stand-in-undeclared"
    severity = "warning"
    template = Text("有{count}条较大地区“{area}”的数据涉及本指标的目标，但数据未声明这些数据能说明什么，故均未采用",
                    "{count} figure(s) of the larger area {area!r} bear on this indicator's goals, but the data does "
                    "not declare what they may say; they are set aside")
    fix = Text("这些数据已载入，只是暂不用于判定。如果较大地区的数据可以说明本区，在表格的“代用 stand-ins”工作表中声明"
               "它能说明什么（level水平、pace只有变化速度、none不能）并写明中英文理由，随表格一起导入（或由数据审核人员写在指标的"
               "stand_in下，见docs/data-format.md）",
               "the figures are loaded, only not used in a verdict yet. If the larger area's figures may speak for "
               "the plan's area, declare what they may say (level, pace or none) with the reason in both languages "
               "on the workbook's “代用 stand-ins” sheet and import it (or the data's reviewer adds it under the "
               "indicator's `stand_in`, see docs/data-format.md)")
    description = "An indicator with figures of a larger area and no declaration of what they may say about its goals."


class BaselineUnitMissing(Problem):
    code = "baseline-unit-missing"
    template = Text("变化率目标的基期值需要自己的单位（它所起算的水平值的单位）",
                    "the baseline of a rate-of-change goal needs its own unit (the level it starts from)")
    fix = Text("在baseline中加上unit:，即水平值的单位（如亿元、元）", "add `unit:` to the baseline, the unit of the level "
               "(e.g. 亿元, 元)")
    description = "A rate-of-change goal whose baseline (a level) does not say its unit."


class ValueTextNotInQuote(Problem):
    code = "value-text-not-in-quote"
    template = Text("文字表述不在引文中（须逐字相同）", "the statement does not stand word for word in the quote")
    fix = Text("让value_text与引文逐字一致，或引用写明它的原文", "make value_text agree word for word with the quote, or "
               "quote the passage that states it")
    description = "A statement without a number (value_text) that its quote does not contain word for word."


class QuotesNotVerified(Problem):
    code = "quotes-not-verified"
    severity = "warning"
    template = Text("找不到原文文件夹，{count}条引文未与原文核对", "source folder not found, so {count} quotes were NOT "
                    "verified against their documents")
    fix = Text("把原文放在../shared/sources，或用PLAN_TRACKER_SOURCES指向它们，然后再运行check",
               "put the source documents in ../shared/sources or point PLAN_TRACKER_SOURCES at them, then run check "
               "again")
    description = "The sources folder is absent: the records load, their quotes unproven."


class StoreStale(Problem):
    code = "store-stale"
    severity = "warning"
    template = Text("未使用列式存储：{note}", "the columnar store was not used: {note}")
    fix = Text("重新运行`python -m dashboard build --out DIR`（本次照常读取了YAML文件）",
               "run `python -m dashboard build --out DIR` again (the YAML files were read instead, as always)")
    description = "The Parquet store no longer matches the YAML files or the code; the YAML was read instead."


# ---------------------------------------------------------------------------------------------- spreadsheet import


class WorkbookUnreadable(Problem):
    code = "workbook-unreadable"
    template = Text("无法读取该表格文件：{note}", "the spreadsheet cannot be read: {note}")
    fix = Text("用template命令生成的.xlsx或UTF-8编码的.csv", "use the .xlsx the template command writes, or a UTF-8 .csv")
    description = "The uploaded or named file is not a workbook or CSV file the import reads."


class SheetMissing(Problem):
    code = "sheet-missing"
    template = Text("缺少工作表“{sheet}”", "the sheet {sheet!r} is missing")
    fix = Text("使用template命令生成的工作簿，不要重命名工作表", "start from the workbook the template command writes; do not "
               "rename its sheets")
    description = "A sheet the import needs is not in the workbook."


class ColumnMissing(Problem):
    code = "column-missing"
    template = Text("缺少列“{column}”", "the column {column!r} is missing")
    fix = Text("恢复表头行中的这一列（列名见“说明”工作表）", "put the column back in the header row (the columns are listed on "
               "the help sheet)")
    description = "A required column is absent from the header row."


class UnknownColumn(Problem):
    code = "unknown-column"
    severity = "warning"
    template = Text("不认识的列“{column}”，已忽略", "unknown column {column!r}, ignored")
    fix = Text("检查拼写（列名见“说明”工作表），或删除该列", "check its spelling against the help sheet, or remove it")
    description = "A column the import does not know; its cells are not read."


class BadCell(Problem):
    code = "bad-cell"
    template = Text("单元格“{value}”应为{expected}", "the cell {value!r} must be {expected}")
    fix = Text("按“说明”工作表中的格式填写", "write it as the help sheet says")
    description = "A cell that cannot be read as what its column holds (a year, a period, a date)."


class NoObservations(Problem):
    code = "no-observations"
    template = Text("工作表中没有任何数据行", "the sheet has no rows of figures")
    fix = Text("在表头下方每行填一个数字", "enter one figure a row below the header")
    description = "An import with no figures."


class CsvOneSheet(Problem):
    code = "csv-one-sheet"
    template = Text("这个CSV文件只有工作表“{present}”，缺少工作表“{missing}”：Excel另存为CSV时只保存当时打开的那一个工作表",
                    "this CSV file holds only the sheet {present!r}; the sheet {missing!r} is missing (Excel saves "
                    "only the sheet on screen as CSV)")
    fix = Text("直接上传.xlsx工作簿（不要另存为CSV）；一定要用CSV时，把文献的“字段,值”各行放在数据的表头行上方，中间空一行",
               "upload the .xlsx workbook itself (do not save it as CSV); if it must be CSV, put the document's "
               "`field,value` rows above the figures' header row, with a blank line between")
    description = "A CSV file with only one of the two sheets (Excel saves the sheet on screen only)."


class DuplicateRow(Problem):
    code = "duplicate-row"
    template = Text("与第{first}行重复（{how}）：同一个数字录入了两次，会被算作两条证据",
                    "repeats row {first} ({how}): the same figure entered twice would count as two pieces of evidence")
    fix = Text("删除其中一行；如果确是两个不同的数字，改正指标、地区、年份或数值", "delete one of the two rows; if they really "
               "are two different figures, correct the indicator, area, year or value")
    description = "Two rows of one workbook with the same indicator, measure, area, year and value, or the same quote "\
                  "and value."


class DuplicateElsewhere(Problem):
    code = "duplicate-elsewhere"
    severity = "warning"
    template = Text("已载入的文献{document}中已有相同的数字（{other}：同一指标、地区、年份和数值）",
                    "the loaded document {document} already has this figure ({other}: same indicator, area, year and "
                    "value)")
    fix = Text("后来的公报重述某一年的数字是常见的，可以保留；如果是误录，删除这一行",
               "a later bulletin often restates a year's figure, so it may stay; if it was entered by mistake, delete "
               "the row")
    description = "A figure another loaded document already gives (a warning: documents do restate years)."


class AreaAgainstQuote(Problem):
    code = "area-against-quote"
    template = Text("“地区”一栏是{area}，但原文说的是{named}", "the area column says {area}, but the quote speaks of {named}")
    fix = Text("把“地区”改为原文所说的地区；如果该数字确属{area}，在“例外说明 override”一栏写明原因",
               "set the area to the one the quote names; if the figure truly is {area}'s, say why in the "
               "“例外说明 override” column")
    description = "A row whose area is not the area its quote names (a city's figure filed under a district, say); "\
                  "an `override` cell with a reason lets it pass."


class PercentCell(Problem):
    code = "percent-cell"
    template = Text("数值{value}像是把{percent}%存成了小数（这个单元格是Excel的百分比格式）",
                    "{value} looks like {percent}% stored as a fraction (the cell has Excel's percentage format)")
    fix = Text("在“数值”一栏输入{percent}，并把该单元格的格式改为“常规”；百分号只写在“单位”一栏（%）",
               "type {percent} in the value column and set the cell's format to General; the % goes in the unit "
               "column only")
    description = "A value cell formatted as a percentage: Excel stores 38.65% as 0.3865."


class PercentSign(Problem):
    code = "percent-sign"
    template = Text("数值“{typed}”带了百分号", "the value {typed!r} has a percent sign")
    fix = Text("在“数值”一栏只写数字{number}；百分号写在“单位”一栏（%）",
               "write the number alone ({number}) in the value column; the % goes in the unit column")
    description = "A value typed with its percent sign (a CSV file keeps 38.65% as text)."


class RowNotFilled(Problem):
    code = "row-not-filled"
    severity = "warning"
    template = Text("这一行没有填写数值和原文，已跳过", "this row has no value and no quote, so it was skipped")
    fix = Text("找到该数字时，填写数值和写明它的原文句子后重新导入；否则不用处理",
               "when the figure is found, fill in its value and the sentence stating it and import again; otherwise "
               "nothing to do")
    description = "A row of a request workbook (or any row) with the figure's description but no value, statement "\
                  "or quote: skipped, said."


class OutputExists(Problem):
    code = "output-exists"
    template = Text("{path}已存在，未覆盖", "{path} already exists and was not overwritten")
    fix = Text("确需替换时加--force（替换前先看预览）", "add --force to replace it (look at the preview first)")
    description = "The import never writes over an existing file without --force."


class ProposalUnconfirmed(Problem):
    code = "proposal-unconfirmed"
    severity = "warning"
    template = Text("这一行是程序从文献中提取的建议，尚未确认，未导入", "this row was proposed by the program from the document "
                    "and is not confirmed, so it was not imported")
    fix = Text("对照原文核对该行，在“确认”列填“是”；不对的行填“否”或删除", "check the row against the document, then write "
               "yes in the confirmed column; write no in it, or delete the row, if it is wrong")
    description = ("A row `propose --out` wrote that nobody confirmed yet: the import leaves it out (a person confirms "
                   "what the program proposes).")


# ---------------------------------------------------------------------------------------------- reading a document


class DocumentFormat(Problem):
    code = "document-format"
    template = Text("不能读取“{suffix}”类型的文件（可读取：{allowed}）", "files of type {suffix!r} cannot be read "
                    "(readable: {allowed})")
    fix = Text("另存为.docx、.pdf（带文字层）、.html或.txt（UTF-8或GBK）后再读取", "save it as .docx, .pdf (with a text "
               "layer), .html or .txt (UTF-8 or GBK) and read that")
    description = "A document whose type the reader does not read (an old .doc, a spreadsheet, an image)."


class DocumentUnreadable(Problem):
    code = "document-unreadable"
    template = Text("无法打开该文件：{note}", "the file cannot be opened: {note}")
    fix = Text("检查文件名和路径，以及是否有读取权限", "check the file's name and folder, and that it may be read")
    description = "A document that is not there, or may not be read."


class DocumentTooLarge(Problem):
    code = "document-too-large"
    template = Text("文件有{size_mb}MB，超过{limit_mb}MB的上限，未读取", "the file is {size_mb} MB, over the limit of "
                    "{limit_mb} MB, so it was not read")
    fix = Text("只读取需要的部分（如另存正文为.txt）；确需更大的文件时设置PLAN_TRACKER_MAX_DOCUMENT_MB",
               "read only the part needed (save its text as .txt); if a larger file is truly needed, set "
               "PLAN_TRACKER_MAX_DOCUMENT_MB")
    description = "A document over the size limit (default 50 MB, PLAN_TRACKER_MAX_DOCUMENT_MB) is refused unread."


class DocumentUndecodable(Problem):
    code = "document-undecodable"
    template = Text("文件不是UTF-8或GB18030（GBK）编码的文本（第{position}字节）", "the file is not text in UTF-8 or "
                    "GB18030 (GBK) (byte {position})")
    fix = Text("用文本编辑器打开并另存为UTF-8；若它其实是Word或PDF文件，请改用正确的扩展名",
               "open it in a text editor and save it as UTF-8; if it is really a Word or PDF file, give it the right "
               "extension")
    description = "A .txt or .html document in no encoding read here (or a binary file under a text name)."


class DocumentEncrypted(Problem):
    code = "document-encrypted"
    template = Text("文件已加密（设有打开密码），无法读取", "the file is encrypted (it has an opening password), so it "
                    "cannot be read")
    fix = Text("用密码打开后另存为不加密的文件；若是旧的.doc文件，请另存为.docx", "open it with its password and save an "
               "unencrypted copy; if it is an old .doc file, save it as .docx")
    description = "A password-protected PDF or Word file (or an old .doc renamed .docx): no text is read from it."


class DocumentDamaged(Problem):
    code = "document-damaged"
    template = Text("文件已损坏或不是它的扩展名所说的格式：{note}", "the file is damaged or not the format its extension "
                    "says: {note}")
    fix = Text("重新下载或导出该文件，用相应的程序打开确认无误后再读取", "download or export the file again and check that "
               "its program opens it, then read it")
    description = "A .docx, .pdf or .html file its reader cannot open (truncated, corrupt, or another format)."


class DocumentEmpty(Problem):
    code = "document-empty"
    template = Text("文件中没有可读取的文字", "the file holds no text to read")
    fix = Text("确认选对了文件；图片中的文字需先用OCR转成文字", "check it is the right file; text in pictures needs OCR first")
    description = "A document with no text at all (an empty file, a Word file of pictures only)."


class PdfWithoutText(Problem):
    code = "pdf-no-text"
    template = Text("PDF的{pages}页都没有文字层（扫描件或图片），本程序不做文字识别（OCR），未读取任何内容",
                    "none of the PDF's {pages} pages has a text layer (a scan or pictures); the reader does no OCR, so "
                    "nothing was read")
    fix = Text("找带文字层的版本（网页版或原始文件），或先用OCR软件转成文字并逐字校对后另存为.txt",
               "find a version with text (the web page or the original file), or run OCR first, proofread it word "
               "for word and save it as .txt")
    description = "A PDF with no text layer on any page (a scan): the reader does no OCR, so nothing is proposed."


class PdfPagesWithoutText(Problem):
    code = "pdf-pages-without-text"
    severity = "warning"
    template = Text("PDF共{total}页，其中第{pages}页没有文字层（扫描件或图片），这些页上的数字未读取",
                    "of the PDF's {total} pages, page(s) {pages} have no text layer (scans or pictures); figures on "
                    "them were not read")
    fix = Text("这些页上的数字需手工录入", "enter the figures on those pages by hand")
    description = "Some pages of a PDF are scans: the rest is read, the figures on those pages are not."


class DataError(Exception):
    """Raised at the library boundary when data cannot be used at all; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def catalogue() -> list[type[Problem]]:
    """Every problem class, in the order of this module (and any subclass defined elsewhere, after)."""
    found: list[type[Problem]] = []
    todo: list[type[Problem]] = [Problem]
    while todo:
        cls = todo.pop(0)
        if cls is not Problem:
            found.append(cls)
        todo += cls.__subclasses__()
    return found


def reference_markdown() -> str:
    """The catalogue as a Markdown table: code, severity, what it means, the fix (English and Chinese)."""
    rows = ["| code | severity | what it means | fix / 修改 |", "|---|---|---|---|"]
    for cls in catalogue():
        fix = f"{cls.fix.en} / {cls.fix.zh}".replace("|", "\\|")
        rows.append(f"| `{cls.code}` | {cls.severity} | {cls.description} | {fix} |")
    return "\n".join(rows)
