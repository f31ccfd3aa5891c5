"""The parity spec's size in the run's summary: interactions × roles × platforms."""

from __future__ import annotations

from typing import Any

from tests.parity.spec import DRIFT, size


def pytest_terminal_summary(terminalreporter: Any) -> None:
    cases = [
        r
        for r in terminalreporter.stats.get("passed", [])
        + terminalreporter.stats.get("xfailed", [])
        if "test_both_chats_show_and_record_the_same" in r.nodeid
    ]
    if not cases:
        return
    interactions, roles, platforms = size()
    on_postgres = sum(1 for r in cases if r.nodeid.endswith("-postgresql]"))
    terminalreporter.write_line(
        f"parity spec: {interactions} interactions x {roles} roles x {platforms} platforms;"
        f" {len(cases) - on_postgres} cases compared on SQLite, {on_postgres} on PostgreSQL;"
        f" {len(DRIFT)} known differences"
    )
