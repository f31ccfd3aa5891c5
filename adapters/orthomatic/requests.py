"""One mirror item as one request to the bridge: the contract of
`docs/orthomatic-bridge.openapi.yaml`, shared by the HTTP client and the folder export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.catalogue import t
from bot.outbox.messages import OutboxItem, Rejected
from bot.outbox.mirror import CATEGORY, LANG, ItemKind, person_ids, subject, text
from storage.mirror_records import Document, MirrorRecords

PATHS = {ItemKind.DOSSIER: "dossiers", ItemKind.CONTACT: "contacts", ItemKind.PINBOARD: "pinboard"}


@dataclass(frozen=True)
class BridgeRequest:
    key: str  # the item's idempotency key
    kind: ItemKind
    customer_number: str
    body: dict[str, Any]  # JSON for a dossier or contact; the form fields for the pinboard
    document: Document | None = None

    @property
    def path(self) -> str:
        return f"/customers/{self.customer_number}/{PATHS[self.kind]}"


async def prepare(item: OutboxItem, records: MirrorRecords) -> BridgeRequest:
    """The request for `item`, with today's customer number; `Rejected` if a person must act."""
    p = item.payload
    number = item.dossier_number or p["dossier_number"]
    exists, customer_number = await records.customer_number(number)
    if not exists:
        raise Rejected(t("mirror.reject.no_dossier", LANG))
    if not customer_number:
        raise Rejected(t("mirror.reject.no_customer_number", LANG))
    kind = ItemKind(p["kind"])
    document = None
    if kind is ItemKind.DOSSIER:
        body: dict[str, Any] = {
            "reference": number,
            "category": CATEGORY,
            "opened_on": p["date"],
            "received_on": p["received_on"],
            "employee": p["employee"],
            "subject": subject(p),
            "text": text(p),
        }
    elif kind is ItemKind.CONTACT:
        body = {
            "dossier_reference": number,
            "category": CATEGORY,
            "date": p["date"],
            "employee": p["employee"],
            "step": p["step"],
            "text": text(p, await records.names(person_ids(p))),
        }
    else:
        document = await records.document(int(p["document_id"]))
        if document is None:
            raise Rejected(t("mirror.reject.no_document", LANG, document_id=p["document_id"]))
        body = {
            "dossier_reference": number,
            "title": p.get("title") or document.filename,
            "date": p["date"],
            "employee": p["employee"],
            "sha256": document.sha256,
        }
    return BridgeRequest(item.key, kind, customer_number, body, document)
