"""The composition root: the only place that knows every part and wires them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.dispatch import Dispatcher
from bot.outbox import Deliverer, Reactor
from bot.services import Complaints
from bot.settings import Settings
from bot.staff import Staff
from storage.database import create_engine
from storage.outbox_store import SqlOutboxStore
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from bot.tasks import CardTasks

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
    # The card's buttons beside the procedure's steps: documents, letters, checklist.
    tasks: CardTasks | None = None

    async def close(self) -> None:
        await self.engine.dispose()


def build(settings: Settings | None = None) -> Klachtenbot:
    """The whole bot: the core with every integration wired in."""
    bot = build_core(settings or Settings())
    # Each integration wires itself in (routes, reactors, deliverers, health, notes).
    for install in _integrations():
        install(bot)
    return bot


def build_core(settings: Settings) -> Klachtenbot:
    """The procedure over the database and nothing else: no chat, mirror, letters or planner.

    Enough for what changes no dossier (people, a list of dossiers): no reactor would
    fire, and nothing an integration adds to a card is shown. Any step needs `build`,
    or the messages and mirror items the integrations queue for it would be lost.
    """
    engine = create_engine(settings.database_url)

    def uow(readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, readonly=readonly)

    reactors: list[Reactor] = []
    deliverers: dict[str, Deliverer] = {}
    complaints = Complaints(uow, settings.terms, reactors)
    outbox = SqlOutboxStore(engine)
    lease = timedelta(seconds=settings.outbox_lease_seconds)
    dispatcher = Dispatcher(outbox, deliverers, lease=lease)
    # What a use case commits to the outbox goes out at once, not at the next poll.
    complaints.on_commit.append(dispatcher.wake)
    bot = Klachtenbot(
        settings=settings,
        engine=engine,
        complaints=complaints,
        staff=Staff(uow),
        dispatcher=dispatcher,
        outbox=outbox,
        reactors=reactors,
        deliverers=deliverers,
    )
    return bot


def _integrations() -> list[Callable[[Klachtenbot], None]]:
    """Every integration's `install(bot)`; imported here, the only place that knows them."""
    from adapters import downloads, intake, slack, teams
    from adapters.orthomatic import install as orthomatic
    from bot import reminders

    # Intake before downloads (which needs to know whether e-mail is on), downloads
    # before the chats and the mirror (which use and extend its card tasks).
    return [
        reminders.install,
        intake.install,
        downloads.install,
        slack.install,
        teams.install,
        orthomatic,
    ]
