"""Many registrations at once: numbers without gaps or duplicates, on both engines."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.rules.actions import Assign
from tests.helpers import registration


async def test_concurrent_registrations_get_gapless_unique_numbers(bot, team, database_url):
    many = 60 if database_url.startswith("postgresql") else 25

    async def one(i: int) -> str:
        outcome = await bot.complaints.register(
            team.coordinator, registration(summary=f"Klacht {i}")
        )
        return outcome.dossier.number

    numbers = await asyncio.gather(*(one(i) for i in range(many)))
    assert sorted(numbers) == [f"K-2026-{n:04d}" for n in range(1, many + 1)]
    async with bot.engine.connect() as connection:
        rows = await connection.execute(text("SELECT count(*) FROM events"))
        assert rows.scalar_one() == many


async def test_two_clicks_on_the_same_step_make_one_transition(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    assign = Assign(owner_id=team.owner.id)
    results = await asyncio.gather(
        *(
            bot.complaints.act(team.coordinator, number, assign, request_key="slack:action:T1")
            for _ in range(5)
        ),
        return_exceptions=True,
    )
    view = await bot.complaints.view(team.coordinator, number)
    assert [e.action for e in view.timeline] == ["register", "assign"]
    fresh = [r for r in results if not isinstance(r, BaseException) and not r.duplicate]
    assert len(fresh) == 1, results


async def test_the_timeline_is_append_only_in_the_database(bot, team):
    await bot.complaints.register(team.coordinator, registration())
    for statement in ("UPDATE events SET action = 'close'", "DELETE FROM events"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with bot.engine.begin() as connection:
                await connection.execute(text(statement))
