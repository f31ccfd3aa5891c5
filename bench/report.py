"""The management report for a year over 100,000 dossiers: the goal is under 1 s on both engines.

    .venv/bin/python bench/report.py [--size 100000] [--postgres URL] [--no-postgres]

Rows are inserted in bulk straight into the tables (the use cases would take hours):
dossiers received through 2026 with their report facts, timeline entries for the
escalated, decided and reopened ones, and their deadlines, some of them overdue.
The year's report (every figure, the months, the lists) is then made five times
after one warm-up; the median is reported, and the exit code is 1 above the goal.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from bench.throwaway import throwaway
from bot.entry.bootstrap import build
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import Dossier
from bot.rules.workdays import end_of_day
from bot.settings import Settings
from bot.use_cases.report.period import Period
from bot.use_cases.surfaces import Surface
from storage import tables as t
from storage.migrate import upgrade
from storage.report_facts import facts

GOAL = 1.0  # seconds
ROUNDS = 5
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
CHANNELS = ("telefoon", "website", "ontevredenheidsformulier", "brief")
SEVERITIES = ("laag", "middel", "hoog")
STATES = ("ontvangen", "toegewezen", "in_behandeling", "geescaleerd", "afgehandeld")
CHOICES = ("nieuwe_eigenaar", "directie_neemt_over", "advies")
CHUNK = 5000


def _dossier(n: int, rng: random.Random, customers: int) -> tuple[Dossier, dict]:
    """One dossier of 2026 as the core models it, and what happened to it."""
    received = YEAR.start + timedelta(days=rng.randrange(365))
    closed = rng.random() < 0.8
    acked = closed or rng.random() < 0.7
    handled = received + timedelta(days=rng.randrange(3, 60)) if closed else None
    closed_at = (
        datetime.combine(handled + timedelta(days=rng.randrange(1, 15)), datetime.min.time(), UTC)
        if handled
        else None
    )
    dossier = Dossier.model_validate(
        {
            "number": f"K-2026-{n:06d}",
            "state": "gesloten" if closed else rng.choice(STATES),
            "channel": rng.choice(CHANNELS),
            "received_on": received,
            "registered_at": datetime.combine(received, datetime.min.time(), UTC),
            "registered_by_id": 1,
            "customer": {"name": "Mevr. E. Bakker", "number": str(rng.randrange(customers))},
            "complaint": {
                "summary": "Schoen knelt bij de wreef",
                "details": "Sinds de aflevering drukt de schoen op de wreef.",
                "practitioner": f"Behandelaar {rng.randrange(15)}",
                "product": f"Product {rng.randrange(25)}",
                "severity": rng.choice(SEVERITIES),
            },
            "acknowledgement": {
                "sent_on": received + timedelta(days=rng.randrange(0, 10)),
                "method": "post",
            }
            if acked
            else None,
            "assignment": {"owner_id": 1, "contact_by_id": 1, "plan": "winkel"},
            "solution": "Opgelost" if closed else None,
            "handled_on": handled,
            "evaluation": {
                "outcome": "Tevreden",
                "customer_agrees": True,
                "evaluated_on": handled,
            }
            if closed
            else None,
            "decision_due": received + timedelta(weeks=6),
            "term_extended": rng.random() < 0.05,
            "closed_at": closed_at,
            "version": 1,
        }
    )
    history = {"escalated": rng.random() < 0.1, "reopened": closed and rng.random() < 0.03}
    return dossier, history


async def fill(bot, size: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(17)
    created = datetime(2026, 1, 1, tzinfo=UTC)
    async with bot.engine.begin() as c:
        await c.execute(
            insert(t.people).values(id=1, name="Piet Jansen", language="nl", created_at=created)
        )
        for start in range(0, size, CHUNK):
            made = [
                _dossier(n, rng, size // 3) for n in range(start + 1, min(size, start + CHUNK) + 1)
            ]
            await c.execute(
                insert(t.dossiers),
                [
                    {
                        "id": start + i + 1,
                        "number": d.number,
                        "state": d.state.value,
                        "customer_number": d.customer.number,
                        "customer_name": d.customer.name,
                        "owner_id": 1,
                        "received_on": d.received_on,
                        "registered_at": d.registered_at,
                        "updated_at": d.registered_at,
                        "closed_at": d.closed_at,
                        "version": 1,
                        "data": d.model_dump(mode="json"),
                    }
                    for i, (d, _) in enumerate(made)
                ],
            )
            await c.execute(
                insert(t.dossier_facts),
                [{"dossier_id": start + i + 1, **facts(d)} for i, (d, _) in enumerate(made)],
            )
            events, deadlines = [], []
            for i, (d, history) in enumerate(made):
                dossier_id = start + i + 1
                seq = 1
                for action, data in (
                    (
                        ("escalate", {"reason": "Hulp nodig"}),
                        ("decide", {"choice": rng.choice(CHOICES), "text": "Advies"}),
                    )
                    if history["escalated"]
                    else ()
                ):
                    seq += 1
                    events.append(_event(dossier_id, seq, action, data, d.registered_at))
                if history["reopened"]:
                    seq += 1
                    events.append(_event(dossier_id, seq, "reopen", {"reason": "Weer"}, created))
                due = d.received_on + timedelta(days=7)
                deadlines.append(
                    _deadline(dossier_id, DeadlineKind.ACKNOWLEDGEMENT, due, d.acknowledgement)
                )
                deadlines.append(
                    _deadline(dossier_id, DeadlineKind.DECISION, d.decision_due, d.handled_on)
                )
            if events:
                await c.execute(insert(t.events), events)
            await c.execute(insert(t.deadlines), deadlines)
        if c.dialect.name == "postgresql":
            await c.execute(text("SELECT setval('dossiers_id_seq', :n)"), {"n": size})
    if bot.engine.dialect.name == "postgresql":
        async with bot.engine.connect() as c:
            await c.execution_options(isolation_level="AUTOCOMMIT")
            await c.execute(text("VACUUM ANALYZE"))
    else:
        async with bot.engine.begin() as c:
            await c.execute(text("ANALYZE"))


def _event(dossier_id: int, seq: int, action: str, data: dict, at: datetime) -> dict:
    return {
        "dossier_id": dossier_id,
        "seq": seq,
        "at": at,
        "actor_id": 1,
        "actor_name": "Piet Jansen",
        "action": action,
        "to_state": "in_behandeling",
        "data": data,
    }


def _deadline(dossier_id: int, kind: DeadlineKind, due: date, done: object) -> dict:
    at = end_of_day(due)
    return {
        "dossier_id": dossier_id,
        "kind": kind.value,
        "due_on": due,
        "due_at": at,
        "created_at": at,
        "met_at": at if done else None,
        "next_notice_at": None if done else at,
        "notices": 0,
    }


async def measure(url: str, size: int) -> tuple[float, int]:
    await upgrade(url)
    bot = build(Settings(database_url=url))
    bot.reports.clock = lambda: NOW
    try:
        seeded = time.perf_counter()
        await fill(bot, size)
        print(f"  seeded {size:,} dossiers in {time.perf_counter() - seeded:.0f} s", flush=True)
        timings, received = [], 0
        for round_ in range(ROUNDS + 1):
            started = time.perf_counter()
            report = await bot.reports.report(None, YEAR, Surface.CLI)
            elapsed = time.perf_counter() - started
            received = report.total.received
            if round_:  # the first round warms caches and connections (and the calendar)
                timings.append(elapsed)
        return statistics.median(timings), received
    finally:
        await bot.close()


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    slow = False
    for engine in ["sqlite"] + ([] if args.no_postgres else ["postgresql"]):
        print(f"{engine}:", flush=True)
        with throwaway(engine, args.postgres) as url:
            seconds, received = await measure(url, args.size)
        slow |= seconds > GOAL
        print(f"  year report over {received:,} dossiers: {seconds * 1000:.0f} ms", flush=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
