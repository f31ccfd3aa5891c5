"""Klachtenbot's layers, checked from the source (nothing is imported).

`bot` is the core; `adapters` connect it to the outside (Slack, Teams, intake, the
mirror, e-mail, downloads); `storage` keeps it. Only the composition root and the
entry points know all three. Rules that do not hold yet carry a named allow-list of
today's exceptions: it may only shrink, and the test fails when it is out of date.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest

from tests.import_graph import ALL_KINDS, Edge, cycles, edges, modules

# The composition root and the entry points (`bot/entry/`): the only modules that wire
# adapters in.
ROOT = "bot.entry"
CHAT_LIBRARIES = ("slack_bolt", "slack_sdk", "botbuilder", "microsoft_agents")
# Each Teams SDK (its own packages) and the one module that may import it, behind
# `adapters/teams/port.py`.
TEAMS_SDKS = {
    "adapters.teams.sdk_botbuilder": ("botbuilder", "botframework", "msrest"),
    "adapters.teams.sdk_agents": ("microsoft_agents",),
}


@pytest.fixture(scope="module")
def graph() -> list[Edge]:
    return edges()


def _within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _is_root(module: str) -> bool:
    return _within(module, ROOT)


def _adapter(module: str) -> str | None:
    """The adapter a module belongs to (`adapters.slack`), or None outside adapters/."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "adapters" and len(parts) > 1 else None


def _report(edges_: list[Edge]) -> str:
    return "\n".join(f"  {edge}" for edge in sorted(set(edges_), key=str))


def test_no_import_cycles(graph):
    found = cycles(graph, ALL_KINDS)
    assert not found, (
        "Modules must not import each other in a circle (not even inside a function or "
        "under TYPE_CHECKING): move what both need into a third module. Cycles:\n"
        + "\n".join("  " + ", ".join(group) for group in found)
    )


def test_adapters_do_not_import_the_composition_root(graph):
    wrong = [
        e for e in graph if e.internal and e.source.startswith("adapters.") and _is_root(e.target)
    ]
    assert not wrong, (
        "An adapter plugs into `bot.host` and never imports the composition root or an "
        "entry point (`bot/entry/`: bootstrap, cli, serve, server), which import the adapters:\n"
        + _report(wrong)
    )


def test_the_core_imports_neither_adapters_nor_storage(graph):
    # Every kind of import counts, a TYPE_CHECKING one too: the type names a part the
    # core must not know. What the core needs from storage is a protocol (a port) in
    # the core, which the root fills with storage's SQL implementation.
    wrong = [
        e
        for e in graph
        if e.internal
        and _within(e.source, "bot")
        and not _is_root(e.source)
        and _within(e.target, "adapters", "storage")
    ]
    assert not wrong, (
        "The core (`bot`: the rules, the use cases, the chat layer, views, the outbox, "
        "inbound, the catalogue, `bot.host`, settings) imports neither `adapters` nor "
        "`storage`, not even under TYPE_CHECKING. Give it a protocol (`bot/use_cases/"
        "ports.py`, `bot/outbox/`) and let the composition root (`bot/entry/`) build the "
        "SQL behind it or wire the adapter in:\n" + _report(wrong)
    )


def test_only_the_composition_root_knows_adapters_and_storage_together(graph):
    # An adapter may keep its own rows through `storage` and import its own modules;
    # a module that also reached another adapter would be wiring, the root's job.
    imported: dict[str, set[str]] = {}
    for e in graph:
        if e.internal and not _is_root(e.source):
            imported.setdefault(e.source, set()).add(e.target)
    wrong = sorted(
        source
        for source, targets in imported.items()
        if any(_within(target, "storage") for target in targets)
        and any(_adapter(target) and _adapter(target) != _adapter(source) for target in targets)
    )
    assert not wrong, (
        "Only the composition root (`bot/entry/`) imports `storage` together with an "
        "adapter; elsewhere a module that uses storage reaches no adapter but its own: "
        f"{wrong}"
    )


def test_storage_knows_no_adapters_and_no_chat(graph):
    wrong = [
        e
        for e in graph
        if _within(e.source, "storage")
        and (
            (e.internal and _within(e.target, "adapters"))
            or (not e.internal and _within(e.target, *CHAT_LIBRARIES))
        )
    ]
    assert not wrong, (
        "Storage keeps the core's data and knows nothing of adapters or chat platforms "
        "(`adapters`, Slack, Teams):\n" + _report(wrong)
    )


