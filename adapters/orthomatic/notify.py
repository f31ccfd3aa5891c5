"""Telling the coordinator, in the dossier's thread, that Orthomatic refused a step."""

from __future__ import annotations

import logging
import time

from bot.catalogue import t
from bot.outbox.messages import OutboxItem
from bot.outbox.mirror import CHANNEL, LANG
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.views.cards import Card, Section

log = logging.getLogger(__name__)


def failure_notice(item: OutboxItem, reason: str, *, given_up: bool = False) -> Notice:
    number = item.dossier_number or item.payload.get("dossier_number", "")
    title = "mirror.notice.dead_title" if given_up else "mirror.notice.failed_title"
    what = t(f"mirror.what.{item.payload.get('kind', 'contact')}", LANG)
    return Notice(
        audience=Audience.COORDINATORS,
        dossier_number=number or None,
        card=Card(
            title=t(title, LANG, number=number),
            sections=[
                Section(text=t("mirror.notice.text", LANG, item=item.id, what=what, reason=reason))
            ],
        ),
    )


class TellCoordinator:
    """A `Dispatcher.on_failed` handler: one notice per chat platform, through the outbox."""

    def __init__(self, bot) -> None:  # type: ignore[no-untyped-def]
        self.bot = bot

    async def __call__(self, item: OutboxItem, reason: str) -> None:
        if item.channel != CHANNEL:
            return
        given_up = item.attempts >= self.bot.dispatcher.max_attempts
        notice = failure_notice(item, reason, given_up=given_up)
        # The reason is the bridge's own words, which may quote the customer: it is kept
        # with the item (`klachtenbot mirror failed`), not in the log.
        log.warning("Orthomatic item %s (%s) not delivered", item.id, item.key)
        if not self.bot.chat_platforms:
            return  # no chat configured: `klachtenbot mirror failed` and /healthz still show it
        # A new key each time: a refusal after a retry is told again.
        key = f"{item.key}:refused:{time.time_ns()}"
        await self.bot.outbox.queue(notice_messages(self.bot.chat_platforms, notice, key))
        self.bot.dispatcher.wake()
