"""The rules of the procedure, as pure code: no database, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    ExtendTerm,
    MarkHandled,
    PlanContact,
    Reopen,
    ReportStatus,
    Respond,
)
from bot.rules.deadlines import DeadlineKind, Dropped, Due, Met, Terms
from bot.rules.dossier import State
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import PROCEDURE, apply, available_actions, may_read, register
from bot.rules.roles import Role
from tests.helpers import registration

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
TERMS = Terms()
COORDINATOR = Person(id=1, name="Anna", roles=frozenset({Role.COORDINATOR}))
OWNER = Person(id=2, name="Piet", roles=frozenset({Role.MEDEWERKER}))
OTHER = Person(id=3, name="Sanne", roles=frozenset({Role.MEDEWERKER}))
DIRECTIE = Person(id=4, name="Dirk", roles=frozenset({Role.DIRECTIE}))
BEHEERDER = Person(id=5, name="Bea", roles=frozenset({Role.BEHEERDER}))


def new_dossier():  # type: ignore[no-untyped-def]
    return register(registration(), COORDINATOR, "K-2026-0001", NOW, TERMS).dossier


def step(dossier, action, actor=COORDINATOR):  # type: ignore[no-untyped-def]
    return apply(dossier, action, actor, NOW, TERMS).dossier


def assigned():  # type: ignore[no-untyped-def]
    return step(new_dossier(), Assign(owner_id=OWNER.id))


def handled():  # type: ignore[no-untyped-def]
    d = step(assigned(), Acknowledge(sent_on=date(2026, 11, 24), method="email"))
    return step(d, MarkHandled(solution="Nieuwe zool"), OWNER)


def refusal(dossier, action, actor=COORDINATOR) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(Refused) as refused:
        apply(dossier, action, actor, NOW, TERMS)
    return refused.value.key


def test_registration_sets_the_acknowledgement_and_decision_terms():
    change = register(registration(), COORDINATOR, "K-2026-0001", NOW, TERMS)
    assert change.dossier.state is State.ONTVANGEN
    assert change.deadlines == [
        Due(DeadlineKind.ACKNOWLEDGEMENT, date(2026, 11, 30)),
        Due(DeadlineKind.DECISION, date(2027, 1, 4)),
    ]


def test_only_the_coordinator_registers():
    for person in (OWNER, DIRECTIE, BEHEERDER):
        with pytest.raises(Refused) as refused:
            register(registration(), person, "K-2026-0001", NOW, TERMS)
        assert refused.value.key == "role.forbidden"


def test_received_in_the_future_is_refused():
    with pytest.raises(Refused) as refused:
        register(registration(received_on=date(2026, 11, 25)), COORDINATOR, "K", NOW, TERMS)
    assert (refused.value.key, refused.value.field) == ("field.date_future", "received_on")


def test_assignment_starts_the_two_week_check():
    change = apply(new_dossier(), Assign(owner_id=OWNER.id), COORDINATOR, NOW, TERMS)
    assert change.dossier.state is State.TOEGEWEZEN
    assert change.dossier.assignment.contact_by_id == OWNER.id
    assert change.deadlines == [Due(DeadlineKind.STATUS_CHECK, date(2026, 12, 8))]


def test_owner_works_the_dossier_and_others_may_not():
    d = assigned()
    assert step(d, PlanContact(plan="huisbezoek", planned_on=date(2026, 12, 1)), OWNER).state is (
        State.IN_BEHANDELING
    )
    assert refusal(d, ReportStatus(text="x"), OTHER) == "role.forbidden"
    assert refusal(d, MarkHandled(solution="x"), DIRECTIE) == "role.forbidden"
    assert refusal(d, Assign(owner_id=OTHER.id), OWNER) == "role.forbidden"


def test_escalation_and_the_directie_decisions():
    d = step(assigned(), Escalate(reason="Klant wil geld terug"), OWNER)
    assert d.state is State.GEESCALEERD
    assert refusal(d, MarkHandled(solution="x"), OWNER) == "state.not_allowed"
    assert refusal(d, Decide(choice="advies", text="Bied korting"), COORDINATOR) == "role.forbidden"

    advice = step(d, Decide(choice="advies", text="Bied korting"), DIRECTIE)
    assert (advice.state, advice.owner_id) == (State.IN_BEHANDELING, OWNER.id)
    new_owner = step(d, Decide(choice="nieuwe_eigenaar", text="Sanne", new_owner_id=3), DIRECTIE)
    assert (new_owner.state, new_owner.owner_id) == (State.TOEGEWEZEN, OTHER.id)
    takeover = step(d, Decide(choice="directie_neemt_over", text="Ik bel zelf"), DIRECTIE)
    assert takeover.owner_id == DIRECTIE.id


def test_the_scheduler_may_escalate_on_its_own():
    assert step(assigned(), Escalate(reason="geen antwoord"), SYSTEM).state is State.GEESCALEERD


def test_close_only_with_the_customers_agreement():
    d = handled()
    assert refusal(d, Close()) == "close.needs_agreement"
    disagreed = step(d, Evaluate(outcome="Niet tevreden", customer_agrees=False))
    assert refusal(disagreed, Close()) == "close.needs_agreement"
    agreed = step(disagreed, Evaluate(outcome="Toch tevreden", customer_agrees=True))
    closed = apply(agreed, Close(), COORDINATOR, NOW, TERMS)
    assert closed.dossier.state is State.GESLOTEN
    assert {type(c) for c in closed.deadlines} == {Dropped}


def test_close_needs_the_acknowledgement_too():
    d = step(assigned(), MarkHandled(solution="x"), OWNER)
    d = step(d, Evaluate(outcome="ok", customer_agrees=True))
    assert refusal(d, Close()) == "close.needs_acknowledgement"


def test_a_closed_dossier_only_reopens():
    d = step(handled(), Evaluate(outcome="ok", customer_agrees=True))
    d = step(d, Close())
    assert refusal(d, AddNote(text="x")) == "dossier.closed"
    assert refusal(d, Assign(owner_id=OTHER.id)) == "dossier.closed"
    reopened = step(d, Reopen(reason="Klacht komt terug"))
    assert (reopened.state, reopened.evaluation, reopened.closed_at) == (
        State.TOEGEWEZEN,
        None,
        None,
    )


def test_acknowledgement_once_and_not_before_receipt():
    d = step(new_dossier(), Acknowledge(sent_on=date(2026, 11, 24), method="post"))
    assert refusal(d, Acknowledge(sent_on=date(2026, 11, 24), method="post")) == (
        "acknowledge.already"
    )
    assert refusal(new_dossier(), Acknowledge(sent_on=date(2026, 11, 1), method="post")) == (
        "acknowledge.before_received"
    )
    change = apply(new_dossier(), Acknowledge(sent_on=date(2026, 11, 24), method="post"),
                   COORDINATOR, NOW, TERMS)  # fmt: skip
    assert change.deadlines == [Met(DeadlineKind.ACKNOWLEDGEMENT)]


def extension(new_due: date, document_id: int | None = 7) -> ExtendTerm:
    return ExtendTerm(reason="x", new_due=new_due, method="post", document_id=document_id)


def test_the_decision_term_extends_once_by_at_most_four_weeks():
    d = new_dossier()
    assert refusal(d, extension(date(2027, 2, 2))) == "extend_term.too_long"
    assert refusal(d, extension(date(2027, 1, 4))) == "extend_term.not_later"
    # Only with the letter that tells the customer (its stored document).
    assert refusal(d, extension(date(2027, 1, 20), None)) == "extend_term.customer_not_informed"
    extended = step(d, extension(date(2027, 2, 1)))
    assert extended.decision_due == date(2027, 2, 1)
    assert refusal(extended, extension(date(2027, 2, 1))) == "extend_term.already"


def test_an_extension_after_the_term_passed_is_refused():
    d = new_dossier()  # the term ends on 4 January 2027
    late = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)
    with pytest.raises(Refused) as refused:
        apply(d, extension(date(2027, 1, 20)), COORDINATOR, late, TERMS)
    assert refused.value.key == "extend_term.passed"
    on_the_day = datetime(2027, 1, 4, 10, 0, tzinfo=UTC)
    assert apply(d, extension(date(2027, 1, 20)), COORDINATOR, on_the_day, TERMS).dossier


def test_the_written_response_meets_the_decision_term_once_an_owner_has_it():
    answer = Respond(text="Wij vervangen de zool", method="email", document_id=3)
    assert refusal(new_dossier(), answer) == "state.not_allowed"  # no owner yet
    assert refusal(assigned(), answer, OWNER) == "role.forbidden"
    assert refusal(assigned(), answer.model_copy(update={"document_id": None})) == (
        "respond.needs_letter"
    )
    change = apply(assigned(), answer, DIRECTIE, NOW, TERMS)
    assert change.deadlines == [Met(DeadlineKind.DECISION)]
    assert change.dossier.response is not None
    assert change.dossier.response.sent_on == date(2026, 11, 24)
    assert refusal(change.dossier, answer) == "respond.already"
    assert refusal(change.dossier, extension(date(2027, 1, 20))) == "extend_term.responded"
    offered = {a.name for a in available_actions(COORDINATOR, change.dossier)}
    assert "respond" not in offered and "extend_term" not in offered
    # Handling alone no longer meets it: the customer was promised a letter.
    handled_change = apply(assigned(), MarkHandled(solution="Zool"), OWNER, NOW, TERMS)
    assert Met(DeadlineKind.DECISION) not in handled_change.deadlines


def test_a_customer_no_letter_can_reach_is_offered_no_written_response():
    d = assigned()
    d.customer.email = d.customer.address = None
    assert "respond" not in {a.name for a in available_actions(COORDINATOR, d)}


def test_reading_is_for_the_people_who_need_it():
    d = assigned()
    assert may_read(COORDINATOR, d) and may_read(DIRECTIE, d) and may_read(OWNER, d)
    assert not may_read(OTHER, d) and not may_read(BEHEERDER, d)


def test_buttons_follow_the_rules():
    d = assigned()
    coordinator = {a.name for a in available_actions(COORDINATOR, d)}
    owner = {a.name for a in available_actions(OWNER, d)}
    assert "close" not in coordinator and "assign" in coordinator
    assert {"report_status", "mark_handled", "escalate"} <= owner and "assign" not in owner
    assert available_actions(OTHER, d) == []


def test_every_action_has_a_rule_and_a_dutch_and_english_name():
    from bot.catalogue import has
    from bot.rules.actions import ACTIONS, LiftHold, SetHold

    # The legal hold is in the procedure, but named in words, not on a form or a button.
    assert set(PROCEDURE) | {ACTIONS["register"]} == set(ACTIONS.values()) | {SetHold, LiftHold}
    assert all(has(f"action.{a.name}") for a in [*ACTIONS.values(), SetHold, LiftHold])


def test_which_buttons_run_at_once():
    from bot.views.cards import Button
    from bot.views.forms import runs_at_once

    assert runs_at_once(Button(action="report_status", label="x", value="K", data={"text": "ok"}))
    assert not runs_at_once(Button(action="report_status", label="x", value="K"))
    assert runs_at_once(Button(action="close", label="x", value="K"))
    assert not runs_at_once(Button(action="correct", label="x", value="K"))
    assert runs_at_once(
        Button(action="correct", label="x", value="K", data={"customer_number": "12"})
    )
