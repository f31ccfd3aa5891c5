"""The Orthomatic mirror: what each step of the procedure puts on the customer's card.

Every accepted event becomes one or more mirror items, written to the outbox in
the event's own transaction (see `bot.outbox.messages`): the registration opens a dossier
under customer contacts with category 'Klacht', every later step is a contact
line, and every stored document goes on the pinboard ("prikbord").

An item keeps the facts of its step, not finished sentences: the text is made
when the item is delivered or shown on the checklist, so that it names people
as they are called and uses the customer number as it is *then* (a coordinator
who corrects a wrong number and retries must not resend the old one).

This module is pure: who delivers an item, and how, is the adapter's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.catalogue import has, t
from bot.outbox.messages import OutboxItem, OutboxMessage, OutboxStatus
from bot.rules.dossier import Dossier
from bot.rules.events import Event
from bot.rules.workdays import local_date

CHANNEL = "orthomatic"
CATEGORY = "Klacht"  # the contact category the procedure prescribes
LANG = "nl"  # Orthomatic's cards are kept in Dutch, whoever reads the bot in English
MAX_TEXT = 2000  # a contact line is a summary; the dossier in the bot keeps everything

# Fields of an event that name a person by id; the text names them.
PERSON_FIELDS = ("owner_id", "contact_by_id", "new_owner_id")
# What a correction may have changed, in the order the text lists it.
_CORRECTED = (
    "customer_number",
    "customer_name",
    "customer_email",
    "customer_phone",
    "customer_address",
    "practitioner",
    "product",
)


# Steps about Klachtenbot's own keeping of the dossier, not about the customer's care.
_NOT_MIRRORED = frozenset({"hold", "release_hold"})


class ItemKind(StrEnum):
    DOSSIER = "dossier"  # the new dossier under customer contacts
    CONTACT = "contact"  # one line of progress under the dossier
    PINBOARD = "pinboard"  # a document on the customer's pinboard
    # After anonymisation: remove the documents from the pinboard by hand. Orthomatic's
    # card is the company's own record, so the bot never erases there itself.
    ERASE = "erase"


def queue(number: str) -> str:
    """One queue per dossier: its creation goes before its contacts and documents."""
    return f"{CHANNEL}:{number}"


def key(number: str, seq: int, kind: ItemKind) -> str:
    """Stays the same across retries; sorts in the order of the dossier's steps."""
    return f"{CHANNEL}:{number}:{seq:04d}:{kind.value}"


def mirror_items(event: Event, dossier: Dossier, *, manual: bool) -> list[OutboxMessage]:
    """The mirror items of one accepted event (a reactor, see `bot.outbox.messages.Reactor`).

    `manual`: no bridge and no import folder; the items become the coordinator's
    checklist instead of deliveries.
    """
    if event.action in _NOT_MIRRORED:
        return []
    base: dict[str, Any] = {
        "dossier_number": dossier.number,
        "seq": event.seq,
        "step": event.action,
        "date": local_date(event.at).isoformat(),
        "at": event.at.isoformat(),
        "employee": event.actor_name,
        # As it was at the time; delivery uses the dossier's current number.
        "customer_number": dossier.customer.number,
        "customer_name": dossier.customer.name,
    }
    kinds: list[tuple[ItemKind, dict[str, Any]]] = []
    if event.action == "register":
        c = dossier.complaint
        kinds.append(
            (
                ItemKind.DOSSIER,
                {
                    "received_on": dossier.received_on.isoformat(),
                    "intake": dossier.channel.value,
                    "summary": c.summary,
                    "details": c.details,
                    "practitioner": c.practitioner,
                    "product": c.product,
                    "remedy_requested": c.remedy_requested,
                },
            )
        )
    else:
        data = {
            k: v
            for k, v in event.data.items()
            if k not in ("customer_email", "customer_phone", "customer_address")
        }
        if event.action == "correct":  # only which details changed, not the details
            data = {"changed": [f for f in _CORRECTED if event.data.get(f) is not None]}
        kinds.append((ItemKind.CONTACT, {"data": data}))
        if event.action == "add_document" and event.data.get("document_id") is not None:
            kinds.append(
                (
                    ItemKind.PINBOARD,
                    {
                        "document_id": int(event.data["document_id"]),
                        "title": event.data.get("title") or "",
                    },
                )
            )
    status = OutboxStatus.MANUAL if manual else OutboxStatus.PENDING
    return [
        OutboxMessage(
            channel=CHANNEL,
            key=key(dossier.number, event.seq, kind),
            queue=queue(dossier.number),
            payload={"kind": kind.value, **base, **extra},
            dossier_number=dossier.number,
            status=status,
        )
        for kind, extra in kinds
    ]


