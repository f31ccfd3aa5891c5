"""Shared fixtures: real databases (SQLite always, PostgreSQL where reachable)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.entry.bootstrap import Klachtenbot, build
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.settings import Settings
from storage.migrate import upgrade

PG_ADMIN_URL = os.environ.get(
    "KLACHTENBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("KLACHTENBOT_REQUIRE_POSTGRES") == "1"


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    import psycopg

    try:
        _pg_admin("SELECT 1")
    except psycopg.Error as error:
        problem = str(error).strip().splitlines()[0]
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required (KLACHTENBOT_REQUIRE_POSTGRES=1): {problem}")
        pytest.skip(f"no PostgreSQL reachable at {PG_ADMIN_URL}: {problem}")
    name = f"klachtenbot_test_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_PG_TABLES = (
    "chat_messages, conversation_refs, documents, inbound_keys, outbox, deadlines, "
    "staff_log, read_log, event_details, "
    "events, dossiers, dossier_counters, person_roles, people"
)


async def _reset_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        # TRUNCATE fires no row triggers, so the append-only timeline can be emptied.
        await conn.execute(f"TRUNCATE {_PG_TABLES} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


_pg_migrated: set[str] = set()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """A migrated, empty database: a SQLite file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/klachtenbot.db"
        await upgrade(url)
        yield url
        return
    url = request.getfixturevalue("postgres_server")
    if url not in _pg_migrated:
        await upgrade(url)
        _pg_migrated.add(url)
    await _reset_postgres(url)
    yield url


@pytest.fixture
async def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path}/klachtenbot.db"
    await upgrade(url)
    return url


class Clock:
    """A settable clock for use cases and the scheduler."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class LiveClock:
    """Real time, moved on by hand: for the outbox, which stamps items with real time."""

    def __init__(self) -> None:
        self.offset = timedelta(seconds=1)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))


@pytest.fixture
async def bot(database_url: str, clock: Clock) -> AsyncIterator[Klachtenbot]:
    app = build(Settings(database_url=database_url))
    app.complaints.clock = clock
    yield app
    await app.close()


class Team:
    """The people of a small workshop, as every procedure test needs them."""

    def __init__(self, coordinator: Person, owner: Person, other: Person, directie: Person,
                 beheerder: Person) -> None:  # fmt: skip
        self.coordinator = coordinator
        self.owner = owner
        self.other = other
        self.directie = directie
        self.beheerder = beheerder


@pytest.fixture
async def team(bot: Klachtenbot) -> Team:
    add = bot.staff.add
    return Team(
        coordinator=await add(
            None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl", "UANNA"
        ),
        owner=await add(None, "Piet Jansen", [Role.MEDEWERKER], "piet@example.nl", "UPIET"),
        other=await add(None, "Sanne Smit", [Role.MEDEWERKER], "sanne@example.nl", "USANNE"),
        directie=await add(None, "Dirk Bos", [Role.DIRECTIE], "dirk@example.nl", "UDIRK"),
        beheerder=await add(None, "Bea Beheer", [Role.BEHEERDER], "bea@example.nl", "UBEA"),
    )
