"""Documents of a dossier: scans of letters and forms, and the letters the bot writes.

A document is stored in the database with its dossier, and its arrival is the
core action `AddDocument`, recorded in the same transaction: the timeline says
who added what, and the Orthomatic mirror puts it on the customer's pinboard by
its `document_id`. Uploads are judged by their content (magic bytes), never by
their name; the name is kept only as a label and is never used as a path.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from bot.rules.actions import AddDocument
from bot.rules.errors import Refused
from bot.rules.fields import MAX_LINE
from bot.rules.people import Person
from bot.rules.procedure import Change, may_read
from bot.use_cases.ports import UnitOfWork

if TYPE_CHECKING:
    from bot.use_cases.services import Complaints, Step

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a multi-page scan at a sane resolution


class Kind(StrEnum):
    """What a document is, in the procedure's words."""

    SCAN = "scan"  # a letter or dissatisfaction form, scanned or photographed
    COMPLAINT_COPY = "kopie_klacht"  # the digital copy of a phone or website complaint
    ACKNOWLEDGEMENT = "ontvangstbevestiging"
    OTHER = "overig"


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str


PDF = FileType("application/pdf", "pdf")
JPEG = FileType("image/jpeg", "jpg")
PNG = FileType("image/png", "png")
HEIC = FileType("image/heic", "heic")

# HEIF brands written by phones for HEIC photos (ISO/IEC 23008-12).
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
_HEIF_GENERIC = {b"mif1", b"msf1"}
# Headers of programs and scripts: refused with their own, plainer message.
_EXECUTABLE = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"PK\x03\x04")


def sniff(content: bytes) -> FileType | None:
    """The type of a file by its first bytes; None for anything we do not accept."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content[4:8] == b"ftyp":
        # ISO base media: major brand, minor version, then compatible brands.
        size = int.from_bytes(content[:4], "big")
        major = content[8:12]
        brands = {content[i : i + 4] for i in range(16, min(size, 64), 4)}
        if major in _HEIC_BRANDS or (major in _HEIF_GENERIC and brands & _HEIC_BRANDS):
            return HEIC
    return None


def check_upload(content: bytes) -> FileType:
    """Accept a PDF, JPEG, PNG or HEIC of at most 20 MB, or refuse with the reason."""
    if not content:
        raise Refused("document.empty", field="file")
    if len(content) > MAX_BYTES:
        raise Refused(
            "document.too_large", field="file", size=_megabytes(len(content)), max="20 MB"
        )
    found = sniff(content)
    if found is None:
        if content.startswith(_EXECUTABLE):
            raise Refused("document.executable", field="file")
        raise Refused("document.type", field="file")
    if found is PDF:
        # Parsing a large PDF takes a while (see bench/pdf_check.py): the async callers
        # run this in a worker thread (`Documents.attach`). Imported here: the PDF reader
        # is a large library, and most commands never see an upload.
        from bot.inbound.pdf_check import ActiveContent, Unreadable, check_pdf

        try:
            check_pdf(content)
        except ActiveContent as active:
            raise Refused("document.active_pdf", field="file") from active
        except Unreadable as unreadable:
            raise Refused("document.unreadable_pdf", field="file") from unreadable
    return found


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


_UNSAFE = re.compile(r"[^\w.,()+@ -]+")


def display_name(filename: str | None, file_type: FileType, fallback: str = "document") -> str:
    """A label for the file: no folders, no control characters, the extension its content has.

    Only ever shown or offered as a download name; storage uses the document id.
    """
    name = unicodedata.normalize("NFC", filename or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # drop any folder part
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" ._") or fallback
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[: MAX_LINE - 10].strip(" ._") or fallback
    return f"{stem}.{file_type.extension}"


@dataclass(frozen=True)
class StoredDocument:
    id: int
    dossier_number: str
    kind: str
    filename: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime
    created_by_id: int
    content: bytes | None = None  # left out of listings


class DocumentRepository(Protocol):
    """Documents inside one unit of work's transaction (see `storage.documents`)."""

    async def add(
        self,
        dossier_number: str,
        kind: str,
        filename: str,
        content_type: str,
        content: bytes,
        sha256: str,
        created_by_id: int,
        now: datetime,
    ) -> int: ...
    async def get(self, document_id: int, with_content: bool = True) -> StoredDocument | None: ...
    async def for_dossier(self, dossier_number: str) -> list[StoredDocument]: ...


