"""What the Slack adapter keeps in the database: where each dossier's card is.

The card's channel and timestamp are kept as a dossier's chat message (purpose
"card", see `storage.chat_messages`), so a later step updates the card in place and
replies in its thread, and a message in that thread can be traced back to its
dossier, whichever replica receives it. Here they take Slack's shape: a location.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.people import Person
from storage.chat_messages import ChatMessages
from storage.chat_people import ChatPeople

PLATFORM = "slack"
CARD = "card"


@dataclass(frozen=True)
class Location:
    channel: str
    ts: str


class SlackStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.messages = ChatMessages(engine, PLATFORM)
        self.people = ChatPeople(engine)

    async def card_of(self, number: str) -> Location | None:
        found = await self.messages.latest(number, CARD)
        return Location(*found) if found else None

    async def remember_card(self, number: str, where: Location) -> None:
        # A card that was deleted in Slack is replaced; only the newest one counts.
        await self.messages.replace(number, CARD, where.channel, where.ts)

    async def dossier_of_thread(self, channel: str, thread_ts: str) -> str | None:
        return await self.messages.dossier_of(channel, thread_ts, CARD)

    async def person(self, person_id: int) -> Person | None:
        return await self.people.get(person_id)
