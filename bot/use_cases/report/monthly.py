"""Last month's report card for the directie, on the first working day of each month.

It rides along with the coordinators' morning digest (the same scheduled tick). Every
replica may run it; the outbox key names the month, so the directie gets one card a
month however many processes (or restarts) try.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.catalogue import t
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.workdays import WorkingCalendar, local_date
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.report.period import previous_month
from bot.use_cases.report.service import Reports
from bot.views.report_card import report_card


class MonthlyReport:
    def __init__(
        self,
        reports: Reports,
        uow: Callable[[], UnitOfWork],
        platforms: list[str],
        calendar: WorkingCalendar,
        lang: str = "nl",
    ) -> None:
        self.reports = reports
        self.uow = uow
        self.platforms = platforms
        self.calendar = calendar
        self.lang = lang

    async def run(self, now: datetime) -> Notice | None:
        """Queue last month's card; None on any day but the month's first working day."""
        today = local_date(now)
        if today != self.calendar.next_working_day(today.replace(day=1)):
            return None
        period = previous_month(today)
        report = await self.reports.figures(period, now)
        # A channel post has no single reader to sign a download link for: it says how
        # each of them gets the PDF.
        command = f"klacht rapport {period.start.isoformat()} {period.end.isoformat()}"
        note = t("report.pdf_ask", self.lang, command=command)
        card = report_card(report, self.lang, note=note)
        notice = Notice(audience=Audience.DIRECTIE, card=card)
        async with self.uow() as uow:
            for message in notice_messages(self.platforms, notice, f"report:{period.start:%Y-%m}"):
                await uow.outbox.add(message)
            await uow.commit()
        return notice
