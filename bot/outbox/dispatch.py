"""Delivers the outbox: at least once, in order per queue, retried with backoff.

Each queue (one per dossier and receiver) goes in id order; different queues go
concurrently. A delivery that may pass later (`RetryLater`, a timeout, any
unexpected error) is retried with exponential backoff and jitter; a refusal
(`Rejected`) stops the queue and waits for a person. Deliverers must be
idempotent on the item's key, because a crash between delivery and bookkeeping
delivers the item again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.outbox.messages import Deliverer, OutboxItem, OutboxStatus, Rejected
from bot.rules.workdays import utcnow

log = logging.getLogger(__name__)


class OutboxStore(Protocol):
    async def claim(
        self, now: datetime, limit: int, lease: timedelta, channels: list[str]
    ) -> list[OutboxItem]: ...
    async def delivered(self, item_id: int, now: datetime) -> None: ...
    async def delivered_many(self, item_ids: list[int], now: datetime) -> None: ...
    async def retry_later(self, item_id: int, at: datetime, error: str) -> None: ...
    async def give_up(self, item_id: int, status: OutboxStatus, error: str) -> None: ...


FailureHandler = Callable[[OutboxItem, str], Awaitable[None]]


class Dispatcher:
    def __init__(
        self,
        store: OutboxStore,
        deliverers: dict[str, Deliverer],
        clock: Callable[[], datetime] = utcnow,
        *,
        batch: int = 200,
        concurrency: int = 32,
        lease: timedelta = timedelta(minutes=2),
        base_delay: float = 2.0,
        max_delay: float = 300.0,
        max_attempts: int = 500,  # about 40 hours at the longest delay
        poll_seconds: float = 0.5,
    ) -> None:
        self.store = store
        self.deliverers = deliverers
        self.clock = clock
        self.batch = batch
        self.concurrency = asyncio.Semaphore(concurrency)
        self.lease = lease
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_attempts = max_attempts
        self.poll_seconds = poll_seconds
        self.on_failed: list[FailureHandler] = []
        self.outcomes: Counter[str] = Counter()  # deliveries by outcome, for /metrics
        self._wake = asyncio.Event()
        self._stopping = False

    def backoff(self, attempts: int) -> timedelta:
        """Exponential, capped, with full jitter over the upper half."""
        delay = min(self.max_delay, self.base_delay * 2 ** max(0, attempts - 1))
        return timedelta(seconds=delay * random.uniform(0.5, 1.0))

    async def run_once(self) -> int:
        """Deliver what is due now; returns how many items were attempted."""
        if not self.deliverers:
            return 0
        items = await self.store.claim(
            self.clock(), self.batch, self.lease, sorted(self.deliverers)
        )
        results = await asyncio.gather(*(self._deliver(item) for item in items))
        # One write for the whole round: a commit per item made the database, not the
        # receivers, the limit. A crash before it delivers the round again (idempotent).
        done = [item.id for item, ok in zip(items, results, strict=True) if ok]
        if done:
            await self.store.delivered_many(done, self.clock())
            self.outcomes["delivered"] += len(done)
        return len(items)

    async def drain(self, rounds: int = 10_000) -> int:
        """Deliver until nothing is due (tests, benchmarks, operators)."""
        total = 0
        for _ in range(rounds):
            handled = await self.run_once()
            if not handled:
                break
            total += handled
        return total

    def wake(self) -> None:
        self._wake.set()

    async def run_forever(self) -> None:
        while not self._stopping:
            try:
                handled = await self.run_once()
            except Exception:  # the database may be away for a moment; keep going
                log.exception("outbox round failed")
                handled = 0
            if not handled:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_seconds)

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def _deliver(self, item: OutboxItem) -> bool:
        """True when delivered; the caller records it (with the rest of the round)."""
        async with self.concurrency:
            deliverer = self.deliverers[item.channel]
            try:
                await deliverer.deliver(item)
            except Rejected as refusal:
                reason = str(refusal) or type(refusal).__name__
                await self.store.give_up(item.id, OutboxStatus.FAILED, reason)
                self.outcomes["failed"] += 1
                await self._tell(item, reason)
                return False
            except Exception as error:  # RetryLater, timeouts, anything that may pass
                reason = f"{type(error).__name__}: {error}"
                if item.attempts >= self.max_attempts:
                    await self.store.give_up(item.id, OutboxStatus.DEAD, reason)
                    self.outcomes["dead"] += 1
                    await self._tell(item, reason)
                else:
                    at = self.clock() + self.backoff(item.attempts)
                    await self.store.retry_later(item.id, at, reason)
                    self.outcomes["retry"] += 1
                return False
            return True

    async def _tell(self, item: OutboxItem, reason: str) -> None:
        for handler in self.on_failed:
            try:
                await handler(item, reason)
            except Exception:  # telling must never stop the dispatcher
                log.exception("failure handler for outbox item %s failed", item.id)
