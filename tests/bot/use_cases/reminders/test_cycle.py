"""The deadlines through the sweep, on real databases: who hears what, when, once."""

from __future__ import annotations

from datetime import date

from bot.rules.actions import (
    Acknowledge,
    Assign,
    Close,
    Decide,
    Evaluate,
    ExtendTerm,
    MarkHandled,
    ReportStatus,
)
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import State
from bot.rules.people import SYSTEM
from bot.use_cases.reminders.policy import Stage
from bot.views.dossier_card import dossier_card
from tests.bot.use_cases.reminders.conftest import at, notices, outbox
from tests.helpers import registration

STATUS = DeadlineKind.STATUS_CHECK


async def _registered(bot, clock, team) -> str:  # type: ignore[no-untyped-def]
    clock.now = at("2026-11-23T10:00")
    outcome = await bot.complaints.register(team.coordinator, registration())
    return outcome.dossier.number


async def _act(bot, clock, when, actor, number, action):  # type: ignore[no-untyped-def]
    clock.now = at(when)
    return await bot.complaints.act(actor, number, action)


async def _sweep(reminders, when, kind=None):  # type: ignore[no-untyped-def]
    report = await reminders.sweep.run(at(when))
    return [s.stage for s in report.sent if kind in (None, s.kind)]


async def test_acknowledgement_reminder_alarm_and_done(bot, clock, team, reminders):
    number = await _registered(bot, clock, team)
    assert await _sweep(reminders, "2026-11-23T10:01") == []  # planned, nothing due
    assert await _sweep(reminders, "2026-11-27T08:59") == []
    assert await _sweep(reminders, "2026-11-27T09:00") == [Stage.ACK_REMINDER]
    assert await _sweep(reminders, "2026-11-27T09:00") == []  # once, however often it ticks
    assert await _sweep(reminders, "2026-12-01T09:00") == [Stage.ACK_ALARM]

    rows = await outbox(bot, "deadline:")
    assert len(rows) == 6  # reminder: 2 platforms; alarm: coordinators and directie, on 2
    assert len({r.key for r in rows}) == 6
    reminder, alarm, directie = notices(rows, "slack")
    assert notices(rows, "teams") == [reminder, alarm, directie]
    assert reminder["audience"] == "coordinators" and reminder["dossier_number"] == number
    assert reminder["card"]["title"] == f"Nog één werkdag voor de ontvangstbevestiging van {number}"
    assert "ma 30 november 2026" in reminder["card"]["sections"][0]["text"]
    assert [b["action"] for b in reminder["card"]["buttons"]] == ["acknowledge"]
    assert alarm["audience"] == "coordinators"
    assert directie["audience"] == "directie"
    # The directie hears that a term was missed, not what the complaint is about.
    assert "knelt" not in str(directie) and "Bakker" not in str(directie)
    assert {r.queue for r in rows} == {f"slack:{number}", f"teams:{number}"}

    await _act(
        bot,
        clock,
        "2026-12-01T10:00",
        team.coordinator,
        number,
        Acknowledge(sent_on=date(2026, 12, 1), method="email"),
    )
    assert await _sweep(reminders, "2026-12-20T09:00") == []
    ack = [
        d
        for d in (await bot.complaints.view(team.coordinator, number)).deadlines
        if d.kind is DeadlineKind.ACKNOWLEDGEMENT
    ]
    assert ack[0].met_at is not None and ack[0].notices == 2


async def test_two_week_cycle_answer_reminder_and_automatic_escalation(bot, clock, team, reminders):
    number = await _registered(bot, clock, team)
    await _act(
        bot,
        clock,
        "2026-11-23T10:05",
        team.coordinator,
        number,
        Acknowledge(sent_on=date(2026, 11, 23), method="email"),
    )
    await _act(
        bot, clock, "2026-11-24T10:00", team.coordinator, number, Assign(owner_id=team.owner.id)
    )
    assert await _sweep(reminders, "2026-12-07T09:00") == []
    assert await _sweep(reminders, "2026-12-08T09:00") == [Stage.STATUS_QUESTION]

    [question] = notices(await outbox(bot, "deadline:"))
    assert question["audience"] == "person" and question["person_id"] == team.owner.id
    assert question["card"]["title"] == f"Hoe staat het met {number}?"
    buttons = question["card"]["buttons"]
    assert [(b["action"], b["label"]) for b in buttons] == [
        ("report_status", "Loopt volgens plan"),
        ("mark_handled", "Afgehandeld"),
        ("escalate", "Hulp nodig"),
    ]
    assert buttons[0]["data"] == {"text": "Loopt volgens plan."}
    assert all(b["value"] == number for b in buttons)

    # The owner taps "loopt volgens plan": recorded, and the next check is 14 days later.
    await _act(
        bot,
        clock,
        "2026-12-08T11:00",
        team.owner,
        number,
        ReportStatus(text=buttons[0]["data"]["text"]),
    )
    assert await _sweep(reminders, "2026-12-10T09:00", STATUS) == []
    assert await _sweep(reminders, "2026-12-22T09:00", STATUS) == [Stage.STATUS_QUESTION]
    # No answer: one reminder two working days later, then escalation two more later
    # (Christmas Day and the weekend do not count).
    assert await _sweep(reminders, "2026-12-23T09:00", STATUS) == []
    assert await _sweep(reminders, "2026-12-24T09:00", STATUS) == [Stage.STATUS_REMINDER]
    assert await _sweep(reminders, "2026-12-28T08:00", STATUS) == []
    assert await _sweep(reminders, "2026-12-29T09:00", STATUS) == [Stage.STATUS_ESCALATION]
    assert await _sweep(reminders, "2026-12-30T09:00", STATUS) == []

    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.state is State.GEESCALEERD
    last = view.timeline[-1]
    assert (last.action, last.actor_id, last.actor_name) == ("escalate", SYSTEM.id, SYSTEM.name)
    assert "Piet Jansen" in last.data["reason"]
    assert [e.action for e in view.timeline].count("report_status") == 1

    rows = [n for n in notices(await outbox(bot, "deadline:")) if "beslissing" not in str(n)]
    assert [n["audience"] for n in rows] == ["person", "person", "person", "coordinators"]
    reminder, told = rows[2], rows[3]
    assert reminder["card"]["title"] == f"Herinnering: hoe staat het met {number}?"
    assert [b["action"] for b in reminder["card"]["buttons"]] == [
        "report_status",
        "mark_handled",
        "escalate",
    ]
    assert "Piet Jansen" in told["card"]["sections"][0]["text"]


