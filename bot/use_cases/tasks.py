"""Card tasks: the dossier card's buttons that are not steps of the procedure.

The paper trail and the Orthomatic checklist need a few buttons beside the
procedure's actions: write a letter to the customer, see it before it goes out,
e-mail it or record that it went by post (or throw the draft away), download the
dossier's documents, tick off an item entered in Orthomatic by hand. Slack and Teams
render them like any other button and hand the click to `CardTasks.run`; the answer
(`Reply`) is a short text for the clicker, with download links where there is
something to open.

Who may do what is decided here and in the use cases behind it (letters, the
checklist, documents), never in an adapter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from bot.catalogue import t
from bot.outbox.mirror_checklist import CARD_ITEMS, MirrorChecklist
from bot.rules.dossier import LetterMethod
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.access_log import Access, Seen
from bot.use_cases.documents import PDF
from bot.use_cases.letters.drafts import Draft
from bot.use_cases.letters.kinds import ACKNOWLEDGEMENT, BY_NAME, LetterKind
from bot.use_cases.letters.offers import letter_methods, may_write, written_by_task
from bot.use_cases.links import PROTOCOL, Links, Target
from bot.use_cases.services import DossierView
from bot.use_cases.surfaces import Surface
from bot.views.cards import Button, Confirm, Link, Row, Style

if TYPE_CHECKING:
    from bot.use_cases.letters.service import Letters
    from bot.use_cases.report.period import Period
    from bot.use_cases.report.service import Reports


class Task(StrEnum):
    DOCUMENTS = "documents"  # the dossier's stored documents, as download links
    LETTER_WRITE = "letter_write"  # a letter's form, to write or edit it (data: letter)
    LETTER_PREVIEW = "letter_preview"  # the letter in hand as it would go out now
    LETTER_EMAIL = "letter_email"  # e-mail the letter; recorded once the mail server took it
    LETTER_POST = "letter_post"  # the letter went by post: file it and record it
    LETTER_DISCARD = "letter_discard"  # throw the draft away (data: draft)
    MIRROR_TICK = "mirror_tick"  # a checklist item is in Orthomatic (data: item)
    MIRROR_TEXT = "mirror_text"  # the exact text of a checklist item, to paste (data: item)


DRAFT = "concept"  # the data that names the draft a letter button is for


TASKS = frozenset(task.value for task in Task)
LETTER = "letter"  # the link target kind of the letter's preview
REPORT = "report"  # the link target kind of the management report's PDF (ref: its period)
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
    result += letter_buttons(view, viewer, lang)
    return result


def letter_buttons(view: DossierView, viewer: Person, lang: str) -> list[Button]:
    """The letter in hand (the draft, else the acknowledgement still to send): see it, send
    it the way it can go; then each letter this viewer may write now. A customer whom no
    letter can reach is offered none (the card says why)."""
    d, number = view.dossier, view.dossier.number
    methods = letter_methods(d, view.email_letters)
    if not methods or not d.is_open:
        return []
    result: list[Button] = []
    draft = view.draft
    in_hand: LetterKind | None = None
    data: dict[str, str] = {}
    if draft is not None and may_handle(viewer, draft):
        in_hand, data = BY_NAME[draft.kind], {DRAFT: str(draft.id)}
        methods = [m for m in methods if m.value == draft.fields.get("method")]
    elif draft is None and d.acknowledgement is None and may_write(viewer, ACKNOWLEDGEMENT, d):
        in_hand = ACKNOWLEDGEMENT
    if in_hand is not None:
        letter = t(f"letter.{in_hand.name}.title", lang, number=number)
        result.append(_button(Task.LETTER_PREVIEW, lang, number, data))
        if LetterMethod.EMAIL in methods:
            email = d.customer.email or ""
            confirm = _confirm("task.letter_email", lang, letter=letter, email=email)
            result.append(_button(Task.LETTER_EMAIL, lang, number, data, confirm, Style.PRIMARY))
        if LetterMethod.POST in methods:
            confirm = _confirm("task.letter_post", lang, letter=letter)
            result.append(_button(Task.LETTER_POST, lang, number, data, confirm))
        if draft is not None:
            result.append(_button(Task.LETTER_DISCARD, lang, number, data))
    for kind in written_by_task(viewer, d):
        label = t(f"letter.{kind.name}.write", lang)
        result.append(
            Button(action=Task.LETTER_WRITE, label=label, value=number, data={"letter": kind.name})
        )
    return result


def may_handle(person: Person, draft: Draft) -> bool:
    """Who may see, send or drop a draft: the coordinator, or whoever wrote it."""
    return person.has(Role.COORDINATOR) or draft.created_by_id == person.id


def _button(
    task: Task,
    lang: str,
    number: str,
    data: dict[str, str],
    confirm: Confirm | None = None,
    style: Style = Style.DEFAULT,
) -> Button:
    label = t(f"task.{task.value}", lang)
    return Button(
        action=task, label=label, value=number, data=dict(data), confirm=confirm, style=style
    )


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
        title=t(f"{key}_title", lang),
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
        reports: Reports | None = None,
    ) -> None:
        self.letters = letters
        self.reports = reports
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

    def report_link(self, person: Person, period: Period, lang: str) -> Link | None:
        """The management report's PDF for `person`; None when links are off."""
        if self.links is None or self.reports is None:
            return None
        url = self.links.url(person.id, Target(REPORT, period.key), self.clock())
        return Link(label=t("report.pdf_link", lang), url=url)

    async def run(
        self,
        actor: Person,
        task: str,
        number: str,
        data: dict[str, str],
        lang: str,
        request_key: str | None = None,
        surface: Surface = Surface.CHAT,
    ) -> Reply:
        """Do one card task for `actor`; a refusal says why, as everywhere (`Refused`).

        Who may not read the dossier is told so first, whatever the task: every chat
        gives the same answer, before a task's own rule (the letter is the coordinator's).
        """
        number = number.strip().upper()
        view = await self.complaints.view(actor, number)
        if task == Task.DOCUMENTS:
            return await self._documents(actor, number, lang, surface)
        if task == Task.LETTER_PREVIEW:
            return await self._preview(actor, number, lang)
        draft_id = int(data[DRAFT]) if data.get(DRAFT, "").isdigit() else None
        if task == Task.LETTER_EMAIL:
            sent = await self.letters.send(
                actor, number, LetterMethod.EMAIL, draft_id=draft_id, request_key=request_key
            )
            view = await self.complaints.view(actor, number)
            email = view.dossier.customer.email or ""
            letter = t(f"letter.{sent.kind.name}.title", lang, number=number)
            return Reply(
                text=t("task.letter_emailing", lang, letter=letter, email=email), card_changed=True
            )
        if task == Task.LETTER_POST:
            sent = await self.letters.send(
                actor, number, LetterMethod.POST, draft_id=draft_id, request_key=request_key
            )
            letter = t(f"letter.{sent.kind.name}.title", lang, number=number)
            return Reply(text=t("task.letter_posted", lang, letter=letter), card_changed=True)
        if task == Task.LETTER_DISCARD:
            await self.letters.discard(actor, number, draft_id)
            return Reply(text=t("task.letter_discarded", lang, number=number), card_changed=True)
        if task == Task.MIRROR_TICK:
            return await self._tick(actor, data.get("item", ""), lang)
        if task == Task.MIRROR_TEXT:
            return await self._paste(actor, number, data.get("item", ""), lang)
        raise Refused("action.unknown", action=task)

    async def _documents(self, actor: Person, number: str, lang: str, surface: Surface) -> Reply:
        documents = await self.documents.list(actor, number)
        if not documents:
            return Reply(text=t("task.documents_none", lang, number=number))
        # Their names may say something of the complaint: shown, so logged first.
        await self.complaints.record_read(actor, number, Access(surface, Seen.DOCUMENTS))
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
        person it was made for may still read the dossier (and, for the letter, send it).

        A link outlives nobody's rights: someone deactivated since it was handed out is
        refused, and every download is logged as a read before its bytes are sent.
        """
        if self.links is None:
            raise Refused("link.invalid")
        grant = self.links.verify(token, self.clock())
        person = await self.complaints.person(grant.person_id)
        if person is None:
            raise Refused("link.invalid")
        if not person.active:
            raise Refused("person.inactive")
        kind, ref = grant.target.kind, grant.target.ref
        if kind == DOCUMENT and ref.isdigit():
            document = await self.documents.read(person, int(ref))
            assert document.content is not None
            seen = Access(Surface.WEB, Seen.DOCUMENT)
            await self.complaints.record_read(person, document.dossier_number, seen, item=ref)
            return Download(document.content, document.content_type, document.filename)
        if kind == LETTER:
            await self._letter_sender(person, ref)
            letter, content = await self.letters.preview(person, ref)
            seen = Access(Surface.WEB, Seen.LETTER)
            await self.complaints.record_read(person, ref.strip().upper(), seen)
            name = f"voorbeeld-{letter.name.replace('_', '-')}-{ref}.pdf"
            return Download(content, PDF.content_type, name, inline=True)
        if kind == REPORT and self.reports is not None:
            return await self._report(person, ref)
        raise Refused("link.invalid")

    async def _report(self, person: Person, ref: str) -> Download:
        """The report as a PDF, counted anew when the link is opened (its reader checked)."""
        from bot.use_cases.report.pdf import report_pdf
        from bot.use_cases.report.period import Period

        assert self.reports is not None
        try:
            period = Period.from_key(ref)
        except ValueError:
            raise Refused("link.invalid") from None
        report = await self.reports.report(person, period, Surface.WEB)
        content = await asyncio.to_thread(report_pdf, report, self.letters.company, person.language)
        name = f"klachtenrapport-{period.start}-{period.end}.pdf"
        return Download(content, PDF.content_type, name, inline=True)

    async def protocol(self) -> Download:
        """The printable protocol: public, it holds nothing personal."""
        content = await self.letters.protocol_pdf()
        return Download(content, PDF.content_type, "klachtenprotocol.pdf", inline=True)

    async def _letter_sender(self, actor: Person, number: str) -> LetterKind:
        """The letter in hand, when `actor` may send it."""
        view = await self.complaints.view(actor, number)
        draft = view.draft
        if draft is not None and may_handle(actor, draft):
            return BY_NAME[draft.kind]
        if draft is None and may_write(actor, ACKNOWLEDGEMENT, view.dossier):
            return ACKNOWLEDGEMENT
        raise Refused("task.letter_forbidden", number=number)

    async def _preview(self, actor: Person, number: str, lang: str, say: str = "") -> Reply:
        kind = await self._letter_sender(actor, number)
        if self.links is None:
            return Reply(text=t("task.links_off_letter", lang), card_changed=bool(say))
        url = self.links.url(actor.id, Target(LETTER, number), self.clock())
        title = t(f"letter.{kind.name}.title", lang, number=number)
        label = t("task.letter_link", lang, letter=title)
        text = say or t("task.letter_preview_ready", lang, letter=title)
        return Reply(text=text, links=[Link(label=label, url=url)], card_changed=bool(say))

    async def write(
        self,
        actor: Person,
        kind: LetterKind,
        number: str,
        values: dict[str, Any],
        lang: str,
        request_key: str | None = None,
    ) -> Reply:
        """A letter's form was filled in: keep it as the draft, and show it before it goes."""
        number = number.strip().upper()
        await self.letters.write(actor, number, kind, values, request_key=request_key)
        title = t(f"letter.{kind.name}.title", lang, number=number)
        said = t("task.letter_written", lang, letter=title)
        return await self._preview(actor, number, lang, said)

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
