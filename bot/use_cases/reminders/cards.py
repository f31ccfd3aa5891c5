"""Who is told what for each notice of the policy, as channel-neutral cards.

Pure, like the policy. Channels (coordinators, directie) read the installation's
language; a direct message reads the person's own. The directie channel gets one
line without complaint details: it needs to know that a term was missed, not the
customer's health matters.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue import format_date, t
from bot.outbox.notices import Audience, Notice
from bot.rules.actions import (
    Acknowledge,
    Action,
    Escalate,
    Evaluate,
    ExtendTerm,
    MarkHandled,
    ReportStatus,
    Respond,
)
from bot.rules.dossier import Dossier
from bot.rules.people import Person
from bot.use_cases.ports import Deadline
from bot.use_cases.reminders.policy import NoticePeriods, Stage
from bot.views.cards import Button, Card, Fact, Section, Style
from bot.views.contact import contact_facts


@dataclass(frozen=True)
class Recipients:
    owner: Person | None  # the dossier's owner, when it has one
    lang: str  # the language of the coordinators' and directie channels


def notices_for(
    stage: Stage,
    deadline: Deadline,
    dossier: Dossier,
    to: Recipients,
    periods: NoticePeriods,
) -> list[Notice]:
    number, lang = dossier.number, to.lang
    due = deadline.due_on
    if stage in (Stage.STATUS_QUESTION, Stage.STATUS_REMINDER):
        owner = to.owner
        owner_lang = owner.language if owner else lang
        text = t(f"reminders.{stage}.text", owner_lang, days=periods.status_escalation_working_days)
        card = Card(
            title=t(f"reminders.{stage}.title", owner_lang, number=number),
            # The owner answers after talking to the customer: the number is at hand.
            facts=_facts(dossier, owner_lang, owner=None)
            + contact_facts(dossier.customer, owner_lang),
            sections=[Section(text=text)],
            buttons=status_buttons(number, owner_lang),
        )
        if owner is None:  # cannot happen while the procedure holds; tell the desk then
            return [_coordinators(number, card)]
        return [
            Notice(audience=Audience.PERSON, person_id=owner.id, dossier_number=number, card=card)
        ]

    owner_name = to.owner.name if to.owner else "-"
    params = {"number": number, "due": due, "owner": owner_name, "handled": dossier.handled_on}
    text_key = f"reminders.{stage}.text"
    if stage is Stage.DECISION_WARNING and dossier.term_extended:
        text_key = "reminders.decision_warning.extended"
    card = Card(
        title=t(f"reminders.{stage}.title", lang, **params),
        facts=[
            *_facts(dossier, lang, owner=to.owner),
            Fact(label=t("reminders.due", lang), value=format_date(due, lang)),
        ],
        sections=[Section(text=t(text_key, lang, **params))],
        buttons=_coordinator_buttons(stage, dossier, lang),
    )
    notices = [_coordinators(number, card)]
    if stage in (Stage.ACK_ALARM, Stage.DECISION_ALARM):
        line = Card(title=t(f"reminders.{stage}.directie", lang, **params))
        notices.append(Notice(audience=Audience.DIRECTIE, dossier_number=number, card=line))
    return notices


def status_buttons(number: str, lang: str) -> list[Button]:
    """The owner's three answers; "loopt volgens plan" fills its form, so it runs at once."""
    return [
        Button(
            action=ReportStatus.name,
            label=t("reminders.on_track", lang),
            value=number,
            style=Style.PRIMARY,
            data={"text": t("reminders.on_track_text", lang)},
        ),
        Button(action=MarkHandled.name, label=t("reminders.handled", lang), value=number),
        Button(action=Escalate.name, label=t("reminders.help", lang), value=number),
    ]


def _coordinator_buttons(stage: Stage, dossier: Dossier, lang: str) -> list[Button]:
    """The step each notice asks for; the decision term's offers the written response
    first, and its extension while that is still possible."""
    actions: list[type[Action]] = {
        Stage.ACK_REMINDER: [Acknowledge],
        Stage.ACK_ALARM: [Acknowledge],
        Stage.EVALUATION_REMINDER: [Evaluate],
        Stage.DECISION_WARNING: [Respond] + ([] if dossier.term_extended else [ExtendTerm]),
        Stage.DECISION_ALARM: [Respond],
    }.get(stage, [])
    return [
        Button(
            action=action.name,
            label=t(f"action.{action.name}", lang),
            value=dossier.number,
            style=Style.PRIMARY if n == 0 else Style.DEFAULT,
        )
        for n, action in enumerate(actions)
    ]


def _facts(dossier: Dossier, lang: str, owner: Person | None) -> list[Fact]:
    facts = [
        Fact(label=t("reminders.complaint", lang), value=dossier.complaint.summary),
        Fact(label=t("reminders.customer", lang), value=dossier.customer.name),
    ]
    if owner is not None:
        facts.append(Fact(label=t("reminders.owner", lang), value=owner.name))
    return facts


def _coordinators(number: str, card: Card) -> Notice:
    return Notice(audience=Audience.COORDINATORS, dossier_number=number, card=card)
