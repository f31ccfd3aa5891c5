"""A button on a dossier card: acked at once; the step, the form it needs, or a card task
is answered privately to the clicker."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.answers import reply
from adapters.slack.ids import ButtonValue, decode_value
from adapters.slack.listeners.context import SlackContext, Tell
from adapters.slack.modals import FormContext, form_view
from bot.chat.answers import Answer, Message, OpenForm, TaskDone
from bot.chat.conversation import Asker


def button_listener(slack: SlackContext) -> Callable[..., Awaitable[None]]:
    async def on_button(ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        if action.get("url"):  # a link button: the browser opens it, nothing to do here
            return
        slack.spawn(_answer(slack, body, action))

    return on_button


def _teller(slack: SlackContext, body: dict[str, Any], user: str) -> Tell:
    """Answer the clicker privately: in place when Slack gave a response_url, else by DM."""

    async def tell(text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        if body.get("response_url"):
            await slack.respond(
                body["response_url"], text=text, blocks=blocks, replace_original=False
            )
        else:
            await slack.dm(user, text, blocks)

    return tell


async def _answer(slack: SlackContext, body: dict[str, Any], action: dict[str, Any]) -> None:
    user = body["user"]["id"]
    tell = _teller(slack, body, user)
    async with slack.admission.slot() as admitted:
        if not admitted:
            return await slack.busy(user, tell)
        value = decode_value(action.get("value") or "")
        asker = Asker(None, "nl")

        async def click() -> Answer:
            nonlocal asker
            asker = await slack.asker(user)
            if value is None:  # not a value we wrote: said plainly, nothing is done
                return Message("slack.unreadable", good=False)
            key = click_key(value, body)
            return await slack.conversation.click(
                asker, value.action, value.number, value.data, key, value.version
            )

        answer = await slack.conversation.answered(click(), f"button {action.get('action_id')}")
        if isinstance(answer, OpenForm):
            context = FormContext(answer.action, answer.number, answer.version)
            view = form_view(answer.form, asker.lang, context, dict(answer.values))
            return await slack.client.views_open(trigger_id=body["trigger_id"], view=view)
        await tell(*reply(answer, asker.lang))
        if isinstance(answer, TaskDone) and answer.card_changed:
            await slack.refresh(answer.number)


def click_key(value: ButtonValue, body: dict[str, Any]) -> str:
    """The same button on the same version of a card acts once, however often it is clicked.

    A card without a version (a notice) falls back to Slack's trigger id, which
    catches a resent payload.
    """
    if value.version is None:
        return f"slack:action:{body.get('trigger_id')}"[:200]
    data = hashlib.sha256(repr(sorted(value.data.items())).encode()).hexdigest()[:16]
    return f"slack:action:{value.number}:v{value.version}:{value.action}:{data}"[:200]
