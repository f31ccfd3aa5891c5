"""What must hold for every request from Slack: signatures, ack first, no repeats."""

from __future__ import annotations

import asyncio
import functools
import json
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

import adapters.slack.app as slack_app
import adapters.slack.listeners.submissions as slack_submissions
from adapters.slack.admission import Admission
from adapters.slack.ids import encode_value
from bot.entry.bootstrap import build
from bot.rules.actions import Assign
from bot.settings import Settings
from bot.use_cases.services import LIST_LINES
from storage.tables import dossiers, events, inbound_keys
from tests.adapters.slack.signing import SECRET, button, sign
from tests.helpers import registration, rows

REGISTRATION = {
    "channel": "telefoon",
    "received_on": "2026-11-23",
    "customer_name": "Mevr. E. Bakker",
    "customer_phone": "06-12345678",
    "summary": "Schoen knelt",
}


# -- signatures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda body: {}, id="missing headers"),
        pytest.param(lambda body: sign("another-secret", body), id="wrong secret"),
        pytest.param(
            lambda body: {**sign(SECRET, body), "X-Slack-Signature": "v0=" + "0" * 64},
            id="bad signature",
        ),
        pytest.param(
            lambda body: sign(SECRET, body, int(time.time()) - 6 * 60), id="older than 5 minutes"
        ),
        pytest.param(lambda body: sign(SECRET, body + "&text=lijst"), id="signed a different body"),
    ],
)
async def test_an_unsigned_or_badly_signed_request_is_refused_and_does_nothing(
    bot, team, slack, slack_api, headers
):
    body = urlencode(
        {
            "command": "/klacht",
            "text": "nieuw",
            "user_id": "UANNA",
            "team_id": "T1",
            "trigger_id": "t.1",
            "response_url": f"{slack_api.url}/response/1",
        }
    )
    status, _ = await slack.post(
        body, "application/x-www-form-urlencoded", headers(body), signed=False
    )
    assert status == 401
    event = {"type": "message", "channel": "CCOORD", "user": "UANNA", "text": "x", "ts": "1.1"}
    event_body = json.dumps({"type": "event_callback", "event_id": "Ev1", "event": event})
    status, _ = await slack.post(event_body, "application/json", headers(event_body), signed=False)
    assert status == 401
    await asyncio.sleep(0.2)  # give any wrongly started work the chance to show itself
    assert [c.method for c in slack_api.calls] == []
    assert slack_api.responses == []


async def test_a_correctly_signed_request_is_accepted(bot, team, slack, slack_api):
    status, _ = await slack.command("UANNA", "help")
    assert status == 200
    await slack_api.wait(lambda: slack_api.responses)
    assert "/klacht nieuw" in slack_api.responses[0]["text"]


# -- ack first, work after ------------------------------------------------------------------


async def test_the_command_is_acked_before_the_work_is_done(bot, team, slack, slack_api):
    # Slack's users.info hangs: the answer to the command must not wait for it.
    gate = slack_api.gates["users.info"] = asyncio.Event()
    status, body = await slack.command("UANNA", "lijst")
    assert status == 200 and body == ""
    assert slack_api.responses == []  # the list comes after the ack
    gate.set()
    await slack_api.wait(lambda: slack_api.responses)
    assert slack_api.responses[0]["response_type"] == "ephemeral"


async def test_a_click_and_the_app_home_are_acked_before_their_work(bot, team, slack, slack_api):
    # bolt answers Slack once a listener returns: each must ack and leave its work to a
    # background task, or a hanging users.info would hold the HTTP answer too.
    await bot.complaints.register(team.coordinator, registration())
    gate = slack_api.gates["users.info"] = asyncio.Event()
    value = encode_value("K-2026-0001", "add_note", 1, {})
    click = slack.click("UANNA", {"action_id": "klacht.add_note.0", "value": value})
    home = {"type": "app_home_opened", "user": "UANNA", "channel": "DANNA", "tab": "home"}
    acks = await asyncio.wait_for(asyncio.gather(click, slack.event(home, "EvHome9")), 20)
    assert [status for status, _ in acks] == [200, 200]
    assert slack_api.to("views.open") == [] and slack_api.to("views.publish") == []
    gate.set()
    await slack_api.wait(lambda: slack_api.to("views.open") and slack_api.to("views.publish"))


