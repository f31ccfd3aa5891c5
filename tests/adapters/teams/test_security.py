"""Who may talk to /api/messages, and what user text can do to a card."""

from __future__ import annotations

import re
import socket

import jwt
import pytest
from sqlalchemy import func, select

from bot.bootstrap import build
from storage import tables as t
from tests.adapters.teams.client import Teams, User, action, texts
from tests.adapters.teams.conftest import start, teams_settings

APP_ID = "8a3c2f1e-1111-4222-8333-944455556666"


async def _nothing_done(bot) -> None:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as c:
        for table in (t.conversation_refs, t.dossiers, t.outbox):
            assert (await c.execute(select(func.count()).select_from(table))).scalar_one() == 0


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer not-a-token",
        # Well formed, but not issued by the Bot Framework.
        "Bearer " + jwt.encode({"iss": "https://example.org", "aud": APP_ID}, "k" * 32, "HS256"),
    ],
)
async def test_with_credentials_a_request_without_a_valid_token_is_refused(
    database_url, connector, authorization
):
    settings = teams_settings(
        database_url,
        microsoft_app_id=APP_ID,
        microsoft_app_password="secret",
        microsoft_app_tenant_id="tenant-1",
    )
    bot = build(settings)
    runner, url = await start(bot)
    try:
        teams = Teams(url + "/api/messages", connector.url)
        activity = teams._base(
            "message",
            User("Anna de Vries", "aad-anna"),
            Teams.personal(User("Anna de Vries", "aad-anna")),
        )
        activity["text"] = "klacht nieuw"
        headers = {"Authorization": authorization} if authorization else {}
        status, _ = await teams.post(activity, headers)
        assert status == 401
        assert connector.calls == []
        await _nothing_done(bot)
        assert "tokencontrole" not in " ".join(bot.startup_notes)
    finally:
        await runner.cleanup()
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

    from bot.server import BOT

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
