"""A deadline as people read it: its date, the working days left, overdue marked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.catalogue import t
from bot.rules.deadlines import DeadlineKind
from bot.rules.workdays import WorkingCalendar, local_date
from bot.use_cases.ports import Deadline
from bot.views.cards import Headline


def pending(
    deadlines: Iterable[Deadline], kinds: Iterable[DeadlineKind] | None = None
) -> list[Deadline]:
    """The deadlines still to meet, the first due first."""
    wanted = set(kinds) if kinds is not None else None
    found = [d for d in deadlines if d.pending and (wanted is None or d.kind in wanted)]
    return sorted(found, key=lambda d: d.due_at)


def overdue(deadline: Deadline, now: datetime) -> bool:
    return deadline.due_at <= now


def due_line(deadline: Deadline, calendar: WorkingCalendar, lang: str, now: datetime) -> Headline:
    """'Ontvangstbevestiging: uiterlijk vr 27 november 2026, nog 3 werkdagen'."""
    today = local_date(now)
    if overdue(deadline, now):
        days = calendar.between(deadline.due_on, today)
        text = t("due.overdue", lang, kind=deadline.kind.value, due=deadline.due_on, days=days)
    elif deadline.due_on == today:
        text = t("due.today", lang, kind=deadline.kind.value, due=deadline.due_on)
    else:
        days = calendar.between(today, deadline.due_on)
        key = "due.one_day" if days == 1 else "due.days"
        text = t(key, lang, kind=deadline.kind.value, due=deadline.due_on, days=days)
    return Headline(text=text[:1].upper() + text[1:], attention=overdue(deadline, now))
