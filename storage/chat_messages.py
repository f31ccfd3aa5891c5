"""Where a dossier's messages are in a chat: the `chat_messages` table, per platform.

A chat adapter remembers the messages it posts for a dossier (the card, a DM) so a
later step updates the card in place and replies in its thread, and a message in
that thread can be traced back to its dossier, whichever replica receives it. The
platform's own shapes (a Slack location, a Teams message id) stay in the adapter:
here they are a conversation id and a message id, both plain strings.
"""

from __future__ import annotations

from sqlalchemy import Insert, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.workdays import utcnow
from storage.tables import chat_messages, dossiers


class ChatMessages:
    """One chat platform's messages per dossier."""

    def __init__(self, engine: AsyncEngine, platform: str) -> None:
        self.engine = engine
        self.platform = platform

    async def latest(self, number: str, purpose: str) -> tuple[str, str] | None:
        """(conversation id, message id) of the dossier's newest message of this purpose."""
        m = chat_messages
        query = (
            select(m.c.conversation_id, m.c.message_id)
            .join(dossiers, dossiers.c.id == m.c.dossier_id)
            .where(
                dossiers.c.number == number,
                m.c.platform == self.platform,
                m.c.purpose == purpose,
            )
            .order_by(m.c.id.desc())
            .limit(1)
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return (row.conversation_id, row.message_id) if row else None

    async def replace(
        self, number: str, purpose: str, conversation_id: str, message_id: str
    ) -> None:
        """This message is now the dossier's only one of this purpose (a reposted card)."""
        m = chat_messages
        async with self.engine.begin() as conn:
            dossier_id = (
                await conn.execute(select(dossiers.c.id).where(dossiers.c.number == number))
            ).scalar_one()
            await conn.execute(
                delete(m).where(
                    m.c.dossier_id == dossier_id,
                    m.c.platform == self.platform,
                    m.c.purpose == purpose,
                )
            )
            await conn.execute(self._row(dossier_id, purpose, conversation_id, message_id))

    async def add(self, number: str, purpose: str, conversation_id: str, message_id: str) -> None:
        """Remember one more message of the dossier; a message already known is kept as is."""
        m = chat_messages
        async with self.engine.begin() as conn:
            dossier_id = (
                await conn.execute(select(dossiers.c.id).where(dossiers.c.number == number))
            ).scalar_one()
            exists = await conn.execute(
                select(m.c.id).where(
                    m.c.platform == self.platform,
                    m.c.conversation_id == conversation_id,
                    m.c.message_id == message_id,
                )
            )
            if exists.first() is None:
                await conn.execute(self._row(dossier_id, purpose, conversation_id, message_id))

    def _row(self, dossier_id: int, purpose: str, conversation_id: str, message_id: str) -> Insert:
        return insert(chat_messages).values(
            dossier_id=dossier_id,
            platform=self.platform,
            purpose=purpose,
            conversation_id=conversation_id,
            message_id=message_id,
            created_at=utcnow(),
        )

    async def dossier_of(
        self, conversation_id: str, message_id: str, purpose: str | None = None
    ) -> str | None:
        """The number of the dossier this message belongs to (of this purpose, if given)."""
        m = chat_messages
        conditions = [
            m.c.platform == self.platform,
            m.c.conversation_id == conversation_id,
            m.c.message_id == message_id,
        ]
        if purpose is not None:
            conditions.append(m.c.purpose == purpose)
        query = (
            select(dossiers.c.number).join(m, dossiers.c.id == m.c.dossier_id).where(*conditions)
        )
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one_or_none()