async def test_decision_term_warning_extension_and_alarm(bot, clock, team, reminders):
    number = await _registered(bot, clock, team)
    await _act(
        bot,
        clock,
        "2026-11-23T10:05",
        team.coordinator,
        number,
        Acknowledge(sent_on=date(2026, 11, 23), method="email"),
    )
    assert await _sweep(reminders, "2026-12-28T09:00") == [Stage.DECISION_WARNING]
    [warning] = notices(await outbox(bot, "deadline:"))
    assert warning["card"]["title"] == f"Nog een week voor de beslissing over {number}"
    # What is missing, and the step that fixes it first; extending while it still can.
    assert "Schriftelijke reactie nog niet verstuurd" in warning["card"]["sections"][0]["text"]
    assert [b["action"] for b in warning["card"]["buttons"]] == ["respond", "extend_term"]

    await _act(
        bot,
        clock,
        "2026-12-29T10:00",
        team.coordinator,
        number,
        # As the extension letter records it, once it went (its stored document).
        ExtendTerm(
            reason="Wacht op de leverancier",
            new_due=date(2027, 2, 1),
            method="post",
            document_id=1,
        ),
    )
    assert await _sweep(reminders, "2027-01-05T09:00") == []  # the old term no longer counts
    assert await _sweep(reminders, "2027-01-25T09:00") == [Stage.DECISION_WARNING]
    second = notices(await outbox(bot, "deadline:"))[-1]
    # Extending twice is not possible: only the response is offered.
    assert [b["action"] for b in second["card"]["buttons"]] == ["respond"]
    assert "al verlengd" in second["card"]["sections"][0]["text"]
    assert await _sweep(reminders, "2027-02-02T09:00") == [Stage.DECISION_ALARM]
    alarm, directie = notices(await outbox(bot, "deadline:"))[-2:]
    assert (alarm["audience"], directie["audience"]) == ("coordinators", "directie")
    assert "ma 1 februari 2027" in directie["card"]["title"]


async def test_evaluation_reminder_and_the_committee_when_the_customer_disagrees(
    bot, clock, team, reminders
):
    number = await _registered(bot, clock, team)
    await _act(
        bot, clock, "2026-11-24T10:00", team.coordinator, number, Assign(owner_id=team.owner.id)
    )
    await _act(
        bot, clock, "2026-11-26T10:00", team.owner, number, MarkHandled(solution="Schacht verwijd")
    )
    # Handled Thursday 26 November: 5 working days is Thursday 3 December.
    evaluation = DeadlineKind.EVALUATION
    assert await _sweep(reminders, "2026-12-03T09:00", evaluation) == []
    assert await _sweep(reminders, "2026-12-04T09:00", evaluation) == [Stage.EVALUATION_REMINDER]
    reminder = [
        n for n in notices(await outbox(bot, "deadline:")) if "Evaluatie" in n["card"]["title"]
    ]
    assert [b["action"] for b in reminder[0]["card"]["buttons"]] == ["evaluate"]

    await _act(
        bot,
        clock,
        "2026-12-04T11:00",
        team.coordinator,
        number,
        Evaluate(outcome="Klant blijft ontevreden", customer_agrees=False),
    )
    view = await bot.complaints.view(team.coordinator, number)
    assert view.committee == bot.settings.complaints_committee  # the installation's setting
    view.committee = "de Geschillencommissie Zorg"
    card = dossier_card(view, team.coordinator)
    texts = [s.text for s in card.sections]
    assert "De klant kan de klacht voorleggen aan de Geschillencommissie Zorg." in texts
    # Also with the installation's setting, and only while the customer disagrees.
    assert any(
        s.title == "Niet akkoord: vervolg voor de klant"
        for s in dossier_card(view, team.coordinator).sections
    )
    assert view.dossier.evaluation is not None
    view.dossier.evaluation.customer_agrees = True
    view.committee = "de Geschillencommissie Zorg"
    card = dossier_card(view, team.coordinator)
    assert not any("Geschillencommissie" in s.text for s in card.sections)


