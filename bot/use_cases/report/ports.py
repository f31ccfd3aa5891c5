"""What the report needs from storage: its figures counted in SQL, and the working days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.use_cases.report.figures import Figures


@dataclass(frozen=True)
class FiguresQuery:
    """What to count: the dossiers received from `start` to `end`, as they stand at `now`."""

    start: date
    end: date
    now: datetime
    today: date  # `now`'s date in Amsterdam
    today_number: int  # today's working-day number (see `WorkingCalendar.numbered`)
    today_working: bool
    acknowledgement_working_days: int
    list_limit: int


class ReportQueries(Protocol):
    async def workdays(self, first: date, last: date) -> dict[date, tuple[int, bool]]: ...

    async def keep_workdays(self, days: Mapping[date, tuple[int, bool]]) -> None: ...

    async def figures(self, query: FiguresQuery) -> Figures: ...
