"""The unit of work: one database transaction around one use case."""

from __future__ import annotations

import contextlib
from types import TracebackType
from typing import Self

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.rules.errors import Duplicate, Refused
from storage.database import READONLY
from storage.failures import unreachable
from storage.logs import SqlReadLog, SqlStaffLog
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
        except Exception as error:
            if self.connection is not None:
                with contextlib.suppress(Exception):
                    await self.connection.close()
            if unreachable(error):
                raise Refused("database.unreachable") from error
            raise
        c = self.connection
        self.dossiers = SqlDossiers(c)
        self.people = SqlPeople(c)
        self.deadlines = SqlDeadlines(c)
        self.outbox = SqlOutbox(c)
        self.inbound = SqlInboundKeys(c)
        self.staff_log = SqlStaffLog(c)
        self.reads = SqlReadLog(c)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self.connection is not None
        try:
            try:
                if self.connection.in_transaction():
                    await self.connection.rollback()
            finally:
                await self.connection.close()
        except Exception as failure:
            # A connection that broke mid-work cannot roll back: the server drops an
            # open transaction with its connection, so nothing half-written stays.
            if not unreachable(failure):
                raise
        # The database went away in the middle of the work: the same "try again shortly"
        # as when it is away from the start, not a fault with a traceback.
        if error is not None and not isinstance(error, Refused) and unreachable(error):
            raise Refused("database.unreachable") from error

    async def commit(self) -> None:
        assert self.connection is not None
        try:
            await self.connection.commit()
        except IntegrityError as error:
            # Two deliveries of the same request raced; the other one won.
            if "inbound_keys" in str(error.orig) or "pk_inbound_keys" in str(error.orig):
                raise Duplicate() from error
            raise
        except Exception as error:
            # Lost during the commit: the server either committed all of it or none.
            if unreachable(error):
                raise Refused("database.unreachable") from error
            raise


def connection_of(uow: object, what: str) -> AsyncConnection:
    """The connection of an open `SqlUnitOfWork`, for a repository the core reaches through
    a factory (documents, letter drafts): the same transaction as the rest of the step."""
    connection = getattr(uow, "connection", None)
    if connection is None:
        raise RuntimeError(f"{what} need an open SqlUnitOfWork")
    return connection
