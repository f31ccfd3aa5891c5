"""Telling the coordinators that a complaint came in through the website.

A reactor, so the notice is written in the registration's own transaction: the
dossier and its notice exist together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from adapters.intake.webform import claimed_number
from bot.catalogue import format_date, t
from bot.outbox.messages import OutboxMessage
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.dossier import Dossier, IntakeChannel
from bot.rules.events import Event
from bot.rules.people import SYSTEM
from bot.views.cards import Button, Card, Fact, Section, Style


class WebformNotice:
    def __init__(self, platforms: list[str], lang: str = "nl") -> None:
        self.platforms = platforms  # the bot's own list: chat adapters may join later
        self.lang = lang

    def __call__(self, event: Event, dossier: Dossier) -> Iterable[OutboxMessage]:
        if not (
            event.action == "register"
            and dossier.channel is IntakeChannel.WEBSITE
            and event.actor_id == SYSTEM.id
        ):
            return []
        notice = Notice(
            audience=Audience.COORDINATORS,
            dossier_number=dossier.number,
            card=self.card(dossier, claimed_number.get()),
        )
        return notice_messages(self.platforms, notice, key=f"intake:webform:{dossier.number}")

    def card(self, dossier: Dossier, claimed: str | None) -> Card:
        lang, c = self.lang, dossier.customer
        claimed_text = (
            t("intake.notice_unchecked", lang, number=claimed)
            if claimed
            else t("intake.notice_none", lang)
        )
        buttons = []
        if claimed:
            # One tap: `data` fills the form, so the core's `correct` runs at once.
            buttons.append(
                Button(
                    action="correct",
                    label=t("intake.confirm_number", lang, number=claimed),
                    value=dossier.number,
                    style=Style.PRIMARY,
                    data={"customer_number": claimed},
                )
            )
        buttons.append(
            Button(action="correct", label=t("intake.complete", lang), value=dossier.number)
        )
        return Card(
            title=t("intake.notice_title", lang, number=dossier.number),
            subtitle=t("intake.notice_text", lang),
            facts=[
                Fact(label=t("label.customer_name", lang), value=c.name),
                Fact(label=t("label.customer_email", lang), value=c.email or "-"),
                Fact(label=t("label.customer_phone", lang), value=c.phone or "-"),
                Fact(label=t("intake.notice_claimed", lang), value=claimed_text),
                Fact(
                    label=t("label.received_on", lang), value=format_date(dossier.received_on, lang)
                ),
            ],
            sections=[
                Section(
                    title=t("card.complaint", lang),
                    text=dossier.complaint.details or dossier.complaint.summary,
                )
            ],
            buttons=buttons,
        )
