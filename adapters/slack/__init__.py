"""Slack: the coordinator, owners and directie run the whole procedure from Slack."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.app import SlackApp
from adapters.slack.deliver import SlackDeliverer
from adapters.slack.locale import Locales
from adapters.slack.store import SlackStore
from adapters.slack.web import mount
from bot.catalogue import language, t
from bot.chat.reactor import chat_reactor
from bot.host import Klachtenbot, Plug

CHANNEL = "slack"


def plug(bot: Klachtenbot) -> Plug:
    s = bot.settings
    lang = language(s.language)
    if not s.slack_bot_token:
        return Plug(notes=(t("slack.off", lang),))
    if not s.slack_signing_secret and not s.slack_app_token:
        return Plug(notes=(t("slack.no_secret", lang),))

    client = AsyncWebClient(token=s.slack_bot_token, base_url=s.slack_api_url)
    store = SlackStore(bot.engine)
    locales = Locales(client, s.language)
    deliverer = SlackDeliverer(
        client,
        store,
        locales,
        bot.complaints.posted_view,
        coordinator_channel=s.slack_coordinator_channel,
        directie_channel=s.slack_directie_channel,
        language=lang,
    )
    slack = SlackApp(bot, client, store, locales, refresh_card=deliverer.refresh_card)
    bolt = slack.bolt(s.slack_signing_secret)
    notes = [t("slack.on_socket" if s.slack_app_token else "slack.on_http", lang)]
    if not s.slack_coordinator_channel:
        notes.append(t("slack.no_coordinator_channel", lang))
    return Plug(
        notes=tuple(notes),
        reactors=(chat_reactor(CHANNEL),),
        deliverers={CHANNEL: deliverer},
        web=(mount(bolt, client, http=bool(s.slack_signing_secret), app_token=s.slack_app_token),),
        chat_platform=CHANNEL,
    )
