"""Teams' side of the conversation in tests: activities as Teams sends them, cards checked.

Every card the bot produces passes through `valid_card`, which checks it against
the official Adaptive Cards 1.5 schema (without the Teams-only `msteams` key).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import aiohttp
import jsonschema

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TENANT = "tenant-1"
BOT = {"id": "28:klachtenbot", "name": "Klachtenbot"}
COORDINATORS = "19:coordinatoren@thread.tacv2"
DIRECTIE = "19:directie@thread.tacv2"
TEAM = "19:team@thread.tacv2"


@cache
def _validator() -> jsonschema.Draft6Validator:
    schema = json.loads((FIXTURES / "adaptive-card-1.5.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema)


def valid_card(card: dict[str, Any]) -> dict[str, Any]:
    """The card, after checking it is a valid Adaptive Card 1.5 within Teams' size."""
    assert card.get("version") == "1.5", card
    plain = {k: v for k, v in card.items() if k != "msteams"}
    errors = sorted(_validator().iter_errors(plain), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message[:300]}" for e in errors]
    assert len(json.dumps(card, ensure_ascii=False).encode()) < 28_000
    return card


def action_sets(node: Any) -> list[dict[str, Any]]:
    """Every set of actions in a card, nested ones (under "Meer…", in columns) included;
    a card's own `actions` count as one set."""
    found = []
    if isinstance(node, dict):
        if node.get("type") == "AdaptiveCard" and node.get("actions"):
            found.append({"type": "ActionSet", "actions": node["actions"]})
        elif node.get("type") == "ActionSet":
            found.append(node)
        for key, value in node.items():
            if key != "actions" or node.get("type") not in ("AdaptiveCard", "ActionSet"):
                found += action_sets(value)
            else:
                for a in value:
                    if a.get("type") == "Action.ShowCard":
                        found += action_sets(a["card"])
    elif isinstance(node, list):
        for value in node:
            found += action_sets(value)
    return found


def actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action of a card, also those under "Meer…" (but not the "Meer…" itself)."""
    return [a for s in action_sets(card) for a in s["actions"] if a["type"] != "Action.ShowCard"]


def action(card: dict[str, Any], name: str | None = None, verb: str | None = None) -> dict:
    for a in actions(card):
        control = a.get("data", {}).get("klachtenbot", {})
        if (name is None or control.get("action") == name) and (verb is None or a["verb"] == verb):
            return a
    raise AssertionError(f"no action {name!r}/{verb!r} in {[a['title'] for a in actions(card)]}")


def texts(card: dict[str, Any]) -> str:
    """All visible text of a card, as one string (for assertions)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "title", "value", "label"):
                if isinstance(node.get(key), str):
                    parts.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card.get("body", []))
    walk(card.get("actions", []))
    return "\n".join(parts)


@dataclass(frozen=True)
class User:
    name: str
    aad: str | None
    locale: str = "nl-NL"

    @property
    def id(self) -> str:
        return f"29:{self.aad or self.name.split()[0].lower()}"

    def account(self) -> dict[str, Any]:
        account = {"id": self.id, "name": self.name}
        if self.aad:
            account["aadObjectId"] = self.aad
        return account


class Teams:
    """Sends activities to the bot's endpoint the way Teams does."""

    def __init__(self, endpoint: str, service_url: str, token: str | None = None) -> None:
        self.endpoint = endpoint
        self.service_url = service_url
        self.token = token
        self._ids = itertools.count(1)
        # What an installation leaves behind when the Bot Framework vouched for it (the
        # tests run in local mode, where nothing is remembered): set by the fixtures.
        self.vouch: Callable[[dict[str, Any]], Awaitable[None]] | None = None

    def _base(self, kind: str, user: User, conversation: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": kind,
            "id": f"activity-{next(self._ids)}",
            "timestamp": "2026-11-24T09:00:00.000Z",
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": user.account(),
            "conversation": conversation,
            "recipient": BOT,
            "locale": user.locale,
            "channelData": {"tenant": {"id": TENANT}},
        }

    @staticmethod
    def personal(user: User) -> dict[str, Any]:
        return {"conversationType": "personal", "tenantId": TENANT, "id": f"a:chat-{user.id}"}

    @staticmethod
    def channel(channel: str, thread: str | None = None) -> dict[str, Any]:
        conversation_id = f"{channel};messageid={thread}" if thread else channel
        return {
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": conversation_id,
            "isGroup": True,
        }

    async def post(self, activity: dict[str, Any], headers: dict[str, str] | None = None):
        headers = dict(headers or {})
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.endpoint, json=activity, headers=headers) as response,
        ):
            body = await response.text()
            return response.status, (json.loads(body) if body.strip() else None)

    async def say(
        self,
        user: User,
        text: str,
        *,
        channel: str | None = None,
        thread: str | None = None,
        mention: bool = False,
        activity_id: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> tuple[int, Any]:
        conversation = self.channel(channel, thread) if channel else self.personal(user)
        activity = self._base("message", user, conversation)
        if activity_id:
            activity["id"] = activity_id
        activity["text"] = text
        activity["textFormat"] = "plain"
        if attachments:
            activity["attachments"] = attachments
        if mention:
            activity["text"] = f"<at>Klachtenbot</at> {text}"
            activity["entities"] = [
                {"type": "mention", "text": "<at>Klachtenbot</at>", "mentioned": BOT}
            ]
        if channel:
            activity["channelData"].update(
                {
                    "teamsChannelId": channel,
                    "teamsTeamId": TEAM,
                    "channel": {"id": channel},
                    "team": {"id": TEAM},
                }
            )
        return await self.post(activity)

    async def click(
        self,
        user: User,
        execute: dict[str, Any],
        inputs: dict[str, str] | None = None,
        *,
        channel: str | None = None,
        thread: str | None = None,
        activity_id: str | None = None,
    ) -> dict[str, Any]:
        """Press an Action.Execute; returns the card Teams would show in its place."""
        assert execute["type"] == "Action.Execute"
        conversation = self.channel(channel, thread) if channel else self.personal(user)
        activity = self._base("invoke", user, conversation)
        if activity_id:
            activity["id"] = activity_id
        activity["name"] = "adaptiveCard/action"
        # Teams merges the card's inputs into the action's data.
        data = dict(execute.get("data") or {})
        if execute.get("associatedInputs") != "none":
            data.update(inputs or {})
        activity["value"] = {
            "action": {"type": "Action.Execute", "verb": execute["verb"], "data": data},
            "trigger": "manual",
        }
        status, body = await self.post(activity)
        assert status == 200, (status, body)
        assert (
            body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
        )
        return valid_card(body["value"])

    async def added(self, user: User, *, channel: str | None = None) -> tuple[int, Any]:
        conversation = self.channel(channel) if channel else self.personal(user)
        activity = self._base("conversationUpdate", user, conversation)
        activity["membersAdded"] = [BOT]
        status, body = await self.post(activity)
        if self.vouch is not None and status < 300:
            await self.vouch(activity)
        return status, body
