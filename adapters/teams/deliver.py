"""The `teams` deliverer: sends the outbox's Teams messages through the connector.

Idempotent on what it can see: a dossier's card is posted once (its message id
is remembered), updates and thread lines are safe to repeat. A person the bot
cannot reach yet (never opened a chat with it) is reported in the coordinators'
thread of the dossier, never skipped in silence.
"""

from __future__ import annotations

from typing import Any

from adapters.teams import render
from adapters.teams.port import Connector, Outgoing, SendFailed
from adapters.teams.sdk import reference_for
from adapters.teams.store import TeamsStore, conversation_key
from adapters.teams.views import channel_viewer, dossier_view
from bot.catalogue import language, t
from bot.chat.reactor import Kind
from bot.host import Klachtenbot
from bot.outbox.messages import OutboxItem, Rejected, RetryLater
from bot.outbox.notices import NOTICE, Audience, Notice
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.views.dossier_card import dossier_card

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

    async def _card(self, number: str, viewer: Person, lang: str, **kwargs: Any) -> dict | None:
        view = await dossier_view(self.bot, number)
        if view is None:
            return None
        return render.render_card(dossier_card(view, viewer, lang), lang, refresh=number, **kwargs)

    async def _card_root(self, number: str) -> str | None:
        """The id of the dossier's card in the coordinators' channel, posted if need be."""
        posted = await self.store.message(number, CARD)
        if posted:
            return posted[1]
        ref = await self._coordinators()
        card = await self._card(number, channel_viewer(Role.COORDINATOR), self.lang)
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
        line = t(
            "teams.thread_line",
            self.lang,
            actor=payload["actor"],
            action=payload["action"],
            state=payload["state"],
        )
        if payload.get("text"):
            line += ": " + render.shorten(str(payload["text"]), 500, self.lang)
        await self._in_thread(
            payload["number"], Outgoing(card=render.text_card(line, []), text=line[:200])
        )

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
        card = await self._card(number, channel_viewer(Role.COORDINATOR), self.lang)
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
            text = t("teams.unreachable", self.lang, name=name, number=number or "-")
            await self._in_thread(number, Outgoing(card=render.text_card(text, []), text=text))
            return
        if message_id and number and ref.get("conversation"):
            conversation = str(ref["conversation"].get("id", ""))
            await self.store.remember_message(number, "dm", conversation, message_id)

    async def _owner_dm(self, number: str, person_id: int) -> None:
        person = await self.bot.complaints.person(person_id)
        card = None
        if person is not None:
            lang = language(person.language)
            ref = await self.store.reference_for_person(person)
            user = ((ref or {}).get("user") or {}).get("id")
            note = render.banner(t("teams.assigned", lang, number=number), good=True)
            card = await self._card(
                number, person, lang, note=note, refresh_users=[user] if user else None
            )
        await self._to_person(person_id, number, card, person)

    async def _directie(self, number: str) -> None:
        ref = await self._channel(self.bot.settings.teams_directie_conversation)
        note = render.banner(t("teams.escalated", self.lang, number=number))
        card = await self._card(number, channel_viewer(Role.DIRECTIE), self.lang, note=note)
        if ref is not None and card is not None:
            await self.connector.post(ref, Outgoing(card=card))

    async def _notice(self, notice: Notice) -> None:
        if notice.audience is Audience.PERSON and notice.person_id is not None:
            person = await self.bot.complaints.person(notice.person_id)
            lang = language(person.language if person else self.lang)
            card = render.render_card(notice.card, lang)
            await self._to_person(notice.person_id, notice.dossier_number, card, person)
        elif notice.audience is Audience.DIRECTIE:
            ref = await self._channel(self.bot.settings.teams_directie_conversation)
            if ref is not None:
                await self.connector.post(
                    ref, Outgoing(card=render.render_card(notice.card, self.lang))
                )
        else:
            card = render.render_card(notice.card, self.lang)
            await self._in_thread(notice.dossier_number, Outgoing(card=card))
