"""After-ack work runs a few at a time, so acks keep flowing under load.

Slack wants every ack within 3 seconds, and acks share one event loop with the
work that follows them. Work waits for one of `running` slots; when `waiting`
requests are already queued, a request that a person can simply repeat (a list,
a form to open) is turned away politely instead of growing an unbounded backlog.
Work that must not be lost (a message in a dossier's thread) always waits its turn.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Admission:
    def __init__(self, running: int = 4, waiting: int = 64) -> None:
        self._slots = asyncio.Semaphore(running)
        self._waiting = 0
        self.max_waiting = waiting

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
