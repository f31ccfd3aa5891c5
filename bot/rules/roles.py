"""The roles of the procedure and the names people type for them."""

from __future__ import annotations

from enum import StrEnum

from bot.rules.errors import Refused


class Role(StrEnum):
    COORDINATOR = "coordinator"  # coördinator klachten
    DIRECTIE = "directie"
    MEDEWERKER = "medewerker"  # any member of staff who can own a complaint
    BEHEERDER = "beheerder"  # manages people and the installation
    SYSTEEM = "systeem"  # the bot itself, for what the scheduler does on its own


# Spellings accepted from the CLI and chat commands.
_ALIASES = {
    "coordinator": Role.COORDINATOR,
    "coördinator": Role.COORDINATOR,
    "coordinatör": Role.COORDINATOR,
    "directie": Role.DIRECTIE,
    "medewerker": Role.MEDEWERKER,
    "eigenaar": Role.MEDEWERKER,
    "beheerder": Role.BEHEERDER,
}


def parse_role(text: str) -> Role:
    role = _ALIASES.get(text.strip().lower())
    if role is None:
        raise Refused("role.unknown", field="role", role=text)
    return role
