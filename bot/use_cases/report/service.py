"""The management report: who may read it, and its figures for a period, counted in SQL.

The coordinator watches the whole process and the directie reviews it, so those two
read the report; nobody else, whatever chat or command asks. The report holds
numbers and dossier numbers only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime

from bot.rules.deadlines import Terms
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.procedure import may_read_report
from bot.rules.workdays import local_date, utcnow
from bot.use_cases.read_log import Access, Seen
from bot.use_cases.report.figures import LIST_LIMIT, Month, Report
from bot.use_cases.report.period import Period
from bot.use_cases.report.ports import FiguresQuery, ReportQueries
from bot.use_cases.surfaces import Surface

# One read-only transaction with the report's queries in it.
QueriesFactory = Callable[[], AbstractAsyncContextManager[ReportQueries]]
# The read log (`Complaints.record_read`): who saw which dossiers, through which surface.
RecordRead = Callable[[Person, list[str], Access], Awaitable[None]]


class Reports:
    def __init__(
        self,
        queries: QueriesFactory,
        terms: Terms,
        clock: Callable[[], datetime] = utcnow,
        list_limit: int = LIST_LIMIT,
        record_read: RecordRead | None = None,
    ) -> None:
        self.queries = queries
        self.record_read = record_read
        self.terms = terms
        self.clock = clock
        self.list_limit = list_limit

    def check_reader(self, reader: Person | None) -> None:
        """Refuse anyone but a coordinator or the directie, before anything else is asked.

        None is the operator at the command line, who has the whole database anyway.
        """
        if reader is not None and not may_read_report(reader):
            raise Refused("report.forbidden")

    async def report(self, reader: Person | None, period: Period, surface: Surface) -> Report:
        """The report for `period` as it stands now, for a coordinator or the directie.

        Reading it is a read like any other: each dossier it names (overdue, escalated,
        repeated) gets its line in the read log before the report is handed out. The
        operator at the command line (None) is no person the log can name.
        """
        self.check_reader(reader)
        report = await self.figures(period)
        if reader is not None and self.record_read is not None:
            await self.record_read(reader, report.named_dossiers, Access(surface, Seen.REPORT))
        return report

    async def figures(self, period: Period, now: datetime | None = None) -> Report:
        """The report without asking who reads it: for the bot's own monthly card."""
        now = now or self.clock()
        today = local_date(now)
        numbered = self.terms.calendar.numbered(period.start, max(period.end, today))
        async with self.queries() as queries:
            await self._keep_calendar(queries, numbered)
            today_number, today_working = numbered.get(today, (0, False))
            figures = await queries.figures(
                FiguresQuery(
                    start=period.start,
                    end=period.end,
                    now=now,
                    today=today,
                    today_number=today_number,
                    today_working=today_working,
                    acknowledgement_working_days=self.terms.acknowledgement_working_days,
                    list_limit=self.list_limit,
                )
            )
        counted = {m.month: m for m in figures.months}
        figures.months = [counted.get(m, Month(month=m)) for m in period.months()]
        return Report(
            start=period.start,
            end=period.end,
            as_of=now,
            acknowledgement_working_days=self.terms.acknowledgement_working_days,
            figures=figures,
        )

    async def _keep_calendar(
        self, queries: ReportQueries, numbered: dict[date, tuple[int, bool]]
    ) -> None:
        """Store the working-day numbers the report needs; only days that changed are written."""
        stored = await queries.workdays(min(numbered), max(numbered))
        changed = {day: n for day, n in numbered.items() if stored.get(day) != n}
        await queries.keep_workdays(changed)
