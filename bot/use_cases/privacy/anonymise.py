"""Anonymising one dossier: the same for the retention period and a customer's request.

One transaction per dossier: the dossier is saved without its customer's data
(`bot.rules.personal`), its events' personal parts, its documents and its outbox
items are removed, and the chats are asked to redraw its card and say so in its
thread. The timeline keeps every event. Orthomatic is not erased: when the mirror put
documents on the pinboard, the coordinator gets a checklist line to remove them there.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.chat.reactor import anonymised_told
from bot.outbox.messages import OutboxItem
from bot.outbox.mirror import CHANNEL as MIRROR
from bot.outbox.mirror import behind, erase_item, on_pinboard
from bot.rules.dossier import Dossier, State
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM, Person
from bot.rules.personal import anonymised
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.privacy.ports import PrivacyRepository
from bot.use_cases.services import Complaints, Step


class Anonymiser:
    def __init__(
        self,
        complaints: Complaints,
        repository: Callable[[UnitOfWork], PrivacyRepository],
        platforms: list[str],
    ) -> None:
        self.complaints = complaints
        self.repository = repository
        self.platforms = platforms  # the chat platforms, as the composition root fills them

    async def check(self, uow: UnitOfWork, dossier: Dossier) -> list[OutboxItem]:
        """Refuse while the dossier may not be anonymised; its mirror items otherwise."""
        number = dossier.number
        if dossier.anonymised_at is not None:
            raise Refused("privacy.already", number=number)
        if dossier.state is not State.GESLOTEN:
            raise Refused("privacy.open", number=number)
        if dossier.hold is not None:
            raise Refused("privacy.on_hold", number=number, reason=dossier.hold.reason)
        items = await self.repository(uow).outbox_items(number, MIRROR)
        # Orthomatic keeps the company's own record: it must be complete before the
        # texts its items would still carry there are gone here.
        if behind(items):
            raise Refused("privacy.mirror_behind", number=number)
        return items

    async def anonymise(self, actor: Person, number: str, reason: str | None = None) -> None:
        """`actor` is SYSTEM for the retention period, the coordinator for a request."""

        async def work(step: Step) -> None:
            assert step.dossier is not None
            items = await self.check(step.uow, step.dossier)
            erased_by = None if step.actor.id == SYSTEM.id else step.actor.id
            forgotten = anonymised(step.dossier, step.now, erased_by, reason)
            await step.uow.dossiers.save(forgotten)
            await self.repository(step.uow).forget(forgotten.number)
            for platform in self.platforms:
                for message in anonymised_told(platform, forgotten.number, step.actor.name):
                    await step.uow.outbox.add(message)
            if documents := on_pinboard(items):
                erase = erase_item(forgotten.number, documents, step.now, step.actor.name)
                await step.uow.outbox.add(erase)
            step.dossier = forgotten

        await self.complaints.run(actor, number, work)
