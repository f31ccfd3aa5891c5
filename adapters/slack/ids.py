"""The interaction contract with Slack: command, callback and action ids, button values.

docs/slack.md lists the same; a button's value carries what the click is about
(the dossier, the card's version, preset answers), so no state is kept between
a card and a click.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum

COMMAND = "/klacht"
# Every button of a card: "klacht.<action>.<index>" (the index keeps ids unique).
ACTION_PREFIX = "klacht."
ACTION_PATTERN = r"^klacht\.[a-z_]+\.\d+$"


class Callback(StrEnum):
    FORM = "klacht.form"  # a modal with the form of one action of the core
    RESULT = "klacht.result"  # the read-only modal that says what was done


@dataclass(frozen=True)
class ButtonValue:
    number: str
    action: str
    version: int | None = None
    data: dict[str, str] = field(default_factory=dict)


def encode_value(number: str, action: str, version: int | None, data: dict[str, str]) -> str:
    payload: dict[str, object] = {"n": number, "a": action}
    if version is not None:
        payload["v"] = version
    if data:
        payload["d"] = data
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def decode_value(value: str) -> ButtonValue | None:
    """The button's value, or None when it is not one of ours (or was tampered with)."""
    try:
        raw = json.loads(value)
        data = raw.get("d") or {}
        version = raw.get("v")
        if not isinstance(raw["n"], str) or not isinstance(raw["a"], str):
            return None
        if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
            return None
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            return None
        return ButtonValue(raw["n"], raw["a"], version, data)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
