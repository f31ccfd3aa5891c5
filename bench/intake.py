"""Benchmark, run by hand: PDF rendering and the web form endpoint on SQLite.

    .venv/bin/python bench/intake.py [--forms 200] [--concurrency 8]

Prints milliseconds per letter and web forms per second over loopback HTTP, with
every form a real registration (dossier, event, deadlines, outbox notice).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.entry.bootstrap import build
from bot.entry.server import make_app
from bot.rules.dossier import Complaint, Customer, Dossier, IntakeChannel, State
from bot.settings import Settings
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.documents import (
    Sender,
    complaint_copy_pdf,
    letter_pdf,
    letter_values,
    protocol_pdf,
)
from bot.use_cases.letters.kinds import LETTERS
from storage.migrate import upgrade

TOKEN = "bench-token"


def letters(rounds: int = 20) -> None:
    settings = Settings()
    company = Company(name="Orthopédie Ëlshout", address=("Kerkstraat 12", "5611 AB Eindhoven"))
    dossier = Dossier(
        number="K-2026-0001", state=State.ONTVANGEN, channel=IntakeChannel.WEBSITE,
        received_on=date(2026, 11, 23), registered_at=datetime.now(UTC), registered_by_id=0,
        customer=Customer(name="Zoë Ïsbrand", email="zoe@example.nl"),
        complaint=Complaint(summary="Schoen knelt", details="Lange toelichting. " * 100),
        decision_due=date(2027, 1, 4),
    )  # fmt: skip
    sender = Sender("Anna de Vries", "coördinator klachten")
    fields = {"text": "Wij passen de schacht aan. " * 20, "reason": "Leer besteld."}
    fields |= {"new_due": "2027-01-20", "method": "post"}

    def letter(kind):  # type: ignore[no-untyped-def]
        values = letter_values(kind, dossier, fields, sender, company, settings.terms,
                               date(2026, 11, 24))  # fmt: skip
        return lambda: letter_pdf(kind, dossier, values, company)

    renders = {kind.name: letter(kind) for kind in LETTERS}
    renders["protocol"] = lambda: protocol_pdf(company, settings.terms)
    renders["kopie klacht"] = lambda: complaint_copy_pdf(dossier, "Klachtenbot", company)
    for name, render in renders.items():
        render()  # fonts loaded once
        start = time.perf_counter()
        for _ in range(rounds):
            size = len(render())
        ms = (time.perf_counter() - start) / rounds * 1000
        print(f"{name:22} {ms:7.1f} ms per PDF, {size / 1024:.0f} kB")


async def forms(count: int, concurrency: int) -> None:
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder}/bench.db"
    await upgrade(url)
    bot = build(Settings(database_url=url, intake_token=TOKEN, intake_burst=count))
    server = TestServer(make_app(bot), host="127.0.0.1")
    await server.start_server()
    form = {"name": "Zoë Ïsbrand", "email": "zoe@example.nl", "consent": True}
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    gate = asyncio.Semaphore(concurrency)
    statuses: list[int] = []

    async def one(session: ClientSession, i: int) -> None:
        body = json.dumps({**form, "message": f"Klacht {i}"})
        async with gate, session.post("/intake/webform", data=body, headers=headers) as r:
            statuses.append(r.status)

    async with ClientSession(base_url=str(server.make_url(""))) as session:
        start = time.perf_counter()
        await asyncio.gather(*(one(session, i) for i in range(count)))
        seconds = time.perf_counter() - start
    await server.close()
    await bot.close()
    ok = statuses.count(201)
    print(f"web form: {count} posts, {ok} registered, {count / seconds:.0f} per second "
          f"(concurrency {concurrency})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    letters()
    asyncio.run(forms(args.forms, args.concurrency))


if __name__ == "__main__":
    main()
