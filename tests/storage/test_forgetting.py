"""Anonymised means gone from the bytes, while the timeline keeps every event.

After retention anonymises a dossier, a byte-level scan of the SQLite file with its
write-ahead log, and of a PostgreSQL dump, finds none of the customer's strings; the
count of events is what it was, and the triggers still refuse to change an event.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from storage import tables as t
from tests.bot.use_cases.privacy.support import KEPT, SECRETS, closed_dossier, tick_mirror

AFTER_RETENTION = datetime(2029, 1, 1, 3, 0, tzinfo=UTC)


async def _events(engine) -> int:  # type: ignore[no-untyped-def]
    async with engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(t.events))).scalar_one()


def _sqlite_bytes(url: str) -> bytes:
    path = Path(make_url(url).database or "")
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            found += part.read_bytes()
    return found


async def _postgres_bytes(url: str) -> bytes:
    if shutil.which("pg_dump"):
        dump = subprocess.run(
            ["pg_dump", "--no-owner", "--data-only", url], capture_output=True, check=True
        )
        return (
            dump.stdout
            + subprocess.run(["pg_dump", "--no-owner", url], capture_output=True, check=True).stdout
        )
    import asyncpg  # no pg_dump here: every table copied out instead

    conn = await asyncpg.connect(url)
    try:
        out = b""
        for table in t.metadata.sorted_tables:
            sink: list[bytes] = []

            async def keep(chunk: bytes, sink: list[bytes] = sink) -> None:
                sink.append(chunk)

            await conn.copy_from_table(table.name, output=keep)
            out += b"".join(sink)
        return out
    finally:
        await conn.close()


def _found(secret: str, scanned: bytes) -> bool:
    """In the bytes as text, or as a dump writes binary columns (bytea as hex)."""
    forms = {secret.encode(), secret.lower().encode()}
    return any(f in scanned or f.hex().encode() in scanned for f in forms)


async def _database_bytes(url: str) -> bytes:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_bytes(url)
    return await _postgres_bytes(url)


async def test_after_retention_no_byte_of_the_customer_is_left(database_url, bot, team):
    number = await closed_dossier(bot, team)
    await tick_mirror(bot, team)
    before = await _events(bot.engine)
    # The scan finds what is there: before anonymising, every string is in the bytes.
    present = await _database_bytes(database_url)
    assert [s for s in SECRETS if not _found(s, present)] == []

    report = await bot.privacy.retention.run(AFTER_RETENTION)
    assert report.anonymised == [number]
    assert await _events(bot.engine) == before
    view = await bot.complaints.view(team.coordinator, number)
    assert len(view.timeline) == before

    # While the bot runs (its connections open, the write-ahead log in use), and after.
    for running in (True, False):
        if not running:
            await bot.close()
        scanned = await _database_bytes(database_url)
        assert [s for s in SECRETS if _found(s, scanned)] == [], running
        assert all(k.encode() in scanned for k in KEPT)  # the scan reads the real data


async def _refused(engine, statement) -> bool:  # type: ignore[no-untyped-def]
    try:
        async with engine.begin() as connection:
            await connection.execute(statement)
    except DBAPIError:
        return True
    return False


async def test_the_timeline_stays_append_only_and_details_go_only_with_anonymisation(bot, team):
    number = await closed_dossier(bot, team)
    e = bot.engine
    assert await _refused(e, update(t.events).values(actor_name="x"))
    assert await _refused(e, delete(t.events))
    assert await _refused(e, update(t.event_details).values(data={}))
    assert await _refused(e, delete(t.event_details))  # not anonymised: refused
    await tick_mirror(bot, team)
    await bot.privacy.erasure.run(team.coordinator, "8675309", "Verzoek per brief")
    assert await _refused(e, update(t.events).values(actor_name="x"))
    async with e.connect() as connection:
        left = await connection.execute(select(func.count()).select_from(t.event_details))
        assert left.scalar_one() == 0
    view = await bot.complaints.view(team.coordinator, number)
    assert (
        view.dossier.anonymised_at is not None and view.dossier.erased_by_id == team.coordinator.id
    )
