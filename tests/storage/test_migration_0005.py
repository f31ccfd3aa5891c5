"""Dossiers written before personal data moved apart still read whole after the upgrade."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import insert, select

from storage import tables as t
from storage.database import create_engine
from storage.migrate import alembic_config
from storage.repositories import SqlDossiers
from tests.conftest import PG_ADMIN_URL, _pg_admin
from tests.helpers import registration

REGISTERED = registration().model_dump(mode="json")
NOTE = {"text": "Klant belde over de wond"}


def _before_0005() -> str:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    down = script.get_revision("0005").down_revision
    assert isinstance(down, str)
    return down


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_url(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/old.db"
        return
    request.getfixturevalue("postgres_server")  # skips (or fails) without PostgreSQL
    name = f"klachtenbot_old_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _old_dossier(url: str) -> None:
    """A dossier and two events as the code before 0005 wrote them: all data on the event."""
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    engine = create_engine(url)
    try:
        async with engine.begin() as c:
            await c.execute(insert(t.people).values(id=1, name="Anna de Vries", created_at=now))
            dossier = {
                "number": "K-2026-0001", "state": "ontvangen", "channel": "brief",
                "received_on": "2026-11-23", "registered_at": now.isoformat(),
                "registered_by_id": 1, "customer": {"name": "Mevr. E. Bakker",
                "number": "10234", "phone": "06-12345678"},
                "complaint": {"summary": "Schoen knelt bij de wreef"},
                "decision_due": "2027-01-04", "version": 2,
            }  # fmt: skip
            await c.execute(
                t.dossiers.insert().values(
                    id=1, number="K-2026-0001", state="ontvangen", customer_number="10234",
                    customer_name="Mevr. E. Bakker", received_on=date(2026, 11, 23),
                    registered_at=now, updated_at=now, version=2, data=dossier,
                )
            )  # fmt: skip
            for seq, action, data in ((1, "register", REGISTERED), (2, "add_note", NOTE)):
                await c.execute(
                    t.events.insert().values(
                        dossier_id=1, seq=seq, at=now, actor_id=1, actor_name="Anna de Vries",
                        action=action, from_state=None, to_state="ontvangen", data=data,
                    )
                )  # fmt: skip
    finally:
        await engine.dispose()


async def test_existing_events_move_their_personal_part_and_read_as_before(empty_url):
    config = alembic_config(empty_url)
    await asyncio.to_thread(command.upgrade, config, _before_0005())
    await _old_dossier(empty_url)
    await asyncio.to_thread(command.upgrade, config, "heads")

    engine = create_engine(empty_url)
    try:
        async with engine.connect() as c:
            timeline = await SqlDossiers(c).timeline("K-2026-0001")
            plain = {
                r.seq: r.data for r in await c.execute(select(t.events.c.seq, t.events.c.data))
            }
            details = (await c.execute(select(t.event_details.c.data))).scalars().all()
    finally:
        await engine.dispose()
    assert [e.data for e in timeline] == [REGISTERED, NOTE]
    assert plain[2] == {} and "customer_name" not in plain[1]
    assert plain[1]["product"] == REGISTERED["product"]
    assert {"customer_name", "summary"} <= set(details[0]) and details[1] == NOTE