class Documents:
    """Attaching, reading and listing a dossier's documents."""

    def __init__(
        self,
        complaints: Complaints,
        repository: Callable[[UnitOfWork], DocumentRepository],
    ) -> None:
        self.complaints = complaints
        self.repository = repository

    async def attach(
        self,
        actor: Person,
        number: str,
        filename: str | None,
        content: bytes,
        *,
        title: str | None = None,
        request_key: str | None = None,
    ) -> int:
        """Store an uploaded scan with its dossier and record it; returns the document id.

        The chat adapters call this for a file uploaded in a modal, a thread or a
        Teams message. A repeated `request_key` returns the first upload's id.
        """
        file_type = await asyncio.to_thread(check_upload, content)
        name = display_name(filename, file_type, fallback="scan")
        return await self.add(
            actor, number, Kind.SCAN, name, file_type, content, title or name,
            request_key=request_key,
        )  # fmt: skip

    async def add(
        self,
        actor: Person,
        number: str,
        kind: Kind,
        filename: str,
        file_type: FileType,
        content: bytes,
        title: str,
        *,
        request_key: str | None = None,
    ) -> int:
        """The file and its `AddDocument`, in one transaction of the core.

        The procedure decides who may add a document; a refusal stores nothing. A
        repeated `request_key` returns the first request's document id.
        """

        async def work(step: Step) -> None:
            document_id = await self.save_file(
                step.uow, number, kind, filename, file_type, content, step.actor.id, step.now
            )
            await self.record(step, document_id, title, kind, filename, file_type)
            step.result = f"{step.dossier.number}:{document_id}" if step.dossier else None

        outcome = await self.complaints.run(actor, number, work, request_key=request_key)
        assert outcome.result is not None
        return int(outcome.result.rsplit(":", 1)[-1])

    async def save_file(
        self,
        uow: UnitOfWork,
        number: str,
        kind: Kind | str,
        filename: str,
        file_type: FileType,
        content: bytes,
        created_by_id: int,
        now: datetime,
    ) -> int:
        """Only the file, not yet on the timeline (a letter waiting to be e-mailed)."""
        return await self.repository(uow).add(
            number,
            str(kind),
            filename,
            file_type.content_type,
            content,
            hashlib.sha256(content).hexdigest(),
            created_by_id,
            now,
        )

    async def record(
        self,
        step: Step,
        document_id: int,
        title: str,
        kind: Kind | str,
        filename: str,
        file_type: FileType,
    ) -> Change:
        """`AddDocument` for a stored file, as one step of a transaction that may do more
        (a letter filed with the acknowledgement it records)."""
        title = title.strip()[:MAX_LINE] or filename
        action = AddDocument(title=title, reference="document")
        return await step.apply(action, data=_event_data(document_id, kind, filename, file_type))

    async def read(self, actor: Person, document_id: int) -> StoredDocument:
        """A document with its content, for someone who may read its dossier."""
        async with self.complaints.uow() as uow:
            actor = await self.complaints.current_actor(uow, actor)
            document = await self.repository(uow).get(document_id)
            if document is None:
                raise Refused("document.unknown", id=str(document_id))
            dossier = await self.complaints.load_dossier(uow, document.dossier_number)
            if not may_read(actor, dossier):
                raise Refused("role.forbidden_read", number=dossier.number)
            return document

    async def list(self, actor: Person, number: str) -> list[StoredDocument]:
        async with self.complaints.uow() as uow:
            actor = await self.complaints.current_actor(uow, actor)
            dossier = await self.complaints.load_dossier(uow, number)
            if not may_read(actor, dossier):
                raise Refused("role.forbidden_read", number=dossier.number)
            return await self.repository(uow).for_dossier(dossier.number)

    async def load(self, document_id: int) -> StoredDocument | None:
        """For the outbox's deliverers (e-mail, the Orthomatic mirror): no person asks."""
        async with self.complaints.uow() as uow:
            return await self.repository(uow).get(document_id)


def _event_data(document_id: int, kind: Kind | str, filename: str, file_type: FileType) -> dict:
    """What the timeline and the Orthomatic mirror learn of a document, without its bytes."""
    return {
        "document_id": document_id,
        "reference": f"document:{document_id}",
        "kind": str(kind),
        "filename": filename,
        "content_type": file_type.content_type,
    }
