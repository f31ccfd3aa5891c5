"""Working days: weekends, Dutch public holidays and the company's own closed days.

People think in Europe/Amsterdam dates; the database stores UTC instants. This
module is where the two meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Where working days are numbered from (see `WorkingCalendar.numbered`).
NUMBERING_START = date(2000, 1, 1)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NL", years=year))


class WorkingCalendar:
    """Adds and counts working days (Monday to Friday, not a holiday, not closed)."""

    def __init__(self, closed_days: Iterable[date] = ()) -> None:
        self.closed_days = frozenset(closed_days)

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        return day not in _public_holidays(day.year) and day not in self.closed_days

    def add(self, start: date, working_days: int) -> date:
        """The date `working_days` working days after `start` (start itself not counted)."""
        day = start
        remaining = working_days
        step = timedelta(days=1 if working_days >= 0 else -1)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1 if working_days > 0 else -1
        return day

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def numbered(self, first: date, last: date) -> dict[date, tuple[int, bool]]:
        """Each day from `first` to `last`: its working-day number, and whether it is one.

        The number counts the working days from `NUMBERING_START` up to and including
        the day, so `between(a, b)` is number(b) - number(a) and a database can count
        working days with a subtraction (the management report does).
        """
        number = self._working_days_before(first)
        numbered = {}
        day = first
        while day <= last:
            working = self.is_working_day(day)
            number += working
            numbered[day] = (number, working)
            day += timedelta(days=1)
        return numbered

    def _working_days_before(self, day: date) -> int:
        """Working days from `NUMBERING_START` up to the day before `day`."""
        weeks, rest = divmod((day - NUMBERING_START).days, 7)
        weekdays = 5 * weeks + sum(
            (NUMBERING_START + timedelta(days=i)).weekday() < 5 for i in range(rest)
        )
        off = set(self.closed_days)
        for year in range(NUMBERING_START.year, day.year + 1):
            off |= _public_holidays(year)
        return weekdays - sum(NUMBERING_START <= d < day and d.weekday() < 5 for d in off)

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def local_date(instant: datetime) -> date:
    """The Amsterdam calendar date of a UTC instant."""
    return instant.astimezone(AMSTERDAM).date()


def local_moment(day: date, at: time) -> datetime:
    """A wall-clock moment in Amsterdam on `day`, as a UTC instant (DST-aware)."""
    return datetime.combine(day, at, tzinfo=AMSTERDAM).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The instant a day ends in Amsterdam: midnight before the next day, in UTC."""
    return local_moment(day + timedelta(days=1), time(0, 0))


def utcnow() -> datetime:
    return datetime.now(UTC)
