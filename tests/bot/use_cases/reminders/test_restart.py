"""A sweep that dies half-way leaves nothing behind; the next one sends each notice once."""

from __future__ import annotations

import asyncio

import pytest

from bot.entry.bootstrap import build
from bot.settings import Settings
from bot.use_cases.reminders import reminders_for
from bot.use_cases.reminders.policy import NoticePolicy, Stage
from tests.bot.use_cases.reminders.conftest import PLATFORMS, at, outbox
from tests.helpers import registration


class DiesOnThird(NoticePolicy):
    """The process is stopped while the third deadline is being handled."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def step(self, deadline, now):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == 3:
            raise asyncio.CancelledError()  # not an Exception: nothing may catch it
        return super().step(deadline, now)


async def test_restart_in_the_middle_of_a_sweep(bot, clock, team, reminders, database_url):
    clock.now = at("2026-11-23T10:00")
    for _ in range(4):
        await bot.complaints.register(team.coordinator, registration())
    reminders.sweep.policy = DiesOnThird()
    with pytest.raises(asyncio.CancelledError):
        await reminders.sweep.run(at("2026-12-14T09:00"))
    assert await outbox(bot, "deadline:") == []  # the half-done batch was rolled back
    await bot.close()

    # A new process: a fresh engine, a fresh scheduler, the same database.
    restarted = build(Settings(database_url=database_url))
    try:
        restarted.chat_platforms.extend(PLATFORMS)
        sweep = reminders_for(restarted).sweep
        report = await sweep.run(at("2026-12-14T09:05"))
        assert [s.stage for s in report.sent] == [Stage.ACK_ALARM] * 4
        again = await sweep.run(at("2026-12-14T09:06"))
        assert again.sent == []
        rows = await outbox(restarted, "deadline:")
        assert len(rows) == 4 * 2 * len(PLATFORMS)
        assert len({r.key for r in rows}) == len(rows)
    finally:
        await restarted.close()


class BrokenFor(NoticePolicy):
    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number

    def step(self, deadline, now):  # type: ignore[no-untyped-def]
        if deadline.dossier_number == self.number and deadline.kind == "ontvangstbevestiging":
            raise ValueError("a bad row")
        return super().step(deadline, now)


async def test_one_failing_deadline_does_not_block_the_others(bot, clock, team, reminders):
    clock.now = at("2026-11-23T10:00")
    numbers = [
        (await bot.complaints.register(team.coordinator, registration())).dossier.number
        for _ in range(3)
    ]
    reminders.sweep.policy = BrokenFor(numbers[1])
    report = await reminders.sweep.run(at("2026-12-14T09:00"))
    assert report.failed == 1
    assert sorted(s.dossier_number for s in report.sent) == [numbers[0], numbers[2]]
    # Looked at again a little later (not in a tight loop), and sent once it works.
    reminders.sweep.policy = NoticePolicy()
    assert (await reminders.sweep.run(at("2026-12-14T09:01"))).sent == []
    later = await reminders.sweep.run(at("2026-12-14T09:10"))
    assert [s.dossier_number for s in later.sent] == [numbers[1]]


async def test_a_failed_automatic_escalation_is_retried_after_its_lease(
    bot, clock, team, reminders
):
    from datetime import date, timedelta

    from bot.rules.actions import Acknowledge, Assign
    from bot.rules.deadlines import DeadlineKind
    from bot.rules.dossier import State

    clock.now = at("2026-11-23T10:00")
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    await bot.complaints.act(
        team.coordinator, number, Acknowledge(sent_on=date(2026, 11, 23), method="email")
    )
    await bot.complaints.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    status = DeadlineKind.STATUS_CHECK
    for moment in ("2026-12-07T09:00", "2026-12-09T09:00"):  # question, reminder
        assert [s.kind for s in (await reminders.sweep.run(at(moment))).sent] == [status]

    failures = []

    def flaky(event, dossier):  # type: ignore[no-untyped-def]
        if event.action == "escalate" and not failures:
            failures.append(event)
            raise RuntimeError("the database went away")
        return []

    bot.complaints.reactors.append(flaky)
    escalation = at("2026-12-11T09:00")
    report = await reminders.sweep.run(escalation)
    assert (report.failed, report.escalated, report.sent) == (1, [], [])
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.state is State.TOEGEWEZEN  # nothing of the attempt was kept
    # Reserved for a while, so neither this process nor another one tries at once...
    assert (await reminders.sweep.run(escalation + timedelta(minutes=1))).sent == []
    # ...and after the lease the next sweep escalates, once.
    report = await reminders.sweep.run(escalation + timedelta(minutes=6))
    assert report.escalated == [number]
    assert (await reminders.sweep.run(escalation + timedelta(minutes=20))).sent == []
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.state is State.GEESCALEERD
    assert [e.action for e in view.timeline].count("escalate") == 1
    told = [r for r in await outbox(bot, "deadline:") if r.key.endswith(":3:coordinators:slack")]
    assert len(told) == 1
