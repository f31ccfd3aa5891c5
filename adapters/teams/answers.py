"""The chat layer's answers drawn for Teams: Adaptive Cards, and plain text replies.

Nothing is decided here: which answer, and which sentence, came from `bot.chat`;
the cards escape what someone typed (`adapters.teams.render`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.teams import render
from adapters.teams.views import staff_choices
from bot.catalogue import t
from bot.chat.answers import (
    Answer,
    AskFirst,
    Done,
    Dossier,
    Failed,
    FormErrors,
    Help,
    Kept,
    Listing,
    Message,
    OpenForm,
    Overview,
    Protocol,
    TaskDone,
    Unknown,
    Usage,
)
from bot.chat.commands import Verb
from bot.host import Klachtenbot
from bot.rules.fields import marked
from bot.views.cards import FieldKind, Form

_USAGE = {
    Verb.SHOW: "teams.show_usage",
    Verb.ROLE: "teams.role_usage",
    Verb.REPORT: "teams.report_usage",
}


@dataclass(frozen=True)
class Reader:
    """Who the card is drawn for, as Teams knows them."""

    lang: str
    user_id: str | None = None  # redraws the card for them when they view it again
    name: str | None = None
    aad_id: str | None = None


def text(message: Message | Failed, lang: str) -> str:
    if isinstance(message, Failed):
        return t("teams.error", lang)
    return t(message.key, lang, **message.params)


def done_note(done: Done, lang: str) -> str:
    if done.duplicate:
        return t("teams.duplicate", lang)
    if done.registered:
        return t("teams.registered", lang, number=done.number)
    return t("teams.done", lang, action=done.action, state=done.state)


def card_answer(card: dict[str, Any]) -> dict[str, Any]:
    """The body of an Action.Execute answer: this card replaces the clicked one."""
    return {"statusCode": 200, "type": render.CONTENT_TYPE, "value": card}


async def card(bot: Klachtenbot, answer: Answer, reader: Reader) -> dict[str, Any]:
    """An answer as an Adaptive Card for `reader`."""
    lang = reader.lang
    match answer:
        case Message() | Failed():
            return render.text_card(text(answer, lang), [], lang)
        case Help(before):
            lines = t("teams.help", lang).split("\n")
            if before is not None:
                lines = [text(before, lang), *lines]
            return render.text_card(t("teams.help_title", lang), lines, lang)
        case Protocol(link):
            paragraphs = t("teams.protocol", lang).split("\n\n")
            links = [link] if link else []
            return render.text_card(t("teams.protocol_title", lang), paragraphs, lang, links=links)
        case Unknown():
            return render.text_card(
                t("teams.unknown_title", lang, name=reader.name or "?"),
                [t("teams.unknown", lang, aad=reader.aad_id or reader.user_id)],
                lang,
            )
        case Usage(verb):
            return render.text_card(t(_USAGE[verb], lang), [], lang)
        case Listing(list_card) | Overview(list_card):
            return render.render_card(list_card, lang)
        case Dossier():
            return dossier(answer, reader)
        case Done(card=shown) if shown is not None:
            return dossier(shown, reader, note=done_note(answer, lang))
        case TaskDone(card=shown) if shown is not None:
            return dossier(shown, reader, note=answer.text, links=answer.links)
        case OpenForm():
            return await form(bot, answer.form, lang, values=answer.values)
        case FormErrors():
            return await form_errors(bot, answer, lang)
        case AskFirst(button):
            return render.confirm_card(button, lang)
        case Kept():
            kept = t("chat.file_kept", lang, count=answer.count, number=answer.number)
            return render.text_card(kept, [], lang)
    raise TypeError(f"no Teams card for {answer!r}")


def dossier(
    shown: Dossier, reader: Reader, note: str | None = None, links: Any = ()
) -> dict[str, Any]:
    """The dossier's card with a banner on top and the links handed out under it.

    Teams redraws a card for its `refresh` users when it is viewed again a minute
    later; a card with links is left alone, so the links stay while they work.
    """
    good = True
    if note is None and shown.note is not None:
        note, good = text(shown.note, reader.lang), shown.note.good
    links = tuple(links) or shown.links
    return render.render_card(
        shown.card,
        reader.lang,
        note=render.banner(note, good=good, lang=reader.lang) if note else None,
        note_links=links,
        refresh=shown.number,
        refresh_users=[reader.user_id] if reader.user_id and not links else None,
    )


async def form(bot: Klachtenbot, the_form: Form, lang: str, **kwargs: Any) -> dict[str, Any]:
    people = []
    if any(f.kind is FieldKind.PERSON for f in the_form.fields):
        people = await staff_choices(bot)
    return render.render_form(the_form, lang, people=people, **kwargs)


async def form_errors(bot: Klachtenbot, answer: FormErrors, lang: str) -> dict[str, Any]:
    """The form back to be fixed, errors under their fields; a character that may not be
    stored shows as "\ufffd" where it was (a lone surrogate could not even be sent)."""
    names = {f.name for f in answer.form.fields}
    errors = {name: text(m, lang) for name, m in answer.errors.items() if name in names}
    whole = text(answer.message or Failed(), lang)
    message = t("teams.fix_errors", lang) if errors else whole
    again = {k: marked(v) if isinstance(v, str) else v for k, v in answer.values.items()}
    return await form(bot, answer.form, lang, values=again, errors=errors, message=message)
