"""SQL implementations of the repositories the core's use cases ask for."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, exists, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.outbox.messages import OutboxMessage, OutboxStatus
from bot.rules.deadlines import DeadlineChange, DeadlineKind, Dropped, Due, Met
from bot.rules.dossier import Dossier
from bot.rules.errors import Duplicate, Refused
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.personal import split_event_data
from bot.rules.roles import Role
from bot.rules.workdays import end_of_day
from bot.use_cases.ports import Deadline, DossierFilter
from storage import tables as t
from storage.report_facts import write_facts

# Dossiers read into the model between two turns of the event loop (about half a ms).
_ROWS_PER_TURN = 25


def _upsert(connection: AsyncConnection):
    return pg_insert if connection.dialect.name == "postgresql" else sqlite_insert


class SqlDossiers:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def next_number(self, year: int) -> str:
        # Create the year's counter if needed, then take the next number under
        # the row's write lock; a rolled-back registration gives its number back.
        stmt = _upsert(self.c)(t.dossier_counters).values(year=year, last_number=0)
        await self.c.execute(stmt.on_conflict_do_nothing(index_elements=["year"]))
        result = await self.c.execute(
            update(t.dossier_counters)
            .where(t.dossier_counters.c.year == year)
            .values(last_number=t.dossier_counters.c.last_number + 1)
            .returning(t.dossier_counters.c.last_number)
        )
        return f"K-{year}-{result.scalar_one():04d}"

    def _columns(self, d: Dossier, now: datetime) -> dict:
        return {
            "state": d.state.value,
            "customer_number": d.customer.number,
            "customer_name": d.customer.name,
            "owner_id": d.assignment.owner_id if d.assignment else None,
            "contact_by_id": d.assignment.contact_by_id if d.assignment else None,
            "received_on": d.received_on,
            "updated_at": now,
            "closed_at": d.closed_at,
            "anonymised_at": d.anonymised_at,
            "data": d.model_dump(mode="json"),
        }

    async def add(self, dossier: Dossier) -> None:
        dossier.version = 1
        result = await self.c.execute(
            insert(t.dossiers)
            .values(
                number=dossier.number,
                registered_at=dossier.registered_at,
                version=1,
                **self._columns(dossier, dossier.registered_at),
            )
            .returning(t.dossiers.c.id)
        )
        await write_facts(self.c, result.scalar_one(), dossier)

    async def get(self, number: str) -> Dossier | None:
        row = (
            await self.c.execute(select(t.dossiers.c.data).where(t.dossiers.c.number == number))
        ).first()
        return Dossier.model_validate(row.data) if row else None

    async def save(self, dossier: Dossier) -> None:
        """Write a changed dossier, unless someone else changed it since it was read."""
        now = datetime.now(UTC)
        expected = dossier.version
        dossier.version = expected + 1
        result = await self.c.execute(
            update(t.dossiers)
            .where(t.dossiers.c.number == dossier.number, t.dossiers.c.version == expected)
            .values(version=dossier.version, **self._columns(dossier, now))
            .returning(t.dossiers.c.id)
        )
        written = result.first()
        if written is None:
            raise Refused("dossier.changed", number=dossier.number)
        await write_facts(self.c, written.id, dossier)

    async def _id(self, number: str) -> int:
        row = await self.c.execute(select(t.dossiers.c.id).where(t.dossiers.c.number == number))
        return row.scalar_one()

    async def append(self, event: Event) -> None:
        # The personal part of the data goes beside the event, where anonymisation can
        # remove it without touching the append-only timeline (bot/rules/personal.py).
        plain, personal = split_event_data(event.action, event.data)
        dossier_id = await self._id(event.dossier_number)
        result = await self.c.execute(
            insert(t.events)
            .values(
                dossier_id=dossier_id,
                seq=event.seq,
                at=event.at,
                actor_id=event.actor_id,
                actor_name=event.actor_name,
                action=event.action,
                from_state=event.from_state.value if event.from_state else None,
                to_state=event.to_state.value,
                data=plain,
            )
            .returning(t.events.c.id)
        )
        if personal:
            await self.c.execute(
                insert(t.event_details).values(
                    event_id=result.scalar_one(), dossier_id=dossier_id, data=personal
                )
            )

    async def timeline(self, number: str) -> list[Event]:
        e, ed = t.events, t.event_details
        rows = await self.c.execute(
            select(e, ed.c.data.label("personal"))
            .join(t.dossiers, t.dossiers.c.id == e.c.dossier_id)
            .outerjoin(ed, ed.c.event_id == e.c.id)
            .where(t.dossiers.c.number == number)
            .order_by(e.c.seq)
        )
        return [
            Event(
                dossier_number=number,
                seq=r.seq,
                at=r.at,
                actor_id=r.actor_id,
                actor_name=r.actor_name,
                action=r.action,
                data={**r.data, **(r.personal or {})},
                from_state=r.from_state,
                to_state=r.to_state,
            )
            for r in rows
        ]

    async def find(self, query: DossierFilter) -> list[Dossier]:
        d = t.dossiers
        stmt = _matching(select(d.c.data), query).order_by(d.c.received_on, d.c.id)
        found = []
        for i, row in enumerate(await self.c.execute(stmt.limit(query.limit))):
            if i and i % _ROWS_PER_TURN == 0:
                await asyncio.sleep(0)  # a long list leaves the event loop to the acks now and then
            found.append(Dossier.model_validate(row.data))
        return found

    async def count(self, query: DossierFilter) -> int:
        """How many dossiers match, however many `find` returns."""
        stmt = _matching(select(func.count()).select_from(t.dossiers), query)
        return (await self.c.execute(stmt)).scalar_one()


def _matching(stmt: Any, query: DossierFilter) -> Any:
    """The filter's conditions, the same for a list and for its count."""
    d = t.dossiers
    if query.states is not None:
        stmt = stmt.where(d.c.state.in_([s.value for s in query.states]))
    if query.owner_id is not None:
        stmt = stmt.where(or_(d.c.owner_id == query.owner_id, d.c.contact_by_id == query.owner_id))
    if query.owner_inactive:
        inactive = select(t.people.c.id).where(t.people.c.active.is_(False))
        stmt = stmt.where(d.c.owner_id.in_(inactive))
    if query.overdue_at is not None:
        dl = t.deadlines
        stmt = stmt.where(
            exists().where(
                dl.c.dossier_id == d.c.id,
                dl.c.met_at.is_(None),
                dl.c.dropped_at.is_(None),
                dl.c.due_at <= query.overdue_at,
            )
        )
    return stmt


