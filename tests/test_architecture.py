"""Imports point one way: each module imports only what docs/architecture.md allows, and no
module of ours is part of an import cycle (imports inside functions count too: they are how a
cycle hides)."""

from __future__ import annotations

import ast
import re
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "wirewatch"
TABLE = re.compile(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \| .* \| (.*) \|$")
# Read by every layer: the settings object and the package root's lazy exports.
EVERYWHERE = {"settings"}


def _allowed() -> dict[str, set[str]]:
    """module -> the modules it may import, from the table in docs/architecture.md."""
    rules: dict[str, set[str]] = {}
    for line in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").splitlines():
        found = TABLE.match(line)
        if not found:
            continue
        names = [n for n in found.groups()[:2] if n]
        cell = found.group(3)
        if "anything" in cell:
            allowed = {"*"}
        elif "the five above" in cell:
            allowed = {"nlp", "kb", "model", "extract", "geo"}
        else:
            allowed = set(re.findall(r"`([a-z_]+)`", cell))
        for name in names:
            rules[name] = allowed
    return _downward(rules)


def _downward(rules: dict[str, set[str]]) -> dict[str, set[str]]:
    """Arrows point down: a module may import what it lists and what those may import."""
    closed: dict[str, set[str]] = {}

    def below(name: str, seen: frozenset[str]) -> set[str]:
        if name in closed:
            return closed[name]
        direct = rules.get(name, set())
        found = set(direct)
        for other in direct - seen - {"*"}:
            found |= below(other, seen | {name})
        closed[name] = found
        return found

    for name in rules:
        below(name, frozenset())
    return closed


def _module_of(path: Path) -> str:
    """`wirewatch.extract.events` for src/wirewatch/extract/events.py."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("wirewatch.")}


def _graph() -> dict[str, set[str]]:
    modules = {_module_of(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        # `from wirewatch.x import y` names module x.y when y is a module, else x.
        graph[name] = {i if i in modules else i.rsplit(".", 1)[0] for i in _imports(path)}
        graph[name] = {i for i in graph[name] if i in modules} - {name}
    return graph


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_module_imports_only_what_the_architecture_allows() -> None:
    rules = _allowed()
    assert {"model", "kb", "extract", "store", "resolve", "cli"} <= set(rules)
    wrong = []
    for module, targets in sorted(_graph().items()):
        layer = _top(module)
        allowed = rules.get(layer)
        if allowed is None or "*" in allowed:
            continue
        for target in sorted(targets):
            other = _top(target)
            if other not in allowed | {layer, ""} | EVERYWHERE:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "imports the architecture does not allow:\n" + "\n".join(wrong)


def test_no_import_cycle() -> None:
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # A package's __init__ re-exporting its own modules is not a cycle of design.
    cycles = [c for c in cycles if not _only_reexport(c)]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def _only_reexport(cycle: str) -> bool:
    """A cycle that closes only through a package importing its own submodule, which then
    imports a sibling through the package (`from wirewatch.x import y`)."""
    names = cycle.split(" -> ")
    return any(b.startswith(a + ".") for a, b in pairwise(names))


@pytest.mark.parametrize("doc", ["architecture.md", "contract.md"])
def test_the_repository_holds_its_own_docs(doc: str) -> None:
    assert (ROOT / "docs" / doc).is_file()
