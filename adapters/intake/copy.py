"""The copy of a phone or website complaint, filed by the bot after the registration.

A letter or a dissatisfaction form arrives on paper: its scan is the digital copy.
A phone call or the website form has no paper, so the procedure's "copy of the
complaint on the pinboard" is a PDF of the registration. Rendering takes a few
hundred milliseconds, too long for the registering transaction; so the
registration writes an outbox item, and this deliverer renders and files the
copy (as the bot, with `AddDocument`) moments later. The item's key is the
request key, so a redelivery after a crash never files a second copy; the
Orthomatic mirror then puts it on the pinboard like any document.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.chat.conflicts import retried
from bot.outbox.messages import OutboxItem, OutboxMessage, Rejected
from bot.rules.actions import Register
from bot.rules.dossier import Dossier, IntakeChannel
from bot.rules.errors import Refused
from bot.rules.events import Event
from bot.use_cases.letters.service import Letters

CHANNEL = "paper"  # the outbox channel of documents the bot makes itself
WITHOUT_PAPER = frozenset({IntakeChannel.TELEFOON, IntakeChannel.WEBSITE})


def complaint_copy(event: Event, dossier: Dossier) -> Iterable[OutboxMessage]:
    if event.action == Register.name and dossier.channel in WITHOUT_PAPER:
        number = dossier.number
        yield OutboxMessage(
            channel=CHANNEL,
            key=f"{CHANNEL}:copy:{number}",
            queue=f"{CHANNEL}:{number}",
            payload={"kind": "complaint_copy", "number": number},
            dossier_number=number,
        )


class CopyFiler:
    """Delivers the outbox's `paper` items: renders the copy and files it."""

    def __init__(self, letters: Letters) -> None:
        self.letters = letters

    async def deliver(self, item: OutboxItem) -> None:
        number = item.payload["number"]
        try:
            # Another delivery (the acknowledgement e-mailed, say) may write to the dossier
            # at the same moment: a lost race is tried again, not the end of the copy.
            await retried(lambda: self.letters.file_registration_copy(number, request_key=item.key))
        except Refused as refused:  # e.g. closed before the copy was made: nothing to file
            raise Rejected(f"complaint copy: {refused.key}") from refused
