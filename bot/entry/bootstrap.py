"""The composition root: the only place that knows every part and wires them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.host import Klachtenbot
from bot.outbox.dispatch import Dispatcher
from bot.outbox.messages import Deliverer, Reactor
from bot.settings import Settings
from bot.use_cases.documents import Documents
from bot.use_cases.services import Complaints
from bot.use_cases.staff import Staff
from storage.database import create_engine
from storage.documents import SqlDocuments
from storage.outbox_store import SqlOutboxStore
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from bot.use_cases.letters.service import Letters

# The bot's shape lives in `bot.host`, where integrations can reach it without importing
# this root; it is named here too, for the entry points and tests that build a bot.
__all__ = ["Klachtenbot", "build", "build_core"]


def build(settings: Settings | None = None) -> Klachtenbot:
    """The whole bot: the core with every integration wired in."""
    bot = build_core(settings or Settings())
    bot.letters = _letters(bot)
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
        documents=Documents(complaints, SqlDocuments.of),
        reactors=reactors,
        deliverers=deliverers,
    )
    return bot


def _letters(bot: Klachtenbot) -> Letters:
    """The letters, for every integration that writes or sends one (imported here: the PDF).

    Whether they can go by e-mail is the e-mail adapter's to say (its SMTP settings); the
    sending itself is its outbox deliverer, installed with the integrations.
    """
    from adapters import email
    from bot.use_cases.letters.company import Company
    from bot.use_cases.letters.service import Letters

    return Letters(
        bot.documents,
        Company.from_settings(bot.settings),
        email_enabled=email.configured(bot.settings),
    )


def _integrations() -> list[Callable[[Klachtenbot], None]]:
    """Every integration's `install(bot)`; imported here, the only place that knows them."""
    from adapters import downloads, email, intake, slack, teams
    from adapters.orthomatic import install as orthomatic
    from bot.use_cases import reminders

    # E-mail after intake, so the start-up notes read intake, letters, e-mail; downloads
    # before the chats and the mirror (which use and extend its card tasks).
    return [
        reminders.install,
        intake.install,
        email.install,
        downloads.install,
        slack.install,
        teams.install,
        orthomatic,
    ]
