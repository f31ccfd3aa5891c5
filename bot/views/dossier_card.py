"""The dossier card: one screen, shown the same way in Slack and Teams.

Read on a phone between two appointments, so it says first what the dossier is
about and where it stands, then what happens next and who does it, with the
reader's own next step as the first, highlighted button and the next deadline
under it; the customer's phone and e-mail for the people who may read the
dossier; the rest of the dossier below, and the other buttons behind "Meer…".
"""

from __future__ import annotations

from datetime import datetime

from bot.catalogue import format_date, format_datetime, t
from bot.outbox.mirror_checklist import mirror_fact
from bot.rules.actions import Close
from bot.rules.people import Person
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.letters.offers import letter_methods
from bot.use_cases.services import DossierView
from bot.use_cases.tasks import checklist_rows, task_buttons
from bot.views.cards import Button, Card, Confirm, Fact, Headline, Section
from bot.views.contact import contact_facts
from bot.views.due import due_line, overdue, pending
from bot.views.happened import happened
from bot.views.next_step import arrange, next_steps

TIMELINE_LINES = 5  # the card shows the latest steps; `klacht toon` and the CLI show all


def dossier_card(
    view: DossierView,
    viewer: Person,
    lang: str = "nl",
    now: datetime | None = None,
    *,
    in_channel: bool = False,
) -> Card:
    """The card for `viewer`; `in_channel` for the coordinators' channel, which keeps its
    posts: the customer's phone and e-mail are shown only to a person who asked."""
    d = view.dossier
    now = now or utcnow()
    if d.anonymised_at is not None:
        return anonymised_card(view, viewer, lang)
    steps = next_steps(view, lang)
    main, more = arrange(buttons(view, viewer, lang) + task_buttons(view, viewer, lang), steps)

    headlines = [Headline(text=t("next.label", lang, text=" ".join(s.text for s in steps)))]
    upcoming = pending(view.deadlines)
    if upcoming:
        headlines.append(due_line(upcoming[0], view.calendar, lang, now))

    facts = [] if in_channel else contact_facts(d.customer, lang)
    if d.assignment:
        facts.append(Fact(label=t("card.owner", lang), value=owner_and_plan(view, lang)))
    facts.append(
        Fact(
            label=t("card.received", lang),
            value=t(
                "card.received_value",
                lang,
                on=d.received_on,
                channel=d.channel.value,
            ),
        )
    )
    if d.complaint.practitioner:
        facts.append(Fact(label=t("card.practitioner", lang), value=d.complaint.practitioner))
    if d.complaint.product:
        facts.append(Fact(label=t("card.product", lang), value=d.complaint.product))
    facts.append(
        Fact(label=t("card.severity", lang), value=t(f"severity.{d.complaint.severity}", lang))
    )
    if d.acknowledgement:
        facts.append(Fact(label=t("card.acknowledged", lang), value=_acknowledged(view, lang)))
    coordinator = viewer.has(Role.COORDINATOR)
    if view.mirror is not None and coordinator:
        facts.append(mirror_fact(view.mirror, lang))

    sections = []
    if d.complaint.details:
        sections.append(Section(title=t("card.details", lang), text=d.complaint.details))
    if (unreachable := _unreachable(view, viewer, lang)) is not None:
        sections.append(unreachable)
    if d.complaint.remedy_requested:
        sections.append(Section(title=t("card.remedy", lang), text=d.complaint.remedy_requested))
    if d.escalation:
        sections.append(Section(title=t("card.escalation", lang), text=d.escalation.reason))
    if d.solution:
        sections.append(Section(title=t("card.solution", lang), text=d.solution))
    if d.evaluation:
        agrees = t("card.agrees" if d.evaluation.customer_agrees else "card.disagrees", lang)
        text = f"{d.evaluation.outcome}\n({agrees})"
        if d.evaluation.remarks:
            text += f"\n{d.evaluation.remarks}"
        sections.append(Section(title=t("card.evaluation", lang), text=text))
        if not d.evaluation.customer_agrees:
            committee = t("card.committee", lang, committee=view.committee)
            sections.append(Section(title=t("card.next_step", lang), text=committee))
    others = upcoming[1:]
    if others:
        lines = [due_line(x, view.calendar, lang, now).text for x in others]
        late = any(overdue(x, now) for x in others)
        sections.append(Section(title=t("due.others", lang), text="\n".join(lines), attention=late))
    if view.timeline:
        sections.append(Section(title=t("card.timeline", lang), text=_timeline(view, lang)))

    rows = checklist_rows(view, viewer, lang)
    return Card(
        title=t("card.title", lang, number=d.number, summary=d.complaint.summary),
        subtitle=t("card.subtitle", lang, state=_state(view, lang), customer=customer(view, lang)),
        headlines=headlines,
        facts=facts,
        sections=sections,
        buttons=main,
        more=more,
        rows_title=t("mirror.card.checklist", lang) if rows else None,
        rows=rows,
    )


def _state(view: DossierView, lang: str) -> str:
    text = t(f"state.{view.dossier.state.value}", lang)
    return text[:1].upper() + text[1:]


