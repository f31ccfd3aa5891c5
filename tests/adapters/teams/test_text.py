"""Teams activities with text or values the bot cannot use: the form says which field,
deep JSON is 400, and nothing is written (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from tests.adapters.teams.client import action, texts
from tests.adapters.teams.test_e2e import REGISTRATION


def nested(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    ("field", "value"),
    [("summary", "Schoen\x00knelt"), ("customer_name", "Mevr. \ud800Bakker"),
     ("customer_number", "１０２３４")],
    ids=["NUL", "lone surrogate", "fullwidth digits"],
)  # fmt: skip
async def test_a_card_form_with_unusable_text_shows_the_error_and_stores_nothing(
    teams, connector, people, teams_bot, field, value
):
    anna = people.user(people.coordinator)
    await teams.say(anna, "klacht nieuw")
    answer = await teams.click(
        anna, action(connector.calls[-1].card, "register", "submit"), {**REGISTRATION, field: value}
    )
    shown = texts(answer)
    expected = "Een klantnummer" if field == "customer_number" else "stuurteken"
    assert expected in shown, shown
    assert await teams_bot[0].complaints.dossiers(people.coordinator) == []


async def test_a_card_whose_dossier_number_is_no_string_is_refused(
    teams, connector, people, teams_bot
):
    anna = people.user(people.coordinator)
    execute = {
        "type": "Action.Execute",
        "verb": "open",
        "data": {"klachtenbot": {"action": "add_note", "dossier": {"$ne": None}}},
    }
    answer = await teams.click(anna, execute)
    assert "Onbekende handeling" in texts(answer)


@pytest.mark.parametrize(
    "body",
    ["[" * 5000, '{"a":' * 5000, json.dumps({"type": "message", "value": nested(100)})],
    ids=["5000 arrays", "5000 objects", "an activity 100 levels deep"],
)
async def test_deeply_nested_json_is_400(teams, teams_bot, body):
    async with (
        aiohttp.ClientSession() as session,
        session.post(teams.endpoint, data=body, headers={"Content-Type": "application/json"}) as r,
    ):
        assert r.status == 400, await r.text()


async def test_teams_answers_commands_as_slack_does(teams, connector, people):
    """Where Teams once answered differently from Slack with no reason of its own."""
    anna, olga = people.user(people.coordinator), people.outsider
    await teams.say(olga, "klacht help")  # the help is for anyone, as in Slack
    assert "klacht nieuw" in texts(connector.calls[-1].card)
    await teams.say(anna, "hallo daar")  # a word it does not know is said above the help
    shown = texts(connector.calls[-1].card)
    assert "Dat ken ik niet: 'hallo daar'." in shown and "klacht nieuw" in shown
    await teams.say(anna, "klacht toon")  # how to type it, not the whole help
    shown = texts(connector.calls[-1].card)
    assert "Noem het dossier" in shown and "klacht nieuw" not in shown
