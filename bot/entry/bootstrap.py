"""The composition root: the only place that knows every part and wires them.

It builds the core over the database first, giving each core object at construction
what the integrations' settings decide (whether letters go by e-mail, the mirror's
checklist on the card and among the card tasks). Then each integration reads the bot
and returns its `Plug`, and `plug_in` adds them, one by one, in the order of
`_integrations()`: that order is the order of the start-up notes, of the reactors
after a step and of the health sections.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.host import Klachtenbot, Plug
from bot.outbox.dispatch import Dispatcher
from bot.outbox.messages import Deliverer, Reactor
from bot.outbox.mirror_checklist import MirrorChecklist
from bot.rules.people import Person
from bot.settings import Settings
from bot.use_cases.documents import Documents
from bot.use_cases.report.service import Reports
from bot.use_cases.services import Complaints
from bot.use_cases.staff import Staff
from storage.database import create_engine
from storage.deadline_store import SweepUnitOfWork
from storage.documents import SqlDocuments
from storage.letter_drafts import SqlLetterDrafts
from storage.outbox_store import SqlOutboxStore
from storage.report_queries import report_transaction
from storage.uow import SqlUnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.use_cases.letters.drafts import Draft
    from bot.use_cases.letters.service import Letters
    from bot.use_cases.privacy.cases import Privacy
    from bot.use_cases.tasks import CardTasks

# The bot's shape lives in `bot.host`, where integrations can reach it without importing
# this root; it is named here too, for the entry points and tests that build a bot.
__all__ = ["Klachtenbot", "build", "build_core", "plug_in"]

Integration = Callable[[Klachtenbot], Plug]


def build(settings: Settings | None = None) -> Klachtenbot:
    """The whole bot: the core with every integration wired in."""
    bot = _assemble(settings or Settings(), whole=True)
    for integration in _integrations():
        plug_in(bot, integration(bot))
    return bot


def build_core(settings: Settings) -> Klachtenbot:
    """The procedure over the database and nothing else: no chat, mirror, letters or planner.

    Enough for what changes no dossier (people, a list of dossiers): no reactor would
    fire, and nothing an integration adds to a card is shown. Any step needs `build`,
    or the messages and mirror items the integrations queue for it would be lost.
    """
    return _assemble(settings, whole=False)


def plug_in(bot: Klachtenbot, plug: Plug) -> None:
    """Add one integration's part to the bot: the only code that extends a built bot."""
    bot.startup_notes.extend(plug.notes)
    bot.reactors.extend(plug.reactors)  # the use cases and the sweep share this list
    bot.deliverers.update(plug.deliverers)
    bot.web.extend(plug.web)
    bot.health.update(plug.health)
    bot.digest_sections.extend(plug.digest_sections)
    bot.dispatcher.on_failed.extend(plug.on_failed)
    if plug.chat_platform and plug.chat_platform not in bot.chat_platforms:
        bot.chat_platforms.append(plug.chat_platform)


