"""The chat layer's answers drawn for Teams: Adaptive Cards, and plain text replies.

Nothing is decided here: which answer, and which sentence, came from `bot.chat`;
the cards escape what someone typed (`adapters.teams.render`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.teams import render
from bot.catalogue import t
from bot.chat import answers as chat
from bot.rules.fields import marked

# How a command is typed in Teams: the word, in a personal chat or after a mention.
COMMAND = "klacht"


@dataclass(frozen=True)
class Reader:
    """Who the card is drawn for, as Teams knows them."""

    lang: str
    user_id: str | None = None  # redraws the card for them when they view it again
    name: str | None = None
    aad_id: str | None = None


def text(message: chat.Message | chat.Failed, lang: str) -> str:
    if isinstance(message, chat.Failed):
        return t("chat.failed", lang)
    return t(message.key, lang, **message.params)


def card_answer(card: dict[str, Any]) -> dict[str, Any]:
    """The body of an Action.Execute answer: this card replaces the clicked one."""
    return {"statusCode": 200, "type": render.CONTENT_TYPE, "value": card}


def card(answer: chat.Answer, reader: Reader) -> dict[str, Any]:
    """An answer as an Adaptive Card for `reader`."""
    lang = reader.lang
    match answer:
        case chat.Message() | chat.Failed():
            return render.text_card(text(answer, lang), [], lang)
        case chat.Help(before):
            lines = [text(before, lang)] if before is not None else []
            lines += t("chat.help", lang, command=COMMAND).split("\n")
            # Teams' own door: in a channel the bot hears only who mentions it.
            lines.append(t("teams.help_in_channel", lang))
            return render.text_card(t("chat.help_title", lang), lines, lang)
        case chat.Protocol(link):
            lines = t("chat.protocol", lang).split("\n")
            links = [link] if link else []
            return render.text_card(t("chat.protocol_title", lang), lines, lang, links=links)
        case chat.Unknown(inactive=True):
            return render.text_card(t("person.inactive", lang), [], lang)
        case chat.Unknown(platform_id):
            said = t("chat.unknown_person", lang, command=COMMAND, id=platform_id)
            return render.text_card(said, [], lang)
        case chat.Usage():
            return render.text_card(t(answer.key, lang, command=COMMAND), [], lang)
        case chat.Listing(list_card) | chat.Overview(list_card):
            return render.render_card(list_card, lang)
        case chat.Dossier():
            return dossier(answer, reader)
        case chat.Done(card=shown) if shown is not None:
            return dossier(shown, reader, note=text(answer.said, lang))
        case chat.TaskDone(card=shown) if shown is not None:
            return dossier(shown, reader, note=answer.text, links=answer.links)
        case chat.OpenForm():
            return render.render_form(answer.form, lang, values=answer.values)
        case chat.FormErrors():
            return form_errors(answer, lang)
        case chat.AskFirst(button):
            return render.confirm_card(button, lang)
        case chat.Kept():
            kept = t("chat.file_kept", lang, count=answer.count, number=answer.number)
            return render.text_card(kept, [], lang)
    raise TypeError(f"no Teams card for {answer!r}")


def dossier(
    shown: chat.Dossier, reader: Reader, note: str | None = None, links: Any = ()
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


def form_errors(answer: chat.FormErrors, lang: str) -> dict[str, Any]:
    """The form back to be fixed, errors under their fields; a character that may not be
    stored shows as "\ufffd" where it was (a lone surrogate could not even be sent)."""
    names = {f.name for f in answer.form.fields}
    errors = {name: text(m, lang) for name, m in answer.errors.items() if name in names}
    whole = text(answer.message or chat.Failed(), lang)
    message = t("teams.fix_errors", lang) if errors else whole
    again = {k: marked(v) if isinstance(v, str) else v for k, v in answer.values.items()}
    return render.render_form(answer.form, lang, values=again, errors=errors, message=message)
