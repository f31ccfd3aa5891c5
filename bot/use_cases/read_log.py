"""What the read log holds: who saw which dossier, when, through which surface, and what.

The lines' shape and the repository's port; `bot.use_cases.access_log` writes and
reads them. A line holds no health data: a dossier number, the reader's name, the
surface and a short code, never a customer's name or a document's file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel

from bot.use_cases.surfaces import Surface


class Seen(StrEnum):
    CARD = "card"  # the dossier's card (with its latest steps)
    TIMELINE = "timeline"  # the whole card and timeline (`dossier show`)
    LIST = "list"  # a line in a list of dossiers
    DOCUMENTS = "documents"  # the names of its documents, with download links
    DOCUMENT = "document"  # one document's content (`item`: its id)
    LETTER = "letter"  # the acknowledgement letter's preview
    EXPORT = "export"  # everything held, for the customer
    REPORT = "report"  # named in the management report (a dossier number, no more)


@dataclass(frozen=True)
class Access:
    """How a read reaches its reader: the surface, and what it shows."""

    surface: Surface
    what: Seen = Seen.CARD


class Read(BaseModel):
    at: datetime
    person_id: int
    person_name: str
    dossier_number: str
    surface: Surface
    what: Seen
    item: str | None = None


class ReadQuery(BaseModel):
    """Which lines to show: one dossier's or one person's, between two moments."""

    dossier_number: str | None = None
    person_id: int | None = None
    since: datetime | None = None  # from this moment on
    until: datetime | None = None  # before this moment
    limit: int = 10_000


class ReadLogRepository(Protocol):
    async def add(self, reads: Sequence[Read]) -> None: ...
    async def find(self, query: ReadQuery) -> list[Read]: ...
