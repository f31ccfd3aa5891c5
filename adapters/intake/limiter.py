"""Flood protection for the web form: a token bucket per sender, in this process.

In-process rather than in the database, on purpose: a flood is exactly the
traffic that must not reach the database, and the limit is a guard against a
runaway script, not a quota. With several replicas each keeps its own buckets,
so one sender gets at most the burst times the number of replicas before being
slowed down: still a handful of dossiers, which the coordinator can close.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class TokenBucket:
    def __init__(
        self,
        burst: int,
        per_hour: int,
        clock: Callable[[], float] = time.monotonic,
        max_senders: int = 10_000,
    ) -> None:
        self.burst = max(1, burst)
        self.rate = max(1, per_hour) / 3600.0  # tokens per second
        self.clock = clock
        self.max_senders = max_senders  # memory stays bounded whatever the flood
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, sender: str) -> float:
        """Take a token for `sender`; 0 when allowed, else seconds until the next one."""
        now = self.clock()
        tokens, last = self._buckets.pop(sender, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self._buckets[sender] = (tokens, now)
        while len(self._buckets) > self.max_senders:
            self._buckets.popitem(last=False)  # forget the sender heard from longest ago
        return wait
