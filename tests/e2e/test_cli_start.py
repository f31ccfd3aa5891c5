"""A command imports only what it needs, and says nothing it was not asked.

The real command runs under `python -X importtime`, which names every module the
process imported; no timing is checked (see bench/cli_start.py for that).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.e2e import test_cli_procedure as procedure
from tests.e2e.cli import COMMAND, klachtenbot
from tests.e2e.test_cli_procedure import REGISTER

staff = procedure.people  # the fixture: Anna, Piet and Dirk, added at the command line

# The chats, the PDF letters and checks, the planner and the web server: for serving.
HEAVY = (
    "slack_bolt",
    "slack_sdk",
    "botbuilder",
    "microsoft_agents",
    "fpdf",
    "pypdf",
    "apscheduler",
    "aiohttp.web",
    "matplotlib",
)

SLACK_ON = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "geheim"}


def imported(*args: str, url: str) -> set[str]:
    environment = {**os.environ, "KLACHTENBOT_DATABASE_URL": url, **SLACK_ON}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *COMMAND[1:], *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "cumulative" not in line
    }


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize(
    "args",
    [
        ["people", "list"],
        ["people", "list", "--json"],
        ["dossier", "list", "--as", "Anna"],
        ["rapport", "--json"],
    ],
    ids=" ".join,
)
def test_reading_people_and_dossiers_imports_no_chat_pdf_planner_or_server(
    staff: str, args: list[str]
) -> None:
    modules = imported(*args, url=staff)
    # The real command ran, and was watched (`bot.entry.cli` itself runs as __main__).
    assert {"bot.terminal", "bot.use_cases.services"} <= modules
    assert heavy(modules) == []


def test_no_command_warns_that_the_slack_token_is_unused(staff: str) -> None:
    # With Slack configured, a step builds the whole bot (its Slack messages are queued);
    # reading the people does not. Neither has anything to say on stderr.
    listed = klachtenbot("people", "list", url=staff, **SLACK_ON)
    assert (listed.code, listed.err) == (0, "")
    registered = klachtenbot(*REGISTER, url=staff, **SLACK_ON)
    assert (registered.code, registered.err) == (0, "")
