"""The language a Slack user reads: their Slack locale, Dutch by default."""

from __future__ import annotations

import asyncio
import logging
import time

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.catalogue import language

log = logging.getLogger(__name__)


class Locales:
    """Asks Slack once an hour per user (`users.info` with `include_locale`).

    A cache of a harmless preference, not of anything the procedure depends on: a
    user who switches language sees it within the hour.
    """

    def __init__(
        self, client: AsyncWebClient, default: str = "nl", ttl: float = 3600, timeout: float = 1.0
    ) -> None:
        self.client = client
        self.timeout = timeout
        self.default = language(default)
        self.ttl = ttl
        self._known: dict[str, tuple[str, float]] = {}

    async def of(self, user_id: str) -> str:
        hit = self._known.get(user_id)
        if hit and hit[1] > time.monotonic():
            return hit[0]
        lang = self.default
        try:
            # Bounded: this may run before an ack, which Slack wants within 3 seconds.
            response = await asyncio.wait_for(
                self.client.users_info(user=user_id, include_locale=True), self.timeout
            )
            lang = language((response.get("user") or {}).get("locale") or self.default)
        except (SlackApiError, OSError, TimeoutError) as error:
            log.warning("locale of %s unknown (%s); using %s", user_id, error, lang)
        if len(self._known) > 10_000:  # a workshop has tens of people; stay bounded anyway
            self._known.clear()
        self._known[user_id] = (lang, time.monotonic() + self.ttl)
        return lang

    def cached(self, user_id: str) -> str:
        """The language if known already, without asking Slack (for answers that cannot wait)."""
        hit = self._known.get(user_id)
        return hit[0] if hit else self.default

    async def name_of(self, user_id: str) -> str | None:
        try:
            user = (await self.client.users_info(user=user_id)).get("user") or {}
        except (SlackApiError, OSError, TimeoutError):
            return None
        profile = user.get("profile") or {}
        return profile.get("real_name") or user.get("real_name") or user.get("name")
