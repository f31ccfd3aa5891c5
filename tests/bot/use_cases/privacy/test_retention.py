"""Retention: closed dossiers are anonymised once their period after closing is over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.rules.actions import SetHold
from bot.rules.dossier import State
from bot.use_cases.privacy.retention import months_before
from bot.use_cases.reminders import reminders_for
from tests.bot.use_cases.privacy.support import closed_dossier, tick_mirror
from tests.helpers import registration

CLOSED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # the test clock: when the dossiers close


def test_months_are_calendar_months():
    assert months_before(datetime(2029, 3, 31, tzinfo=UTC), 1) == datetime(2029, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2029, 1, 15, tzinfo=UTC), 24) == datetime(2027, 1, 15, tzinfo=UTC)
    assert months_before(datetime(2028, 3, 31, tzinfo=UTC), 13) == datetime(2027, 2, 28, tzinfo=UTC)


async def test_only_what_expired_goes_and_a_dry_run_changes_nothing(bot, team):
    expired = await closed_dossier(bot, team)
    kept_open = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    held = await closed_dossier(bot, team)
    await bot.complaints.act(team.coordinator, held, SetHold(reason="Geschillencommissie"))
    await tick_mirror(bot, team)
    # 24 months after closing (the default), to the minute.
    just_before = CLOSED.replace(year=2028) - timedelta(minutes=1)
    assert (await bot.privacy.retention.run(just_before)).anonymised == []

    at = CLOSED.replace(year=2028)
    dry = await bot.privacy.retention.run(at, dry_run=True)
    assert dry.anonymised == [expired]
    assert [(s.number, s.key) for s in dry.skipped] == [(held, "privacy.on_hold")]
    assert (await bot.complaints.view(team.coordinator, expired)).dossier.anonymised_at is None

    report = await bot.privacy.retention.run(at)
    assert report.anonymised == [expired] and report.failed == []
    gone = (await bot.complaints.view(team.coordinator, expired)).dossier
    assert gone.anonymised_at == CLOSED and gone.erased_by_id is None  # the bot's own clock
    assert gone.customer.name == "" and gone.customer.number is None
    assert gone.state is State.GESLOTEN and gone.complaint.product  # reports still count it
    for number in (kept_open, held):
        assert (await bot.complaints.view(team.coordinator, number)).dossier.anonymised_at is None
    assert (await bot.privacy.retention.run(at)).anonymised == []  # nothing twice


async def test_a_dossier_whose_mirror_is_behind_waits(bot, team):
    number = await closed_dossier(bot, team)  # no bridge: the checklist is not ticked off
    report = await bot.privacy.retention.run(datetime(2029, 1, 1, tzinfo=UTC))
    assert report.anonymised == []
    assert [(s.number, s.key) for s in report.skipped] == [(number, "privacy.mirror_behind")]
    await tick_mirror(bot, team)
    assert (await bot.privacy.retention.run(datetime(2029, 1, 1, tzinfo=UTC))).anonymised == [
        number
    ]


async def test_the_scheduler_runs_it_at_night_and_health_shows_counts(bot, team):
    number = await closed_dossier(bot, team)
    await tick_mirror(bot, team)
    reminders = reminders_for(bot)
    reminders.clock = lambda: datetime(2029, 1, 1, 2, 0, tzinfo=UTC)
    reminders.start()
    try:
        job = reminders.scheduler.get_job("retention")
        assert (job.next_run_time.hour, job.next_run_time.minute) == (3, 0)
    finally:
        await reminders.stop()
    await reminders.nightly()
    assert (await bot.complaints.view(team.coordinator, number)).dossier.anonymised_at
    health = (await reminders.health())["retention"]
    assert health == {
        "last_run": "2029-01-01T02:00:00+00:00",
        "anonymised": 1,
        "skipped": 0,
        "failed": 0,
    }
