"""Klachtenbot's import graph, read from the source with `ast` (nothing is imported).

The layer rules in `tests/test_layers.py` are checked against this graph. Run it as
`python -m tests.import_graph` to print the cycles it finds, each edge with its kind.

Every import statement in `bot`, `adapters` and `storage` is an edge, of one kind:
- "module": at the top of a module, run when it is imported;
- "function": inside a function, run when that function is first called;
- "typing": under `if TYPE_CHECKING:`, never run, only read by the type checker;
- "dynamic": a module named in a string, in a module that calls `import_module`
  (the command line loads its extensions that way).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "adapters", "storage")
# Alembic's scripts are run by alembic, by path; no module imports them.
SKIP = ("storage/migrations/versions",)


@dataclass(frozen=True)
class Edge:
    source: str  # the importing module, e.g. "adapters.slack.app"
    target: str  # the imported module, e.g. "bot.host"
    kind: str  # "module", "function" or "typing"
    line: int
    # False for a library outside the project (then `target` is the name as written).
    internal: bool = True

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({self.kind}, line {self.line})"


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the three packages by dotted name; a package is its `__init__`."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            if any(relative.as_posix().startswith(skip) for skip in SKIP):
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


Statement = ast.Import | ast.ImportFrom


def _imports(tree: ast.Module) -> Iterator[tuple[Statement, str]]:
    """Each import statement with its kind, walking into functions and `if` blocks."""

    def walk(nodes: Iterable[ast.AST], kind: str) -> Iterator[tuple[Statement, str]]:
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                yield node, kind
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inner = "typing" if kind == "typing" else "function"
                yield from walk(ast.iter_child_nodes(node), inner)
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                yield from walk(node.body, "typing")
                yield from walk(node.orelse, kind)
            else:
                yield from walk(ast.iter_child_nodes(node), kind)

    yield from walk(tree.body, "module")


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The longest known module that `name` is or lies in (a class, a function...)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def edges(root: Path = ROOT) -> list[Edge]:
    known = modules(root)
    found: list[Edge] = []
    for source, path in known.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, kind in _imports(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    package = source.split(".") if is_package else source.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                # `from a import b` reads module `a.b` when there is one, else `a`.
                names = [f"{base}.{alias.name}" for alias in node.names]
            for name in names:
                target = _resolve(name, known)
                if target is None:
                    found.append(Edge(source, name, kind, node.lineno, internal=False))
                elif target != source:
                    found.append(Edge(source, target, kind, node.lineno))
        found.extend(_dynamic(source, tree, known))
    return found


def _dynamic(source: str, tree: ast.Module, known: dict[str, Path]) -> Iterator[Edge]:
    """Modules named in strings, when the module loads modules by name."""
    calls = any(
        isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            or (isinstance(node.func, ast.Name) and node.func.id == "import_module")
        )
        for node in ast.walk(tree)
    )
    if not calls:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in known and node.value != source:
            yield Edge(source, node.value, "dynamic", node.lineno)


def cycles(graph: Iterable[Edge], kinds: frozenset[str]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    successors: dict[str, set[str]] = {}
    for edge in graph:
        if edge.internal and edge.kind in kinds:
            successors.setdefault(edge.source, set()).add(edge.target)
            successors.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(successors[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(successors):
        if node not in index:
            visit(node)
    return sorted(groups)


RUNTIME = frozenset({"module", "function", "dynamic"})
ALL_KINDS = frozenset({"module", "function", "dynamic", "typing"})


def main() -> None:
    graph = edges()
    for label, kinds in (
        ("module-level", frozenset({"module"})),
        ("module-level, in functions, and by name", RUNTIME),
        ("all, with TYPE_CHECKING", ALL_KINDS),
    ):
        found = cycles(graph, kinds)
        print(f"{label}: {len(found)} cycle(s)")
        for group in found:
            members = set(group)
            print("  " + ", ".join(group))
            for edge in dict.fromkeys(graph):
                if edge.kind in kinds and edge.source in members and edge.target in members:
                    print(f"    {edge}")


if __name__ == "__main__":
    main()
