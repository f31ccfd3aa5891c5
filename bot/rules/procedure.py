"""The complaints procedure as a state machine: who may do what, when, and what it changes.

Read `PROCEDURE` top to bottom and you read the company's procedure:

    ontvangen ──assign──▶ toegewezen ──plan_contact / report_status──▶ in_behandeling
        │                    │  ▲                                        │
        │                    └──┼──────────── escalate ──────────────────┤
        │                       │                                        ▼
        │                  decide (directie) ◀─────────────────────── geescaleerd
        │
    toegewezen / in_behandeling ──mark_handled──▶ afgehandeld ──evaluate──▶ geevalueerd
                                                                             │
                                         close (only with the customer's agreement)
                                                                             ▼
                                                                          gesloten

The acknowledgement (within 5 working days) is an obligation that runs beside the
states, not a state: the coordinator often assigns an owner on the same call. It is
still enforced: a dossier cannot close before it was acknowledged. So is the written
response (`respond`, once an owner has the dossier): it meets the decision term, which
can be extended once, before it ends; both are recorded only with their letter.

Everything here is pure: no clock, no database. The caller passes `now`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.rules.actions import (
    Acknowledge,
    Action,
    AddDocument,
    AddNote,
    Assign,
    Close,
    Correct,
    Decide,
    Escalate,
    Evaluate,
    ExtendTerm,
    LiftHold,
    MarkHandled,
    PlanContact,
    Register,
    Reopen,
    ReportStatus,
    Respond,
    SetHold,
)
from bot.rules.deadlines import DeadlineChange, DeadlineKind, Dropped, Due, Met, Terms
from bot.rules.dossier import (
    OPEN_STATES,
    Acknowledgement,
    Assignment,
    Complaint,
    Customer,
    DirectieChoice,
    Dossier,
    Escalation,
    Evaluation,
    Hold,
    Response,
    State,
)
from bot.rules.errors import Refused
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.workdays import local_date

# A relation rather than a role: the person who owns this dossier.
OWNER = "eigenaar"

COORDINATOR, DIRECTIE, SYSTEEM = Role.COORDINATOR, Role.DIRECTIE, Role.SYSTEEM
ONTVANGEN, TOEGEWEZEN, IN_BEHANDELING = State.ONTVANGEN, State.TOEGEWEZEN, State.IN_BEHANDELING
GEESCALEERD, AFGEHANDELD, GEEVALUEERD = State.GEESCALEERD, State.AFGEHANDELD, State.GEEVALUEERD
GESLOTEN = State.GESLOTEN
WORKING = frozenset({TOEGEWEZEN, IN_BEHANDELING})
# Once an owner has it, until it closes: when the written response can go out.
OWNED = frozenset({TOEGEWEZEN, IN_BEHANDELING, GEESCALEERD, AFGEHANDELD, GEEVALUEERD})


@dataclass(frozen=True)
class Rule:
    who: frozenset[Role | str]
    allowed_in: frozenset[State]
    # The state after the action; None keeps the state (or the action decides).
    to: State | None = None


def rule(who: set[Role | str], allowed_in: set[State] | frozenset[State], to: State | None = None):
    return Rule(frozenset(who), frozenset(allowed_in), to)


# fmt: off
PROCEDURE: dict[type[Action], Rule] = {
    # action      who may                              in which states                  to
    Correct:      rule({COORDINATOR},                  OPEN_STATES),
    Acknowledge:  rule({COORDINATOR},                  OPEN_STATES),
    Assign:       rule({COORDINATOR},                  {ONTVANGEN, *WORKING},           TOEGEWEZEN),
    PlanContact:  rule({OWNER, COORDINATOR},           WORKING,                     IN_BEHANDELING),
    AddNote:      rule({COORDINATOR, DIRECTIE, OWNER}, OPEN_STATES),
    AddDocument:  rule({COORDINATOR, DIRECTIE, OWNER, SYSTEEM}, OPEN_STATES),  # bot: the copy
    ReportStatus: rule({OWNER, COORDINATOR},           WORKING,                     IN_BEHANDELING),
    Escalate:     rule({OWNER, COORDINATOR, SYSTEEM},  WORKING,                        GEESCALEERD),
    Decide:       rule({DIRECTIE},                     {GEESCALEERD}),  # to: the choice decides
    MarkHandled:  rule({OWNER, COORDINATOR},           WORKING,                        AFGEHANDELD),
    Evaluate:     rule({COORDINATOR},                  {AFGEHANDELD, GEEVALUEERD},     GEEVALUEERD),
    Close:        rule({COORDINATOR},                  {GEEVALUEERD},                     GESLOTEN),
    Reopen:       rule({COORDINATOR},                  {AFGEHANDELD, GEEVALUEERD, GESLOTEN}),
    ExtendTerm:   rule({COORDINATOR},                  OPEN_STATES),
    # A hold matters most after closing: the customer may go to the committee later.
    SetHold:      rule({COORDINATOR},                  frozenset(State)),
    LiftHold:     rule({COORDINATOR},                  frozenset(State)),
    Respond:      rule({COORDINATOR, DIRECTIE},        OWNED),  # the written response
}
# Actions that a closed dossier still takes.
_AFTER_CLOSING = (Reopen, SetHold, LiftHold)
# fmt: on

# Who may read a dossier: it holds health-related personal data.
READERS = frozenset({COORDINATOR, DIRECTIE, OWNER})
# Who reads the management report: the coordinator watches the process, the directie
# reviews it. It holds numbers and dossier numbers only, but of every dossier.
REPORT_READERS = frozenset({COORDINATOR, DIRECTIE})


@dataclass
class Change:
    """What an accepted action did: the new dossier, the event data, the deadlines."""

    dossier: Dossier
    action: str
    data: dict[str, Any]
    from_state: State | None
    deadlines: list[DeadlineChange] = field(default_factory=list)

    def event(self, actor: Person, at: datetime) -> Event:
        """The timeline entry that records this change."""
        return Event(
            dossier_number=self.dossier.number,
            seq=self.dossier.version,
            at=at,
            actor_id=actor.id,
            actor_name=actor.name,
            action=self.action,
            data=self.data,
            from_state=self.from_state,
            to_state=self.dossier.state,
        )


def is_involved(person: Person, dossier: Dossier) -> bool:
    a = dossier.assignment
    return a is not None and person.id in (a.owner_id, a.contact_by_id)


def may(person: Person, who: frozenset[Role | str], dossier: Dossier | None) -> bool:
    if any(isinstance(w, Role) and person.has(w) for w in who):
        return True
    return OWNER in who and dossier is not None and person.active and is_involved(person, dossier)


# Who can own a complaint or contact the customer: any member of staff.
OWNER_ROLES = (Role.MEDEWERKER, COORDINATOR, DIRECTIE)


def can_own(person: Person) -> bool:
    return any(person.has(role) for role in OWNER_ROLES)


def may_read(person: Person, dossier: Dossier) -> bool:
    return may(person, READERS, dossier)


def may_read_report(person: Person) -> bool:
    return any(person.has(role) for role in REPORT_READERS)


def available_actions(person: Person, dossier: Dossier) -> list[type[Action]]:
    """The actions this person could take now; what a card offers as buttons."""
    if dossier.anonymised_at is not None:
        return []  # nothing changes an anonymised dossier
    return [
        action
        for action, r in PROCEDURE.items()
        if dossier.state in r.allowed_in
        and may(person, r.who, dossier)
        and _offered(action, dossier)
    ]


def _offered(action: type[Action], dossier: Dossier) -> bool:
    # Hide what would certainly be refused by a guard below.
    if action is Acknowledge:
        return dossier.acknowledgement is None
    if action is ExtendTerm:
        return not dossier.term_extended and dossier.response is None
    if action is Respond:  # and only to a customer a letter can reach
        c = dossier.customer
        return dossier.response is None and bool(c.email or c.address)
    if action is Close:
        return dossier.customer_agreed and dossier.acknowledgement is not None
    # The hold is named in words (`klacht bewaar`), not offered as a button.
    return action not in (SetHold, LiftHold)


def register(action: Register, actor: Person, number: str, now: datetime, terms: Terms) -> Change:
    """A new dossier. Only the coordinator registers (the directie hands complaints on)."""
    if not actor.has(COORDINATOR) and not actor.has(SYSTEEM):
        raise Refused("role.forbidden", action=Register.name)
    if action.received_on > local_date(now):
        raise Refused("field.date_future", field="received_on")
    dossier = Dossier(
        number=number,
        state=ONTVANGEN,
        channel=action.channel,
        received_on=action.received_on,
        registered_at=now,
        registered_by_id=actor.id,
        customer=Customer(
            number=action.customer_number,
            name=action.customer_name,
            email=action.customer_email,
            phone=action.customer_phone,
            address=action.customer_address,
        ),
        complaint=Complaint(
            practitioner=action.practitioner,
            product=action.product,
            summary=action.summary,
            details=action.details,
            remedy_requested=action.remedy_requested,
            severity=action.severity,
        ),
        decision_due=terms.decision_due(action.received_on),
    )
    deadlines: list[DeadlineChange] = [
        Due(DeadlineKind.ACKNOWLEDGEMENT, terms.acknowledgement_due(action.received_on)),
        Due(DeadlineKind.DECISION, dossier.decision_due),
    ]
    return Change(dossier, Register.name, action.model_dump(mode="json"), None, deadlines)


def apply(dossier: Dossier, action: Action, actor: Person, now: datetime, terms: Terms) -> Change:
    """Check `action` against the procedure and return what it changes, or raise `Refused`."""
    r = PROCEDURE.get(type(action))
    if r is None:
        raise Refused("action.unknown", action=action.name)
    if not may(actor, r.who, dossier):
        raise Refused("role.forbidden", action=action.name)
    if dossier.anonymised_at is not None:
        raise Refused("dossier.anonymised", number=dossier.number)
    if dossier.state is GESLOTEN and not isinstance(action, _AFTER_CLOSING):
        raise Refused("dossier.closed", number=dossier.number)
    if isinstance(action, Close) and not dossier.customer_agreed:
        raise Refused("close.needs_agreement", number=dossier.number)
    if dossier.state not in r.allowed_in:
        raise Refused("state.not_allowed", action=action.name, state=dossier.state.value)

    new = dossier.model_copy(deep=True)
    data = action.model_dump(mode="json")
    deadlines = _EFFECTS[type(action)](new, action, actor, now, terms, data)
    if r.to is not None:
        new.state = r.to
    return Change(new, action.name, data, dossier.state, deadlines)


Effect = Callable[[Dossier, Any, Person, datetime, Terms, dict[str, Any]], list[DeadlineChange]]


def _correct(d: Dossier, a: Correct, *_: Any) -> list[DeadlineChange]:
    customer = {
        "number": a.customer_number,
        "name": a.customer_name,
        "email": a.customer_email,
        "phone": a.customer_phone,
        "address": a.customer_address,
    }
    for key, value in customer.items():
        if value is not None:
            setattr(d.customer, key, value)
    for key in ("practitioner", "product"):
        if getattr(a, key) is not None:
            setattr(d.complaint, key, getattr(a, key))
    return []


def _acknowledge(d: Dossier, a: Acknowledge, actor: Person, now: datetime, *_: Any):
    if d.acknowledgement is not None:
        raise Refused("acknowledge.already", on=d.acknowledgement.sent_on.isoformat())
    if a.sent_on > local_date(now):
        raise Refused("field.date_future", field="sent_on")
    if a.sent_on < d.received_on:
        raise Refused("acknowledge.before_received", field="sent_on")
    d.acknowledgement = Acknowledgement(sent_on=a.sent_on, method=a.method)
    return [Met(DeadlineKind.ACKNOWLEDGEMENT)]


def _assign(d: Dossier, a: Assign, actor: Person, now: datetime, terms: Terms, data):
    d.assignment = Assignment(
        owner_id=a.owner_id,
        contact_by_id=a.contact_by_id or a.owner_id,
        plan=a.plan,
        planned_on=a.planned_on,
    )
    data["contact_by_id"] = d.assignment.contact_by_id
    return [Due(DeadlineKind.STATUS_CHECK, terms.status_check_due(local_date(now)))]


def _plan_contact(d: Dossier, a: PlanContact, *_: Any):
    assert d.assignment is not None  # guaranteed by the states that allow it
    d.assignment.plan = a.plan
    d.assignment.planned_on = a.planned_on
    return []


def _record_only(*_: Any) -> list[DeadlineChange]:
    return []


def _report_status(d: Dossier, a: ReportStatus, actor: Person, now: datetime, terms: Terms, _):
    # The owner answered; the next check is another period later.
    return [Due(DeadlineKind.STATUS_CHECK, terms.status_check_due(local_date(now)))]


def _escalate(d: Dossier, a: Escalate, actor: Person, now: datetime, *_: Any):
    d.escalation = Escalation(reason=a.reason, escalated_at=now, by_id=actor.id)
    return [Dropped(DeadlineKind.STATUS_CHECK)]


def _decide(d: Dossier, a: Decide, actor: Person, now: datetime, terms: Terms, data):
    assert d.assignment is not None
    if a.choice is DirectieChoice.NIEUWE_EIGENAAR:
        assert a.new_owner_id is not None
        d.assignment = Assignment(
            owner_id=a.new_owner_id, contact_by_id=a.new_owner_id, plan=d.assignment.plan
        )
        d.state = TOEGEWEZEN
    elif a.choice is DirectieChoice.DIRECTIE_NEEMT_OVER:
        d.assignment = Assignment(owner_id=actor.id, contact_by_id=actor.id, plan=d.assignment.plan)
        data["new_owner_id"] = actor.id
        d.state = TOEGEWEZEN
    else:
        d.state = IN_BEHANDELING
    d.escalation = None
    return [Due(DeadlineKind.STATUS_CHECK, terms.status_check_due(local_date(now)))]


def _mark_handled(d: Dossier, a: MarkHandled, actor: Person, now: datetime, terms: Terms, _):
    d.solution = a.solution
    d.handled_on = local_date(now)
    # The decision term is met by the written response (`respond`), not by handling:
    # the acknowledgement promised the customer a letter.
    return [
        Met(DeadlineKind.STATUS_CHECK),
        Due(DeadlineKind.EVALUATION, terms.evaluation_due(d.handled_on)),
    ]


def _evaluate(d: Dossier, a: Evaluate, actor: Person, now: datetime, *_: Any):
    d.evaluation = Evaluation(
        outcome=a.outcome,
        remarks=a.remarks,
        customer_agrees=a.customer_agrees,
        evaluated_on=local_date(now),
    )
    return [Met(DeadlineKind.EVALUATION)]


def _close(d: Dossier, a: Close, actor: Person, now: datetime, *_: Any):
    if d.acknowledgement is None:
        raise Refused("close.needs_acknowledgement", number=d.number)
    d.closed_at = now
    return [Dropped(kind) for kind in DeadlineKind]


def _reopen(d: Dossier, a: Reopen, actor: Person, now: datetime, terms: Terms, _):
    # Back to the owner (or to the coordinator's desk when there is none).
    d.state = TOEGEWEZEN if d.assignment else ONTVANGEN
    d.closed_at = None
    d.evaluation = None
    d.solution = None
    d.handled_on = None
    changes: list[DeadlineChange] = [Dropped(DeadlineKind.EVALUATION)]
    if d.assignment:
        changes.append(Due(DeadlineKind.STATUS_CHECK, terms.status_check_due(local_date(now))))
    return changes


def _extend_term(d: Dossier, a: ExtendTerm, actor: Person, now: datetime, terms: Terms, _):
    if d.term_extended:
        raise Refused("extend_term.already")
    if d.response is not None:
        raise Refused("extend_term.responded", on=d.response.sent_on)
    if local_date(now) > d.decision_due:
        # The letter promised notice *before* the date: too late to extend now.
        raise Refused("extend_term.passed", due=d.decision_due)
    latest = terms.latest_extension(d.received_on)
    if a.new_due <= d.decision_due:
        raise Refused("extend_term.not_later", field="new_due")
    if a.new_due > latest:
        raise Refused("extend_term.too_long", field="new_due", latest=latest.isoformat())
    if a.document_id is None:  # only with the letter that tells the customer
        raise Refused("extend_term.customer_not_informed")
    d.decision_due = a.new_due
    d.term_extended = True
    return [Due(DeadlineKind.DECISION, a.new_due)]


def _set_hold(d: Dossier, a: SetHold, actor: Person, now: datetime, *_: Any):
    d.hold = Hold(reason=a.reason, set_at=now, by_id=actor.id)
    return []


def _lift_hold(d: Dossier, a: LiftHold, *_: Any):
    if d.hold is None:
        raise Refused("hold.none", number=d.number)
    d.hold = None
    return []


def _respond(d: Dossier, a: Respond, actor: Person, now: datetime, *_: Any):
    if d.response is not None:
        raise Refused("respond.already", on=d.response.sent_on)
    if a.document_id is None:  # the response *is* the letter: never recorded without it
        raise Refused("respond.needs_letter")
    d.response = Response(sent_on=local_date(now), method=a.method)
    return [Met(DeadlineKind.DECISION)]


_EFFECTS: dict[type[Action], Effect] = {
    Correct: _correct,
    Acknowledge: _acknowledge,
    Assign: _assign,
    PlanContact: _plan_contact,
    AddNote: _record_only,
    AddDocument: _record_only,
    ReportStatus: _report_status,
    Escalate: _escalate,
    Decide: _decide,
    MarkHandled: _mark_handled,
    Evaluate: _evaluate,
    Close: _close,
    Reopen: _reopen,
    ExtendTerm: _extend_term,
    SetHold: _set_hold,
    LiftHold: _lift_hold,
    Respond: _respond,
}
