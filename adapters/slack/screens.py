"""The Slack-only screens, built from the core's card model: the card in the
coordinators' channel, the owner's DM and the directie's escalation post."""

from __future__ import annotations

from dataclasses import replace

from bot.catalogue import format_datetime, t
from bot.rules.actions import Decide, Escalate, PlanContact, ReportStatus
from bot.rules.dossier import DirectieChoice
from bot.rules.people import SYSTEM, Person
from bot.rules.roles import Role
from bot.use_cases.services import DossierView
from bot.views.cards import Button, Card, Fact, Style
from bot.views.dossier_card import dossier_card

# Who "looks at" the card in the coordinators' channel: its buttons are the
# coordinator's. Whoever clicks is still checked by the core.
CHANNEL_VIEWER = Person(id=-1, name="coördinatoren", roles=frozenset({Role.COORDINATOR}))


def channel_card(view: DossierView, lang: str) -> Card:
    return dossier_card(view, CHANNEL_VIEWER, lang)


def owner_card(view: DossierView, owner: Person, lang: str) -> Card:
    """The DM to a new owner: the summary and the owner's three moves."""
    d = view.dossier
    card = dossier_card(replace(view, timeline=[]), owner, lang)
    plan = t(f"plan.{d.assignment.plan.value}", lang) if d.assignment else "-"
    number = d.number
    card.title = t("slack.owner_dm_title", lang, number=number)
    card.subtitle = t("slack.owner_dm", lang, plan=plan)
    card.buttons = [
        Button(
            action=PlanContact.name,
            label=t("action.plan_contact", lang),
            value=number,
            style=Style.PRIMARY,
        ),
        Button(action=ReportStatus.name, label=t("action.report_status", lang), value=number),
        Button(action=Escalate.name, label=t("slack.help_needed", lang), value=number),
    ]
    return card


def directie_card(view: DossierView, lang: str) -> Card:
    """The escalation post: the summary, why, and the directie's three choices."""
    d = view.dossier
    card = dossier_card(replace(view, timeline=[]), CHANNEL_VIEWER, lang)
    card.title = t("slack.escalation_title", lang, number=d.number)
    card.subtitle = t("slack.choice_hint", lang)
    if d.escalation:
        by = SYSTEM.name if d.escalation.by_id == SYSTEM.id else view.name_of(d.escalation.by_id)
        when = format_datetime(d.escalation.escalated_at, lang)
        card.facts.append(Fact(label=t("slack.escalation_by", lang), value=f"{by}, {when}"))
    card.buttons = [
        Button(
            action=Decide.name,
            label=t(f"choice.{choice.value}", lang),
            value=d.number,
            data={"choice": choice.value},
            style=Style.PRIMARY if choice is DirectieChoice.ADVIES else Style.DEFAULT,
        )
        for choice in DirectieChoice
    ]
    return card
