"""The ticks: APScheduler runs the sweep every minute and the digest at 08:30.

APScheduler holds no deadline, only two jobs in memory; the deadlines are in the
database, so a restart or a night down loses nothing (the first sweep after the
start catches up). Every replica runs its own scheduler; the claims in the
database decide who sends.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.catalogue import language, t
from bot.host import Plug
from bot.rules.workdays import AMSTERDAM, utcnow
from bot.use_cases.reminders.digest import Digest
from bot.use_cases.reminders.policy import NoticePeriods, NoticePolicy
from bot.use_cases.reminders.sweep import Sweep, SweepReport
from bot.use_cases.report.monthly import MonthlyReport

if TYPE_CHECKING:
    from bot.host import Klachtenbot
    from bot.use_cases.privacy.retention import Retention, RetentionReport

log = logging.getLogger(__name__)

RETENTION_AT = time(3, 0)  # Amsterdam: a quiet hour, before anyone works on a dossier


@dataclass
class Reminders:
    sweep: Sweep
    digest: Digest
    sweep_seconds: int
    digest_trigger: CronTrigger
    # Last month's report card for the directie, on the month's first working day.
    monthly: MonthlyReport | None = None
    scheduler: AsyncIOScheduler | None = None
    last_sweep_end: datetime | None = None
    last_report: SweepReport | None = None
    last_error: str | None = None
    sweeps: int = 0
    notices_sent: int = 0
    clock: Any = field(default=utcnow)
    # The retention period, run once a night (see bot/use_cases/privacy/retention.py).
    retention: Retention | None = None
    last_retention: RetentionReport | None = None
    _in_flight: asyncio.Task[None] | None = None

    async def tick(self) -> None:
        """One scheduled sweep; a failure is logged and the next tick tries again."""
        self._in_flight = asyncio.current_task()
        try:
            self.last_report = await self.sweep.run(self.clock())
            self.notices_sent += len(self.last_report.sent)
            self.last_error = None
        except Exception as error:  # the database may be away for a moment
            log.exception("sweep failed")
            self.last_error = type(error).__name__
        finally:
            self.sweeps += 1
            self.last_sweep_end = utcnow()

    async def morning(self) -> None:
        try:
            await self.digest.run(self.clock())
        except Exception:
            log.exception("morning digest failed")
        if self.monthly is not None:
            try:
                await self.monthly.run(self.clock())
            except Exception:
                log.exception("monthly report failed")

    async def nightly(self) -> None:
        """Anonymise what the retention period has passed; the next night catches up."""
        if self.retention is None:
            return
        try:
            self.last_retention = await self.retention.run(self.clock())
        except Exception:
            log.exception("retention failed")

    def start(self) -> None:
        scheduler = AsyncIOScheduler(timezone=AMSTERDAM)
        scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.sweep_seconds,
            id="sweep",
            next_run_time=datetime.now(AMSTERDAM),  # catch up at once after a start
            max_instances=1,
            coalesce=True,
        )
        scheduler.add_job(
            self.morning,
            self.digest_trigger,
            id="digest",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,  # started at 09:10: still today's digest
        )
        if self.retention is not None:
            scheduler.add_job(
                self.nightly,
                CronTrigger(hour=RETENTION_AT.hour, minute=RETENTION_AT.minute, timezone=AMSTERDAM),
                id="retention",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=6 * 3600,  # started later that morning: still tonight's run
            )
        scheduler.start()
        self.scheduler = scheduler

    async def stop(self) -> None:
        """Stop ticking, and let a sweep in flight finish before the database goes away."""
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        task = self._in_flight
        if task is not None and not task.done():
            await asyncio.wait([task], timeout=30)

    async def health(self) -> dict[str, Any]:
        running = self.scheduler is not None and self.scheduler.running
        job = self.scheduler.get_job("digest") if running and self.scheduler else None
        return {
            "running": running,
            "sweep_seconds": self.sweep_seconds,
            "sweeps": self.sweeps,
            "notices_sent": self.notices_sent,
            "last_sweep_end": self.last_sweep_end.isoformat() if self.last_sweep_end else None,
            "last_error": self.last_error,
            "chat_platforms": list(self.sweep.platforms),
            "next_digest": job.next_run_time.isoformat() if job and job.next_run_time else None,
            "retention": self._retention_health(),
        }

    def _retention_health(self) -> dict[str, Any] | None:
        """When it last ran and how many it anonymised or skipped: counts, never numbers."""
        report = self.last_retention
        if self.retention is None:
            return None
        if report is None:
            return {"last_run": None}
        return {
            "last_run": report.now.isoformat(),
            "anonymised": len(report.anonymised),
            "skipped": len(report.skipped),
            "failed": len(report.failed),
        }


def reminders_for(bot: Klachtenbot) -> Reminders:
    s = bot.settings
    terms = s.terms
    periods = NoticePeriods(
        acknowledgement_reminder_working_days=s.ack_reminder_working_days,
        status_reminder_working_days=s.status_reminder_working_days,
        status_escalation_working_days=s.status_escalation_working_days,
        decision_warning_days=s.decision_warning_days,
        notice_time=s.notice_time,
        calendar=terms.calendar,
    )
    lang = language(s.language)
    assert bot.sweeps is not None, "the composition root gives the bot its sweep's transactions"
    sweep = Sweep(
        bot.sweeps,
        terms,
        bot.complaints.reactors,
        bot.chat_platforms,
        NoticePolicy(periods),
        lang,
    )
    sweep.on_commit.append(bot.dispatcher.wake)
    digest = Digest(
        bot.complaints.uow, bot.chat_platforms, terms.calendar, lang, bot.digest_sections
    )
    trigger = CronTrigger(
        day_of_week="mon-fri",  # holidays and closed days: the digest itself stays quiet
        hour=s.digest_time.hour,
        minute=s.digest_time.minute,
        timezone=AMSTERDAM,
    )
    retention = bot.privacy.retention if bot.privacy is not None else None
    monthly = MonthlyReport(
        bot.reports, bot.complaints.uow, bot.chat_platforms, terms.calendar, lang
    )
    return Reminders(sweep, digest, s.sweep_seconds, trigger, monthly, retention=retention)


def plug(bot: Klachtenbot) -> Plug:
    """The ticks, from `serve`'s web app: its health section, and its start and stop."""
    reminders = reminders_for(bot)
    lang = language(bot.settings.language)
    health = {"scheduler": reminders.health}
    if not bot.settings.scheduler_enabled:
        return Plug(notes=(t("serve.scheduler_off", lang),), health=health)

    async def start(_app: Any) -> None:
        reminders.start()

    async def stop(_app: Any) -> None:
        await reminders.stop()

    def attach(app: Any) -> None:
        # The scheduler lives exactly as long as the web app (serve), not in the CLI.
        app.on_startup.append(start)
        app.on_cleanup.append(stop)

    note = t(
        "serve.scheduler_on",
        lang,
        seconds=reminders.sweep_seconds,
        at=f"{bot.settings.digest_time:%H:%M}",
    )
    return Plug(notes=(note,), health=health, web=(attach,))
