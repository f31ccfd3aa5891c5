"""What in a dossier is the customer's personal data, and the dossier without it.

A complaint is health data. After the retention period, or when the customer asks,
the dossier is anonymised: what remains is what reports and the management review
count (the number, dates, states, channel, severity, product, practitioner, owner
and staff names), never who the customer is or what anyone wrote about them.

The timeline is append-only, so an event's data is kept in two parts: the plain
part on the event itself, and the personal part beside it, which anonymisation
removes. The plain part is a list of fields *kept* per action, so a field added
to an action later is personal until someone decides otherwise here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.rules.dossier import Complaint, Customer, Dossier

# Per action, the event fields that say nothing about the customer.
PLAIN_FIELDS: dict[str, frozenset[str]] = {
    "register": frozenset({"channel", "received_on", "severity", "practitioner", "product"}),
    "correct": frozenset({"practitioner", "product"}),
    "acknowledge": frozenset({"sent_on", "method"}),
    "assign": frozenset({"owner_id", "contact_by_id", "plan", "planned_on"}),
    "plan_contact": frozenset({"plan", "planned_on"}),
    "add_document": frozenset({"document_id", "kind", "content_type"}),
    "decide": frozenset({"choice", "new_owner_id"}),
    "evaluate": frozenset({"customer_agrees"}),
    "extend_term": frozenset({"new_due", "customer_informed"}),
}


def split_event_data(action: str, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(plain, personal): the event's data in the part that stays and the part that goes."""
    kept = PLAIN_FIELDS.get(action, frozenset())
    plain = {k: v for k, v in data.items() if k in kept}
    personal = {k: v for k, v in data.items() if k not in kept}
    return plain, personal


def anonymised(
    dossier: Dossier, at: datetime, erased_by_id: int | None = None, reason: str | None = None
) -> Dossier:
    """The dossier as it stays after its customer's data is gone; `erased_by_id` and
    `reason` when the customer asked for it (a coordinator's words, not the customer's)."""
    d = dossier.model_copy(deep=True)
    d.customer = Customer(name="")
    c = dossier.complaint
    d.complaint = Complaint(
        practitioner=c.practitioner, product=c.product, summary="", severity=c.severity
    )
    if d.escalation is not None:
        d.escalation.reason = ""
    d.solution = None
    if d.evaluation is not None:
        d.evaluation.outcome = ""
        d.evaluation.remarks = None
    d.hold = None
    d.anonymised_at = at
    d.erased_by_id = erased_by_id
    d.erasure_reason = reason
    return d
