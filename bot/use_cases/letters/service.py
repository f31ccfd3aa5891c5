"""The letters as use cases: write, preview, send and file every letter the same way.

A letter is written (its form filled in: the text edited, the method chosen) and kept
as the dossier's draft, so that it can be previewed before it goes; the chat's tasks
then send it. The command line writes and sends in one go. Sending renders the PDF,
stores it with the dossier and then:

- by post: records the letter (`add_document`, so it goes to the pinboard) and the
  step it stands for, if any, at once;
- by e-mail: queues the mail in the outbox; the e-mail deliverer records the letter
  and its step only once the mail server accepted it, so the dossier never says "sent"
  when it was not.

Without a draft, the letter in hand is the acknowledgement as it would go out now.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.catalogue import t
from bot.chat.conflicts import retried
from bot.outbox.messages import OutboxMessage
from bot.rules.actions import Action, AddDocument
from bot.rules.dossier import Dossier, LetterMethod
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import apply, may_read
from bot.rules.roles import Role
from bot.rules.validation import parse
from bot.rules.workdays import local_date
from bot.use_cases.documents import PDF, Documents, Kind, StoredDocument
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.documents import (
    Sender,
    complaint_copy_pdf,
    letter_pdf,
    letter_values,
    protocol_pdf,
)
from bot.use_cases.letters.drafts import Draft, DraftRepository
from bot.use_cases.letters.kinds import ACKNOWLEDGEMENT, BY_NAME, LetterKind
from bot.use_cases.letters.offers import default_fields, letter_methods, may_write
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.services import DossierView, Outcome, Step

EMAIL = "email"  # the outbox channel of the e-mail deliverer
LETTER_MAIL = "letter"  # the payload kind it sends
ACKNOWLEDGEMENT_MAIL = "acknowledgement"  # queued before every letter went this way


@dataclass(frozen=True)
class Sent:
    """A letter on its way: its stored document, and whether it is recorded yet."""

    kind: LetterKind
    method: LetterMethod
    document_id: int


class Letters:
    def __init__(
        self,
        documents: Documents,
        company: Company,
        *,
        email_enabled: bool,
        drafts: Callable[[UnitOfWork], DraftRepository],
    ) -> None:
        self.documents = documents
        self.complaints = documents.complaints
        self.company = company
        self.email_enabled = email_enabled
        self.drafts = drafts

    # -- writing: the draft, previewed before it goes --------------------------------------

    async def write(
        self,
        actor: Person,
        number: str,
        kind: LetterKind,
        values: Mapping[str, Any],
        *,
        request_key: str | None = None,
    ) -> int:
        """Check the letter's form and keep it as the dossier's draft; returns its id.

        Refused as the sending would be (the step no longer allowed, no address for the
        method), so that a draft is always one that can go.
        """

        async def work(step: Step) -> None:
            assert step.dossier is not None
            fields = self._check(step, kind, values)
            draft_id = await self.drafts(step.uow).put(
                step.dossier.number, kind.name, fields, step.actor.id, step.now
            )
            step.result = f"{step.dossier.number}:{draft_id}"

        return _result_id(await self.complaints.run(actor, number, work, request_key=request_key))

    async def draft(self, actor: Person, number: str) -> Draft | None:
        """The dossier's draft, for someone who may read the dossier."""
        view = await self.complaints.view(actor, number)
        async with self.complaints.uow(readonly=True) as uow:
            return await self.drafts(uow).get(view.dossier.number)

    async def discard(self, actor: Person, number: str, draft_id: int | None = None) -> None:
        async def work(step: Step) -> None:
            assert step.dossier is not None
            draft = await self._current(step, draft_id)
            if draft is None:
                raise Refused("letter.draft_gone", number=step.dossier.number)
            if not may_read(step.actor, step.dossier):
                raise Refused("role.forbidden_read", number=step.dossier.number)
            mine = draft.created_by_id == step.actor.id
            if not (mine or step.actor.has(Role.COORDINATOR)):
                raise Refused("letter.forbidden", number=step.dossier.number)
            await self.drafts(step.uow).drop(step.dossier.number)

        await self.complaints.run(actor, number, work)

    async def preview(self, actor: Person, number: str) -> tuple[LetterKind, bytes]:
        """The letter in hand as it would go out now, signed by `actor`; nothing is recorded."""
        view = await self.complaints.view(actor, number)
        async with self.complaints.uow(readonly=True) as uow:
            draft = await self.drafts(uow).get(view.dossier.number)
        kind, fields = _in_hand(draft, view.dossier)
        today = local_date(self.complaints.clock())
        return kind, await self._render(kind, view.dossier, fields, actor, today)

    async def preview_of(
        self, actor: Person, number: str, kind: LetterKind, values: Mapping[str, Any]
    ) -> bytes:
        """A letter as it would go out with these values (checked as a sending would be,
        nothing kept): the command line's `--preview`."""
        letter: list[bytes] = []

        async def work(step: Step) -> None:
            assert step.dossier is not None
            fields = self._check(step, kind, values)
            today = local_date(step.now)
            letter.append(await self._render(kind, step.dossier, fields, step.actor, today))
            raise _Previewed  # write nothing: the transaction rolls back

        try:
            await self.complaints.run(actor, number, work)
        except _Previewed:
            return letter[0]
        raise AssertionError("a preview never commits")

    async def acknowledgement_preview(self, actor: Person, number: str) -> bytes:
        return (await self.preview(actor, number))[1]

    # -- sending ------------------------------------------------------------------------

    async def send(
        self,
        actor: Person,
        number: str,
        method: LetterMethod,
        *,
        draft_id: int | None = None,
        request_key: str | None = None,
    ) -> Sent:
        """Send the letter in hand (the draft, else the acknowledgement) by `method`."""

        async def work(step: Step) -> None:
            assert step.dossier is not None
            draft = await self._current(step, draft_id)
            if draft_id is not None and draft is None:
                raise Refused("letter.draft_gone", number=step.dossier.number)
            kind, fields = _in_hand(draft, step.dossier)
            if draft is not None and fields.get("method") != method.value:
                raise Refused("letter.other_method")
            fields = self._check(step, kind, {**fields, "method": method.value})
            await self._send(step, kind, fields)

        return self._sent(await self.complaints.run(actor, number, work, request_key=request_key))

    async def send_now(
        self,
        actor: Person,
        number: str,
        kind: LetterKind,
        values: Mapping[str, Any],
        *,
        request_key: str | None = None,
    ) -> Sent:
        """Write and send in one go, without a draft (the command line)."""

        async def work(step: Step) -> None:
            await self._send(step, kind, self._check(step, kind, values))

        return self._sent(await self.complaints.run(actor, number, work, request_key=request_key))

    def _check(self, step: Step, kind: LetterKind, values: Mapping[str, Any]) -> dict[str, Any]:
        """The form's values, checked against the form, the procedure and the customer."""
        dossier = step.dossier
        assert dossier is not None
        if not may_read(step.actor, dossier):  # a letter holds what the dossier holds
            raise Refused("role.forbidden_read", number=dossier.number)
        fields = parse(kind.form, dict(values)).model_dump(mode="json", exclude={"document_id"})
        if kind.step is not None:
            # May the step happen now? The procedure says why not; nothing is recorded.
            step.check(_step_action(kind, fields, local_date(step.now), 0))
        elif not may_write(step.actor, kind, dossier):
            raise Refused("letter.forbidden", number=dossier.number)
        method = LetterMethod(fields["method"])
        if method not in letter_methods(dossier, self.email_enabled):
            raise Refused(_unreachable(method, self.email_enabled), number=dossier.number)
        return fields

    async def _send(self, step: Step, kind: LetterKind, fields: dict[str, Any]) -> None:
        dossier = step.dossier
        assert dossier is not None
        today = local_date(step.now)
        content = await self._render(kind, dossier, fields, step.actor, today)
        document_id = await self.documents.save_file(
            step.uow, dossier.number, kind.name, _filename(kind, dossier), PDF, content,
            step.actor.id, step.now,
        )  # fmt: skip
        await self.drafts(step.uow).drop(dossier.number)
        step.result = f"{dossier.number}:{document_id}:{kind.name}:{fields['method']}"
        if fields["method"] == LetterMethod.POST:
            await self._record(step, kind, fields, document_id)
            return
        await step.uow.outbox.add(
            OutboxMessage(
                channel=EMAIL,
                key=f"email:{LETTER_MAIL}:{document_id}",
                queue=f"email:{dossier.number}",
                dossier_number=dossier.number,
                payload={
                    "kind": LETTER_MAIL,
                    "letter": kind.name,
                    "document_id": document_id,
                    "to": dossier.customer.email,
                    "coordinator_id": step.actor.id,
                    "fields": fields,
                },
            )
        )

    async def _record(
        self, step: Step, kind: LetterKind, fields: Mapping[str, Any], document_id: int
    ) -> None:
        """The letter on the timeline (and so on the pinboard), with its step, together."""
        assert step.dossier is not None
        action = _step_action(kind, fields, local_date(step.now), document_id)
        title = t(f"letter.{kind.name}.title", number=step.dossier.number)
        name = _filename(kind, step.dossier)
        if action is not None and not kind.files_first:
            await step.apply(action)
        await self.documents.record(step, document_id, title, kind.name, name, PDF)
        if action is not None and kind.files_first:
            await step.apply(action)

    # -- what the e-mail deliverer asks ---------------------------------------------------

    async def before_emailing(
        self, payload: dict[str, Any], key: str
    ) -> tuple[Dossier, StoredDocument, LetterKind] | None:
        """What the deliverer sends, if it still may; None when it was sent and recorded.

        Raises `Refused` when the procedure no longer allows it (sent by post meanwhile,
        the coordinator lost the role): then nothing is sent.
        """
        c = self.complaints
        kind, fields = _mailed(payload)
        async with c.uow() as uow:
            if await uow.inbound.seen(key):
                return None
            document = await self.documents.repository(uow).get(payload["document_id"])
            if document is None:
                raise Refused("document.unknown", id=str(payload["document_id"]))
            actor = await c.current_actor(uow, _person(payload["coordinator_id"]))
            dossier = await c.load_dossier(uow, document.dossier_number)
            now = c.clock()
            # May it still? Nothing is recorded here.
            action = _step_action(kind, fields, local_date(now), document.id)
            for check in (action, AddDocument(title="-", reference="-")):
                if check is not None:
                    apply(dossier, check, actor, now, c.terms)
            return dossier, document, kind

    async def emailed(self, payload: dict[str, Any], key: str) -> Dossier:
        """The mail server accepted the letter: record it and its step.

        Recorded in the name of the person who sent it: the timeline says who decided.
        """
        kind, fields = _mailed(payload)
        document = await self.documents.load(payload["document_id"])
        if document is None:
            raise Refused("document.unknown", id=str(payload["document_id"]))

        async def work(step: Step) -> None:
            await self._record(step, kind, fields, document.id)

        sender = _person(payload["coordinator_id"])
        # The mail went: a race lost on the dossier (another delivery writing to it at the
        # same moment) is tried again, not reported as "sent but not recorded".
        outcome = await retried(
            lambda: self.complaints.run(sender, document.dossier_number, work, request_key=key)
        )
        return outcome.dossier

    def sender(self, person: Person) -> Sender:
        """How a letter is signed: the coordinator's function, or the directie's."""
        coordinator = person.has(Role.COORDINATOR) or not person.has(Role.DIRECTIE)
        return Sender(person.name, t("letter.function.coordinator" if coordinator else
                                     "letter.function.directie"))  # fmt: skip

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
        return await _render(protocol_pdf, self.company, self.complaints.terms)

    @staticmethod
    def protocol_text(lang: str = "nl") -> str:
        return t("protocol.text", lang)

    # -- shared ---------------------------------------------------------------------------

    async def _render(
        self,
        kind: LetterKind,
        dossier: Dossier,
        fields: Mapping[str, Any],
        actor: Person,
        today: date,
    ) -> bytes:
        values = letter_values(
            kind, dossier, fields, self.sender(actor), self.company, self.complaints.terms, today
        )
        return await _render(letter_pdf, kind, dossier, values, self.company)

    async def _current(self, step: Step, draft_id: int | None) -> Draft | None:
        """The dossier's draft; None when `draft_id` names one that is no longer it."""
        assert step.dossier is not None
        draft = await self.drafts(step.uow).get(step.dossier.number)
        if draft is not None and draft_id is not None and draft.id != draft_id:
            return None
        return draft

    @staticmethod
    def _sent(outcome: Outcome) -> Sent:
        # Remembered with the request as 'K-2026-0001:12:verlenging:post'.
        assert outcome.result is not None
        _, document_id, name, method = outcome.result.rsplit(":", 3)
        return Sent(BY_NAME[name], LetterMethod(method), int(document_id))


