"""What the privacy use cases need from storage and from the read log, as protocols."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.outbox.messages import OutboxItem
from bot.rules.dossier import Dossier


class PrivacyRepository(Protocol):
    """Inside one unit of work's transaction (see `storage.privacy`)."""

    async def closed_before(
        self, cutoff: datetime, after: tuple[datetime, str] | None, limit: int
    ) -> list[Dossier]:
        """Closed dossiers that still hold personal data, closed at or before `cutoff`,
        in closing order, from just after `after` (closed_at, number)."""
        ...

    async def of_customer(self, customer_number: str) -> list[Dossier]: ...

    async def unconfirmed(self) -> list[Dossier]:
        """Dossiers whose customer number was never confirmed (website complaints)."""
        ...

    async def outbox_items(self, number: str, channel: str) -> list[OutboxItem]:
        """The dossier's outbox items on one channel (the Orthomatic mirror's)."""
        ...

    async def forget(self, number: str) -> None:
        """Remove what the dossier's row no longer holds: its events' personal parts, its
        documents, and its outbox items (they quote the customer). The dossier itself must
        already be saved anonymised: the database refuses otherwise."""
        ...


class FreeSpace(Protocol):
    async def scrub(self) -> None:
        """Make what was just removed unreadable in the database's own files, where the
        engine allows it (SQLite: checkpoint and empty the write-ahead log)."""
        ...
