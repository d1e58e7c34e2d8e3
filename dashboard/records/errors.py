"""The error catalogue: every data problem is a class with a stable code and a message template.

One format everywhere (CLI, dashboard, tests):
    targets/goals-headline.yaml:14: [type-mismatch] goal "gdp-2010" field "target": must be a number, got 'many'. Fix: ...
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Problem:
    """One located problem. Subclasses fix the code, the template and the hint."""

    file: str
    line: int | None = None
    record: str | None = None
    field: str | None = None
    detail: str = ""
    kind: str = "record"  # the kind of record: goal, observation, document, indicator, area, plan

    code: ClassVar[str] = "problem"
    severity: ClassVar[str] = "error"
    template: ClassVar[str] = "{detail}"
    hint: ClassVar[str] = ""

    @property
    def message(self) -> str:
        text = self.template.format(detail=self.detail)
        return f"{text}. Fix: {self.hint}" if self.hint else text

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        subject = ""
        if self.record:
            subject += f' {self.kind} "{self.record}"'
        if self.field:
            subject += f' field "{self.field}"'
        return f"{where}: [{self.code}]{subject}: {self.message}"

    def as_dict(self) -> dict:
        return {**asdict(self), "code": self.code, "severity": self.severity, "message": self.message}


class YamlSyntax(Problem):
    code = "yaml-syntax"
    template = "the file is not valid YAML: {detail}"
    hint = "correct the YAML at that line (indentation, a missing colon, an unclosed quote); nothing in this file was loaded"


class NotText(Problem):
    code = "not-utf8"
    template = "the file is not UTF-8 text: {detail}"
    hint = "save the file as UTF-8"


class BadLayout(Problem):
    code = "bad-layout"
    template = "{detail}"
    hint = "see docs/data-format.md for the layout of this kind of file"


class DuplicateKey(Problem):
    code = "duplicate-key"
    template = "the key appears twice in one record ({detail}); YAML would silently keep only the last"
    hint = "delete one of the two lines"


class UnsafeTag(Problem):
    code = "unsafe-tag"
    template = "YAML tag not allowed: {detail}"
    hint = "remove the tag; data files hold plain values only"


class MissingField(Problem):
    code = "missing-field"
    template = "required field is missing"
    hint = "add the field (see docs/data-format.md)"


class UnknownField(Problem):
    code = "unknown-field"
    template = "field is not part of the format{detail}"
    hint = "check the spelling against docs/data-format.md, or remove it"


class TypeMismatch(Problem):
    code = "type-mismatch"
    template = "{detail}"
    hint = "write the value in the form the format asks for (a number without units or quotes, a year as 2010)"


class UnknownUnit(Problem):
    code = "unknown-unit"
    template = "unit {detail} is not in the unit list"
    hint = "use one of the units in docs/data-format.md, or add the unit to dashboard/records/model.py UNITS if it is truly new"


class InvalidValue(Problem):
    code = "invalid-value"
    template = "{detail}"
    hint = "correct the value as said (allowed values are listed in docs/data-format.md)"


class DuplicateId(Problem):
    code = "duplicate-id"
    template = "id is already used {detail}"
    hint = "give each record its own id; ids are how pages and exports refer to records"


class UnknownReference(Problem):
    code = "unknown-reference"
    template = "{detail}"
    hint = "use an id that exists, or add the missing record"


class YearOutOfRange(Problem):
    code = "year-out-of-range"
    template = "{detail}"
    hint = "check the year against the plan's period, base year and horizon"


class QuoteNotInSource(Problem):
    code = "quote-not-in-source"
    template = "the quote does not stand in {detail}"
    hint = "copy the words exactly from the source document (only white space may differ)"


class NumberNotInQuote(Problem):
    code = "number-not-in-quote"
    template = "{detail}"
    hint = "make the number agree with the quote, or quote the passage that states it"


class SourceMissing(Problem):
    code = "source-missing"
    template = "source document not found: {detail}"
    hint = "set PLAN_TRACKER_SOURCES or --sources to the folder holding the source documents"


class StandInUndeclared(Problem):
    code = "stand-in-undeclared"
    severity = "warning"
    template = "{detail}"
    hint = ("declare under the indicator's `stand_in` what that area's figures may say (level, pace or none) and why; "
            "until then they are set aside (see docs/data-format.md)")


class BaselineUnitMissing(Problem):
    code = "baseline-unit-missing"
    template = "the baseline of a rate-of-change goal needs its own unit (the level it starts from){detail}"
    hint = "add `unit:` to the baseline, the unit of the level (e.g. 亿元, 元)"


class QuotesNotVerified(Problem):
    code = "quotes-not-verified"
    severity = "warning"
    template = "{detail}"
    hint = "put the source documents in ../shared/sources or point PLAN_TRACKER_SOURCES at them, then run check again"


class DataError(Exception):
    """Raised at the library boundary when data cannot be used at all; carries the problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
