"""Ack latency of `/klacht lijst` and of a button click, against a bare bolt app as the floor.

    .venv/bin/python bench/slack_ack.py [--seconds 20] [--clients 32] [--dossiers 10000]
                                        [--databases sqlite,postgresql] [--postgres URL]

Three kinds of process, so that the load generator does not steal the server's
event loop: the bot as `klachtenbot serve` builds it (its own process, on a free
port), a stand-in for Slack's Web API (its own process: it answers `views.open`,
`users.info` and the `response_url` posts), and this script, which runs
`--clients` concurrent clients, each a coordinator of its own, sending signed
requests as fast as the answers come, for `--seconds` each. Latency is the time
until the HTTP answer (the ack). The floor is a bare bolt app on the same path that
only acks. The database is seeded with `--dossiers` open dossiers through the
storage layer the use cases use. Peak RSS is the server process's high-water mark
(VmHWM). "served" counts the requests whose work was done (a list posted, a modal
opened), "busy" those turned away with a notice because the after-ack queue was
full, "quiet" those turned away without one, because their person had just been
told (see adapters/slack/admission.py). The counts include the warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

SECRET = "bench-signing-secret"


def coordinator(i: int) -> str:
    """Client i's Slack user: each client is a person of its own, as in a real workshop."""
    return f"UBENCH{i:03d}"


NUMBER = "K-2026-0001"


