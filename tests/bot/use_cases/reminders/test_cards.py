"""Who reads which language, and what each notice offers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import Assignment, ContactPlan, Dossier
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.workdays import end_of_day
from bot.use_cases.ports import Deadline
from bot.use_cases.reminders.cards import Recipients, notices_for
from bot.use_cases.reminders.policy import NoticePeriods, Stage

OWNER = Person(id=7, name="Jane Smith", roles=frozenset({Role.MEDEWERKER}), language="en")


def _dossier() -> Dossier:
    return Dossier.model_validate(
        {
            "number": "K-2026-0042",
            "state": "toegewezen",
            "channel": "brief",
            "received_on": "2026-11-23",
            "registered_at": datetime(2026, 11, 23, 9, tzinfo=UTC),
            "registered_by_id": 1,
            "customer": {"name": "Mevr. <b>Bakker</b>"},
            "complaint": {"summary": "Schoen knelt <!channel>"},
            "assignment": Assignment(owner_id=7, contact_by_id=7, plan=ContactPlan.WINKEL),
            "decision_due": "2027-01-04",
        }
    )


def _deadline(kind: DeadlineKind, due_on: date) -> Deadline:
    return Deadline(
        id=3, dossier_number="K-2026-0042", kind=kind, due_on=due_on, due_at=end_of_day(due_on)
    )


def test_the_owner_reads_the_question_in_their_own_language():
    [notice] = notices_for(
        Stage.STATUS_QUESTION,
        _deadline(DeadlineKind.STATUS_CHECK, date(2026, 12, 7)),
        _dossier(),
        Recipients(owner=OWNER, lang="nl"),
        NoticePeriods(),
    )
    assert (notice.audience, notice.person_id) == ("person", 7)
    assert notice.card.title == "How is K-2026-0042 going?"
    assert [b.label for b in notice.card.buttons] == ["On track", "Handled", "Need help"]
    assert notice.card.buttons[0].data == {"text": "On track."}
    # User text stays as typed: escaping is each renderer's job.
    assert any(f.value == "Schoen knelt <!channel>" for f in notice.card.facts)


def test_channels_read_the_installation_language():
    notices = notices_for(
        Stage.DECISION_ALARM,
        _deadline(DeadlineKind.DECISION, date(2027, 1, 4)),
        _dossier(),
        Recipients(owner=OWNER, lang="en"),
        NoticePeriods(),
    )
    assert [n.audience for n in notices] == ["coordinators", "directie"]
    assert notices[0].card.title == "The decision term of K-2026-0042 has passed"
    assert notices[1].card.title == (
        "Dossier K-2026-0042: the decision term has passed (Mon 4 January 2027)."
    )
    assert notices[1].card.facts == [] and notices[1].card.sections == []
