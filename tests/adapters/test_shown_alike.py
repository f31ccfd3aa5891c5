"""What the bot posts by itself shows the same thing in Slack and in Teams.

One bot with both chats configured, Slack's Web API and the Bot Framework
connector played by their local stand-ins. A dossier is walked to the owner's DM,
the escalation and the thread lines; what each platform delivers is read back from
its own markup (Block Kit, the Adaptive Card) and the two must agree: title, the
line under it, facts and buttons in the same order.
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from aiohttp import web

from adapters.slack.ids import ACTION_PREFIX
from bot.entry.bootstrap import Klachtenbot, build
from bot.rules.actions import Assign, Escalate, ReportStatus
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.settings import Settings
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.teams.client import (
    COORDINATORS,
    DIRECTIE,
    Teams,
    User,
    actions,
    valid_card,
)
from tests.adapters.teams.conftest import vouched
from tests.adapters.teams.connector import Connector
from tests.conftest import Clock
from tests.helpers import registration

Shown = tuple[str, str | None, list[tuple[str, str]], list[tuple[str, str]]]


@pytest.fixture
async def chats() -> AsyncIterator[tuple[FakeSlack, Connector]]:
    slack = FakeSlack()
    await slack.start()
    connector = Connector()
    runner = web.AppRunner(connector.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    connector.url = f"http://127.0.0.1:{runner.addresses[0][1]}/"
    yield slack, connector
    await runner.cleanup()
    await slack.stop()
    assert slack.problems == [], slack.problems  # every Block Kit payload was valid
    for card in connector.cards():  # and every Adaptive Card
        valid_card(card)


@pytest.fixture
async def both(database_url: str, clock: Clock, chats) -> AsyncIterator[Klachtenbot]:  # type: ignore[no-untyped-def]
    slack, _ = chats
    settings = Settings(
        database_url=database_url,
        slack_bot_token="xoxb-test-token",
        slack_signing_secret="secret",
        slack_api_url=slack.api_url,
        slack_coordinator_channel="CCOORD",
        slack_directie_channel="CDIR",
        teams_local=True,
        teams_coordinator_conversation=COORDINATORS,
        teams_directie_conversation=DIRECTIE,
    )
    bot = build(settings)
    bot.complaints.clock = clock
    yield bot
    await bot.close()


def _unslack(text: str) -> str:
    # A phone or e-mail link reads as its text, with where it leads.
    text = re.sub(r"<((?:tel|mailto):[^|>]+)\|([^>]*)>", r"\2 → \1", text)
    return html.unescape(text)


def from_block_kit(blocks: list[dict[str, Any]]) -> Shown:
    """Title, subtitle, facts and buttons as a person reads them in Slack."""
    [header] = [b for b in blocks if b["type"] == "header"]
    subtitle = next(
        (_unslack(b["elements"][0]["text"]) for b in blocks if b["type"] == "context"), None
    )
    facts = []
    for block in blocks:
        for field in block.get("fields", []) if block["type"] == "section" else []:
            label, value = field["text"].split("\n", 1)
            facts.append((_unslack(label.strip("*")), _unslack(value)))
    buttons = [
        (e["text"]["text"], e["action_id"].removeprefix(ACTION_PREFIX).rsplit(".", 1)[0])
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if "url" not in e
    ]
    return header["text"]["text"], subtitle, facts, buttons


_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def _unteams(text: str) -> str:
    text = re.sub(r"\[(.*)\]\(((?:tel|mailto):[^)]+)\)", r"\1 → \2", text)
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def from_adaptive_card(card: dict[str, Any]) -> Shown:
    """Title, subtitle, facts and buttons as a person reads them in Teams."""
    texts = [e for e in card["body"] if e["type"] == "TextBlock"]
    [title] = [e for e in texts if e.get("size") == "Medium"]
    subtitle = next((_unteams(e["text"]) for e in texts if e.get("isSubtle")), None)
    facts = [
        (_unteams(f["title"]), _unteams(f["value"]))
        for e in card["body"]
        if e["type"] == "FactSet"
        for f in e["facts"]
    ]
    buttons = [
        (a["title"], a["data"]["klachtenbot"]["action"])
        for a in actions(card)
        if a["type"] == "Action.Execute"
    ]
    return _unteams(title["text"]), subtitle, facts, buttons


async def _assigned(both: Klachtenbot, connector: Connector) -> tuple[str, Any, User]:
    """A dossier assigned to Piet, who has opened a chat with the bot in Teams."""
    add = both.staff.add
    anna = await add(None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl", "UANNA")
    piet = await add(
        None, "Piet Jansen", [Role.MEDEWERKER], "piet@example.nl", "UPIET", teams_aad_id="aad-piet"
    )
    # Piet has opened a chat with the bot in Teams, so a proactive message can reach him.
    teams_piet = User(piet.name, piet.teams_aad_id)
    opened = Teams("", connector.url)._base(
        "conversationUpdate", teams_piet, Teams.personal(teams_piet)
    )
    opened["membersAdded"] = [opened["recipient"]]
    await vouched(both, opened)

    number = (
        await both.complaints.register(
            anna, registration(customer_name="Mevr. E. Bakker <b>", summary="Knelt *erg*")
        )
    ).dossier.number
    await both.complaints.act(
        anna, number, Assign(owner_id=piet.id, plan="winkel", planned_on=date(2026, 12, 1))
    )
    await both.dispatcher.drain()
    return number, piet, teams_piet


async def test_the_owner_is_shown_the_same_dm_in_slack_and_teams(both, chats):  # type: ignore[no-untyped-def]
    slack, connector = chats
    number, piet, teams_piet = await _assigned(both, connector)

    [slack_dm] = slack.to("chat.postMessage", channel="UPIET")
    dm = f"a:chat-{teams_piet.id}"
    [teams_dm] = [c for c in connector.sent("send") if c.conversation_id == dm]
    in_slack = from_block_kit(slack_dm["blocks"])
    in_teams = from_adaptive_card(valid_card(teams_dm.card))
    assert in_slack == in_teams

    title, subtitle, facts, buttons = in_slack
    assert number in title and subtitle
    shown = dict(facts)
    assert shown["Klant"].startswith("Mevr. E. Bakker <b>")
    assert shown["Telefoon"] == "06-12345678 → tel:0612345678"
    # The owner's own steps, as the procedure allows them now; not the coordinator's card;
    # the next one first and highlighted.
    view = await both.complaints.view(piet, number)
    assert sorted(b[1] for b in buttons) == sorted(
        a.name for a in available_actions(piet, view.dossier)
    )
    assert buttons[0][1] in ("plan_contact", "mark_handled") and "assign" not in [
        b[1] for b in buttons
    ]


def lines_in_slack(posts: list[dict[str, Any]]) -> list[list[str]]:
    return [[_unslack(part) for part in p["text"].split("\n> ")] for p in posts]


def lines_in_teams(cards: list[dict[str, Any]]) -> list[list[str]]:
    return [[_unteams(e["text"]) for e in c["body"] if e["type"] == "TextBlock"] for c in cards]


async def test_the_directie_and_the_thread_are_shown_the_same_in_slack_and_teams(both, chats):  # type: ignore[no-untyped-def]
    slack, connector = chats
    number, piet, _ = await _assigned(both, connector)
    await both.complaints.act(piet, number, ReportStatus(text="Klant belt *morgen* <terug>"))
    await both.complaints.act(piet, number, Escalate(reason="Klant wil [geld](terug)"))
    await both.dispatcher.drain()

    [slack_post] = slack.to("chat.postMessage", channel="CDIR")
    [teams_post] = [c for c in connector.sent("send") if c.conversation_id == DIRECTIE]
    in_slack = from_block_kit(slack_post["blocks"])
    assert in_slack == from_adaptive_card(valid_card(teams_post.card))
    assert [b[1] for b in in_slack[3]] == ["decide"] * 3

    in_thread = [p for p in slack.to("chat.postMessage", channel="CCOORD") if p.get("thread_ts")]
    teams_thread = [
        c.card for c in connector.sent("send") if c.conversation_id.startswith(f"{COORDINATORS};")
    ]
    said = lines_in_slack(in_thread)
    assert said == lines_in_teams(teams_thread)
    assert said[-2][1:] == ["Klant belt *morgen* <terug>"]
    assert said[-1][1:] == ["Klant wil [geld](terug)"]