# -- the processes -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def run_stand_in(port: int) -> None:
    """Slack's Web API and response_url, answering ok at once; counts what the bot did."""
    n = 0
    stats = {"lists": 0, "views": 0, "busy": 0, "other": 0}

    async def api(request: web.Request) -> web.Response:
        nonlocal n
        n += 1
        method = request.match_info["method"]
        if request.can_read_body:
            await request.read()
        answer: dict = {"ok": True}
        if method == "auth.test":
            answer |= {"user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
        elif method.startswith("views."):
            stats["views"] += 1
            answer["view"] = {"id": f"V{n}", "hash": f"{n}.h"}
        elif method == "users.info":
            answer["user"] = {"id": "U", "locale": "nl-NL", "profile": {"real_name": "Bench"}}
        elif method == "chat.postMessage":
            answer |= {"channel": "C1", "ts": f"1700000000.{n:06d}"}
        return web.json_response(answer)

    async def response(request: web.Request) -> web.Response:
        body = await request.json()
        kind = "lists" if body.get("blocks") else "busy" if "druk" in body["text"] else "other"
        stats[kind] += 1
        return web.Response(text="ok")

    async def read_stats(request: web.Request) -> web.Response:
        return web.json_response(stats)

    app = web.Application()
    app.router.add_route("*", "/api/{method}", api)
    app.router.add_post("/response/{n}", response)
    app.router.add_get("/stats", read_stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await asyncio.Event().wait()


async def stand_in_stats(url: str) -> dict[str, int]:
    async with aiohttp.ClientSession() as session, session.get(f"{url}/stats") as r:
        return await r.json()


async def run_bot(port: int, database_url: str, api_url: str) -> None:
    os.environ.update(
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=api_url,
        KLACHTENBOT_SLACK_COORDINATOR_CHANNEL="CCOORD",
        KLACHTENBOT_SLACK_DIRECTIE_CHANNEL="CDIR",
    )
    from bot.entry.bootstrap import build
    from bot.entry.heap import settle
    from bot.entry.server import make_app
    from bot.settings import Settings

    bot = build(Settings(database_url=database_url))
    runner = web.AppRunner(make_app(bot), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    settle()  # as `klachtenbot serve` does
    await asyncio.Event().wait()


FLOOR = "floor (bare bolt)"
FLOOR_ACK_FIRST = "floor (bare bolt, process_before_response)"


async def run_floor(port: int, api_url: str, ack_first: bool) -> None:
    """A bare bolt app on the same path: it verifies the signature and acks, nothing else.

    As bolt comes (`ack_first` False) it runs the listener as a task and looks for the
    ack every 10 ms; with `process_before_response`, as the bot runs it, it answers when
    the listener returns. Both are measured: the second is the stricter floor."""
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(token="xoxb-bench", base_url=api_url)
    bolt = AsyncApp(client=client, signing_secret=SECRET, process_before_response=ack_first)

    async def only_ack(ack) -> None:  # type: ignore[no-untyped-def]
        await ack()

    bolt.command("/klacht")(only_ack)
    bolt.action(re.compile(".*"))(only_ack)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await asyncio.Event().wait()


def spawn(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, __file__, *args], cwd=ROOT)


async def wait_up(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            try:
                async with session.get(url) as r:
                    if r.status < 500:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- the database ---------------------------------------------------------------------------


async def seed(database_url: str, count: int, people: int) -> None:
    """`count` open dossiers and `people` coordinators, written by the same storage code
    the use cases use."""
    from bot.rules.actions import Register
    from bot.rules.procedure import register
    from bot.rules.roles import Role
    from bot.settings import Settings
    from storage.database import create_engine
    from storage.migrate import upgrade
    from storage.uow import SqlUnitOfWork

    await upgrade(database_url)
    engine = create_engine(database_url)
    terms = Settings(database_url=database_url).terms
    async with SqlUnitOfWork(engine) as uow:
        for i in range(people):
            actor = await uow.people.add(
                f"Coördinator {i}", [Role.COORDINATOR], None, coordinator(i)
            )
        await uow.commit()
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    action = Register(
        channel="telefoon",  # type: ignore[arg-type]
        received_on=date(2026, 11, 23),
        customer_name="Mevr. E. Bakker",
        customer_phone="06-12345678",
        summary="Schoen knelt bij de wreef",
        details="Sinds de aflevering drukt de schoen op de wreef.",
    )
    done = 0
    while done < count:
        async with SqlUnitOfWork(engine) as uow:
            for _ in range(min(500, count - done)):
                number = await uow.dossiers.next_number(2026)
                change = register(action, actor, number, now, terms)
                await uow.dossiers.add(change.dossier)
                await uow.dossiers.append(change.event(actor, now))
                await uow.deadlines.apply(number, change.deadlines, now)
                done += 1
            await uow.commit()
    await engine.dispose()


def prepare(kind: str, postgres: str) -> tuple[str, object]:
    if kind == "sqlite":
        folder = tempfile.TemporaryDirectory()
        return f"sqlite:///{folder.name}/bench.db", folder
    import psycopg

    name = f"klachtenbot_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres.rsplit('/', 1)[0]}/{name}", name


def drop(kind: str, handle: object, postgres: str) -> None:
    if kind == "sqlite":
        handle.cleanup()  # type: ignore[attr-defined]
        return
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{handle}" WITH (FORCE)')


# -- the load ---------------------------------------------------------------------------------


def signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def lijst(n: int, user: str, stand_in: str) -> str:
    return urlencode(
        {
            "command": "/klacht",
            "text": "lijst open",
            "user_id": user,
            "team_id": "T1",
            "channel_id": "CCOORD",
            "trigger_id": f"t.{n}",
            "response_url": f"{stand_in}/response/{n}",
        }
    )


def click(n: int, user: str, stand_in: str) -> str:
    value = json.dumps({"n": NUMBER, "a": "acknowledge", "v": 1}, separators=(",", ":"))
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "trigger_id": f"t.{n}",
        "response_url": f"{stand_in}/response/{n}",
        "container": {"type": "message", "message_ts": "1.1", "channel_id": "CCOORD"},
        "channel": {"id": "CCOORD"},
        "actions": [
            {"type": "button", "action_id": "klacht.acknowledge.1", "value": value, "block_id": "b"}
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


async def load(url: str, make, stand_in: str, clients: int, seconds: float) -> dict:  # type: ignore[no-untyped-def]
    latencies: list[float] = []
    errors = 0
    busy_acks = 0  # commands answered "busy" in the ack itself
    sent = 0  # warm-up included, as the stand-in's counts are
    counter = iter(range(10**9))
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def client(user: str, stop: float, record: bool) -> None:
            nonlocal errors, busy_acks, sent
            while time.perf_counter() < stop:
                sent += 1
                body = make(next(counter), user, stand_in)
                started = time.perf_counter()
                async with session.post(url, data=body.encode(), headers=signed(body)) as r:
                    answer = await r.read()
                    ok = r.status == 200
                if record and b"druk" in answer:
                    busy_acks += 1
                if record:
                    if ok:
                        latencies.append(time.perf_counter() - started)
                    else:
                        errors += 1

        warm = time.perf_counter() + 2.0
        await asyncio.gather(*(client(coordinator(i), warm, False) for i in range(clients)))
        began = time.perf_counter()
        stop = began + seconds
        await asyncio.gather(*(client(coordinator(i), stop, True) for i in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [float("nan")] * 99
    return {
        "p50": q[49] * 1000,
        "p99": q[98] * 1000,
        "rps": len(latencies) / elapsed,
        "n": len(latencies),
        "errors": errors,
        "busy_acks": busy_acks,
        "sent": sent,
    }


async def measure(args: argparse.Namespace) -> None:
    stand_in_port = free_port()
    stand_in = spawn("--role", "stand-in", "--port", str(stand_in_port))
    stand_in_url = f"http://127.0.0.1:{stand_in_port}"
    api_url = f"{stand_in_url}/api/"
    rows: list[tuple[str, str, dict, float]] = []
    try:
        await wait_up(f"{stand_in_url}/api/auth.test")
        targets: list[tuple[str, str | None]] = [
            (db, db) for db in args.databases.split(",") if db
        ] + [(FLOOR, None), (FLOOR_ACK_FIRST, None)]
        for label, db in targets:
            url, handle = (None, None) if db is None else prepare(db, args.postgres)
            try:
                if url is not None:
                    started = time.perf_counter()
                    await seed(url, args.dossiers, args.clients)
                    print(f"{label}: seeded {args.dossiers} dossiers in "
                          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
                # A fresh server per kind of request, so that one's backlog cannot slow the next.
                for name, make in (("/klacht lijst", lijst), ("button click", click)):
                    port = free_port()
                    if url is None:
                        role = "floor" if label == FLOOR else "floor-ack-first"
                        proc = spawn("--role", role, "--port", str(port), "--api", api_url)
                    else:
                        proc = spawn(
                            "--role", "bot", "--port", str(port), "--db", url, "--api", api_url
                        )  # fmt: skip
                    try:
                        await wait_up(f"http://127.0.0.1:{port}/slack/events")
                        before = await stand_in_stats(stand_in_url)
                        result = await load(
                            f"http://127.0.0.1:{port}/slack/events",
                            make,
                            stand_in_url,
                            args.clients,
                            args.seconds,
                        )
                        await asyncio.sleep(3)  # let the work behind the last acks finish
                        after = await stand_in_stats(stand_in_url)
                        done = {k: after[k] - before[k] for k in after}
                        # Answered with the result vs. "busy" (in the ack or by response_url);
                        # warm-up requests included.
                        result["served"] = done["lists"] + done["views"] + done["other"]
                        result["busy"] = done["busy"] + result["busy_acks"]
                        if url is not None:
                            result["quiet"] = result["sent"] - result["served"] - result["busy"]
                        rows.append((label, name, result, peak_rss_mb(proc.pid)))
                        print(label, name, result, flush=True)
                    finally:
                        proc.terminate()
                        proc.wait()
            finally:
                if db is not None:
                    drop(db, handle, args.postgres)
    finally:
        stand_in.terminate()
        stand_in.wait()

    print()
    print(f"{args.clients} clients, {args.seconds:.0f} s each, {args.dossiers} dossiers")
    print("| server | request | p50 ms | p99 ms | acks/s | errors | served | busy | quiet "
          "| peak RSS MB |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, name, r, rss in rows:
        print(
            f"| {label} | {name} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps']:.0f} "
            f"| {r['errors']} | {r['served']} | {r['busy']} | {r.get('quiet', 0)} | {rss:.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "KLACHTENBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    # Internal: the child processes.
    parser.add_argument(
        "--role",
        choices=["measure", "stand-in", "bot", "floor", "floor-ack-first"],
        default="measure",
    )
    parser.add_argument("--port", type=int)
    parser.add_argument("--db")
    parser.add_argument("--api")
    args = parser.parse_args()
    try:
        if args.role == "stand-in":
            asyncio.run(run_stand_in(args.port))
        elif args.role == "bot":
            asyncio.run(run_bot(args.port, args.db, args.api))
        elif args.role in ("floor", "floor-ack-first"):
            asyncio.run(run_floor(args.port, args.api, args.role == "floor-ack-first"))
        else:
            asyncio.run(measure(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
