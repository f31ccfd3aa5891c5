"""The procedure's deadlines: what they are, and when each falls due.

A deadline is a row in the database (see `storage`), written in the same
transaction as the action that creates it; the scheduler only sweeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from bot.rules.workdays import WorkingCalendar


class DeadlineKind(StrEnum):
    ACKNOWLEDGEMENT = "ontvangstbevestiging"  # acknowledge within 5 working days
    STATUS_CHECK = "statuscheck"  # ask the owner after 2 weeks
    DECISION = "beslistermijn"  # a written, reasoned decision within the term
    EVALUATION = "evaluatie"  # evaluate with the customer after handling


@dataclass(frozen=True)
class Terms:
    """Every period of the procedure and its complaints regime; settings, with defaults."""

    acknowledgement_working_days: int = 5
    status_check_days: int = 14
    decision_weeks: int = 6
    decision_extension_weeks: int = 4
    evaluation_working_days: int = 5
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    # Where a customer who does not agree can go next (the regime's complaints committee).
    committee: str = "de geschillencommissie van de branche"

    def acknowledgement_due(self, received_on: date) -> date:
        return self.calendar.add(received_on, self.acknowledgement_working_days)

    def status_check_due(self, today: date) -> date:
        return today + timedelta(days=self.status_check_days)

    def decision_due(self, received_on: date) -> date:
        return received_on + timedelta(weeks=self.decision_weeks)

    def latest_extension(self, received_on: date) -> date:
        return self.decision_due(received_on) + timedelta(weeks=self.decision_extension_weeks)

    def evaluation_due(self, handled_on: date) -> date:
        return self.calendar.add(handled_on, self.evaluation_working_days)


@dataclass(frozen=True)
class Due:
    """Watch this deadline from now on (replaces a pending one of the same kind)."""

    kind: DeadlineKind
    due_on: date


@dataclass(frozen=True)
class Met:
    """The obligation was fulfilled."""

    kind: DeadlineKind


@dataclass(frozen=True)
class Dropped:
    """The deadline no longer applies (closed, escalated, reopened)."""

    kind: DeadlineKind


DeadlineChange = Due | Met | Dropped