class _Previewed(Exception):
    """Ends a preview's transaction without keeping anything."""


def _in_hand(draft: Draft | None, dossier: Dossier) -> tuple[LetterKind, dict[str, Any]]:
    """The draft's letter, or else the acknowledgement with its usual text."""
    if draft is not None:
        return BY_NAME[draft.kind], dict(draft.fields)
    return ACKNOWLEDGEMENT, dict(default_fields(ACKNOWLEDGEMENT, dossier))


def _mailed(payload: Mapping[str, Any]) -> tuple[LetterKind, dict[str, Any]]:
    """The letter of an e-mail in the outbox (an acknowledgement queued before letters were
    one mechanism carries no fields: it is sent by e-mail)."""
    if payload.get("kind") == ACKNOWLEDGEMENT_MAIL:
        return ACKNOWLEDGEMENT, {"method": LetterMethod.EMAIL.value}
    return BY_NAME[payload["letter"]], dict(payload.get("fields") or {})


def _step_action(
    kind: LetterKind, fields: Mapping[str, Any], today: date, document_id: int
) -> Action | None:
    """The procedure's step a letter stands for, as it is recorded when the letter went."""
    if kind.step is None:
        return None
    given = {**fields, "sent_on": today, "document_id": document_id}
    return parse(kind.step, {k: v for k, v in given.items() if k in kind.step.model_fields})


def _unreachable(method: LetterMethod, email_enabled: bool) -> str:
    if method is LetterMethod.POST:
        return "letter.no_address"
    return "letter.no_email" if email_enabled else "letter.email_off"


def _filename(kind: LetterKind, dossier: Dossier) -> str:
    return f"{kind.name.replace('_', '-')}-{dossier.number}.pdf"


async def _render(render: Callable[..., bytes], *args: Any) -> bytes:
    """A PDF takes a few hundred milliseconds (the font is read each time): not on the loop."""
    return await asyncio.to_thread(render, *args)


def _result_id(outcome: Outcome) -> int:
    """The id remembered with the request as 'K-2026-0001:12'."""
    assert outcome.result is not None
    return int(outcome.result.rsplit(":", 1)[-1])


def _person(person_id: int) -> Person:
    # Only the id matters: the use case reads the person as the database knows them now.
    return Person(id=int(person_id), name="")
