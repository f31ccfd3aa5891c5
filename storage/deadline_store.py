"""The sweep's side of the deadlines: claiming what is due, and moving it on.

A claim holds the rows until the transaction ends. On PostgreSQL the rows are
locked `FOR UPDATE SKIP LOCKED`, so a second process sweeping at the same time
takes other rows or none; when the first commits, `next_notice_at` has moved
past `now` and the rows are no longer due (PostgreSQL re-checks the condition
on the newest row version before it returns a row it had to lock). On SQLite
every transaction begins IMMEDIATE (see `storage.database`), so sweeps take
turns as a whole. Either way a notice number is written once, together with
the outbox messages that carry it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.use_cases.ports import Deadline
from storage import tables as t
from storage.repositories import _deadline
from storage.uow import SqlUnitOfWork


class SqlDeadlineClaims:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def due(self, now: datetime, limit: int) -> list[Deadline]:
        """Up to `limit` pending deadlines whose next look is due, locked for this sweep."""
        dl, d = t.deadlines, t.dossiers
        stmt = (
            select(dl, d.c.number)
            .join(d, d.c.id == dl.c.dossier_id)
            .where(
                # `IS NOT NULL` lets SQLite use the partial index on next_notice_at.
                dl.c.next_notice_at.is_not(None),
                dl.c.next_notice_at <= now,
                dl.c.met_at.is_(None),
                dl.c.dropped_at.is_(None),
            )
            .order_by(dl.c.next_notice_at, dl.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=dl)
        )
        return [_deadline(row) for row in await self.c.execute(stmt)]

    async def advance(self, deadline_id: int, notices: int, next_at: datetime | None) -> None:
        await self.c.execute(
            update(t.deadlines)
            .where(t.deadlines.c.id == deadline_id)
            .values(notices=notices, next_notice_at=next_at)
        )

    @contextlib.asynccontextmanager
    async def attempt(self) -> AsyncIterator[None]:
        """A savepoint: one deadline that fails is undone without undoing the others."""
        async with self.c.begin_nested():
            yield


class SweepUnitOfWork(SqlUnitOfWork):
    """The use cases' unit of work, plus the claims, in one transaction."""

    async def __aenter__(self) -> SweepUnitOfWork:
        await super().__aenter__()
        assert self.connection is not None
        self.claims = SqlDeadlineClaims(self.connection)
        return self
