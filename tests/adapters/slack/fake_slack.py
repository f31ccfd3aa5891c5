"""A local stand-in for Slack's Web API: records every call, fails on demand, and checks
every Block Kit payload the bot sends (slack_sdk's models plus our own rules)."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.adapters.slack.block_rules import problems_in_message, problems_in_view


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    answer: dict[str, Any] = field(default_factory=dict)


@dataclass
class Failure:
    status: int = 200
    error: str = "internal_error"
    times: int = 1  # how many calls fail before the method works again


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # what respond() posted
    problems: list[str] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    locales: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)  # message ts that "someone deleted"
    names: dict[str, str] = field(default_factory=dict)
    # A method whose gate is closed answers only once the test opens it (a slow Slack).
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    # Files people "shared": id -> bytes, served at file_url(id) to the bot token only.
    files: dict[str, bytes] = field(default_factory=dict)
    downloads: list[tuple[str, str | None]] = field(default_factory=list)  # (file id, token)
    url: str = ""
    sockets: list[web.WebSocketResponse] = field(default_factory=list)  # Socket Mode links
    socket_messages: list[dict[str, Any]] = field(default_factory=list)  # what the bot sent
    _ts: Any = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, n: int) -> str:
        return f"{self.url}/response/{n}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{n}", self._response)
        app.router.add_get("/link", self._socket)
        app.router.add_get("/files-pri/{file}/download", self._file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def file_url(self, file_id: str) -> str:
        return f"{self.url}/files-pri/{file_id}/download"

    def fail(self, method: str, status: int = 200, error: str = "internal_error", times: int = 1):
        self.failures[method] = Failure(status, error, times)

    # -- what tests ask --------------------------------------------------------------

    def to(self, method: str, **match: Any) -> list[dict[str, Any]]:
        return [
            c.args
            for c in self.calls
            if c.method == method and all(c.args.get(k) == v for k, v in match.items())
        ]

    def answers(self, method: str) -> list[dict[str, Any]]:
        return [c.answer for c in self.calls if c.method == method and c.answer.get("ok")]

    async def wait(self, condition: Callable[[], Any], timeout: float = 30.0) -> Any:
        """Wait until `condition()` is truthy (the outbox works in the background)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            result = condition()
            if result:
                return result
            if asyncio.get_running_loop().time() > deadline:
                texts = [r.get("text", "")[:80] for r in self.responses][-4:]
                raise AssertionError(
                    f"condition not met; calls: {[c.method for c in self.calls]};"
                    f" last answers: {texts}"
                )
            await asyncio.sleep(0.02)

    # -- the Web API -----------------------------------------------------------------

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        for key in ("blocks", "view"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method in self.gates:
            await self.gates[method].wait()
        args = await self._args(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or None
        call = Call(method, args, token)
        self.calls.append(call)
        self._check(method, args)
        failure = self.failures.get(method)
        if failure and failure.times > 0:
            failure.times -= 1
            call.answer = {"ok": False, "error": failure.error}
            return web.json_response(call.answer, status=failure.status)
        call.answer = self._answer(method, args)
        return web.json_response(call.answer)

    async def _file(self, request: web.Request) -> web.StreamResponse:
        """A file's bytes, as Slack serves them: without the bot token, a login page."""
        file_id = request.match_info["file"]
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or None
        self.downloads.append((file_id, token))
        failure = self.failures.get("files")
        if failure and failure.times > 0:
            failure.times -= 1
            return web.Response(status=failure.status or 500)
        if token != "xoxb-test-token":
            return web.Response(text="<html>Sign in</html>", content_type="text/html")
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id], content_type="application/octet-stream")

    async def _response(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.responses.append(body)
        self.problems += problems_in_message(body.get("blocks") or [], body.get("text"))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: the bot connects out here and acks each envelope on the socket."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        self.sockets.append(ws)
        async for message in ws:
            if message.type == web.WSMsgType.TEXT:
                self.socket_messages.append(json.loads(message.data))
        return ws

    def _check(self, method: str, args: dict[str, Any]) -> None:
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral"):
            self.problems += problems_in_message(args.get("blocks") or [], args.get("text"))
        if method in ("views.open", "views.update", "views.publish", "views.push"):
            self.problems += problems_in_view(args["view"])

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        if method == "apps.connections.open":
            return ok | {"url": self.url.replace("http://", "ws://") + "/link"}
        if method == "auth.test":
            return ok | {"user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "bot"}
        if method == "chat.postMessage":
            channel = args["channel"]
            if channel.startswith("U"):  # a DM is answered with the DM channel's id
                channel = "D" + channel[1:]
            ts = f"1700000000.{next(self._ts):06d}"
            return ok | {"channel": channel, "ts": ts, "message": {"ts": ts}}
        if method == "chat.update":
            if args.get("ts") in self.deleted:
                return {"ok": False, "error": "message_not_found"}
            return ok | {"channel": args["channel"], "ts": args["ts"]}
        if method == "chat.postEphemeral":
            return ok | {"message_ts": f"1700000000.{next(self._ts):06d}"}
        if method.startswith("views."):
            n = next(self._ts)
            return ok | {"view": {**args.get("view", {}), "id": f"V{n}", "hash": f"{n}.h"}}
        if method == "users.info":
            user = args.get("user", "")
            name = self.names.get(user, f"Gebruiker {user}")
            return ok | {
                "user": {
                    "id": user,
                    "name": user.lower(),
                    "real_name": name,
                    "locale": self.locales.get(user, "nl-NL"),
                    "profile": {"real_name": name},
                }
            }
        return ok
