"""What `POST /api/messages` does before and after an SDK's turn, the same for both.

A body is read as JSON with the depth limit of `bot.inbound.jsonbody` and must be an
activity; a request whose token the SDK refuses is 401; an invoke is answered with
its body, anything else with 201. The token check and the turn are the SDK's.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.inbound import jsonbody


async def activity_body(request: web.Request) -> dict[str, Any] | web.Response:
    """The activity's JSON, or the answer that refuses the request."""
    if "application/json" not in request.headers.get("Content-Type", ""):
        return web.json_response({"error": "expected JSON"}, status=415)
    try:
        body = await request.json(loads=jsonbody.loads)
    except ValueError:  # unreadable, or nested deeper than any activity (jsonbody)
        return web.json_response({"error": "bad JSON"}, status=400)
    if not isinstance(body, dict) or not body.get("type"):
        return web.json_response({"error": "not an activity"}, status=400)
    return body


def unauthorized() -> web.Response:
    return web.json_response({"error": "unauthorized"}, status=401)


def answered(invoke: tuple[int, Any] | None) -> web.Response:
    """An invoke's (status, body), or 201 for an activity that has no answer."""
    if invoke is None:
        return web.Response(status=201)
    status, body = invoke
    return web.json_response(body, status=status)


def invoke_value(answer: dict[str, Any] | None) -> dict[str, Any]:
    """The value of the invokeResponse activity that carries a handler's answer."""
    return {"status": 200, "body": answer or {}}
