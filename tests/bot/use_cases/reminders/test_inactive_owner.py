"""An owner who left: their open dossiers show in the coordinators' morning digest as
"eigenaar niet meer actief", and a DM queued for them before they left is not sent."""

from __future__ import annotations

from datetime import date

from bot.rules.actions import Acknowledge, Assign, Close, Evaluate, MarkHandled
from tests.bot.use_cases.reminders.conftest import at
from tests.helpers import registration


async def test_open_dossiers_of_a_deactivated_owner_are_in_the_digest(bot, clock, team, reminders):
    c = bot.complaints
    clock.now = at("2026-11-23T10:00")
    numbers = [(await c.register(team.coordinator, registration())).dossier.number for _ in "abc"]
    for number in numbers:
        await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    closed = numbers[2]  # a closed dossier needs nobody any more
    await c.act(team.coordinator, closed, Acknowledge(sent_on=date(2026, 11, 23), method="post"))
    await c.act(team.owner, closed, MarkHandled(solution="Zool vervangen"))
    await c.act(team.coordinator, closed, Evaluate(outcome="Tevreden", customer_agrees=True))
    await c.act(team.coordinator, closed, Close())

    notice = await reminders.digest.run(at("2026-11-24T08:30"))
    assert notice is not None
    assert "Eigenaar niet meer actief" not in {s.title for s in notice.card.sections}

    await bot.staff.deactivate(team.beheerder, team.owner.id)
    notice = await reminders.digest.run(at("2026-11-25T08:30"))
    assert notice is not None
    texts = {s.title: s.text for s in notice.card.sections}
    lines = texts["Eigenaar niet meer actief"].splitlines()
    assert lines == [
        f"{n} · eigenaar Piet Jansen is niet meer actief: wijs een nieuwe eigenaar toe"
        for n in numbers[:2]
    ]
    # Once someone else owns it, it is off the list.
    await c.act(team.coordinator, numbers[0], Assign(owner_id=team.other.id))
    notice = await reminders.digest.run(at("2026-11-26T08:30"))
    assert notice is not None
    texts = {s.title: s.text for s in notice.card.sections}
    assert texts["Eigenaar niet meer actief"].splitlines() == [
        f"{numbers[1]} · eigenaar Piet Jansen is niet meer actief: wijs een nieuwe eigenaar toe"
    ]
