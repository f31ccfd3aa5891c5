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


def _chart_rules(block: dict[str, Any]) -> list[str]:
    """The data visualization block, which slack_sdk does not know yet (Block Kit reference)."""
    problems = []
    chart = block.get("chart", {})
    if not block.get("title") or len(block["title"]) > 50:
        problems.append("chart title missing or over 50 characters")
    if chart.get("type") not in ("bar", "line", "area"):
        problems.append(f"chart type {chart.get('type')!r}")
        return problems
    categories = chart.get("axis_config", {}).get("categories", [])
    if not categories or any(len(c) > 20 for c in categories):
        problems.append("chart categories missing or over 20 characters")
    series = chart.get("series", [])
    names = [s.get("name", "") for s in series]
    if not 1 <= len(series) <= 6 or len(set(names)) != len(names):
        problems.append("chart needs 1 to 6 series with unique names")
    for s in series:
        if len(s.get("name", "")) > 20 or not s.get("name"):
            problems.append("chart series name missing or over 20 characters")
        if [point.get("label") for point in s.get("data", [])] != categories:
            problems.append("chart series labels do not match the categories")
        if any(not isinstance(point.get("value"), int | float) for point in s.get("data", [])):
            problems.append("chart value is no number")
    return problems


def problems_in_message(blocks: list[dict[str, Any]], text: str | None = None) -> list[str]:
    problems = _own_rules(blocks, MESSAGE_BLOCKS)
    charts = [b for b in blocks if b.get("type") == "data_visualization"]
    if len(charts) > 2:
        problems.append(f"{len(charts)} charts, more than 2")
    for block in blocks:
        if block.get("type") == "data_visualization":
            problems += _chart_rules(block)
            continue
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
