"""Checks for every Block Kit payload: slack_sdk's own models, plus what they miss."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

# The one link the renderer writes itself: a customer's phone or e-mail, built by the core
# from checked characters (no "<", ">" or "|" can come from what was typed).
_OWN_LINK = re.compile(r"<(?:tel:\+?[0-9]+|mailto:[A-Za-z0-9._%+@-]+)\|[^<>|]*>")
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100


def _walk_text(node: Any) -> list[dict[str, Any]]:
    """Every text object ({"type": "mrkdwn"|"plain_text", "text": ...}) in a payload."""
    found = []
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
            found.append(node)
        for value in node.values():
            found += _walk_text(value)
    elif isinstance(node, list):
        for value in node:
            found += _walk_text(value)
    return found


def _own_rules(blocks: list[dict[str, Any]], limit: int) -> list[str]:
    problems = []
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks, more than {limit}")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    for block_id, n in Counter(block_ids).items():
        if n > 1:
            problems.append(f"block_id {block_id!r} used {n} times")
    # Buttons: unique action ids across the whole message, not only per block.
    action_ids = [
        e["action_id"]
        for b in blocks
        if b.get("type") == "actions"
        for e in b.get("elements", [])
        if "action_id" in e
    ]
    for action_id, n in Counter(action_ids).items():
        if n > 1:
            problems.append(f"action_id {action_id!r} used {n} times")
    for b in blocks:
        if b.get("type") == "section" and len((b.get("text") or {}).get("text", "")) > 3000:
            problems.append("section text over 3000 characters")
        if b.get("type") == "header" and len(b["text"]["text"]) > 150:
            problems.append("header over 150 characters")
    # Everything the bot writes in mrkdwn is escaped: no raw "<" may reach Slack, so no
    # mention, channel ping or link can come from user text.
    for text in _walk_text(blocks):
        if text["type"] == "mrkdwn" and "<" in _OWN_LINK.sub("", text["text"]):
            problems.append(f"unescaped '<' in mrkdwn: {text['text'][:80]!r}")
    return problems


def problems_in_message(blocks: list[dict[str, Any]], text: str | None = None) -> list[str]:
    problems = _own_rules(blocks, MESSAGE_BLOCKS)
    for block in blocks:
        try:
            parsed = Block.parse(block)
            if parsed is None:
                problems.append(f"unknown block {block.get('type')}")
            else:
                parsed.validate_json()
        except SlackObjectFormationError as error:
            problems.append(f"slack_sdk: {error}")
    if text and "<" in text:
        problems.append(f"unescaped '<' in message text: {text[:80]!r}")
    return problems


def problems_in_view(view: dict[str, Any]) -> list[str]:
    problems = _own_rules(view.get("blocks", []), VIEW_BLOCKS)
    try:
        View(**view).validate_json()
    except (SlackObjectFormationError, TypeError) as error:
        problems.append(f"slack_sdk view: {error}")
    return problems
