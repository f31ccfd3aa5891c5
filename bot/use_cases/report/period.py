"""The period a report covers, and how people name it.

`rapport` alone or `rapport maand` is the running month up to today, `kwartaal` and
`jaar` the running quarter and year; `rapport 2026-01-01 2026-03-31` any period.
The monthly card covers the whole previous month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.rules.errors import Refused

# The longest period one report covers: a few audit cycles, and a bounded calendar.
MAX_YEARS = 10

_WORDS = {
    "maand": "month",
    "month": "month",
    "kwartaal": "quarter",
    "quarter": "quarter",
    "jaar": "year",
    "year": "year",
}


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise Refused("report.period_order", start=self.start, end=self.end)
        if self.end > self.start.replace(year=self.start.year + MAX_YEARS):
            raise Refused("report.period_too_long", years=MAX_YEARS)

    def months(self) -> list[str]:
        """Every month the period touches, as "2026-01", in order."""
        found, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    @property
    def key(self) -> str:
        """The period as one word: a link or an outbox key names it so."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @classmethod
    def from_key(cls, key: str) -> Period:
        start, _, end = key.partition("..")
        return cls(date.fromisoformat(start), date.fromisoformat(end))


def previous_month(today: date) -> Period:
    """The whole month before `today`'s: what the directie's monthly card shows."""
    last = today.replace(day=1) - timedelta(days=1)
    return Period(last.replace(day=1), last)


def running(unit: str, today: date) -> Period:
    """The month, quarter or year that `today` is in, up to and including today."""
    if unit == "year":
        return Period(today.replace(month=1, day=1), today)
    if unit == "quarter":
        first = 3 * ((today.month - 1) // 3) + 1
        return Period(today.replace(month=first, day=1), today)
    return Period(today.replace(day=1), today)


def period(args: tuple[str, ...], today: date) -> Period | None:
    """The period people typed (`maand|kwartaal|jaar|VAN TOT`); None when it is none of those.

    A period that is typed but impossible (the end before the start, longer than
    `MAX_YEARS`) is refused with its reason.
    """
    if not args:
        return running("month", today)
    if len(args) == 1:
        unit = _WORDS.get(args[0].lower())
        return running(unit, today) if unit else None
    if len(args) == 2:
        try:
            start, end = date.fromisoformat(args[0]), date.fromisoformat(args[1])
        except ValueError:
            return None
        return Period(start, end)
    return None
