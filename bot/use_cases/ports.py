"""What the use cases need from storage, as protocols. `storage` implements them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol, Self

from pydantic import BaseModel

from bot.outbox.messages import OutboxMessage
from bot.rules.deadlines import DeadlineChange, DeadlineKind
from bot.rules.dossier import Dossier, State
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.use_cases.read_log import ReadLogRepository
from bot.use_cases.staff_log import StaffLogRepository


class Deadline(BaseModel):
    id: int
    dossier_number: str
    kind: DeadlineKind
    due_on: date
    due_at: datetime  # the end of `due_on` in Amsterdam, as UTC
    met_at: datetime | None = None
    dropped_at: datetime | None = None
    next_notice_at: datetime | None = None
    notices: int = 0

    @property
    def pending(self) -> bool:
        return self.met_at is None and self.dropped_at is None


class DossierFilter(BaseModel):
    states: frozenset[State] | None = None
    owner_id: int | None = None  # dossiers this person owns or contacts the customer for
    overdue_at: datetime | None = None  # only dossiers with a pending deadline past this moment
    owner_inactive: bool = False  # only dossiers whose owner was deactivated
    limit: int = 200


class DossierRepository(Protocol):
    async def next_number(self, year: int) -> str: ...
    async def add(self, dossier: Dossier) -> None: ...
    async def get(self, number: str) -> Dossier | None: ...
    async def save(self, dossier: Dossier) -> None: ...
    async def append(self, event: Event) -> None: ...
    async def timeline(self, number: str) -> list[Event]: ...
    async def find(self, query: DossierFilter) -> list[Dossier]: ...
    async def count(self, query: DossierFilter) -> int: ...


class PeopleRepository(Protocol):
    async def get(self, person_id: int) -> Person | None: ...
    async def get_many(self, person_ids: Sequence[int]) -> dict[int, Person]: ...
    async def lookup(self, text: str) -> Person | None: ...
    async def by_slack(self, slack_user_id: str) -> Person | None: ...
    async def by_teams(self, aad_id: str | None, email: str | None) -> Person | None: ...
    async def add(
        self,
        name: str,
        roles: Sequence[Role],
        email: str | None = None,
        slack_user_id: str | None = None,
        teams_aad_id: str | None = None,
    ) -> Person: ...
    async def set_roles(self, person_id: int, roles: Sequence[Role]) -> Person: ...
    async def set_active(self, person_id: int, active: bool) -> Person: ...
    async def all(self) -> list[Person]: ...


class DeadlineRepository(Protocol):
    async def for_dossiers(self, numbers: Sequence[str]) -> dict[str, list[Deadline]]: ...
    async def apply(
        self, number: str, changes: Sequence[DeadlineChange], now: datetime
    ) -> None: ...
    async def for_dossier(self, number: str) -> list[Deadline]: ...
    async def pending(self, due_before: datetime | None = None) -> list[Deadline]: ...


class Outbox(Protocol):
    async def add(self, message: OutboxMessage) -> None: ...


class InboundKeys(Protocol):
    async def seen(self, key: str) -> str | None: ...
    async def remember(self, key: str, result: str) -> None: ...


class UnitOfWork(Protocol):
    """One transaction. Nothing is kept unless `commit` is called.

    Factories take `readonly=True` for a transaction that only reads.
    """

    dossiers: DossierRepository
    people: PeopleRepository
    deadlines: DeadlineRepository
    outbox: Outbox
    inbound: InboundKeys
    staff_log: StaffLogRepository
    reads: ReadLogRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    async def commit(self) -> None: ...
