"""A beheerder gives a colleague a role from the chat, in Slack and Teams alike.

The chat names the colleague as the platform knows them (a Slack user, a Teams
member with their Entra id and e-mail, or only a name typed in a message); who
that is, whether they are new, and whether the asker may do this at all, is
decided here and in `Staff`, never by the chat.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue import t
from bot.chat.answers import Message
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.roles import parse_role
from bot.use_cases.staff import Staff


@dataclass(frozen=True)
class Colleague:
    """Someone a beheerder names in a chat."""

    name: str
    slack_user_id: str | None = None
    teams_aad_id: str | None = None
    email: str | None = None

    @property
    def reachable(self) -> bool:
        """A platform knows where to find them; a typed name alone does not."""
        return bool(self.slack_user_id or self.teams_aad_id or self.email)


async def grant_role(staff: Staff, actor: Person, colleague: Colleague, role_word: str) -> Person:
    """`colleague` with the role named by `role_word` on top of any they have.

    Someone the bot does not know yet is added, when the chat says where to reach
    them; a name alone must belong to someone known (the bot cannot DM a name).
    """
    role = parse_role(role_word)
    known = await _known(staff, colleague)
    if known is not None:
        return await staff.grant(actor, known.id, role)
    if not colleague.reachable:
        raise Refused("person.unknown", person=colleague.name)
    return await staff.add(
        actor,
        colleague.name,
        [role],
        email=colleague.email,
        slack_user_id=colleague.slack_user_id,
        teams_aad_id=colleague.teams_aad_id,
    )


def granted(person: Person, lang: str) -> Message:
    """What the beheerder is told: the person's roles now."""
    roles = ", ".join(sorted(t(f"role.{r.value}", lang) for r in person.roles))
    return Message("chat.role_granted", {"name": person.name, "roles": roles})


async def _known(staff: Staff, colleague: Colleague) -> Person | None:
    if colleague.slack_user_id:
        return await staff.by_slack(colleague.slack_user_id)
    if colleague.teams_aad_id or colleague.email:
        return await staff.by_teams(colleague.teams_aad_id, colleague.email)
    return await staff.lookup(colleague.name)
