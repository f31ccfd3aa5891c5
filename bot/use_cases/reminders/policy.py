"""The notice policy: for one deadline, which notice is due now and when to look next.

Pure: no clock, no database. The sweep hands in a deadline row and `now`, and
writes what comes back. A deadline's notices are numbered 1, 2, ... in the order
of its schedule; the row's `notices` says how many were sent, so the number of
the next one is known and each number is sent at most once.

Two kinds of schedule:

- fixed to the due date (acknowledgement, evaluation, decision term): after a
  night or a week with the bot down, only the latest notice whose moment has
  passed goes out; the earlier ones are superseded ("one working day left" is
  no use once the day has passed).
- counted from the previous notice (the status check): "no answer within 2
  working days" starts when the question was actually asked, so downtime only
  delays the chain and never skips the owner's chance to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.rules.deadlines import DeadlineKind
from bot.rules.workdays import WorkingCalendar, local_date, local_moment
from bot.use_cases.ports import Deadline


class Stage(StrEnum):
    """What one notice is; also the catalogue prefix of its texts."""

    ACK_REMINDER = "ack_reminder"  # one working day left to acknowledge
    ACK_ALARM = "ack_alarm"  # the acknowledgement term was missed
    STATUS_QUESTION = "status_question"  # "Hoe staat het met K-...?"
    STATUS_REMINDER = "status_reminder"  # no answer within 2 working days
    STATUS_ESCALATION = "status_escalation"  # still none: coordinator told, escalated
    EVALUATION_REMINDER = "evaluation_reminder"  # handled, but no evaluation recorded
    DECISION_WARNING = "decision_warning"  # one week left for the written decision
    DECISION_ALARM = "decision_alarm"  # the decision term was missed


@dataclass(frozen=True)
class NoticePeriods:
    """The periods between notices; settings, with the procedure's defaults."""

    acknowledgement_reminder_working_days: int = 1
    status_reminder_working_days: int = 2
    status_escalation_working_days: int = 2
    decision_warning_days: int = 7
    notice_time: time = time(9, 0)  # Europe/Amsterdam
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)


@dataclass(frozen=True)
class Step:
    """What the sweep does with one deadline now."""

    stage: Stage | None  # the notice to send now; None: nothing yet
    number: int  # the row's `notices` afterwards (the number of `stage`)
    next_at: datetime | None  # when to look again; None: nothing more to send

    @property
    def escalates(self) -> bool:
        return self.stage is Stage.STATUS_ESCALATION


_SCHEDULES: dict[DeadlineKind, tuple[Stage, ...]] = {
    DeadlineKind.ACKNOWLEDGEMENT: (Stage.ACK_REMINDER, Stage.ACK_ALARM),
    DeadlineKind.STATUS_CHECK: (
        Stage.STATUS_QUESTION,
        Stage.STATUS_REMINDER,
        Stage.STATUS_ESCALATION,
    ),
    DeadlineKind.EVALUATION: (Stage.EVALUATION_REMINDER,),
    DeadlineKind.DECISION: (Stage.DECISION_WARNING, Stage.DECISION_ALARM),
}


def schedule(kind: DeadlineKind) -> tuple[Stage, ...]:
    return _SCHEDULES[kind]


class NoticePolicy:
    def __init__(self, periods: NoticePeriods | None = None) -> None:
        self.periods = periods or NoticePeriods()

    def step(self, deadline: Deadline, now: datetime) -> Step:
        stages = schedule(deadline.kind)
        sent = deadline.notices
        if sent >= len(stages):
            return Step(None, sent, None)
        if deadline.kind is DeadlineKind.STATUS_CHECK:
            return self._chained(deadline, stages, now)
        moments = [self._fixed_moment(stage, deadline.due_on) for stage in stages]
        passed = [n for n in range(sent, len(stages)) if moments[n] <= now]
        if not passed:
            return Step(None, sent, moments[sent])
        n = passed[-1]  # later notices supersede earlier ones missed while down
        following = moments[n + 1] if n + 1 < len(stages) else None
        return Step(stages[n], n + 1, following)

    # -- moments -----------------------------------------------------------------------

    def _at(self, day: date) -> datetime:
        return local_moment(day, self.periods.notice_time)

    def _fixed_moment(self, stage: Stage, due_on: date) -> datetime:
        p, cal = self.periods, self.periods.calendar
        moments: dict[Stage, Callable[[], date]] = {
            # "One working day left": the morning of the working day(s) before the last one.
            Stage.ACK_REMINDER: lambda: cal.add(due_on, -p.acknowledgement_reminder_working_days),
            # Missed: the first working morning after the due day has ended.
            Stage.ACK_ALARM: lambda: cal.next_working_day(due_on + timedelta(days=1)),
            Stage.EVALUATION_REMINDER: lambda: cal.next_working_day(due_on + timedelta(days=1)),
            Stage.DECISION_WARNING: lambda: _working_on_or_before(
                cal, due_on - timedelta(days=p.decision_warning_days)
            ),
            Stage.DECISION_ALARM: lambda: cal.next_working_day(due_on + timedelta(days=1)),
        }
        return self._at(moments[stage]())

    def _chained(self, deadline: Deadline, stages: tuple[Stage, ...], now: datetime) -> Step:
        p, cal = self.periods, self.periods.calendar
        sent = deadline.notices
        if sent == 0:
            moment = self._at(cal.next_working_day(deadline.due_on))
        else:
            # Set when the previous notice went out; fall back to "now" if it was cleared.
            moment = deadline.next_notice_at or now
        if moment > now:
            return Step(None, sent, moment)
        number = sent + 1
        if number >= len(stages):
            return Step(stages[sent], number, None)
        wait = (
            p.status_reminder_working_days
            if stages[number] is Stage.STATUS_REMINDER
            else p.status_escalation_working_days
        )
        return Step(stages[sent], number, self._at(cal.add(local_date(now), wait)))


def _working_on_or_before(calendar: WorkingCalendar, day: date) -> date:
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day
