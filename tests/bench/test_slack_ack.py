"""The Slack ack bench runs: a smoke run of a handful of requests; no timing is checked
(bench/slack_ack.py without `--smoke` judges the ratios)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "slack_ack.py"
COLUMNS = ("engine", "request", "server", "p50", "p99", "acks", "errors", "served", "busy")


def rows(stdout: str) -> list[dict[str, str]]:
    """The figures table: one dict per run, by column."""
    found = []
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| sqlite |") and len(cells) == 11:
            found.append(dict(zip(COLUMNS, cells, strict=False)))
    return found


def test_a_smoke_run_measures_both_floors_and_the_bot_on_lists_and_clicks() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--smoke", "--databases", "sqlite"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    runs = {(r["request"], r["server"]): r for r in rows(done.stdout)}
    assert set(runs) == {
        (request, server)
        for request in ("/klacht lijst", "button click")
        for server in ("floor", "strict floor", "bot")
    }, done.stdout
    for run in runs.values():
        assert run["errors"] == "0" and float(run["p99"]) > 0, run
    # The bot did the work behind its acks: lists posted, forms opened.
    assert int(runs["/klacht lijst", "bot"]["served"]) > 0
    assert int(runs["button click", "bot"]["served"]) > 0
    # Both ratios are printed for both kinds of request, and not judged on so few.
    assert "| sqlite | /klacht lijst |" in done.stdout.split("goal:")[1]
    assert "| sqlite | button click |" in done.stdout.split("goal:")[1]
    assert "smoke run: the ratios are not judged" in done.stdout
