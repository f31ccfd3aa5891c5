"""A person the bot knows: staff with roles and platform identities."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.rules.roles import Role


class Person(BaseModel):
    id: int
    name: str
    email: str | None = None
    roles: frozenset[Role] = Field(default_factory=frozenset)
    slack_user_id: str | None = None
    teams_aad_id: str | None = None
    language: str = "nl"
    active: bool = True

    def has(self, role: Role) -> bool:
        return self.active and role in self.roles


class Operator(BaseModel):
    """Whoever runs `klachtenbot` on the server without `--as`: they hold the database
    already, so the command line lets them manage people (the first beheerder is made
    this way). The staff log names them by their operating-system user."""

    os_user: str = "?"


# The actor for what the scheduler does by itself (automatic escalation).
SYSTEM = Person(id=0, name="Klachtenbot", roles=frozenset({Role.SYSTEEM}))


def reachable(person: Person | None) -> Person | None:
    """The person a message about a dossier may still go to: nobody once deactivated,
    so a DM queued before the deactivation is not delivered after it."""
    return person if person is not None and person.active else None