def _assemble(settings: Settings, *, whole: bool) -> Klachtenbot:
    """The core; with `whole`, also what the integrations need built into it."""
    engine = create_engine(settings.database_url)

    def uow(readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, readonly=readonly)

    def sweeps(readonly: bool = False) -> SweepUnitOfWork:
        return SweepUnitOfWork(engine, readonly=readonly)

    outbox = SqlOutboxStore(engine)
    checklist = None
    email_letters = False
    letter_draft = None
    if whole:
        # The mirror's checklist reads the people and the clock through `complaints`,
        # looked up at each call: a test may set the clock after the bot is built.
        async def person(person_id: int) -> Person | None:
            return await complaints.person(person_id)

        checklist = MirrorChecklist(outbox, person, lambda: complaints.clock())
        email_letters = _email_configured(settings)

        # The letter being written, for the card's letter buttons.
        async def letter_draft(number: str) -> Draft | None:
            async with uow(readonly=True) as transaction:
                return await SqlLetterDrafts.of(transaction).get(number)

    reactors: list[Reactor] = []
    deliverers: dict[str, Deliverer] = {}
    complaints = Complaints(
        uow,
        settings.terms,
        reactors,
        mirror_state=checklist.state if checklist is not None else None,
        email_letters=email_letters,
        letter_draft=letter_draft,
    )
    lease = timedelta(seconds=settings.outbox_lease_seconds)
    dispatcher = Dispatcher(outbox, deliverers, lease=lease)
    # What a use case commits to the outbox goes out at once, not at the next poll.
    complaints.on_commit.append(dispatcher.wake)
    documents = Documents(complaints, SqlDocuments.of)
    # The report's clock is the procedure's, looked up at each call (tests set it later).
    reports = Reports(
        lambda: report_transaction(engine),
        settings.terms,
        lambda: complaints.clock(),
        record_read=complaints.record_read,
    )
    letters, tasks = (
        _letters_and_tasks(settings, complaints, documents, checklist, email_letters, reports)
        if whole
        else (None, None)
    )
    platforms: list[str] = []  # filled by the chat integrations' plugs, in `plug_in`
    bot = Klachtenbot(
        settings=settings,
        engine=engine,
        complaints=complaints,
        # The staff log's clock is the procedure's: a test that sets one sets both.
        staff=Staff(uow, lambda: complaints.clock()),
        dispatcher=dispatcher,
        outbox=outbox,
        documents=documents,
        reports=reports,
        reactors=reactors,
        deliverers=deliverers,
        letters=letters,
        tasks=tasks,
        checklist=checklist,
        sweeps=sweeps,
        chat_platforms=platforms,
        privacy=_privacy(settings, engine, complaints, platforms) if whole else None,
    )
    return bot


def _privacy(
    settings: Settings,
    engine: AsyncEngine,
    complaints: Complaints,
    platforms: list[str],
) -> Privacy:
    """Retention, erasure and export, over the database."""
    from bot.use_cases.privacy.cases import privacy
    from storage.privacy import SqlFreeSpace, SqlPrivacy

    return privacy(
        complaints,
        SqlPrivacy.of,
        SqlDocuments.of,
        SqlFreeSpace(engine),
        platforms,
        settings.retention_months,
    )


def _email_configured(settings: Settings) -> bool:
    """Whether letters can go by e-mail: the e-mail adapter's to say (its SMTP settings)."""
    from adapters import email

    return email.configured(settings)


def _letters_and_tasks(
    settings: Settings,
    complaints: Complaints,
    documents: Documents,
    checklist: MirrorChecklist | None,
    email_letters: bool,
    reports: Reports,
) -> tuple[Letters, CardTasks]:
    """The letters and the card tasks (imported here: the PDF, which `build_core` skips)."""
    from adapters import downloads
    from bot.use_cases.letters.company import Company
    from bot.use_cases.letters.service import Letters
    from bot.use_cases.tasks import CardTasks

    company = Company.from_settings(settings)
    letters = Letters(documents, company, email_enabled=email_letters, drafts=SqlLetterDrafts.of)
    tasks = CardTasks(
        letters,
        downloads.links(settings),
        lambda: complaints.clock(),
        checklist=checklist,
        reports=reports,
    )
    return letters, tasks


def _integrations() -> list[Integration]:
    """Every integration, in the order they are added (imported here: only the root knows them)."""
    from adapters import downloads, email, intake, orthomatic, slack, teams
    from bot.use_cases import reminders

    # This order is the start-up notes' (intake, letters, e-mail, links, the chats, the
    # mirror) and the reactors' after each step: the web form's notice and the complaint
    # copy first, then the chats, then the mirror.
    return [
        reminders.plug,
        intake.plug,
        email.plug,
        downloads.plug,
        slack.plug,
        teams.plug,
        orthomatic.plug,
    ]
