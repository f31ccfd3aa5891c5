"""The morning digest: on working days, what is overdue and what falls due this week,
and the open dossiers whose owner is no longer active (someone must take them over).

Every replica may run it; the outbox key names the day, so the coordinators get
one digest a day however many processes (or restarts) try.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.catalogue import t
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.dossier import OPEN_STATES, Dossier
from bot.rules.people import Person
from bot.rules.workdays import WorkingCalendar, end_of_day, local_date
from bot.use_cases.ports import Deadline, DossierFilter, UnitOfWork
from bot.views.cards import Card, Section


class Digest:
    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        platforms: list[str],
        calendar: WorkingCalendar,
        lang: str = "nl",
        extra_sections: list[Callable[[str], Awaitable[Section | None]]] | None = None,
    ) -> None:
        self.uow = uow
        self.platforms = platforms
        self.calendar = calendar
        self.lang = lang
        # Other parts' sections (given the language), e.g. the Orthomatic checklist.
        self.extra_sections = extra_sections if extra_sections is not None else []

    async def run(self, now: datetime) -> Notice | None:
        """Queue today's digest; None on a day off (weekend, holiday, closed day)."""
        today = local_date(now)
        if not self.calendar.is_working_day(today):
            return None
        sunday = today + timedelta(days=6 - today.weekday())
        extra = [s for source in self.extra_sections if (s := await source(self.lang))]
        async with self.uow() as uow:
            pending = await uow.deadlines.pending(due_before=end_of_day(sunday))
            orphaned = await uow.dossiers.find(
                DossierFilter(states=OPEN_STATES, owner_inactive=True)
            )
            owners = await uow.people.get_many([d.owner_id for d in orphaned if d.owner_id])
            card = self.card(pending, now, orphaned, owners)
            if extra:
                card.sections = [s for s in card.sections if s.title] + extra
            notice = Notice(audience=Audience.COORDINATORS, card=card)
            for message in notice_messages(self.platforms, notice, f"digest:{today}"):
                await uow.outbox.add(message)
            await uow.commit()
        return notice

    def card(
        self,
        pending: list[Deadline],
        now: datetime,
        orphaned: list[Dossier] | None = None,
        owners: dict[int, Person] | None = None,
    ) -> Card:
        lang = self.lang
        overdue = [d for d in pending if d.due_at <= now]
        coming = [d for d in pending if d.due_at > now]
        sections = [
            Section(title=t(title, lang), text="\n".join(self._line(d) for d in group))
            for title, group in (("digest.overdue", overdue), ("digest.this_week", coming))
            if group
        ]
        if orphaned:
            lines = [self._orphan(d, owners or {}) for d in orphaned]
            sections.append(Section(title=t("digest.owner_inactive", lang), text="\n".join(lines)))
        return Card(
            title=t("digest.title", lang, today=local_date(now)),
            sections=sections or [Section(text=t("digest.nothing", lang))],
        )

    def _line(self, deadline: Deadline) -> str:
        return t(
            "digest.line",
            self.lang,
            number=deadline.dossier_number,
            kind=deadline.kind.value,
            due=deadline.due_on,
        )

    def _orphan(self, dossier: Dossier, owners: dict[int, Person]) -> str:
        owner = owners.get(dossier.owner_id) if dossier.owner_id else None
        name = owner.name if owner else f"#{dossier.owner_id}"
        return t("digest.owner_inactive_line", self.lang, number=dossier.number, owner=name)
