"""A step that lost a race on the dossier's version is tried again, a few times."""

from __future__ import annotations

import pytest

from bot.chat.conflicts import TRIES, retried
from bot.rules.errors import Refused


class Racing:
    """Loses the race `losses` times, then does the work."""

    def __init__(self, losses: int, key: str = "dossier.changed") -> None:
        self.losses, self.key, self.calls = losses, key, 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.losses:
            raise Refused(self.key, number="K-2026-0001")
        return "gedaan"


async def test_a_lost_race_is_tried_again_until_it_is_done() -> None:
    work = Racing(losses=TRIES - 1)
    assert await retried(work) == "gedaan" and work.calls == TRIES


async def test_contention_that_does_not_pass_is_said_not_looped() -> None:
    work = Racing(losses=TRIES)
    with pytest.raises(Refused) as refused:
        await retried(work)
    assert refused.value.key == "dossier.changed" and work.calls == TRIES


async def test_any_other_refusal_is_said_at_once() -> None:
    work = Racing(losses=1, key="dossier.closed")
    with pytest.raises(Refused):
        await retried(work)
    assert work.calls == 1
