"""What the Teams adapter remembers: conversation references and the dossier's messages.

A conversation reference (stored as the SDK's JSON) is what a proactive message
needs: the bot can DM a person or post in a channel only where it has been
before. The dossier's card in the coordinators' channel is remembered so later
steps reply in its thread and update it in place. The keys are Teams' shapes and
are made here; the rows are kept by `storage` (conversation_refs, chat_messages).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.people import Person
from storage.chat_messages import ChatMessages
from storage.chat_people import ChatPeople
from storage.conversation_refs import ConversationRefs

PLATFORM = "teams"
# The key of a person's own chat with the bot starts with this.
PERSONAL = "user:"


def person_key(user: str) -> str:
    """A person's own chat with the bot, by AAD object id (or Teams user id)."""
    return f"{PERSONAL}{user}"


def conversation_key(conversation_id: str) -> str:
    """A channel or group chat, by its conversation id without a thread suffix."""
    return f"conversation:{conversation_id}"


class TeamsStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.refs = ConversationRefs(engine, PLATFORM)
        self.messages = ChatMessages(engine, PLATFORM)
        self.people = ChatPeople(engine)

    async def remember(
        self, key: str, reference: dict[str, Any], person_id: int | None = None
    ) -> None:
        await self.refs.remember(key, reference, person_id)

    async def reference(self, key: str) -> dict[str, Any] | None:
        return await self.refs.reference(key)

    async def reference_for_person(self, person: Person) -> dict[str, Any] | None:
        """The person's own chat with the bot, the most recently used one."""
        own = person_key(person.teams_aad_id) if person.teams_aad_id else None
        return await self.refs.newest_personal(PERSONAL, person.id, own)

    async def any_reference(self) -> dict[str, Any] | None:
        """Any reference: it tells the service URL of this tenant's Teams."""
        return await self.refs.newest()

    async def count(self) -> int:
        return await self.refs.count()

    async def link_aad(self, person_id: int, aad_id: str) -> None:
        """Remember the AAD id of a person found by e-mail, so next time is direct."""
        await self.people.link_teams_aad(person_id, aad_id)

    # -- the dossier's messages ----------------------------------------------------------

    async def remember_message(
        self, number: str, purpose: str, conversation_id: str, message_id: str
    ) -> None:
        await self.messages.add(number, purpose, conversation_id, message_id)

    async def message(self, number: str, purpose: str) -> tuple[str, str] | None:
        """(conversation id, message id) of the dossier's latest message of this purpose."""
        return await self.messages.latest(number, purpose)

    async def dossier_of(self, conversation_id: str, message_id: str) -> str | None:
        """The dossier whose card is this channel post (the root of a thread)."""
        return await self.messages.dossier_of(conversation_id, message_id)
