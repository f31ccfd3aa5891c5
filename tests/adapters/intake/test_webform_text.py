"""Text no database can hold, and JSON no parser should follow, at the web form's door.

PostgreSQL refuses NUL in text and no engine can encode a lone surrogate; the form
answers 400 naming the field, in Dutch, and writes nothing, on both engines.
"""

from __future__ import annotations

import json

import pytest

from bot.use_cases.services import Scope
from storage.tables import dossiers, events
from tests.adapters.intake import test_webform as webform
from tests.adapters.intake.test_webform import FORM, TOKEN, post
from tests.helpers import rows

# The web form's own fixtures: a bot with the intake token, served over loopback.
bot = webform.bot
client = webform.client
proxies = webform.proxies

BAD = {
    "NUL": "\x00",
    "lone surrogate": "\ud800",
    "escape": "\x1b[2J",
    "backspace": "\x08",
    "DEL": "\x7f",
}


@pytest.mark.parametrize("field", ["name", "message", "email"])
@pytest.mark.parametrize("bad", list(BAD.values()), ids=list(BAD))
async def test_a_character_no_column_can_hold_is_400_naming_the_field(
    bot, client, team, field, bad
):
    # json.dumps writes a lone surrogate as the escape "\ud800", as a browser's script would.
    value = FORM[field][:3] + bad + FORM[field][3:]
    status, answer, _ = await post(client, {**FORM, field: value})
    assert status == 400, answer
    assert answer["fields"][field]["error"] == "field.unstorable"
    assert "stuurteken" in answer["fields"][field]["message"]
    assert await bot.complaints.dossiers(team.coordinator, Scope.ALL) == []
    assert await rows(bot.engine, events) == 0


async def test_english_callers_are_told_in_english(bot, client, team):
    status, answer, _ = await post(
        client, {**FORM, "message": "a\x00b"}, headers={"Authorization": f"Bearer {TOKEN}",
                                                         "Accept-Language": "en"}
    )  # fmt: skip
    assert status == 400
    assert "control character" in answer["fields"]["message"]["message"]


async def test_a_browsers_line_breaks_are_kept_as_newlines_and_tabs_pass(bot, client, team):
    message = "De zool laat los.\r\nAl twee weken.\rLinks\ten rechts."
    status, answer, _ = await post(client, {**FORM, "message": message})
    assert status == 201, answer
    [view] = await bot.complaints.dossiers(team.coordinator, Scope.ALL)
    assert view.dossier.complaint.details.startswith(
        "De zool laat los.\nAl twee weken.\nLinks\ten rechts."
    )


async def test_form_encoded_bodies_meet_the_same_rule(bot, client, team):
    from urllib.parse import urlencode

    body = urlencode({**FORM, "name": "Zo\x00ë"}).encode()
    headers = {"Authorization": f"Bearer {TOKEN}",
               "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    status, answer, _ = await post(client, headers=headers, body=body)
    assert status == 400 and answer["fields"]["name"]["error"] == "field.unstorable"
    assert await rows(bot.engine, dossiers) == 0


@pytest.mark.parametrize(
    "number",
    ["١٢٣٤٥", "１２３４５", "10²34", "১২৩"],
    ids=["arabic-indic", "fullwidth", "superscript", "bengali"],
)
async def test_a_customer_number_is_ascii_digits_only(bot, client, team, number):
    status, answer, _ = await post(client, {**FORM, "customer_number": number})
    assert status == 400, answer
    assert answer["fields"]["customer_number"]["error"] == "field.customer_number"
    assert await rows(bot.engine, dossiers) == 0


@pytest.mark.parametrize(
    "body",
    [b"[" * 5000, b'{"a":' * 5000, b'{"name": ' + b"[" * 100 + b"]" * 100 + b"}"],
    ids=["5000 arrays", "5000 objects", "100 levels"],
)
async def test_deeply_nested_json_is_400_not_a_500(bot, client, team, body):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    status, answer, _ = await post(client, headers=headers, body=body)
    assert status == 400, answer
    assert answer["fields"]["form"]["error"] == "intake.bad_body"
    assert await rows(bot.engine, dossiers) == 0
    # The server is still there and takes the next form.
    status, answer, _ = await post(client, json.loads(json.dumps(FORM)))
    assert status == 201, answer
