"""Interim communication: staff writing in a dossier's thread is recorded with it,
with the files they share there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.answers import reply
from adapters.slack.files import download
from adapters.slack.listeners.context import SlackContext
from bot.chat.answers import Unknown
from bot.chat.conversation import Upload


def slack_unescape(text: str) -> str:
    """Slack sends message text with &, < and > escaped; store what the person typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def message_listener(slack: SlackContext) -> Callable[..., Awaitable[None]]:
    async def on_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("bot_id") or event.get("subtype") not in (None, "file_share"):
            return
        thread, channel, user = event.get("thread_ts"), event.get("channel"), event.get("user")
        if not thread or thread == event.get("ts") or not channel or not user:
            return

        async def work() -> None:
            async with slack.admission.slot(may_refuse=False):
                await _in_thread(slack, body, event, channel, thread, user)

        slack.spawn(work())

    return on_message


async def _in_thread(
    slack: SlackContext,
    body: dict[str, Any],
    event: dict[str, Any],
    channel: str,
    thread: str,
    user: str,
) -> None:
    number = await slack.store.dossier_of_thread(channel, thread)
    if number is None:
        return
    asker = await slack.asker(user)

    async def tell(text: str) -> None:
        await slack.client.chat_postEphemeral(
            channel=channel, user=user, text=text, thread_ts=thread
        )

    event_key = f"slack:event:{body.get('event_id') or event.get('client_msg_id')}"
    text = slack_unescape(event.get("text") or "")
    answer = await slack.conversation.note(asker, number, text, f"{event_key}:note")
    if answer is not None:
        await tell(reply(answer, asker.lang)[0])
    if isinstance(answer, Unknown):
        return
    token, api = slack.client.token or "", slack.client.base_url
    uploads = [
        Upload(
            name=file.get("name"),
            fetch=lambda file=file: download(file, token, api),
            key=f"{event_key}:file:{file.get('id')}",
            title=(file.get("title") or file.get("name") or "")[:200] or None,
        )
        for file in event.get("files") or []
    ]
    if uploads:
        kept = await slack.conversation.keep(asker, number, uploads)
        for _, why in kept.refused:
            await tell(reply(why, asker.lang)[0])
