"""The use cases: each action runs in one transaction and returns what happened.

The flow is the same for every action (see DESIGN): load the dossier, let
`bot.procedure` decide, then write the dossier, its event, its deadlines and the
outbox messages the reactors ask for, and commit. Only after the commit does
anything leave the process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.actions import Action, Assign, Decide, Register
from bot.deadlines import Terms
from bot.dossier import OPEN_STATES, Dossier
from bot.errors import Duplicate, Refused
from bot.events import Event
from bot.outbox import Reactor
from bot.people import SYSTEM, Person
from bot.ports import Deadline, DossierFilter, UnitOfWork
from bot.procedure import Change, apply, may_read, register
from bot.roles import Role
from bot.workdays import local_date, utcnow

# Fields of an action that name a person; each must be known staff.
_PERSON_FIELDS = ("owner_id", "contact_by_id", "new_owner_id")
_STAFF = (Role.MEDEWERKER, Role.COORDINATOR, Role.DIRECTIE)


# Extra writes a caller makes inside an action's transaction.
Also = Callable[[UnitOfWork, Change], Awaitable[None]]


class Scope(StrEnum):
    """Which dossiers a list shows (`/klacht lijst open|mijn|te-laat`)."""

    OPEN = "open"
    MINE = "mijn"
    OVERDUE = "te-laat"
    ALL = "alle"


@dataclass
class Outcome:
    dossier: Dossier
    events: list[Event]
    duplicate: bool = False  # the request was a repeat; nothing new happened


@dataclass
class DossierView:
    """A dossier with everything a card or a report shows about it."""

    dossier: Dossier
    timeline: list[Event]
    deadlines: list[Deadline]
    people: dict[int, Person] = field(default_factory=dict)
    committee: str = ""  # where a customer who does not agree can go next

    def name_of(self, person_id: int | None) -> str:
        if person_id is None:
            return "-"
        person = self.people.get(person_id)
        return person.name if person else f"#{person_id}"


class Complaints:
    """The procedure's use cases, bound to a database and the settings' terms."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        terms: Terms,
        reactors: list[Reactor] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.uow = uow
        self.terms = terms
        # The same list the composition root hands integrations, so what they add here runs.
        self.reactors = reactors if reactors is not None else []
        self.clock = clock
        self.on_commit: list[Callable[[], None]] = []

    async def register(
        self, actor: Person, action: Register, *, request_key: str | None = None
    ) -> Outcome:
        async def decide(uow: UnitOfWork, actor: Person, now: datetime) -> Change:
            number = await uow.dossiers.next_number(local_date(now).year)
            change = register(action, actor, number, now, self.terms)
            await uow.dossiers.add(change.dossier)
            return change

        return await self._transaction(actor, request_key, decide)

    async def act(
        self,
        actor: Person,
        number: str,
        action: Action,
        *,
        request_key: str | None = None,
        also: Also | None = None,
    ) -> Outcome:
        """Apply one action. `also` writes more in the same transaction (e.g. a document row)."""
        if isinstance(action, Register):
            raise Refused("action.unknown", action=action.name)

        async def decide(uow: UnitOfWork, actor: Person, now: datetime) -> Change:
            dossier = await self._dossier(uow, number)
            await self._check_people(uow, action)
            change = apply(dossier, action, actor, now, self.terms)
            if also is not None:
                await also(uow, change)
            await uow.dossiers.save(change.dossier)
            return change

        return await self._transaction(actor, request_key, decide)

    async def _transaction(
        self,
        actor: Person,
        request_key: str | None,
        decide: Callable[[UnitOfWork, Person, datetime], Awaitable[Change]],
    ) -> Outcome:
        """The shape of every action: dedupe, decide, record, commit; then tell the outbox."""
        try:
            async with self.uow() as uow:
                if request_key and (seen := await uow.inbound.seen(request_key)):
                    raise Duplicate(seen)
                actor = await self._current(uow, actor)
                now = self.clock()
                change = await decide(uow, actor, now)
                event = await self._record(uow, change, actor, now)
                if request_key:
                    await uow.inbound.remember(request_key, change.dossier.number)
                await uow.commit()
        except Duplicate as duplicate:
            return await self._repeat(duplicate, request_key)
        for callback in self.on_commit:
            callback()
        return Outcome(change.dossier, [event])

    async def view(self, actor: Person, number: str) -> DossierView:
        async with self.uow() as uow:
            actor = await self._current(uow, actor)
            dossier = await self._dossier(uow, number)
            if not may_read(actor, dossier):
                raise Refused("role.forbidden_read", number=number)
            return await self._view(uow, dossier)

    async def dossiers(self, actor: Person, scope: Scope = Scope.OPEN) -> list[DossierView]:
        """The dossiers this person may see, for a list or the App Home."""
        async with self.uow() as uow:
            actor = await self._current(uow, actor)
            sees_all = actor.has(Role.COORDINATOR) or actor.has(Role.DIRECTIE)
            query = DossierFilter(states=None if scope is Scope.ALL else OPEN_STATES)
            if scope is Scope.MINE or not sees_all:
                query.owner_id = actor.id
            if scope is Scope.OVERDUE:
                query.overdue_at = self.clock()
            return [
                await self._view(uow, d, timeline=False) for d in await uow.dossiers.find(query)
            ]

    async def person(self, person_id: int) -> Person | None:
        async with self.uow() as uow:
            return await uow.people.get(person_id)

    # -- inside the transaction -------------------------------------------------

    async def _current(self, uow: UnitOfWork, actor: Person) -> Person:
        """The actor as the database knows them now (roles may have changed)."""
        if actor.id == SYSTEM.id:
            return SYSTEM
        current = await uow.people.get(actor.id)
        if current is None or not current.active:
            raise Refused("person.unknown_actor")
        return current

    async def _dossier(self, uow: UnitOfWork, number: str) -> Dossier:
        dossier = await uow.dossiers.get(number.strip().upper())
        if dossier is None:
            raise Refused("dossier.unknown", number=number)
        return dossier

    async def _check_people(self, uow: UnitOfWork, action: Action) -> None:
        if not isinstance(action, Assign | Decide):
            return
        for name in _PERSON_FIELDS:
            person_id = getattr(action, name, None)
            if person_id is None:
                continue
            person = await uow.people.get(person_id)
            if person is None or not person.active:
                raise Refused("person.unknown", field=name, person=str(person_id))
            if not any(person.has(role) for role in _STAFF):
                raise Refused("person.not_staff", field=name, name=person.name)

    async def _record(self, uow: UnitOfWork, change: Change, actor: Person, now: datetime) -> Event:
        event = Event(
            dossier_number=change.dossier.number,
            seq=change.dossier.version,
            at=now,
            actor_id=actor.id,
            actor_name=actor.name,
            action=change.action,
            data=change.data,
            from_state=change.from_state,
            to_state=change.dossier.state,
        )
        await uow.dossiers.append(event)
        await uow.deadlines.apply(change.dossier.number, change.deadlines, now)
        for reactor in self.reactors:
            for message in reactor(event, change.dossier):
                await uow.outbox.add(message)
        return event

    async def _view(self, uow: UnitOfWork, dossier: Dossier, timeline: bool = True) -> DossierView:
        ids = {dossier.registered_by_id}
        if dossier.assignment:
            ids |= {dossier.assignment.owner_id, dossier.assignment.contact_by_id}
        people = {i: p for i in ids if (p := await uow.people.get(i))}
        return DossierView(
            dossier=dossier,
            timeline=await uow.dossiers.timeline(dossier.number) if timeline else [],
            deadlines=await uow.deadlines.for_dossier(dossier.number),
            people=people,
            committee=self.terms.committee,
        )

    async def _repeat(self, duplicate: Duplicate, request_key: str | None) -> Outcome:
        """Answer a repeated request with the dossier as it stands, doing nothing again."""
        number = duplicate.result
        async with self.uow() as uow:
            if number is None and request_key:
                number = await uow.inbound.seen(request_key)
            dossier = await uow.dossiers.get(number) if number else None
        if dossier is None:
            raise duplicate
        return Outcome(dossier, [], duplicate=True)
