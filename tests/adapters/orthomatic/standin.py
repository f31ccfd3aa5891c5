"""A stand-in for the Orthomatic bridge: a real HTTP server on loopback that records
every request, honours idempotency keys as the contract asks, and fails on demand.

Like a real bridge it refuses a contact or document for a dossier it has not
created (so order matters), and an unknown customer number (404).
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "test-token-123"


@dataclass
class Received:
    method: str
    path: str
    kind: str  # dossiers, contacts, pinboard
    customer_number: str
    key: str | None
    authorization: str | None
    content_type: str
    json: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    file: tuple[str, str, bytes] | None = None  # (filename, content type, bytes)
    outcome: str = ""  # created, replayed, or the fault that was injected


@dataclass
class StandInBridge:
    token: str = TOKEN
    delay: float = 0.0  # every answer takes this long (the benchmark's 20 ms)
    slow_seconds: float = 5.0  # how long a "slow" fault keeps the client waiting
    requests: list[Received] = field(default_factory=list)
    # key -> the request that made it, in the order things were written to "Orthomatic".
    created: dict[str, Received] = field(default_factory=dict)
    unknown_customers: set[str] = field(default_factory=set)
    # Faults to inject: for one key, or for whatever request comes next.
    key_faults: dict[str, deque[str]] = field(default_factory=lambda: defaultdict(deque))
    next_faults: deque[str] = field(default_factory=deque)
    # Hold answers (after writing) once this many items were created; for the kill test.
    hold_after: int | None = None
    released: asyncio.Event = field(default_factory=asyncio.Event)
    held: int = 0
    message: str | None = None  # the text of an injected fault's answer, when not the usual
    url: str = ""
    _runner: web.AppRunner | None = None
    _dossiers: set[tuple[str, str]] = field(default_factory=set)

    def fail(self, key: str, *faults: str) -> None:
        """Faults: '500', '503', '429', '400', '404', '422', 'timeout' (no answer in time,
        nothing written), 'slow' (written, answered too late), 'drop' (connection closed
        without an answer, nothing written), 'drop-after' (written, then dropped)."""
        self.key_faults[key].extend(faults)

    def fail_next(self, *faults: str) -> None:
        self.next_faults.extend(faults)

    async def start(self) -> str:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_post("/v1/customers/{customer}/{kind}", self._handle)
        app.router.add_get("/v1/_stats", self._stats)  # for the benchmark, in another process
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/v1"
        return self.url

    async def stop(self) -> None:
        self.released.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what the test reads ---------------------------------------------------------

    def created_keys(self) -> list[str]:
        return list(self.created)

    def attempts(self, key: str) -> list[Received]:
        return [r for r in self.requests if r.key == key]

    # -- the bridge ------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if not request.path.startswith("/v1/"):
            return _error(404, "not_found", "onbekend pad")
        received = await self._read(request)
        self.requests.append(received)
        if self.delay:
            await asyncio.sleep(self.delay)
        fault = self._fault(received.key)
        if fault:
            received.outcome = fault
        if fault in ("timeout", "drop"):
            if fault == "timeout":
                await asyncio.sleep(self.slow_seconds)
            return _drop(request)
        if fault and fault.isdigit():
            return _error(int(fault), f"fault_{fault}", self.message or f"storing {fault}")
        if received.authorization != f"Bearer {self.token}":
            return _error(401, "unauthorized", "token onjuist")
        if received.customer_number in self.unknown_customers:
            return _error(
                404, "unknown_customer", f"klantnummer {received.customer_number} bestaat niet"
            )
        if not received.key:
            return _error(400, "no_key", "Idempotency-Key ontbreekt")
        if received.key in self.created:
            received.outcome = received.outcome or "replayed"
            first = self.created[received.key]
            if (first.json, first.form) != (received.json, received.form):
                return _error(422, "key_reused", "sleutel hergebruikt voor andere inhoud")
            return web.json_response({"id": received.key}, headers={"Idempotent-Replayed": "true"})
        body = received.json or received.form or {}
        reference = body.get("reference") or body.get("dossier_reference")
        if received.kind == "dossiers":
            self._dossiers.add((received.customer_number, str(reference)))
        elif (received.customer_number, str(reference)) not in self._dossiers:
            return _error(404, "unknown_dossier", f"dossier {reference} staat niet op de kaart")
        received.outcome = received.outcome or "created"
        self.created[received.key] = received
        if fault == "slow":
            await asyncio.sleep(self.slow_seconds)
        if fault == "drop-after":
            return _drop(request)
        if self.hold_after is not None and len(self.created) > self.hold_after:
            self.held += 1
            await self.released.wait()
        return web.json_response({"id": received.key}, status=201)

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response({"requests": len(self.requests), "created": len(self.created)})

    def _fault(self, key: str | None) -> str | None:
        if key and self.key_faults.get(key):
            return self.key_faults[key].popleft()
        if self.next_faults:
            return self.next_faults.popleft()
        return None

    async def _read(self, request: web.Request) -> Received:
        received = Received(
            method=request.method,
            path=request.path.removeprefix("/v1"),
            kind=request.match_info["kind"],
            customer_number=request.match_info["customer"],
            key=request.headers.get("Idempotency-Key"),
            authorization=request.headers.get("Authorization"),
            content_type=request.content_type,
        )
        if request.content_type == "application/json":
            received.json = json.loads(await request.read())
        elif request.content_type == "multipart/form-data":
            form: dict[str, str] = {}
            reader = await request.multipart()
            async for part in reader:
                if part.filename:  # type: ignore[union-attr]
                    received.file = (
                        part.filename,  # type: ignore[union-attr]
                        part.headers.get("Content-Type", ""),  # type: ignore[union-attr]
                        bytes(await part.read()),  # type: ignore[union-attr]
                    )
                else:
                    form[part.name or ""] = await part.text()  # type: ignore[union-attr]
            received.form = form
        return received


def _drop(request: web.Request) -> web.Response:
    """Close the connection without an answer; what is returned never reaches the client."""
    assert request.transport is not None
    request.transport.abort()
    return web.Response(status=599)


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status)


async def _main(port_file: str, delay: float) -> None:
    """Run alone (the benchmark's bridge, in its own process); writes its URL to a file."""
    bridge = StandInBridge(delay=delay)
    url = await bridge.start()
    with open(port_file, "w") as file:
        file.write(url)
    await asyncio.Event().wait()


if __name__ == "__main__":
    import sys

    asyncio.run(_main(sys.argv[1], float(sys.argv[2])))
