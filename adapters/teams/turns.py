"""What the bot does with each activity Teams sends: the Teams mechanics around the
chat layer.

Every activity is checked once here: who sent it (their Entra id, else their
e-mail, linked on the first checked activity), the conversation remembered for
later posts, and the invoke's 15-second budget. The activity itself goes to its
listener (`adapters/teams/listeners/`), which asks the chat layer and draws the
answer. Everything others must see afterwards goes through the outbox.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from adapters.teams.answers import Reader, card, card_answer, text
from adapters.teams.listeners.card_actions import card_action
from adapters.teams.listeners.context import Refresh, TeamsContext, reader
from adapters.teams.listeners.messages import message
from adapters.teams.listeners.updates import conversation_update
from adapters.teams.port import Files, Inbound, Outgoing, Turn
from adapters.teams.store import TeamsStore, conversation_key, person_key
from bot.catalogue import language
from bot.chat.answers import Failed, Message
from bot.chat.conversation import Asker, identified, refusal
from bot.host import Klachtenbot
from bot.rules.errors import Refused
from bot.rules.people import Person

log = logging.getLogger(__name__)

CARD_ACTION = "adaptiveCard/action"
# Teams waits 15 seconds for an invoke's answer; answer well before, work on after.
INVOKE_BUDGET = 10.0


class TeamsBot:
    def __init__(
        self,
        bot: Klachtenbot,
        store: TeamsStore,
        budget: float = INVOKE_BUDGET,
        files: Files | None = None,
        refresh_card: Refresh | None = None,
    ):
        self.bot = bot
        self.store = store
        self.budget = budget
        self.context = TeamsContext(bot, store, files, refresh_card)

    async def on_activity(self, inbound: Inbound, turn: Turn) -> dict[str, Any] | None:
        lang = language(inbound.locale)
        # Who they are to Teams: their Entra id, which whoever adds them can use.
        platform_id = inbound.aad_id or inbound.user_id or ""
        asker = Asker(None, lang, platform_id)
        try:
            person = await self._identify(inbound, turn) if inbound.user_id else None
            asker = identified(person, lang, platform_id)
            await self._remember(inbound, asker.person)
            if inbound.kind == "invoke":
                if inbound.name != CARD_ACTION:
                    return None
                return await self._within_budget(card_action(self.context, inbound, asker), lang)
            if inbound.kind == "message" and inbound.value:  # an Action.Submit
                answer = await card_action(self.context, inbound, asker)
                await turn.reply(Outgoing(card=answer["value"]))
            elif inbound.kind == "message":
                await message(self.context, inbound, asker, turn)
            else:
                await conversation_update(self.context, inbound, asker, turn)
        except Refused as refused:
            return await self._failed(inbound, turn, asker, refusal(refused))
        except Exception:
            log.exception("Teams activity %s failed", inbound.id)
            return await self._failed(inbound, turn, asker, Failed())
        return None

    async def _failed(
        self, inbound: Inbound, turn: Turn, asker: Asker, answer: Message | Failed
    ) -> dict[str, Any] | None:
        """Tell the sender what went wrong: in the invoke's answer, or as a reply if Teams
        can be reached at all."""
        drawn = card(answer, reader(inbound, asker.lang))
        if inbound.kind == "invoke":
            return card_answer(drawn)
        try:
            await turn.reply(Outgoing(text=text(answer, asker.lang)))
        except Exception as error:  # the connector itself is away: the log says so
            log.warning("could not answer in Teams: %s", type(error).__name__)
        return None

    async def _identify(self, inbound: Inbound, turn: Turn) -> Person | None:
        """AAD object id first; then the e-mail address Teams gives for the sender.

        A deactivated person is found too: the chat layer refuses them (`identified`).
        """
        staff = self.bot.staff
        if inbound.aad_id and (person := await staff.by_teams(inbound.aad_id, None)):
            return person
        if inbound.kind not in ("message", "invoke"):
            return None
        email = await turn.member_email()
        person = await staff.by_teams(None, email) if email else None
        if person is None or not person.active:
            return person
        # Only a checked activity links: an unchecked id would be trusted from then on.
        if inbound.authenticated and inbound.aad_id and person.teams_aad_id is None:
            await self.store.link_aad(person.id, inbound.aad_id)
        return person

    async def _remember(self, inbound: Inbound, person: Person | None) -> None:
        """Every conversation the bot meets can be written to later (DMs, channels).

        Only when the Bot Framework vouched for the activity: a reference's `serviceUrl`
        is where later posts go, and an unchecked one (local mode) could send the
        dossiers' cards to anyone's server. Local mode answers within the turn only.
        """
        if not inbound.authenticated:
            return
        if inbound.conversation_type == "personal":
            user = inbound.aad_id or inbound.user_id
            if user:
                key = person_key(user)
                await self.store.remember(key, inbound.reference, person.id if person else None)
        elif inbound.conversation_id:
            await self.store.remember(conversation_key(inbound.conversation_id), inbound.reference)

    async def _within_budget(self, work: Awaitable[dict[str, Any]], lang: str) -> dict[str, Any]:
        task = self.context.keep_running(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.budget)
        except TimeoutError:
            # Teams would show an error after 15 s; say it is being done, and do it.
            return card_answer(card(Message("teams.busy"), Reader(lang)))
