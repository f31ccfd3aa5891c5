"""Seven dossiers walked through the procedure on known dates, for the report's tests.

The report covers April and May 2026 and is made on Wednesday 10 June 2026. Its
figures were counted by hand from the steps below (docs/report.md defines them):

    number  letter  received        channel                   customer
    0001    F       Fri 2026-03-20  brief                     300   before the period
    0002    A       Thu 2026-04-02  telefoon                  100
    0003    B       Mon 2026-04-20  website                   100   escalated
    0004    C       Thu 2026-05-07  brief                     200   reopened
    0005    E       Tue 2026-05-26  telefoon                  300   term extended
    0006    D       Fri 2026-05-29  ontevredenheidsformulier  100   still open at the end
    0007    G       Tue 2026-06-02  telefoon                  999   after the period

A's acknowledgement on 10 April is 4 working days after 2 April: Good Friday and
Easter Monday fall inside its term. B's on 28 April is 5, with King's Day inside.
C's on 18 May is 6 (Ascension Day does not count): late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from bot.chat.conflicts import retried
from bot.entry.bootstrap import Klachtenbot
from bot.rules.actions import (
    Acknowledge,
    Action,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    Reopen,
)
from bot.rules.dossier import LetterMethod
from bot.rules.people import Person
from bot.use_cases.letters.kinds import BY_NAME
from bot.use_cases.report.period import Period
from tests.conftest import Clock, Team
from tests.helpers import registration

PERIOD = Period(date(2026, 4, 1), date(2026, 5, 31))
NOW = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)  # 11:00 in Amsterdam

F, A, B, C, E, D, G = (f"K-2026-{n:04d}" for n in range(1, 8))

_REGISTRATIONS: dict[str, dict[str, Any]] = {
    F: dict(received_on=date(2026, 3, 20), channel="brief", customer_number="300"),
    A: dict(received_on=date(2026, 4, 2), channel="telefoon", severity="hoog",
            product="Schoen", practitioner="Jan", customer_number="100",
            customer_address="Kerkstraat 1, 1234 AB Elst"),
    B: dict(received_on=date(2026, 4, 20), channel="website", severity="middel",
            product="Schoen", practitioner="Jan", customer_number="100",
            customer_address="Kerkstraat 1, 1234 AB Elst"),
    C: dict(received_on=date(2026, 5, 7), channel="brief", severity="laag",
            product=None, practitioner=None, customer_number="200",
            customer_address="Molenweg 2, 1234 AC Elst"),
    E: dict(received_on=date(2026, 5, 26), channel="telefoon", severity="middel",
            product="Schoen", practitioner="Els", customer_number="300",
            customer_address="Dorpsstraat 3, 1234 AB Elst"),
    D: dict(received_on=date(2026, 5, 29), channel="ontevredenheidsformulier",
            severity="hoog", product="Steunzool", practitioner="Els", customer_number="100"),
    G: dict(received_on=date(2026, 6, 2), channel="telefoon", customer_number="999"),
}  # fmt: skip


@dataclass(frozen=True)
class Letter:
    """A letter to the customer whose sending records its step (the extension notice)."""

    kind: str
    values: dict[str, str]


def _ack(day: date) -> Acknowledge:
    return Acknowledge(sent_on=day, method="post")


def _steps(team: Team) -> list[tuple[date, str, Person, Action | Letter | None]]:
    """(day, dossier, who, step); a step of None registers the dossier."""
    c, o, other, dir_ = team.coordinator, team.owner, team.other, team.directie
    handled = MarkHandled(solution="Opgelost")
    # The written, reasoned response the acknowledgement promised: it meets the decision term.
    response = Letter(
        "schriftelijke_reactie", {"text": "Wij passen de schoen aan.", "method": "post"}
    )
    agrees = Evaluate(outcome="Tevreden", customer_agrees=True)
    return [
        (date(2026, 3, 20), F, c, None),
        (date(2026, 3, 23), F, c, _ack(date(2026, 3, 23))),
        (date(2026, 4, 2), A, c, None),
        (date(2026, 4, 10), A, c, _ack(date(2026, 4, 10))),
        (date(2026, 4, 13), A, c, Assign(owner_id=o.id)),
        (date(2026, 4, 20), B, c, None),
        (date(2026, 4, 20), A, o, handled),
        (date(2026, 4, 20), A, c, response),
        (date(2026, 4, 22), A, c, agrees),
        (date(2026, 4, 23), A, c, Close()),
        (date(2026, 4, 28), B, c, _ack(date(2026, 4, 28))),
        (date(2026, 4, 28), B, c, Assign(owner_id=o.id)),
        (date(2026, 4, 29), B, o, Escalate(reason="Klant wil geld terug")),
        (date(2026, 4, 30), B, dir_, Decide(choice="advies", text="Bied een nieuwe zool")),
        (date(2026, 5, 6), B, o, handled),
        (date(2026, 5, 6), B, c, response),
        (date(2026, 5, 7), C, c, None),
        (date(2026, 5, 8), B, c, Evaluate(outcome="Ontevreden", customer_agrees=False)),
        (date(2026, 5, 11), C, c, Assign(owner_id=o.id)),
        (date(2026, 5, 12), C, o, handled),
        (date(2026, 5, 12), C, c, response),
        (date(2026, 5, 18), C, c, _ack(date(2026, 5, 18))),
        (date(2026, 5, 18), C, c, agrees),
        (date(2026, 5, 19), C, c, Close()),
        (date(2026, 5, 20), C, c, Reopen(reason="Zool laat weer los")),
        (date(2026, 5, 22), C, o, handled),
        (date(2026, 5, 26), E, c, None),
        (date(2026, 5, 26), E, c, _ack(date(2026, 5, 26))),
        (date(2026, 5, 26), E, c, Assign(owner_id=other.id)),
        (date(2026, 5, 26), C, c, agrees),
        (date(2026, 5, 27), C, c, Close()),
        (date(2026, 5, 27), E, c, Letter("verlenging", {
            "reason": "Wacht op leverancier", "new_due": "2026-07-21", "method": "post"})),
        (date(2026, 5, 29), D, c, None),
        (date(2026, 6, 2), G, c, None),
    ]  # fmt: skip


async def _take(bot: Klachtenbot, who: Person, number: str, step: Action | Letter) -> None:
    if isinstance(step, Letter):  # written, then sent by post: that records its step
        assert bot.letters is not None
        draft = await bot.letters.write(who, number, BY_NAME[step.kind], step.values)
        await bot.letters.send(who, number, LetterMethod.POST, draft_id=draft)
    else:
        await bot.complaints.act(who, number, step)


async def walk(bot: Klachtenbot, team: Team, clock: Clock) -> None:
    """Every step on its day, at 09:00 UTC; the clock ends at the report's moment."""
    for day, number, who, step in _steps(team):
        clock.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
        if step is None:
            outcome = await bot.complaints.register(who, registration(**_REGISTRATIONS[number]))
            assert outcome.dossier.number == number
        else:
            # With a server running, the bot's own copy of a phone complaint may be filed
            # at the same moment: the step is tried again, as every chat does.
            await retried(lambda: _take(bot, who, number, step))  # noqa: B023
    clock.now = NOW
