"""What an Orthomatic mirror item needs from the database at delivery time.

The customer number is read *now*, not when the step was taken: a coordinator
who corrects a wrong number and retries must not resend the old one. Documents
are read now as well, so the outbox stays small.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import tables as t


@dataclass(frozen=True)
class Document:
    id: int
    filename: str
    content_type: str
    sha256: str
    content: bytes


class MirrorRecords:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._wanted: dict[str, list[asyncio.Future[tuple[bool, str | None]]]] = {}
        self._loading: set[asyncio.Task[None]] = set()

    async def customer_number(self, dossier_number: str) -> tuple[bool, str | None]:
        """(whether the dossier exists, its customer number as it is now).

        The deliveries of one round ask at the same moment; their questions are
        answered with one query (a query each made the database the limit on SQLite).
        """
        future = asyncio.get_running_loop().create_future()
        if not self._wanted:
            asyncio.get_running_loop().call_soon(self._load_soon)
        self._wanted.setdefault(dossier_number, []).append(future)
        return await future

    def _load_soon(self) -> None:
        wanted, self._wanted = self._wanted, {}
        task = asyncio.ensure_future(self._load(wanted))
        self._loading.add(task)
        task.add_done_callback(self._loading.discard)

    async def _load(self, wanted: dict[str, list[asyncio.Future[tuple[bool, str | None]]]]):  # type: ignore[no-untyped-def]
        d = t.dossiers
        try:
            stmt = select(d.c.number, d.c.customer_number).where(d.c.number.in_(list(wanted)))
            async with self.engine.connect() as connection:
                found = {row.number: row.customer_number for row in await connection.execute(stmt)}
        except Exception as error:  # each asker gets the failure (and retries later)
            for futures in wanted.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(error)
            return
        for number, futures in wanted.items():
            for future in futures:
                if not future.done():
                    future.set_result((number in found, found.get(number)))

    async def document(self, document_id: int) -> Document | None:
        d = t.documents
        stmt = select(d.c.id, d.c.filename, d.c.content_type, d.c.sha256, d.c.content).where(
            d.c.id == document_id
        )
        async with self.engine.connect() as connection:
            row = (await connection.execute(stmt)).one_or_none()
        if row is None:
            return None
        return Document(row.id, row.filename, row.content_type, row.sha256, bytes(row.content))

    async def names(self, person_ids: Iterable[int]) -> dict[int, str]:
        ids = sorted(set(person_ids))
        if not ids:
            return {}
        stmt = select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(ids))
        async with self.engine.connect() as connection:
            return {row.id: row.name for row in await connection.execute(stmt)}
