"""Microsoft Teams: the procedure as a Teams bot with Adaptive Cards.

`install(bot)` adds `POST /api/messages` to the web app, the `teams` deliverer,
and, when Teams is configured, the reactor and "teams" as a chat platform.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from aiohttp import web

from adapters.teams.deliver import TeamsDeliverer
from adapters.teams.reactor import CHANNEL, teams_reactor
from adapters.teams.sdk import BotFramework, IncompleteSettings
from adapters.teams.store import TeamsStore
from adapters.teams.turns import TeamsBot
from bot.bootstrap import Klachtenbot
from bot.catalogue import language, t

ROUTE = "/api/messages"


def is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False


async def _unavailable(request: web.Request) -> web.Response:
    return web.json_response({"error": "Teams settings incomplete"}, status=503)


def install(bot: Klachtenbot) -> None:
    settings = bot.settings
    lang = language(settings.language)
    try:
        framework = BotFramework(settings)
    except IncompleteSettings as error:
        # Say what is missing at start, and refuse Teams' requests until it is fixed.
        bot.startup_notes.append(t("teams.note_incomplete", lang, error=error))
        bot.web.append(lambda app: app.router.add_post(ROUTE, _unavailable))
        return
    store = TeamsStore(bot.engine)
    deliverer = TeamsDeliverer(bot, store, framework)
    handler = TeamsBot(bot, store, files=framework, refresh_card=deliverer.refresh_card)

    async def messages(request: web.Request) -> web.StreamResponse:
        # Without an app id the SDK checks no token: then only this machine may talk.
        if not framework.authenticated and not is_loopback(request.remote):
            return web.json_response({"error": "local mode: loopback only"}, status=403)
        return await framework.process(request, handler.on_activity)

    def routes(app: web.Application) -> None:
        app.router.add_post(ROUTE, messages)

    bot.web.append(routes)
    bot.deliverers[CHANNEL] = deliverer

    async def health() -> dict[str, Any]:
        return {
            "mode": "azure" if framework.authenticated else "local",
            "conversation_references": await store.count(),
        }

    bot.health["teams"] = health
    configured = bool(settings.microsoft_app_id or settings.teams_coordinator_conversation)
    if configured:
        bot.reactors.append(teams_reactor)
        if "teams" not in bot.chat_platforms:
            bot.chat_platforms.append("teams")
    if framework.authenticated:
        bot.startup_notes.append(t("teams.note_azure", lang, route=ROUTE))
    else:
        bot.startup_notes.append(t("teams.note_local", lang, route=ROUTE))
    if not settings.teams_coordinator_conversation:
        bot.startup_notes.append(t("teams.note_no_channel", lang))
