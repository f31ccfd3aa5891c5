"""The chat layer's answers drawn for Slack: mrkdwn text, Block Kit, and modal answers.

Nothing is decided here: which answer, and which sentence, came from `bot.chat`.
What someone typed travels as a parameter and is escaped for mrkdwn here.
"""

from __future__ import annotations

from typing import Any

from adapters.slack.blocks import (
    SECTION_TEXT,
    Block,
    card_blocks,
    escape,
    link_blocks,
    reply_blocks,
)
from adapters.slack.ids import COMMAND
from adapters.slack.modals import errors_by_block, message_view
from bot.catalogue import t
from bot.chat.answers import (
    Answer,
    Done,
    Dossier,
    Failed,
    FormErrors,
    Help,
    Kept,
    Listing,
    Message,
    Overview,
    Protocol,
    TaskDone,
    Unknown,
    Usage,
)
from bot.views.cards import Form


def say(key: str, lang: str, **params: Any) -> str:
    """A catalogue sentence for mrkdwn; parameters (often user text) are escaped."""
    return t(key, lang, **{k: escape(v) if isinstance(v, str) else v for k, v in params.items()})


def said(message: Message | Failed, lang: str) -> str:
    if isinstance(message, Failed):
        return t("chat.failed", lang)
    return say(message.key, lang, **message.params)


def help_text(before: Message | None, lang: str) -> str:
    """The help, typed the Slack way; `before` says why it is shown."""
    lines = [f"*{t('chat.help_title', lang)}*"]
    if before is not None:
        lines.append(said(before, lang))
    return "\n".join([*lines, t("chat.help", lang, command=COMMAND)])


def reply(answer: Answer, lang: str) -> tuple[str, list[Block] | None]:
    """An answer as a private message: its text, and its blocks when it has more."""
    match answer:
        case Message() | Failed():
            return said(answer, lang), None
        case Help(before):
            return help_text(before, lang), None
        case Protocol(link):
            text = f"*{t('chat.protocol_title', lang)}*\n{t('chat.protocol', lang)}"
            if link is None:
                return text, None
            # The protocol is the catalogue's own mrkdwn: nothing in it was typed by a user.
            section = {"type": "section", "text": {"type": "mrkdwn", "text": text[:SECTION_TEXT]}}
            return text, [section, *link_blocks([link], lang)]
        case Unknown(inactive=True):
            return t("person.inactive", lang), None
        case Unknown(platform_id):
            return say("chat.unknown_person", lang, command=COMMAND, id=platform_id), None
        case Usage():
            return t(answer.key, lang, command=COMMAND), None
        case Listing(card) | Overview(card):
            return card.title, card_blocks(card, lang)
        case Dossier(card=card, number=number, version=version):
            return escape(card.title), card_blocks(card, lang, version=version, number=number)
        case Done(said=done):
            return said(done, lang), None
        case TaskDone(text=text, links=links):
            return escape(text), reply_blocks(text, list(links), lang)
        case FormErrors(message=message, errors=errors):
            first = message or next(iter(errors.values()), None)
            return said(first or Failed(), lang), None
        case Kept():
            return "\n".join(said(why, lang) for _, why in answer.refused), None
    raise TypeError(f"no Slack message for {answer!r}")


def modal_answer(answer: Answer, the_form: Form, lang: str) -> dict[str, Any]:
    """A submitted modal's ack: errors under the fields, or the modal turned into the answer."""
    if isinstance(answer, FormErrors):
        fields = {name: (m.key, m.params) for name, m in answer.errors.items()}
        errors = errors_by_block(fields, the_form, lang)
        if errors:
            return {"response_action": "errors", "errors": errors}
        answer = answer.message or Failed()
    if isinstance(answer, Done):
        title = t("slack.registered_title" if answer.registered else "slack.done_title", lang)
        return {
            "response_action": "update",
            "view": message_view(title, said(answer.said, lang), lang),
        }
    if isinstance(answer, TaskDone):  # a letter written: what it says, and its preview
        view = message_view(t("slack.done_title", lang), escape(answer.text), lang)
        view["blocks"] += link_blocks(list(answer.links), lang)
        return {"response_action": "update", "view": view}
    text, _ = reply(answer, lang)
    view = message_view(t("slack.refused_title", lang), text, lang)
    return {"response_action": "update", "view": view}
