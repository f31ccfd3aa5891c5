"""A beheerder manages colleagues from the chat, in Slack and Teams alike: gives or
takes away a role, deactivates someone who left, and activates them again.

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
from bot.rules.roles import Role, parse_role
from bot.use_cases.staff import Deactivated, Staff
from bot.use_cases.surfaces import Surface


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


async def grant_role(
    staff: Staff,
    actor: Person,
    colleague: Colleague,
    role_word: str,
    surface: Surface = Surface.CHAT,
) -> Person:
    """`colleague` with the role named by `role_word` on top of any they have.

    Someone the bot does not know yet is added, when the chat says where to reach
    them; a name alone must belong to someone known (the bot cannot DM a name).
    """
    role = parse_role(role_word)
    known = await _known(staff, colleague)
    if known is not None:
        return await staff.grant(actor, known.id, role, surface=surface)
    if not colleague.reachable:
        raise Refused("person.unknown", person=colleague.name)
    return await staff.add(
        actor,
        colleague.name,
        [role],
        email=colleague.email,
        slack_user_id=colleague.slack_user_id,
        teams_aad_id=colleague.teams_aad_id,
        surface=surface,
    )


async def revoke_role(
    staff: Staff, actor: Person, colleague: Colleague, role_word: str, surface: Surface
) -> tuple[Person, Role]:
    """`colleague` without the role named by `role_word`; they must be known already."""
    role = parse_role(role_word)
    person = await _existing(staff, colleague)
    return await staff.revoke(actor, person.id, role, surface=surface), role


async def deactivate(
    staff: Staff, actor: Person, colleague: Colleague, surface: Surface
) -> Deactivated:
    return await staff.deactivate(actor, (await _existing(staff, colleague)).id, surface=surface)


async def activate(staff: Staff, actor: Person, colleague: Colleague, surface: Surface) -> Person:
    return await staff.activate(actor, (await _existing(staff, colleague)).id, surface=surface)


def granted(person: Person, lang: str) -> Message:
    """What the beheerder is told: the person's roles now."""
    roles = ", ".join(sorted(t(f"role.{r.value}", lang) for r in person.roles))
    return Message("chat.role_granted", {"name": person.name, "roles": roles})


def revoked(person: Person, role: Role, lang: str) -> Message:
    """What the beheerder is told: the role taken away, and the roles left."""
    roles = ", ".join(sorted(t(f"role.{r.value}", lang) for r in person.roles)) or "-"
    taken = t(f"role.{role.value}", lang)
    return Message("people.role_revoked", {"name": person.name, "role": taken, "roles": roles})


def deactivated(done: Deactivated) -> Message:
    """Who is refused from now on, and how many open dossiers still name them."""
    params = {"name": done.person.name, "count": done.open_dossiers}
    if done.open_dossiers:
        return Message("people.deactivated_with_dossiers", params)
    return Message("people.deactivated", params)


def activated(person: Person) -> Message:
    return Message("people.activated", {"name": person.name})


async def _existing(staff: Staff, colleague: Colleague) -> Person:
    known = await _known(staff, colleague)
    if known is None:
        raise Refused("person.unknown", person=colleague.name)
    return known


async def _known(staff: Staff, colleague: Colleague) -> Person | None:
    if colleague.slack_user_id:
        return await staff.by_slack(colleague.slack_user_id)
    if colleague.teams_aad_id or colleague.email:
        return await staff.by_teams(colleague.teams_aad_id, colleague.email)
    return await staff.lookup(colleague.name)
