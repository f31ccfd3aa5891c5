"""The use cases: each action runs in one transaction and returns what happened.

The flow is the same for every action (see DESIGN): load the dossier, let
`bot.rules.procedure` decide, then write the dossier, its event, its deadlines and the
outbox messages the reactors ask for, and commit. Only after the commit does
anything leave the process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.outbox.messages import Reactor
from bot.outbox.mirror_checklist import MirrorState
from bot.rules.actions import Action, Assign, Decide, Register
from bot.rules.deadlines import Terms
from bot.rules.dossier import OPEN_STATES, Dossier
from bot.rules.errors import Duplicate, Refused
from bot.rules.events import Event
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import Change, apply, can_own, may_read, register
from bot.rules.roles import Role
from bot.rules.workdays import WorkingCalendar, local_date, utcnow
from bot.use_cases.access_log import Access, Seen, record_read
from bot.use_cases.letters.drafts import Draft
from bot.use_cases.ports import Deadline, DossierFilter, UnitOfWork
from bot.use_cases.surfaces import Surface

# Fields of an action that name a person; each must be known staff.
_PERSON_FIELDS = ("owner_id", "contact_by_id", "new_owner_id")


# Extra writes a caller makes inside an action's transaction.
Also = Callable[[UnitOfWork, Change], Awaitable[None]]


LIST_LINES = 20  # what a list shows of its dossiers; one chat message holds about that many


class Scope(StrEnum):
    """Which dossiers a list shows (`/klacht lijst open|mijn|te-laat|alle`)."""

    OPEN = "open"
    MINE = "mijn"
    OVERDUE = "te-laat"
    ALL = "alle"


@dataclass
class Outcome:
    dossier: Dossier
    events: list[Event]
    duplicate: bool = False  # the request was a repeat; nothing new happened
    result: str | None = None  # what the work remembered for its request key (see Step)


@dataclass
class DossierView:
    """A dossier with everything a card or a report shows about it."""

    dossier: Dossier
    timeline: list[Event]
    deadlines: list[Deadline]
    people: dict[int, Person] = field(default_factory=dict)
    committee: str = ""  # where a customer who does not agree can go next
    mirror: MirrorState | None = None  # the Orthomatic mirror, when one is installed
    email_letters: bool = False  # the bot's letters can be e-mailed from the bot
    draft: Draft | None = None  # the letter being written to the customer, if any
    # The company's working days, to say how many are left before a deadline.
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    def name_of(self, person_id: int | None) -> str:
        if person_id is None:
            return "-"
        person = self.people.get(person_id)
        return person.name if person else f"#{person_id}"


@dataclass
class Listing:
    """The first dossiers of a list, and how many match in all."""

    views: list[DossierView]
    total: int


class Complaints:
    """The procedure's use cases, bound to a database and the settings' terms."""

    def __init__(
        self,
        uow: Callable[..., UnitOfWork],
        terms: Terms,
        reactors: list[Reactor] | None = None,
        clock: Callable[[], datetime] = utcnow,
        *,
        mirror_state: Callable[[str], Awaitable[MirrorState]] | None = None,
        email_letters: bool = False,
        letter_draft: Callable[[str], Awaitable[Draft | None]] | None = None,
    ) -> None:
        self.uow = uow
        self.terms = terms
        # The bot's own list, which the composition root fills with each integration's.
        self.reactors = reactors if reactors is not None else []
        self.clock = clock
        self.on_commit: list[Callable[[], None]] = []
        self._mirror_state = mirror_state
        self._email_letters = email_letters
        self._letter_draft = letter_draft

    # Both are given once, by the composition root, and read-only after: a card shows
    # the same mirror and the same letter buttons whoever built the bot.
    @property
    def mirror_state(self) -> Callable[[str], Awaitable[MirrorState]] | None:
        """How far a dossier's Orthomatic mirror has come; None without the mirror."""
        return self._mirror_state

    @property
    def email_letters(self) -> bool:
        """Whether a mail server is configured: the card then offers to e-mail the letter."""
        return self._email_letters

    async def register(
        self, actor: Person, action: Register, *, request_key: str | None = None
    ) -> Outcome:
        async def work(step: Step) -> None:
            await step.register(action)

        return await self.run(actor, None, work, request_key=request_key)

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

        async def work(step: Step) -> None:
            await step.apply(action, also=also)

        return await self.run(actor, number, work, request_key=request_key)

    async def run(
        self,
        actor: Person,
        number: str | None,
        work: Callable[[Step], Awaitable[None]],
        *,
        request_key: str | None = None,
    ) -> Outcome:
        """The shape of every action: dedupe, do the work, commit; then wake the outbox.

        `work` gets a `Step` on the dossier (loaded when `number` is given) and may
        apply several actions and write more alongside, all in one transaction.
        """
        try:
            async with self.uow() as uow:
                if request_key and (seen := await uow.inbound.seen(request_key)):
                    raise Duplicate(seen)
                step = Step(self, uow, await self.current_actor(uow, actor), self.clock())
                if number is not None:
                    await step.load(number)
                await work(step)
                if step.dossier is None:
                    raise Refused("dossier.unknown", number=number or "-")
                if request_key:
                    await uow.inbound.remember(request_key, step.result or step.dossier.number)
                await uow.commit()
        except Duplicate as duplicate:
            return await self._repeat(duplicate, request_key)
        except Refused:
            # A twin of this request may have committed while this one ran (it read the
            # key before, the dossier after): then this is a repeat, not a refusal.
            if request_key and await self._seen(request_key):
                return await self._repeat(Duplicate(), request_key)
            raise
        for callback in self.on_commit:
            callback()
        return Outcome(step.dossier, step.events, result=step.result)

    async def view(self, actor: Person, number: str, access: Access | None = None) -> DossierView:
        """The dossier for someone who may read it. With `access`, it is shown to them:
        the read is logged first (what cannot be logged is not shown). Without, it is a
        check inside a use case, and nothing of it reaches the person."""
        async with self.uow(readonly=True) as uow:
            actor = await self.current_actor(uow, actor)
            dossier = await self.load_dossier(uow, number)
            if not may_read(actor, dossier):
                raise Refused("role.forbidden_read", number=number)
            view = await self._view(uow, dossier)
        if access is not None:
            await self.record_read(actor, dossier.number, access)
        return await self._complete(view)

    async def record_read(
        self,
        reader: Person,
        dossiers: str | list[str],
        access: Access,
        item: str | None = None,
    ) -> None:
        """Log that `reader` saw `dossiers`, in a short writing transaction of its own.

        The read itself ran in a read-only transaction (on SQLite it does not wait for
        writers); the log line needs the write lock only for its own insert.
        """
        if not dossiers:
            return
        async with self.uow() as uow:
            await record_read(uow, reader, dossiers, access, self.clock(), item)
            await uow.commit()

    async def posted_view(self, number: str, timeline: bool = True) -> DossierView | None:
        """The dossier for a post the bot makes itself, where no person asks: the procedure
        chose the reader (the coordinators' channel, the new owner, the directie)."""
        async with self.uow(readonly=True) as uow:
            dossier = await uow.dossiers.get(number)
            if dossier is None:
                return None
            view = await self._view(uow, dossier, timeline)
        return await self._complete(view)

    async def _complete(self, view: DossierView) -> DossierView:
        """What a view learns from outside the dossier's own tables."""
        if self.mirror_state is not None:
            view.mirror = await self.mirror_state(view.dossier.number)
        view.email_letters = self.email_letters
        if self._letter_draft is not None and view.dossier.is_open:
            view.draft = await self._letter_draft(view.dossier.number)
        return view

    async def dossiers(
        self, actor: Person, scope: Scope = Scope.OPEN, surface: Surface | None = None
    ) -> list[DossierView]:
        """The dossiers this person may see (the oldest 200), with deadlines: the App Home.

        With `surface`, the list is shown to them, and each dossier in it is logged as read.
        """
        async with self.uow(readonly=True) as uow:
            query = await self._scope(uow, actor, scope)
            views = await self._views(uow, await uow.dossiers.find(query), deadlines=True)
        if surface is not None:
            await self.record_read(actor, _numbers(views), Access(surface, Seen.LIST))
        return views

    async def listing(
        self,
        actor: Person,
        scope: Scope = Scope.OPEN,
        shown: int = LIST_LINES,
        surface: Surface | None = None,
    ) -> Listing:
        """A list to answer `/klacht lijst` with: the oldest `shown` dossiers this person
        may see, with their deadlines (the list shows the next), and how many in all.

        A chat message holds a few dozen lines, so reading more would be work for
        nothing: with thousands of dossiers, every list would read them all.
        """
        async with self.uow(readonly=True) as uow:
            query = await self._scope(uow, actor, scope)
            query.limit = shown
            found = await uow.dossiers.find(query)
            total = len(found) if len(found) < shown else await uow.dossiers.count(query)
            listed = Listing(await self._views(uow, found, deadlines=True), total)
        if surface is not None:  # one line per dossier shown; the count reveals no dossier
            await self.record_read(actor, _numbers(listed.views), Access(surface, Seen.LIST))
        return listed

    async def _scope(self, uow: UnitOfWork, actor: Person, scope: Scope) -> DossierFilter:
        actor = await self.current_actor(uow, actor)
        sees_all = actor.has(Role.COORDINATOR) or actor.has(Role.DIRECTIE)
        query = DossierFilter(states=None if scope is Scope.ALL else OPEN_STATES)
        if scope is Scope.MINE or not sees_all:
            query.owner_id = actor.id
        if scope is Scope.OVERDUE:
            query.overdue_at = self.clock()
        return query

    async def _views(
        self, uow: UnitOfWork, found: list[Dossier], deadlines: bool
    ) -> list[DossierView]:
        # Two queries (one without deadlines) for the whole list, whatever its length.
        due = await uow.deadlines.for_dossiers([d.number for d in found]) if deadlines else {}
        people = await uow.people.get_many(list({i for d in found for i in _people_of(d)}))
        return [
            DossierView(
                dossier=d,
                timeline=[],
                deadlines=due.get(d.number, []),
                people={i: people[i] for i in _people_of(d) if i in people},
                committee=self.terms.committee,
                calendar=self.terms.calendar,
            )
            for d in found
        ]

    async def person(self, person_id: int) -> Person | None:
        async with self.uow(readonly=True) as uow:
            return await uow.people.get(person_id)

    # -- inside the transaction -------------------------------------------------

    async def current_actor(self, uow: UnitOfWork, actor: Person) -> Person:
        """The actor as the database knows them now (roles may have changed)."""
        if actor.id == SYSTEM.id:
            return SYSTEM
        current = await uow.people.get(actor.id)
        if current is None:
            raise Refused("person.unknown_actor")
        if not current.active:
            raise Refused("person.inactive")  # deactivated: refused everywhere at once
        return current

    async def load_dossier(self, uow: UnitOfWork, number: str) -> Dossier:
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
            if not can_own(person):
                raise Refused("person.not_staff", field=name, name=person.name)

    async def _record(self, uow: UnitOfWork, change: Change, actor: Person, now: datetime) -> Event:
        event = change.event(actor, now)
        await uow.dossiers.append(event)
        await uow.deadlines.apply(change.dossier.number, change.deadlines, now)
        for reactor in self.reactors:
            for message in reactor(event, change.dossier):
                await uow.outbox.add(message)
        return event

    async def _view(self, uow: UnitOfWork, dossier: Dossier, timeline: bool = True) -> DossierView:
        return DossierView(
            dossier=dossier,
            timeline=await uow.dossiers.timeline(dossier.number) if timeline else [],
            deadlines=await uow.deadlines.for_dossier(dossier.number),
            people=await uow.people.get_many(list(_people_of(dossier))),
            committee=self.terms.committee,
            calendar=self.terms.calendar,
        )

    async def _seen(self, request_key: str) -> str | None:
        async with self.uow(readonly=True) as uow:
            return await uow.inbound.seen(request_key)

    async def _repeat(self, duplicate: Duplicate, request_key: str | None) -> Outcome:
        """Answer a repeated request with the dossier as it stands, doing nothing again."""
        result = duplicate.result
        async with self.uow(readonly=True) as uow:
            if result is None and request_key:
                result = await uow.inbound.seen(request_key)
            number = result.split(":", 1)[0] if result else None
            dossier = await uow.dossiers.get(number) if number else None
        if dossier is None:
            raise duplicate
        return Outcome(dossier, [], duplicate=True, result=result)


