"""The actions of the procedure, as typed commands.

Each class is one thing a person can do to a dossier. Adapters build them from
a form, a button or the command line; `bot.rules.procedure` decides whether they are
allowed and what they change.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from bot.rules.dossier import (
    AcknowledgementMethod,
    ContactPlan,
    DirectieChoice,
    IntakeChannel,
    LetterMethod,
    Severity,
)
from bot.rules.fields import CustomerNumber, Email, Line, OptionalLine, OptionalText, Text


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: ClassVar[str]


class Register(Action):
    name: ClassVar[str] = "register"
    channel: IntakeChannel
    received_on: date
    customer_number: CustomerNumber = None
    customer_name: Line
    customer_email: Email = None
    customer_phone: OptionalLine = None
    customer_address: OptionalLine = None
    practitioner: OptionalLine = None
    product: OptionalLine = None
    summary: Line
    details: OptionalText = None
    remedy_requested: OptionalText = None
    severity: Severity = Severity.MIDDEL

    @model_validator(mode="after")
    def _reachable(self) -> Register:
        # The acknowledgement must reach the customer somehow.
        if not (self.customer_email or self.customer_phone or self.customer_address):
            raise PydanticCustomError("field.contact_required", "no contact details")
        return self


class Correct(Action):
    """Complete or correct the registration (e.g. confirm a web form's customer number)."""

    name: ClassVar[str] = "correct"
    customer_number: CustomerNumber = None
    customer_name: OptionalLine = None
    customer_email: Email = None
    customer_phone: OptionalLine = None
    customer_address: OptionalLine = None
    practitioner: OptionalLine = None
    product: OptionalLine = None

    @model_validator(mode="after")
    def _something(self) -> Correct:
        if not self.model_dump(exclude_none=True):
            raise PydanticCustomError("field.nothing_to_correct", "nothing to correct")
        return self


class Acknowledge(Action):
    name: ClassVar[str] = "acknowledge"
    sent_on: date
    method: AcknowledgementMethod


class Assign(Action):
    name: ClassVar[str] = "assign"
    owner_id: int
    contact_by_id: int | None = None  # defaults to the owner
    plan: ContactPlan = ContactPlan.WINKEL
    planned_on: date | None = None


class PlanContact(Action):
    name: ClassVar[str] = "plan_contact"
    plan: ContactPlan
    planned_on: date


class AddNote(Action):
    """Interim written communication, recorded in the dossier."""

    name: ClassVar[str] = "add_note"
    text: Text


class AddDocument(Action):
    name: ClassVar[str] = "add_document"
    title: Line
    reference: Line  # where the document is: a stored document id, a file name, a link
    document_id: int | None = None


class ReportStatus(Action):
    name: ClassVar[str] = "report_status"
    text: Text


class Escalate(Action):
    name: ClassVar[str] = "escalate"
    reason: Text


class Decide(Action):
    """The directie's decision on an escalated dossier."""

    name: ClassVar[str] = "decide"
    choice: DirectieChoice
    text: Text
    new_owner_id: int | None = None

    @model_validator(mode="after")
    def _owner_named(self) -> Decide:
        if self.choice is DirectieChoice.NIEUWE_EIGENAAR and self.new_owner_id is None:
            raise PydanticCustomError("field.new_owner_required", "new owner required")
        return self


class MarkHandled(Action):
    name: ClassVar[str] = "mark_handled"
    solution: Text


class Evaluate(Action):
    name: ClassVar[str] = "evaluate"
    outcome: Text
    remarks: OptionalText = None
    customer_agrees: bool


class Close(Action):
    name: ClassVar[str] = "close"


class Reopen(Action):
    name: ClassVar[str] = "reopen"
    reason: Text


class ExtendTerm(Action):
    """Extend the decision term once, with written notice to the customer.

    The notice is a letter (`bot.use_cases.letters`): the step is recorded only with
    the letter that went, whose stored document `document_id` names.
    """

    name: ClassVar[str] = "extend_term"
    reason: Text
    new_due: date
    method: LetterMethod
    document_id: int | None = None


class Respond(Action):
    """The written, reasoned response to the customer: what was found, what is offered.

    Recorded only with its letter (`document_id`), when it went; it meets the decision term.
    """

    name: ClassVar[str] = "respond"
    text: Text
    method: LetterMethod
    document_id: int | None = None


class SetHold(Action):
    """A legal hold: keep the dossier whole past its retention period (the customer went
    to the complaints committee). Set and lifted by name (`privacy hold`, `klacht
    bewaar`), not from a card's buttons, so it is not in `ACTIONS`."""

    name: ClassVar[str] = "hold"
    reason: Text


class LiftHold(Action):
    name: ClassVar[str] = "release_hold"


# Every action a form, a button or `dossier act` can name; the hold has its own words.
ACTIONS: dict[str, type[Action]] = {
    cls.name: cls
    for cls in (
        Register,
        Correct,
        Acknowledge,
        Assign,
        PlanContact,
        AddNote,
        AddDocument,
        ReportStatus,
        Escalate,
        Decide,
        MarkHandled,
        Evaluate,
        Close,
        Reopen,
        ExtendTerm,
        Respond,
    )
}
