"""People and roles: who the bot knows, and who may change that."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.rules.errors import Refused
from bot.rules.fields import MAX_LINE, unstorable
from bot.rules.people import Person
from bot.rules.procedure import can_own
from bot.rules.roles import Role
from bot.use_cases.ports import UnitOfWork


class Staff:
    def __init__(self, uow: Callable[..., UnitOfWork]) -> None:
        self.uow = uow

    async def add(
        self,
        actor: Person | None,
        name: str,
        roles: Sequence[Role],
        email: str | None = None,
        slack_user_id: str | None = None,
        teams_aad_id: str | None = None,
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
            await self._check(uow, actor)
            person = await uow.people.add(name, roles, email, slack_user_id, teams_aad_id)
            await uow.commit()
            return person

    async def grant(self, actor: Person | None, person_id: int, role: Role) -> Person:
        async with self.uow() as uow:
            await self._check(uow, actor)
            person = await uow.people.get(person_id)
            if person is None:
                raise Refused("person.unknown", person=str(person_id))
            person = await uow.people.set_roles(person_id, [*person.roles, role])
            await uow.commit()
            return person

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

    async def _check(self, uow: UnitOfWork, actor: Person | None) -> None:
        if actor is None:
            return
        current = await uow.people.get(actor.id)
        if current is None or not current.has(Role.BEHEERDER):
            raise Refused("role.forbidden_people")
