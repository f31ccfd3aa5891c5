"""Who may talk to /api/messages, and what user text can do to a card."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator

import aiohttp
import jwt
import pytest
from sqlalchemy import func, select

from bot.entry.bootstrap import build
from bot.entry.server import make_app
from bot.outbox.messages import OutboxStatus
from bot.rules.roles import Role
from storage import tables as t
from tests.adapters.teams.client import COORDINATORS, Teams, User, action, texts
from tests.adapters.teams.conftest import _serve, start, teams_settings
from tests.adapters.teams.connector import Connector
from tests.adapters.teams.tokens import Keys, key_server, trust
from tests.e2e.test_serve import clean_env, free_port
from tests.helpers import registration

APP_ID = "8a3c2f1e-1111-4222-8333-944455556666"


async def _nothing_done(bot) -> None:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as c:
        for table in (t.conversation_refs, t.dossiers, t.outbox):
            assert (await c.execute(select(func.count()).select_from(table))).scalar_one() == 0


OTHER_BOT = "5e0d1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"
# What Teams' request carries instead of a token the Bot Framework signed for this bot.
REFUSED = {
    "no token": lambda keys, service: None,
    "not a token": lambda keys, service: "Bearer not-a-token",
    # Well formed, but not issued by the Bot Framework.
    "forged": lambda keys, service: (
        "Bearer " + jwt.encode({"iss": "https://example.org", "aud": APP_ID}, "k" * 32, "HS256")
    ),
    # Signed by the Bot Framework's key, but for another bot.
    "another audience": lambda keys, service: "Bearer " + keys.token(OTHER_BOT, service),
    # Signed for this bot, but for another tenant's connector than the activity names.
    "another service url": lambda keys, service: (
        "Bearer " + keys.token(APP_ID, "https://smba.example/other/")
    ),
}


def _credentials(database_url: str, teams_sdk: str):  # type: ignore[no-untyped-def]
    return teams_settings(
        database_url,
        teams_sdk=teams_sdk,
        microsoft_app_id=APP_ID,
        microsoft_app_password="secret",
        microsoft_app_tenant_id="tenant-1",
    )


@pytest.fixture
def signing_keys(teams_sdk, monkeypatch) -> Iterator[Keys]:  # type: ignore[no-untyped-def]
    """The Bot Framework's keys as the test's SDK fetches them: tokens can be made."""
    with key_server() as keys:
        trust(teams_sdk, keys, monkeypatch)
        yield keys


@pytest.mark.parametrize("refused", list(REFUSED))
async def test_with_credentials_a_request_without_a_valid_token_is_refused(
    database_url, connector, teams_sdk, signing_keys, refused
):
    bot = build(_credentials(database_url, teams_sdk))
    runner, url = await start(bot)
    try:
        teams = Teams(url + "/api/messages", connector.url)
        activity = teams._base(
            "message",
            User("Anna de Vries", "aad-anna"),
            Teams.personal(User("Anna de Vries", "aad-anna")),
        )
        activity["text"] = "klacht nieuw"
        authorization = REFUSED[refused](signing_keys, connector.url)
        headers = {"Authorization": authorization} if authorization else {}
        status, _ = await teams.post(activity, headers)
        assert status == 401
        assert connector.calls == []
        await _nothing_done(bot)
        assert "tokencontrole" not in " ".join(bot.startup_notes)
    finally:
        await runner.cleanup()
        await bot.close()


async def test_a_token_the_bot_framework_signed_for_this_bot_passes(
    database_url, connector, teams_sdk, signing_keys
):
    """The other side of the refusals above: the same key, issuer and service URL with
    this bot's audience is what the SDK lets in, so each refusal is for what it names."""
    bot = build(_credentials(database_url, teams_sdk))
    try:
        framework = bot.deliverers["teams"].connector
        anna = User("Anna de Vries", "aad-anna")
        activity = Teams("", connector.url)._base("message", anna, Teams.personal(anna))
        await framework.authenticate(
            activity, "Bearer " + signing_keys.token(APP_ID, connector.url)
        )
        for refused in ("another audience", "another service url"):
            with pytest.raises(Exception):  # noqa: B017 - each SDK raises its own kind
                await framework.authenticate(
                    activity, REFUSED[refused](signing_keys, connector.url)
                )
    finally:
        await bot.close()


def _own_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


async def test_local_mode_answers_loopback_only(teams_bot, connector, people):
    bot = teams_bot[0]
    assert any("alleen verzoeken van deze machine" in note for note in bot.startup_notes)
    address = _own_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback")
    from aiohttp import web

    from bot.entry.server import BOT

    app = web.Application()
    app[BOT] = bot
    for install in bot.web:
        install(app)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, address, 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        teams = Teams(f"http://{address}:{port}/api/messages", connector.url)
        status, _ = await teams.say(people.user(people.coordinator), "klacht nieuw")
        assert status == 403
        assert connector.calls == []
    finally:
        await runner.cleanup()


