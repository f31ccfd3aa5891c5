"""A local stand-in for the Bot Framework connector (Teams' side of every reply).

An aiohttp server on a free loopback port, used as the activities' `serviceUrl`.
It records every message sent, reply and update, answers member look-ups, and
fails on demand with a status of the test's choosing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Call:
    method: str  # "send", "reply", "update"
    conversation_id: str
    activity_id: str | None
    body: dict[str, Any]
    authorization: str | None
    response_id: str | None = None  # the id the connector gave the message

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.body.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return attachment["content"]
        return None

    @property
    def thread_root(self) -> str | None:
        _, _, root = self.conversation_id.partition(";messageid=")
        return root or None


@dataclass
class Connector:
    url: str = ""
    calls: list[Call] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)  # user id → account
    failures: list[int] = field(default_factory=list)  # statuses for the next calls
    # Files attached to messages: name -> bytes, served at file_url(name).
    files: dict[str, bytes] = field(default_factory=dict)
    downloads: list[tuple[str, str | None]] = field(default_factory=list)  # (name, auth)
    # Files that have moved: name -> the address the download is redirected to.
    moved: dict[str, str] = field(default_factory=dict)
    _ids: Any = field(default_factory=lambda: itertools.count(1000))

    def fail_next(self, status: int, times: int = 1) -> None:
        self.failures.extend([status] * times)

    def file_url(self, name: str) -> str:
        return f"{self.url}files/{name}"

    def sent(self, method: str | None = None) -> list[Call]:
        return [c for c in self.calls if method is None or c.method == method]

    def cards(self) -> list[dict[str, Any]]:
        return [c.card for c in self.calls if c.card is not None]

    def _failure(self) -> web.Response | None:
        if self.failures:
            status = self.failures.pop(0)
            return web.json_response(
                {"error": {"code": "Failure", "message": "on demand"}}, status=status
            )
        return None

    async def _activity(self, request: web.Request) -> web.Response:
        if (failure := self._failure()) is not None:
            return failure
        conversation = request.match_info["conversation"]
        activity_id = request.match_info.get("activity")
        method = {"POST": "reply" if activity_id else "send", "PUT": "update"}[request.method]
        new_id = activity_id if method == "update" else f"msg-{next(self._ids)}"
        self.calls.append(
            Call(
                method,
                conversation,
                activity_id,
                await request.json(),
                request.headers.get("Authorization"),
                new_id,
            )
        )
        return web.json_response({"id": new_id})

    async def _file(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.downloads.append((name, request.headers.get("Authorization")))
        if (failure := self._failure()) is not None:
            return failure
        if name in self.moved:
            raise web.HTTPFound(self.moved[name])
        if name not in self.files:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        return web.Response(body=self.files[name], content_type="application/octet-stream")

    async def _member(self, request: web.Request) -> web.Response:
        member = self.members.get(request.match_info["member"])
        if member is None:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        return web.json_response(member)

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation}"
        app.router.add_post(f"{base}/activities", self._activity)
        app.router.add_post(f"{base}/activities/{{activity}}", self._activity)
        app.router.add_put(f"{base}/activities/{{activity}}", self._activity)
        app.router.add_get(f"{base}/members/{{member}}", self._member)
        app.router.add_get("/v3/teams/{team}/members/{member}", self._member)
        app.router.add_get("/files/{name}", self._file)
        return app
