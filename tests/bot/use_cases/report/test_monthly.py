"""Last month's card reaches the directie once, on the month's first working day."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.use_cases.report.monthly import MonthlyReport
from storage.tables import outbox
from tests.bot.use_cases.report import scenario


def _monthly(bot) -> MonthlyReport:  # type: ignore[no-untyped-def]
    return MonthlyReport(
        bot.reports, bot.complaints.uow, ["slack", "teams"], bot.settings.terms.calendar
    )


async def _queued(bot) -> list:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as connection:
        rows = await connection.execute(
            select(outbox.c.key, outbox.c.payload).where(outbox.c.key.like("report:%"))
        )
        return rows.all()


async def test_the_first_working_day_of_june_brings_mays_card_once(bot, team, clock):
    await scenario.walk(bot, team, clock)
    monthly = _monthly(bot)
    # Monday 1 June 2026 is a working day; the card is queued at 08:30 in Amsterdam.
    first = datetime(2026, 6, 1, 6, 30, tzinfo=UTC)
    notice = await monthly.run(first)
    assert notice is not None and notice.audience == "directie"
    assert notice.card.title == "Klachtenrapport mei 2026"
    facts = {f.label: f.value for f in notice.card.facts}
    assert facts["Ontvangen"] == "3"  # C, E and D
    assert facts["Binnen 5 werkdagen bevestigd"] == "1 van 3 (33%)"
    assert notice.card.sections[-1].text == (
        "Het rapport als PDF: typ klacht rapport 2026-05-01 2026-05-31"
    )
    assert await monthly.run(first) is not None  # a second replica, or a restart
    queued = await _queued(bot)
    assert sorted(key for key, _ in queued) == ["report:2026-05:slack", "report:2026-05:teams"]
    assert {p["notice"]["audience"] for _, p in queued} == {"directie"}
    assert await monthly.run(datetime(2026, 6, 2, 6, 30, tzinfo=UTC)) is None


async def test_new_years_day_is_no_working_day_so_the_card_waits_for_monday(bot, team):
    monthly = _monthly(bot)
    assert await monthly.run(datetime(2027, 1, 1, 7, 30, tzinfo=UTC)) is None  # a Friday
    notice = await monthly.run(datetime(2027, 1, 4, 7, 30, tzinfo=UTC))  # Monday
    assert notice is not None and notice.card.title == "Klachtenrapport december 2026"
    assert sorted(key for key, _ in await _queued(bot)) == [
        "report:2026-12:slack",
        "report:2026-12:teams",
    ]
