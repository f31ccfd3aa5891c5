"""Requests signed exactly as Slack signs them, and the payloads Slack sends.

Slack's recipe: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the
app's signing secret, in `X-Slack-Signature`, and the timestamp (seconds) in
`X-Slack-Request-Timestamp`.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = {"id": "T1", "domain": "werkplaats"}


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{ts}:{body}".encode()
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


class SlackSends:
    """What Slack would POST to the bot, signed; returns (status, body)."""

    def __init__(self, session: aiohttp.ClientSession, url: str, fake_url: str) -> None:
        self.session = session
        self.url = url
        self.fake_url = fake_url
        self._n = itertools.count(1)

    async def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        secret: str = SECRET,
        signed: bool = True,
    ) -> tuple[int, str]:
        all_headers = {"Content-Type": content_type, **(sign(secret, body) if signed else {})}
        all_headers.update(headers or {})
        async with self.session.post(self.url, data=body.encode(), headers=all_headers) as r:
            return r.status, await r.text()

    async def command(self, user: str, text: str, **kw: Any) -> tuple[int, str]:
        n = next(self._n)
        body = urlencode(
            {
                "token": "unused",
                "team_id": TEAM["id"],
                "team_domain": TEAM["domain"],
                "channel_id": "CCOORD",
                "channel_name": "klachten",
                "user_id": user,
                "user_name": user.lower(),
                "command": "/klacht",
                "text": text,
                "api_app_id": "A1",
                "response_url": f"{self.fake_url}/response/{n}",
                "trigger_id": f"trigger.{n}",
            }
        )
        return await self.post(body, "application/x-www-form-urlencoded", **kw)

    async def interaction(self, payload: dict[str, Any], **kw: Any) -> tuple[int, str]:
        body = urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded", **kw)

    async def click(
        self,
        user: str,
        button: dict[str, Any],
        *,
        channel: str = "CCOORD",
        message_ts: str = "1700000000.000001",
        response_url: bool = True,
    ) -> tuple[int, str]:
        n = next(self._n)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "team_id": TEAM["id"]},
            "api_app_id": "A1",
            "team": TEAM,
            "trigger_id": f"trigger.{n}",
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel},
            "channel": {"id": channel},
            "message": {"ts": message_ts, "type": "message"},
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b",
                    "value": button["value"],
                    "action_ts": f"1700000001.{n:06d}",
                }
            ],
        }
        if response_url:
            payload["response_url"] = f"{self.fake_url}/response/{n}"
        return await self.interaction(payload)

    async def submit(
        self,
        user: str,
        view: dict[str, Any],
        values: dict[str, str],
        files: dict[str, list[dict[str, Any]]] | None = None,
        **kw: Any,
    ) -> tuple[int, str]:
        """Submit an opened modal (as the stand-in returned it) with these field values
        (and, for a file input, the files Slack describes)."""
        state: dict[str, Any] = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            element = block["element"]
            value = values.get(block["block_id"])
            kind = element["type"]
            entry: dict[str, Any] = {"type": kind}
            if kind == "plain_text_input":
                entry["value"] = value if value is not None else element.get("initial_value")
            elif kind == "datepicker":
                entry["selected_date"] = value or element.get("initial_date")
            elif kind == "file_input":
                entry["files"] = (files or {}).get(block["block_id"], [])
            else:
                chosen = value or (element.get("initial_option") or {}).get("value")
                # Slack lets a person pick only what the select offers.
                offered = [o["value"] for o in element.get("options", [])]
                assert chosen is None or chosen in offered, (block["block_id"], chosen, offered)
                entry["selected_option"] = (
                    {"value": chosen, "text": {"type": "plain_text", "text": chosen}}
                    if chosen
                    else None
                )
            state[block["block_id"]] = {element["action_id"]: entry}
        payload = {
            "type": "view_submission",
            "user": {"id": user, "team_id": TEAM["id"]},
            "api_app_id": "A1",
            "team": TEAM,
            "trigger_id": f"trigger.{next(self._n)}",
            "view": {**view, "state": {"values": state}},
        }
        return await self.interaction(payload, **kw)

    async def event(
        self, event: dict[str, Any], event_id: str, retry: int | None = None
    ) -> tuple[int, str]:
        body = json.dumps(
            {
                "token": "unused",
                "team_id": TEAM["id"],
                "api_app_id": "A1",
                "event": event,
                "type": "event_callback",
                "event_id": event_id,
                "event_time": int(time.time()),
            }
        )
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.post(body, "application/json", headers if retry else None)


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def button(blocks: list[dict[str, Any]], action: str, **data: str) -> dict[str, Any]:
    """The button for `action` (and preset data, e.g. choice="advies") on a card."""
    for element in buttons(blocks):
        if "value" not in element:  # a link button
            continue
        value = json.loads(element["value"])
        if value["a"] == action and all(value.get("d", {}).get(k) == v for k, v in data.items()):
            return element
    raise AssertionError(
        f"no {action} button {data} among {[b['action_id'] for b in buttons(blocks)]}"
    )
