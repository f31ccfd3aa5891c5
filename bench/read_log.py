"""What logging a read costs: a list of 20 dossiers with and without the read log.

    .venv/bin/python bench/read_log.py [--rounds 200] [--log-lines 100000] [--postgres URL]

Three ways to answer `/klacht lijst` (20 dossiers shown) are timed, each `--rounds`
times after a warm-up, median and 95th percentile:

- no log: the list alone (one read-only transaction);
- a line per dossier: what Klachtenbot does (the list, then one INSERT of 20 rows in
  a short writing transaction of its own);
- a line per list: the alternative (the list, then one row naming the 20 dossiers).

Then the question the log exists for, "who looked at this dossier", is timed on a log
of `--log-lines` dossier reads, stored both ways: an index lookup for a line per
dossier, a text search through every list's row for a line per list.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, insert, select

from bot.entry.bootstrap import build_core
from bot.rules.roles import Role
from bot.settings import Settings
from bot.use_cases.services import Scope
from bot.use_cases.surfaces import Surface
from storage import tables as t
from storage.migrate import upgrade
from tests.helpers import registration

LISTED = 20
# The alternative layout, made for this measurement only: one row per list.
per_list = Table(
    "bench_read_log_per_list",
    MetaData(),
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", t.UTCDateTime, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("person_name", String(200), nullable=False),
    Column("dossier_numbers", Text, nullable=False),
    Column("surface", String(10), nullable=False),
    Column("what", String(20), nullable=False),
)


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:6.2f} ms   p95 {p95 * 1000:6.2f} ms"


async def _timed(work, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    return (await _interleaved([work], rounds))[0]


async def _interleaved(works, rounds: int) -> list[list[float]]:  # type: ignore[no-untyped-def]
    """Each round runs every way once, in turns, so a machine busy with something else
    slows them alike instead of whichever ran at that moment."""
    for work in works:
        for _ in range(5):
            await work()
    samples: list[list[float]] = [[] for _ in works]
    for n in range(rounds):
        for i in range(len(works)):
            k = (i + n) % len(works)
            start = time.perf_counter()
            await works[k]()
            samples[k].append(time.perf_counter() - start)
    return samples


async def run(url: str, rounds: int, log_lines: int) -> None:
    await upgrade(url)
    bot = build_core(Settings(database_url=url))
    async with bot.engine.begin() as connection:
        await connection.run_sync(lambda sync: per_list.create(sync, checkfirst=True))
    anna = await bot.staff.add(None, "Anna de Vries", [Role.COORDINATOR])
    for _ in range(LISTED + 10):
        await bot.complaints.register(anna, registration())
    c = bot.complaints

    async def without() -> None:
        found = await c.listing(anna, Scope.OPEN)
        assert len(found.views) == LISTED

    async def line_per_dossier() -> None:
        await c.listing(anna, Scope.OPEN, surface=Surface.CLI)

    async def line_per_list() -> None:
        found = await c.listing(anna, Scope.OPEN)
        numbers = ",".join(v.dossier.number for v in found.views)
        async with c.uow() as uow:
            await uow.connection.execute(  # type: ignore[attr-defined]
                insert(per_list).values(
                    at=datetime.now(UTC),
                    person_id=anna.id,
                    person_name=anna.name,
                    dossier_numbers=numbers,
                    surface="cli",
                    what="list",
                )
            )
            await uow.commit()

    engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{engine}: a list of {LISTED} dossiers, {rounds} rounds")
    base, per_dossier, per_list_ = await _interleaved(
        [without, line_per_dossier, line_per_list], rounds
    )
    print(f"  no log               {_ms(base)}")
    for name, samples in (("a line per dossier", per_dossier), ("a line per list", per_list_)):
        extra = statistics.median(samples) - statistics.median(base)
        print(f"  {name:<20} {_ms(samples)}   (+{extra * 1000:.2f} ms)")

    # The log grown to `log_lines` dossier reads, both ways, then the question asked.
    await _fill(bot, anna, log_lines)
    target = "K-2026-0007"
    r = t.read_log.c

    async def by_index() -> None:
        async with c.uow(readonly=True) as uow:
            rows = await uow.connection.execute(  # type: ignore[attr-defined]
                select(t.read_log).where(r.dossier_number == target).order_by(r.at)
            )
            assert rows.all()

    async def by_search() -> None:
        async with c.uow(readonly=True) as uow:
            rows = await uow.connection.execute(  # type: ignore[attr-defined]
                select(per_list).where(per_list.c.dossier_numbers.contains(target))
            )
            assert rows.all()

    print(f"  who saw {target}, among {log_lines:,} dossier reads:")
    print(f"    a line per dossier (index)   {_ms(await _timed(by_index, 50))}")
    print(f"    a line per list (search)     {_ms(await _timed(by_search, 50))}")
    await bot.close()


async def _fill(bot, anna, lines: int) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    lists = lines // LISTED
    async with bot.engine.begin() as connection:
        for first in range(0, lists, 1000):
            batch = range(first, min(first + 1000, lists))
            numbers = [
                [f"K-2026-{(n * LISTED + i) % 5000 + 1:04d}" for i in range(LISTED)] for n in batch
            ]
            moments = [start + timedelta(minutes=n) for n in batch]
            common = {"person_id": anna.id, "person_name": anna.name, "surface": "cli"}
            await connection.execute(
                insert(t.read_log),
                [
                    {**common, "at": at, "dossier_number": number, "what": "list"}
                    for at, listed in zip(moments, numbers, strict=True)
                    for number in listed
                ],
            )
            await connection.execute(
                insert(per_list),
                [
                    {**common, "at": at, "dossier_numbers": ",".join(listed), "what": "list"}
                    for at, listed in zip(moments, numbers, strict=True)
                ],
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--log-lines", type=int, default=100_000)
    parser.add_argument("--postgres", help="a server URL; a database is made and dropped there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(f"sqlite:///{folder}/bench.db", args.rounds, args.log_lines))
    if args.postgres:
        import psycopg

        name = f"bench_reads_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            asyncio.run(run(f"{args.postgres.rsplit('/', 1)[0]}/{name}", args.rounds,
                            args.log_lines))  # fmt: skip
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