async def test_a_slow_submission_is_acked_in_time_and_reported_by_dm(
    bot, team, slack, slack_api, monkeypatch
):
    monkeypatch.setattr(slack_submissions, "ACK_BUDGET", 0.0)
    await slack.command("UANNA", "nieuw")
    form = (await slack_api.wait(lambda: slack_api.answers("views.open")))[0]["view"]
    status, body = await slack.submit("UANNA", form, REGISTRATION)
    assert status == 200 and body == ""  # the modal closes at once
    dm = await slack_api.wait(lambda: slack_api.to("chat.postMessage", channel="UANNA"))
    assert "K-2026-0001" in dm[0]["text"]
    assert await rows(bot.engine, dossiers) == 1


@pytest.fixture
def one_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the bot is built: one request at work, one waiting, the rest turned away."""
    tight = functools.partial(Admission, running=1, waiting=1, quiet=0.5)
    monkeypatch.setattr(slack_app, "Admission", tight)


async def test_a_person_turned_away_is_told_so_once_not_per_click(
    one_slot, bot, team, slack, slack_api
):
    await bot.complaints.register(team.coordinator, registration())
    # Slack's users.info hangs, so the first click holds the only slot and the second waits.
    gate = slack_api.gates["users.info"] = asyncio.Event()
    value = encode_value("K-2026-0001", "add_note", 1, {})
    note = {"action_id": "klacht.add_note.0", "value": value}
    for _ in range(5):  # five taps on a stuck button
        assert (await slack.click("UANNA", note))[0] == 200
    assert (await slack.click("UPIET", note))[0] == 200
    await slack_api.wait(lambda: len(slack_api.responses) >= 2)
    await asyncio.sleep(0.2)  # any further notice would have arrived by now
    busy = [r["text"] for r in slack_api.responses]
    assert len(busy) == 2 and all("druk" in text for text in busy), busy

    await asyncio.sleep(0.5)  # a retry after a while, as the notice asks, is answered again
    await slack.click("UANNA", note)
    await slack_api.wait(lambda: len(slack_api.responses) == 3)
    gate.set()  # the two admitted clicks do their work; none of the others does
    await slack_api.wait(lambda: len(slack_api.to("views.open")) == 2)
    await asyncio.sleep(0.2)
    assert len(slack_api.to("views.open")) == 2 and len(slack_api.responses) == 3


# -- repeats -----------------------------------------------------------------------------------


async def test_a_modal_submitted_twice_makes_one_dossier(bot, team, slack, slack_api):
    await slack.command("UANNA", "nieuw")
    form = (await slack_api.wait(lambda: slack_api.answers("views.open")))[0]["view"]
    first, second = await asyncio.gather(
        slack.submit("UANNA", form, REGISTRATION), slack.submit("UANNA", form, REGISTRATION)
    )
    assert first[0] == second[0] == 200
    texts = [json.loads(b)["view"]["blocks"][0]["text"]["text"] for _, b in (first, second)]
    assert all("K-2026-0001" in t or "al verwerkt" in t for t in texts), texts
    third = await slack.submit("UANNA", form, REGISTRATION)
    assert "al verwerkt" in json.loads(third[1])["view"]["blocks"][0]["text"]["text"]
    assert await rows(bot.engine, dossiers) == 1
    async with bot.engine.connect() as conn:
        registered = select(func.count()).where(events.c.action == "register")
        assert (await conn.execute(registered)).scalar_one() == 1
        keys = (await conn.execute(select(inbound_keys.c.key))).scalars().all()
    # (The copy of the phone complaint the bot files itself has a key of its own.)
    view_key = f"slack:view:{form['id']}:{form['hash']}"
    assert [k for k in keys if k.startswith("slack:")] == [view_key]


async def test_slack_retrying_an_event_records_the_note_once(bot, team, slack, slack_api):
    await bot.complaints.register(team.coordinator, registration())
    card = await slack_api.wait(lambda: slack_api.answers("chat.postMessage"))
    ts = card[0]["ts"]
    await slack_api.wait(lambda: [1 for c in slack_api.calls if c.method == "chat.postMessage"])
    await _until_card_remembered(bot)
    note = {
        "type": "message",
        "channel": "CCOORD",
        "user": "UANNA",
        "text": "Klant belde terug",
        "ts": "1700000200.000001",
        "thread_ts": ts,
    }
    results = await asyncio.gather(
        slack.event(note, "Ev42"), slack.event(note, "Ev42", retry=1), slack.event(note, "Ev42", 2)
    )
    assert [status for status, _ in results] == [200, 200, 200]
    await slack.event(note, "Ev42", retry=3)
    await _until(lambda: rows(bot.engine, events), 2)
    await asyncio.sleep(0.3)  # the retries had their chance
    assert await rows(bot.engine, events) == 2
    view = await bot.complaints.view(team.coordinator, "K-2026-0001")
    assert [e.action for e in view.timeline] == ["register", "add_note"]
    assert slack_api.to("chat.postEphemeral") == []  # no retry was answered with an error


async def test_a_double_click_on_a_one_tap_button_acts_once(bot, team, slack, slack_api):
    await bot.complaints.register(team.coordinator, registration())
    outcome = await bot.complaints.act(
        team.coordinator, "K-2026-0001", Assign(owner_id=team.owner.id)
    )
    # "Loopt volgens plan": a preset answer that fills the whole form, so one tap acts.
    value = encode_value(
        "K-2026-0001", "report_status", outcome.dossier.version, {"text": "Loopt volgens plan"}
    )
    click = {"action_id": "klacht.report_status.0", "value": value}
    results = await asyncio.gather(*(slack.click("UPIET", click) for _ in range(3)))
    assert [status for status, _ in results] == [200, 200, 200]
    answers = await slack_api.wait(lambda: len(slack_api.responses) >= 3 and slack_api.responses)
    texts = sorted(a["text"] for a in answers)
    assert sum(t == "K-2026-0001: status doorgegeven." for t in texts) == 1, texts
    assert sum("al verwerkt" in t for t in texts) == 2, texts
    assert await rows(bot.engine, events) == 3


async def test_a_message_outside_a_dossier_thread_is_ignored(bot, team, slack, slack_api):
    await bot.complaints.register(team.coordinator, registration())
    await _until_card_remembered(bot)
    for event in (
        {"type": "message", "channel": "CCOORD", "user": "UANNA", "text": "hoi", "ts": "5.1"},
        {
            "type": "message",
            "channel": "CCOORD",
            "user": "UANNA",
            "text": "elders",
            "ts": "5.2",
            "thread_ts": "4.9",
        },
    ):
        assert (await slack.event(event, f"Ev{event['ts']}"))[0] == 200
    await asyncio.sleep(0.3)
    assert await rows(bot.engine, events) == 1


async def _until_card_remembered(bot) -> None:  # type: ignore[no-untyped-def]
    from storage.tables import chat_messages

    await _until(lambda: rows(bot.engine, chat_messages), 1)


async def _until(probe, expected: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(1000):
        if await probe() >= expected:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("never reached")


# -- people and languages ---------------------------------------------------------------------


async def test_an_unknown_slack_user_gets_a_friendly_private_answer(bot, team, slack, slack_api):
    await slack.command("UNOBODY", "lijst")
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    assert answer["response_type"] == "ephemeral"
    assert "kent u nog niet" in answer["text"] and "beheerder" in answer["text"]
    assert "UNOBODY" in answer["text"]  # what whoever adds them needs


async def test_an_english_slack_user_reads_english(bot, team, slack, slack_api):
    slack_api.locales["UANNA"] = "en-GB"
    await slack.command("UANNA", "wat-is-dit")
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    assert "I do not know that" in answer["text"] and "register a complaint" in answer["text"]


async def test_an_unknown_subcommand_answers_with_the_help_privately(bot, team, slack, slack_api):
    await slack.command("UANNA", "verwijder <!channel>")
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    assert answer["response_type"] == "ephemeral"
    assert "Dat ken ik niet" in answer["text"] and "/klacht nieuw" in answer["text"]
    assert "&lt;!channel&gt;" in answer["text"]


async def test_a_long_list_shows_the_oldest_and_says_how_many_more(bot, team, slack, slack_api):
    numbers = [
        (await bot.complaints.register(team.coordinator, registration())).dossier.number
        for _ in range(LIST_LINES + 2)
    ]
    await slack.command("UANNA", "lijst")
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    shown = json.dumps(answer["blocks"], ensure_ascii=False)
    assert f"Klachten: {LIST_LINES + 2}" in answer["text"]
    assert all(n in shown for n in numbers[:LIST_LINES]) and numbers[-1] not in shown
    assert "… en nog 2; de oudste staan bovenaan." in shown


@pytest.mark.parametrize("words", ["lijst alle", "list all", "lijst mine", "LIJST OVERDUE"])
async def test_every_scope_word_lists_in_slack_as_in_teams(bot, team, slack, slack_api, words):  # type: ignore[no-untyped-def]
    """The scopes and their English words are the chat layer's, so Slack knows them all."""
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    await bot.complaints.act(team.coordinator, number, Assign(owner_id=team.coordinator.id))
    await slack.command("UANNA", words)
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    shown = json.dumps(answer.get("blocks") or [], ensure_ascii=False) + answer["text"]
    assert "/klacht nieuw" not in shown, "answered with the help"
    if "overdue" in words.lower():
        assert number not in shown and "Klachten: 0" in answer["text"]
    else:
        assert number in shown and "Klachten: 1" in answer["text"]


