"""Serving the Slack app: POST /slack/events on the shared aiohttp app, or Socket Mode."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

PATH = "/slack/events"


def mount(bolt: AsyncApp, client: AsyncWebClient, *, http: bool, app_token: str | None) -> Any:
    """A function that adds the Slack endpoint and its life cycle to the web app."""

    async def events(request: web.Request) -> web.Response:
        # bolt verifies the signature and the timestamp (401 when either is wrong).
        try:
            parsed = await to_bolt_request(request)
        except RecursionError:
            # bolt parses the body before it checks the signature, with the standard
            # library's decoder, which gives up on JSON nested a few hundred levels deep.
            return web.json_response({"error": "bad JSON"}, status=400)
        response = await bolt.async_dispatch(parsed)
        return await to_aiohttp_response(response)

    async def lifetime(app: web.Application) -> AsyncIterator[None]:
        # One HTTP session for every Web API call (bolt's per-request clients share it).
        session = aiohttp.ClientSession()
        client.session = session
        socket = None
        if app_token:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            socket = AsyncSocketModeHandler(bolt, app_token, web_client=client)
            await socket.connect_async()
        try:
            yield
        finally:
            if socket is not None:
                await socket.close_async()
            client.session = None
            await session.close()

    def install(app: web.Application) -> None:
        if http:
            app.router.add_post(PATH, events)
        app.cleanup_ctx.append(lifetime)

    return install