class SqlPeople:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def _load(self, *conditions) -> list[Person]:  # type: ignore[no-untyped-def]
        # One query: a person's roles come along as extra rows (a handful at most). A
        # person is read before nearly every answer the bot gives.
        p, pr = t.people, t.person_roles
        rows = await self.c.execute(
            select(p, pr.c.role)
            .select_from(p.outerjoin(pr, pr.c.person_id == p.c.id))
            .where(*conditions)
            .order_by(p.c.name, p.c.id)
        )
        found: dict[int, tuple[Any, set[Role]]] = {}
        for r in rows:
            _, roles = found.setdefault(r.id, (r, set()))
            if r.role is not None:
                roles.add(Role(r.role))
        return [
            Person(
                id=r.id,
                name=r.name,
                email=r.email,
                roles=frozenset(roles),
                slack_user_id=r.slack_user_id,
                teams_aad_id=r.teams_aad_id,
                language=r.language,
                active=r.active,
            )
            for r, roles in found.values()
        ]

    async def _one(self, *conditions) -> Person | None:  # type: ignore[no-untyped-def]
        found = await self._load(*conditions)
        return found[0] if found else None

    async def get(self, person_id: int) -> Person | None:
        return await self._one(t.people.c.id == person_id)

    async def get_many(self, person_ids: Sequence[int]) -> dict[int, Person]:
        if not person_ids:
            return {}
        return {p.id: p for p in await self._load(t.people.c.id.in_(set(person_ids)))}

    async def lookup(self, text: str) -> Person | None:
        """A person by id, e-mail, Slack id or (case-insensitively) name."""
        text = text.strip()
        if text.isdigit():
            return await self.get(int(text))
        p = t.people.c
        found = await self._load(
            or_(
                func.lower(p.email) == text.lower(),
                p.slack_user_id == text,
                func.lower(p.name) == text.lower(),
            )
        )
        if not found:
            # A first name is enough when only one person has it ("Anna").
            pattern = text.lower().replace("%", "").replace("_", "") + " %"
            found = await self._load(func.lower(p.name).like(pattern))
        if len(found) > 1:
            raise Refused("person.ambiguous", name=text)
        return found[0] if found else None

    async def by_slack(self, slack_user_id: str) -> Person | None:
        return await self._one(t.people.c.slack_user_id == slack_user_id)

    async def by_teams(self, aad_id: str | None, email: str | None) -> Person | None:
        if aad_id and (person := await self._one(t.people.c.teams_aad_id == aad_id)):
            return person
        if email:
            return await self._one(func.lower(t.people.c.email) == email.lower())
        return None

    async def add(
        self,
        name: str,
        roles: Sequence[Role],
        email: str | None = None,
        slack_user_id: str | None = None,
        teams_aad_id: str | None = None,
    ) -> Person:
        p = t.people.c
        clash = await self._load(
            or_(
                and_(p.email.is_not(None), func.lower(p.email) == (email or "").lower()),
                and_(p.slack_user_id.is_not(None), p.slack_user_id == slack_user_id),
                and_(p.teams_aad_id.is_not(None), p.teams_aad_id == teams_aad_id),
            )
        )
        if clash:
            raise Refused("person.exists", name=clash[0].name)
        result = await self.c.execute(
            insert(t.people)
            .values(
                name=name,
                email=email,
                slack_user_id=slack_user_id,
                teams_aad_id=teams_aad_id,
                created_at=datetime.now(UTC),
            )
            .returning(t.people.c.id)
        )
        person_id = result.scalar_one()
        return await self.set_roles(person_id, roles)

    async def set_roles(self, person_id: int, roles: Sequence[Role]) -> Person:
        await self.c.execute(t.person_roles.delete().where(t.person_roles.c.person_id == person_id))
        if roles:
            await self.c.execute(
                insert(t.person_roles),
                [{"person_id": person_id, "role": r.value} for r in dict.fromkeys(roles)],
            )
        person = await self.get(person_id)
        assert person is not None
        return person

    async def set_active(self, person_id: int, active: bool) -> Person:
        await self.c.execute(
            update(t.people).where(t.people.c.id == person_id).values(active=active)
        )
        person = await self.get(person_id)
        assert person is not None
        return person

    async def all(self) -> list[Person]:
        return await self._load()


