"""The `teams` deliverer: sends the outbox's Teams messages through the connector.

What each message shows is drawn in the core (`bot.views.deliveries`), as for Slack;
this module renders it and carries it to its conversation. Idempotent on what it can
see: a dossier's card is posted once (its message id is remembered), updates and
thread lines are safe to repeat. A person the bot cannot reach yet (never opened a
chat with it) is reported in the coordinators' thread of the dossier, never skipped
in silence.
"""

from __future__ import annotations

from typing import Any

from adapters.teams import render
from adapters.teams.activities import reference_for
from adapters.teams.port import Connector, Outgoing, SendFailed
from adapters.teams.store import TeamsStore, conversation_key
from bot.catalogue import language
from bot.chat.reactor import Kind
from bot.host import Klachtenbot
from bot.outbox.messages import OutboxItem, Rejected, RetryLater
from bot.outbox.notices import NOTICE, Audience, Notice
from bot.rules.people import Person, reachable
from bot.views.cards import Card
from bot.views.deliveries import (
    coordinators_card,
    directie_post,
    names_in,
    owner_dm,
    thread_line,
    unreachable,
)

CHAT = "Teams"  # the chat's name, as a person reads it
CARD = "card"  # chat_messages.purpose of the dossier's card in the coordinators' channel
# Kinds written before both chats shared one reactor; items of them may still wait.
_OLD_CARD = ("dossier_card", "card_update")


class Unreachable(Exception):
    """The person has no conversation with the bot that a message could go to."""


