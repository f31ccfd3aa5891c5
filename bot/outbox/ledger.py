"""The outbox as the bot keeps it: every port its readers need, as one protocol.

The dispatcher claims and settles items, the mirror's checklist ticks them off, and the
command line and /healthz count and retry them. `storage` implements it; the core and
the integrations see only this, so they never depend on how it is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from bot.outbox.dispatch import OutboxStore
from bot.outbox.messages import OutboxItem, OutboxMessage, OutboxStatus
from bot.outbox.mirror_checklist import MirrorLedger


class OutboxLedger(OutboxStore, MirrorLedger, Protocol):
    async def queue(self, messages: Iterable[OutboxMessage]) -> None: ...
    async def retry(
        self,
        item_id: int | None,
        now: datetime,
        channel: str | None = None,
        statuses: tuple[OutboxStatus, ...] = ...,
    ) -> int: ...
    async def items(
        self, status: OutboxStatus, limit: int = 200, channel: str | None = None
    ) -> list[OutboxItem]: ...
    async def counts(self, channel: str | None = None) -> dict[str, int]: ...
    async def oldest_pending(self, channel: str | None = None) -> datetime | None: ...
