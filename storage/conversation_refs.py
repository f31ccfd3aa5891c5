"""Where the bot can speak unasked: conversation references, per platform and key.

A proactive message needs a reference to a conversation the bot has been in before
(a person's own chat, a channel). The reference is kept as the platform's JSON and
its key is made by the adapter; here both are plain values.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.tables import conversation_refs as refs


class ConversationRefs:
    """One chat platform's conversation references."""

    def __init__(self, engine: AsyncEngine, platform: str) -> None:
        self.engine = engine
        self.platform = platform

    async def remember(
        self, key: str, reference: dict[str, Any], person_id: int | None = None
    ) -> None:
        """Store (or refresh) the reference under this key, and whose chat it is if known."""
        now = datetime.now(UTC)
        values = {"platform": self.platform, "key": key, "reference": reference, "updated_at": now}
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
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference).where(refs.c.platform == self.platform, refs.c.key == key)
            )
            return row.scalar_one_or_none()

    async def newest_personal(
        self, key_prefix: str, person_id: int, key: str | None = None
    ) -> dict[str, Any] | None:
        """The newest reference whose key starts with `key_prefix` (a person's own chat)
        that is this person's, by person id or, when given, by its exact key."""
        mine = [refs.c.person_id == person_id]
        if key is not None:
            mine.append(refs.c.key == key)
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference)
                .where(
                    refs.c.platform == self.platform,
                    refs.c.key.like(f"{key_prefix}%"),
                    or_(*mine),
                )
                .order_by(refs.c.updated_at.desc())
                .limit(1)
            )
            return row.scalar_one_or_none()

    async def newest(self) -> dict[str, Any] | None:
        """The most recently used reference of the platform, whichever it is."""
        async with self.engine.connect() as c:
            row = await c.execute(
                select(refs.c.reference)
                .where(refs.c.platform == self.platform)
                .order_by(refs.c.updated_at.desc())
                .limit(1)
            )
            return row.scalar_one_or_none()

    async def count(self) -> int:
        async with self.engine.connect() as c:
            row = await c.execute(
                select(func.count()).select_from(refs).where(refs.c.platform == self.platform)
            )
            return int(row.scalar_one())