class TeamsDeliverer:
    def __init__(self, bot: Klachtenbot, store: TeamsStore, connector: Connector) -> None:
        self.bot = bot
        self.store = store
        self.connector = connector
        self.lang = language(bot.settings.language)

    async def deliver(self, item: OutboxItem) -> None:
        payload = item.payload
        kind = payload.get("kind")
        try:
            if kind == NOTICE:
                await self._notice(Notice.model_validate(payload["notice"]))
            elif kind in (Kind.CARD, *_OLD_CARD):
                await self._card_update(payload["number"])
            elif kind in (Kind.LINE, "thread_line"):
                await self._thread_line(payload)
            elif kind == Kind.OWNER:
                await self._owner_dm(payload["number"], int(payload["person_id"]))
            elif kind in (Kind.DIRECTIE, "directie_post"):
                await self._directie(payload["number"])
            else:
                raise Rejected(f"unknown Teams message kind {kind!r}")
        except SendFailed as failed:
            if failed.permanent:
                raise Rejected(f"Teams refused: {failed}") from failed
            raise RetryLater(f"Teams unavailable: {failed}") from failed

    # -- where things go ------------------------------------------------------------------

    async def _channel(self, conversation_id: str | None) -> dict[str, Any] | None:
        if not conversation_id:
            return None
        known = await self.store.reference(conversation_key(conversation_id))
        return known or reference_for(conversation_id, await self.store.any_reference())

    async def _coordinators(self) -> dict[str, Any] | None:
        return await self._channel(self.bot.settings.teams_coordinator_conversation)

    # -- the dossier's card and its thread ------------------------------------------------

    async def _card(self, number: str) -> dict | None:
        """The coordinators' card; it refreshes itself when viewed, as it stands then."""
        view = await self.bot.complaints.posted_view(number)
        if view is None:
            return None
        return render.render_card(coordinators_card(view, self.lang), self.lang, refresh=number)

    @staticmethod
    def _outgoing(card: Card, lang: str) -> Outgoing:
        return Outgoing(card=render.render_card(card, lang))

    async def _card_root(self, number: str) -> str | None:
        """The id of the dossier's card in the coordinators' channel, posted if need be."""
        posted = await self.store.message(number, CARD)
        if posted:
            return posted[1]
        ref = await self._coordinators()
        card = await self._card(number)
        if ref is None or card is None:
            return None
        message_id = await self.connector.post(ref, Outgoing(card=card))
        if message_id:
            channel = self.bot.settings.teams_coordinator_conversation or ""
            await self.store.remember_message(number, CARD, channel, message_id)
        return message_id

    async def _in_thread(self, number: str | None, message: Outgoing) -> None:
        """In the dossier's thread in the coordinators' channel, or in the channel itself."""
        ref = await self._coordinators()
        if ref is None:
            return
        root = await self._card_root(number) if number else None
        await self.connector.post(ref, message, thread_root=root)

    async def _thread_line(self, payload: dict[str, Any]) -> None:
        names = await names_in(payload, self.bot.complaints.person)
        line = thread_line(payload, self.lang, names)
        card = render.line_card(line, self.lang)
        await self._in_thread(payload["number"], Outgoing(card=card, text=line.title[:200]))

    async def _card_update(self, number: str) -> None:
        if await self.store.message(number, CARD) is None:
            await self._card_root(number)
            return
        await self.refresh_card(number)

    async def refresh_card(self, number: str) -> None:
        """Redraw the card in the coordinators' channel now, also for a change that is not
        a step (an Orthomatic item ticked off); a card not posted yet is left to the outbox."""
        posted = await self.store.message(number, CARD)
        if posted is None:
            return
        ref = await self._coordinators()
        card = await self._card(number)
        if ref is not None and card is not None:
            await self.connector.update(ref, posted[1], Outgoing(card=card))

    # -- people and the directie ----------------------------------------------------------

    async def _to_person(
        self, person_id: int, number: str | None, card: dict | None, person: Person | None = None
    ) -> None:
        person = person or await self.bot.complaints.person(person_id)
        ref = await self.store.reference_for_person(person) if person else None
        try:
            if ref is None or card is None:
                raise Unreachable
            message_id = await self.connector.post(ref, Outgoing(card=card))
        except (Unreachable, SendFailed) as error:
            if isinstance(error, SendFailed) and not error.permanent:
                raise
            name = person.name if person else f"#{person_id}"
            said = unreachable(name, number, CHAT, self.lang)
            card = render.line_card(said, self.lang)
            await self._in_thread(number, Outgoing(card=card, text=said.title[:200]))
            return
        if message_id and number and ref.get("conversation"):
            conversation = str(ref["conversation"].get("id", ""))
            await self.store.remember_message(number, "dm", conversation, message_id)

    async def _owner_dm(self, number: str, person_id: int) -> None:
        person = await self.bot.complaints.person(person_id)
        if person is not None and reachable(person) is None:
            return  # deactivated since this was queued: told nothing more
        view = await self.bot.complaints.posted_view(number, timeline=False)
        if view is None:
            raise Rejected(f"dossier {number} not found")
        card = None
        if person is not None:
            lang = language(person.language)
            card = render.render_card(owner_dm(view, person, lang), lang)
        await self._to_person(person_id, number, card, person)

    async def _directie(self, number: str) -> None:
        ref = await self._channel(self.bot.settings.teams_directie_conversation)
        if ref is None:
            return
        view = await self.bot.complaints.posted_view(number, timeline=False)
        if view is None:
            raise Rejected(f"dossier {number} not found")
        await self.connector.post(ref, self._outgoing(directie_post(view, self.lang), self.lang))

    async def _notice(self, notice: Notice) -> None:
        if notice.audience is Audience.PERSON and notice.person_id is not None:
            person = await self.bot.complaints.person(notice.person_id)
            if person is not None and reachable(person) is None:
                return  # deactivated since this was queued: told nothing more
            lang = language(person.language if person else self.lang)
            card = render.render_card(notice.card, lang)
            await self._to_person(notice.person_id, notice.dossier_number, card, person)
        elif notice.audience is Audience.DIRECTIE:
            ref = await self._channel(self.bot.settings.teams_directie_conversation)
            if ref is not None:
                await self.connector.post(ref, self._outgoing(notice.card, self.lang))
        else:
            await self._in_thread(notice.dossier_number, self._outgoing(notice.card, self.lang))
