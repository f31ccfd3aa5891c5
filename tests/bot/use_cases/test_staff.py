"""People come and go: roles taken away, people deactivated and let in again, and the
append-only staff log of every change; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from bot.rules.actions import AddNote, Assign
from bot.rules.errors import Refused
from bot.rules.people import Operator
from bot.rules.roles import Role
from bot.use_cases.services import Scope
from bot.use_cases.staff_log import StaffChange
from bot.use_cases.surfaces import Surface
from storage import tables as t
from tests.helpers import registration, rows


def _lines(entries):  # type: ignore[no-untyped-def]
    return [(e.actor_name, e.surface, e.change, e.person_name, e.role) for e in entries]


async def test_a_beheerder_revokes_a_role_and_the_log_says_who_did_it(bot, team):
    await bot.staff.grant(team.beheerder, team.other.id, Role.DIRECTIE, surface=Surface.SLACK)
    sanne = await bot.staff.revoke(team.beheerder, team.other.id, Role.DIRECTIE)
    assert sanne.roles == {Role.MEDEWERKER}
    log = await bot.staff.log(team.beheerder, team.other.id)
    assert _lines(log) == [
        ("?", Surface.CLI, StaffChange.ADDED, "Sanne Smit", "medewerker"),
        ("Bea Beheer", Surface.SLACK, StaffChange.GRANTED, "Sanne Smit", "directie"),
        ("Bea Beheer", Surface.CLI, StaffChange.REVOKED, "Sanne Smit", "directie"),
    ]
    assert log[0].actor_id is None and log[1].actor_id == team.beheerder.id


async def test_the_operator_is_logged_with_the_operating_system_user(bot, team):
    await bot.staff.add(Operator(os_user="jan"), "Kees Klein", [Role.MEDEWERKER, Role.DIRECTIE])
    kees = await bot.staff.lookup("Kees Klein")
    assert kees is not None
    log = await bot.staff.log(None, kees.id)
    assert [(e.actor_id, e.actor_name, e.change, e.role) for e in log] == [
        (None, "jan", StaffChange.ADDED, Role.MEDEWERKER),
        (None, "jan", StaffChange.ADDED, Role.DIRECTIE),
    ]


async def test_a_beheerder_cannot_grant_themselves_a_role_but_another_can(bot, team):
    with pytest.raises(Refused) as refused:
        await bot.staff.grant(team.beheerder, team.beheerder.id, Role.DIRECTIE)
    assert refused.value.key == "people.self_grant"
    second = await bot.staff.add(team.beheerder, "Bas Beheer", [Role.BEHEERDER])
    granted = await bot.staff.grant(second, team.beheerder.id, Role.DIRECTIE)
    assert granted.roles == {Role.BEHEERDER, Role.DIRECTIE}


async def test_only_an_active_beheerder_manages_people(bot, team):
    for actor in (team.coordinator, team.directie, team.owner):
        with pytest.raises(Refused) as refused:
            await bot.staff.deactivate(actor, team.other.id)
        assert refused.value.key == "role.forbidden_people"
        with pytest.raises(Refused):
            await bot.staff.revoke(actor, team.other.id, Role.MEDEWERKER)
    second = await bot.staff.add(None, "Bas Beheer", [Role.BEHEERDER])
    await bot.staff.deactivate(team.beheerder, second.id)
    with pytest.raises(Refused) as refused:
        await bot.staff.revoke(second, team.other.id, Role.MEDEWERKER)
    assert refused.value.key == "person.inactive"
    assert (await bot.staff.lookup("Sanne Smit")).roles == {Role.MEDEWERKER}  # type: ignore[union-attr]


async def test_a_role_not_held_and_a_repeat_are_refused_and_log_nothing(bot, team):
    before = await rows(bot.engine, t.staff_log)
    with pytest.raises(Refused) as refused:
        await bot.staff.revoke(team.beheerder, team.other.id, Role.DIRECTIE)
    assert refused.value.key == "people.role_not_held"
    await bot.staff.deactivate(team.beheerder, team.other.id)
    with pytest.raises(Refused) as refused:
        await bot.staff.deactivate(team.beheerder, team.other.id)
    assert refused.value.key == "people.already_inactive"
    await bot.staff.activate(team.beheerder, team.other.id)
    with pytest.raises(Refused) as refused:
        await bot.staff.activate(team.beheerder, team.other.id)
    assert refused.value.key == "people.already_active"
    assert await rows(bot.engine, t.staff_log) == before + 2


async def test_the_last_active_beheerder_stays(bot, team):
    for change in (
        bot.staff.revoke(None, team.beheerder.id, Role.BEHEERDER),
        bot.staff.deactivate(None, team.beheerder.id),
    ):
        with pytest.raises(Refused) as refused:
            await change
        assert refused.value.key == "people.last_beheerder"
    with pytest.raises(Refused) as refused:
        await bot.staff.deactivate(team.beheerder, team.beheerder.id)
    assert refused.value.key == "people.self_deactivate"
    await bot.staff.add(None, "Bas Beheer", [Role.BEHEERDER])
    assert (await bot.staff.revoke(None, team.beheerder.id, Role.BEHEERDER)).roles == set()


async def test_a_deactivated_person_is_refused_everywhere_and_keeps_their_name(bot, team):
    c = bot.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number
    await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    await c.act(team.owner, number, AddNote(text="Klant gebeld"))

    done = await bot.staff.deactivate(team.beheerder, team.owner.id, surface=Surface.TEAMS)
    assert (done.person.active, done.open_dossiers) == (False, 1)
    refusals = [
        c.view(team.owner, number),
        c.listing(team.owner, Scope.MINE),
        c.dossiers(team.owner),
        c.act(team.owner, number, AddNote(text="Nog een notitie")),
        bot.documents.list(team.owner, number),
    ]
    for attempt in refusals:
        with pytest.raises(Refused) as refused:
            await attempt
        assert refused.value.key == "person.inactive"
    # Nobody can make them the owner of anything while they are away.
    with pytest.raises(Refused):
        await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    # Their name stays in the past timeline and on the card.
    view = await c.view(team.coordinator, number)
    assert [e.actor_name for e in view.timeline][-1] == "Piet Jansen"
    assert view.name_of(view.dossier.owner_id) == "Piet Jansen"

    await bot.staff.activate(team.beheerder, team.owner.id)
    await c.act(team.owner, number, AddNote(text="Weer terug"))
    log = await bot.staff.log(team.beheerder, team.owner.id)
    assert [(e.change, e.surface) for e in log][1:] == [
        (StaffChange.DEACTIVATED, Surface.TEAMS),
        (StaffChange.ACTIVATED, Surface.CLI),
    ]


async def test_the_staff_log_is_append_only_in_the_database(bot, team):
    assert await rows(bot.engine, t.staff_log) == 5
    for statement in (update(t.staff_log).values(actor_name="niemand"), delete(t.staff_log)):
        async with bot.engine.connect() as connection:
            with pytest.raises(DBAPIError, match="append-only"):
                await connection.execute(statement)
    assert await rows(bot.engine, t.staff_log) == 5


async def test_the_staff_log_is_for_a_beheerder(bot, team):
    with pytest.raises(Refused) as refused:
        await bot.staff.log(team.coordinator)
    assert refused.value.key == "role.forbidden_people"
    assert len(await bot.staff.log(team.beheerder)) == 5