def _deadline(row) -> Deadline:  # type: ignore[no-untyped-def]
    return Deadline(
        id=row.id,
        dossier_number=row.number,
        kind=DeadlineKind(row.kind),
        due_on=row.due_on,
        due_at=row.due_at,
        met_at=row.met_at,
        dropped_at=row.dropped_at,
        next_notice_at=row.next_notice_at,
        notices=row.notices,
    )


class SqlDeadlines:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def apply(self, number: str, changes: Sequence[DeadlineChange], now: datetime) -> None:
        dossier_id = (
            await self.c.execute(select(t.dossiers.c.id).where(t.dossiers.c.number == number))
        ).scalar_one()
        dl = t.deadlines
        for change in changes:
            pending = and_(
                dl.c.dossier_id == dossier_id,
                dl.c.kind == change.kind.value,
                dl.c.met_at.is_(None),
                dl.c.dropped_at.is_(None),
            )
            if isinstance(change, Met):
                await self.c.execute(
                    update(dl).where(pending).values(met_at=now, next_notice_at=None)
                )
            elif isinstance(change, Dropped):
                await self.c.execute(
                    update(dl).where(pending).values(dropped_at=now, next_notice_at=None)
                )
            elif isinstance(change, Due):
                # Moving a deadline closes the old row, so its history stays readable.
                await self.c.execute(
                    update(dl).where(pending).values(dropped_at=now, next_notice_at=None)
                )
                due_at = end_of_day(change.due_on)
                await self.c.execute(
                    insert(dl).values(
                        dossier_id=dossier_id,
                        kind=change.kind.value,
                        due_on=change.due_on,
                        due_at=due_at,
                        created_at=now,
                        next_notice_at=now,  # the sweep's notice policy plans it
                        notices=0,
                    )
                )

    def _select(self):  # type: ignore[no-untyped-def]
        return select(t.deadlines, t.dossiers.c.number).join(
            t.dossiers, t.dossiers.c.id == t.deadlines.c.dossier_id
        )

    async def for_dossier(self, number: str) -> list[Deadline]:
        rows = await self.c.execute(
            self._select().where(t.dossiers.c.number == number).order_by(t.deadlines.c.id)
        )
        return [_deadline(r) for r in rows]

    async def for_dossiers(self, numbers: Sequence[str]) -> dict[str, list[Deadline]]:
        """The deadlines of many dossiers in one query (lists, the App Home)."""
        found: dict[str, list[Deadline]] = {n: [] for n in numbers}
        if numbers:
            rows = await self.c.execute(
                self._select().where(t.dossiers.c.number.in_(numbers)).order_by(t.deadlines.c.id)
            )
            for row in rows:
                found[row.number].append(_deadline(row))
        return found

    async def pending(self, due_before: datetime | None = None) -> list[Deadline]:
        dl = t.deadlines
        stmt = self._select().where(dl.c.met_at.is_(None), dl.c.dropped_at.is_(None))
        if due_before is not None:
            stmt = stmt.where(dl.c.due_at <= due_before)
        rows = await self.c.execute(stmt.order_by(dl.c.due_at, dl.c.id))
        return [_deadline(r) for r in rows]


class SqlOutbox:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def add(self, message: OutboxMessage) -> None:
        now = datetime.now(UTC)
        stmt = _upsert(self.c)(t.outbox).values(
            key=message.key,
            channel=message.channel,
            queue=message.queue,
            dossier_number=message.dossier_number,
            payload=message.payload,
            status=message.status.value,
            attempts=0,
            next_attempt_at=now if message.status is OutboxStatus.PENDING else None,
            created_at=now,
        )
        # The same key twice is the same message: keep the first.
        await self.c.execute(stmt.on_conflict_do_nothing(index_elements=["key"]))


class SqlInboundKeys:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    async def seen(self, key: str) -> str | None:
        row = await self.c.execute(
            select(t.inbound_keys.c.result).where(t.inbound_keys.c.key == key)
        )
        return row.scalar_one_or_none()

    async def remember(self, key: str, result: str) -> None:
        # A concurrent twin waits on the key's lock and then fails here, or (SQLite,
        # PostgreSQL after commit) at commit; both end as `Duplicate`.
        try:
            await self.c.execute(
                insert(t.inbound_keys).values(key=key, result=result, created_at=datetime.now(UTC))
            )
        except IntegrityError as error:
            raise Duplicate() from error
