"""The notice policy on its own: which notice, when, and what after downtime."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.rules.deadlines import DeadlineKind
from bot.rules.workdays import end_of_day
from bot.use_cases.ports import Deadline
from bot.use_cases.reminders.policy import NoticePolicy, Stage
from tests.bot.use_cases.reminders.conftest import at

POLICY = NoticePolicy()


def deadline(kind: DeadlineKind, due_on: date, notices: int = 0, next_at=None) -> Deadline:  # type: ignore[no-untyped-def]
    return Deadline(
        id=1,
        dossier_number="K-2026-0001",
        kind=kind,
        due_on=due_on,
        due_at=end_of_day(due_on),
        notices=notices,
        next_notice_at=next_at,
    )


def test_acknowledgement_reminder_then_alarm():
    ack = deadline(DeadlineKind.ACKNOWLEDGEMENT, date(2026, 11, 30))
    early = POLICY.step(ack, at("2026-11-24T10:00"))
    assert (early.stage, early.number, early.next_at) == (None, 0, at("2026-11-27T09:00"))
    reminder = POLICY.step(ack, at("2026-11-27T09:00"))
    assert (reminder.stage, reminder.number) == (Stage.ACK_REMINDER, 1)
    assert reminder.next_at == at("2026-12-01T09:00")  # the first morning after the due day
    alarm = POLICY.step(ack.model_copy(update={"notices": 1}), at("2026-12-01T09:00"))
    assert (alarm.stage, alarm.number, alarm.next_at) == (Stage.ACK_ALARM, 2, None)
    done = POLICY.step(ack.model_copy(update={"notices": 2}), at("2027-01-01T09:00"))
    assert (done.stage, done.next_at) == (None, None)


def test_after_downtime_only_the_latest_fixed_notice_goes_out():
    ack = deadline(DeadlineKind.ACKNOWLEDGEMENT, date(2026, 11, 30))
    step = POLICY.step(ack, at("2026-12-03T14:00"))
    assert (step.stage, step.number, step.next_at) == (Stage.ACK_ALARM, 2, None)


def test_status_check_chain_counts_from_the_question_actually_asked():
    check = deadline(DeadlineKind.STATUS_CHECK, date(2026, 12, 8))
    assert POLICY.step(check, at("2026-12-08T08:59")).stage is None
    # The bot was down for two days: the question goes out late, the chain starts then.
    question = POLICY.step(check, at("2026-12-10T11:00"))
    assert (question.stage, question.number) == (Stage.STATUS_QUESTION, 1)
    assert question.next_at == at("2026-12-14T09:00")  # two working days later
    asked = check.model_copy(update={"notices": 1, "next_notice_at": question.next_at})
    assert POLICY.step(asked, at("2026-12-11T09:00")).stage is None
    reminder = POLICY.step(asked, at("2026-12-14T09:00"))
    assert (reminder.stage, reminder.next_at) == (Stage.STATUS_REMINDER, at("2026-12-16T09:00"))
    reminded = asked.model_copy(update={"notices": 2, "next_notice_at": reminder.next_at})
    last = POLICY.step(reminded, at("2026-12-16T09:00"))
    assert (last.stage, last.number, last.next_at) == (Stage.STATUS_ESCALATION, 3, None)
    assert last.escalates


def test_status_chain_over_christmas():
    check = deadline(DeadlineKind.STATUS_CHECK, date(2026, 12, 24), 1, at("2026-12-24T09:00"))
    reminder = POLICY.step(check, at("2026-12-24T09:00"))
    assert reminder.next_at == at("2026-12-29T09:00")  # 25th holiday, weekend, Mon 28th


def test_decision_warning_a_week_before_and_alarm_after():
    decision = deadline(DeadlineKind.DECISION, date(2027, 1, 4))
    warning = POLICY.step(decision, at("2026-12-28T09:00"))
    assert (warning.stage, warning.next_at) == (Stage.DECISION_WARNING, at("2027-01-05T09:00"))
    alarm = POLICY.step(decision.model_copy(update={"notices": 1}), at("2027-01-05T09:00"))
    assert alarm.stage is Stage.DECISION_ALARM


def test_notice_moments_stay_at_nine_across_summer_time():
    # Due Monday 2 November 2026: the warning falls on Monday 26 October, after the change.
    decision = deadline(DeadlineKind.DECISION, date(2026, 11, 2))
    step = POLICY.step(decision, at("2026-10-20T09:00"))
    assert step.next_at == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)  # 09:00 winter time
    ack = deadline(DeadlineKind.ACKNOWLEDGEMENT, date(2026, 3, 30))
    assert POLICY.step(ack, at("2026-03-20T09:00")).next_at == datetime(
        2026,
        3,
        27,
        8,
        0,
        tzinfo=UTC,  # Friday before, still winter time
    )


def test_evaluation_reminder_after_the_working_days():
    evaluation = deadline(DeadlineKind.EVALUATION, date(2027, 1, 13))
    assert POLICY.step(evaluation, at("2027-01-13T16:00")).stage is None
    step = POLICY.step(evaluation, at("2027-01-14T09:00"))
    assert (step.stage, step.next_at) == (Stage.EVALUATION_REMINDER, None)
