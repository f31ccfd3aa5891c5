"""Bolt's one warning that is never true for Klachtenbot: "token will be unused".

Klachtenbot hands bolt its own web client (built from the bot token, with the
configured Slack API address), and bolt then ignores any token. But bolt also reads
SLACK_BOT_TOKEN from the environment by itself, whatever it is given, so with the
token set (as it always is when Slack is on) it warns on every start: no argument
can stop it. The client carries that same token, so the warning says nothing;
only this message is dropped, every other bolt log line passes.
"""

from __future__ import annotations

import logging

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.logger import get_bolt_logger
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped


class _TokenUnused(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def quiet_token_warning() -> None:
    """Drop the warning from bolt's app log; calling it again adds nothing."""
    log = get_bolt_logger(AsyncApp)
    if not any(isinstance(f, _TokenUnused) for f in log.filters):
        log.addFilter(_TokenUnused())
