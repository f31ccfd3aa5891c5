"""A chat request that lost a race on the dossier's version is tried again.

Two requests can reach one dossier at the same moment: a platform's retry and its
original, a double click, two people on one card. The one that loses on the
dossier's version wrote nothing, so trying again is safe: a repeat then finds its
request key and is answered as a repeat, and a different request is judged anew
by the rules against the dossier as it now stands. Every chat does this, the same
way, for every step and every file it keeps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.rules.errors import Refused

TRIES = 3  # a third loss in a row means real contention: say so rather than loop
CHANGED = "dossier.changed"

T = TypeVar("T")


async def retried(work: Callable[[], Awaitable[T]]) -> T:
    """`work()`, again when the dossier changed under it, at most `TRIES` times."""
    for attempt in range(1, TRIES + 1):
        try:
            return await work()
        except Refused as refusal:
            if refusal.key != CHANGED or attempt == TRIES:
                raise
    raise AssertionError("unreachable")
