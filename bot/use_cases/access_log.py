"""The read log: who saw which dossier, when, through which surface, and what.

In the spirit of NEN 7513 (logging access to health records): a person opening a
dossier's card or timeline, listing dossiers, downloading a document or exporting
data leaves one line per dossier. A line holds no health data: a dossier number,
the reader's name, the surface and a short code, never a customer's name or a
document's file name. Append-only (the database refuses to change or remove a line).

Any use case that shows a dossier to a person calls `record_read` in a writing
transaction, before the person gets to see it: what cannot be logged is not shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from bot.rules.errors import Refused
from bot.rules.people import Operator, Person
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.read_log import Access, Read, ReadQuery, Seen

__all__ = ["Access", "AccessLog", "Read", "ReadQuery", "Seen", "may_read_access_log", "record_read"]


async def record_read(
    uow: UnitOfWork,
    reader: Person,
    dossiers: str | Iterable[str],
    access: Access,
    at: datetime,
    item: str | None = None,
) -> None:
    """Log that `reader` saw `dossiers` (a number, or the numbers of a list), in `uow`.

    `uow` must be a writing transaction; its commit keeps the lines. One line per
    dossier, so that "who looked at this complaint" is one indexed lookup.
    """
    numbers = [dossiers] if isinstance(dossiers, str) else list(dict.fromkeys(dossiers))
    if not numbers:
        return
    await uow.reads.add(
        [
            Read(
                at=at,
                person_id=reader.id,
                person_name=reader.name,
                dossier_number=number,
                surface=access.surface,
                what=access.what,
                item=item,
            )
            for number in numbers
        ]
    )


def may_read_access_log(viewer: Person | Operator) -> bool:
    """Who may see who looked at a dossier: the operator, a beheerder, the directie.

    The log tells whose complaint someone looked at, so it is not for everyone; the
    coordinator's own reads are in it too.
    """
    if isinstance(viewer, Operator):
        return True
    return viewer.has(Role.BEHEERDER) or viewer.has(Role.DIRECTIE)


class AccessLog:
    """Reading the read log, and logging a read outside a use case's own transaction."""

    def __init__(
        self, uow: Callable[..., UnitOfWork], clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.uow = uow
        self.clock = clock

    async def record(
        self,
        reader: Person,
        dossiers: str | Iterable[str],
        access: Access,
        item: str | None = None,
    ) -> None:
        """`record_read` in a transaction of its own, committed before this returns."""
        async with self.uow() as uow:
            await record_read(uow, reader, dossiers, access, self.clock(), item)
            await uow.commit()

    async def find(self, viewer: Person | Operator, query: ReadQuery) -> list[Read]:
        async with self.uow(readonly=True) as uow:
            if isinstance(viewer, Person):
                current = await uow.people.get(viewer.id)
                if current is None or not current.active:
                    raise Refused("person.inactive")
                viewer = current
            if not may_read_access_log(viewer):
                raise Refused("privacy.log_forbidden")
            return await uow.reads.find(query)
