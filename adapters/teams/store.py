"""What the Teams adapter remembers: conversation references and the dossier's messages.

A conversation reference (stored as the SDK's JSON) is what a proactive message
needs: the bot can DM a person or post in a channel only where it has been
before. The dossier's card in the coordinators' channel is remembered so later
steps reply in its thread and update it in place.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.people import Person
from storage import tables as t

PLATFORM = "teams"


def person_key(user: str) -> str:
    """A person's own chat with the bot, by AAD object id (or Teams user id)."""
    return f"user:{user}"


def conversation_key(conversation_id: str) -> str:
    """A channel or group chat, by its conversation id without a thread suffix."""
    return f"conversation:{conversation_id}"


class TeamsStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def remember(
        self, key: str, reference: dict[str, Any], person_id: int | None = None
    ) -> None:
        refs = t.conversation_refs
        now = datetime.now(UTC)
        values = {"platform": PLATFORM, "key": key, "reference": reference, "updated_at": now}
        if person_id is not None:
            values["person_id"] = person_id
        async with self.engine.begin() as c:
            upsert = pg_insert if c.dialect.name == "postgresql" else sqlite_insert
            stmt = upsert(refs).values(**values)
            await c.execute(
                stmt.on_conflict_do_update(
                    index_elements=["platform", "key"],
                    set_={k: stmt.excluded[k] for k in values if k not in ("platform", "key")},
                )
            )

    async def reference(self, key: str) -> dict[str, Any] | None:
        refs = t.conversation_refs
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference).where(refs.c.platform == PLATFORM, refs.c.key == key)
            )
            return row.scalar_one_or_none()

    async def reference_for_person(self, person: Person) -> dict[str, Any] | None:
        """The person's own chat with the bot, the most recently used one."""
        refs = t.conversation_refs
        mine = [refs.c.person_id == person.id]
        if person.teams_aad_id:
            mine.append(refs.c.key == person_key(person.teams_aad_id))
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference)
                .where(refs.c.platform == PLATFORM, refs.c.key.like("user:%"), or_(*mine))
                .order_by(refs.c.updated_at.desc())
                .limit(1)
            )
            return row.scalar_one_or_none()

    async def any_reference(self) -> dict[str, Any] | None:
        """Any reference: it tells the service URL of this tenant's Teams."""
        refs = t.conversation_refs
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference)
                .where(refs.c.platform == PLATFORM)
                .order_by(refs.c.updated_at.desc())
                .limit(1)
            )
            return row.scalar_one_or_none()

    async def count(self) -> int:
        refs = t.conversation_refs
        async with self.engine.connect() as c:
            row = await c.execute(
                select(func.count()).select_from(refs).where(refs.c.platform == PLATFORM)
            )
            return int(row.scalar_one())

    async def link_aad(self, person_id: int, aad_id: str) -> None:
        """Remember the AAD id of a person found by e-mail, so next time is direct."""
        async with self.engine.begin() as c:
            await c.execute(
                update(t.people)
                .where(t.people.c.id == person_id, t.people.c.teams_aad_id.is_(None))
                .values(teams_aad_id=aad_id)
            )

    # -- the dossier's messages ----------------------------------------------------------

    async def remember_message(
        self, number: str, purpose: str, conversation_id: str, message_id: str
    ) -> None:
        m = t.chat_messages
        async with self.engine.begin() as c:
            dossier_id = (
                await c.execute(select(t.dossiers.c.id).where(t.dossiers.c.number == number))
            ).scalar_one()
            exists = await c.execute(
                select(m.c.id).where(
                    m.c.platform == PLATFORM,
                    m.c.conversation_id == conversation_id,
                    m.c.message_id == message_id,
                )
            )
            if exists.first() is None:
                await c.execute(
                    insert(m).values(
                        dossier_id=dossier_id,
                        platform=PLATFORM,
                        purpose=purpose,
                        conversation_id=conversation_id,
                        message_id=message_id,
                        created_at=datetime.now(UTC),
                    )
                )

    async def message(self, number: str, purpose: str) -> tuple[str, str] | None:
        """(conversation id, message id) of the dossier's latest message of this purpose."""
        m = t.chat_messages
        async with self.engine.connect() as c:
            row = (
                await c.execute(
                    select(m.c.conversation_id, m.c.message_id)
                    .join(t.dossiers, t.dossiers.c.id == m.c.dossier_id)
                    .where(
                        t.dossiers.c.number == number,
                        m.c.platform == PLATFORM,
                        m.c.purpose == purpose,
                    )
                    .order_by(m.c.id.desc())
                    .limit(1)
                )
            ).first()
            return (row.conversation_id, row.message_id) if row else None

    async def dossier_of(self, conversation_id: str, message_id: str) -> str | None:
        """The dossier whose card is this channel post (the root of a thread)."""
        m = t.chat_messages
        async with self.engine.connect() as c:
            row = await c.execute(
                select(t.dossiers.c.number)
                .join(m, t.dossiers.c.id == m.c.dossier_id)
                .where(
                    m.c.platform == PLATFORM,
                    m.c.conversation_id == conversation_id,
                    m.c.message_id == message_id,
                )
            )
            return row.scalar_one_or_none()
