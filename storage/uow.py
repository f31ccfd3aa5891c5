"""The unit of work: one database transaction around one use case."""

from __future__ import annotations

from typing import Self

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.errors import Duplicate, Refused
from storage.database import READONLY
from storage.repositories import (
    SqlDeadlines,
    SqlDossiers,
    SqlInboundKeys,
    SqlOutbox,
    SqlPeople,
)


class SqlUnitOfWork:
    def __init__(self, engine: AsyncEngine, *, readonly: bool = False) -> None:
        self.engine = engine
        self.readonly = readonly  # only reads: on SQLite it need not wait for the write lock
        self.connection: AsyncConnection | None = None

    async def __aenter__(self) -> Self:
        try:
            self.connection = await self.engine.connect()
            if self.readonly:
                await self.connection.execution_options(**{READONLY: True})
            await self.connection.begin()
        except OperationalError as error:
            raise Refused("database.unreachable") from error
        c = self.connection
        self.dossiers = SqlDossiers(c)
        self.people = SqlPeople(c)
        self.deadlines = SqlDeadlines(c)
        self.outbox = SqlOutbox(c)
        self.inbound = SqlInboundKeys(c)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.connection is not None
        try:
            if self.connection.in_transaction():
                await self.connection.rollback()
        finally:
            await self.connection.close()

    async def commit(self) -> None:
        assert self.connection is not None
        try:
            await self.connection.commit()
        except IntegrityError as error:
            # Two deliveries of the same request raced; the other one won.
            if "inbound_keys" in str(error.orig) or "pk_inbound_keys" in str(error.orig):
                raise Duplicate() from error
            raise
