"""The SQL of retention and erasure: which dossiers expire, and removing what they held.

The timeline's events are never touched: their personal parts live in
`event_details` (a trigger lets a row go only once its dossier is anonymised), the
documents' bytes in `documents`, the quoted texts in the outbox's payloads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.outbox.messages import OutboxItem
from bot.rules.dossier import Dossier
from bot.use_cases.ports import UnitOfWork
from storage import tables as t
from storage.outbox_store import _item  # one way to read an outbox row


class SqlPrivacy:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    @classmethod
    def of(cls, uow: UnitOfWork) -> SqlPrivacy:
        """The privacy statements of a `SqlUnitOfWork`'s transaction."""
        connection = getattr(uow, "connection", None)
        if connection is None:
            raise RuntimeError("privacy needs an open SqlUnitOfWork")
        return cls(connection)

    async def closed_before(
        self, cutoff: datetime, after: tuple[datetime, str] | None, limit: int
    ) -> list[Dossier]:
        d = t.dossiers.c
        # The same condition as the partial index ix_dossiers_retention, so it is used.
        stmt = select(d.data).where(
            d.closed_at.is_not(None), d.anonymised_at.is_(None), d.closed_at <= cutoff
        )
        if after is not None:
            closed_at, number = after
            stmt = stmt.where(
                or_(d.closed_at > closed_at, and_(d.closed_at == closed_at, d.number > number))
            )
        rows = await self.c.execute(stmt.order_by(d.closed_at, d.number).limit(limit))
        return [Dossier.model_validate(r.data) for r in rows]

    async def of_customer(self, customer_number: str) -> list[Dossier]:
        d = t.dossiers.c
        rows = await self.c.execute(
            select(d.data).where(d.customer_number == customer_number).order_by(d.id)
        )
        return [Dossier.model_validate(r.data) for r in rows]

    async def unconfirmed(self) -> list[Dossier]:
        d = t.dossiers.c
        rows = await self.c.execute(
            select(d.data)
            .where(d.customer_number.is_(None), d.anonymised_at.is_(None))
            .order_by(d.id)
        )
        return [Dossier.model_validate(r.data) for r in rows]

    async def outbox_items(self, number: str, channel: str) -> list[OutboxItem]:
        o = t.outbox
        stmt = select(o).where(o.c.dossier_number == number, o.c.channel == channel)
        return [_item(r) for r in await self.c.execute(stmt.order_by(o.c.id))]

    async def forget(self, number: str) -> None:
        dossier_id = select(t.dossiers.c.id).where(t.dossiers.c.number == number).scalar_subquery()
        await self.c.execute(
            delete(t.event_details).where(t.event_details.c.dossier_id == dossier_id)
        )
        await self.c.execute(delete(t.documents).where(t.documents.c.dossier_id == dossier_id))
        await self.c.execute(delete(t.outbox).where(t.outbox.c.dossier_number == number))


class SqlFreeSpace:
    """After a removal, the engine's own files (see docs/privacy.md)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def scrub(self) -> None:
        if self.engine.dialect.name != "sqlite":
            # PostgreSQL: old row versions stay in the table files until VACUUM reuses
            # their space (autovacuum); no reader, dump or replica sees them.
            return
        # The write-ahead log still holds the pages as they were before: copy the new
        # ones into the database file (whose freed space secure_delete has zeroed)
        # and empty the log.
        # Outside any transaction (the engine begins every one IMMEDIATE, which a
        # checkpoint cannot run in): on the driver's own connection.
        async with self.engine.connect() as connection:
            raw = await connection.get_raw_connection()
            cursor = await raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            await cursor.close()