def anonymised_card(view: DossierView, viewer: Person, lang: str) -> Card:
    """What stays of a dossier once its customer's data is gone: what reports count,
    and who handled it. No buttons: nothing changes it any more."""
    d = view.dossier
    assert d.anonymised_at is not None
    facts = [
        Fact(label=t("card.state", lang), value=t(f"state.{d.state.value}", lang)),
        Fact(
            label=t("card.received", lang),
            value=f"{format_date(d.received_on, lang)} ({t(f'channel.{d.channel.value}', lang)})",
        ),
        Fact(label=t("card.severity", lang), value=t(f"severity.{d.complaint.severity}", lang)),
    ]
    if d.complaint.product:
        facts.append(Fact(label=t("card.product", lang), value=d.complaint.product))
    if d.assignment:
        facts.append(Fact(label=t("card.owner", lang), value=view.name_of(d.assignment.owner_id)))
    key = "card.anonymised_erased" if d.erased_by_id is not None else "card.anonymised_retention"
    sections = [Section(text=t(key, lang, on=format_date(d.anonymised_at.date(), lang)))]
    rows = checklist_rows(view, viewer, lang)
    return Card(
        title=t("card.anonymised_title", lang, number=d.number),
        facts=facts,
        sections=sections,
        rows_title=t("mirror.card.checklist", lang) if rows else None,
        rows=rows,
    )


def buttons(view: DossierView, viewer: Person, lang: str) -> list[Button]:
    """A button for each action this viewer can take now; the core still checks on click."""
    result = []
    for action in available_actions(viewer, view.dossier):
        confirm = None
        if action is Close:
            confirm = Confirm(
                title=t("action.close", lang),
                text=t("card.close_confirm", lang, number=view.dossier.number),
                yes=t("action.close", lang),
                no=t("card.cancel", lang),
            )
        result.append(
            Button(
                action=action.name,
                label=t(f"action.{action.name}", lang),
                value=view.dossier.number,
                confirm=confirm,
            )
        )
    return result


def customer(view: DossierView, lang: str) -> str:
    """The customer as every card names them: name and customer number."""
    c = view.dossier.customer
    number = c.number or t("card.customer_unknown_number", lang)
    return f"{c.name} ({number})"


def owner_and_plan(view: DossierView, lang: str) -> str:
    a = view.dossier.assignment
    assert a is not None
    plan = t(f"plan.{a.plan.value}", lang)
    planned = (
        t("card.plan", lang, plan=plan, on=a.planned_on)
        if a.planned_on
        else t("card.plan_undated", lang, plan=plan)
    )
    text = t("card.owner_plan", lang, owner=view.name_of(a.owner_id), plan=planned)
    if a.contact_by_id != a.owner_id:
        text += " · " + t("card.contact_by", lang, name=view.name_of(a.contact_by_id))
    return text


def _unreachable(view: DossierView, viewer: Person, lang: str) -> Section | None:
    """Why the card offers the coordinator no letter: no way to reach the customer."""
    d = view.dossier
    if not d.is_open or not viewer.has(Role.COORDINATOR) or letter_methods(d, view.email_letters):
        return None
    key = "card.no_letter_email_off" if d.customer.email else "card.no_letter_address"
    return Section(title=t("card.letters", lang), text=t(key, lang))


def _acknowledged(view: DossierView, lang: str) -> str:
    ack = view.dossier.acknowledgement
    if ack is None:
        return t("card.not_acknowledged", lang)
    method = t(f"method.{ack.method.value}", lang)
    return t("card.acknowledged_value", lang, on=ack.sent_on, method=method)


def _timeline(view: DossierView, lang: str) -> str:
    events = view.timeline[-TIMELINE_LINES:]
    lines = []
    hidden = len(view.timeline) - len(events)
    if hidden:
        lines.append(t("card.more_steps", lang, count=hidden, number=view.dossier.number))
    for event in events:
        what = happened(event.action, event.data, lang, view.name_of)
        line = t(
            "card.timeline_step",
            lang,
            at=format_datetime(event.at, lang),
            actor=event.actor_name,
            what=what,
        )
        text = event.data.get("text") or event.data.get("reason") or event.data.get("solution")
        if text:
            line += f": {_shorten(text, 120, lang)}"
        lines.append(line)
    return "\n".join(lines)


def _shorten(text: str, limit: int, lang: str) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + " " + t("card.truncated", lang)


def list_card(
    views: list[DossierView],
    lang: str = "nl",
    total: int | None = None,
    now: datetime | None = None,
) -> Card:
    """A list: per dossier its stage, owner and next deadline, overdue marked;
    `total` is how many match, when the list shows only the first."""
    now = now or utcnow()
    total = len(views) if total is None else total
    sections = []
    for v in views:
        d = v.dossier
        owner = v.name_of(d.owner_id) if d.owner_id else t("card.list_none_owner", lang)
        title = t(
            "card.list_entry",
            lang,
            number=d.number,
            customer=d.customer.name or "-",
            summary=_shorten(d.complaint.summary, 80, lang)
            if d.anonymised_at is None
            else t("card.anonymised_short", lang),
        )
        text = t("card.list_where", lang, state=_state(v, lang), owner=owner)
        first = pending(v.deadlines)
        late = bool(first) and overdue(first[0], now)
        if first:
            text += "\n" + due_line(first[0], v.calendar, lang, now).text
        sections.append(Section(title=title, text=text, attention=late))
    if total > len(views):
        sections.append(Section(text=t("card.list_more", lang, count=total - len(views))))
    return Card(
        title=t("card.list_title", lang, count=total),
        sections=sections or [Section(text=t("card.list_empty", lang))],
    )
