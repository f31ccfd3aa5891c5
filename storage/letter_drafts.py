"""The `letter_drafts` table: the letter being written to a dossier's customer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.use_cases.letters.drafts import Draft
from bot.use_cases.ports import UnitOfWork
from storage import tables as t
from storage.uow import connection_of


def _dossier_id(number: str) -> Any:
    return select(t.dossiers.c.id).where(t.dossiers.c.number == number).scalar_subquery()


class SqlLetterDrafts:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    @classmethod
    def of(cls, uow: UnitOfWork) -> SqlLetterDrafts:
        """The drafts of a `SqlUnitOfWork`'s transaction."""
        return cls(connection_of(uow, "letter drafts"))

    async def put(
        self, number: str, kind: str, fields: dict[str, Any], by_id: int, now: datetime
    ) -> int:
        # A new draft replaces the old one, with a new id: its buttons no longer work.
        await self.drop(number)
        result = await self.c.execute(
            insert(t.letter_drafts)
            .values(
                dossier_id=_dossier_id(number),
                kind=kind,
                fields=fields,
                created_by_id=by_id,
                created_at=now,
            )
            .returning(t.letter_drafts.c.id)
        )
        return int(result.scalar_one())

    async def get(self, number: str) -> Draft | None:
        d = t.letter_drafts
        row = (
            await self.c.execute(
                select(d.c.id, d.c.kind, d.c.fields, d.c.created_by_id, d.c.created_at).where(
                    d.c.dossier_id == _dossier_id(number)
                )
            )
        ).first()
        if row is None:
            return None
        return Draft(
            id=row.id,
            dossier_number=number,
            kind=row.kind,
            fields=dict(row.fields),
            created_by_id=row.created_by_id,
            created_at=row.created_at,
        )

    async def drop(self, number: str) -> None:
        await self.c.execute(
            delete(t.letter_drafts).where(t.letter_drafts.c.dossier_id == _dossier_id(number))
        )
