"""The Slack adapter under test: the real aiohttp app on a loopback port, Slack's Web API
played by a local stand-in, and requests signed as Slack signs them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.signing import SECRET, SlackSends

COORDINATORS = "CCOORD"
DIRECTIE = "CDIR"


@pytest.fixture(autouse=True)
async def slack_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeSlack]:
    """Started before the `bot` fixture builds the bot, so the bot is configured for it.

    Every Block Kit payload the bot sends to it is checked; a test fails on any problem.
    """
    fake = FakeSlack()
    await fake.start()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    monkeypatch.setenv("KLACHTENBOT_SLACK_COORDINATOR_CHANNEL", COORDINATORS)
    monkeypatch.setenv("KLACHTENBOT_SLACK_DIRECTIE_CHANNEL", DIRECTIE)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    yield fake
    await fake.stop()
    assert fake.problems == [], fake.problems


@pytest.fixture
async def slack(server: str, slack_api: FakeSlack) -> AsyncIterator[SlackSends]:
    async with aiohttp.ClientSession() as session:
        yield SlackSends(session, f"{server}/slack/events", slack_api.url)
