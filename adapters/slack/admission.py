"""After-ack work runs a few at a time, so acks keep flowing under load.

Slack wants every ack within 3 seconds, and acks share one event loop with the
work that follows them. Work waits for one of `running` slots; when `waiting`
requests are already queued, a request that a person can simply repeat (a list,
a form to open) is turned away politely instead of growing an unbounded backlog.
Work that must not be lost (a message in a dossier's thread) always waits its turn.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager


class Admission:
    def __init__(
        self,
        running: int = 4,
        waiting: int = 64,
        *,
        quiet: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._slots = asyncio.Semaphore(running)
        self._waiting = 0
        self.max_waiting = waiting
        self.quiet = quiet
        self._clock = clock
        self._told: dict[str, float] = {}

    def full(self) -> bool:
        """True when new work would be turned away (checked before an ack, which can carry
        the answer itself and so costs Slack and us nothing more)."""
        return self._waiting >= self.max_waiting

    @asynccontextmanager
    async def slot(self, *, may_refuse: bool = True) -> AsyncIterator[bool]:
        """Yields True once a slot is free, or False at once when the queue is full."""
        if may_refuse and self._waiting >= self.max_waiting:
            yield False
            return
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            yield True
        finally:
            self._slots.release()

    def worth_telling(self, person: str) -> bool:
        """Whether a person who was just turned away should be told so.

        Not when they were told less than `quiet` seconds ago: a click's ack cannot
        carry the notice, so each one is a post of its own, as costly as the ack, and
        it would land while the bot is already overloaded. Tapping a stuck button
        three times then gives one notice, not three; a retry after a few seconds,
        as the notice asks, is answered again.
        """
        now = self._clock()
        last = self._told.get(person)
        if last is not None and now - last < self.quiet:
            return False
        if len(self._told) > 1000:  # staff is small; forget who was told long ago
            self._told = {p: at for p, at in self._told.items() if now - at < self.quiet}
        self._told[person] = now
        return True
