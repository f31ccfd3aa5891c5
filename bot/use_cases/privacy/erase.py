"""The customer's right to erasure: their dossiers anonymised now, as retention would.

Refused as a whole, before anything changes, while one of the dossiers is open, under
a legal hold, or not yet complete in Orthomatic: the coordinator is told which and why.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from bot.rules.fields import Text
from bot.rules.people import Person
from bot.rules.validation import parse
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.privacy.anonymise import Anonymiser
from bot.use_cases.privacy.customers import Found
from bot.use_cases.privacy.export import find
from bot.use_cases.privacy.ports import FreeSpace, PrivacyRepository


class ErasureReason(BaseModel):
    reason: Text


class Erasure:
    def __init__(
        self,
        anonymiser: Anonymiser,
        repository: Callable[[UnitOfWork], PrivacyRepository],
        free_space: FreeSpace,
    ) -> None:
        self.anonymiser = anonymiser
        self.repository = repository
        self.free_space = free_space

    async def run(self, actor: Person, customer_number: str, reason: str) -> list[Found]:
        why = parse(ErasureReason, {"reason": reason}).reason
        complaints = self.anonymiser.complaints
        actor, found = await find(complaints, self.repository, actor, customer_number)
        async with complaints.uow(readonly=True) as uow:
            for item in found:  # all of them may go, or none goes
                await self.anonymiser.check(uow, item.dossier)
        for item in found:
            await self.anonymiser.anonymise(actor, item.dossier.number, why)
        await self.free_space.scrub()
        return found