async def test_a_beheerder_grants_roles_from_slack(bot, team, slack, slack_api):
    slack_api.names["UNEW"] = "Nieuwe Collega"
    await slack.command("UBEA", "rol <@UNEW|nieuw> coördinator")
    await slack_api.wait(lambda: slack_api.responses)
    person = await bot.staff.by_slack("UNEW")
    assert person is not None and person.name == "Nieuwe Collega"
    assert {r.value for r in person.roles} == {"coordinator"}
    await slack.command("UBEA", "rol <@UPIET> directie")
    await slack_api.wait(lambda: len(slack_api.responses) >= 2)
    assert {r.value for r in (await bot.staff.by_slack("UPIET")).roles} == {
        "medewerker",
        "directie",
    }
    assert "Piet Jansen" in slack_api.responses[1]["text"]


async def test_only_a_beheerder_grants_roles(bot, team, slack, slack_api):
    await slack.command("UPIET", "rol <@USANNE> directie")
    answer = (await slack_api.wait(lambda: slack_api.responses))[0]
    assert "Alleen een beheerder" in answer["text"]
    assert {r.value for r in (await bot.staff.by_slack("USANNE")).roles} == {"medewerker"}
    await slack.command("UBEA", "rol directie")
    await slack_api.wait(lambda: len(slack_api.responses) >= 2)
    assert "Gebruik" in slack_api.responses[1]["text"]
    # A name alone, as in Teams, must belong to someone the bot knows.
    await slack.command("UBEA", "rol iemand directie")
    await slack_api.wait(lambda: len(slack_api.responses) >= 3)
    assert "Onbekende persoon: iemand" in slack_api.responses[2]["text"]