def erase_item(number: str, documents: int, at: datetime, employee: str) -> OutboxMessage:
    """The checklist line "verwijder ook in Orthomatic …" for an anonymised dossier whose
    documents the mirror put on the pinboard. It names the dossier and how many
    documents, never the customer: the dossier's number is in its Orthomatic subject."""
    return OutboxMessage(
        channel=CHANNEL,
        key=f"{CHANNEL}:{number}:erase",
        queue=queue(number),
        payload={
            "kind": ItemKind.ERASE.value,
            "dossier_number": number,
            "date": local_date(at).isoformat(),
            "employee": employee,
            "documents": documents,
        },
        dossier_number=number,
        status=OutboxStatus.MANUAL,
    )


def on_pinboard(items: Iterable[OutboxItem]) -> int:
    """How many documents a dossier's mirror items put on the pinboard (sent, or ticked
    off by hand)."""
    return sum(
        1
        for i in items
        if i.payload.get("kind") == ItemKind.PINBOARD.value and i.status is OutboxStatus.DELIVERED
    )


def behind(items: Iterable[OutboxItem]) -> bool:
    """Whether some of a dossier's mirror items are not in Orthomatic yet (on their way,
    refused, or on the checklist unticked)."""
    return any(i.status is not OutboxStatus.DELIVERED for i in items)


def person_ids(payload: Mapping[str, Any]) -> set[int]:
    """The people an item's text names; the caller looks up their names."""
    data = payload.get("data") or {}
    return {int(data[f]) for f in PERSON_FIELDS if data.get(f) is not None}


def subject(payload: Mapping[str, Any]) -> str:
    """The dossier's one-line subject in Orthomatic."""
    return _short(
        t(
            "mirror.subject",
            LANG,
            number=payload["dossier_number"],
            summary=payload.get("summary") or "",
        ),
        200,
    )


def text(payload: Mapping[str, Any], names: Mapping[int, str] | None = None) -> str:
    """The exact Dutch text of an item: what the bridge receives and a person pastes."""
    kind = ItemKind(payload["kind"])
    if kind is ItemKind.DOSSIER:
        return _dossier_text(payload)
    if kind is ItemKind.PINBOARD:
        return t("mirror.pinboard", LANG, title=payload.get("title") or "-")
    if kind is ItemKind.ERASE:
        return t("mirror.erase", LANG, number=payload["dossier_number"], count=payload["documents"])
    return _contact_text(payload, names or {})


def _dossier_text(p: Mapping[str, Any]) -> str:
    lines = [
        t(
            "mirror.dossier",
            LANG,
            received_on=p["received_on"],
            channel=p["intake"],
            summary=p["summary"],
            number=p["dossier_number"],
        )
    ]
    for field in ("details", "practitioner", "product", "remedy_requested"):
        if p.get(field):
            lines.append(t(f"mirror.dossier.{field}", LANG, value=p[field]))
    return _short("\n".join(lines), MAX_TEXT)


def _contact_text(p: Mapping[str, Any], names: Mapping[int, str]) -> str:
    step: str = p["step"]
    data: dict[str, Any] = dict(p.get("data") or {})

    def name(field: str) -> str:
        person_id = data.get(field)
        if person_id is None:
            return "-"
        return names.get(int(person_id)) or f"#{person_id}"

    params: dict[str, Any] = {k: v for k, v in data.items() if isinstance(v, str | int | bool)}
    if step == "correct":
        fields = ", ".join(t(f"mirror.field.{f}", LANG) for f in data.get("changed", []))
        params = {"fields": fields or "-"}
    elif step in ("acknowledge", "extend_term", "respond"):
        params["method"] = t(f"method.{data.get('method')}", LANG)
    elif step in ("assign", "plan_contact"):
        params["owner"] = name("owner_id")
        params["contact"] = name("contact_by_id")
        plan = t(f"plan.{data.get('plan')}", LANG)
        if data.get("planned_on"):
            plan = t("mirror.plan_on", LANG, plan=plan, on=data["planned_on"])
        params["plan"] = plan
    elif step == "decide":
        choice = data.get("choice")
        params["choice"] = t(f"mirror.choice.{choice}", LANG, owner=name("new_owner_id"))
    elif step == "evaluate":
        params["agrees"] = t("mirror.yes" if data.get("customer_agrees") else "mirror.no", LANG)
        params["remarks"] = (" " + data["remarks"]) if data.get("remarks") else ""
    elif step == "add_document":
        params["pinboard"] = t("mirror.on_pinboard", LANG) if data.get("document_id") else ""
    template = f"mirror.contact.{step}"
    if not has(template):  # a step added later still gets a line, never nothing
        return t("mirror.contact.other", LANG, action=step)
    return _short(t(template, LANG, **params), MAX_TEXT)


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
