"""Repeat complaints, counted by hand: two dossiers of a customer repeat when the later one is
received on or before the same day a year after the earlier one. A period of at most a
year is counted per customer; a longer one per dossier. Both must agree."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.use_cases.report.period import Period
from bot.use_cases.surfaces import Surface
from tests.bot.use_cases.report import scenario
from tests.helpers import registration

TWO_YEARS = Period(date(2025, 1, 1), date(2026, 12, 31))


async def _repeats(bot, team, period: Period) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    f = (await bot.reports.report(team.coordinator, period, Surface.CLI)).figures
    return f.repeat_customers, f.repeat_dossiers


async def test_a_period_longer_than_a_year_counts_every_repeat(bot, team, clock):
    await scenario.walk(bot, team, clock)
    # Customers 100 (A, B, D) and 300 (F in March, E in May); C and G are alone.
    s = scenario
    assert await _repeats(bot, team, TWO_YEARS) == (2, [s.F, s.A, s.B, s.E, s.D])


async def test_a_single_dossier_repeats_through_one_after_the_period(bot, team, clock):
    await scenario.walk(bot, team, clock)
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert await _repeats(bot, team, march) == (1, [scenario.F])  # E follows in May


async def test_twelve_months_end_on_the_same_day_a_year_later(bot, team, clock):
    clock.now = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
    received = {
        "500": [date(2025, 3, 2), date(2026, 3, 2)],  # the same day a year later: repeats
        "600": [date(2025, 3, 2), date(2026, 3, 3)],  # a day more: does not
        "700": [date(2024, 2, 29), date(2025, 2, 28)],  # a leap day's year ends on 28 Feb
        "800": [date(2024, 2, 29), date(2025, 3, 1)],  # and not on 1 March
    }
    numbers: dict[tuple[str, date], str] = {}
    for customer, days in received.items():
        for day in days:
            done = await bot.complaints.register(
                team.coordinator, registration(received_on=day, customer_number=customer)
            )
            numbers[customer, day] = done.dossier.number

    march_2026 = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert await _repeats(bot, team, march_2026) == (1, [numbers["500", date(2026, 3, 2)]])
    feb_2025 = Period(date(2025, 2, 1), date(2025, 2, 28))
    assert await _repeats(bot, team, feb_2025) == (1, [numbers["700", date(2025, 2, 28)]])
    long = Period(date(2024, 1, 1), date(2026, 12, 31))
    assert await _repeats(bot, team, long) == (
        2,
        [
            numbers["700", date(2024, 2, 29)],
            numbers["700", date(2025, 2, 28)],
            numbers["500", date(2025, 3, 2)],
            numbers["500", date(2026, 3, 2)],
        ],
    )
