"""Reading what a Teams card shows, for deliveries made outside any person's request."""

from __future__ import annotations

from bot.host import Klachtenbot
from bot.rules.people import Person
from bot.rules.procedure import can_own
from bot.rules.roles import Role
from bot.use_cases.services import DossierView

# Who may be picked as owner or contact person in a form.


def channel_viewer(role: Role) -> Person:
    """Whoever reads a channel post: the buttons a member of that role would have."""
    return Person(id=-1, name=role.value, roles=frozenset({role}))


async def dossier_view(bot: Klachtenbot, number: str) -> DossierView | None:
    """The dossier as the channel's card shows it; the channel is trusted with it."""
    return await bot.complaints.posted_view(number)


async def staff_choices(bot: Klachtenbot) -> list[tuple[int, str]]:
    return [(p.id, p.name) for p in await bot.staff.all() if can_own(p)]
