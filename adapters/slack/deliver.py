"""Sends the outbox's Slack items: cards, thread lines, DMs, directie posts, notices.

What each item shows is drawn in the core (`bot.views.deliveries`), as for Teams;
this module renders it as Block Kit and posts it where it belongs.

Delivery is at least once. The card is idempotent by construction (a second
delivery updates the same message through `chat.update`); a line or DM repeats
only if the process dies between Slack's answer and the outbox's bookkeeping.
Slack's answers decide retry or refusal: rate limits, 5xx and network faults
pass; a missing channel or a revoked token waits for a person.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import MESSAGE_BLOCKS, card_blocks, fallback_text, line_blocks
from adapters.slack.locale import Locales
from adapters.slack.store import Location, SlackStore
from bot.chat.reactor import Kind
from bot.outbox.messages import OutboxItem, Rejected, RetryLater
from bot.outbox.notices import NOTICE, Audience, Notice
from bot.rules.people import reachable
from bot.use_cases.services import DossierView
from bot.views.cards import Card
from bot.views.deliveries import (
    coordinators_card,
    directie_post,
    names_in,
    owner_dm,
    thread_line,
)

# The dossier as the bot posts it itself (`Complaints.posted_view`).
Views = Callable[..., Awaitable[DossierView | None]]

log = logging.getLogger(__name__)

# Slack errors that may pass by themselves.
_TRANSIENT = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
    "team_added_to_org",
}


class SlackDeliverer:
    def __init__(
        self,
        client: AsyncWebClient,
        store: SlackStore,
        locales: Locales,
        views: Views,
        *,
        coordinator_channel: str | None,
        directie_channel: str | None,
        language: str = "nl",
    ) -> None:
        self.client = client
        self.store = store
        self.locales = locales
        self.views = views
        self.coordinator_channel = coordinator_channel
        self.directie_channel = directie_channel
        self.lang = language

    async def deliver(self, item: OutboxItem) -> None:
        try:
            await self._deliver(item.payload)
        except SlackApiError as error:
            code = error.response.get("error") or "unknown"
            status = error.response.status_code
            if status == 429 or status >= 500 or code in _TRANSIENT:
                raise RetryLater(f"slack: {code}") from error
            raise Rejected(f"slack: {code}") from error
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise RetryLater(f"slack unreachable: {type(error).__name__}") from error

    async def _deliver(self, payload: dict[str, Any]) -> None:
        kind = payload.get("kind")
        if kind == NOTICE:
            await self._notice(Notice.model_validate(payload["notice"]))
        elif kind == Kind.CARD:
            await self._card(payload["number"])
        elif kind == Kind.LINE:
            await self._line(payload)
        elif kind == Kind.OWNER:
            await self._owner(payload["number"], payload["person_id"])
        elif kind == Kind.DIRECTIE:
            await self._directie(payload["number"])
        else:
            raise Rejected(f"unknown slack outbox item: {kind!r}")

    # -- the dossier card and its thread ------------------------------------------------

    async def refresh_card(self, number: str) -> None:
        """Redraw the card now, for a change that is not a step (an item ticked off)."""
        await self._card(number)

    async def _card(self, number: str) -> None:
        if not self.coordinator_channel:
            return  # nowhere to post; install said so at start
        view = await self.views(number)
        if view is None:
            raise Rejected(f"dossier {number} not found")
        card = coordinators_card(view, self.lang)
        message = self._message(card, number, view.dossier.version)
        where = await self.store.card_of(number)
        if where is not None:
            try:
                await self.client.chat_update(channel=where.channel, ts=where.ts, **message)
                return
            except SlackApiError as error:
                if error.response.get("error") != "message_not_found":
                    raise
                # Someone deleted the card: post a fresh one below and use that from now on.
        posted = await self.client.chat_postMessage(channel=self.coordinator_channel, **message)
        await self.store.remember_card(number, Location(posted["channel"], posted["ts"]))

    async def _line(self, payload: dict[str, Any]) -> None:
        where = await self.store.card_of(payload["number"])
        if where is None:
            return  # no card in a channel, so no thread to write in
        names = await names_in(payload, self.store.person)
        text, blocks = line_blocks(thread_line(payload, self.lang, names), self.lang)
        await self.client.chat_postMessage(
            channel=where.channel,
            thread_ts=where.ts,
            text=text,
            blocks=blocks,
            unfurl_links=False,
            unfurl_media=False,
        )

    # -- direct messages and the directie ---------------------------------------------

    async def _owner(self, number: str, person_id: int) -> None:
        person = reachable(await self.store.person(person_id))
        if person is None or not person.slack_user_id:
            return  # not on Slack: another platform (or the e-mail) reaches them
        view = await self.views(number, timeline=False)
        if view is None:
            raise Rejected(f"dossier {number} not found")
        lang = await self.locales.of(person.slack_user_id)
        card = owner_dm(view, person, lang)
        await self.client.chat_postMessage(
            channel=person.slack_user_id, **self._message(card, number, view.dossier.version, lang)
        )

    async def _directie(self, number: str) -> None:
        if not self.directie_channel:
            return
        view = await self.views(number, timeline=False)
        if view is None:
            raise Rejected(f"dossier {number} not found")
        card = directie_post(view, self.lang)
        await self.client.chat_postMessage(
            channel=self.directie_channel, **self._message(card, number, view.dossier.version)
        )

    async def _notice(self, notice: Notice) -> None:
        if notice.audience is Audience.PERSON:
            person = await self.store.person(notice.person_id) if notice.person_id else None
            person = reachable(person)
            if person is None or not person.slack_user_id:
                return
            lang = await self.locales.of(person.slack_user_id)
            await self.client.chat_postMessage(
                channel=person.slack_user_id,
                **self._message(notice.card, notice.dossier_number, lang=lang),
            )
            return
        if notice.audience is Audience.DIRECTIE:
            if self.directie_channel:
                await self.client.chat_postMessage(
                    channel=self.directie_channel,
                    **self._message(notice.card, notice.dossier_number),
                )
            return
        # The coordinators: in the dossier's thread when there is one.
        if not self.coordinator_channel:
            return
        where = await self.store.card_of(notice.dossier_number) if notice.dossier_number else None
        extra: dict[str, Any] = {"thread_ts": where.ts} if where else {}
        channel = where.channel if where else self.coordinator_channel
        await self.client.chat_postMessage(
            channel=channel, **extra, **self._message(notice.card, notice.dossier_number)
        )

    def _message(
        self,
        card: Card,
        number: str | None,
        version: int | None = None,
        lang: str | None = None,
    ) -> dict[str, Any]:
        return {
            "text": fallback_text(card),
            "blocks": card_blocks(
                card, lang or self.lang, version=version, max_blocks=MESSAGE_BLOCKS, number=number
            ),
            "unfurl_links": False,
            "unfurl_media": False,
        }
