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

from bot.catalogue import t
from bot.outbox.messages import OutboxMessage
from bot.rules.actions import Acknowledge
from bot.rules.dossier import AcknowledgementMethod, Dossier
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import apply
from bot.rules.workdays import local_date
from bot.use_cases.documents import PDF, Documents, Kind, StoredDocument
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.documents import acknowledgement_pdf, complaint_copy_pdf, protocol_pdf
from bot.use_cases.services import DossierView, Outcome, Step

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

        async def work(step: Step) -> None:
            dossier = step.dossier
            assert dossier is not None
            step.check(
                Acknowledge(sent_on=local_date(step.now), method=AcknowledgementMethod.EMAIL)
            )
            if not self.email_enabled:
                raise Refused("letter.email_off")
            if not dossier.customer.email:
                raise Refused("letter.no_email", field="customer_email", number=dossier.number)
            document_id = await self._file_letter(step, local_date(step.now))
            await step.uow.outbox.add(
                OutboxMessage(
                    channel=EMAIL,
                    key=f"email:{ACKNOWLEDGEMENT_MAIL}:{document_id}",
                    queue=f"email:{dossier.number}",
                    dossier_number=dossier.number,
                    payload={
                        "kind": ACKNOWLEDGEMENT_MAIL,
                        "document_id": document_id,
                        "to": dossier.customer.email,
                        "coordinator_id": step.actor.id,
                    },
                )
            )
            step.result = f"{dossier.number}:{document_id}"

        return _document_id(await self.complaints.run(actor, number, work, request_key=request_key))

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
            actor = await c.current_actor(uow, _person(payload["coordinator_id"]))
            dossier = await c.load_dossier(uow, document.dossier_number)
            now = c.clock()
            action = Acknowledge(sent_on=local_date(now), method=AcknowledgementMethod.EMAIL)
            apply(dossier, action, actor, now, c.terms)  # may it still? nothing is recorded
            return dossier, document

    async def acknowledgement_emailed(self, payload: dict[str, Any], key: str) -> Dossier:
        """The mail server accepted the letter: record the acknowledgement and file the letter.

        Recorded in the name of the coordinator who sent it: the procedure gives the
        acknowledgement to the coordinator, and the timeline should say who decided.
        """
        document = await self.documents.load(payload["document_id"])
        if document is None:
            raise Refused("document.unknown", id=str(payload["document_id"]))

        async def work(step: Step) -> None:
            await self._acknowledge_with(step, document.id, AcknowledgementMethod.EMAIL, None)

        coordinator = _person(payload["coordinator_id"])
        outcome = await self.complaints.run(
            coordinator, document.dossier_number, work, request_key=key
        )
        return outcome.dossier

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

        async def work(step: Step) -> None:
            step.check(Acknowledge(sent_on=sent_on or local_date(step.now), method=method))
            document_id = await self._file_letter(step, sent_on or local_date(step.now))
            await self._acknowledge_with(step, document_id, method, sent_on)
            step.result = f"{number}:{document_id}"

        return _document_id(await self.complaints.run(actor, number, work, request_key=request_key))

    async def _file_letter(self, step: Step, dated: date) -> int:
        """Render the acknowledgement letter and store it with the dossier (not yet recorded)."""
        assert step.dossier is not None
        content = await _render(
            acknowledgement_pdf, step.dossier, step.actor.name, self.company,
            self.complaints.terms, dated,
        )  # fmt: skip
        return await self.documents.save_file(
            step.uow, step.dossier.number, Kind.ACKNOWLEDGEMENT, _letter_name(step.dossier),
            PDF, content, step.actor.id, step.now,
        )  # fmt: skip

    async def _acknowledge_with(
        self, step: Step, document_id: int, method: AcknowledgementMethod, sent_on: date | None
    ) -> None:
        """The acknowledgement and its letter on the timeline, together."""
        assert step.dossier is not None
        name = _letter_name(step.dossier)
        await step.apply(Acknowledge(sent_on=sent_on or local_date(step.now), method=method))
        title = t("letter.acknowledgement_title", number=step.dossier.number)
        await self.documents.record(step, document_id, title, Kind.ACKNOWLEDGEMENT, name, PDF)

    # -- the copy of the complaint ---------------------------------------------------

    async def complaint_copy_preview(self, actor: Person, number: str) -> bytes:
        return await self._complaint_copy(await self.complaints.view(actor, number))

    async def file_registration_copy(self, number: str, *, request_key: str) -> int:
        """The copy of a phone or website complaint, filed by the bot itself right after
        the registration (see `adapters.intake.copy`): what the customer said, for the
        pinboard, without anyone having to remember it."""
        view = await self.complaints.posted_view(number, timeline=False)
        if view is None:
            raise Refused("dossier.unknown", number=number)
        return await self._file_copy(SYSTEM, number, await self._complaint_copy(view), request_key)

    async def _file_copy(
        self, actor: Person, number: str, content: bytes, request_key: str | None
    ) -> int:
        return await self.documents.add(
            actor, number, Kind.COMPLAINT_COPY, f"kopie-klacht-{number}.pdf", PDF, content,
            t("letter.copy_title", number=number), request_key=request_key,
        )  # fmt: skip

    async def _complaint_copy(self, view: DossierView) -> bytes:
        registered_by = view.name_of(view.dossier.registered_by_id)
        if view.dossier.registered_by_id == SYSTEM.id:
            registered_by = SYSTEM.name
        return await _render(complaint_copy_pdf, view.dossier, registered_by, self.company)

    async def file_complaint_copy(
        self, actor: Person, number: str, *, request_key: str | None = None
    ) -> int:
        """The digital copy of a phone or website complaint, onto the dossier (and pinboard)."""
        content = await self.complaint_copy_preview(actor, number)
        return await self._file_copy(actor, number.strip().upper(), content, request_key)

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


def _document_id(outcome: Outcome) -> int:
    """The letter's document id, remembered with the request as 'K-2026-0001:12'."""
    assert outcome.result is not None
    return int(outcome.result.rsplit(":", 1)[-1])


def _person(person_id: int) -> Person:
    # Only the id matters: the use case reads the person as the database knows them now.
    return Person(id=int(person_id), name="")
