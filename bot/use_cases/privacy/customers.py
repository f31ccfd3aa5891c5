"""Which dossiers are one customer's: by customer number, and the website's unconfirmed ones.

A website complaint may arrive without a confirmed customer number. Such a dossier
belongs to the customer when its name *and* its e-mail address are those of one of the
customer's numbered dossiers: a name alone is shared by many, and handing one
person's health data to another is worse than missing a dossier (the coordinator can
confirm the number first with `correct`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.rules.dossier import Customer, Dossier
from bot.use_cases.privacy.ports import PrivacyRepository


class FoundBy(StrEnum):
    NUMBER = "number"
    NAME_AND_EMAIL = "name_and_email"


@dataclass(frozen=True)
class Found:
    dossier: Dossier
    by: FoundBy


def _same(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def same_person(a: Customer, b: Customer) -> bool:
    return bool(a.email and b.email) and (
        _same(a.email) == _same(b.email) and _same(a.name) == _same(b.name)
    )


async def customer_dossiers(repository: PrivacyRepository, number: str) -> list[Found]:
    numbered = [d for d in await repository.of_customer(number) if d.anonymised_at is None]
    known = [d.customer for d in numbered]
    unconfirmed = [
        d for d in await repository.unconfirmed() if any(same_person(d.customer, k) for k in known)
    ]
    return [Found(d, FoundBy.NUMBER) for d in numbered] + [
        Found(d, FoundBy.NAME_AND_EMAIL) for d in unconfirmed
    ]
