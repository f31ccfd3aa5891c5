"""The web server: one aiohttp app, one port, for health and every adapter's endpoint."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from bot.host import Klachtenbot
from storage.failures import unreachable
from storage.migrate import current, head

BOT = web.AppKey("klachtenbot", Klachtenbot)


async def healthz(request: web.Request) -> web.Response:
    bot = request.app[BOT]
    body: dict[str, Any] = {"status": "ok"}
    try:
        body["database"] = {"reachable": True, "migration": await current(bot.engine)}
    except Exception as error:  # asyncpg's own errors too: the page answers 503, never 500
        body["status"] = "error"
        # Only a category: this page is for anyone, and an error's text is the driver's.
        category = "unreachable" if unreachable(error) else "error"
        body["database"] = {"reachable": False, "error": category}
    body["database"]["head"] = head()
    for name, check in bot.health.items():
        try:
            body[name] = await check()
        except Exception as error:  # a broken check must not break the health page
            body["status"] = "error"
            body[name] = {"error": type(error).__name__}
    return web.json_response(body, status=200 if body["status"] == "ok" else 503)


async def _outbox_dispatcher(app: web.Application):  # type: ignore[no-untyped-def]
    """Deliver the outbox in the background for as long as the server runs."""
    dispatcher = app[BOT].dispatcher
    task = asyncio.create_task(dispatcher.run_forever(), name="outbox")
    yield
    dispatcher.stop()
    await task


def make_app(bot: Klachtenbot) -> web.Application:
    app = web.Application(client_max_size=25 * 1024 * 1024)
    app[BOT] = bot
    app.router.add_get("/healthz", healthz)
    app.cleanup_ctx.append(_outbox_dispatcher)
    for install in bot.web:
        install(app)
    return app
