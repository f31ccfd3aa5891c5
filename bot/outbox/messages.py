"""Messages that leave the process after the commit, and who produces them.

A reactor looks at an accepted event and says what must follow from it (an
Orthomatic contact line, a DM to the new owner, a post in the directie channel).
Its messages are written in the same transaction as the event, so they are sent
if and only if the action happened. Delivery is at least once; `key` lets the
receiver drop a repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel

from bot.rules.dossier import Dossier
from bot.rules.events import Event


class OutboxStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"  # refused by the receiver; waits for a person to fix and retry
    DEAD = "dead"  # gave up after the last attempt; an operator can retry
    MANUAL = "manual"  # a checklist item for a person (no automatic delivery)


class OutboxMessage(BaseModel):
    channel: str  # the deliverer that sends it, e.g. "orthomatic", "slack", "teams", "email"
    key: str  # idempotency key, unique across the outbox
    queue: str  # messages of one queue are delivered in order
    payload: dict[str, Any]
    dossier_number: str | None = None
    # MANUAL makes the message a checklist item for a person instead of a delivery.
    status: OutboxStatus = OutboxStatus.PENDING


class OutboxItem(OutboxMessage):
    id: int
    status: OutboxStatus
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    delivered_at: datetime | None = None


Reactor = Callable[[Event, Dossier], Iterable[OutboxMessage]]


class RetryLater(Exception):
    """A delivery failed in a way that may pass (timeout, 5xx, connection lost): retry."""


class Rejected(Exception):
    """The receiver refused the item itself (4xx). Its queue stops until a person acts."""


class Deliverer(Protocol):
    """Sends one outbox item of its channel. Must be idempotent on `item.key`.

    Return normally when delivered; raise `RetryLater` or `Rejected`. Any other
    exception counts as `RetryLater`.
    """

    async def deliver(self, item: OutboxItem) -> None: ...
