"""A real `kill -9` of `klachtenbot serve` in the middle of delivering, then a restart."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections import Counter
from pathlib import Path

from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL
from tests.adapters.orthomatic.standin import TOKEN
from tests.adapters.orthomatic.walk import expected_keys, staff, walk

ROOT = Path(__file__).resolve().parents[3]
LEASE_SECONDS = 3  # a crashed process's claims pass to the next one after this


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _serve(database_url: str, bridge_url: str) -> asyncio.subprocess.Process:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("ORTHOMATIC_", "SLACK_"))},
        "KLACHTENBOT_DATABASE_URL": database_url,
        "KLACHTENBOT_PORT": str(_free_port()),
        "KLACHTENBOT_SCHEDULER": "false",
        "KLACHTENBOT_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "ORTHOMATIC_URL": bridge_url,
        "ORTHOMATIC_TOKEN": TOKEN,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.entry.cli",
        "serve",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def _until(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 20)):
        if await condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"waited {seconds} s for {what}")


async def test_kill_9_mid_delivery_then_restart_delivers_every_item_once(
    bridge_bot, standin, database_url
):
    people = await staff(bridge_bot)
    numbers = [await walk(bridge_bot, people) for _ in range(4)]
    keys = [k for n in numbers for k in expected_keys(n)]
    assert (await bridge_bot.outbox.counts(CHANNEL)) == {"pending": len(keys)}

    # The bridge writes the next items but holds its answers: serve is mid-delivery.
    standin.hold_after = 10
    first = await _serve(database_url, standin.url)
    try:
        await _until(lambda: _async(standin.held >= 2), 60, "deliveries in flight")
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    assert first.returncode == -signal.SIGKILL
    output = (await first.stdout.read()).decode()  # type: ignore[union-attr]
    assert "Orthomatic: elke stap gaat via de brug" in output
    in_flight = set(standin.created_keys()[10:])  # written, never answered
    assert in_flight and len(standin.created) < len(keys)
    # What the killed process had not yet recorded as delivered: it may go again.
    recorded = {i.key for i in await bridge_bot.outbox.items(OutboxStatus.DELIVERED, 1000)}
    unrecorded = set(keys) - recorded

    standin.hold_after = None
    standin.released.set()
    second = await _serve(database_url, standin.url)
    try:

        async def all_delivered() -> bool:
            return (await bridge_bot.outbox.counts(CHANNEL)) == {"delivered": len(keys)}

        await _until(all_delivered, 90, "every item delivered after the restart")
    finally:
        second.send_signal(signal.SIGTERM)
        await second.wait()

    # Each item is in "Orthomatic" exactly once, each dossier in its order.
    assert sorted(standin.created_keys()) == sorted(keys)
    for number in numbers:
        assert [k for k in standin.created_keys() if f":{number}:" in k] == expected_keys(number)
    sent = Counter(r.key for r in standin.requests)
    again = {key for key, n in sent.items() if n > 1}
    # What the kill cut off went twice, and only what was not yet recorded as delivered;
    # the second time it was a replay of the same key.
    assert in_flight <= again <= unrecorded
    for key in again:
        outcomes = [r.outcome for r in standin.attempts(key)]
        assert outcomes == ["created", "replayed"], (key, outcomes)


async def _async(value: bool) -> bool:
    return value
