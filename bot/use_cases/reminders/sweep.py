"""The sweep: send every notice that is due, exactly once, and plan the next look.

One transaction per batch of due deadlines: the claim, the outbox messages and
the row's new `notices`/`next_notice_at` commit together or not at all. Each
message's key names (deadline, notice number), so even a sweep repeated after a
crash cannot queue a notice twice. Delivery is the outbox dispatcher's business:
a chat platform that is down delays a notice but never blocks the sweep.

The automatic escalation is an action like any other, so it goes through
`Complaints.act` as the bot itself, and its notice and the row's advance are
written in that action's transaction. The batch only leases the row for it; the
action's request key (deadline, notice number) makes a second attempt, after a
crash or by another process once the lease ran out, a harmless repeat.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.catalogue import t
from bot.outbox.messages import Reactor
from bot.outbox.notices import notice_messages
from bot.rules.actions import Escalate
from bot.rules.deadlines import DeadlineKind, Terms
from bot.rules.dossier import Dossier
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import Change
from bot.use_cases.ports import Deadline, UnitOfWork
from bot.use_cases.reminders.cards import Recipients, notices_for
from bot.use_cases.reminders.policy import NoticePolicy, Stage, Step
from bot.use_cases.services import Complaints

log = logging.getLogger(__name__)

# A deadline whose handling failed (a bug, a bad row) is looked at again this much
# later, so it neither blocks the others nor spins.
RETRY_AFTER = timedelta(minutes=5)
# How long a batch reserves a deadline for its automatic escalation.
ESCALATION_LEASE = timedelta(minutes=5)


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


@dataclass(frozen=True)
class _Escalation:
    deadline: Deadline
    step: Step
    owner: Person | None


class Sweep:
    def __init__(
        self,
        uow: Callable[[], SweepWork],
        terms: Terms,
        reactors: list[Reactor],
        platforms: list[str],
        policy: NoticePolicy,
        lang: str = "nl",
        *,
        batch: int = 100,
        max_rounds: int = 1000,
    ) -> None:
        self.uow = uow
        self.terms = terms
        # The bot's lists themselves: integrations may still add to them after this.
        self.reactors = reactors
        self.platforms = platforms
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
            escalations: list[_Escalation] = []
            async with self.uow() as uow:
                claimed = await uow.claims.due(now, self.batch)
                for deadline in claimed:
                    await self._guarded(uow, deadline, now, report, escalations)
                await uow.commit()
            for escalation in escalations:
                await self._escalate(escalation, now, report)
            if report.sent:
                for callback in self.on_commit:
                    callback()
            if len(claimed) < self.batch:
                break
        return report

    async def _guarded(
        self,
        uow: SweepWork,
        deadline: Deadline,
        now: datetime,
        report: SweepReport,
        escalations: list[_Escalation],
    ) -> None:
        try:
            async with uow.claims.attempt():
                await self._one(uow, deadline, now, report, escalations)
        except Exception:
            log.exception("deadline %s of %s failed", deadline.id, deadline.dossier_number)
            report.failed += 1
            await uow.claims.advance(deadline.id, deadline.notices, now + RETRY_AFTER)

    async def _one(
        self,
        uow: SweepWork,
        deadline: Deadline,
        now: datetime,
        report: SweepReport,
        escalations: list[_Escalation],
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
        if step.escalates:
            # Reserved, not yet sent: the escalation's own transaction sends it.
            await uow.claims.advance(deadline.id, deadline.notices, now + ESCALATION_LEASE)
            escalations.append(_Escalation(deadline, step, owner))
            return
        await self._send(uow, step, deadline, dossier, owner)
        await uow.claims.advance(deadline.id, step.number, step.next_at)
        report.sent.append(_sent(deadline, step))

    async def _send(
        self, uow: SweepWork, step: Step, deadline: Deadline, dossier: Dossier, owner: Person | None
    ) -> None:
        assert step.stage is not None
        recipients = Recipients(owner=owner, lang=self.lang)
        for notice in notices_for(step.stage, deadline, dossier, recipients, self.policy.periods):
            key = f"deadline:{deadline.id}:{step.number}:{notice.audience.value}"
            for message in notice_messages(self.platforms, notice, key):
                await uow.outbox.add(message)

    async def _escalate(self, e: _Escalation, now: datetime, report: SweepReport) -> None:
        """Escalate through the procedure as the bot itself; tell the coordinator with it."""
        deadline, step = e.deadline, e.step

        async def tell_and_advance(uow: UnitOfWork, change: Change) -> None:
            work = _as_sweep_work(uow)
            await self._send(work, step, deadline, change.dossier, e.owner)
            await work.claims.advance(deadline.id, step.number, None)

        complaints = Complaints(self.uow, self.terms, self.reactors, clock=lambda: now)
        complaints.on_commit.extend(self.on_commit)
        reason = t(
            "reminders.status_escalation.reason", self.lang, owner=e.owner.name if e.owner else "-"
        )
        key = f"deadline:{deadline.id}:{step.number}:escalate"
        try:
            outcome = await complaints.act(
                SYSTEM,
                deadline.dossier_number,
                Escalate(reason=reason),
                request_key=key,
                also=tell_and_advance,
            )
        except Refused as refused:
            # The dossier moved on meanwhile: tell the coordinator, do not force it.
            log.warning(
                "automatic escalation of %s refused: %s", deadline.dossier_number, refused.key
            )
            await self._tell_only(deadline, step, e.owner)
        except Exception:  # the lease runs out and a later sweep tries again
            log.exception("automatic escalation of %s failed", deadline.dossier_number)
            report.failed += 1
            return
        else:
            if outcome.duplicate:
                return  # another attempt already did it all
            report.escalated.append(deadline.dossier_number)
        report.sent.append(_sent(deadline, step))

    async def _tell_only(self, deadline: Deadline, step: Step, owner: Person | None) -> None:
        async with self.uow() as uow:
            dossier = await uow.dossiers.get(deadline.dossier_number)
            if dossier is not None:
                await self._send(uow, step, deadline, dossier, owner)
            await uow.claims.advance(deadline.id, step.number, None)
            await uow.commit()


def _sent(deadline: Deadline, step: Step) -> Sent:
    assert step.stage is not None
    return Sent(deadline.dossier_number, deadline.kind, step.stage, step.number)


def _as_sweep_work(uow: UnitOfWork) -> SweepWork:
    # `Complaints` was built on the sweep's own unit of work, so the claims are there.
    assert hasattr(uow, "claims")
    return uow  # type: ignore[return-value]
