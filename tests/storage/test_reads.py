"""Reading does not wait for writers on SQLite, and lists cost a fixed number of queries."""

from __future__ import annotations

import asyncio

from sqlalchemy import event

from bot.rules.actions import Assign
from bot.use_cases.services import Scope
from storage.uow import SqlUnitOfWork
from tests.helpers import registration


async def test_a_reader_is_not_held_up_by_an_open_write(bot, team, database_url):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    async with SqlUnitOfWork(bot.engine) as writer:
        await writer.dossiers.get(number)  # the write transaction holds SQLite's write lock
        # A read-only unit of work must still answer at once (it would wait 30 s otherwise).
        view = await asyncio.wait_for(bot.complaints.view(team.coordinator, number), 10)
        assert view.dossier.number == number


async def test_a_list_takes_the_same_number_of_queries_for_3_or_30_dossiers(bot, team):
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    async def listed() -> int:
        statements.clear()
        event.listen(bot.engine.sync_engine, "before_cursor_execute", count)
        try:
            views = await bot.complaints.dossiers(team.coordinator, Scope.OPEN)
        finally:
            event.remove(bot.engine.sync_engine, "before_cursor_execute", count)
        assert all(v.people for v in views)
        return len(statements)

    for _ in range(3):
        outcome = await bot.complaints.register(team.coordinator, registration())
        await bot.complaints.act(team.coordinator, outcome.dossier.number,
                                 Assign(owner_id=team.owner.id))  # fmt: skip
    few = await listed()
    for _ in range(27):
        await bot.complaints.register(team.coordinator, registration())
    assert await listed() == few


async def test_a_chat_list_reads_only_the_lines_it_shows_and_counts_the_rest(bot, team):
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    numbers = [
        (await bot.complaints.register(team.coordinator, registration())).dossier.number
        for _ in range(5)
    ]
    full = await bot.complaints.dossiers(team.coordinator, Scope.OPEN)
    event.listen(bot.engine.sync_engine, "before_cursor_execute", count)
    try:
        listing = await bot.complaints.listing(team.coordinator, Scope.OPEN, shown=3)
    finally:
        event.remove(bot.engine.sync_engine, "before_cursor_execute", count)
    assert all(v.deadlines for v in full)  # a registration starts the acknowledgement term
    assert [v.dossier for v in listing.views] == [v.dossier for v in full[:3]]
    assert [v.dossier.number for v in listing.views] == numbers[:3]  # the oldest first
    assert listing.total == 5
    # The list shows each dossier's next deadline: read in one statement for all of them.
    assert all(v.deadlines for v in listing.views)
    assert len([s for s in statements if "FROM deadlines" in s]) == 1
    assert sum("count(" in s.lower() for s in statements) == 1

    for number in numbers[1:]:
        await bot.complaints.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    mine = await bot.complaints.listing(team.owner, Scope.MINE, shown=3)
    assert [v.dossier.number for v in mine.views] == numbers[1:4]
    assert mine.total == 4  # the count filters as the list does


async def test_a_person_is_read_with_all_roles_in_one_query(bot, database_url):
    from bot.rules.roles import Role

    both = await bot.staff.add(
        None, "Anna de Vries", [Role.COORDINATOR, Role.BEHEERDER], "anna@example.nl", "UANNA"
    )
    async with SqlUnitOfWork(bot.engine) as uow:
        bare = await uow.people.add("Zoë Zonder", [], None, "UZOE")
        await uow.commit()
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(bot.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with SqlUnitOfWork(bot.engine, readonly=True) as uow:
            anna = await uow.people.by_slack("UANNA")
            nobody = await uow.people.by_slack("UNOBODY")
            everyone = await uow.people.get_many([both.id, bare.id])
    finally:
        event.remove(bot.engine.sync_engine, "before_cursor_execute", count)
    assert anna is not None and anna.roles == {Role.COORDINATOR, Role.BEHEERDER}
    assert nobody is None
    assert everyone[bare.id].roles == frozenset() and everyone[both.id] == anna
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM" in s]
    assert len(reads) == 3  # one a lookup, roles included
