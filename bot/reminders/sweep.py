"""The sweep: send every notice that is due, exactly once, and plan the next look.

One transaction per batch of due deadlines: the claim, the outbox messages, an
automatic escalation and the row's new `notices`/`next_notice_at` commit
together or not at all. Each message's key names (deadline, notice number), so
even a sweep repeated after a crash cannot queue a notice twice. Delivery is the
outbox dispatcher's business: a chat platform that is down delays a notice but
never blocks the sweep.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.actions import Escalate
from bot.catalogue import t
from bot.deadlines import DeadlineKind
from bot.dossier import Dossier
from bot.errors import Refused
from bot.notices import notice_messages
from bot.people import SYSTEM, Person
from bot.ports import Deadline, UnitOfWork
from bot.procedure import apply
from bot.reminders.cards import Recipients, notices_for
from bot.reminders.policy import NoticePolicy, Stage, Step
from bot.services import Complaints

log = logging.getLogger(__name__)

# A deadline whose handling failed (a bug, a bad row) is looked at again this much
# later, so it neither blocks the others nor spins.
RETRY_AFTER = timedelta(minutes=5)


class Claims(Protocol):
    async def due(self, now: datetime, limit: int) -> list[Deadline]: ...
    async def advance(self, deadline_id: int, notices: int, next_at: datetime | None) -> None: ...
    def attempt(self) -> AbstractAsyncContextManager[None]: ...


class SweepWork(UnitOfWork, Protocol):
    claims: Claims


@dataclass(frozen=True)
class Sent:
    dossier_number: str
    kind: DeadlineKind
    stage: Stage
    notice: int  # the notice's number within its deadline


@dataclass
class SweepReport:
    now: datetime
    sent: list[Sent] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)
    planned: int = 0  # deadlines only rescheduled (nothing due yet)
    failed: int = 0
    no_platforms: bool = False  # no chat platform configured: nothing was sent


class Sweep:
    def __init__(
        self,
        uow: Callable[[], SweepWork],
        complaints: Complaints,
        platforms: list[str],
        policy: NoticePolicy,
        lang: str = "nl",
        *,
        batch: int = 100,
        max_rounds: int = 1000,
    ) -> None:
        self.uow = uow
        self.complaints = complaints
        self.platforms = platforms  # the bot's list itself: integrations may add to it later
        self.policy = policy
        self.lang = lang
        self.batch = batch
        self.max_rounds = max_rounds
        self.on_commit: list[Callable[[], None]] = []

    async def run(self, now: datetime) -> SweepReport:
        report = SweepReport(now=now)
        if not self.platforms:
            # Nobody can be told: leave every notice due rather than lose it.
            report.no_platforms = True
            return report
        for _ in range(self.max_rounds):
            async with self.uow() as uow:
                claimed = await uow.claims.due(now, self.batch)
                for deadline in claimed:
                    await self._guarded(uow, deadline, now, report)
                await uow.commit()
            if report.sent:
                for callback in self.on_commit:
                    callback()
            if len(claimed) < self.batch:
                break
        return report

    async def _guarded(
        self, uow: SweepWork, deadline: Deadline, now: datetime, report: SweepReport
    ) -> None:
        try:
            async with uow.claims.attempt():
                await self._one(uow, deadline, now, report)
        except Exception:
            log.exception("deadline %s of %s failed", deadline.id, deadline.dossier_number)
            report.failed += 1
            await uow.claims.advance(deadline.id, deadline.notices, now + RETRY_AFTER)

    async def _one(
        self, uow: SweepWork, deadline: Deadline, now: datetime, report: SweepReport
    ) -> None:
        dossier = await uow.dossiers.get(deadline.dossier_number)
        if dossier is None or not dossier.is_open:
            await uow.claims.advance(deadline.id, deadline.notices, None)
            return
        step = self.policy.step(deadline, now)
        if step.stage is None:
            report.planned += 1
            await uow.claims.advance(deadline.id, step.number, step.next_at)
            return
        owner = await uow.people.get(dossier.owner_id) if dossier.owner_id else None
        if step.escalates and await self._escalate(uow, dossier, owner, now):
            report.escalated.append(dossier.number)
        await self._send(uow, step, deadline, dossier, owner)
        await uow.claims.advance(deadline.id, step.number, step.next_at)
        assert step.stage is not None
        report.sent.append(Sent(dossier.number, deadline.kind, step.stage, step.number))

    async def _send(
        self, uow: SweepWork, step: Step, deadline: Deadline, dossier: Dossier, owner: Person | None
    ) -> None:
        assert step.stage is not None
        recipients = Recipients(owner=owner, lang=self.lang)
        for notice in notices_for(step.stage, deadline, dossier, recipients, self.policy.periods):
            key = f"deadline:{deadline.id}:{step.number}:{notice.audience.value}"
            for message in notice_messages(self.platforms, notice, key):
                await uow.outbox.add(message)

    async def _escalate(
        self, uow: SweepWork, dossier: Dossier, owner: Person | None, now: datetime
    ) -> bool:
        """Escalate through the procedure, as the bot itself, in this same transaction."""
        reason = t(
            "reminders.status_escalation.reason", self.lang, owner=owner.name if owner else "-"
        )
        try:
            change = apply(dossier, Escalate(reason=reason), SYSTEM, now, self.complaints.terms)
        except Refused as refused:  # e.g. the dossier moved on meanwhile; tell, do not force
            log.warning("automatic escalation of %s refused: %s", dossier.number, refused.key)
            return False
        await uow.dossiers.save(change.dossier)
        # The core's own recording: the event, its deadline changes, its reactors' outbox.
        await self.complaints._record(uow, change, SYSTEM, now)
        return True
