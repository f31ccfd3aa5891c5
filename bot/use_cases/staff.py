"""People and roles: who the bot knows, who may change that, and the log of every change.

People come and go: a beheerder adds people, grants and revokes roles, and
deactivates someone who leaves (and activates them again). Nobody is ever deleted,
so their name stays in the timelines they are part of. Every change is one line in
the append-only staff log, in the same transaction as the change itself.

A beheerder never raises their own rights (another beheerder must), and the bot is
never left without an active beheerder. The operator at the command line (no
`--as`) may do all of this: they hold the database already, and the first
beheerder is made that way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.rules.dossier import OPEN_STATES
from bot.rules.errors import Refused
from bot.rules.fields import MAX_LINE, unstorable
from bot.rules.people import Operator, Person
from bot.rules.procedure import can_own
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.ports import DossierFilter, UnitOfWork
from bot.use_cases.staff_log import StaffChange, StaffEntry
from bot.use_cases.surfaces import Surface

# Who changes people: a person (who must be an active beheerder), or the operator.
# None is the operator whose operating-system user is not known.
Changer = Person | Operator | None


@dataclass(frozen=True)
class Deactivated:
    """A person who was deactivated, and how many open dossiers still name them."""

    person: Person
    open_dossiers: int


class Staff:
    def __init__(
        self, uow: Callable[..., UnitOfWork], clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.uow = uow
        self.clock = clock

    async def add(
        self,
        actor: Changer,
        name: str,
        roles: Sequence[Role],
        email: str | None = None,
        slack_user_id: str | None = None,
        teams_aad_id: str | None = None,
        *,
        surface: Surface = Surface.CLI,
    ) -> Person:
        """Add a person. `actor` None is the operator at the command line."""
        if unstorable(name):
            raise Refused("field.unstorable", field="name")
        name = name.strip()
        if not name:
            raise Refused("field.required", field="name")
        if len(name) > MAX_LINE:
            raise Refused("field.too_long", field="name", max=MAX_LINE)
        if email is not None and (unstorable(email) or "@" not in email or " " in email.strip()):
            raise Refused("field.email", field="email")
        async with self.uow() as uow:
            changer = await self._check(uow, actor)
            person = await uow.people.add(name, roles, email, slack_user_id, teams_aad_id)
            # One line per role, so that the log alone tells who holds what since when.
            for role in dict.fromkeys(roles) or [None]:
                await self._log(uow, changer, surface, StaffChange.ADDED, person, role)
            await uow.commit()
            return person

    async def grant(
        self, actor: Changer, person_id: int, role: Role, *, surface: Surface = Surface.CLI
    ) -> Person:
        async with self.uow() as uow:
            changer = await self._check(uow, actor)
            person = await self._person(uow, person_id)
            if isinstance(changer, Person) and changer.id == person.id:
                raise Refused("people.self_grant")
            if role in person.roles:
                return person  # nothing changes, so nothing is logged
            person = await uow.people.set_roles(person_id, [*person.roles, role])
            await self._log(uow, changer, surface, StaffChange.GRANTED, person, role)
            await uow.commit()
            return person

    async def revoke(
        self, actor: Changer, person_id: int, role: Role, *, surface: Surface = Surface.CLI
    ) -> Person:
        async with self.uow() as uow:
            changer = await self._check(uow, actor)
            person = await self._person(uow, person_id)
            if role not in person.roles:
                raise Refused("people.role_not_held", name=person.name, role=role.value)
            if role is Role.BEHEERDER:
                await self._keep_a_beheerder(uow, person)
            person = await uow.people.set_roles(person_id, [r for r in person.roles if r != role])
            await self._log(uow, changer, surface, StaffChange.REVOKED, person, role)
            await uow.commit()
            return person

    async def deactivate(
        self, actor: Changer, person_id: int, *, surface: Surface = Surface.CLI
    ) -> Deactivated:
        """Refuse this person everywhere from now on; their roles and name are kept."""
        async with self.uow() as uow:
            changer = await self._check(uow, actor)
            person = await self._person(uow, person_id)
            if isinstance(changer, Person) and changer.id == person.id:
                raise Refused("people.self_deactivate")
            if not person.active:
                raise Refused("people.already_inactive", name=person.name)
            await self._keep_a_beheerder(uow, person)
            person = await uow.people.set_active(person_id, False)
            await self._log(uow, changer, surface, StaffChange.DEACTIVATED, person)
            mine = DossierFilter(states=OPEN_STATES, owner_id=person.id)
            open_dossiers = await uow.dossiers.count(mine)
            await uow.commit()
            return Deactivated(person, open_dossiers)

    async def activate(
        self, actor: Changer, person_id: int, *, surface: Surface = Surface.CLI
    ) -> Person:
        async with self.uow() as uow:
            changer = await self._check(uow, actor)
            person = await self._person(uow, person_id)
            if person.active:
                raise Refused("people.already_active", name=person.name)
            person = await uow.people.set_active(person_id, True)
            await self._log(uow, changer, surface, StaffChange.ACTIVATED, person)
            await uow.commit()
            return person

    async def log(self, viewer: Changer, person_id: int | None = None) -> list[StaffEntry]:
        """The staff log (of one person, or everyone's), oldest first, for a beheerder."""
        async with self.uow(readonly=True) as uow:
            await self._check(uow, viewer)
            return list(await uow.staff_log.find(person_id))

    async def all(self) -> list[Person]:
        async with self.uow(readonly=True) as uow:
            return await uow.people.all()

    async def owners(self) -> list[Person]:
        """Who may own a dossier or contact its customer: the people every chat offers in
        a form's person field, by the same rule the step itself checks."""
        return [p for p in await self.all() if p.active and can_own(p)]

    async def lookup(self, text: str) -> Person | None:
        async with self.uow(readonly=True) as uow:
            return await uow.people.lookup(text)

    async def by_slack(self, slack_user_id: str) -> Person | None:
        async with self.uow(readonly=True) as uow:
            return await uow.people.by_slack(slack_user_id)

    async def by_teams(self, aad_id: str | None, email: str | None) -> Person | None:
        async with self.uow(readonly=True) as uow:
            return await uow.people.by_teams(aad_id, email)

    # -- inside the transaction -------------------------------------------------

    async def _check(self, uow: UnitOfWork, actor: Changer) -> Person | Operator:
        """Who changes people, as the database knows them now: an active beheerder."""
        if actor is None or isinstance(actor, Operator):
            return actor or Operator()
        current = await uow.people.get(actor.id)
        if current is None:
            raise Refused("person.unknown_actor")
        if not current.active:
            raise Refused("person.inactive")
        if not current.has(Role.BEHEERDER):
            raise Refused("role.forbidden_people")
        return current

    async def _person(self, uow: UnitOfWork, person_id: int) -> Person:
        person = await uow.people.get(person_id)
        if person is None:
            raise Refused("person.unknown", person=str(person_id))
        return person

    async def _keep_a_beheerder(self, uow: UnitOfWork, leaving: Person) -> None:
        """Someone must be able to manage people afterwards (and undo a mistake)."""
        if not leaving.has(Role.BEHEERDER):
            return
        others = [p for p in await uow.people.all() if p.has(Role.BEHEERDER) and p.id != leaving.id]
        if not others:
            raise Refused("people.last_beheerder", name=leaving.name)

    async def _log(
        self,
        uow: UnitOfWork,
        changer: Person | Operator,
        surface: Surface,
        change: StaffChange,
        person: Person,
        role: Role | None = None,
    ) -> None:
        entry = StaffEntry.of(changer, surface, change, person, self.clock(), role)
        await uow.staff_log.add(entry)
