"""The letters as use cases: preview, e-mail or record the acknowledgement, file the copy.

The acknowledgement letter is stored when the coordinator asks for it to be
e-mailed, but it enters the timeline (and so the pinboard) only together with
the acknowledgement itself, once the mail server has accepted it: the dossier
never says "sent" when it was not.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any

from bot.actions import Acknowledge
from bot.catalogue import t
from bot.documents import PDF, Documents, Kind, StoredDocument
from bot.dossier import AcknowledgementMethod, Dossier
from bot.errors import Refused
from bot.letters.company import Company
from bot.letters.documents import acknowledgement_pdf, complaint_copy_pdf, protocol_pdf
from bot.outbox import OutboxMessage
from bot.people import SYSTEM, Person
from bot.ports import UnitOfWork
from bot.procedure import apply
from bot.workdays import local_date

EMAIL = "email"  # the outbox channel of the e-mail deliverer
ACKNOWLEDGEMENT_MAIL = "acknowledgement"  # the payload kind it sends


class Letters:
    def __init__(self, documents: Documents, company: Company, *, email_enabled: bool) -> None:
        self.documents = documents
        self.complaints = documents.complaints
        self.company = company
        self.email_enabled = email_enabled

    # -- the acknowledgement letter -------------------------------------------------

    async def acknowledgement_preview(self, actor: Person, number: str) -> bytes:
        """The letter as it would go out now, signed by `actor`; nothing is recorded."""
        view = await self.complaints.view(actor, number)
        today = local_date(self.complaints.clock())
        return await _render(
            acknowledgement_pdf,
            view.dossier,
            actor.name,
            self.company,
            self.complaints.terms,
            today,
        )

    async def send_acknowledgement(
        self, actor: Person, number: str, *, request_key: str | None = None
    ) -> int:
        """Queue the letter for e-mail; returns the stored letter's document id.

        The acknowledgement is recorded by the e-mail deliverer once the mail server
        accepted the message (see `acknowledgement_emailed`).
        """
        c = self.complaints
        async with c.uow() as uow:
            if request_key and (seen := await uow.inbound.seen(request_key)):
                return int(seen.rsplit(":", 1)[-1])
            actor = await c._current(uow, actor)
            dossier = await c._dossier(uow, number)
            now = c.clock()
            self._may_acknowledge(dossier, actor, AcknowledgementMethod.EMAIL)
            if not self.email_enabled:
                raise Refused("letter.email_off")
            if not dossier.customer.email:
                raise Refused("letter.no_email", field="customer_email", number=dossier.number)
            content = await _render(
                acknowledgement_pdf, dossier, actor.name, self.company, c.terms, local_date(now)
            )
            document_id = await self.documents.save_file(
                uow,
                dossier.number,
                Kind.ACKNOWLEDGEMENT,
                _letter_name(dossier),
                PDF,
                content,
                actor.id,
                now,
            )
            await uow.outbox.add(
                OutboxMessage(
                    channel=EMAIL,
                    key=f"email:{ACKNOWLEDGEMENT_MAIL}:{document_id}",
                    queue=f"email:{dossier.number}",
                    dossier_number=dossier.number,
                    payload={
                        "kind": ACKNOWLEDGEMENT_MAIL,
                        "document_id": document_id,
                        "to": dossier.customer.email,
                        "coordinator_id": actor.id,
                    },
                )
            )
            if request_key:
                await uow.inbound.remember(request_key, f"{dossier.number}:{document_id}")
            await uow.commit()
        self._committed()
        return document_id

    async def before_emailing(
        self, payload: dict[str, Any], key: str
    ) -> tuple[Dossier, StoredDocument] | None:
        """What the deliverer sends, if it still may; None when it was sent and recorded.

        Raises `Refused` when the procedure no longer allows it (acknowledged by post
        meanwhile, the coordinator lost the role): then nothing is sent.
        """
        c = self.complaints
        async with c.uow() as uow:
            if await uow.inbound.seen(key):
                return None
            document = await self.documents.repository(uow).get(payload["document_id"])
            if document is None:
                raise Refused("document.unknown", id=str(payload["document_id"]))
            actor = await c._current(uow, _person(payload["coordinator_id"]))
            dossier = await c._dossier(uow, document.dossier_number)
            self._may_acknowledge(dossier, actor, AcknowledgementMethod.EMAIL)
            return dossier, document

    async def acknowledgement_emailed(self, payload: dict[str, Any], key: str) -> Dossier:
        """The mail server accepted the letter: record the acknowledgement and file the letter.

        Recorded in the name of the coordinator who sent it: the procedure gives the
        acknowledgement to the coordinator, and the timeline should say who decided.
        """
        c = self.complaints
        async with c.uow() as uow:
            document = await self.documents.repository(uow).get(
                payload["document_id"], with_content=False
            )
            if document is None:
                raise Refused("document.unknown", id=str(payload["document_id"]))
            actor = await c._current(uow, _person(payload["coordinator_id"]))
            dossier = await c._dossier(uow, document.dossier_number)
            dossier = await self._acknowledge_with(
                uow, actor, dossier, document.id, AcknowledgementMethod.EMAIL, None
            )
            await uow.inbound.remember(key, dossier.number)
            await uow.commit()
        self._committed()
        return dossier

    async def record_acknowledgement(
        self,
        actor: Person,
        number: str,
        method: AcknowledgementMethod,
        sent_on: date | None = None,
        *,
        request_key: str | None = None,
    ) -> int:
        """Sent by post or handed over: file the letter and record it, in one step."""
        c = self.complaints
        async with c.uow() as uow:
            if request_key and (seen := await uow.inbound.seen(request_key)):
                return int(seen.rsplit(":", 1)[-1])
            actor = await c._current(uow, actor)
            dossier = await c._dossier(uow, number)
            now = c.clock()
            self._may_acknowledge(dossier, actor, method, sent_on)
            content = await _render(
                acknowledgement_pdf,
                dossier,
                actor.name,
                self.company,
                c.terms,
                sent_on or local_date(now),
            )
            document_id = await self.documents.save_file(
                uow,
                dossier.number,
                Kind.ACKNOWLEDGEMENT,
                _letter_name(dossier),
                PDF,
                content,
                actor.id,
                now,
            )
            await self._acknowledge_with(uow, actor, dossier, document_id, method, sent_on)
            if request_key:
                await uow.inbound.remember(request_key, f"{dossier.number}:{document_id}")
            await uow.commit()
        self._committed()
        return document_id

    async def _acknowledge_with(
        self,
        uow: UnitOfWork,
        actor: Person,
        dossier: Dossier,
        document_id: int,
        method: AcknowledgementMethod,
        sent_on: date | None,
    ) -> Dossier:
        c = self.complaints
        now = c.clock()
        action = Acknowledge(sent_on=sent_on or local_date(now), method=method)
        change = apply(dossier, action, actor, now, c.terms)
        await uow.dossiers.save(change.dossier)
        await c._record(uow, change, actor, now)
        title = t("letter.acknowledgement_title", number=dossier.number)
        return await self.documents.record(
            uow,
            actor,
            change.dossier,
            document_id,
            title,
            Kind.ACKNOWLEDGEMENT,
            _letter_name(dossier),
            PDF,
            now,
        )

    def _may_acknowledge(
        self,
        dossier: Dossier,
        actor: Person,
        method: AcknowledgementMethod,
        sent_on: date | None = None,
    ) -> None:
        """Ask the procedure, without recording anything, whether this acknowledgement may be."""
        now = self.complaints.clock()
        action = Acknowledge(sent_on=sent_on or local_date(now), method=method)
        apply(dossier, action, actor, now, self.complaints.terms)

    # -- the copy of the complaint ---------------------------------------------------

    async def complaint_copy_preview(self, actor: Person, number: str) -> bytes:
        view = await self.complaints.view(actor, number)
        registered_by = view.name_of(view.dossier.registered_by_id)
        if view.dossier.registered_by_id == SYSTEM.id:
            registered_by = SYSTEM.name
        return await _render(complaint_copy_pdf, view.dossier, registered_by, self.company)

    async def file_complaint_copy(
        self, actor: Person, number: str, *, request_key: str | None = None
    ) -> int:
        """The digital copy of a phone or website complaint, onto the dossier (and pinboard)."""
        content = await self.complaint_copy_preview(actor, number)
        number = number.strip().upper()
        return await self.documents.add(
            actor, number, Kind.COMPLAINT_COPY, f"kopie-klacht-{number}.pdf", PDF, content,
            t("letter.copy_title", number=number), request_key=request_key,
        )  # fmt: skip

    def _committed(self) -> None:
        # What the transaction queued goes out now, not at the dispatcher's next poll.
        for callback in self.complaints.on_commit:
            callback()

    # -- the protocol handout -----------------------------------------------------------

    async def protocol_pdf(self) -> bytes:
        return await _render(protocol_pdf, self.company)

    @staticmethod
    def protocol_text(lang: str = "nl") -> str:
        return t("protocol.text", lang)


async def _render(render: Callable[..., bytes], *args: Any) -> bytes:
    """A PDF takes a few hundred milliseconds (the font is read each time): not on the loop."""
    return await asyncio.to_thread(render, *args)


def _letter_name(dossier: Dossier) -> str:
    return f"ontvangstbevestiging-{dossier.number}.pdf"


def _person(person_id: int) -> Person:
    # Only the id matters: the use case reads the person as the database knows them now.
    return Person(id=int(person_id), name="")
