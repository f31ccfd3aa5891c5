"""The customer's right of access: everything held about them, as one zip archive.

Per dossier a readable summary (HTML, with the whole timeline), the dossier and its
timeline as JSON, and every stored document; at the top `klant.json` says which
dossiers were found and how. Only the coordinator exports, and each dossier exported
is logged as a read.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from bot.rules.errors import Refused
from bot.rules.fields import CustomerNumber
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.validation import parse
from bot.use_cases.access_log import Access, Seen
from bot.use_cases.documents import DocumentRepository, StoredDocument
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.privacy.customers import Found, customer_dossiers
from bot.use_cases.privacy.ports import PrivacyRepository
from bot.use_cases.privacy.summary import dossier_html
from bot.use_cases.services import Complaints
from bot.use_cases.surfaces import Surface


class CustomerRequest(BaseModel):
    customer: CustomerNumber  # named as the command line's --customer


@dataclass
class Exported:
    archive: bytes
    dossiers: list[Found]


def coordinator(actor: Person) -> None:
    """The procedure makes the coordinator responsible for the dossiers and the customer."""
    if not actor.has(Role.COORDINATOR):
        raise Refused("privacy.forbidden")


async def find(
    complaints: Complaints,
    repository: Callable[[UnitOfWork], PrivacyRepository],
    actor: Person,
    customer_number: str,
) -> tuple[Person, list[Found]]:
    """The coordinator as they are now, and the customer's dossiers (refused when none)."""
    number = parse(CustomerRequest, {"customer": customer_number}).customer
    assert number is not None
    async with complaints.uow(readonly=True) as uow:
        actor = await complaints.current_actor(uow, actor)
        coordinator(actor)
        found = await customer_dossiers(repository(uow), number)
    if not found:
        raise Refused("privacy.customer_unknown", customer=number)
    return actor, found


class Export:
    def __init__(
        self,
        complaints: Complaints,
        repository: Callable[[UnitOfWork], PrivacyRepository],
        documents: Callable[[UnitOfWork], DocumentRepository],
    ) -> None:
        self.complaints = complaints
        self.repository = repository
        self.documents = documents

    async def run(
        self, actor: Person, customer_number: str, surface: str, lang: str = "nl"
    ) -> Exported:
        actor, found = await find(self.complaints, self.repository, actor, customer_number)
        # The right of access is itself a read of every dossier it shows, logged first:
        # what cannot be logged is not handed out.
        numbers = [item.dossier.number for item in found]
        await self.complaints.record_read(actor, numbers, Access(Surface(surface), Seen.EXPORT))
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for item in found:
                await self._dossier(zf, item, lang)
            zf.writestr("klant.json", _json(_index(customer_number, found, self.complaints)))
        return Exported(archive.getvalue(), found)

    async def _dossier(self, zf: zipfile.ZipFile, item: Found, lang: str) -> None:
        c = self.complaints
        async with c.uow(readonly=True) as uow:
            d = await c.load_dossier(uow, item.dossier.number)
            timeline = await uow.dossiers.timeline(d.number)
            deadlines = await uow.deadlines.for_dossier(d.number)
            ids = {e.actor_id for e in timeline} | ({d.owner_id} if d.owner_id else set())
            names = {i: p.name for i, p in (await uow.people.get_many(list(ids))).items()}
            repository = self.documents(uow)
            stored = [
                full
                for doc in await repository.for_dossier(d.number)
                if (full := await repository.get(doc.id)) is not None
            ]
        files: list[tuple[StoredDocument, str]] = []
        for doc in stored:
            path = f"documenten/{doc.id}-{doc.filename}"
            assert doc.content is not None
            zf.writestr(f"{d.number}/{path}", doc.content)
            files.append((doc, path))
        zf.writestr(
            f"{d.number}/overzicht.html", dossier_html(d, timeline, deadlines, files, names, lang)
        )
        machine = {
            "dossier": d.model_dump(mode="json"),
            "found_by": item.by.value,
            "timeline": [e.model_dump(mode="json") for e in timeline],
            "deadlines": [x.model_dump(mode="json") for x in deadlines],
            "documents": [
                {
                    "id": doc.id,
                    "kind": doc.kind,
                    "filename": doc.filename,
                    "content_type": doc.content_type,
                    "size": doc.size,
                    "sha256": doc.sha256,
                    "created_at": doc.created_at.isoformat(),
                    "file": path,
                }
                for doc, path in files
            ],
        }
        zf.writestr(f"{d.number}/dossier.json", _json(machine))


def _index(customer_number: str, found: list[Found], complaints: Complaints) -> dict[str, Any]:
    now: datetime = complaints.clock()
    return {
        "customer_number": customer_number,
        "exported_at": now.isoformat(),
        "dossiers": [{"number": f.dossier.number, "found_by": f.by.value} for f in found],
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
