"""A sweep that dies half-way leaves nothing behind; the next one sends each notice once."""

from __future__ import annotations

import asyncio

import pytest

from bot.bootstrap import build
from bot.reminders import reminders_for
from bot.reminders.policy import NoticePolicy, Stage
from bot.settings import Settings
from tests.deadlines.conftest import PLATFORMS, at, outbox
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
