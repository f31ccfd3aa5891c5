"""The outbox's delivery side: claiming due items, and recording how each delivery went.

Also the one way to queue messages outside a use case (a notice about a delivery that
failed), in a transaction of their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from sqlalchemy import and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.orm import aliased

from bot.outbox.messages import OutboxItem, OutboxMessage, OutboxStatus
from storage import tables as t
from storage.database import READONLY
from storage.uow import SqlUnitOfWork

# An earlier item in one of these states holds its queue back (order per dossier).
_BLOCKING = (OutboxStatus.PENDING.value, OutboxStatus.FAILED.value, OutboxStatus.DEAD.value)


def _item(row) -> OutboxItem:  # type: ignore[no-untyped-def]
    return OutboxItem(
        id=row.id,
        channel=row.channel,
        key=row.key,
        queue=row.queue,
        payload=row.payload,
        dossier_number=row.dossier_number,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        created_at=row.created_at,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        delivered_at=row.delivered_at,
    )


class SqlOutboxStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @asynccontextmanager
    async def _reading(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads only: on SQLite it need not wait for the write lock."""
        async with self.engine.connect() as connection:
            await connection.execution_options(**{READONLY: True})
            yield connection

    async def queue(self, messages: Iterable[OutboxMessage]) -> None:
        """Queue these messages together, in one transaction: all of them or none.

        For what is told between use cases (a refusal from a receiver); a use case
        queues its messages in its own transaction instead.
        """
        async with SqlUnitOfWork(self.engine) as uow:
            for message in messages:
                await uow.outbox.add(message)
            await uow.commit()

    async def claim(
        self, now: datetime, limit: int, lease: timedelta, channels: list[str]
    ) -> list[OutboxItem]:
        """Take the head item of up to `limit` queues that are due, for `lease`.

        A claimed item's next attempt moves to the end of the lease, so another
        process (or this one after a crash) takes it again only when the lease runs
        out: at least once, never twice at the same time. PostgreSQL skips rows
        another process has locked; SQLite has one writer at a time anyway.
        """
        o, earlier = t.outbox, aliased(t.outbox)
        head = ~(
            select(earlier.c.id)
            .where(
                earlier.c.queue == o.c.queue,
                earlier.c.id < o.c.id,
                earlier.c.status.in_(_BLOCKING),
            )
            .exists()
        )
        stmt = (
            select(o)
            .where(
                o.c.status == OutboxStatus.PENDING.value,
                o.c.next_attempt_at <= now,
                o.c.channel.in_(channels),
                head,
            )
            .order_by(o.c.next_attempt_at, o.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=o)
        )
        async with self.engine.begin() as connection:
            rows = (await connection.execute(stmt)).all()
            if rows:
                await connection.execute(
                    update(o)
                    .where(o.c.id.in_([r.id for r in rows]))
                    .values(next_attempt_at=now + lease, attempts=o.c.attempts + 1)
                )
        return [_item(r).model_copy(update={"attempts": r.attempts + 1}) for r in rows]

    async def delivered(self, item_id: int, now: datetime) -> None:
        await self._set(item_id, status=OutboxStatus.DELIVERED.value, delivered_at=now,
                        next_attempt_at=None, last_error=None)  # fmt: skip

    async def delivered_many(self, item_ids: list[int], now: datetime) -> None:
        o = t.outbox
        async with self.engine.begin() as connection:
            await connection.execute(
                update(o)
                .where(o.c.id.in_(item_ids))
                .values(
                    status=OutboxStatus.DELIVERED.value,
                    delivered_at=now,
                    next_attempt_at=None,
                    last_error=None,
                )
            )

    async def retry_later(self, item_id: int, at: datetime, error: str) -> None:
        await self._set(item_id, next_attempt_at=at, last_error=error[:2000])

    async def give_up(self, item_id: int, status: OutboxStatus, error: str) -> None:
        await self._set(item_id, status=status.value, next_attempt_at=None, last_error=error[:2000])

    async def retry(
        self,
        item_id: int | None,
        now: datetime,
        channel: str | None = None,
        statuses: tuple[OutboxStatus, ...] = (OutboxStatus.FAILED, OutboxStatus.DEAD),
    ) -> int:
        """Put a failed or dead item (or, with None, all of them) back in line; with
        `statuses=(MANUAL,)` the items still waiting to be done by hand."""
        o = t.outbox
        condition = o.c.status.in_([s.value for s in statuses])
        if item_id is not None:
            condition = and_(condition, o.c.id == item_id)
        if channel:
            condition = and_(condition, o.c.channel == channel)
        async with self.engine.begin() as connection:
            result = await connection.execute(
                update(o)
                .where(condition)
                .values(status=OutboxStatus.PENDING.value, next_attempt_at=now, attempts=0)
            )
        return result.rowcount

    async def items(
        self, status: OutboxStatus, limit: int = 200, channel: str | None = None
    ) -> list[OutboxItem]:
        o = t.outbox
        stmt = select(o).where(o.c.status == status.value)
        if channel:
            stmt = stmt.where(o.c.channel == channel)
        async with self._reading() as connection:
            rows = await connection.execute(stmt.order_by(o.c.id).limit(limit))
            return [_item(r) for r in rows]

    async def for_dossier(self, number: str, channel: str) -> list[OutboxItem]:
        """Every item of one dossier on one channel, in delivery order."""
        o = t.outbox
        stmt = select(o).where(o.c.dossier_number == number, o.c.channel == channel)
        async with self._reading() as connection:
            return [_item(r) for r in await connection.execute(stmt.order_by(o.c.id))]

    async def manual_items(self, channel: str, created_before: datetime) -> list[OutboxItem]:
        """Checklist items still open that were made before a moment (the digest)."""
        o = t.outbox
        stmt = select(o).where(
            o.c.status == OutboxStatus.MANUAL.value,
            o.c.channel == channel,
            o.c.created_at < created_before,
        )
        async with self._reading() as connection:
            return [_item(r) for r in await connection.execute(stmt.order_by(o.c.id))]

    async def tick(self, item_id: int, channel: str, now: datetime, by: str) -> OutboxItem | None:
        """A person did a checklist item by hand: it counts as delivered, and who did it."""
        o = t.outbox
        async with self.engine.begin() as connection:
            row = (
                await connection.execute(
                    select(o)
                    .where(
                        o.c.id == item_id,
                        o.c.channel == channel,
                        o.c.status == OutboxStatus.MANUAL.value,
                    )
                    .with_for_update()
                )
            ).one_or_none()
            if row is None:
                return None
            payload = {**row.payload, "ticked_by": by}
            await connection.execute(
                update(o)
                .where(o.c.id == item_id, o.c.status == OutboxStatus.MANUAL.value)
                .values(status=OutboxStatus.DELIVERED.value, delivered_at=now, payload=payload)
            )
        return _item(row).model_copy(
            update={"status": OutboxStatus.DELIVERED, "delivered_at": now, "payload": payload}
        )

    async def counts(self, channel: str | None = None) -> dict[str, int]:
        o = t.outbox
        stmt = select(o.c.status, func.count()).group_by(o.c.status)
        if channel:
            stmt = stmt.where(o.c.channel == channel)
        async with self._reading() as connection:
            return {status: n for status, n in await connection.execute(stmt)}

    async def oldest_pending(self, channel: str | None = None) -> datetime | None:
        o = t.outbox
        stmt = select(func.min(o.c.created_at)).where(o.c.status == OutboxStatus.PENDING.value)
        if channel:
            stmt = stmt.where(o.c.channel == channel)
        async with self._reading() as connection:
            value = (await connection.execute(stmt)).scalar_one_or_none()
        if isinstance(value, str):  # SQLite aggregates lose the column type
            value = datetime.fromisoformat(value)
        return t.UTCDateTime().process_result_value(value, self.engine.dialect)

    async def _set(self, item_id: int, **values: object) -> None:
        async with self.engine.begin() as connection:
            await connection.execute(
                update(t.outbox).where(t.outbox.c.id == item_id).values(**values)
            )
