"""The staff log: every addition, grant, revoke and (de)activation, with who did it.

Append-only (the database refuses to change or remove a line). Names are copied
in, so a line still reads right after its people were renamed or deactivated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel

from bot.rules.people import Operator, Person
from bot.rules.roles import Role
from bot.use_cases.surfaces import Surface


class StaffChange(StrEnum):
    ADDED = "added"
    GRANTED = "granted"
    REVOKED = "revoked"
    DEACTIVATED = "deactivated"
    ACTIVATED = "activated"


class StaffEntry(BaseModel):
    at: datetime
    actor_id: int | None  # None: the operator at the command line (`actor_name` is their OS user)
    actor_name: str
    surface: Surface
    change: StaffChange
    person_id: int
    person_name: str
    role: Role | None = None

    @classmethod
    def of(
        cls,
        actor: Person | Operator,
        surface: Surface,
        change: StaffChange,
        person: Person,
        at: datetime,
        role: Role | None = None,
    ) -> StaffEntry:
        if isinstance(actor, Operator):
            actor_id, actor_name = None, actor.os_user
        else:
            actor_id, actor_name = actor.id, actor.name
        return cls(
            at=at,
            actor_id=actor_id,
            actor_name=actor_name,
            surface=surface,
            change=change,
            person_id=person.id,
            person_name=person.name,
            role=role,
        )


class StaffLogRepository(Protocol):
    async def add(self, entry: StaffEntry) -> None: ...
    async def find(self, person_id: int | None = None) -> Sequence[StaffEntry]: ...
