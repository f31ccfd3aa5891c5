"""A message: a command (in a channel only when the bot is mentioned), a note in a
dossier's thread, or files sent in the thread or to the bot."""

from __future__ import annotations

from typing import Any

from adapters.teams.answers import card, text
from adapters.teams.listeners.context import TeamsContext, reader
from adapters.teams.port import FetchFailed, Inbound, Outgoing, TooLarge, Turn
from bot.chat.answers import Answer, Kept, Message, Unknown
from bot.chat.commands import NAMES_A_COLLEAGUE, command
from bot.chat.conversation import Asker, Upload
from bot.chat.roles import Colleague
from bot.rules.errors import Refused
from bot.use_cases.documents import MAX_BYTES

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
CARD_TYPES = ("application/vnd.microsoft.card.",)


def attached_files(attachments: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(where to fetch it, its name) for each file in a message; not the message's own
    HTML body or a card.

    A file shared from Teams' file store says where to download it in its content;
    an inline image or other attachment has its `contentUrl`.
    """
    found = []
    for attachment in attachments:
        content_type = str(attachment.get("contentType") or "")
        content = attachment.get("content")
        if content_type == FILE_DOWNLOAD_INFO and isinstance(content, dict):
            url = content.get("downloadUrl")
        elif content_type.startswith("text/") or content_type.startswith(CARD_TYPES):
            continue
        else:
            url = attachment.get("contentUrl")
        if url:
            found.append((str(url), str(attachment.get("name") or "scan")))
    return found


async def message(teams: TeamsContext, inbound: Inbound, asker: Asker, turn: Turn) -> None:
    said = command(inbound.text)
    in_channel = inbound.conversation_type != "personal"
    if in_channel and said is None and inbound.thread_root:
        number = await teams.store.dossier_of(inbound.conversation_id, inbound.thread_root)
        if number:
            return await _in_thread(teams, inbound, asker, turn, number)
    if in_channel and not inbound.mentioned:
        return  # ordinary chatter in a channel is not for the bot
    conversation = teams.conversation
    if not in_channel and said is None and attached_files(inbound.attachments):
        sent = await conversation.sent_to_the_bot(asker, inbound.text, _uploads(teams, inbound))
        return await _tell(teams, inbound, asker, turn, sent)
    mentioned = None
    if said is not None and said.verb in NAMES_A_COLLEAGUE and said.args:
        mentioned = await _mentioned(inbound, turn)
    answer = await conversation.command(asker, said, inbound.text or "", mentioned)
    await turn.reply(Outgoing(card=card(answer, reader(inbound, asker.lang))))


async def _in_thread(
    teams: TeamsContext, inbound: Inbound, asker: Asker, turn: Turn, number: str
) -> None:
    """A message in a dossier's thread is interim communication: it goes in the dossier."""
    key = f"teams:activity:{inbound.id}:0" if inbound.id else None
    noted = await teams.conversation.note(asker, number, inbound.text or "", key)
    if isinstance(noted, Unknown):
        drawn = card(noted, reader(inbound, asker.lang))
        return await turn.reply(Outgoing(card=drawn))
    if noted is not None:
        await turn.reply(Outgoing(text=text(noted, asker.lang)))
    uploads = _uploads(teams, inbound)
    if uploads:
        kept = await teams.conversation.keep(asker, number, uploads)
        for _, why in kept.refused:
            await turn.reply(Outgoing(text=text(why, asker.lang)))


async def _tell(
    teams: TeamsContext, inbound: Inbound, asker: Asker, turn: Turn, answer: Answer
) -> None:
    """What became of files sent to the bot: each refusal, then how many were kept."""
    lang = asker.lang
    if isinstance(answer, Kept):
        for _, why in answer.refused:
            await turn.reply(Outgoing(text=text(why, lang)))
        if answer.count:
            kept = Message("chat.file_kept", {"count": answer.count, "number": answer.number})
            await turn.reply(Outgoing(text=text(kept, lang)))
    elif isinstance(answer, Message):
        await turn.reply(Outgoing(text=text(answer, lang)))
    else:
        await turn.reply(Outgoing(card=card(answer, reader(inbound, lang))))


def _uploads(teams: TeamsContext, inbound: Inbound) -> list[Upload]:
    uploads = []
    for n, (url, name) in enumerate(attached_files(inbound.attachments)):
        key = f"teams:activity:{inbound.id}:file:{n}" if inbound.id else None
        uploads.append(Upload(name, _fetcher(teams, inbound, url, name), key))
    return uploads


def _fetcher(teams: TeamsContext, inbound: Inbound, url: str, name: str) -> Any:
    """The file's content from Teams, at most 20 MB; a refusal names what went wrong."""

    async def fetch() -> bytes:
        if teams.files is None:
            raise Refused("chat.file_unavailable", name=name)
        try:
            return await teams.files.fetch(
                url, MAX_BYTES, service_url=inbound.reference.get("serviceUrl")
            )
        except TooLarge as error:
            size = f"{error.size / (1024 * 1024):.1f} MB".replace(".", ",")
            raise Refused("document.too_large", field="file", size=size, max="20 MB") from error
        except FetchFailed as error:
            raise Refused("chat.file_unavailable", name=name) from error

    return fetch


async def _mentioned(inbound: Inbound, turn: Turn) -> Colleague | None:
    """`klacht rol @Piet directie`, `klacht deactiveer @Piet`: the member mentioned, as the
    chat layer's colleague."""
    if not inbound.mentions:
        return None
    user_id, shown = inbound.mentions[0]
    member = await turn.member(user_id)
    return Colleague(
        name=(member.name if member and member.name else shown) or user_id,
        teams_aad_id=member.aad_id if member else None,
        email=member.email if member else None,
    )
