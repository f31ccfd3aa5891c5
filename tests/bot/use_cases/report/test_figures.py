"""Every figure of the report, counted in SQL on both engines, against the hand count."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.rules.actions import Acknowledge
from bot.rules.deadlines import Terms
from bot.rules.errors import Refused
from bot.rules.people import Operator
from bot.rules.workdays import WorkingCalendar
from bot.use_cases.access_log import AccessLog, ReadQuery
from bot.use_cases.report.period import Period
from bot.use_cases.report.service import Reports
from bot.use_cases.surfaces import Surface
from tests.bot.use_cases.report import scenario
from tests.bot.use_cases.report.expected import REPORT
from tests.helpers import registration


async def test_every_figure_is_the_hand_count(bot, team, clock):
    await scenario.walk(bot, team, clock)
    report = await bot.reports.report(team.directie, scenario.PERIOD, Surface.CLI)
    assert report.as_json() == REPORT


async def test_a_report_reads_no_customer_name_and_no_complaint_text(bot, team, clock):
    await scenario.walk(bot, team, clock)
    text = str((await bot.reports.report(team.coordinator, scenario.PERIOD, Surface.CLI)).as_json())
    for private in ("Bakker", "Schoen knelt", "06-12345678", "Tevreden", "Opgelost"):
        assert private not in text


async def test_only_the_coordinator_and_the_directie_read_the_report(bot, team):
    for reader in (team.owner, team.beheerder):
        with pytest.raises(Refused) as refused:
            await bot.reports.report(reader, scenario.PERIOD, Surface.CLI)
        assert refused.value.key == "report.forbidden"


async def test_the_acknowledgement_term_ends_with_its_last_working_day(bot, team, clock):
    # Received on Tuesday 2 June: the fifth working day after it is Tuesday 9 June.
    clock.now = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    await bot.complaints.register(team.coordinator, registration(received_on=date(2026, 6, 2)))
    june = Period(date(2026, 6, 1), date(2026, 6, 30))

    async def counted() -> tuple[int, int]:
        total = (await bot.reports.report(team.coordinator, june, Surface.CLI)).total
        return total.acknowledgement_pending, total.acknowledgement_overdue

    clock.now = datetime(2026, 6, 9, 20, 0, tzinfo=UTC)  # 22:00 on the last day
    assert await counted() == (1, 0)
    clock.now = datetime(2026, 6, 9, 22, 30, tzinfo=UTC)  # 00:30 on Wednesday
    assert await counted() == (0, 1)


async def test_an_acknowledgement_on_the_saturday_after_the_term_is_late(bot, team, clock):
    # Received Friday 5 June; the term's fifth working day is Friday 12 June.
    clock.now = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
    await bot.complaints.register(team.coordinator, registration(received_on=date(2026, 6, 5)))
    ack = Acknowledge(sent_on=date(2026, 6, 13), method="post")
    await bot.complaints.act(team.coordinator, "K-2026-0001", ack)
    total = (
        await bot.reports.report(
            team.coordinator, Period(date(2026, 6, 1), date(2026, 6, 30)), Surface.CLI
        )
    ).total
    assert (total.acknowledged_within_term, total.acknowledged_late) == (0, 1)
    assert total.acknowledgement_working_days_median == 5  # Saturday counts as Friday


async def test_a_closed_day_counts_from_the_next_report_on(bot, team, clock):
    await scenario.walk(bot, team, clock)
    # The company closes on Wednesday 8 April: A was acknowledged after 3 working days.
    closed = Terms(calendar=WorkingCalendar([date(2026, 4, 8)]))
    with_closed_day = Reports(bot.reports.queries, closed, bot.reports.clock)
    april = Period(date(2026, 4, 1), date(2026, 4, 30))
    assert (await with_closed_day.report(team.coordinator, april, Surface.CLI)).total.model_dump()[
        "acknowledgement_working_days_median"
    ] == 3
    assert (await bot.reports.report(team.coordinator, april, Surface.CLI)).total.model_dump()[
        "acknowledgement_working_days_median"
    ] == 4


async def test_an_empty_period_counts_nothing_and_names_every_month(bot, team):
    report = await bot.reports.report(
        team.coordinator, Period(date(2025, 11, 1), date(2026, 1, 31)), Surface.CLI
    )
    data = report.as_json()
    assert data["received"] == 0
    assert data["acknowledged_within_term_pct"] is None
    assert data["acknowledgement_working_days_median"] is None
    assert [m["month"] for m in data["months"]] == ["2025-11", "2025-12", "2026-01"]
    assert data["by_channel"] == {
        "telefoon": 0, "website": 0, "ontevredenheidsformulier": 0, "brief": 0,
    }  # fmt: skip


async def test_reading_the_report_logs_each_dossier_it_names(bot, team, clock):
    await scenario.walk(bot, team, clock)
    report = await bot.reports.report(team.directie, scenario.PERIOD, Surface.SLACK)
    f = report.figures
    named = {*f.overdue_dossiers, *f.escalated_dossiers, *f.repeat_dossiers}
    assert named, "the scenario names dossiers in its lists"
    found = await AccessLog(bot.complaints.uow).find(
        Operator(), ReadQuery(person_id=team.directie.id)
    )
    assert {(r.dossier_number, r.surface, r.what) for r in found} == {
        (number, "slack", "report") for number in named
    }
    # The operator at the command line is no person the log can name: nothing logged.
    one = ReadQuery(dossier_number=sorted(named)[0])
    before = len(await AccessLog(bot.complaints.uow).find(Operator(), one))
    await bot.reports.report(None, scenario.PERIOD, Surface.CLI)
    assert len(await AccessLog(bot.complaints.uow).find(Operator(), one)) == before
