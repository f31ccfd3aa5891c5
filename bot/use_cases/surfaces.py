"""Where a person reads or changes something: named in the staff log and the read log."""

from __future__ import annotations

from enum import StrEnum


class Surface(StrEnum):
    CLI = "cli"  # the `klachtenbot` command
    SLACK = "slack"
    TEAMS = "teams"
    CHAT = "chat"  # a chat that did not say which (the chat layer's default)
    WEB = "web"  # a download link opened in a browser