def _numbers(views: list[DossierView]) -> list[str]:
    return [v.dossier.number for v in views]


def _people_of(dossier: Dossier) -> set[int]:
    """Whom a dossier's card names: who registered it, its owner, who contacts the customer,
    who escalated."""
    ids = {dossier.registered_by_id}
    if dossier.assignment:
        ids |= {dossier.assignment.owner_id, dossier.assignment.contact_by_id}
    if dossier.escalation:
        ids.add(dossier.escalation.by_id)
    return ids


class Step:
    """One dossier inside one transaction: apply actions in order, write more alongside.

    `Complaints.act` is the one-action case; a letter filed together with the
    acknowledgement it records is a two-action one. Set `result` to remember more
    than the dossier number for the request key (a document id, say).
    """

    def __init__(self, complaints: Complaints, uow: UnitOfWork, actor: Person, now: datetime):
        self.complaints = complaints
        self.uow = uow
        self.actor = actor
        self.now = now
        self.dossier: Dossier | None = None
        self.events: list[Event] = []
        self.result: str | None = None

    async def load(self, number: str) -> Dossier:
        self.dossier = await self.complaints.load_dossier(self.uow, number)
        return self.dossier

    async def register(self, action: Register) -> Change:
        c = self.complaints
        number = await self.uow.dossiers.next_number(local_date(self.now).year)
        change = register(action, self.actor, number, self.now, c.terms)
        await self.uow.dossiers.add(change.dossier)
        return await self._record(change)

    def check(self, action: Action) -> None:
        """Ask the procedure whether `action` may happen now, recording nothing."""
        assert self.dossier is not None
        apply(self.dossier, action, self.actor, self.now, self.complaints.terms)

    async def apply(
        self, action: Action, *, data: dict[str, Any] | None = None, also: Also | None = None
    ) -> Change:
        """Apply one action; `data` adds to its event (ids of what was stored alongside)."""
        if isinstance(action, Register):
            raise Refused("action.unknown", action=action.name)
        if self.dossier is None:
            raise Refused("dossier.unknown", number="-")
        await self.complaints._check_people(self.uow, action)
        change = apply(self.dossier, action, self.actor, self.now, self.complaints.terms)
        change.data.update(data or {})
        if also is not None:
            await also(self.uow, change)
        await self.uow.dossiers.save(change.dossier)
        return await self._record(change)

    async def _record(self, change: Change) -> Change:
        self.events.append(await self.complaints._record(self.uow, change, self.actor, self.now))
        self.dossier = change.dossier
        return change