HOSTILE = {
    "customer_name": "<at>Dirk Bos</at> [Klik hier](https://evil.example)",
    "summary": "**Dringend** _nu_ ![x](https://evil.example/p.png) <script>",
    "details": "- lijst\n1. punt\n# kop\n[a]: https://evil.example\n`code` ~~weg~~ &lt;at&gt;",
}


def _unescaped(text: str, char: str) -> bool:
    """`char` occurs in the markdown without a backslash before it."""
    return re.search(r"(?<!\\)" + re.escape(char), text) is not None


async def test_user_text_cannot_inject_links_mentions_or_markup(teams, connector, people):
    anna = people.user(people.coordinator)
    await teams.say(anna, "klacht nieuw")
    form = connector.calls[-1].card
    card = await teams.click(
        anna,
        action(form, "register", "submit"),
        {"channel": "brief", "received_on": "2026-11-23", "customer_phone": "06", **HOSTILE},
    )
    shown = texts(card)
    assert "Dirk Bos" in shown and "evil.example" in shown  # shown, but as plain text
    for block in _text_blocks(card):
        for char in "[]()*_<>`~#&!":
            assert not _unescaped(block, char), (char, block)
        for line in block.split("\n"):
            assert not re.match(r"\s*([-+]|\d+\.)\s", line), line  # no list or heading


def _text_blocks(card: dict) -> list[str]:
    found: list[str] = []

    def walk(node):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            if node.get("type") == "TextBlock":
                found.append(node["text"])
            if node.get("type") == "FactSet":
                found.extend(f["title"] + f["value"] for f in node["facts"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card.get("body", []))
    return found


# -- local mode must be asked for, and never reaches past this machine ------------------------


async def _post(url: str, activity: dict, headers: dict | None = None) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=activity, headers=headers or {}) as response,
    ):
        return response.status, await response.json()


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_without_credentials_or_local_mode_teams_is_off(database_url, connector, lang):
    bot = build(teams_settings(database_url, teams_local=False, language=lang))
    runner, url = await start(bot)
    try:
        anna = User("Anna de Vries", "aad-anna")
        activity = Teams(url, connector.url)._base("message", anna, Teams.personal(anna))
        activity["text"] = "klacht lijst"
        status, body = await _post(url + "/api/messages", activity)
        assert status == 503
        expected = "lokale modus" if lang == "nl" else "local mode"
        assert expected in body["message"] and "KLACHTENBOT_TEAMS_LOCAL=1" in body["message"]
        assert connector.calls == []
        await _nothing_done(bot)
        (note,) = [n for n in bot.startup_notes if n.startswith("Teams")]
        assert "KLACHTENBOT_TEAMS_LOCAL=1" in note and ("UIT" in note or "OFF" in note)
        # Not a chat platform: the outbox has nobody to hand Teams messages to.
        assert "teams" not in bot.chat_platforms and "teams" not in bot.deliverers
        coordinator = await bot.staff.add(None, "Anna", [Role.COORDINATOR], "a@example.nl")
        await bot.complaints.register(coordinator, registration())
        pending = await bot.outbox.items(OutboxStatus.PENDING)
        assert [i for i in pending if i.channel == "teams"] == []
    finally:
        await runner.cleanup()
        await bot.close()


def test_serve_says_teams_is_off_and_how_to_switch_local_mode_on(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines: list[str] = []
        while process.stdout is not None and (line := process.stdout.readline()):
            lines.append(line)
            if str(port) in line:  # the last start-up line: listening
                break
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/messages", data=b"{}", method="POST",
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 503
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    teams_lines = [line for line in lines if line.startswith("Teams")]
    assert len(teams_lines) == 1, lines
    assert "UIT" in teams_lines[0] and "KLACHTENBOT_TEAMS_LOCAL=1" in teams_lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "header",
    [
        {"X-Forwarded-For": "203.0.113.7"},
        {"Forwarded": "for=203.0.113.7;proto=https"},
        {"X-Real-IP": "203.0.113.7"},
        {"x-forwarded-for": "127.0.0.1"},  # any case, any value: it passed a proxy
    ],
)
async def test_local_mode_refuses_a_request_that_came_through_a_proxy(
    teams, connector, people, teams_bot, header
):
    anna = people.user(people.coordinator)
    activity = teams._base("message", anna, Teams.personal(anna))
    activity["text"] = "klacht lijst"
    status, body = await _post(teams.endpoint, activity, header)
    assert status == 403
    assert "proxy" in body["message"]
    assert connector.calls == []
    await _nothing_done(teams_bot[0])
    # The same request straight from this machine is answered.
    status, _ = await teams.post(activity)
    assert status == 201 and len(connector.calls) == 1


