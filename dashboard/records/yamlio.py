"""Safe YAML reading that remembers where every record and key stood in the file.

Only plain YAML is accepted: the loader is PyYAML's safe loader (its C version when available, for
speed), so tags such as !!python/object are refused, never executed. Duplicate keys, which PyYAML
would silently collapse, are reported.

Two readers give the same result. The fast one builds mappings and lists straight from the parser's
events (no node tree, no generic constructor machinery); it handles the plain YAML data files are
written in. Anything else — an anchor or alias, an explicit tag, a merge key, a syntax error, a value
it does not know — sends the file to the full reader (the safe loader with line-tracking constructors),
which accepts or rejects it and words the error exactly as it always has.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from dashboard.records import errors

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_NO_DUPLICATES: tuple = ()


class LinedDict(dict):
    """A mapping from YAML with the line of the mapping and of each of its keys (1-based).

    Lines of the keys are kept in a list parallel to the keys (a key written twice keeps the line of its
    last writing, as its value does); `key_lines` builds the dict view on demand.
    """

    __slots__ = ("line", "_lines", "duplicates")

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.line = 0
        self._lines: list[int] = []
        self.duplicates: list[tuple[int, str]] | tuple = _NO_DUPLICATES  # (line, key) of keys written twice

    @property
    def key_lines(self) -> dict[Any, int]:
        return dict(zip(self, self._lines, strict=False))

    def line_of(self, key: Any) -> int:
        if key in self:
            for k, line in zip(self, self._lines, strict=False):
                if k == key:
                    return line
        return self.line

    def _set(self, key: Any, value: Any, line: int) -> None:
        if key in self:
            if self.duplicates is _NO_DUPLICATES:
                self.duplicates = []
            self.duplicates.append((line, str(key)))  # type: ignore[union-attr]
            self._lines[list(self).index(key)] = line
        else:
            self._lines.append(line)
        self[key] = value

    def __reduce__(self):  # keep the lines when pickled or copied
        return (_rebuild_dict, (dict(self), self.line, list(self._lines), list(self.duplicates)))


def _rebuild_dict(items: dict, line: int, lines: list[int], duplicates: list) -> LinedDict:
    d = LinedDict(items)
    d.line, d._lines = line, lines
    d.duplicates = duplicates or _NO_DUPLICATES
    return d


class LinedList(list):
    line: int = 0


# ---------------------------------------------------------------------------------------------- full reader


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    mapping = LinedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        mapping._set(key, loader.construct_object(value_node, deep=True), key_node.start_mark.line + 1)
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LinedList:
    seq = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    seq.line = node.start_mark.line + 1
    return seq


def _construct_str(loader: _LineLoader, node: ScalarNode) -> str:
    value = loader.construct_scalar(node)
    return unfold(value) if node.style == ">" else value


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor(_STR, _construct_str)

#: A character of Chinese text: CJK ideographs and the full-width punctuation around them.
_CJK = "[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]"
_FOLD_SPACE = re.compile(f"(?<={_CJK}) +(?={_CJK}|[0-9])|(?<=[0-9%]) +(?={_CJK})")


def unfold(text: str) -> str:
    """A folded (>) scalar without the spaces YAML folding put where a line of Chinese text was broken: a line
    break inside Chinese is no word boundary, so the space it became is removed between Chinese characters (and
    between Chinese and a number). English text keeps its spaces, even around a Chinese term in it."""
    return _FOLD_SPACE.sub("", text)


def _read_full(text: str, file: str) -> tuple[Any, list[errors.Problem]]:
    loader = _LineLoader(text)
    try:
        doc = loader.get_single_data()
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        return None, [errors.UnsafeTag(file=file, line=line, detail=str(exc.problem or exc).strip())]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [errors.YamlSyntax(file=file, line=line, detail=str(exc.problem or exc).strip(),
                                        kind="file", params={"records": count_records(text)})]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, [errors.YamlSyntax(file=file, detail=str(exc).strip() or type(exc).__name__, kind="file",
                                        params={"records": count_records(text)})]
    finally:
        loader.dispose()
    return doc, []


_SINGLE_RECORD = re.compile(r"^(plan|document)\s*:", re.MULTILINE)
_LIST_ITEM = re.compile(r"^( *)-(?: |$)", re.MULTILINE)


def count_records(text: str) -> int:
    """How many records a data file holds, counted from its text (for a file that cannot be parsed): a top-level
    `plan:` or `document:` is one, and each item of the outermost lists (the least indented `- `) one more."""
    singles = len(_SINGLE_RECORD.findall(text))
    indents = [len(m.group(1)) for m in _LIST_ITEM.finditer(text)]
    if not indents:
        return singles
    outer = min(indents)
    return singles + sum(1 for i in indents if i == outer)


# ---------------------------------------------------------------------------------------------- fast reader


class _Fallback(Exception):
    """Something the fast reader leaves to the full one."""


class _EventLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


#: First characters for which a plain scalar may resolve to something other than a string.
_RESOLVABLE = frozenset(_BaseLoader.yaml_implicit_resolvers)
_WILDCARD = None in _BaseLoader.yaml_implicit_resolvers
#: Tags of plain values the safe constructor builds without touching the rest of the document.
_SIMPLE = {tag: _BaseLoader.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
)}
_resolved: dict[str, str] = {}  # short plain scalar → its tag (the resolver is a pure function of the text)
_RESOLVED_MAX = 1 << 16


def _scalar(loader: _EventLoader, ev: ScalarEvent) -> Any:
    if ev.anchor is not None or ev.tag is not None:
        raise _Fallback
    value = ev.value
    if ev.style == ">":
        return unfold(value)  # a folded block is a string
    if not ev.implicit[0]:
        return value  # a quoted scalar without a tag is a string
    if value and value[0] not in _RESOLVABLE and not _WILDCARD:
        return value
    tag = _resolved.get(value)
    if tag is None:
        tag = loader.resolve(ScalarNode, value, ev.implicit)
        if len(value) <= 32 and len(_resolved) < _RESOLVED_MAX:
            _resolved[value] = tag
    if tag == _STR:
        return value
    construct = _SIMPLE.get(tag)
    if construct is None:
        raise _Fallback  # merge keys, '=' values and the like
    return construct(loader, ScalarNode(tag, value, ev.start_mark, ev.end_mark, ev.style))


def _collection(loader: _EventLoader, get, ev) -> Any:
    cls = ev.__class__
    if cls is ScalarEvent:
        return _scalar(loader, ev)
    if ev.anchor is not None or ev.tag is not None:
        raise _Fallback
    if cls is MappingStartEvent:
        mapping = LinedDict()
        mapping.line = ev.start_mark.line + 1
        lines = mapping._lines
        while True:
            kev = get()
            if kev.__class__ is not ScalarEvent:
                if kev.__class__ is MappingEndEvent:
                    return mapping
                raise _Fallback  # a collection as a key
            key = _scalar(loader, kev)
            line = kev.start_mark.line + 1
            vev = get()
            value = _scalar(loader, vev) if vev.__class__ is ScalarEvent else _collection(loader, get, vev)
            if key in mapping:
                mapping._set(key, value, line)
            else:
                lines.append(line)
                mapping[key] = value
    if cls is SequenceStartEvent:
        seq = LinedList()
        seq.line = ev.start_mark.line + 1
        append = seq.append
        while True:
            item = get()
            icls = item.__class__
            if icls is ScalarEvent:
                append(_scalar(loader, item))
            elif icls is SequenceEndEvent:
                return seq
            else:
                append(_collection(loader, get, item))
    raise _Fallback


def _read_fast(text: str) -> Any:
    loader = _EventLoader(text)
    try:
        get = loader.get_event
        get()  # stream start
        ev = get()
        if ev.__class__ is StreamEndEvent:
            return None
        ev = get()  # the document's root (after the document start)
        root = _collection(loader, get, ev)
        get()  # document end
        if get().__class__ is not StreamEndEvent:
            raise _Fallback  # several documents: the full reader says so
        return root
    finally:
        loader.dispose()


def read_yaml(data: bytes, file: str) -> tuple[Any, list[errors.Problem]]:
    """Parse one file. Returns (document or None, problems). Duplicate keys are left on each mapping."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        records = count_records(data.decode("utf-8", errors="replace"))
        return None, [errors.NotText(file=file, detail=exc.reason, kind="file",
                                     params={"position": exc.start, "records": records})]
    try:
        return _read_fast(text), []
    except Exception:  # noqa: BLE001 - anything unusual, including any error, is the full reader's to judge
        pass
    return _read_full(text, file)
