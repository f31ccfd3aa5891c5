"""The host an integration plugs into: what a running Klachtenbot is made of.

An integration (Slack, Teams, intake, the mirror, ...) reads the `Klachtenbot` it is
given and returns a `Plug`: its routes, reactors, deliverers, health checks and start-up
notes. Only the composition root (`bot/entry/`) adds them to the bot, in one fixed
order, so no integration changes a core object behind another's back. Integrations
import this module, never the root that builds the bot, so the root can import them
without an import cycle.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.outbox.dispatch import Dispatcher, FailureHandler
from bot.outbox.ledger import OutboxLedger
from bot.outbox.messages import Deliverer, Reactor
from bot.outbox.mirror_checklist import MirrorChecklist
from bot.settings import Settings
from bot.use_cases.documents import Documents
from bot.use_cases.report.service import Reports
from bot.use_cases.services import Complaints
from bot.use_cases.staff import Staff

if TYPE_CHECKING:
    # For the type only: the card tasks and the letters bring the PDF with them, which
    # a quick command such as `people list` does without.
    from bot.use_cases.letters.service import Letters
    from bot.use_cases.privacy.cases import Privacy
    from bot.use_cases.reminders.sweep import SweepWork
    from bot.use_cases.tasks import CardTasks

HealthCheck = Callable[[], Awaitable[dict[str, Any]]]
# A section of the coordinators' morning digest, in a language (None: nothing to say).
DigestSection = Callable[[str], Awaitable[Any]]
# Adds routes or background tasks to the web app (an aiohttp `web.Application`).
WebHook = Callable[[Any], None]


@dataclass(frozen=True)
class Plug:
    """What one integration contributes; the composition root adds it to the bot.

    An integration builds this from the bot it reads and the settings, and never
    changes the bot itself: what a core object needs from it (the letters by e-mail,
    the mirror's state on the card) the root gives that object when it builds it.
    """

    # What `serve` says at start, in this order (which integration is on, and how).
    notes: tuple[str, ...] = ()
    reactors: tuple[Reactor, ...] = ()
    deliverers: Mapping[str, Deliverer] = field(default_factory=dict)
    web: tuple[WebHook, ...] = ()
    health: Mapping[str, HealthCheck] = field(default_factory=dict)
    digest_sections: tuple[DigestSection, ...] = ()
    # Told when an outbox item is given up (a person must act).
    on_failed: tuple[FailureHandler, ...] = ()
    # The chat platform this integration makes a place for notices ("slack", "teams").
    chat_platform: str | None = None


@dataclass
class Klachtenbot:
    """Everything a running bot is made of; entry points take what they need."""

    settings: Settings
    engine: AsyncEngine
    complaints: Complaints
    staff: Staff
    dispatcher: Dispatcher
    outbox: OutboxLedger
    # The dossiers' documents (scans, photos, the bot's letters): uploads from chat.
    documents: Documents
    # The management report (coordinator and directie): figures counted in SQL.
    reports: Reports
    reactors: list[Reactor] = field(default_factory=list)
    # Who sends the outbox's items, by channel ("slack", "teams", "orthomatic", "email").
    deliverers: dict[str, Deliverer] = field(default_factory=dict)
    # The chat platforms that are configured ("slack", "teams"): where notices go.
    chat_platforms: list[str] = field(default_factory=list)
    # More sections for the coordinators' morning digest (e.g. Orthomatic items still to enter).
    digest_sections: list[DigestSection] = field(default_factory=list)
    # Extra sections for /healthz, by name (scheduler, mirror backlog, ...).
    health: dict[str, HealthCheck] = field(default_factory=dict)
    # Adapters add their routes and background tasks to the web app here.
    web: list[WebHook] = field(default_factory=list)
    # What `serve` reports at start (which integrations are on, and how).
    startup_notes: list[str] = field(default_factory=list)
    # The letters (acknowledgement, protocol, complaint copy), built by the composition
    # root with the bot; `build_core` leaves them out (the PDF).
    letters: Letters | None = None
    # The card's buttons beside the procedure's steps: documents, letters, checklist.
    tasks: CardTasks | None = None
    # The Orthomatic items to enter by hand, and how far each dossier's mirror has come.
    checklist: MirrorChecklist | None = None
    # One transaction of the reminders' sweep (it claims deadlines as it goes).
    sweeps: Callable[..., SweepWork] | None = None
    # Retention, erasure and export of the customer's data; `build_core` leaves them out.
    privacy: Privacy | None = None

    async def close(self) -> None:
        await self.engine.dispose()
