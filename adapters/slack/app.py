"""The Slack app: `/klacht`, buttons, modals, thread messages and the App Home.

Each listener (`adapters/slack/listeners/`) acks first and hands its work to a
background task (bolt answers Slack when the listener returns, so nothing slow may
run in it). The one exception is a modal's submission, whose answer *is* the ack.

Everything here translates: a payload becomes a request of the chat layer
(`bot.chat.conversation`) for a known person; the core decides. Repeats are caught
by the core's `request_key` (a unique row in the database), never by memory.
"""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.admission import Admission
from adapters.slack.bolt_log import quiet_token_warning
from adapters.slack.ids import ACTION_PATTERN, COMMAND, Callback
from adapters.slack.listeners.buttons import button_listener
from adapters.slack.listeners.commands import command_listener
from adapters.slack.listeners.context import Refresh, SlackContext
from adapters.slack.listeners.home import home_listener
from adapters.slack.listeners.messages import message_listener
from adapters.slack.listeners.submissions import submission_listener
from adapters.slack.locale import Locales
from adapters.slack.store import SlackStore
from bot.host import Klachtenbot


class SlackApp:
    def __init__(
        self,
        bot: Klachtenbot,
        client: AsyncWebClient,
        store: SlackStore,
        locales: Locales,
        refresh_card: Refresh | None = None,
    ) -> None:
        self.context = SlackContext(bot, client, store, locales, Admission(), refresh_card)

    def bolt(self, signing_secret: str | None) -> AsyncApp:
        quiet_token_warning()
        slack = self.context
        app = AsyncApp(
            client=slack.client,
            signing_secret=signing_secret,
            # Off only in Socket Mode without a secret, where no HTTP endpoint is mounted.
            request_verification_enabled=signing_secret is not None,
            # bolt answers Slack when the listener returns; each listener returns right
            # after `ack()` and leaves its work to `spawn`. (Otherwise bolt runs the
            # listener as a task and looks for the ack every 10 ms, which every ack pays.)
            process_before_response=True,
            name="klachtenbot",
        )
        app.command(COMMAND)(command_listener(slack))
        app.action(re.compile(ACTION_PATTERN))(button_listener(slack))
        app.view(Callback.FORM.value)(submission_listener(slack))
        app.event("message")(message_listener(slack))
        app.event("app_home_opened")(home_listener(slack))
        return app
