"""The e-mail deliverer: sends a letter to the customer and records it once accepted."""

from __future__ import annotations

import logging
import re
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from adapters.email.smtp import SmtpConfig, send
from bot.catalogue import t
from bot.outbox.messages import OutboxItem, Rejected, RetryLater
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.use_cases.letters.dutch import salutation
from bot.use_cases.letters.kinds import LetterKind
from bot.use_cases.letters.service import ACKNOWLEDGEMENT_MAIL, LETTER_MAIL, Letters
from bot.views.cards import Card, Section

log = logging.getLogger(__name__)


class EmailDeliverer:
    def __init__(
        self, config: SmtpConfig, letters: Letters, platforms: list[str], lang: str = "nl"
    ) -> None:
        self.config = config
        self.letters = letters
        self.platforms = platforms  # the bot's list: chat adapters add themselves later
        self.lang = lang

    async def deliver(self, item: OutboxItem) -> None:
        if item.payload.get("kind") not in (LETTER_MAIL, ACKNOWLEDGEMENT_MAIL):
            raise Rejected(f"unknown e-mail kind {item.payload.get('kind')!r}")
        recorded_key = f"email-recorded:{item.key}"
        try:
            prepared = await self.letters.before_emailing(item.payload, recorded_key)
        except Refused as refusal:
            # The procedure no longer allows it: send nothing, a person decides.
            raise Rejected(t(refusal.key, self.lang, **refusal.params)) from refusal
        if prepared is None:
            return  # sent and recorded by an earlier attempt
        dossier, document, kind = prepared
        sender = await self.letters.complaints.person(item.payload["coordinator_id"])
        message = self._message(
            item,
            kind,
            dossier.number,
            dossier.customer.name,
            document.content,
            document.filename,
            sender,
        )
        try:
            await send(self.config, message)
        except RetryLater as error:
            if item.attempts == 1:  # tell once, on the first failure; the retries go on
                await self.tell(item, "email.delayed", str(error))
            raise
        # Accepted: only now is the acknowledgement true.
        try:
            await self.letters.emailed(item.payload, recorded_key)
        except Refused as refusal:
            # Sent, but the dossier moved meanwhile: never send it twice, tell a person.
            await self.tell(item, "email.unrecorded", t(refusal.key, self.lang, **refusal.params))

    def _message(
        self,
        item: OutboxItem,
        kind: LetterKind,
        number: str,
        customer: str,
        pdf: bytes | None,
        filename: str,
        sender: Person | None,
    ) -> EmailMessage:
        # The customer's letters are Dutch, as the letter attached to them.
        company = self.letters.company
        signed = self.letters.sender(sender or Person(id=0, name=""))
        message = EmailMessage()
        message["Subject"] = t(f"letter.{kind.name}.subject", number=number)
        message["From"] = formataddr((company.name, self.config.sender))
        message["To"] = item.payload["to"]
        # One id per outbox item: a repeat after a crash is recognisable as the same mail.
        domain = self.config.sender.rpartition("@")[2] or "klachtenbot"
        message["Message-ID"] = make_msgid(re.sub(r"[^\w.-]", ".", item.key), domain)
        message.set_content(
            t(
                "email.body",
                salutation=salutation(customer),
                text=t(f"letter.{kind.name}.email", number=number),
                sender=signed.name,
                function=signed.function,
                company=company.name,
            )
        )
        message.add_attachment(pdf or b"", maintype="application", subtype="pdf", filename=filename)
        return message

    async def tell(self, item: OutboxItem, prefix: str, error: str) -> None:
        """A notice to the coordinators, in the outbox like every other message."""
        number = item.dossier_number or "-"
        name = str(item.payload.get("letter") or "ontvangstbevestiging")
        letter = t(f"letter.{name}.title", self.lang, number=number)
        card = Card(
            title=t(f"{prefix}_title", self.lang, letter=letter),
            sections=[Section(text=t(f"{prefix}_text", self.lang, error=error[:300]))],
        )
        notice = Notice(
            audience=Audience.COORDINATORS, dossier_number=item.dossier_number, card=card
        )
        messages = notice_messages(self.platforms, notice, key=f"{item.key}:{prefix}")
        if not messages:
            log.warning("no chat platform to tell about %s: %s", item.key, error)
            return
        async with self.letters.complaints.uow() as uow:
            for message in messages:
                await uow.outbox.add(message)
            await uow.commit()
        for callback in self.letters.complaints.on_commit:
            callback()

    async def on_failed(self, item: OutboxItem, reason: str) -> None:
        """The dispatcher gave up (a refusal, or the last attempt): tell the coordinators."""
        if item.channel == "email":
            await self.tell(item, "email.failed", reason)
