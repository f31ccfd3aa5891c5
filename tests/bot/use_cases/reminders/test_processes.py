"""Two real processes against one PostgreSQL database send every notice exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.entry.bootstrap import build
from bot.rules.workdays import local_date, utcnow
from bot.settings import Settings
from storage import tables as t
from storage.migrate import upgrade
from tests.bot.use_cases.reminders.conftest import PLATFORMS
from tests.conftest import Clock, _reset_postgres
from tests.helpers import registration

ROOT = Path(__file__).resolve().parents[4]
DOSSIERS = 150


@pytest.fixture
async def pg_url(postgres_server: str) -> str:
    await upgrade(postgres_server)
    await _reset_postgres(postgres_server)
    return postgres_server


async def _seed(url: str, received_days_ago: int | None = None) -> None:
    """Dossiers whose acknowledgement is overdue, registered as a coordinator would."""
    bot = build(Settings(database_url=url))
    try:
        coordinator = await bot.staff.add(None, "Anna de Vries", [_coordinator()], "a@example.nl")
        now = utcnow() - timedelta(days=received_days_ago or 0)
        bot.complaints.clock = Clock(now)
        for _ in range(DOSSIERS):
            await bot.complaints.register(coordinator, registration(received_on=local_date(now)))
    finally:
        await bot.close()


def _coordinator():  # type: ignore[no-untyped-def]
    from bot.rules.roles import Role

    return Role.COORDINATOR


def _env(url: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "KLACHTENBOT_DATABASE_URL": url, **extra}
    env["PYTHONPATH"] = str(ROOT)
    return env


async def _run(url: str, *args: str, **extra: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.bot.use_cases.reminders.proc",
        *args,
        cwd=ROOT,
        env=_env(url, **extra),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def _outbox_keys(url: str) -> list[str]:
    bot = build(Settings(database_url=url))
    try:
        async with bot.engine.connect() as connection:
            rows = await connection.execute(
                select(t.outbox.c.key).where(t.outbox.c.key.startswith("deadline:"))
            )
            return [r.key for r in rows]
    finally:
        await bot.close()


async def test_two_sweep_processes_at_once_send_each_notice_once(pg_url):
    await _seed(pg_url, received_days_ago=None)
    # Both processes sweep the same moment, three weeks on, at the same time.
    moment = (local_date(utcnow()) + timedelta(days=21)).isoformat() + "T09:00"
    processes = [await _run(pg_url, "sweep", "--now", moment, "--json") for _ in range(2)]
    results = [await p.communicate() for p in processes]
    for process, (_out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err.decode()
    sent = [json.loads(out)["sent"] for out, _err in results]
    alarms = [s for batch in sent for s in batch if s["stage"] == "ack_alarm"]
    # Each dossier's alarm was handled by exactly one of the two processes.
    assert len(alarms) == DOSSIERS
    assert len({a["dossier"] for a in alarms}) == DOSSIERS
    keys = await _outbox_keys(pg_url)
    assert len(keys) == len(set(keys)) == DOSSIERS * 2 * len(PLATFORMS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _health(port: int) -> dict:  # type: ignore[type-arg]
    import aiohttp

    url = f"http://127.0.0.1:{port}/healthz"
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return await response.json()


async def test_two_serve_processes_send_each_reminder_once(pg_url):
    # Received three weeks ago: every acknowledgement alarm is due right now.
    await _seed(pg_url, received_days_ago=21)
    ports = [_free_port(), _free_port()]
    servers = [
        await _run(
            pg_url,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            KLACHTENBOT_SWEEP_SECONDS="1",
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 90
        sent: list[int] = []
        while time.monotonic() < deadline:
            await asyncio.sleep(1)
            try:
                health = [await _health(port) for port in ports]
            except OSError:
                continue  # not listening yet
            sent = [h["scheduler"]["notices_sent"] for h in health]
            if sum(sent) >= DOSSIERS and all(h["scheduler"]["sweeps"] >= 3 for h in health):
                break
        assert all(h["scheduler"]["running"] for h in health)
        assert all(h["scheduler"]["last_sweep_end"] for h in health)
        # Both ran sweeps; together they sent each alarm once, not twice.
        assert sum(sent) == DOSSIERS, sent
    finally:
        for server in servers:
            if server.returncode is None:
                server.send_signal(signal.SIGTERM)
        for server in servers:
            await asyncio.wait_for(server.wait(), 30)
    keys = await _outbox_keys(pg_url)
    assert len(keys) == len(set(keys)) == DOSSIERS * 2 * len(PLATFORMS)
