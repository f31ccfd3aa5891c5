"""PostgreSQL going away while the bot runs: every door says "try again shortly".

The database is reached through a TCP forwarder written here, which the test cuts
(stops listening and aborts every live connection) and opens again: asyncpg then
raises ConnectionRefusedError and friends, not only SQLAlchemy's OperationalError.
The machine's PostgreSQL itself is never touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.entry.bootstrap import Klachtenbot, build
from bot.entry.cli import main
from bot.entry.server import make_app
from bot.rules.actions import AddNote
from bot.rules.errors import Refused
from bot.rules.roles import Role
from bot.settings import Settings
from storage import tables as t
from storage.migrate import upgrade
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.signing import SECRET, SlackSends
from tests.adapters.teams.client import Teams, User
from tests.adapters.teams.connector import Connector
from tests.conftest import _reset_postgres
from tests.helpers import registration

TOKEN = "website-geheim-0123456789"
FORM = {
    "name": "Zoë Ëlshout",
    "customer_number": "10234",
    "email": "zoe@example.nl",
    "phone": "06-12345678",
    "message": "De nieuwe steunzolen drukken bij de hiel.",
    "consent": "ja",
}
TRY_AGAIN = "Probeer het zo opnieuw"


class Forwarder:
    """A loopback TCP port that pipes every connection to the real server, until cut."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self.server: asyncio.Server | None = None
        self.live: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        self.server = await asyncio.start_server(
            self._pipe, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self.server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """No new connections, and every open one broken off, as a crashed server does."""
        assert self.server is not None
        self.server.close()
        for writer in list(self.live):
            writer.transport.abort()
        self.live.clear()
        await self.server.wait_closed()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self.live |= {writer, up_writer}

        async def copy(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.transport.abort()

        await asyncio.gather(copy(reader, up_writer), copy(up_reader, writer))
        self.live -= {writer, up_writer}


@pytest.fixture
async def forwarded_url(postgres_server: str) -> AsyncIterator[tuple[Forwarder, str]]:
    await upgrade(postgres_server)
    await _reset_postgres(postgres_server)
    real = make_url(postgres_server)
    forwarder = Forwarder(real.host or "127.0.0.1", real.port or 5432)
    await forwarder.open()
    url = real.set(port=forwarder.port).render_as_string(hide_password=False)
    yield forwarder, url
    with contextlib.suppress(Exception):
        await forwarder.cut()


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


async def _count(bot: Klachtenbot, table: t.Table) -> int:
    async with bot.engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar())


async def test_postgres_away_means_try_again_everywhere_and_nothing_half_written(
    forwarded_url: tuple[Forwarder, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forwarder, url = forwarded_url
    slack_api, connector = FakeSlack(), Connector()
    await slack_api.start()
    connector_runner, connector_url = await _serve(connector.app())
    connector.url = connector_url + "/"
    monkeypatch.setenv("KLACHTENBOT_TEAMS_LOCAL", "1")  # Teams' test mode, where it is asked
    bot = build(
        Settings(
            database_url=url,
            intake_token=TOKEN,
            slack_bot_token="xoxb-test-token",
            slack_signing_secret=SECRET,
            slack_api_url=slack_api.api_url,
            slack_coordinator_channel="CCOORD",
        )
    )
    bot.dispatcher.poll_seconds = 3600  # the outbox stays out of this test
    runner, base = await _serve(make_app(bot))
    session = aiohttp.ClientSession()
    try:
        add = bot.staff.add
        anna = await add(
            None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl", "UANNA", "aad-anna"
        )
        first = (await bot.complaints.register(anna, registration())).dossier
        assert first.number.endswith("-0001")
        slack = SlackSends(session, f"{base}/slack/events", slack_api.url)
        teams = Teams(f"{base}/api/messages", connector.url)

        async def form() -> tuple[int, dict, dict]:  # type: ignore[type-arg]
            headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": "form-1"}
            async with session.post(f"{base}/intake/webform", json=FORM, headers=headers) as r:
                return r.status, await r.json(), dict(r.headers)

        # Cut in the middle of a step: the transaction has read the dossier, then the
        # connection breaks before its write. Nothing of it may stay.
        async def cut_now(uow, change) -> None:  # type: ignore[no-untyped-def]
            await forwarder.cut()

        with pytest.raises(Refused) as refused:
            await bot.complaints.act(
                anna, first.number, AddNote(text="Klant belt terug"), also=cut_now
            )
        assert refused.value.key == "database.unreachable"

        # The database stays away; every door answers "try again shortly".
        with pytest.raises(Refused) as refused:
            await bot.complaints.register(anna, registration())
        assert refused.value.key == "database.unreachable"

        status, body, headers = await form()
        assert status == 503 and int(headers["Retry-After"]) > 0
        assert "Probeer het later opnieuw" in body["message"]

        async with session.get(f"{base}/healthz") as response:
            assert response.status == 503
            health = await response.json()
        assert health["database"] == {"reachable": False, "error": "unreachable", **_head(health)}
        async with session.get(f"{base}/metrics") as response:
            assert response.status == 503

        status, _ = await slack.command("UANNA", "lijst")
        assert status == 200
        answer = await slack_api.wait(lambda: slack_api.responses)
        assert TRY_AGAIN in answer[-1]["text"]

        status, _ = await teams.say(User("Anna de Vries", "aad-anna"), "klacht lijst")
        assert status in (200, 201)
        said = json.dumps(connector.calls[-1].body, ensure_ascii=False)
        assert TRY_AGAIN in said and "Traceback" not in said

        monkeypatch.setenv("KLACHTENBOT_DATABASE_URL", url)
        capsys.readouterr()
        code = await asyncio.to_thread(main, ["dossier", "list", "--as", "Anna"])
        err = capsys.readouterr().err
        assert code == 2 and "database is niet bereikbaar" in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

        # Back again: the form resent is taken, the numbers have no gap, and the step
        # that was cut left nothing behind.
        await forwarder.open()
        status, body, _ = await form()
        assert status == 201 and body["dossier"].endswith("-0002")
        view = await bot.complaints.view(anna, first.number)
        assert view.dossier.version == first.version
        assert [e.action for e in view.timeline] == ["register"]
        assert await _count(bot, t.dossiers) == 2
        async with session.get(f"{base}/healthz") as response:
            assert response.status == 200
        async with session.get(f"{base}/metrics") as response:
            assert response.status == 200
    finally:
        await session.close()
        await runner.cleanup()
        await bot.close()
        await connector_runner.cleanup()
        await slack_api.stop()


def _head(health: dict) -> dict:  # type: ignore[type-arg]
    return {"head": health["database"]["head"]}
