"""People as a chat adapter reads and links them outside a use case.

Delivering a message needs the person it is for (a DM goes to their own chat), and
Teams learns a person's AAD id when someone known only by e-mail first writes; both
happen between use cases, each in a short transaction of its own.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.people import Person
from storage.tables import people
from storage.uow import SqlUnitOfWork


class ChatPeople:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def get(self, person_id: int) -> Person | None:
        async with SqlUnitOfWork(self.engine) as uow:
            return await uow.people.get(person_id)

    async def link_teams_aad(self, person_id: int, aad_id: str) -> None:
        """Remember the AAD id of a person found by e-mail, so next time is direct.

        A person who already has one keeps it: an id is never overwritten here.
        """
        async with self.engine.begin() as c:
            await c.execute(
                update(people)
                .where(people.c.id == person_id, people.c.teams_aad_id.is_(None))
                .values(teams_aad_id=aad_id)
            )
