"""The host an integration plugs into: what a running Klachtenbot is made of.

Integrations (Slack, Teams, intake, the mirror, ...) receive a `Klachtenbot` and add
their routes, reactors, deliverers and health checks to it. They import this module,
never the composition root that builds the bot, so the root can import them
without an import cycle.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.outbox.dispatch import Dispatcher
from bot.outbox.messages import Deliverer, Reactor
from bot.settings import Settings
from bot.use_cases.documents import Documents
from bot.use_cases.services import Complaints
from bot.use_cases.staff import Staff
from storage.outbox_store import SqlOutboxStore

if TYPE_CHECKING:
    # For the type only: the card tasks and the letters bring the PDF with them, which
    # a quick command such as `people list` does without.
    from bot.use_cases.letters.service import Letters
    from bot.use_cases.tasks import CardTasks

HealthCheck = Callable[[], Awaitable[dict[str, Any]]]


@dataclass
class Klachtenbot:
    """Everything a running bot is made of; entry points take what they need."""

    settings: Settings
    engine: AsyncEngine
    complaints: Complaints
    staff: Staff
    dispatcher: Dispatcher
    outbox: SqlOutboxStore
    # The dossiers' documents (scans, photos, the bot's letters): uploads from chat.
    documents: Documents
    reactors: list[Reactor] = field(default_factory=list)
    # Who sends the outbox's items, by channel ("slack", "teams", "orthomatic", "email").
    deliverers: dict[str, Deliverer] = field(default_factory=dict)
    # The chat platforms that are configured ("slack", "teams"): where notices go.
    chat_platforms: list[str] = field(default_factory=list)
    # More sections for the coordinators' morning digest (e.g. Orthomatic items still to enter).
    digest_sections: list[Callable[[str], Awaitable[Any]]] = field(default_factory=list)
    # Extra sections for /healthz, by name (scheduler, mirror backlog, ...).
    health: dict[str, HealthCheck] = field(default_factory=dict)
    # Adapters add their routes and background tasks to the web app here.
    web: list[Callable[[Any], None]] = field(default_factory=list)
    # What `serve` reports at start (which integrations are on, and how).
    startup_notes: list[str] = field(default_factory=list)
    # The letters (acknowledgement, protocol, complaint copy), set by the composition root
    # before any integration is installed; `build_core` leaves them out (the PDF).
    letters: Letters | None = None
    # The card's buttons beside the procedure's steps: documents, letters, checklist.
    tasks: CardTasks | None = None

    async def close(self) -> None:
        await self.engine.dispose()
