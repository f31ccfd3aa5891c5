"""Fixtures of the mirror's tests: the stand-in bridge and bots in each mirror mode."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest

from bot.entry.bootstrap import Klachtenbot, build
from bot.rules.workdays import utcnow
from bot.settings import Settings
from tests.adapters.orthomatic.standin import TOKEN, StandInBridge


@pytest.fixture
async def standin() -> AsyncIterator[StandInBridge]:
    bridge = StandInBridge()
    await bridge.start()
    yield bridge
    await bridge.stop()


class Later:
    """The dispatcher's clock: starts now, moves on when a test says so (past backoffs)."""

    def __init__(self) -> None:
        self.now = utcnow() + timedelta(seconds=1)  # items are stamped with real time

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


MakeBot = Callable[..., Awaitable[Klachtenbot]]


@pytest.fixture
async def make_bot(database_url: str) -> AsyncIterator[MakeBot]:
    """Builds bots on the test's database with the given mirror settings."""
    bots: list[Klachtenbot] = []

    async def make(**settings: Any) -> Klachtenbot:
        app = build(Settings(database_url=database_url, **settings))
        app.dispatcher.clock = Later()
        bridge = app.deliverers.get("orthomatic")
        if hasattr(bridge, "timeout"):  # a short client timeout keeps fault tests quick
            import aiohttp

            bridge.timeout = aiohttp.ClientTimeout(total=0.5)  # type: ignore[union-attr]
        bots.append(app)
        return app

    yield make
    for app in bots:
        bridge = app.deliverers.get("orthomatic")
        if hasattr(bridge, "close"):
            await bridge.close()  # type: ignore[union-attr]
        await app.close()


@pytest.fixture
async def bridge_bot(make_bot: MakeBot, standin: StandInBridge) -> Klachtenbot:
    return await make_bot(orthomatic_url=standin.url, orthomatic_token=TOKEN)