async def test_a_button_for_someone_without_the_role_is_refused_by_the_core(
    bot, team, slack, slack_api
):
    await bot.complaints.register(team.coordinator, registration())
    card = (await slack_api.wait(lambda: slack_api.to("chat.postMessage")))[0]["blocks"]
    # A hand-made "close" click (values come from the client, so they can be forged).
    forged = {"action_id": "klacht.close.0", "value": encode_value("K-2026-0001", "close", 1, {})}
    await slack.click("USANNE", forged)
    answers = await slack_api.wait(lambda: slack_api.responses)
    assert "U mag 'Dossier sluiten' niet doen" in answers[0]["text"]
    await slack.click("USANNE", button(card, "assign"))
    # The assign form opens (it is only a form); its submission is refused by the core.
    form = (await slack_api.wait(lambda: slack_api.answers("views.open")))[0]["view"]
    status, body = await slack.submit("USANNE", form, {"owner_id": str(team.other.id)})
    assert status == 200
    assert "niet doen" in json.loads(body)["view"]["blocks"][0]["text"]["text"]
    assert await rows(bot.engine, events) == 1


async def test_the_app_home_shows_open_dossiers(bot, team, slack, slack_api):
    await bot.complaints.register(team.coordinator, registration(summary="Zool laat los"))
    event = {"type": "app_home_opened", "user": "UANNA", "channel": "DANNA", "tab": "home"}
    await slack.event(event, "EvHome1")
    published = await slack_api.wait(lambda: slack_api.to("views.publish"))
    text = json.dumps(published[0]["view"])
    assert "K-2026-0001" in text and "Zool laat los" in text
    await slack.event({**event, "user": "UPIET"}, "EvHome2")
    published = await slack_api.wait(
        lambda: len(slack_api.to("views.publish")) >= 2 and slack_api.to("views.publish")
    )
    assert "K-2026-0001" not in json.dumps(published[1]["view"])  # not Piet's dossier


# -- without a token ---------------------------------------------------------------------------


async def test_without_a_token_slack_is_off_and_serve_says_so(database_url, monkeypatch):
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    bot = build(Settings(database_url=database_url))
    try:
        assert "slack" not in bot.deliverers and "slack" not in bot.chat_platforms
        assert any("SLACK_BOT_TOKEN" in note for note in bot.startup_notes)
        from aiohttp import web

        from bot.entry.server import make_app

        app = make_app(bot)
        assert not [
            r for r in app.router.routes() if r.resource and "slack" in r.resource.canonical
        ]
        assert isinstance(app, web.Application)
    finally:
        await bot.close()


async def test_socket_mode_is_chosen_when_an_app_token_is_set(database_url, monkeypatch):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-test")
    bot = build(Settings(database_url=database_url))
    try:
        assert any("Socket Mode" in note for note in bot.startup_notes)
        assert "slack" in bot.chat_platforms
    finally:
        await bot.close()
