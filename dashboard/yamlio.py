"""Safe YAML reading that remembers where every record and key stood in the file.

Only plain YAML is accepted: the loader is PyYAML's safe loader (its C version when available, for
speed), so tags such as !!python/object are refused, never executed. Duplicate keys, which PyYAML
would silently collapse, are reported.
"""

from __future__ import annotations

from typing import Any

import yaml

from . import errors

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedDict(dict):
    """A mapping from YAML with the line of the mapping and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[int, str]]  # (line, key) of keys written twice

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list):
    line: int = 0


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    mapping = LinedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in mapping:
            mapping.duplicates.append((key_node.start_mark.line + 1, str(key)))
        mapping.key_lines[key] = key_node.start_mark.line + 1
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LinedList:
    seq = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    seq.line = node.start_mark.line + 1
    return seq


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_yaml(data: bytes, file: str) -> tuple[Any, list[errors.Problem]]:
    """Parse one file. Returns (document or None, problems). Duplicate keys are left on each mapping."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [errors.NotText(file=file, detail=f"byte {exc.start}: {exc.reason}")]
    loader = _LineLoader(text)
    try:
        doc = loader.get_single_data()
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        return None, [errors.UnsafeTag(file=file, line=line, detail=str(exc.problem or exc).strip())]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [errors.YamlSyntax(file=file, line=line, detail=str(exc.problem or exc).strip())]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, [errors.YamlSyntax(file=file, detail=str(exc).strip() or type(exc).__name__)]
    finally:
        loader.dispose()
    return doc, []
