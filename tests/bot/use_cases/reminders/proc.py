"""`python -m tests.bot.use_cases.reminders.proc ARGS`: the real `klachtenbot` command,
with chat platforms.

The chat adapters add "slack"/"teams" to `bot.chat_platforms` when they are
configured; this stands in for them, so that notices become outbox rows without
Slack or Teams credentials. Everything else is the command as operators run it.
"""

from __future__ import annotations

import sys

from bot.entry import bootstrap, cli
from bot.host import Plug

PLATFORMS = ("slack", "teams")
_integrations = bootstrap._integrations


def _with_platforms():  # type: ignore[no-untyped-def]
    return [*_integrations(), *(lambda _bot, p=p: Plug(chat_platform=p) for p in PLATFORMS)]


if __name__ == "__main__":
    bootstrap._integrations = _with_platforms
    sys.exit(cli.main(sys.argv[1:]))
