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


# What a score is made of: an answer's correctness summed or averaged, a review's rating
# or the state it was given in (retention), a card's stability against the mastery line.
_SCORE_COLUMNS = {("Review", "rating"), ("Review", "state_before")}
_AGGREGATES = {"sum", "avg", "count", "max", "min"}


def _score_code(path: Path) -> list[str]:
    """Where a file computes a score: an aggregate over ``Answer.correct``, a read of a
    review's rating or prior state, the mastery line, or the item analysis."""
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "func"
            and node.func.attr in _AGGREGATES
            and "Answer.correct" in ast.unparse(node)
        ):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in _SCORE_COLUMNS
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr == "MASTERED_DAYS":
            found.append(f"{path.name}:{node.lineno}: MASTERED_DAYS")
    for module, names in _imports(path):
        if (module == "." and "items" in names) or module in (".items", "quizapp.services.items"):
            found.append(f"{path.name}: imports items")
    return found


def test_scores_are_computed_in_the_stats_service_only() -> None:
    """Scores, retention, mastery and item analysis come from ``services/stats.py``; no
    other service or view counts them on its own."""
    stats = PACKAGE / "services" / "stats.py"
    assert len(_score_code(stats)) >= 4  # the reader finds what it looks for
    others = [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if p != stats and "migrations" not in p.parts and p.name != "srs.py"
    ]
    assert [hit for p in others for hit in _score_code(p)] == []


def test_the_score_finder_finds_scores(tmp_path: Path) -> None:
    """Each kind of score code is caught when it sits outside the stats service."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from . import items\n"
        "a = select(func.sum(func.cast(Answer.correct, db.Integer)))\n"
        "b = select(Review.rating)\n"
        "c = card.stability > srs.MASTERED_DAYS\n",
        encoding="utf-8",
    )
    assert len(_score_code(bad)) == 4


def test_study_and_quizzes_lean_on_stats() -> None:
    """The stats service is imported where scores are shown, and imports neither the quiz
    nor the class report's callers back (no cycle through it)."""
    graph = _service_graph()
    assert "stats" in graph["quizzes"]
    assert "quizzes" not in graph["stats"]


_REQUESTS = {"get", "post", "put", "patch", "delete", "open"}


def _unchecked_requests(source: str, name: str) -> list[str]:
    """Test-client requests whose answer is thrown away (a statement of its own)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr in _REQUESTS
            and isinstance(node.value.func.value, ast.Name)
            and node.value.func.value.id != "store"  # a Redis key, not a request
        ):
            found.append(f"{name}:{node.lineno}: {ast.unparse(node.value)[:80]}")
    return found


def test_no_request_in_the_web_tests_goes_unchecked() -> None:
    """Every request a web test sends has its answer asserted (or used): a POST whose
    answer nobody reads can fail without the test noticing."""
    here = Path(__file__).parent
    found = [
        hit
        for path in sorted(here.glob("*.py"))
        for hit in _unchecked_requests(path.read_text(encoding="utf-8"), path.name)
    ]
    assert found == []


def test_the_unchecked_request_finder_finds_them() -> None:
    source = (
        "client.post('/classes/join', data={'code': 'X'})\n"
        "assert client.get('/decks').status_code == 200\n"
        "r = other.get('/x')\n"
        "store.delete(key)\n"
    )
    assert _unchecked_requests(source, "t.py") == [
        "t.py:1: client.post('/classes/join', data={'code': 'X'})"
    ]
