"""The `documents` table: a dossier's files, stored inside the use case's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.use_cases.documents import StoredDocument
from bot.use_cases.ports import UnitOfWork
from storage import tables as t
from storage.uow import connection_of

_INFO = (
    t.documents.c.id,
    t.documents.c.kind,
    t.documents.c.filename,
    t.documents.c.content_type,
    t.documents.c.size,
    t.documents.c.sha256,
    t.documents.c.created_at,
    t.documents.c.created_by_id,
    t.dossiers.c.number,
)


def _document(row: Any, content: bytes | None = None) -> StoredDocument:
    return StoredDocument(
        id=row.id,
        dossier_number=row.number,
        kind=row.kind,
        filename=row.filename,
        content_type=row.content_type,
        size=row.size,
        sha256=row.sha256,
        created_at=row.created_at,
        created_by_id=row.created_by_id,
        content=content,
    )


class SqlDocuments:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    @classmethod
    def of(cls, uow: UnitOfWork) -> SqlDocuments:
        """The documents of a `SqlUnitOfWork`'s transaction."""
        return cls(connection_of(uow, "documents"))

    async def add(
        self,
        dossier_number: str,
        kind: str,
        filename: str,
        content_type: str,
        content: bytes,
        sha256: str,
        created_by_id: int,
        now: datetime,
    ) -> int:
        result = await self.c.execute(
            insert(t.documents)
            .values(
                dossier_id=select(t.dossiers.c.id)
                .where(t.dossiers.c.number == dossier_number)
                .scalar_subquery(),
                kind=kind,
                filename=filename,
                content_type=content_type,
                size=len(content),
                sha256=sha256,
                content=content,
                created_at=now,
                created_by_id=created_by_id,
            )
            .returning(t.documents.c.id)
        )
        return int(result.scalar_one())

    def _select(self, *columns: Any):  # type: ignore[no-untyped-def]
        return select(*_INFO, *columns).join(
            t.dossiers, t.dossiers.c.id == t.documents.c.dossier_id
        )

    async def get(self, document_id: int, with_content: bool = True) -> StoredDocument | None:
        columns = (t.documents.c.content,) if with_content else ()
        row = (
            await self.c.execute(self._select(*columns).where(t.documents.c.id == document_id))
        ).first()
        if row is None:
            return None
        return _document(row, bytes(row.content) if with_content else None)

    async def for_dossier(self, dossier_number: str) -> list[StoredDocument]:
        rows = await self.c.execute(
            self._select().where(t.dossiers.c.number == dossier_number).order_by(t.documents.c.id)
        )
        return [_document(r) for r in rows]
