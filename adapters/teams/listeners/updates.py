"""A conversation update: the bot added to someone's personal chat says what it can do."""

from __future__ import annotations

from adapters.teams.answers import card
from adapters.teams.listeners.context import TeamsContext, reader
from adapters.teams.port import Inbound, Outgoing, Turn
from bot.chat.answers import Help
from bot.chat.conversation import Asker


async def conversation_update(teams: TeamsContext, inbound: Inbound, asker: Asker, turn: Turn):
    if inbound.bot_added and inbound.conversation_type == "personal":
        await turn.reply(Outgoing(card=card(Help(), reader(inbound, asker.lang))))
