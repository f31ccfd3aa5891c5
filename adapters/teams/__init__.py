"""Microsoft Teams: the procedure as a Teams bot with Adaptive Cards.

`install(bot)` adds `POST /api/messages` to the web app, the `teams` deliverer,
and, when Teams is configured, the reactor and "teams" as a chat platform.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any

from bot.catalogue import language, t
from bot.chat.reactor import chat_reactor

if TYPE_CHECKING:
    from aiohttp import web

    from bot.host import Klachtenbot

ROUTE = "/api/messages"
CHANNEL = "teams"


# Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever
# its TCP peer (the proxy on this machine) says.
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False


def _refusal(key: str, status: int, lang: str) -> web.Response:
    from aiohttp import web

    return web.json_response({"error": key, "message": t(key, lang)}, status=status)


def _off(key: str, lang: str) -> web.Handler:
    async def unavailable(request: web.Request) -> web.Response:
        return _refusal(key, 503, lang)

    return unavailable


def install(bot: Klachtenbot) -> None:
    # The SDK, the web server and the adapter are imported here, not above: the
    # command line imports this package for `teams-package` and must start quickly.
    from adapters.teams.deliver import TeamsDeliverer
    from adapters.teams.sdk import BotFramework, IncompleteSettings
    from adapters.teams.store import TeamsStore
    from adapters.teams.turns import TeamsBot

    settings = bot.settings
    lang = language(settings.language)
    if not settings.microsoft_app_id and not settings.teams_local:
        # Without credentials nothing would check who calls: off, unless asked for.
        bot.startup_notes.append(t("teams.note_off", lang, route=ROUTE))
        bot.web.append(lambda app: app.router.add_post(ROUTE, _off("teams.off", lang)))
        return
    try:
        framework = BotFramework(settings)
    except IncompleteSettings as error:
        # Say what is missing at start, and refuse Teams' requests until it is fixed.
        bot.startup_notes.append(t("teams.note_incomplete", lang, error=error))
        bot.web.append(lambda app: app.router.add_post(ROUTE, _off("teams.incomplete", lang)))
        return
    store = TeamsStore(bot.engine)
    deliverer = TeamsDeliverer(bot, store, framework)
    handler = TeamsBot(bot, store, files=framework, refresh_card=deliverer.refresh_card)

    async def messages(request: web.Request) -> web.StreamResponse:
        # Without an app id the SDK checks no token: then only this machine may talk,
        # and not through a proxy on it (which would make everyone "this machine").
        if not framework.authenticated:
            if any(header in request.headers for header in PROXY_HEADERS):
                return _refusal("teams.local_proxied", 403, lang)
            if not is_loopback(request.remote):
                return _refusal("teams.local_only", 403, lang)
        return await framework.process(request, handler.on_activity)

    def routes(app: web.Application) -> None:
        app.router.add_post(ROUTE, messages)

    bot.web.append(routes)
    bot.deliverers[CHANNEL] = deliverer

    async def health() -> dict[str, Any]:
        # Not which mode runs: /healthz is for anyone, the start-up lines say it.
        return {"conversation_references": await store.count()}

    bot.health["teams"] = health
    configured = bool(settings.microsoft_app_id or settings.teams_coordinator_conversation)
    if configured:
        bot.reactors.append(chat_reactor(CHANNEL))
        if CHANNEL not in bot.chat_platforms:
            bot.chat_platforms.append(CHANNEL)
    if framework.authenticated:
        bot.startup_notes.append(t("teams.note_azure", lang, route=ROUTE))
    else:
        bot.startup_notes.append(t("teams.note_local", lang, route=ROUTE))
    if not settings.teams_coordinator_conversation:
        bot.startup_notes.append(t("teams.note_no_channel", lang))
