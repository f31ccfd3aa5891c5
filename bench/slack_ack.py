"""Ack latency of `/klacht lijst` and of a button click, against two bare bolt apps as floors.

    .venv/bin/python bench/slack_ack.py [--seconds 20] [--clients 32] [--dossiers 10000]
                                        [--databases sqlite,postgresql] [--postgres URL]
    .venv/bin/python bench/slack_ack.py --smoke --databases sqlite   # proves it runs

Three kinds of process, so that the load generator does not steal the server's
event loop: the server under test (its own process, on a free port), a stand-in for
Slack's Web API (its own process: it answers `views.open`, `users.info` and the
`response_url` posts), and this script, which runs `--clients` concurrent clients,
each a coordinator of its own, sending signed requests as fast as the answers come,
for `--seconds` each. Latency is the time until the HTTP answer (the ack).

Three servers take the same requests, per engine and kind of request, one after
another: the floor (a bare bolt app as bolt comes, which runs the listener as a task
and looks for its ack every 10 ms), the strict floor (a bare bolt app as the bot runs
bolt: `process_before_response`, the same signing secret, the same mounting on
aiohttp, listeners that only `await ack()`), and the bot as `klachtenbot serve`
builds it. The goal is the bot's p99 at most 2× each floor's p99, for lists and
clicks on every engine: the exit code is 1 when one is missed (or a request failed).

The database is seeded with `--dossiers` open dossiers through the storage layer the
use cases use. Peak RSS is the server process's high-water mark (VmHWM). "served"
counts the requests whose work was done (a list posted, a modal opened), "busy"
those turned away with a notice because the after-ack queue was full, "quiet" those
turned away without one, because their person had just been told (see
adapters/slack/admission.py). The counts include the warm-up.
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
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


FLOOR = "floor"
STRICT_FLOOR = "strict floor"
BOT = "bot"
# The bot's p99 at most this many times each floor's (issue 13).
GOAL = 2.0


async def run_floor(port: int, api_url: str, strict: bool) -> None:
    """A bare bolt app: it verifies the signature and acks, nothing else.

    The floor is bolt as it comes: it runs the listener as a task and looks for the ack
    every 10 ms. The strict floor is bolt as the bot runs it: `process_before_response`
    (answered when the listener returns), the same app arguments, the same listeners by
    kind and the same mounting on an aiohttp app (`adapters.slack.web.mount`), so that
    the bot's ack is compared with the least any bolt app on that path can do."""
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.ids import ACTION_PATTERN, COMMAND, Callback
    from adapters.slack.web import mount

    client = AsyncWebClient(token="xoxb-bench", base_url=api_url)
    bolt = AsyncApp(
        client=client,
        signing_secret=SECRET,
        request_verification_enabled=True,
        process_before_response=strict,
        name="klachtenbot",
    )

    async def only_ack(ack) -> None:  # type: ignore[no-untyped-def]
        await ack()

    async def nothing() -> None:  # bolt acks an event by itself
        return None

    bolt.command(COMMAND)(only_ack)
    bolt.action(re.compile(ACTION_PATTERN))(only_ack)
    bolt.view(Callback.FORM.value)(only_ack)
    bolt.event("message")(nothing)
    bolt.event("app_home_opened")(nothing)

    app = web.Application(client_max_size=25 * 1024 * 1024)  # as bot.entry.server's
    mount(bolt, client, http=True, app_token=None)(app)
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
    # Received today by the machine's clock: the server's deadline sweep runs on that
    # clock, and dossiers received weeks ago would have it sending thousands of notices
    # in the middle of the measurement, so that the figures changed with the date.
    now = datetime.now(UTC)
    action = Register(
        channel="telefoon",  # type: ignore[arg-type]
        received_on=now.date(),
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


async def load(url: str, make, stand_in: str, clients: int, seconds: float, warm_up: float) -> dict:  # type: ignore[no-untyped-def]
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

        warm = time.perf_counter() + warm_up
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


REQUESTS = (("/klacht lijst", lijst), ("button click", click))
SERVERS = (FLOOR, STRICT_FLOOR, BOT)


@dataclass
class Row:
    engine: str
    server: str
    request: str
    result: dict
    rss: float


async def measure_one(
    args: argparse.Namespace,
    server: str,
    make: Callable[[int, str, str], str],
    database_url: str | None,
    stand_in_url: str,
) -> tuple[dict, float]:
    """One fresh server process under load; a fresh one per kind of request, so that one's
    backlog cannot slow the next."""
    port = free_port()
    api_url = f"{stand_in_url}/api/"
    if server == BOT:
        proc = spawn("--role", "bot", "--port", str(port), "--db", str(database_url),
                     "--api", api_url)  # fmt: skip
    else:
        role = "floor-strict" if server == STRICT_FLOOR else "floor"
        proc = spawn("--role", role, "--port", str(port), "--api", api_url)
    try:
        await wait_up(f"http://127.0.0.1:{port}/slack/events")
        before = await stand_in_stats(stand_in_url)
        result = await load(
            f"http://127.0.0.1:{port}/slack/events",
            make,
            stand_in_url,
            args.clients,
            args.seconds,
            args.warm_up,
        )
        await asyncio.sleep(args.settle)  # let the work behind the last acks finish
        after = await stand_in_stats(stand_in_url)
        done = {k: after[k] - before[k] for k in after}
        # Answered with the result vs. "busy" (in the ack or by response_url);
        # warm-up requests included.
        result["served"] = done["lists"] + done["views"] + done["other"]
        result["busy"] = done["busy"] + result["busy_acks"]
        if server == BOT:
            result["quiet"] = result["sent"] - result["served"] - result["busy"]
        return result, peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()


async def measure(args: argparse.Namespace) -> list[Row]:
    """Per engine and kind of request: the floor, the strict floor, then the bot, one
    after another, so that each ratio compares runs made under the same machine load."""
    stand_in_port = free_port()
    stand_in = spawn("--role", "stand-in", "--port", str(stand_in_port))
    stand_in_url = f"http://127.0.0.1:{stand_in_port}"
    rows: list[Row] = []
    try:
        await wait_up(f"{stand_in_url}/api/auth.test")
        for engine in [db for db in args.databases.split(",") if db]:
            url, handle = prepare(engine, args.postgres)
            try:
                started = time.perf_counter()
                await seed(url, args.dossiers, args.clients)
                print(f"{engine}: seeded {args.dossiers} dossiers in "
                      f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
                for request, make in REQUESTS:
                    for server in SERVERS:
                        result, rss = await measure_one(args, server, make, url, stand_in_url)
                        rows.append(Row(engine, server, request, result, rss))
                        print(engine, server, request, result, flush=True)
            finally:
                drop(engine, handle, args.postgres)
    finally:
        stand_in.terminate()
        stand_in.wait()
    return rows


def p99(rows: list[Row], engine: str, request: str, server: str) -> float:
    (row,) = (r for r in rows if (r.engine, r.request, r.server) == (engine, request, server))
    return row.result["p99"]


def print_figures(args: argparse.Namespace, rows: list[Row]) -> list[str]:
    """The figures of every run; returns the runs in which a request failed."""
    failed: list[str] = []
    print()
    print(f"{args.clients} clients, {args.seconds:g} s each, {args.dossiers} dossiers")
    print("| engine | request | server | p50 ms | p99 ms | acks/s | errors | served | busy "
          "| quiet | peak RSS MB |")  # fmt: skip
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        r = row.result
        print(
            f"| {row.engine} | {row.request} | {row.server} | {r['p50']:.1f} | {r['p99']:.1f} "
            f"| {r['rps']:.0f} | {r['errors']} | {r['served']} | {r['busy']} "
            f"| {r.get('quiet', '')} | {row.rss:.0f} |"
        )
        if r["errors"] or not r["n"]:
            failed.append(f"{row.engine}, {row.request}, {row.server}: "
                          f"{r['errors']} failed requests, {r['n']} acks")  # fmt: skip
    return failed


def print_ratios(rows: list[Row]) -> list[str]:
    """The bot's p99 over each floor's, per engine and request; returns the goals missed."""
    missed: list[str] = []
    print()
    print(f"goal: bot p99 ≤ {GOAL:g}× each floor's p99")
    print("| engine | request | bot / floor | bot / strict floor | goal |")
    print("|---|---|---:|---:|---|")
    for engine in dict.fromkeys(r.engine for r in rows):
        for request, _ in REQUESTS:
            bot = p99(rows, engine, request, BOT)
            ratios = [bot / p99(rows, engine, request, floor) for floor in (FLOOR, STRICT_FLOOR)]
            held = all(ratio <= GOAL for ratio in ratios)
            print(f"| {engine} | {request} | {ratios[0]:.2f}× | {ratios[1]:.2f}× "
                  f"| {'held' if held else 'MISSED'} |")  # fmt: skip
            if not held:
                missed.append(f"{engine}, {request}: p99 {ratios[0]:.2f}× the floor's, "
                              f"{ratios[1]:.2f}× the strict floor's")  # fmt: skip
    return missed


def judge(args: argparse.Namespace) -> int:
    """0 when every goal held; 1 when one was missed or a request failed. A smoke run's
    few requests say nothing about latency: there only failed requests count."""
    rows = asyncio.run(measure(args))
    wrong = print_figures(args, rows)
    missed = print_ratios(rows)
    if args.smoke:
        print("smoke run: the ratios are not judged")
    else:
        wrong += missed
    for line in wrong:
        print(f"missed: {line}", file=sys.stderr)
    return 1 if wrong else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warm-up", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a handful of requests on 2 clients: proves the bench runs; ratios not judged",
    )
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
        choices=["measure", "stand-in", "bot", "floor", "floor-strict"],
        default="measure",
    )
    parser.add_argument("--port", type=int)
    parser.add_argument("--db")
    parser.add_argument("--api")
    args = parser.parse_args()
    if args.smoke:
        args.seconds, args.warm_up, args.settle = 0.5, 0.2, 0.3
        args.clients, args.dossiers = 2, 20
    try:
        if args.role == "stand-in":
            asyncio.run(run_stand_in(args.port))
        elif args.role == "bot":
            asyncio.run(run_bot(args.port, args.db, args.api))
        elif args.role in ("floor", "floor-strict"):
            asyncio.run(run_floor(args.port, args.api, args.role == "floor-strict"))
        else:
            sys.exit(judge(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
