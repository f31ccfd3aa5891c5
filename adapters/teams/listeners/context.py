"""What every Teams listener shares: the chat layer, the store, file downloads."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from adapters.teams.answers import Reader
from adapters.teams.port import Files, Inbound
from adapters.teams.store import TeamsStore
from bot.chat.conversation import Conversation
from bot.host import Klachtenbot
from bot.use_cases.surfaces import Surface

log = logging.getLogger(__name__)

Refresh = Callable[[str], Awaitable[None]]  # redraw a dossier's card in the channel


def reader(inbound: Inbound, lang: str) -> Reader:
    return Reader(lang, inbound.user_id, inbound.user_name, inbound.aad_id)


@dataclass
class TeamsContext:
    bot: Klachtenbot
    store: TeamsStore
    files: Files | None = None
    refresh_card: Refresh | None = None
    later: set[asyncio.Task[Any]] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Teams answers a click by redrawing the card it came from.
        self.conversation = Conversation(self.bot, redraws_card=True, surface=Surface.TEAMS)

    def keep_running(self, work: Awaitable[Any]) -> asyncio.Task[Any]:
        """Work the answer does not wait for, kept until it is done."""
        task = asyncio.ensure_future(work)
        self.later.add(task)
        task.add_done_callback(self.later.discard)
        return task

    def refresh(self, number: str) -> None:
        """The coordinators' card catches up now, also with a change that is no step (an
        Orthomatic item ticked off); the clicker's answer does not wait for it."""
        if self.refresh_card is None:
            return
        refresh_card = self.refresh_card

        async def refresh() -> None:
            try:
                await refresh_card(number)
            except Exception:  # the task is done; the card catches up with the next step
                log.exception("refreshing the Teams card of %s failed", number)

        self.keep_running(refresh())