# Adapters that still reach into another adapter: (importing module, imported module).
# Empty: what two adapters share lives in the core; keep it so.
ADAPTER_TO_ADAPTER_TODAY: set[tuple[str, str]] = set()


def test_no_adapter_imports_another_adapter(graph):
    found = {
        (e.source, e.target)
        for e in graph
        if e.internal
        and _adapter(e.source)
        and _adapter(e.target) != _adapter(e.source)
        and _adapter(e.target)
    }
    new = found - ADAPTER_TO_ADAPTER_TODAY
    assert not new, (
        "An adapter never imports another adapter: what two adapters share belongs in "
        f"the core (`bot`). New: {sorted(new)}"
    )
    gone = ADAPTER_TO_ADAPTER_TODAY - found
    assert not gone, f"Fixed, well done: remove these from ADAPTER_TO_ADAPTER_TODAY: {sorted(gone)}"


def test_each_teams_sdk_is_imported_by_its_own_module_only(graph):
    wrong = [
        e
        for e in graph
        if not e.internal
        for module, packages in TEAMS_SDKS.items()
        if _within(e.target, *packages) and e.source != module
    ]
    assert not wrong, (
        "A Teams SDK is imported only by its own module (adapters/teams/sdk_*.py); the "
        "rest of the adapter speaks the port's terms (adapters/teams/port.py):\n" + _report(wrong)
    )
    assert all(any(e.source == module for e in graph) for module in TEAMS_SDKS)


# What builds SQL: the query builder and the tables (the engine type is only handed on).
SQL_MODULES = ("storage.tables", "storage.uow")

# Modules outside storage/ that still query the database themselves.
SQL_OUTSIDE_STORAGE_TODAY: set[str] = set()


def _queries(edge: Edge) -> bool:
    if edge.internal:
        return _within(edge.target, *SQL_MODULES)
    return _within(edge.target, "sqlalchemy") and not _within(edge.target, "sqlalchemy.ext.asyncio")


def test_all_sql_lives_in_storage(graph):
    found = {
        e.source
        for e in graph
        if not _within(e.source, "storage") and not _is_root(e.source) and _queries(e)
    }
    new = found - SQL_OUTSIDE_STORAGE_TODAY
    assert not new, (
        "All SQL lives in `storage`: outside it, no module imports SQLAlchemy's query "
        f"builder, `storage.tables` or `storage.uow`. New: {sorted(new)}"
    )
    gone = SQL_OUTSIDE_STORAGE_TODAY - found
    assert not gone, (
        f"Fixed, well done: remove these from SQL_OUTSIDE_STORAGE_TODAY: {sorted(gone)}"
    )


# The methods that change a list or a dict in place.
MUTATORS = frozenset(
    {"append", "extend", "insert", "update", "setdefault", "pop", "remove", "clear"}
)


def _through_bot(node: ast.expr) -> bool:
    """Whether an expression reaches its object through the bot (`bot.x`, `self.bot.x`)."""
    while True:
        if isinstance(node, ast.Name):
            return node.id == "bot"
        if isinstance(node, ast.Attribute):
            if node.attr == "bot":
                return True
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return False


def _changes_to_the_bot(tree: ast.Module) -> Iterator[int]:
    """The lines that assign to, or change in place, the bot or a part of it."""
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            # `self.bot = bot` keeps the bot; `bot.tasks = ...` changes it.
            if isinstance(target, ast.Attribute | ast.Subscript) and _through_bot(target.value):
                yield node.lineno
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in MUTATORS
            and _through_bot(node.func.value)
        ):
            yield node.lineno


def test_only_the_composition_root_changes_the_bot():
    wrong = [
        f"  {name}, line {line}"
        for name, path in modules().items()
        if not _is_root(name)
        for line in sorted(set(_changes_to_the_bot(ast.parse(path.read_text(encoding="utf-8")))))
    ]
    assert not wrong, (
        "An integration returns what it adds (`bot.host.Plug`: reactors, deliverers, "
        "routes, health, notes) and the composition root (`bot/entry/bootstrap.py`) adds "
        "it; what a core object needs, the root gives its constructor. Outside "
        "`bot/entry/`, nothing assigns to or appends to the bot or its parts "
        "(`bot.complaints.x = ...`, `bot.reactors.append(...)`):\n" + "\n".join(wrong)
    )
