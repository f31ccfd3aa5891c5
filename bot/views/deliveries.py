"""What each message the bot posts by itself shows, drawn once for every chat.

`bot.chat.reactor` decides who is told after a step; this module decides what
they see: the dossier's card in the coordinators' channel, the new owner's
direct message, the escalation posted for the directie, a line in the
dossier's thread, and the word that a person cannot be reached. Each chat's
deliverer only renders the `Card` and carries it to its place, so the same
person reads the same thing in Slack and in Teams.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
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
from bot.views.cards import Button, Card, Fact, Headline, Section, Style
from bot.views.contact import contact_facts
from bot.views.dossier_card import (
    buttons,
    customer,
    dossier_card,
)
from bot.views.due import due_line, pending
from bot.views.happened import PERSON_FIELDS, happened
from bot.views.next_step import arrange, next_steps

# The deadlines an owner answers for; the acknowledgement and the evaluation are the
# coordinator's.
_OWNERS_DEADLINES = (DeadlineKind.STATUS_CHECK, DeadlineKind.DECISION)


def reader(role: Role) -> Person:
    """Whoever reads a channel post: it carries the buttons a member of `role` would
    have. Whoever clicks is still checked by the core."""
    return Person(id=-1, name=role.value, roles=frozenset({role}))


def coordinators_card(view: DossierView, lang: str) -> Card:
    """The dossier's card in the coordinators' channel: the whole dossier."""
    return dossier_card(view, reader(Role.COORDINATOR), lang, in_channel=True)


def owner_dm(view: DossierView, owner: Person, lang: str, now: datetime | None = None) -> Card:
    """The new owner's direct message, read on a phone: what is asked and by when, the
    owner's next step first, the customer's phone and e-mail to call or write at a tap,
    and the complaint. The same screen in every chat."""
    d = view.dossier
    facts = [Fact(label=t("card.customer", lang), value=customer(view, lang))]
    facts += contact_facts(d.customer, lang)
    if d.complaint.product:
        facts.append(Fact(label=t("card.product", lang), value=d.complaint.product))
    mine = pending(view.deadlines, _OWNERS_DEADLINES)
    headlines = [due_line(mine[0], view.calendar, lang, now or utcnow())] if mine else []
    main, more = arrange(buttons(view, owner, lang), next_steps(view, lang))
    complaint = d.complaint.summary + (f"\n{d.complaint.details}" if d.complaint.details else "")
    return Card(
        title=t("told.owner_title", lang, number=d.number),
        subtitle=_asked(view, lang),
        headlines=headlines,
        facts=facts,
        sections=[Section(title=t("card.complaint", lang), text=complaint)],
        buttons=main,
        more=more,
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
    # Why it came up stays above the choices: it is what the directie decides on.
    reason = d.escalation.reason if d.escalation else "-"
    return Card(
        title=t("told.directie_title", lang, number=d.number),
        subtitle=t("told.directie_asked", lang, number=d.number),
        headlines=[Headline(text=t("told.directie_reason", lang, reason=reason))],
        facts=facts,
        sections=sections,
        buttons=_choices(view, lang),
    )


def thread_line(line: dict[str, Any], lang: str, names: Mapping[int, str] | None = None) -> Card:
    """One step in the dossier's thread: who did what, in the past tense with its
    essentials, and what they wrote with it. `names` are the people the step names."""
    known = names or {}

    def name(person_id: int | None) -> str:
        return known.get(int(person_id), f"#{person_id}") if person_id is not None else "-"

    what = happened(line["action"], line.get("data") or {}, lang, name)
    key = "told.line_state" if line.get("changed") else "told.line"
    said = line.get("text")
    return Card(
        title=t(key, lang, actor=line["actor"], what=what, state=line["state"]),
        sections=[Section(text=str(said))] if said else [],
    )


async def names_in(
    line: dict[str, Any], person: Callable[[int], Awaitable[Person | None]]
) -> dict[int, str]:
    """The names of the people a thread line names, as they are called now."""
    data = line.get("data") or {}
    names = {}
    for person_id in {int(data[f]) for f in PERSON_FIELDS if isinstance(data.get(f), int)}:
        if found := await person(person_id):
            names[person_id] = found.name
    return names


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
            # No choice is the likely one: none is highlighted over the others.
            style=Style.DEFAULT,
        )
        for choice in DirectieChoice
    ]
