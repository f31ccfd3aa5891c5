"""Signed Slack requests with text or values the bot cannot use: refused plainly, never a
traceback, nothing written (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from adapters.slack.ids import encode_value
from storage.tables import dossiers, events
from tests.adapters.slack.test_e2e import opened_view, submit
from tests.adapters.slack.test_requests import REGISTRATION
from tests.helpers import registration, rows


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("summary", "Schoen\x00knelt"),
        ("customer_name", "Mevr. \ud800Bakker"),
        ("details", "Drukt\x1b[31m"),
        ("customer_email", "e.bakker@exa\x00mple.nl"),
        ("customer_number", "١٠٢٣٤"),
    ],
    ids=["NUL", "lone surrogate", "escape", "NUL in e-mail", "arabic-indic digits"],
)
async def test_a_modal_with_unusable_text_gets_an_inline_error_and_stores_nothing(
    bot, team, slack, slack_api, field, value
):
    await slack.command("UANNA", "nieuw")
    view = await opened_view(slack_api, 1)
    answer = await submit(slack, "UANNA", view, {**REGISTRATION, field: value})
    assert answer["response_action"] == "errors", answer
    assert list(answer["errors"]) == [field]
    expected = "klantnummer" if field == "customer_number" else "stuurteken"
    assert expected in answer["errors"][field].lower()
    assert await rows(bot.engine, dossiers) == 0 and await rows(bot.engine, events) == 0


async def test_a_modals_line_breaks_are_stored_as_newlines(bot, team, slack, slack_api):
    await slack.command("UANNA", "nieuw")
    view = await opened_view(slack_api, 1)
    answer = await submit(slack, "UANNA", view, {**REGISTRATION, "details": "Een\r\nTwee"})
    assert answer["response_action"] == "update", answer
    [view] = await bot.complaints.dossiers(team.coordinator)
    assert view.dossier.complaint.details == "Een\nTwee"


@pytest.mark.parametrize(
    "number",
    [12, {"n": "K-2026-0001"}, ["K-2026-0001"], None, True],
    ids=["number", "object", "list", "null", "boolean"],
)
async def test_a_button_whose_dossier_number_is_no_string_is_refused_plainly(
    bot, team, slack, slack_api, number
):
    value = json.dumps({"n": number, "a": "add_note", "v": 0})
    status, _ = await slack.click("UANNA", {"action_id": "klacht.add_note.0", "value": value})
    assert status == 200
    answer = await slack_api.wait(lambda: slack_api.responses)
    assert "kan ik niet lezen" in answer[0]["text"]
    assert slack_api.answers("views.open") == []


async def test_a_button_value_nested_deeply_is_refused_plainly(bot, team, slack, slack_api):
    value = "[" * 1900
    status, _ = await slack.click("UANNA", {"action_id": "klacht.add_note.0", "value": value})
    assert status == 200
    answer = await slack_api.wait(lambda: slack_api.responses)
    assert "kan ik niet lezen" in answer[0]["text"]


@pytest.mark.parametrize(
    "metadata",
    [
        {"action": "add_note", "number": 1},
        {"action": "add_note", "number": {"$gt": ""}},
        {"action": "add_note", "number": "K-2026-0001", "version": "0"},
        {"action": ["add_note"]},
        ["add_note", "K-2026-0001"],
    ],
    ids=["number", "object", "version as text", "action as list", "a list"],
)
async def test_a_view_whose_metadata_has_the_wrong_shape_is_refused_plainly(
    bot, team, slack, slack_api, metadata
):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    status, _ = await slack.click(
        "UANNA",
        {"action_id": "klacht.add_note.0", "value": encode_value(number, "add_note", 0, {})},
    )
    view = await opened_view(slack_api, 1)
    view = {**view, "id": "V1", "private_metadata": json.dumps(metadata)}
    status, body = await slack.submit("UANNA", view, {"text": "Klant gebeld."})
    assert status == 200, body
    answer = json.loads(body)
    assert answer["response_action"] == "update"
    assert "kan ik niet lezen" in json.dumps(answer["view"], ensure_ascii=False)
    assert await rows(bot.engine, events) == 1  # the registration only


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (urlencode({"payload": "[" * 5000}), "application/x-www-form-urlencoded"),
        ("{" + '"a":{' * 5000, "application/json"),
    ],
    ids=["interaction payload", "event body"],
)
@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
async def test_deeply_nested_json_is_400(bot, team, slack, slack_api, body, content_type, signed):
    status, text = await slack.post(body, content_type, signed=signed)
    assert status == 400, text
    status, _ = await slack.command("UANNA", "help")  # still serving
    assert status == 200
