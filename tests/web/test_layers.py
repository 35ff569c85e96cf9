"""The web wing's layers, read from the source: views query nothing themselves, and the
services import each other without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp

PACKAGE = Path(quizapp.__file__).parent


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for each import in a file; relative modules keep their dots."""
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            out.append(("." * node.level + (node.module or ""), [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
    return out


def test_views_query_nothing_themselves() -> None:
    """No blueprint touches the database session or builds a query: it calls a service."""
    offenders = []
    for path in sorted((PACKAGE / "blueprints").glob("*.py")):
        for module, names in _imports(path):
            if module.split(".")[0] == "sqlalchemy" or (module == "..extensions" and "db" in names):
                offenders.append(f"{path.name}: from {module} import {', '.join(names)}")
        source = path.read_text(encoding="utf-8")
        for needle in ("db.session", "select(", ".query"):
            if needle in source:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []


def _service_graph() -> dict[str, set[str]]:
    """Each service module -> the service modules it imports."""
    services = {p.stem for p in (PACKAGE / "services").glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {name: set() for name in services}
    for name in services:
        for module, names in _imports(PACKAGE / "services" / f"{name}.py"):
            if module == ".":
                graph[name] |= {n for n in names if n in services}
            elif module.startswith(".") and not module.startswith(".."):
                target = module[1:].split(".")[0]
                if target in services:
                    graph[name].add(target)
            elif module.startswith("quizapp.services."):
                graph[name].add(module.split(".")[2])
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of the graph as a path (first node repeated at the end), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_services_import_each_other_without_a_cycle() -> None:
    graph = _service_graph()
    assert "study" in graph["quizzes"]  # the graph is read: quiz answers are reviews
    assert _cycle(graph) == []
