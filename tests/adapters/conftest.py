"""What the adapter tests share: a real SMTP server on a free loopback port."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.adapters.intake.smtp_server import Mailbox, start


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    box = Mailbox()
    server, box.port = await start(box)
    yield box
    server.close()
    await server.wait_closed()
