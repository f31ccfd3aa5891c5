"""Microsoft Teams: the procedure as a Teams bot with Adaptive Cards.

`plug(bot)` offers `POST /api/messages` for the web app, the `teams` deliverer,
and, when Teams is configured, the reactor and "teams" as a chat platform.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any

from bot.catalogue import language, t
from bot.chat.reactor import chat_reactor
from bot.host import Plug

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


def plug(bot: Klachtenbot) -> Plug:
    # The SDK, the web server and the adapter are imported here, not above: the
    # command line imports this package for `teams-package` and must start quickly.
    from adapters.teams.deliver import TeamsDeliverer
    from adapters.teams.port import IncompleteSettings
    from adapters.teams.sdks import SdkMissing, open_framework
    from adapters.teams.store import TeamsStore
    from adapters.teams.turns import TeamsBot

    settings = bot.settings
    lang = language(settings.language)
    if not settings.microsoft_app_id and not settings.teams_local:
        # Without credentials nothing would check who calls: off, unless asked for.
        return Plug(
            notes=(t("teams.note_off", lang, route=ROUTE),),
            web=(lambda app: app.router.add_post(ROUTE, _off("teams.off", lang)),),
        )
    try:
        framework = open_framework(settings)
    except SdkMissing as missing:
        return Plug(
            notes=(t("teams.note_sdk_missing", lang, package=missing),),
            web=(lambda app: app.router.add_post(ROUTE, _off("teams.sdk_missing", lang)),),
        )
    except IncompleteSettings as error:
        # Say what is missing at start, and refuse Teams' requests until it is fixed.
        return Plug(
            notes=(t("teams.note_incomplete", lang, error=error),),
            web=(lambda app: app.router.add_post(ROUTE, _off("teams.incomplete", lang)),),
        )
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

    async def health() -> dict[str, Any]:
        # Not which mode runs: /healthz is for anyone, the start-up lines say it.
        return {"conversation_references": await store.count()}

    note = "teams.note_azure" if framework.authenticated else "teams.note_local"
    notes = [t(note, lang, route=ROUTE, sdk=framework.name)]
    if not settings.teams_coordinator_conversation:
        notes.append(t("teams.note_no_channel", lang))
    # Without an app id or a conversation to post in, Teams only answers: no notices.
    configured = bool(settings.microsoft_app_id or settings.teams_coordinator_conversation)
    return Plug(
        notes=tuple(notes),
        reactors=(chat_reactor(CHANNEL),) if configured else (),
        deliverers={CHANNEL: deliverer},
        web=(routes,),
        health={"teams": health},
        chat_platform=CHANNEL if configured else None,
    )
