"""`/klacht …`: acked at once (or turned away when the bot is full), answered privately
through the command's response_url."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.answers import reply
from adapters.slack.ids import COMMAND
from adapters.slack.listeners.context import SlackContext
from adapters.slack.modals import FormContext, form_view, scan_block
from bot.catalogue import t
from bot.chat.answers import OpenForm
from bot.chat.commands import NAMES_A_COLLEAGUE, Command, command
from bot.chat.conversation import Asker
from bot.chat.roles import Colleague

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")


def command_listener(slack: SlackContext) -> Callable[..., Awaitable[None]]:
    async def on_command(ack: Any, command: dict[str, Any]) -> None:
        user = command["user_id"]
        if slack.admission.full():  # overloaded: the ack itself says so, privately
            return await ack(text=t("slack.busy", slack.locales.cached(user)))
        await ack()
        slack.spawn(_answer(slack, command))

    return on_command


async def _answer(slack: SlackContext, payload: dict[str, Any]) -> None:
    user = payload["user_id"]

    async def tell(text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        await slack.respond(payload["response_url"], text=text, blocks=blocks)

    async with slack.admission.slot() as admitted:
        if not admitted:
            return await slack.busy(user, tell)
        text = payload.get("text") or ""
        said = command(f"{COMMAND} {text}")
        asker = Asker(None, "nl")

        async def ask() -> Any:
            nonlocal asker
            asker = await slack.asker(user)
            mentioned = await _mentioned(slack, said)
            return await slack.conversation.command(asker, said, text, mentioned)

        answer = await slack.conversation.answered(ask(), f"/klacht {said and said.verb}")
        if isinstance(answer, OpenForm):
            context = FormContext(answer.action, answer.number, answer.version)
            view = form_view(answer.form, asker.lang, context, dict(answer.values))
            view["blocks"].append(scan_block(asker.lang))  # the registration's scans
            return await slack.client.views_open(trigger_id=payload["trigger_id"], view=view)
        await tell(*reply(answer, asker.lang))


async def _mentioned(slack: SlackContext, said: Command | None) -> Colleague | None:
    """`/klacht rol @Piet directie`, `/klacht deactiveer @Piet`: the Slack user named, as
    the chat layer's colleague."""
    if said is None or said.verb not in NAMES_A_COLLEAGUE or not said.args:
        return None
    mention = _MENTION.match(said.args[0])
    if mention is None:
        return None
    user_id = mention.group(1)
    name = await slack.locales.name_of(user_id) or user_id
    return Colleague(name=name, slack_user_id=user_id)
