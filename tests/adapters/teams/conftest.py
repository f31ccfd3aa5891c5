"""Fixtures: the bot's web app on a loopback port, the connector stand-in, Teams people.

Every test that builds a bot runs once with each Teams SDK (`teams_sdk`): the same
test, not a copy, so both SDKs are held to the same behaviour.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from aiohttp import web

from adapters.teams.hosts import FileHosts
from adapters.teams.sdks import SDKS
from adapters.teams.turns import TeamsBot
from bot.entry.bootstrap import Klachtenbot, build
from bot.entry.server import BOT
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.settings import Settings
from tests.adapters.teams.client import COORDINATORS, DIRECTIE, Teams, User, valid_card
from tests.adapters.teams.connector import Connector


def loopback_socket() -> socket.socket:
    """A socket on a free loopback port, for a web app whose address must be known before
    the bot is built (KLACHTENBOT_PUBLIC_URL)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


def base_url(sock: socket.socket) -> str:
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


async def _serve(
    app: web.Application, sock: socket.socket | None = None
) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.SockSite(runner, sock) if sock else web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"


@pytest.fixture(params=SDKS)
def teams_sdk(request: pytest.FixtureRequest) -> str:
    """The Teams SDK a test's bot runs on (KLACHTENBOT_TEAMS_SDK): each test runs on both."""
    return request.param


@pytest.fixture
async def connector() -> AsyncIterator[Connector]:
    stand_in = Connector()
    runner, url = await _serve(stand_in.app())
    stand_in.url = url + "/"
    yield stand_in
    await runner.cleanup()
    for card in stand_in.cards():  # every card the bot sent is a valid Adaptive Card
        valid_card(card)


def teams_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        # No credentials in the tests: local mode, switched on as an operator must.
        "teams_local": True,
        "teams_coordinator_conversation": COORDINATORS,
        "teams_directie_conversation": DIRECTIE,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


async def start(bot: Klachtenbot, sock: socket.socket | None = None) -> tuple[web.AppRunner, str]:
    """The web app as `serve` builds it, without the background dispatcher (tests drain)."""
    app = web.Application()
    app[BOT] = bot
    for install in bot.web:
        install(app)
    return await _serve(app, sock)


@pytest.fixture
async def teams_bot(
    database_url: str, clock, teams_sdk: str
) -> AsyncIterator[tuple[Klachtenbot, str]]:  # type: ignore[no-untyped-def]
    bot = build(teams_settings(database_url, teams_sdk=teams_sdk))
    bot.complaints.clock = clock
    runner, url = await start(bot)
    yield bot, url
    await runner.cleanup()
    await bot.close()


def fetch_from(bot: Klachtenbot, connector: Connector) -> None:
    """Attached files may come from the connector stand-in (and, as ever, only from there)."""
    netloc = urlsplit(connector.url).netloc
    bot.deliverers["teams"].connector.file_hosts = FileHosts((netloc,), schemes=("http",))


class _Quiet:
    """The reply side of a turn nobody reads."""

    async def reply(self, message: object) -> None:
        return None

    async def member_email(self) -> None:
        return None


async def vouched(bot: Klachtenbot, activity: dict) -> None:
    """What an activity leaves behind when the Bot Framework has checked its token.

    The tests have no Bot Framework to sign tokens, so they run in local mode, which
    keeps no conversation reference. This hands the same activity to the bot's own
    handler as an authenticated one, so that proactive posts have somewhere to go.
    """
    teams = bot.deliverers["teams"]
    authentic = teams.connector.read(activity, authenticated=True)  # as its SDK reads it
    await TeamsBot(bot, teams.store).on_activity(authentic, _Quiet())  # type: ignore[arg-type]


@pytest.fixture
def teams(teams_bot, connector: Connector) -> Teams:  # type: ignore[no-untyped-def]
    bot = teams_bot[0]
    fetch_from(bot, connector)
    client = Teams(teams_bot[1] + "/api/messages", connector.url)
    client.vouch = lambda activity: vouched(bot, activity)
    return client


@dataclass
class People:
    coordinator: Person
    owner: Person
    directie: Person
    outsider: User  # a Teams user Klachtenbot does not know

    def user(self, person: Person, locale: str = "nl-NL") -> User:
        return User(person.name, person.teams_aad_id, locale)


@pytest.fixture
async def people(teams_bot) -> People:  # type: ignore[no-untyped-def]
    bot = teams_bot[0]
    add = bot.staff.add
    return People(
        coordinator=await add(
            None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl", teams_aad_id="aad-anna"
        ),
        owner=await add(
            None, "Piet Jansen", [Role.MEDEWERKER], "piet@example.nl", teams_aad_id="aad-piet"
        ),
        directie=await add(
            None, "Dirk Bos", [Role.DIRECTIE], "dirk@example.nl", teams_aad_id="aad-dirk"
        ),
        outsider=User("Olga Onbekend", "aad-olga"),
    )
