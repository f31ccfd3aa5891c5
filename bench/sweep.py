"""Sweep duration: 100 due deadlines among 1,000 / 10,000 / 100,000 open dossiers.

    .venv/bin/python bench/sweep.py [--sizes 1000,10000,100000] [--postgres URL]

Rows are inserted in bulk straight into the tables (the use cases would take
hours for 100,000 dossiers). Every open dossier has a decision term that is not
due; 100 of them also have an overdue acknowledgement. One sweep then sends 100
alarms (coordinators and directie, on two platforms: 400 outbox rows). Each size
is measured five times after one warm-up; the median is reported.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert, update

from bench.throwaway import throwaway
from bot.entry.bootstrap import build
from bot.rules.deadlines import DeadlineKind
from bot.rules.workdays import end_of_day
from bot.settings import Settings
from bot.use_cases.reminders import reminders_for
from storage import tables as t
from storage.migrate import upgrade
from tests.helpers import registration

DUE = 100
ROUNDS = 5
NOW = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
RECEIVED = date(2026, 11, 23)


def _dossier_json(number: str) -> dict:
    r = registration()
    return {
        "number": number,
        "state": "ontvangen",
        "channel": r.channel.value,
        "received_on": RECEIVED.isoformat(),
        "registered_at": "2026-11-23T09:00:00Z",
        "registered_by_id": 1,
        "customer": {
            "name": r.customer_name,
            "number": r.customer_number,
            "phone": r.customer_phone,
        },
        "complaint": {
            "summary": r.summary,
            "details": r.details,
            "practitioner": r.practitioner,
            "product": r.product,
            "severity": "middel",
        },
        "decision_due": "2027-01-04",
        "version": 1,
    }


async def _fill(bot, size: int) -> list[int]:  # type: ignore[no-untyped-def]
    """`size` open dossiers with a decision term each; return the ids of the due rows."""
    created = datetime(2026, 11, 23, 9, tzinfo=UTC)
    chunk = 5000
    async with bot.engine.begin() as c:
        for start in range(0, size, chunk):
            numbers = [f"K-2026-{n:06d}" for n in range(start + 1, min(size, start + chunk) + 1)]
            await c.execute(
                insert(t.dossiers),
                [
                    {
                        "number": n,
                        "state": "ontvangen",
                        "customer_name": "Mevr. E. Bakker",
                        "received_on": RECEIVED,
                        "registered_at": created,
                        "updated_at": created,
                        "version": 1,
                        "data": _dossier_json(n),
                    }
                    for n in numbers
                ],
            )
            first_id = start + 1
            await c.execute(
                insert(t.deadlines),
                [
                    {
                        "dossier_id": first_id + i,
                        "kind": DeadlineKind.DECISION.value,
                        "due_on": date(2027, 1, 4),
                        "due_at": end_of_day(date(2027, 1, 4)),
                        "created_at": created,
                        "next_notice_at": datetime(2026, 12, 28, 8, tzinfo=UTC),
                        "notices": 0,
                    }
                    for i in range(len(numbers))
                ],
            )
        step = size // DUE
        await c.execute(
            insert(t.deadlines),
            [
                {
                    "dossier_id": 1 + i * step,
                    "kind": DeadlineKind.ACKNOWLEDGEMENT.value,
                    "due_on": date(2026, 11, 30),
                    "due_at": end_of_day(date(2026, 11, 30)),
                    "created_at": created,
                    "next_notice_at": created,
                    "notices": 0,
                }
                for i in range(DUE)
            ],
        )
    async with bot.engine.connect() as c:
        rows = await c.execute(
            t.deadlines.select().where(t.deadlines.c.kind == DeadlineKind.ACKNOWLEDGEMENT.value)
        )
        return [r.id for r in rows]


async def _reset(bot, due_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    async with bot.engine.begin() as c:
        await c.execute(delete(t.outbox))
        await c.execute(
            update(t.deadlines)
            .where(t.deadlines.c.id.in_(due_ids))
            .values(notices=0, next_notice_at=datetime(2026, 11, 23, 9, tzinfo=UTC))
        )


async def measure(url: str, size: int) -> float:
    await upgrade(url)
    bot = build(Settings(database_url=url))
    try:
        bot.chat_platforms.extend(["slack", "teams"])
        sweep = reminders_for(bot).sweep
        due_ids = await _fill(bot, size)
        timings = []
        for round_ in range(ROUNDS + 1):
            await _reset(bot, due_ids)
            started = time.perf_counter()
            report = await sweep.run(NOW)
            elapsed = time.perf_counter() - started
            assert len(report.sent) == DUE, len(report.sent)
            if round_:  # the first round warms caches and connections
                timings.append(elapsed)
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
    print(f"{'engine':<11}{'open dossiers':>14}{'sweep (ms)':>12}{'per due (ms)':>14}")
    for engine in ["sqlite"] + ([] if args.no_postgres else ["postgresql"]):
        results = {}
        for size in sizes:
            with throwaway(engine, args.postgres) as url:
                results[size] = await measure(url, size)
            ms = results[size] * 1000
            print(f"{engine:<11}{size:>14,}{ms:>12.1f}{ms / DUE:>14.2f}", flush=True)
        ratio = results[sizes[-1]] / results[sizes[0]]
        print(f"{engine}: {sizes[-1]:,} vs {sizes[0]:,} = {ratio:.2f}x", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
