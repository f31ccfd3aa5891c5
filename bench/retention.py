"""Retention: 1,000 expiring dossiers among 1,000 / 10,000 / 100,000 closed ones.

    .venv/bin/python bench/retention.py [--sizes 1000,10000,100000] [--postgres URL]

Rows are inserted in bulk straight into the tables. Every dossier is closed, with its
registration event (and that event's personal part) and an up-to-date mirror; the
kept ones closed last month, the expiring ones three years ago. Each round adds 1,000
fresh expiring dossiers and times one retention run that anonymises exactly those
(one transaction each, then the SQLite checkpoint). Three rounds after one warm-up;
the median is reported. The goal: the time follows the 1,000, not the closed total.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from bench.sweep import RECEIVED, _dossier_json
from bench.throwaway import throwaway
from bot.entry.bootstrap import build
from bot.rules.personal import split_event_data
from bot.settings import Settings
from storage import tables as t
from storage.migrate import upgrade
from tests.helpers import registration

EXPIRING = 1000
ROUNDS = 3
NOW = datetime(2029, 6, 1, 3, 0, tzinfo=UTC)
KEPT_CLOSED = datetime(2029, 5, 1, 12, 0, tzinfo=UTC)  # within the 24 months
OLD_CLOSED = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)  # past them
CHUNK = 5000


async def _add(bot, first: int, count: int, closed_at: datetime) -> None:  # type: ignore[no-untyped-def]
    """`count` closed dossiers numbered from `first`, each with its registration event."""
    plain, personal = split_event_data("register", registration().model_dump(mode="json"))
    async with bot.engine.begin() as c:
        for start in range(first, first + count, CHUNK):
            numbers = [f"K-2026-{n:06d}" for n in range(start, min(first + count, start + CHUNK))]
            data = {}
            for n in numbers:
                data[n] = _dossier_json(n) | {
                    "state": "gesloten",
                    "closed_at": closed_at.isoformat(),
                }
            ids = (
                (
                    await c.execute(
                        insert(t.dossiers).returning(t.dossiers.c.id),
                        [
                            {
                                "number": n,
                                "state": "gesloten",
                                "customer_number": "10234",
                                "customer_name": "Mevr. E. Bakker",
                                "received_on": RECEIVED,
                                "registered_at": closed_at,
                                "updated_at": closed_at,
                                "closed_at": closed_at,
                                "version": 1,
                                "data": data[n],
                            }
                            for n in numbers
                        ],
                    )
                )
                .scalars()
                .all()
            )
            events = (
                await c.execute(
                    insert(t.events).returning(t.events.c.id, t.events.c.dossier_id),
                    [
                        {
                            "dossier_id": i,
                            "seq": 1,
                            "at": closed_at,
                            "actor_id": 1,
                            "actor_name": "Anna de Vries",
                            "action": "register",
                            "from_state": None,
                            "to_state": "ontvangen",
                            "data": plain,
                        }
                        for i in ids
                    ],
                )
            ).all()
            await c.execute(
                insert(t.event_details),
                [{"event_id": e.id, "dossier_id": e.dossier_id, "data": personal} for e in events],
            )


async def _anonymised(bot) -> int:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as c:
        stmt = (
            select(func.count())
            .select_from(t.dossiers)
            .where(t.dossiers.c.anonymised_at.isnot(None))
        )
        return (await c.execute(stmt)).scalar_one()


async def measure(url: str, size: int) -> float:
    await upgrade(url)
    bot = build(Settings(database_url=url))
    try:
        await _add(bot, 1, size, KEPT_CLOSED)
        timings = []
        for round_ in range(ROUNDS + 1):
            await _add(bot, size + 1 + round_ * EXPIRING, EXPIRING, OLD_CLOSED)
            started = time.perf_counter()
            report = await bot.privacy.retention.run(NOW)
            elapsed = time.perf_counter() - started
            assert len(report.anonymised) == EXPIRING, (len(report.anonymised), report.skipped)
            if round_:  # the first round warms caches and connections
                timings.append(elapsed)
        assert await _anonymised(bot) == EXPIRING * (ROUNDS + 1)
        return statistics.median(timings)
    finally:
        await bot.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'engine':<11}{'closed dossiers':>16}{'run (s)':>10}{'per expiring (ms)':>19}")
    for engine in ["sqlite"] + ([] if args.no_postgres else ["postgresql"]):
        results = {}
        for size in sizes:
            with throwaway(engine, args.postgres) as url:
                results[size] = await measure(url, size)
            s = results[size]
            print(f"{engine:<11}{size:>16,}{s:>10.2f}{s * 1000 / EXPIRING:>19.2f}", flush=True)
        ratio = results[sizes[-1]] / results[sizes[0]]
        print(f"{engine}: {sizes[-1]:,} vs {sizes[0]:,} = {ratio:.2f}x", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