async def test_local_mode_keeps_no_service_url_for_later(teams, connector, people, teams_bot):
    """A caller on this machine names its own serviceUrl: it gets its answer there, but
    the dossiers' cards are never posted to it afterwards."""
    bot = teams_bot[0]
    anna = people.user(people.coordinator)
    elsewhere = Connector()
    runner, other = await _serve(elsewhere.app())
    try:
        visitor = Teams(teams.endpoint, other + "/")
        assert (await visitor.added(anna, channel=COORDINATORS))[0] == 201  # not vouched
        assert (await visitor.added(anna))[0] == 201
        await visitor.say(anna, "klacht help")
        assert "klacht nieuw" in texts(elsewhere.calls[-1].card)  # answered within the turn
        async with bot.engine.connect() as c:
            count = select(func.count()).select_from(t.conversation_refs)
            assert (await c.execute(count)).scalar_one() == 0
        elsewhere.calls.clear()
        await bot.complaints.register(people.coordinator, registration())
        await bot.dispatcher.drain()
        assert elsewhere.calls == []  # the dossier's card did not go to the caller's server
    finally:
        await runner.cleanup()


async def test_healthz_does_not_say_which_teams_mode_runs(teams_bot):
    bot = teams_bot[0]
    app = make_app(bot)
    app.cleanup_ctx.clear()  # no background dispatcher in this test
    runner, url = await _serve(app)
    try:
        async with aiohttp.ClientSession() as session, session.get(url + "/healthz") as response:
            body = await response.json()
        assert response.status == 200
        assert "teams" in body
        assert "mode" not in body["teams"]
        shown = json.dumps(body["teams"])
        assert "local" not in shown and "azure" not in shown
    finally:
        await runner.cleanup()


def test_serve_says_which_teams_sdk_runs(tmp_path, teams_sdk):
    port = free_port()
    env = clean_env(KLACHTENBOT_TEAMS_LOCAL="1", KLACHTENBOT_TEAMS_SDK=teams_sdk)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines: list[str] = []
        while process.stdout is not None and (line := process.stdout.readline()):
            lines.append(line)
            if str(port) in line:
                break
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    (teams_line,) = [line for line in lines if line.startswith("Teams: lokale modus")]
    expected = {
        "botbuilder": "met botbuilder-core 4.17",
        "agents": "met Microsoft 365 Agents SDK 1.9",
    }
    assert expected[teams_sdk] in teams_line, lines
    assert "Traceback" not in err


async def test_the_agents_sdk_chosen_but_not_installed_turns_teams_off(
    database_url, connector, monkeypatch
):
    # As on a machine where `klachtenbot[agents]` was not installed.
    monkeypatch.delitem(sys.modules, "adapters.teams.sdk_agents", raising=False)
    monkeypatch.setitem(sys.modules, "microsoft_agents.activity", None)
    bot = build(teams_settings(database_url, teams_sdk="agents"))
    runner, url = await start(bot)
    try:
        (note,) = [n for n in bot.startup_notes if n.startswith("Teams")]
        assert "klachtenbot[agents]" in note and "KLACHTENBOT_TEAMS_SDK=botbuilder" in note
        anna = User("Anna de Vries", "aad-anna")
        activity = Teams(url, connector.url)._base("message", anna, Teams.personal(anna))
        activity["text"] = "klacht lijst"
        status, body = await _post(url + "/api/messages", activity)
        assert status == 503 and "KLACHTENBOT_TEAMS_SDK" in body["message"]
        assert connector.calls == [] and "teams" not in bot.chat_platforms
    finally:
        await runner.cleanup()
        await bot.close()


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({"microsoft_app_password": None}, "MICROSOFT_APP_PASSWORD"),
        ({"microsoft_app_tenant_id": None}, "MICROSOFT_APP_TENANT_ID"),
        ({"microsoft_app_type": "Anders"}, "MICROSOFT_APP_TYPE"),
    ],
)
async def test_incomplete_credentials_turn_teams_off_and_say_what_is_missing(
    database_url, teams_sdk, overrides, missing
):
    settings = _credentials(database_url, teams_sdk).model_copy(update=overrides)
    bot = build(settings)
    try:
        (note,) = [n for n in bot.startup_notes if n.startswith("Teams")]
        assert "onvolledig" in note and missing in note
        assert "teams" not in bot.chat_platforms
    finally:
        await bot.close()
