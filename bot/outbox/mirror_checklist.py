"""The mirror as a checklist, and how far a dossier's mirror has come.

Without a bridge or an import folder the mirror items stay in the outbox as
MANUAL: the coordinator enters each one into Orthomatic by hand (the exact text
is given, to paste) and ticks it off here. Only the coordinator ticks: the
procedure makes them responsible for the customer card. Nothing is dropped; an
unticked item stays on the dossier card, and older ones are in the morning digest.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, time
from typing import Protocol

from pydantic import BaseModel

from bot.catalogue import t
from bot.outbox.messages import OutboxItem, OutboxStatus
from bot.outbox.mirror import CHANNEL, ItemKind, person_ids, text
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.workdays import WorkingCalendar, local_date, local_moment, utcnow
from bot.views.cards import Fact, Section

CARD_ITEMS = 5  # the card lists the first few; the CLI lists them all


class MirrorLedger(Protocol):
    """What the checklist needs from the outbox (`storage.outbox_store` has it)."""

    async def for_dossier(self, number: str, channel: str) -> list[OutboxItem]: ...
    async def tick(
        self, item_id: int, channel: str, now: datetime, by: str
    ) -> OutboxItem | None: ...
    async def manual_items(self, channel: str, created_before: datetime) -> list[OutboxItem]: ...


class ChecklistItem(BaseModel):
    """One thing to put in Orthomatic by hand."""

    id: int
    dossier_number: str
    kind: ItemKind
    date: str  # the step's date (ISO), as Orthomatic's contact date
    employee: str
    text: str  # exactly what to paste
    document_id: int | None = None  # the file to upload to the pinboard
    created_at: datetime


class MirrorState(BaseModel):
    """How far one dossier's mirror has come, for its card."""

    delivered: int = 0
    pending: int = 0  # on their way (automatic delivery, maybe retrying)
    failed: int = 0  # refused or given up: a person must act
    unticked: list[ChecklistItem] = []  # by hand, not yet ticked off

    @property
    def up_to_date(self) -> bool:
        return not (self.pending or self.failed or self.unticked)


PersonLookup = Callable[[int], Awaitable[Person | None]]


class MirrorChecklist:
    def __init__(
        self,
        ledger: MirrorLedger,
        person: PersonLookup,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.ledger = ledger
        self.person = person
        self.clock = clock

    async def state(self, number: str) -> MirrorState:
        state = MirrorState()
        manual: list[OutboxItem] = []
        for item in await self.ledger.for_dossier(number, CHANNEL):
            if item.status is OutboxStatus.DELIVERED:
                state.delivered += 1
            elif item.status is OutboxStatus.PENDING:
                state.pending += 1
            elif item.status is OutboxStatus.MANUAL:
                manual.append(item)
            else:
                state.failed += 1
        state.unticked = await self._checklist(manual)
        return state

    async def unticked(self, actor: Person, number: str) -> list[ChecklistItem]:
        await self._coordinator(actor)
        return (await self.state(number.strip().upper())).unticked

    async def tick(self, actor: Person, item_id: int) -> ChecklistItem:
        """The coordinator has put this item in Orthomatic."""
        actor = await self._coordinator(actor)
        item = await self.ledger.tick(item_id, CHANNEL, self.clock(), actor.name)
        if item is None:
            raise Refused("mirror.tick_unknown", item=str(item_id))
        return (await self._checklist([item]))[0]

    async def overdue(
        self, calendar: WorkingCalendar, working_days: int = 1
    ) -> list[ChecklistItem]:
        """Unticked items that have had `working_days` whole working days: for the morning
        digest (on Tuesday morning, what was already open on Monday morning)."""
        start = calendar.add(local_date(self.clock()), -working_days)
        cutoff = local_moment(start, time(0, 0))
        return await self._checklist(await self.ledger.manual_items(CHANNEL, cutoff))

    async def _coordinator(self, actor: Person) -> Person:
        current = await self.person(actor.id)
        if current is None or not current.has(Role.COORDINATOR):
            raise Refused("mirror.tick_forbidden")
        return current

    async def _checklist(self, items: Iterable[OutboxItem]) -> list[ChecklistItem]:
        items = list(items)
        names: dict[int, str] = {}
        for person_id in set().union(*(person_ids(i.payload) for i in items)):
            person = await self.person(person_id)
            if person:
                names[person_id] = person.name
        return [
            ChecklistItem(
                id=i.id,
                dossier_number=i.dossier_number or i.payload.get("dossier_number", ""),
                kind=ItemKind(i.payload["kind"]),
                date=i.payload["date"],
                employee=i.payload["employee"],
                text=text(i.payload, names),
                document_id=i.payload.get("document_id"),
                created_at=i.created_at,
            )
            for i in items
        ]


def mirror_fact(state: MirrorState, lang: str) -> Fact:
    """One line on the dossier card: is the customer card in Orthomatic up to date?"""
    parts = []
    if state.failed:
        parts.append(t("mirror.card.failed", lang, count=state.failed))
    if state.pending:
        parts.append(t("mirror.card.pending", lang, count=state.pending))
    if state.unticked:
        parts.append(t("mirror.card.manual", lang, count=len(state.unticked)))
    if not parts:
        key = "mirror.card.up_to_date" if state.delivered else "mirror.card.empty"
        parts.append(t(key, lang))
    return Fact(label=t("mirror.card.label", lang), value="; ".join(parts))


def digest_section(overdue: list[ChecklistItem], lang: str) -> Section | None:
    """For the morning digest: what has waited a whole working day to be entered by hand."""
    if not overdue:
        return None
    per_dossier: dict[str, list[ChecklistItem]] = {}
    for item in overdue:
        per_dossier.setdefault(item.dossier_number, []).append(item)
    lines = [
        t("mirror.digest.line", lang, number=number, count=len(items), since=items[0].date)
        for number, items in per_dossier.items()
    ]
    return Section(title=t("mirror.digest.title", lang), text="\n".join(lines))
