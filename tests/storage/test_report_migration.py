"""Migration 0003 fills the report's facts of every dossier stored before it."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import insert, select

from bot.rules.actions import Register
from bot.rules.deadlines import Terms
from bot.rules.people import Person
from bot.rules.procedure import register
from bot.rules.roles import Role
from storage import tables as t
from storage.database import create_engine
from storage.migrate import alembic_config, upgrade
from tests.helpers import registration


async def test_the_facts_of_older_dossiers_are_filled(tmp_path):
    url = f"sqlite:///{tmp_path}/older.db"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0002")
    now = datetime(2026, 4, 3, 9, 0, tzinfo=UTC)
    anna = Person(id=1, name="Anna de Vries", roles=frozenset({Role.COORDINATOR}))
    action: Register = registration(received_on=date(2026, 4, 2), channel="website")
    dossier = register(action, anna, "K-2026-0001", now, Terms()).dossier
    engine = create_engine(url)
    try:
        async with engine.begin() as c:
            await c.execute(
                insert(t.dossiers).values(
                    number=dossier.number,
                    state=dossier.state.value,
                    customer_number=dossier.customer.number,
                    customer_name=dossier.customer.name,
                    received_on=dossier.received_on,
                    registered_at=now,
                    updated_at=now,
                    version=1,
                    data=dossier.model_dump(mode="json"),
                )
            )
        await upgrade(url)
        async with engine.connect() as c:
            row = (await c.execute(select(t.dossier_facts))).one()
    finally:
        await engine.dispose()
    assert (row.received_month, row.channel, row.customer_number, row.decision_due) == (
        "2026-04",
        "website",
        "10234",
        date(2026, 5, 14),
    )
