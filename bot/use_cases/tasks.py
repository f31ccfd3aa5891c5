"""Card tasks: the dossier card's buttons that are not steps of the procedure.

The paper trail and the Orthomatic checklist need a few buttons beside the
procedure's actions: see the acknowledgement letter before it goes out, e-mail
it or record that it went by post, download the dossier's documents, tick off an
item entered in Orthomatic by hand. Slack and Teams render them like any other
button and hand the click to `CardTasks.run`; the answer (`Reply`) is a short
text for the clicker, with download links where there is something to open.

Who may do what is decided here and in the use cases behind it (letters, the
checklist, documents), never in an adapter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from bot.catalogue import t
from bot.outbox.mirror_checklist import CARD_ITEMS, MirrorChecklist
from bot.rules.actions import Acknowledge
from bot.rules.dossier import AcknowledgementMethod
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.documents import PDF
from bot.use_cases.links import PROTOCOL, Links, Target
from bot.use_cases.services import DossierView
from bot.views.cards import Button, Confirm, Link, Row, Style

if TYPE_CHECKING:
    from bot.use_cases.letters.service import Letters


class Task(StrEnum):
    DOCUMENTS = "documents"  # the dossier's stored documents, as download links
    LETTER_PREVIEW = "letter_preview"  # the acknowledgement letter as it would go out now
    LETTER_EMAIL = "letter_email"  # e-mail the letter; recorded once the mail server took it
    LETTER_POST = "letter_post"  # the letter went by post: file it and record it
    MIRROR_TICK = "mirror_tick"  # a checklist item is in Orthomatic (data: item)
    MIRROR_TEXT = "mirror_text"  # the exact text of a checklist item, to paste (data: item)


TASKS = frozenset(task.value for task in Task)
LETTER = "letter"  # the link target kind of the letter's preview
DOCUMENT = "document"  # the link target kind of a stored document


@dataclass(frozen=True)
class Download:
    """What a link (or the protocol's address) opens."""

    content: bytes
    content_type: str
    filename: str
    # The bot's own PDFs open in the browser, ready to print; an uploaded file is saved,
    # never shown, since its content came from outside.
    inline: bool = False


class Reply(BaseModel):
    """What the clicker is told; `card_changed` when the dossier card should be redrawn."""

    text: str
    links: list[Link] = Field(default_factory=list)
    card_changed: bool = False


def task_buttons(view: DossierView, viewer: Person, lang: str) -> list[Button]:
    """The card tasks this viewer can use on this dossier now."""
    number = view.dossier.number
    result = [Button(action=Task.DOCUMENTS, label=t("task.documents", lang), value=number)]
    if view.dossier.acknowledgement is None and may_acknowledge(viewer, view):
        result.append(
            Button(action=Task.LETTER_PREVIEW, label=t("task.letter_preview", lang), value=number)
        )
        email = view.dossier.customer.email
        if view.email_letters and email:
            result.append(
                Button(
                    action=Task.LETTER_EMAIL,
                    label=t("task.letter_email", lang),
                    value=number,
                    style=Style.PRIMARY,
                    confirm=_confirm("task.letter_email", lang, number=number, email=email),
                )
            )
        result.append(
            Button(
                action=Task.LETTER_POST,
                label=t("task.letter_post", lang),
                value=number,
                confirm=_confirm("task.letter_post", lang, number=number),
            )
        )
    return result


def checklist_rows(view: DossierView, viewer: Person, lang: str) -> list[Row]:
    """The Orthomatic checklist for the coordinator who enters it by hand: one line per
    item (what and when), the exact text to paste behind *Tekst*, and *Afvinken*.
    Nobody else sees it: the customer card is the coordinator's."""
    if view.mirror is None or not viewer.has(Role.COORDINATOR):
        return []
    number = view.dossier.number
    rows = []
    for item in view.mirror.unticked[:CARD_ITEMS]:
        data = {"item": str(item.id)}
        what = t(f"task.mirror_what.{item.kind.value}", lang)
        rows.append(
            Row(
                text=t("task.mirror_line", lang, what=what, on=item.date),
                buttons=[
                    Button(action=Task.MIRROR_TEXT, label=t("task.mirror_text", lang),
                           value=number, data=data),
                    Button(action=Task.MIRROR_TICK, label=t("task.mirror_tick", lang),
                           value=number, data=data),
                ],
            )
        )  # fmt: skip
    left = len(view.mirror.unticked) - len(rows)
    if left > 0:
        rows.append(Row(text=t("task.mirror_more", lang, count=left)))
    return rows


def _confirm(key: str, lang: str, **params: str) -> Confirm:
    return Confirm(
        title=t(key, lang),
        text=t(f"{key}_confirm", lang, **params),
        yes=t(key, lang),
        no=t("card.cancel", lang),
    )


class CardTasks:
    def __init__(
        self,
        letters: Letters,
        links: Links | None,
        clock: Callable[[], datetime] = utcnow,
        *,
        checklist: MirrorChecklist | None = None,
    ) -> None:
        self.letters = letters
        self.documents = letters.documents
        self.complaints = letters.complaints
        self.links = links
        self.clock = clock
        self._checklist = checklist

    @property
    def checklist(self) -> MirrorChecklist | None:
        """The Orthomatic items to tick off by hand, given by the composition root."""
        return self._checklist

    def protocol_link(self, lang: str) -> Link | None:
        """The printable protocol, for `/klacht protocol`; None when links are off."""
        if self.links is None:
            return None
        return Link(label=t("task.protocol_link", lang), url=self.links.base_url + PROTOCOL)

    async def run(
        self,
        actor: Person,
        task: str,
        number: str,
        data: dict[str, str],
        lang: str,
        request_key: str | None = None,
    ) -> Reply:
        """Do one card task for `actor`; a refusal says why, as everywhere (`Refused`)."""
        number = number.strip().upper()
        if task == Task.DOCUMENTS:
            return await self._documents(actor, number, lang)
        if task == Task.LETTER_PREVIEW:
            return await self._preview(actor, number, lang)
        if task == Task.LETTER_EMAIL:
            await self.letters.send_acknowledgement(actor, number, request_key=request_key)
            view = await self.complaints.view(actor, number)
            email = view.dossier.customer.email or ""
            return Reply(text=t("task.letter_emailing", lang, number=number, email=email))
        if task == Task.LETTER_POST:
            await self.letters.record_acknowledgement(
                actor, number, AcknowledgementMethod.POST, request_key=request_key
            )
            return Reply(text=t("task.letter_posted", lang, number=number), card_changed=True)
        if task == Task.MIRROR_TICK:
            return await self._tick(actor, data.get("item", ""), lang)
        if task == Task.MIRROR_TEXT:
            return await self._paste(actor, number, data.get("item", ""), lang)
        raise Refused("action.unknown", action=task)

    async def _documents(self, actor: Person, number: str, lang: str) -> Reply:
        documents = await self.documents.list(actor, number)
        if not documents:
            return Reply(text=t("task.documents_none", lang, number=number))
        if self.links is None:
            names = "\n".join(f"- {d.filename}" for d in documents)
            return Reply(text=t("task.links_off", lang, number=number, names=names))
        now = self.clock()
        links = [
            Link(
                label=d.filename,
                url=self.links.url(actor.id, Target(DOCUMENT, str(d.id)), now),
            )
            for d in documents
        ]
        return Reply(text=t("task.documents_links", lang, number=number), links=links)

    async def open(self, token: str) -> Download:
        """What a download link opens, checked anew: the signature, its expiry, and that the
        person it was made for may still read the dossier (and, for the letter, send it)."""
        if self.links is None:
            raise Refused("link.invalid")
        grant = self.links.verify(token, self.clock())
        person = await self.complaints.person(grant.person_id)
        if person is None:
            raise Refused("link.invalid")
        kind, ref = grant.target.kind, grant.target.ref
        if kind == DOCUMENT and ref.isdigit():
            document = await self.documents.read(person, int(ref))
            assert document.content is not None
            return Download(document.content, document.content_type, document.filename)
        if kind == LETTER:
            await self._letter_sender(person, ref)
            content = await self.letters.acknowledgement_preview(person, ref)
            name = f"voorbeeld-ontvangstbevestiging-{ref}.pdf"
            return Download(content, PDF.content_type, name, inline=True)
        raise Refused("link.invalid")

    async def protocol(self) -> Download:
        """The printable protocol: public, it holds nothing personal."""
        content = await self.letters.protocol_pdf()
        return Download(content, PDF.content_type, "klachtenprotocol.pdf", inline=True)

    async def _letter_sender(self, actor: Person, number: str) -> None:
        view = await self.complaints.view(actor, number)
        if not may_acknowledge(actor, view):
            raise Refused("task.letter_forbidden", number=number)

    async def _preview(self, actor: Person, number: str, lang: str) -> Reply:
        await self._letter_sender(actor, number)
        if self.links is None:
            return Reply(text=t("task.links_off_letter", lang))
        url = self.links.url(actor.id, Target(LETTER, number), self.clock())
        label = t("task.letter_link", lang, number=number)
        return Reply(text=t("task.letter_preview_ready", lang), links=[Link(label=label, url=url)])

    async def _paste(self, actor: Person, number: str, item: str, lang: str) -> Reply:
        """What to paste into Orthomatic for one item: for the coordinator only."""
        if self.checklist is None or not item.isdigit():
            raise Refused("mirror.tick_unknown", item=item[:20])
        for entry in await self.checklist.unticked(actor, number):
            if entry.id == int(item):
                what = t(f"mirror.what.{entry.kind.value}", lang)
                return Reply(
                    text=t("task.mirror_paste", lang, what=what, on=entry.date, text=entry.text)
                )
        raise Refused("mirror.tick_unknown", item=item)

    async def _tick(self, actor: Person, item: str, lang: str) -> Reply:
        if self.checklist is None or not item.isdigit():
            raise Refused("mirror.tick_unknown", item=item[:20])
        ticked = await self.checklist.tick(actor, int(item))
        return Reply(
            text=t(
                "task.mirror_ticked",
                lang,
                what=t(f"task.mirror_what.{ticked.kind.value}", lang),
                on=ticked.date,
                number=ticked.dossier_number,
            ),
            card_changed=True,
        )


def may_acknowledge(person: Person, view: DossierView) -> bool:
    """Only who may record the acknowledgement (the coordinator) handles its letter."""
    return any(a is Acknowledge for a in available_actions(person, view.dossier))
