"""Working days across Dutch public holidays, year ends and summer time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.catalogue import format_datetime
from bot.rules.deadlines import Terms
from bot.rules.workdays import WorkingCalendar, end_of_day, local_date, local_moment

CAL = WorkingCalendar()


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        (date(2026, 11, 23), date(2026, 11, 30), "an ordinary week"),
        (date(2026, 4, 22), date(2026, 4, 30), "Koningsdag, Monday 27 April"),
        (date(2026, 3, 31), date(2026, 4, 9), "Good Friday and Easter Monday"),
        (date(2026, 5, 11), date(2026, 5, 19), "Hemelvaart, Thursday 14 May"),
        (date(2026, 5, 20), date(2026, 5, 28), "Pinksteren, Monday 25 May"),
        (date(2026, 12, 23), date(2026, 12, 31), "Christmas on Friday 25 December"),
        (date(2026, 12, 28), date(2027, 1, 5), "the year boundary and New Year's Day"),
        (date(2026, 11, 28), date(2026, 12, 4), "received on a Saturday"),
    ],
)
def test_acknowledgement_term_skips_weekends_and_holidays(received, due, why):
    assert Terms().acknowledgement_due(received) == due, why


def test_holidays_are_not_working_days_and_their_neighbours_are():
    assert not CAL.is_working_day(date(2026, 4, 27))  # Koningsdag
    assert not CAL.is_working_day(date(2026, 5, 14))  # Hemelvaart
    assert not CAL.is_working_day(date(2026, 5, 25))  # Pinkstermaandag
    assert not CAL.is_working_day(date(2026, 12, 25))
    assert not CAL.is_working_day(date(2027, 1, 1))
    assert CAL.is_working_day(date(2026, 4, 28))
    assert CAL.is_working_day(date(2026, 12, 24))
    assert CAL.is_working_day(date(2026, 12, 31))


def test_closed_days_and_counting_back():
    closed = WorkingCalendar([date(2026, 12, 28), date(2026, 12, 29)])
    assert closed.add(date(2026, 12, 23), 5) == date(2027, 1, 5)
    assert CAL.add(date(2026, 11, 30), -1) == date(2026, 11, 27)  # Monday back to Friday
    assert CAL.add(date(2027, 1, 4), -1) == date(2026, 12, 31)  # back over New Year
    assert CAL.between(date(2026, 12, 23), date(2027, 1, 5)) == 7
    assert CAL.next_working_day(date(2026, 12, 25)) == date(2026, 12, 28)


def test_moments_across_the_change_to_summer_time():
    # Summer time starts on Sunday 29 March 2026 at 02:00.
    assert local_moment(date(2026, 3, 27), time(9)) == datetime(2026, 3, 27, 8, 0, tzinfo=UTC)
    assert local_moment(date(2026, 3, 30), time(9)) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert end_of_day(date(2026, 3, 28)) == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert end_of_day(date(2026, 3, 29)) == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)


def test_moments_across_the_change_from_summer_time():
    # Summer time ends on Sunday 25 October 2026 at 03:00.
    assert end_of_day(date(2026, 10, 24)) == datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    assert end_of_day(date(2026, 10, 25)) == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    assert local_date(datetime(2026, 10, 24, 22, 30, tzinfo=UTC)) == date(2026, 10, 25)
    assert local_date(datetime(2026, 10, 25, 22, 30, tzinfo=UTC)) == date(2026, 10, 25)
    morning = local_moment(date(2026, 10, 26), time(9))
    assert morning == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    assert format_datetime(morning) == "ma 26 oktober 2026 09:00"
    assert format_datetime(local_moment(date(2026, 10, 23), time(9))) == "vr 23 oktober 2026 09:00"
