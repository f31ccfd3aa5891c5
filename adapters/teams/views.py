"""Reading what a Teams form offers, outside any one card."""

from __future__ import annotations

from bot.host import Klachtenbot
from bot.rules.procedure import can_own


async def staff_choices(bot: Klachtenbot) -> list[tuple[int, str]]:
    """Who may be picked as owner or contact person in a form."""
    return [(p.id, p.name) for p in await bot.staff.all() if can_own(p)]
