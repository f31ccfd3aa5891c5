"""Command-line start-up: `klachtenbot people list` against the bare imports it cannot avoid.

    .venv/bin/python bench/cli_start.py [--runs 7] [--importtime]

A fresh SQLite database gets `db upgrade` and one person; then `people list` and
`python -c "import sqlalchemy.ext.asyncio, pydantic, aiosqlite, alembic"` (what any
command needs: the database, the models, the migrations) each run N times as new
processes, alternating, after one warm-up. Printed: both medians and their ratio,
the goal being at most 2×. `--importtime` adds the slowest imports of one
`people list` (`python -X importtime`), cumulative, to see where the time goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "bot.entry.cli"]
BARE = [sys.executable, "-c", "import sqlalchemy.ext.asyncio, pydantic, aiosqlite, alembic"]
GOAL = 2.0


def _run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[1:])} failed: {done.stderr.strip()}")
    return elapsed


def _slowest_imports(env: dict[str, str], count: int = 15) -> list[tuple[int, str]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot.entry.cli", "people", "list"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    rows: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        # Only top-level packages: their cumulative time includes their children.
        if not name.startswith(" "):
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--importtime", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        env = {**os.environ, "KLACHTENBOT_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
        _run([*CLI, "db", "upgrade"], env)
        _run([*CLI, "people", "add", "Anna de Vries", "--role", "coördinator"], env)
        _run([*CLI, "people", "list"], env)  # warm-up: the file cache, .pyc files
        _run(BARE, env)
        cli_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(options.runs):
            cli_times.append(_run([*CLI, "people", "list"], env))
            bare_times.append(_run(BARE, env))
        cli = statistics.median(cli_times)
        bare = statistics.median(bare_times)
        print(f"runs: {options.runs} each, alternating")
        print(f"klachtenbot people list: median {cli:.3f} s")
        print(f"bare imports:            median {bare:.3f} s")
        print(f"ratio: {cli / bare:.2f}×  (goal ≤ {GOAL:.0f}×)")
        if options.importtime:
            print("\nslowest top-level imports of `people list` (cumulative, ms):")
            for microseconds, name in _slowest_imports(env):
                print(f"  {microseconds / 1000:8.1f}  {name}")


if __name__ == "__main__":
    main()
