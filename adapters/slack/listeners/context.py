"""What every Slack listener shares: the chat layer, the person behind a Slack id,
private answers, and work after the ack."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.admission import Admission
from adapters.slack.locale import Locales
from adapters.slack.store import SlackStore
from bot.catalogue import t
from bot.chat.conversation import Asker, Conversation, identified
from bot.host import Klachtenbot
from bot.use_cases.surfaces import Surface

log = logging.getLogger(__name__)

Tell = Callable[..., Awaitable[None]]  # tell(text, blocks=None)
Refresh = Callable[[str], Awaitable[None]]  # redraw a dossier's card in the channel


class SlackContext:
    def __init__(
        self,
        bot: Klachtenbot,
        client: AsyncWebClient,
        store: SlackStore,
        locales: Locales,
        admission: Admission,
        refresh_card: Refresh | None = None,
    ) -> None:
        self.bot = bot
        self.client = client
        self.store = store
        self.locales = locales
        self.admission = admission
        self.refresh_card = refresh_card
        self.conversation = Conversation(bot, surface=Surface.SLACK)
        self.background: set[asyncio.Task[Any]] = set()

    async def asker(self, user_id: str) -> Asker:
        """The person behind a Slack user id (None when unknown), in their Slack language."""
        person = await self.bot.staff.by_slack(user_id)
        return identified(person, await self.locales.of(user_id), user_id)

    async def respond(self, url: str, **message: Any) -> None:
        """Answer through Slack's response_url, on the shared HTTP session (bolt's own
        `respond` opens a new connection for every answer)."""
        await AsyncWebhookClient(url=url, session=self.client.session).send(
            response_type="ephemeral", **message
        )

    async def dm(self, user: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        await self.client.chat_postMessage(channel=user, text=text, blocks=blocks)

    async def busy(self, user: str, tell: Tell) -> None:
        """Turned away after the ack: said by a post of its own, at most once in a while."""
        if self.admission.worth_telling(user):
            await tell(t("slack.busy", self.locales.cached(user)))

    async def refresh(self, number: str) -> None:
        """The coordinators' card catches up now; the step is done either way."""
        if self.refresh_card is None:
            return
        try:
            await self.refresh_card(number)
        except Exception:  # the card catches up with the next step
            log.exception("refreshing the card of %s failed", number)

    def spawn(self, coro: Awaitable[None]) -> None:
        """Work after an ack: kept until done, and a failure logged, never lost silently."""
        task = asyncio.ensure_future(coro)
        self.background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("work after an ack failed", exc_info=task.exception())
