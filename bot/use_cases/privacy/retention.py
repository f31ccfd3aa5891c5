"""The retention period: closed dossiers are anonymised a number of months after closing.

The scheduler runs it daily; `klachtenbot privacy retention [--now] [--dry-run]` shows
and runs it by hand. It reads only the closed dossiers that still hold personal data
and whose period is over, in closing order (an index holds exactly those), so a run
costs what expires, not what is kept. A dossier under a legal hold, or whose
Orthomatic mirror is not complete yet, is skipped and named in the report.
"""

from __future__ import annotations

import calendar
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.rules.errors import Refused
from bot.rules.people import SYSTEM
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.privacy.anonymise import Anonymiser
from bot.use_cases.privacy.ports import FreeSpace, PrivacyRepository

PAGE = 200  # expired dossiers read at a time


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier (31 March - 1 month: 28/29 Feb)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class Skipped:
    number: str
    key: str  # the catalogue key of why (privacy.on_hold, privacy.mirror_behind, ...)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class RetentionReport:
    now: datetime
    cutoff: datetime  # dossiers closed at or before this moment have expired
    dry_run: bool
    anonymised: list[str] = field(default_factory=list)  # or, in a dry run, would be
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # a fault; the next run tries again


class Retention:
    def __init__(
        self,
        uow: Callable[..., UnitOfWork],
        repository: Callable[[UnitOfWork], PrivacyRepository],
        anonymiser: Anonymiser,
        free_space: FreeSpace,
        months: int,
    ) -> None:
        self.uow = uow
        self.repository = repository
        self.anonymiser = anonymiser
        self.free_space = free_space
        self.months = months

    async def run(self, now: datetime, dry_run: bool = False) -> RetentionReport:
        report = RetentionReport(now, months_before(now, self.months), dry_run)
        after: tuple[datetime, str] | None = None
        while True:
            async with self.uow(readonly=True) as uow:
                page = await self.repository(uow).closed_before(report.cutoff, after, PAGE)
                if dry_run:
                    for dossier in page:
                        await self._one(
                            dossier.number, report, lambda d=dossier: self.anonymiser.check(uow, d)
                        )
            if not dry_run:
                for dossier in page:
                    await self._one(
                        dossier.number,
                        report,
                        lambda n=dossier.number: self.anonymiser.anonymise(SYSTEM, n),
                    )
            if len(page) < PAGE:
                break
            last = page[-1]
            assert last.closed_at is not None
            after = (last.closed_at, last.number)
        if report.anonymised and not dry_run:
            await self.free_space.scrub()
        return report

    async def _one(
        self, number: str, report: RetentionReport, work: Callable[[], Awaitable[Any]]
    ) -> None:
        """One dossier: anonymised (or, in a dry run, checked), skipped, or failed."""
        try:
            await work()
        except Refused as refused:
            report.skipped.append(Skipped(number, refused.key, dict(refused.params)))
            return
        except Exception:  # one dossier's fault must not keep the others
            report.failed.append(number)
            return
        report.anonymised.append(number)
