"""Who saw what: every read shown to a person is logged first, holds no health data, and
cannot be changed afterwards; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from bot.rules.actions import Assign
from bot.rules.errors import Refused
from bot.rules.people import Operator
from bot.use_cases.access_log import Access, AccessLog, ReadQuery, Seen, record_read
from bot.use_cases.services import Scope
from bot.use_cases.surfaces import Surface
from storage import tables as t
from tests.helpers import registration, rows


async def _reads(bot, **query):  # type: ignore[no-untyped-def]
    found = await AccessLog(bot.complaints.uow).find(Operator(), ReadQuery(**query))
    return [(r.person_name, r.dossier_number, r.surface, r.what, r.item) for r in found]


async def _registered(bot, team, n: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        (await bot.complaints.register(team.coordinator, registration())).dossier.number
        for _ in range(n)
    ]


async def test_opening_a_card_is_logged_and_a_check_inside_a_use_case_is_not(bot, team):
    [number] = await _registered(bot, team)
    await bot.complaints.view(team.coordinator, number)  # no one is shown anything
    assert await _reads(bot) == []
    await bot.complaints.view(team.coordinator, number, Access(Surface.SLACK))
    await bot.complaints.view(team.directie, number, Access(Surface.CLI, Seen.TIMELINE))
    assert await _reads(bot, dossier_number=number) == [
        ("Anna de Vries", number, Surface.SLACK, Seen.CARD, None),
        ("Dirk Bos", number, Surface.CLI, Seen.TIMELINE, None),
    ]


async def test_a_refused_read_logs_nothing(bot, team):
    [number] = await _registered(bot, team)
    with pytest.raises(Refused):
        await bot.complaints.view(team.other, number, Access(Surface.TEAMS))
    assert await rows(bot.engine, t.read_log) == 0


async def test_a_list_logs_one_line_per_dossier_it_shows(bot, team):
    numbers = await _registered(bot, team, 5)
    await bot.complaints.act(team.coordinator, numbers[0], Assign(owner_id=team.owner.id))
    found = await bot.complaints.listing(
        team.coordinator, Scope.OPEN, shown=3, surface=Surface.TEAMS
    )
    assert found.total == 5 and len(found.views) == 3
    logged = await _reads(bot)
    assert [(n, what) for _, n, _, what, _ in logged] == [(n, Seen.LIST) for n in numbers[:3]]
    # The owner's list shows only their own dossier: only that one is logged for them.
    await bot.complaints.listing(team.owner, Scope.OPEN, surface=Surface.SLACK)
    assert await _reads(bot, person_id=team.owner.id) == [
        ("Piet Jansen", numbers[0], Surface.SLACK, Seen.LIST, None)
    ]
    # An empty list shows no dossier, and logs nothing.
    await bot.complaints.listing(team.owner, Scope.OVERDUE, surface=Surface.SLACK)
    assert len(await _reads(bot)) == 4


async def test_what_cannot_be_logged_is_not_shown(bot, team):
    [number] = await _registered(bot, team)
    async with bot.engine.begin() as connection:  # the log is gone: every insert fails
        await connection.execute(text("ALTER TABLE read_log RENAME TO read_log_away"))
    try:
        with pytest.raises((DBAPIError, Refused)):
            await bot.complaints.view(team.coordinator, number, Access(Surface.SLACK))
        with pytest.raises((DBAPIError, Refused)):
            await bot.complaints.listing(team.coordinator, surface=Surface.SLACK)
    finally:
        async with bot.engine.begin() as connection:
            await connection.execute(text("ALTER TABLE read_log_away RENAME TO read_log"))


async def test_a_line_holds_no_health_data(bot, team):
    data = registration(customer_email="e.bakker@example.nl")
    number = (await bot.complaints.register(team.coordinator, data)).dossier.number
    await bot.complaints.view(team.coordinator, number, Access(Surface.SLACK))
    await bot.complaints.record_read(
        team.coordinator, number, Access(Surface.WEB, Seen.DOCUMENT), item="7"
    )
    async with bot.engine.connect() as connection:
        lines = (await connection.execute(select(t.read_log))).all()
    assert len(lines) == 2
    stored = " ".join(str(value) for line in lines for value in line)
    personal = [data.customer_name, data.customer_number, data.customer_phone, data.summary,
                data.details, data.product, data.practitioner, "e.bakker"]  # fmt: skip
    assert [p for p in personal if p and str(p) in stored] == []


async def test_the_read_log_is_append_only_in_the_database(bot, team):
    [number] = await _registered(bot, team)
    await bot.complaints.view(team.coordinator, number, Access(Surface.SLACK))
    for statement in (update(t.read_log).values(person_name="niemand"), delete(t.read_log)):
        async with bot.engine.connect() as connection:
            with pytest.raises(DBAPIError, match="append-only"):
                await connection.execute(statement)
    assert await rows(bot.engine, t.read_log) == 1


async def test_who_may_read_the_log_and_a_period(bot, team, clock):
    [number] = await _registered(bot, team)
    log = AccessLog(bot.complaints.uow)
    start = clock.now
    async with bot.complaints.uow() as uow:  # a use case of its own (an export) logs the same
        for hours in (0, 24, 48):
            moment = start + timedelta(hours=hours)
            await record_read(uow, team.directie, number, Access(Surface.CLI, Seen.EXPORT), moment)
        await uow.commit()
    for viewer in (team.beheerder, team.directie, Operator(os_user="root")):
        assert len(await log.find(viewer, ReadQuery(dossier_number=number))) == 3
    for viewer in (team.coordinator, team.owner):
        with pytest.raises(Refused) as refused:
            await log.find(viewer, ReadQuery(dossier_number=number))
        assert refused.value.key == "privacy.log_forbidden"
    between = ReadQuery(dossier_number=number, since=start + timedelta(hours=1),
                        until=start + timedelta(hours=48))  # fmt: skip
    assert [r.at for r in await log.find(team.beheerder, between)] == [start + timedelta(hours=24)]
    assert await log.find(team.beheerder, ReadQuery(dossier_number="K-2026-9999")) == []