async def test_closing_drops_and_reassigning_moves_the_deadlines(bot, clock, team, reminders):
    number = await _registered(bot, clock, team)
    c = team.coordinator
    await _act(
        bot,
        clock,
        "2026-11-23T10:05",
        c,
        number,
        Acknowledge(sent_on=date(2026, 11, 23), method="email"),
    )
    await _act(bot, clock, "2026-11-24T10:00", c, number, Assign(owner_id=team.owner.id))
    # Reassigned on 1 December: the status check moves to 15 December, to the new owner.
    await _act(bot, clock, "2026-12-01T10:00", c, number, Assign(owner_id=team.other.id))
    assert await _sweep(reminders, "2026-12-08T09:00") == []
    assert await _sweep(reminders, "2026-12-15T09:00") == [Stage.STATUS_QUESTION]
    [question] = notices(await outbox(bot, "deadline:"))
    assert question["person_id"] == team.other.id

    # Escalated, the directie takes a decision: a new check for the new owner.
    await _act(bot, clock, "2026-12-15T10:00", team.other, number, _escalate("Lukt niet"))
    await _act(
        bot,
        clock,
        "2026-12-16T10:00",
        team.directie,
        number,
        Decide(choice="nieuwe_eigenaar", text="Piet neemt het over", new_owner_id=team.owner.id),
    )
    pending = {d.kind: d for d in (await bot.complaints.view(c, number)).deadlines if d.pending}
    assert pending[DeadlineKind.STATUS_CHECK].due_on == date(2026, 12, 30)

    await _act(bot, clock, "2026-12-17T10:00", team.owner, number, MarkHandled(solution="Klaar"))
    await _act(
        bot,
        clock,
        "2026-12-17T11:00",
        c,
        number,
        Evaluate(outcome="Tevreden", customer_agrees=True),
    )
    await _act(bot, clock, "2026-12-17T12:00", c, number, Close())
    view = await bot.complaints.view(c, number)
    assert not [d for d in view.deadlines if d.pending]
    assert all(d.next_notice_at is None for d in view.deadlines)
    before = len(await outbox(bot, "deadline:"))
    assert await _sweep(reminders, "2027-03-01T09:00") == []
    assert len(await outbox(bot, "deadline:")) == before


def _escalate(reason: str):  # type: ignore[no-untyped-def]
    from bot.rules.actions import Escalate

    return Escalate(reason=reason)


async def test_after_downtime_each_notice_goes_out_once(bot, clock, team, reminders):
    numbers = [await _registered(bot, clock, team) for _ in range(3)]
    # Nobody swept for three weeks: one alarm per dossier, not one per missed tick,
    # and the superseded "one day left" reminders are not sent late.
    first = await _sweep(reminders, "2026-12-14T09:00")
    assert sorted(first) == [Stage.ACK_ALARM] * 3
    assert await _sweep(reminders, "2026-12-14T09:01") == []
    rows = await outbox(bot, "deadline:")
    assert len(rows) == 3 * 2 * 2  # 3 alarms, coordinators + directie, 2 platforms
    assert {r.payload["notice"]["dossier_number"] for r in rows} == set(numbers)


async def test_no_chat_platform_keeps_every_notice_due(bot, clock, team):
    from bot.use_cases.reminders import reminders_for

    await _registered(bot, clock, team)
    quiet = reminders_for(bot)  # no platform configured
    report = await quiet.sweep.run(at("2026-12-14T09:00"))
    assert report.no_platforms and not report.sent
    bot.chat_platforms.append("slack")
    report = await quiet.sweep.run(at("2026-12-14T09:00"))
    assert [s.stage for s in report.sent] == [Stage.ACK_ALARM]


async def test_morning_digest_once_a_working_day(bot, clock, team, reminders):
    number = await _registered(bot, clock, team)
    notice = await reminders.digest.run(at("2026-12-01T08:30"))
    assert notice is not None
    texts = {s.title: s.text for s in notice.card.sections}
    assert f"{number} · ontvangstbevestiging · uiterlijk ma 30 november 2026" in texts["Te laat"]
    assert "Deze week" not in texts
    await reminders.digest.run(at("2026-12-01T08:31"))  # a second replica, same day
    rows = await outbox(bot, "digest:")
    assert [r.key for r in rows] == ["digest:2026-12-01:slack", "digest:2026-12-01:teams"]
    assert rows[0].payload["notice"]["audience"] == "coordinators"
    assert await reminders.digest.run(at("2026-12-25T08:30")) is None  # Christmas
    assert await reminders.digest.run(at("2026-12-26T08:30")) is None  # Saturday
