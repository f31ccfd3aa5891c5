"""The letter being written: kept between its form and its sending, so that it can be
previewed first. One per dossier; writing another replaces it, sending drops it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from pydantic import BaseModel


class Draft(BaseModel):
    id: int  # changes with every new draft: a button for an older one finds it gone
    dossier_number: str
    kind: str  # the letter's name (`bot.use_cases.letters.kinds`)
    fields: dict[str, Any]  # the form's values as JSON, the method included
    created_by_id: int
    created_at: datetime


class DraftRepository(Protocol):
    """Drafts inside one unit of work's transaction (see `storage.letter_drafts`)."""

    async def put(
        self, number: str, kind: str, fields: dict[str, Any], by_id: int, now: datetime
    ) -> int: ...
    async def get(self, number: str) -> Draft | None: ...
    async def drop(self, number: str) -> None: ...
