"""A submitted modal: its ack *is* the answer (errors under the fields, or the result).

The chat layer gets at most `ACK_BUDGET` seconds; then the modal closes anyway and
the result follows by DM. The scans uploaded with a registration are fetched after
the ack, since 20 MB from Slack may take longer than Slack waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.answers import modal_answer, reply
from adapters.slack.blocks import escape
from adapters.slack.files import download
from adapters.slack.listeners.context import SlackContext
from adapters.slack.modals import FormContext, message_view, read_values, scans
from bot.catalogue import t
from bot.chat.answers import Answer, Done, Failed, TaskDone
from bot.chat.conversation import Asker, Upload
from bot.rules.actions import Register
from bot.views.forms import form_named

ACK_BUDGET = 2.0  # seconds a submission may wait for the core before Slack's 3 s run out


def submission_listener(slack: SlackContext) -> Callable[..., Awaitable[None]]:
    async def on_submit(ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
        context = FormContext.load(view.get("private_metadata") or "")
        known = form_named(context.action) if context else None
        user = body["user"]["id"]
        if context is None or known is None:  # not a form we opened: said plainly, nothing done
            lang = await slack.locales.of(user)
            text = t("slack.unreadable", lang)
            return await ack(
                response_action="update",
                view=message_view(t("slack.refused_title", lang), text, lang),
            )
        try:
            asker = await slack.asker(user)
        except Exception:
            return await ack(**modal_answer(Failed(), known, "nl"))
        lang = asker.lang
        the_form = form_named(context.action, lang, context.number) or known
        state = view.get("state", {}).get("values", {})
        values = read_values(the_form, state)
        key = f"slack:view:{view['id']}:{view.get('hash', '')}"
        name = context.action
        submitted = slack.conversation.submit(asker, name, context.number, values, key)
        work = asyncio.ensure_future(slack.conversation.answered(submitted, f"form {name}"))
        files = scans(state) if name == Register.name else []
        if files:
            slack.spawn(_scans(slack, work, asker, files, key, user))
        try:
            answer = await asyncio.wait_for(asyncio.shield(work), ACK_BUDGET)
        except TimeoutError:
            await ack()  # Slack would give up; close the modal and tell the result by DM
            slack.spawn(_later(slack, work, user, lang))
            return
        await ack(**modal_answer(answer, the_form, lang))
        if isinstance(answer, TaskDone) and answer.card_changed:
            await slack.refresh(answer.number)  # a letter written: its buttons on the card

    return on_submit


async def _later(slack: SlackContext, work: asyncio.Future[Answer], user: str, lang: str) -> None:
    text, _ = reply(await work, lang)
    await slack.dm(user, text)


async def _scans(
    slack: SlackContext,
    registered: asyncio.Future[Answer],
    asker: Asker,
    files: list[dict[str, Any]],
    key: str,
    user: str,
) -> None:
    """The scans uploaded with a registration, kept with the new dossier once it exists.

    Each file on its own: a refused one is reported by DM and keeps no other out.
    """
    answer = await registered
    if not isinstance(answer, Done):  # refused or failed: the modal said so
        return
    token, api = slack.client.token or "", slack.client.base_url
    uploads = [
        Upload(
            name=str(file.get("name") or ""),
            fetch=lambda file=file: download(file, token, api),
            key=f"{key}:file:{file.get('id')}",
            title=(file.get("title") or file.get("name") or "")[:200] or None,
        )
        for file in files
    ]
    kept = await slack.conversation.keep(asker, answer.number, uploads)
    for name, why in kept.refused:
        reason = reply(why, asker.lang)[0]
        if not isinstance(why, Failed):
            reason = t("slack.scan_refused", asker.lang, number=answer.number,
                       name=escape(name), reason=reason)  # fmt: skip
        await slack.dm(user, reason)
