"""POST /intake/webform over real HTTP on loopback: every answer the website can get."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.intake.auth import SIGNATURE_HEADER, sign, sign_v2
from bot.entry.server import make_app
from bot.rules.actions import Correct
from bot.rules.dossier import IntakeChannel, State
from bot.rules.people import SYSTEM
from bot.use_cases.services import Scope
from tests.bot.use_cases.documents.support import make_bot, settle, with_chat
from tests.helpers import registration

TOKEN = "website-geheim-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
FORM = {
    "name": "Zoë Ëlshout",
    "customer_number": "10234",
    "email": "zoe@example.nl",
    "phone": "06-12345678",
    "message": "De nieuwe steunzolen drukken bij de hiel.\nIk loop er al twee weken mee.",
    "consent": "ja",
}


@pytest.fixture
def proxies() -> str | None:
    """The tests' client stands in for the website's server, which names its visitor."""
    return "127.0.0.1"


@pytest.fixture
async def bot(database_url, clock, proxies):  # type: ignore[no-untyped-def]
    app = make_bot(
        database_url,
        clock,
        intake_token=TOKEN,
        intake_burst=3,
        intake_per_hour=6,
        trusted_proxies=proxies,
    )
    yield app
    await app.close()


@pytest.fixture
async def client(bot):  # type: ignore[no-untyped-def]
    server = TestServer(make_app(bot), host="127.0.0.1")
    await server.start_server()
    async with ClientSession(base_url=str(server.make_url(""))) as session:
        yield session
    await server.close()


async def post(client, data=None, *, headers=None, body=None, sender="203.0.113.7"):  # type: ignore[no-untyped-def]
    headers = {"X-Forwarded-For": sender, **(BEARER if headers is None else headers)}
    if body is None:
        body = json.dumps(FORM if data is None else data).encode()
        headers.setdefault("Content-Type", "application/json")
    async with client.post("/intake/webform", data=body, headers=headers) as response:
        return response.status, await response.json(), response.headers


async def test_a_form_makes_a_dossier_and_a_card_for_the_coordinators(bot, client, team):
    chat = with_chat(bot)
    status, answer, _ = await post(client)
    assert status == 201
    number = answer["dossier"]
    assert number == "K-2026-0001" and number in answer["message"]

    view = await bot.complaints.view(team.coordinator, number)
    d = view.dossier
    assert (d.channel, d.state, d.registered_by_id) == (IntakeChannel.WEBSITE, State.ONTVANGEN, 0)
    assert d.received_on.isoformat() == "2026-11-24"
    assert (d.customer.name, d.customer.email, d.customer.phone) == (
        "Zoë Ëlshout",
        "zoe@example.nl",
        "06-12345678",
    )
    # The number the customer typed waits for the coordinator; it is not the dossier's yet.
    assert d.customer.number is None
    assert d.complaint.summary == "De nieuwe steunzolen drukken bij de hiel."
    assert "Ik loop er al twee weken mee." in (d.complaint.details or "")
    assert "Klantnummer volgens de klant: 10234 (nog niet bevestigd)" in (d.complaint.details or "")
    assert view.timeline[0].actor_id == SYSTEM.id

    await settle(bot)
    [notice] = chat.notices
    assert notice["audience"] == "coordinators" and notice["dossier_number"] == number
    card = notice["card"]
    assert card["title"] == f"Nieuwe klacht via de website: {number}"
    confirm, complete = card["buttons"]
    assert (confirm["action"], confirm["value"], confirm["data"]) == (
        "correct",
        number,
        {"customer_number": "10234"},
    )
    assert complete["action"] == "correct" and complete["data"] == {}
    facts = {f["label"]: f["value"] for f in card["facts"]}
    assert facts["Klantnummer volgens de klant"] == "10234, nog niet gecontroleerd"

    # The coordinator's one tap confirms it through the core's own action.
    await bot.complaints.act(team.coordinator, number, Correct(**confirm["data"]))
    assert (await bot.complaints.view(team.coordinator, number)).dossier.customer.number == "10234"


async def test_form_encoded_with_a_signature(bot, client, team):
    body = urlencode(FORM).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        SIGNATURE_HEADER: sign(TOKEN, body, int(time.time())),
    }
    status, answer, _ = await post(client, headers=headers, body=body)
    assert status == 201
    view = await bot.complaints.view(team.coordinator, answer["dossier"])
    assert view.dossier.customer.name == "Zoë Ëlshout"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer verkeerd"},
        {"Authorization": f"Basic {TOKEN}"},
        {SIGNATURE_HEADER: "t=1,v1=00"},
        {SIGNATURE_HEADER: "onzin"},
    ],
)
async def test_without_valid_authentication_401_and_nothing_registered(bot, client, team, headers):
    status, answer, _ = await post(client, headers=headers)
    assert status == 401 and answer["error"] == "intake.unauthorized"
    assert await bot.complaints.dossiers(team.coordinator, Scope.ALL) == []


async def test_a_signature_must_be_fresh_and_over_this_body(client):
    body = json.dumps(FORM).encode()
    stale = sign(TOKEN, body, int(time.time()) - 600)
    other = sign(TOKEN, b"{}", int(time.time()))
    for signature in (stale, other):
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: signature}
        status, _, _ = await post(client, headers=headers, body=body)
        assert status == 401


async def test_bad_fields_400_with_every_field_in_dutch(bot, client, team):
    status, answer, _ = await post(
        client, {"name": " ", "email": "geen-adres", "phone": "12", "customer_number": "AB12"}
    )
    assert status == 400 and answer["error"] == "intake.invalid"
    fields = {name: value["message"] for name, value in answer["fields"].items()}
    assert fields == {
        "name": "Dit veld is verplicht.",
        "email": "Dit is geen geldig e-mailadres.",
        "phone": "Dit is geen geldig telefoonnummer.",
        "customer_number": "Een klantnummer bestaat alleen uit cijfers (hoogstens 12).",
        "message": "Dit veld is verplicht.",
        "consent": "Geef toestemming om contact met u op te nemen; zonder dat kunnen wij uw"
        " klacht niet behandelen.",
    }
    assert await bot.complaints.dossiers(team.coordinator, Scope.ALL) == []


async def test_contact_details_are_required_and_english_on_request(client):
    form = {**FORM, "email": "", "phone": ""}
    status, answer, _ = await post(client, form, headers={**BEARER, "Accept-Language": "en-GB"})
    assert status == 400
    assert answer["fields"]["email"]["message"] == (
        "Fill in your e-mail address or phone number, so that we can contact you."
    )
    status, answer, _ = await post(client, {**FORM, "email": "", "message": "x" * 5001})
    assert status == 400 and answer["fields"]["message"]["error"] == "field.too_long"


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/json", b"{niet-json", 400),
        ("application/json", b"[1, 2]", 400),
        ("application/json", b"\xff\xfe", 400),
        ("text/plain", b"name=Zo", 415),
    ],
)
async def test_unreadable_bodies(client, content_type, body, status):
    got, answer, _ = await post(client, headers={**BEARER, "Content-Type": content_type}, body=body)
    assert got == status and answer["message"]


async def test_an_oversized_body_is_413_declared_or_streamed(client):
    big = json.dumps({**FORM, "message": "x" * 40_000}).encode()
    status, answer, _ = await post(client, headers={**BEARER, "Content-Type": "application/json"},
                                   body=big)  # fmt: skip
    assert status == 413 and answer["error"] == "intake.too_large"

    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 8192

    headers = {**BEARER, "Content-Type": "application/json"}
    async with client.post("/intake/webform", data=chunks(), headers=headers) as response:
        assert response.status == 413


async def test_one_sender_flooding_gets_429_others_do_not(bot, client, team):
    statuses = []
    for i in range(5):
        status, _, headers = await post(client, {**FORM, "message": f"Klacht nummer {i}"})
        statuses.append(status)
    assert statuses == [201, 201, 201, 429, 429]
    assert int(headers["Retry-After"]) > 0
    status, _, _ = await post(client, {**FORM, "message": "Andere klant"}, sender="198.51.100.9")
    assert status == 201
    assert len(await bot.complaints.dossiers(team.coordinator, Scope.ALL)) == 4


async def test_a_resent_form_registers_once(bot, client, team):
    headers = {**BEARER, "Idempotency-Key": "formulier-77"}
    first = await post(client, headers=headers, sender="192.0.2.1")
    again = await post(client, {**FORM, "message": "Zelfde formulier"}, headers=headers,
                       sender="192.0.2.2")  # fmt: skip
    assert (first[0], again[0]) == (201, 200)
    assert first[1]["dossier"] == again[1]["dossier"]
    # Without a key, the very same body on the same day is a double click.
    click = await post(client, {**FORM, "message": "Dubbel"}, sender="192.0.2.3")
    double = await post(client, {**FORM, "message": "Dubbel"}, sender="192.0.2.4")
    assert (click[0], double[0]) == (201, 200)
    assert click[1]["dossier"] == double[1]["dossier"] != first[1]["dossier"]
    assert len(await bot.complaints.dossiers(team.coordinator, Scope.ALL)) == 2


async def test_the_answer_never_reveals_whether_a_customer_number_exists(bot, client, team):
    # Customer 10234 is known (a dossier under that number); 99999 is nobody.
    await bot.complaints.register(team.coordinator, registration(customer_number="10234"))
    known = await post(client, {**FORM, "customer_number": "10234", "message": "Klacht A"})
    unknown = await post(client, {**FORM, "customer_number": "99999", "message": "Klacht B"})
    assert known[0] == unknown[0] == 201
    assert set(known[1]) == set(unknown[1]) == {"dossier", "message"}
    assert known[1]["message"].replace(known[1]["dossier"], "#") == unknown[1]["message"].replace(
        unknown[1]["dossier"], "#"
    )
    for answer in (known[1], unknown[1]):
        assert "10234" not in json.dumps(answer) and "99999" not in json.dumps(answer)
    assert set(known[2]) == set(unknown[2])


async def test_without_a_token_the_endpoint_is_off(database_url, clock):
    app = make_bot(database_url, clock)
    try:
        server = TestServer(make_app(app), host="127.0.0.1")
        await server.start_server()
        async with (
            ClientSession() as session,
            session.post(server.make_url("/intake/webform"), json=FORM) as response,
        ):
            assert response.status == 404
        await server.close()
        assert any("KLACHTENBOT_INTAKE_TOKEN" in note for note in app.startup_notes)
    finally:
        await app.close()


async def test_ten_replays_of_a_v1_signature_make_one_dossier(bot, client, team, clock):
    """v1 does not cover the Idempotency-Key: a changed header cannot make a new form."""
    body = json.dumps(FORM).encode()
    signed = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(TOKEN, body, int(time.time())),
    }
    keys = [None, None, "nieuw-1", "nieuw-2", "", None, "nieuw-3", "nieuw-4", "nieuw-5", None]
    answers = []
    for i, key in enumerate(keys):
        if i == 6:
            clock.now += timedelta(days=1)  # the replayer waits for midnight (app's clock)
        headers = dict(signed) if key is None else {**signed, "Idempotency-Key": key}
        # A new sender each time: the flood limit must not be what stops the replays.
        answers.append(await post(client, headers=headers, body=body, sender=f"192.0.2.{i}"))
    assert [status for status, _, _ in answers] == [201] + [200] * 9
    assert {answer["dossier"] for _, answer, _ in answers} == {"K-2026-0001"}
    assert len(await bot.complaints.dossiers(team.coordinator, Scope.ALL)) == 1


async def test_a_v2_signature_covers_the_idempotency_key(bot, client, team, clock):
    body = json.dumps(FORM).encode()
    now = int(time.time())
    first = {"Content-Type": "application/json", "Idempotency-Key": "formulier-9"}
    first[SIGNATURE_HEADER] = sign_v2(TOKEN, body, now, "formulier-9")
    status, answer, _ = await post(client, headers=first, body=body, sender="192.0.2.1")
    assert status == 201
    # Replays: the same request, then with the key changed or left off.
    replays = [first, {**first, "Idempotency-Key": "ander"}, {**first, "Idempotency-Key": ""}]
    replays.append({k: v for k, v in first.items() if k != "Idempotency-Key"})
    statuses = [
        (await post(client, headers=h, body=body, sender=f"192.0.2.{10 + i}"))[0]
        for i, h in enumerate(replays)
    ]
    assert statuses == [200, 401, 401, 401]
    # The website's own retry, signed afresh the next day with its key: the same form.
    clock.now += timedelta(days=1)
    retry = {**first, SIGNATURE_HEADER: sign_v2(TOKEN, body, now + 1, "formulier-9")}
    again = await post(client, headers=retry, body=body, sender="192.0.2.20")
    assert again[0] == 200 and again[1]["dossier"] == answer["dossier"]
    # A v2 signature over another body or another key is no signature.
    other = {**first, SIGNATURE_HEADER: sign_v2(TOKEN, body, now, "ander")}
    assert (await post(client, headers=other, body=body, sender="192.0.2.21"))[0] == 401
    assert len(await bot.complaints.dossiers(team.coordinator, Scope.ALL)) == 1


@pytest.mark.parametrize("proxies", [None])
async def test_without_trusted_proxies_a_forwarded_address_changes_nothing(bot, client, team):
    statuses = []
    for i in range(5):
        form = {**FORM, "message": f"Klacht nummer {i}"}
        statuses.append((await post(client, form, sender=f"198.51.100.{i}"))[0])
    assert statuses == [201, 201, 201, 429, 429]
    assert len(await bot.complaints.dossiers(team.coordinator, Scope.ALL)) == 3


@pytest.mark.parametrize("proxies", ["1", "127.0.0.1"])
async def test_a_spoofed_leftmost_entry_does_not_dodge_the_limit(bot, client, team):
    """Our proxy appends the address it saw; whatever the client wrote before it is its own."""
    statuses = []
    for i in range(5):
        form = {**FORM, "message": f"Klacht nummer {i}"}
        chain = f"198.51.100.{i}, 203.0.113.7"
        statuses.append((await post(client, form, sender=chain))[0])
    assert statuses == [201, 201, 201, 429, 429]
    # Another visitor behind the same proxy is not slowed down.
    status, _, _ = await post(client, {**FORM, "message": "Ander"}, sender="6.6.6.6, 203.0.113.8")
    assert status == 201


@pytest.mark.parametrize("proxies", ["1"])
async def test_wrong_tokens_are_limited_per_client_behind_the_proxy(client):
    wrong = {"Authorization": "Bearer verkeerd"}
    statuses = [
        (await post(client, headers=wrong, sender=f"198.51.100.{i}, 203.0.113.7"))[0]
        for i in range(21)
    ]
    assert statuses == [401] * 20 + [429]  # a rewritten leftmost entry buys no more guesses
    # The proxy's own address is not the guesser's: someone else still gets an answer.
    status, answer, _ = await post(client, headers=wrong, sender="203.0.113.8")
    assert (status, answer["error"]) == (401, "intake.unauthorized")


def test_the_documented_v2_example_is_what_klachtenbot_checks():
    """docs/intake.md gives the website's developer one worked signature to compare with."""
    docs = (Path(__file__).parents[3] / "docs" / "intake.md").read_text(encoding="utf-8")
    expected = sign_v2("geheim", '{"name":"Zoë"}'.encode(), 1764000000, "formulier-77")
    assert f"X-Klachtenbot-Signature: {expected}" in docs
