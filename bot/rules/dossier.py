"""The complaint file (klachtdossier) and the values it holds."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel


class State(StrEnum):
    """Where a dossier stands in the procedure; see `bot.rules.procedure` for the moves."""

    ONTVANGEN = "ontvangen"  # registered, no owner yet
    TOEGEWEZEN = "toegewezen"  # an owner has it
    IN_BEHANDELING = "in_behandeling"  # the owner is working on it with the customer
    GEESCALEERD = "geescaleerd"  # with the directie
    AFGEHANDELD = "afgehandeld"  # a solution was offered
    GEEVALUEERD = "geevalueerd"  # evaluated with the customer
    GESLOTEN = "gesloten"


OPEN_STATES = frozenset(State) - {State.GESLOTEN}


class IntakeChannel(StrEnum):
    TELEFOON = "telefoon"
    WEBSITE = "website"  # "Is alles naar wens?"
    ONTEVREDENHEIDSFORMULIER = "ontevredenheidsformulier"
    BRIEF = "brief"


class Severity(StrEnum):
    LAAG = "laag"
    MIDDEL = "middel"
    HOOG = "hoog"


class AcknowledgementMethod(StrEnum):
    EMAIL = "email"
    POST = "post"
    PERSOONLIJK = "persoonlijk"  # handed over at the desk


class LetterMethod(StrEnum):
    """How a letter of the bot reaches the customer."""

    EMAIL = "email"
    POST = "post"


class ContactPlan(StrEnum):
    WINKEL = "winkel"  # afspraak in de winkel, the usual way
    HUISBEZOEK = "huisbezoek"  # by exception


class DirectieChoice(StrEnum):
    NIEUWE_EIGENAAR = "nieuwe_eigenaar"
    DIRECTIE_NEEMT_OVER = "directie_neemt_over"
    ADVIES = "advies"  # advice back to the current owner


class Customer(BaseModel):
    number: str | None = None  # Orthomatic's klantnummer; the web form may not know it
    name: str
    email: str | None = None
    phone: str | None = None
    address: str | None = None


class Complaint(BaseModel):
    practitioner: str | None = None  # the behandelaar the customer could not resolve it with
    product: str | None = None
    summary: str
    details: str | None = None
    remedy_requested: str | None = None
    severity: Severity = Severity.MIDDEL


class Acknowledgement(BaseModel):
    sent_on: date
    method: AcknowledgementMethod


class Response(BaseModel):
    """The written, reasoned response to the complaint: it meets the decision term."""

    sent_on: date
    method: LetterMethod


class Assignment(BaseModel):
    owner_id: int
    contact_by_id: int  # who contacts the customer
    plan: ContactPlan
    planned_on: date | None = None


class Escalation(BaseModel):
    reason: str
    escalated_at: datetime
    by_id: int


class Evaluation(BaseModel):
    outcome: str
    remarks: str | None = None
    customer_agrees: bool
    evaluated_on: date


class Hold(BaseModel):
    """A legal hold: the dossier is kept whole past its retention period (the customer
    went to the complaints committee, say), until the coordinator lifts it."""

    reason: str
    set_at: datetime
    by_id: int


class Dossier(BaseModel):
    """One complaint, as the coordinator keeps it. Changed only by `bot.rules.procedure`."""

    number: str
    state: State
    channel: IntakeChannel
    received_on: date
    registered_at: datetime
    registered_by_id: int
    customer: Customer
    complaint: Complaint
    acknowledgement: Acknowledgement | None = None
    assignment: Assignment | None = None
    escalation: Escalation | None = None
    solution: str | None = None
    handled_on: date | None = None
    evaluation: Evaluation | None = None
    response: Response | None = None
    decision_due: date  # the term for a written, reasoned decision
    term_extended: bool = False
    closed_at: datetime | None = None
    hold: Hold | None = None
    # Set once the customer's data is gone (retention or erasure); nothing changes after.
    anonymised_at: datetime | None = None
    # On the customer's request: who erased and why (the accountability the GDPR asks);
    # None after the retention period.
    erased_by_id: int | None = None
    erasure_reason: str | None = None
    version: int = 0  # optimistic lock: two writers never both win

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def owner_id(self) -> int | None:
        return self.assignment.owner_id if self.assignment else None

    @property
    def customer_agreed(self) -> bool:
        return bool(self.evaluation and self.evaluation.customer_agrees)
