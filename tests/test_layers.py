"""The package's layers, as the folders show them: records → judge → present → faces (web, cli, site). No module
imports from a layer above its own, and the modules import one another without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
LAYER = {"records": 0, "reader": 0, "judge": 1, "present": 2, "web": 3, "site": 3, "cli": 3, "__main__": 3}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard"):
            found.add(node.module)
            for alias in node.names:  # `from dashboard.judge import rules` imports a module too
                found.add(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("dashboard"))
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYER.get(parts[1]) if len(parts) > 1 else None


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {m: {i for i in _imports(p) if i in MODULES} for m, p in MODULES.items()}


def test_no_import_runs_upward():
    upward = [(m, i) for m, deps in GRAPH.items() for i in deps
              if _layer(m) is not None and _layer(i) is not None and _layer(i) > _layer(m)]
    assert not upward, upward


def test_the_judge_imports_no_loader_and_writes_no_prose():
    for m, deps in GRAPH.items():
        if m.startswith("dashboard.judge"):
            assert not {d for d in deps if d.startswith(("dashboard.records.load", "dashboard.records.yaml_files",
                                                         "dashboard.records.store", "dashboard.present"))}, m


def test_no_cycles():
    state: dict[str, int] = {}

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for d in GRAPH[m]:
            if d == m or d.startswith(m + "."):  # a package and its own modules
                continue
            if state.get(d) == 1:
                raise AssertionError(" → ".join([*stack, m, d]))
            if state.get(d) is None:
                visit(d, [*stack, m])
        state[m] = 2

    for m in GRAPH:
        if m not in state:
            visit(m, [])
