"""The dossier card: one screen, shown the same way in Slack and Teams."""

from __future__ import annotations

from datetime import datetime

from bot.catalogue import format_date, format_datetime, t
from bot.outbox.mirror_checklist import checklist_section, mirror_fact
from bot.rules.actions import Close, Escalate
from bot.rules.people import Person
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.rules.workdays import utcnow
from bot.use_cases.letters.offers import letter_methods
from bot.use_cases.services import DossierView
from bot.use_cases.tasks import task_buttons
from bot.views.cards import Button, Card, Confirm, Fact, Section, Style

TIMELINE_LINES = 10  # the card shows the latest steps; the full timeline is in `show`

_STYLES = {Close.name: Style.DANGER, Escalate.name: Style.DANGER, "acknowledge": Style.PRIMARY}


def dossier_card(
    view: DossierView,
    viewer: Person,
    lang: str = "nl",
    now: datetime | None = None,
) -> Card:
    d = view.dossier
    now = now or utcnow()
    if d.anonymised_at is not None:
        return anonymised_card(view, viewer, lang)
    facts = [
        Fact(label=t("card.state", lang), value=t(f"state.{d.state.value}", lang)),
        Fact(label=t("card.customer", lang), value=customer(view, lang)),
        Fact(
            label=t("card.received", lang),
            value=f"{format_date(d.received_on, lang)} ({t(f'channel.{d.channel.value}', lang)})",
        ),
        Fact(label=t("card.severity", lang), value=t(f"severity.{d.complaint.severity}", lang)),
    ]
    if d.complaint.practitioner:
        facts.append(Fact(label=t("card.practitioner", lang), value=d.complaint.practitioner))
    if d.complaint.product:
        facts.append(Fact(label=t("card.product", lang), value=d.complaint.product))
    facts.append(Fact(label=t("card.acknowledged", lang), value=_acknowledged(view, lang)))
    if d.assignment:
        a = d.assignment
        plan = t(f"plan.{a.plan.value}", lang)
        facts.append(Fact(label=t("card.owner", lang), value=view.name_of(a.owner_id)))
        facts.append(
            Fact(
                label=t("card.contact", lang),
                value=f"{view.name_of(a.contact_by_id)}: "
                + (
                    t("card.plan", lang, plan=plan, on=a.planned_on)
                    if a.planned_on
                    else t("card.plan_undated", lang, plan=plan)
                ),
            )
        )

    if view.mirror is not None:
        facts.append(mirror_fact(view.mirror, lang))

    sections = [Section(title=t("card.complaint", lang), text=_complaint_text(view))]
    if (unreachable := _unreachable(view, viewer, lang)) is not None:
        sections.append(unreachable)
    if view.mirror is not None and (checklist := checklist_section(view.mirror, viewer, lang)):
        sections.append(checklist)
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
            where = view.committee
            sections.append(
                Section(
                    title=t("card.next_step", lang), text=t("card.committee", lang, committee=where)
                )
            )
    deadlines = _deadlines(view, lang, now)
    if deadlines:
        sections.append(Section(title=t("card.deadlines", lang), text=deadlines))
    if view.timeline:
        sections.append(Section(title=t("card.timeline", lang), text=_timeline(view, lang)))

    return Card(
        title=t("card.title", lang, number=d.number, summary=d.complaint.summary),
        facts=facts,
        sections=sections,
        buttons=buttons(view, viewer, lang) + task_buttons(view, viewer, lang),
    )


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
    if view.mirror is not None and (checklist := checklist_section(view.mirror, viewer, lang)):
        sections.append(checklist)
    return Card(
        title=t("card.anonymised_title", lang, number=d.number), facts=facts, sections=sections
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
                style=_STYLES.get(action.name, Style.DEFAULT),
                confirm=confirm,
            )
        )
    return result


def customer(view: DossierView, lang: str) -> str:
    """The customer as every card names them: name and customer number."""
    c = view.dossier.customer
    number = c.number or t("card.customer_unknown_number", lang)
    return f"{c.name} ({number})"


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


def _complaint_text(view: DossierView) -> str:
    c = view.dossier.complaint
    return c.summary + (f"\n\n{c.details}" if c.details else "")


def _deadlines(view: DossierView, lang: str, now: datetime) -> str:
    lines = []
    for deadline in view.deadlines:
        if not deadline.pending:
            continue
        key = "card.deadline_overdue" if deadline.due_at <= now else "card.deadline"
        lines.append(t(key, lang, kind=deadline.kind.value, due=deadline.due_on))
    return "\n".join(lines)


def _timeline(view: DossierView, lang: str) -> str:
    events = view.timeline[-TIMELINE_LINES:]
    lines = []
    hidden = len(view.timeline) - len(events)
    if hidden:
        lines.append(t("card.timeline_more", lang, count=hidden))
    for event in events:
        line = t(
            "card.timeline_line",
            lang,
            at=format_datetime(event.at, lang),
            actor=event.actor_name,
            action=event.action,
        )
        text = event.data.get("text") or event.data.get("reason") or event.data.get("solution")
        if text:
            line += f": {_shorten(text, 200, lang)}"
        lines.append(line)
    return "\n".join(lines)


def _shorten(text: str, limit: int, lang: str) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + " " + t("card.truncated", lang)


def list_card(views: list[DossierView], lang: str = "nl", total: int | None = None) -> Card:
    """A list's lines; `total` is how many match, when the list shows only the first."""
    total = len(views) if total is None else total
    lines = [
        t(
            "card.list_line",
            lang,
            number=v.dossier.number,
            customer=v.dossier.customer.name or "-",
            state=v.dossier.state.value,
            summary=_shorten(v.dossier.complaint.summary, 80, lang)
            if v.dossier.anonymised_at is None
            else t("card.anonymised_short", lang),
        )
        for v in views
    ]
    if total > len(views):
        lines.append(t("card.list_more", lang, count=total - len(views)))
    return Card(
        title=t("card.list_title", lang, count=total),
        sections=[Section(text="\n".join(lines) or t("card.list_empty", lang))],
    )
