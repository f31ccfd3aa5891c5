"""What the Slack adapter keeps in the database: where each dossier's card is.

The card's channel and timestamp live in `chat_messages` (purpose "card"), so a
later step updates the card in place and replies in its thread, and a message
in that thread can be traced back to its dossier, whichever replica receives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.people import Person
from bot.workdays import utcnow
from storage.tables import chat_messages, dossiers
from storage.uow import SqlUnitOfWork

PLATFORM = "slack"
CARD = "card"


@dataclass(frozen=True)
class Location:
    channel: str
    ts: str


class SlackStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def card_of(self, number: str) -> Location | None:
        query = (
            select(chat_messages.c.conversation_id, chat_messages.c.message_id)
            .join(dossiers, dossiers.c.id == chat_messages.c.dossier_id)
            .where(
                dossiers.c.number == number,
                chat_messages.c.platform == PLATFORM,
                chat_messages.c.purpose == CARD,
            )
            .order_by(chat_messages.c.id.desc())
            .limit(1)
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return Location(row[0], row[1]) if row else None

    async def remember_card(self, number: str, where: Location) -> None:
        async with self.engine.begin() as conn:
            dossier_id = (
                await conn.execute(select(dossiers.c.id).where(dossiers.c.number == number))
            ).scalar_one()
            # A card that was deleted in Slack is replaced; only the newest one counts.
            await conn.execute(
                delete(chat_messages).where(
                    chat_messages.c.dossier_id == dossier_id,
                    chat_messages.c.platform == PLATFORM,
                    chat_messages.c.purpose == CARD,
                )
            )
            await conn.execute(
                chat_messages.insert().values(
                    dossier_id=dossier_id,
                    platform=PLATFORM,
                    purpose=CARD,
                    conversation_id=where.channel,
                    message_id=where.ts,
                    created_at=utcnow(),
                )
            )

    async def dossier_of_thread(self, channel: str, thread_ts: str) -> str | None:
        query = (
            select(dossiers.c.number)
            .join(chat_messages, dossiers.c.id == chat_messages.c.dossier_id)
            .where(
                chat_messages.c.platform == PLATFORM,
                chat_messages.c.purpose == CARD,
                chat_messages.c.conversation_id == channel,
                chat_messages.c.message_id == thread_ts,
            )
        )
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one_or_none()

    async def person(self, person_id: int) -> Person | None:
        async with SqlUnitOfWork(self.engine) as uow:
            return await uow.people.get(person_id)
