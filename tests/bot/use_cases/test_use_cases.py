"""The use cases on real databases: SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Evaluate,
    MarkHandled,
    ReportStatus,
)
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import State
from bot.rules.errors import Refused
from tests.helpers import registration


async def test_register_numbers_timeline_and_deadlines(bot, team):
    first = await bot.complaints.register(team.coordinator, registration())
    second = await bot.complaints.register(team.coordinator, registration())
    assert (first.dossier.number, second.dossier.number) == ("K-2026-0001", "K-2026-0002")
    view = await bot.complaints.view(team.coordinator, "K-2026-0001")
    assert [e.action for e in view.timeline] == ["register"]
    due = {d.kind: d.due_on for d in view.deadlines if d.pending}
    # Received Monday 23 November: 5 working days later is Monday 30 November.
    assert due[DeadlineKind.ACKNOWLEDGEMENT] == date(2026, 11, 30)
    assert due[DeadlineKind.DECISION] == date(2027, 1, 4)


async def test_whole_procedure_and_refusals_write_nothing(bot, team):
    c = bot.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number

    with pytest.raises(Refused) as refused:
        await c.act(team.coordinator, number, Close())
    assert refused.value.key == "close.needs_agreement"
    with pytest.raises(Refused) as refused:
        await c.act(team.owner, number, Assign(owner_id=team.owner.id))
    assert refused.value.key == "role.forbidden"

    await c.act(team.coordinator, number, Acknowledge(sent_on=date(2026, 11, 24), method="post"))
    await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    await c.act(team.owner, number, ReportStatus(text="Klant komt donderdag"))
    await c.act(team.owner, number, AddNote(text="Klant belde terug"))
    await c.act(team.owner, number, MarkHandled(solution="Schacht verwijd"))
    await c.act(team.coordinator, number, Evaluate(outcome="Tevreden", customer_agrees=True))
    outcome = await c.act(team.coordinator, number, Close())
    assert outcome.dossier.state is State.GESLOTEN

    view = await c.view(team.coordinator, number)
    assert [e.seq for e in view.timeline] == list(range(1, 9))
    assert not [d for d in view.deadlines if d.pending]

    with pytest.raises(Refused) as refused:
        await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    assert refused.value.key == "dossier.closed"
    assert len((await c.view(team.coordinator, number)).timeline) == 8


async def test_unknown_dossier_and_unknown_owner(bot, team):
    with pytest.raises(Refused) as refused:
        await bot.complaints.act(team.coordinator, "K-2026-0999", Close())
    assert refused.value.key == "dossier.unknown"
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    with pytest.raises(Refused) as refused:
        await bot.complaints.act(team.coordinator, number, Assign(owner_id=999))
    assert (refused.value.key, refused.value.field) == ("person.unknown", "owner_id")
    with pytest.raises(Refused) as refused:
        await bot.complaints.act(team.coordinator, number, Assign(owner_id=team.beheerder.id))
    assert refused.value.key == "person.not_staff"


async def test_repeated_request_is_handled_once(bot, team):
    c = bot.complaints
    first = await c.register(team.coordinator, registration(), request_key="slack:view:V1")
    again = await c.register(team.coordinator, registration(), request_key="slack:view:V1")
    assert again.duplicate and again.dossier.number == first.dossier.number
    assert len(await c.dossiers(team.coordinator)) == 1


async def test_a_reactor_an_integration_adds_writes_to_the_outbox(bot, team):
    from bot.outbox.messages import OutboxMessage

    def reactor(event, dossier):  # type: ignore[no-untyped-def]
        yield OutboxMessage(channel="x", key=f"x:{event.seq}", queue="x", payload={})

    bot.reactors.append(reactor)  # as the composition root adds an integration's reactors
    await bot.complaints.register(team.coordinator, registration())
    assert await bot.outbox.counts("x") == {"pending": 1}
