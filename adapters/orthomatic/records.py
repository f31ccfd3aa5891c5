"""What a mirror item needs from the database at delivery time.

The customer number is read *now*, not when the step was taken: a coordinator
who corrects a wrong number and retries must not resend the old one. Documents
are read now as well, so the outbox stays small.
"""

from __future__ import annotations

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


class Records:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def customer_number(self, dossier_number: str) -> tuple[bool, str | None]:
        """(whether the dossier exists, its customer number as it is now)."""
        stmt = select(t.dossiers.c.customer_number).where(t.dossiers.c.number == dossier_number)
        async with self.engine.connect() as connection:
            row = (await connection.execute(stmt)).one_or_none()
        return (row is not None, row.customer_number if row else None)

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
