"""The staff log and the read log: rows are only ever added (the database refuses more)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.use_cases.read_log import Read, ReadQuery
from bot.use_cases.staff_log import StaffEntry
from storage import tables as t


class SqlStaffLog:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def add(self, entry: StaffEntry) -> None:
        await self.c.execute(insert(t.staff_log).values(**entry.model_dump()))

    async def find(self, person_id: int | None = None) -> list[StaffEntry]:
        stmt = select(t.staff_log).order_by(t.staff_log.c.id)
        if person_id is not None:
            stmt = stmt.where(t.staff_log.c.person_id == person_id)
        return [StaffEntry.model_validate(row._mapping) for row in await self.c.execute(stmt)]


class SqlReadLog:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def add(self, reads: Sequence[Read]) -> None:
        # The statement with the rows as parameters: compiled once and cached, and sent
        # as one batch (a multi-row VALUES would be compiled anew for every list).
        await self.c.execute(insert(t.read_log), [r.model_dump() for r in reads])

    async def find(self, query: ReadQuery) -> list[Read]:
        r = t.read_log.c
        stmt = select(t.read_log).order_by(r.at, r.id).limit(query.limit)
        if query.dossier_number is not None:
            stmt = stmt.where(r.dossier_number == query.dossier_number)
        if query.person_id is not None:
            stmt = stmt.where(r.person_id == query.person_id)
        if query.since is not None:
            stmt = stmt.where(r.at >= query.since)
        if query.until is not None:
            stmt = stmt.where(r.at < query.until)
        return [Read.model_validate(row._mapping) for row in await self.c.execute(stmt)]
