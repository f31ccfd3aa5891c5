"""Drain a backlog of Orthomatic mirror items against a bridge that answers in 20 ms.

    .venv/bin/python bench/mirror_drain.py                 # SQLite and PostgreSQL
    .venv/bin/python bench/mirror_drain.py --database sqlite --items 2000

The backlog is what Orthomatic being away for a while leaves behind: registered
complaints (through the real use case) with their later steps, spread over many
dossiers as real life does (one queue per dossier; the dispatcher claims only
the head of each queue, so one dossier's items go one after another). The stand-in
bridge runs in its own process, so it does not share the event loop it measures.
Target: 10,000 items in under 60 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.entry.bootstrap import build  # noqa: E402
from bot.outbox.messages import OutboxStatus  # noqa: E402
from bot.outbox.mirror import CHANNEL, ItemKind, key, queue  # noqa: E402
from bot.rules.roles import Role  # noqa: E402
from bot.rules.workdays import local_date, utcnow  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import tables as t  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.adapters.orthomatic.standin import TOKEN  # noqa: E402
from tests.helpers import registration  # noqa: E402

PG_ADMIN = os.environ.get(
    "KLACHTENBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


async def start_bridge(delay: float, folder: Path) -> tuple[asyncio.subprocess.Process, str]:
    port_file = folder / f"bridge-url-{uuid.uuid4().hex[:6]}"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.adapters.orthomatic.standin", str(port_file), str(delay),
        cwd=ROOT,
    )  # fmt: skip
    for _ in range(200):
        if port_file.exists() and port_file.read_text():
            return process, port_file.read_text().strip()
        await asyncio.sleep(0.05)
    raise RuntimeError("the stand-in bridge did not start")


def bridge_stats(url: str) -> dict[str, int]:
    with urllib.request.urlopen(f"{url}/_stats") as response:
        return json.loads(response.read())


async def fill(bot, items: int, dossiers: int) -> None:  # type: ignore[no-untyped-def]
    """`dossiers` registered complaints, then contact lines until there are `items` items."""
    coordinator = await bot.staff.add(None, "Anna de Vries", [Role.COORDINATOR])
    received = local_date(utcnow()) - timedelta(days=1)
    numbers = []
    for n in range(dossiers):
        action = registration(received_on=received, customer_number=str(10000 + n))
        numbers.append((await bot.complaints.register(coordinator, action)).dossier.number)
    now = utcnow()
    rows = []
    for i in range(items - dossiers):
        number = numbers[i % dossiers]
        seq = 2 + i // dossiers
        payload = {
            "kind": "contact",
            "dossier_number": number,
            "seq": seq,
            "step": "add_note",
            "date": received.isoformat(),
            "at": now.isoformat(),
            "employee": coordinator.name,
            "customer_number": None,
            "customer_name": "Mevr. E. Bakker",
            "data": {"text": f"Notitie {seq}: de klant is gebeld over de voortgang."},
        }
        rows.append({
            "key": key(number, seq, ItemKind.CONTACT), "channel": CHANNEL, "queue": queue(number),
            "dossier_number": number, "payload": payload, "status": OutboxStatus.PENDING.value,
            "attempts": 0, "next_attempt_at": now, "created_at": now,
        })  # fmt: skip
    async with bot.engine.begin() as connection:
        for start in range(0, len(rows), 1000):
            await connection.execute(insert(t.outbox), rows[start : start + 1000])


async def run(database: str, args: argparse.Namespace, folder: Path) -> dict[str, object]:
    cleanup = None
    if database == "sqlite":
        url = f"sqlite:///{folder}/bench-{uuid.uuid4().hex[:6]}.db"
    else:
        import psycopg

        name = f"klachtenbot_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"

        def cleanup() -> None:
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    process, bridge_url = await start_bridge(args.delay, folder)
    bot = None
    try:
        await upgrade(url)
        bot = build(Settings(database_url=url, orthomatic_url=bridge_url, orthomatic_token=TOKEN))
        dispatcher = bot.dispatcher
        dispatcher.batch = args.batch
        dispatcher.concurrency = asyncio.Semaphore(args.concurrency)
        bot.deliverers[CHANNEL].connections = args.concurrency
        await fill(bot, args.items, args.dossiers)
        assert (await bot.outbox.counts(CHANNEL)) == {"pending": args.items}

        started = time.perf_counter()
        handled = await dispatcher.drain()
        seconds = time.perf_counter() - started

        counts = await bot.outbox.counts(CHANNEL)
        stats = bridge_stats(bridge_url)
        return {
            "database": database,
            "items": args.items,
            "dossiers": args.dossiers,
            "batch": args.batch,
            "concurrency": args.concurrency,
            "seconds": round(seconds, 2),
            "items_per_second": round(args.items / seconds, 1),
            "attempts": handled,
            "delivered": counts.get("delivered", 0),
            "bridge_created": stats["created"],
            "bridge_requests": stats["requests"],
            "outcomes": dict(dispatcher.outcomes),
        }
    finally:
        if bot is not None:
            await bot.deliverers[CHANNEL].close()
            await bot.close()
        process.terminate()
        await process.wait()
        if cleanup:
            cleanup()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--dossiers", type=int, default=1_000)
    parser.add_argument("--delay", type=float, default=0.020, help="the bridge's answer time (s)")
    parser.add_argument("--batch", type=int, default=None, help="default: the dispatcher's")
    parser.add_argument("--concurrency", type=int, default=None, help="default: the dispatcher's")
    args = parser.parse_args()
    import inspect

    from bot.outbox.dispatch import Dispatcher

    defaults = inspect.signature(Dispatcher).parameters
    args.batch = args.batch or defaults["batch"].default
    args.concurrency = args.concurrency or defaults["concurrency"].default
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    with tempfile.TemporaryDirectory() as folder:
        for database in databases:
            result = await run(database, args, Path(folder))
            print(json.dumps(result), flush=True)
            print(
                f"{database}: {result['items']} items over {result['dossiers']} dossiers in "
                f"{result['seconds']} s = {result['items_per_second']} items/s "
                f"(bridge answers in {args.delay * 1000:.0f} ms; batch {args.batch}, "
                f"concurrency {args.concurrency})",
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main())
