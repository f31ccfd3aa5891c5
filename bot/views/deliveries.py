"""What each message the bot posts by itself shows, drawn once for every chat.

`bot.chat.reactor` decides who is told after a step; this module decides what
they see: the dossier's card in the coordinators' channel, the new owner's
direct message, the escalation posted for the directie, a line in the
dossier's thread, and the word that a person cannot be reached. Each chat's
deliverer only renders the `Card` and carries it to its place, so the same
person reads the same thing in Slack and in Teams.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.catalogue import format_datetime, t
from bot.rules.actions import Decide
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import DirectieChoice
from bot.rules.people import SYSTEM, Person
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.services import DossierView
from bot.views.cards import Button, Card, Fact, Section, Style
from bot.views.dossier_card import buttons, customer, dossier_card

# The deadlines an owner answers for; the acknowledgement and the evaluation are the
# coordinator's.
_OWNERS_DEADLINES = (DeadlineKind.STATUS_CHECK, DeadlineKind.DECISION)


def reader(role: Role) -> Person:
    """Whoever reads a channel post: it carries the buttons a member of `role` would
    have. Whoever clicks is still checked by the core."""
    return Person(id=-1, name=role.value, roles=frozenset({role}))


def coordinators_card(view: DossierView, lang: str) -> Card:
    """The dossier's card in the coordinators' channel: the whole dossier."""
    return dossier_card(view, reader(Role.COORDINATOR), lang)


def owner_dm(view: DossierView, owner: Person, lang: str, now: datetime | None = None) -> Card:
    """The new owner's direct message, read on a phone: who the customer is, what the
    complaint is, what is asked and by when, and the owner's own steps."""
    d = view.dossier
    facts = [Fact(label=t("card.customer", lang), value=customer(view, lang))]
    if d.complaint.product:
        facts.append(Fact(label=t("card.product", lang), value=d.complaint.product))
    due = _owners_deadline(view, lang, now or utcnow())
    if due:
        facts.append(Fact(label=t("told.due", lang), value=due))
    return Card(
        title=t("told.owner_title", lang, number=d.number),
        subtitle=_asked(view, lang),
        facts=facts,
        sections=[Section(title=t("card.complaint", lang), text=d.complaint.summary)],
        buttons=buttons(view, owner, lang),
    )


def directie_post(view: DossierView, lang: str) -> Card:
    """The escalation for the directie: the complaint, why it came up, and one button
    per choice while the decision is still theirs to make.

    Not who the customer is: the decision is about the handling, and a channel keeps
    its posts. A directie member who needs more opens the dossier (`toon`).
    """
    d = view.dossier
    facts: list[Fact] = []
    sections = [Section(title=t("card.complaint", lang), text=d.complaint.summary)]
    if d.assignment:
        facts.append(Fact(label=t("card.owner", lang), value=view.name_of(d.assignment.owner_id)))
    if d.escalation:
        e = d.escalation
        by = SYSTEM.name if e.by_id == SYSTEM.id else view.name_of(e.by_id)
        when = format_datetime(e.escalated_at, lang)
        facts.append(Fact(label=t("told.escalated_by", lang), value=f"{by}, {when}"))
        sections.append(Section(title=t("card.escalation", lang), text=e.reason))
    return Card(
        title=t("told.directie_title", lang, number=d.number),
        subtitle=t("told.directie_asked", lang, number=d.number),
        facts=facts,
        sections=sections,
        buttons=_choices(view, lang),
    )


def thread_line(line: dict[str, Any], lang: str) -> Card:
    """One step in the dossier's thread: who did what, and what they wrote with it."""
    key = "told.line_state" if line.get("changed") else "told.line"
    said = line.get("text")
    return Card(
        title=t(key, lang, actor=line["actor"], action=line["action"], state=line["state"]),
        sections=[Section(text=str(said))] if said else [],
    )


def unreachable(name: str, number: str | None, chat: str, lang: str) -> Card:
    """For the coordinators: `name` has no conversation with the bot in `chat` yet."""
    return Card(title=t("told.unreachable", lang, name=name, number=number or "-", chat=chat))


def _asked(view: DossierView, lang: str) -> str:
    a = view.dossier.assignment
    if a is None:
        return t("told.owner_asked", lang, plan="-")
    plan = t(f"plan.{a.plan.value}", lang)
    if a.planned_on:
        return t("told.owner_asked_on", lang, plan=plan, on=a.planned_on)
    return t("told.owner_asked", lang, plan=plan)


def _owners_deadline(view: DossierView, lang: str, now: datetime) -> str | None:
    """The first deadline the owner answers for, as the dossier's card words it."""
    pending = [d for d in view.deadlines if d.pending and d.kind in _OWNERS_DEADLINES]
    if not pending:
        return None
    first = min(pending, key=lambda d: d.due_at)
    key = "card.deadline_overdue" if first.due_at <= now else "card.deadline"
    return t(key, lang, kind=first.kind.value, due=first.due_on)


def _choices(view: DossierView, lang: str) -> list[Button]:
    # The same permission logic as the dossier's card: no choices once it is decided.
    if Decide not in available_actions(reader(Role.DIRECTIE), view.dossier):
        return []
    return [
        Button(
            action=Decide.name,
            label=t(f"choice.{choice.value}", lang),
            value=view.dossier.number,
            data={"choice": choice.value},
            style=Style.PRIMARY if choice is DirectieChoice.ADVIES else Style.DEFAULT,
        )
        for choice in DirectieChoice
    ]
