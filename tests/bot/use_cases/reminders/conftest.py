"""Fixtures for the deadline tests: a bot that has chat platforms, and its outbox."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from bot.rules.workdays import AMSTERDAM
from bot.use_cases.reminders import Reminders, reminders_for
from storage import tables as t

PLATFORMS = ["slack", "teams"]


def at(text: str) -> datetime:
    """'2026-12-10T09:00' in Amsterdam."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


@pytest.fixture
def reminders(bot) -> Reminders:  # type: ignore[no-untyped-def]
    # The chat adapters add themselves here when configured; the tests stand in for them.
    bot.chat_platforms.extend(PLATFORMS)
    return reminders_for(bot)


async def outbox(bot, prefix: str = "") -> list:  # type: ignore[no-untyped-def]
    o = t.outbox
    async with bot.engine.connect() as connection:
        rows = await connection.execute(
            select(o.c.key, o.c.channel, o.c.queue, o.c.payload)
            .where(o.c.key.startswith(prefix))
            .order_by(o.c.id)
        )
        return list(rows)


def notices(rows: list, channel: str = "slack") -> list[dict]:  # type: ignore[type-arg]
    """The notices of one platform, in order."""
    return [r.payload["notice"] for r in rows if r.channel == channel]
