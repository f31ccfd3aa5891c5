"""What the adapter tests share: a real SMTP server on a free loopback port, and the bot's
own web app on another."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.entry.bootstrap import Klachtenbot
from bot.entry.server import make_app
from tests.adapters.intake.smtp_server import Mailbox, start


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    box = Mailbox()
    server, box.port = await start(box)
    yield box
    server.close()
    await server.wait_closed()


@pytest.fixture
async def server(bot: Klachtenbot) -> AsyncIterator[str]:
    """`klachtenbot serve`'s web app (with the outbox dispatcher) on a free loopback port."""
    runner = web.AppRunner(make_app(bot))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()
