"""Every card the bot can send, for the README's example dossier at every stage.

One walk through the procedure (Mevr. E. Bakker's shoe, K-2026-0001, as the README
walks it on the command line), drawn at each stage for each reader: the dossier's
card for the coordinator, the owner and the directie, the owner's direct message,
the directie's post, every thread line, every deadline notice, the lists, the
digest, every form and confirmation. Pure: no database, a fixed clock. The limits
test (`tests/cards/test_limits.py`) and `tools/render_cards` both draw from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from adapters.slack import blocks as slack
from adapters.slack.home import home_view
from adapters.slack.modals import FormContext, form_view
from adapters.teams import render as teams
from bot.outbox.mirror import ItemKind
from bot.outbox.mirror_checklist import ChecklistItem, MirrorState
from bot.rules.actions import (
    ACTIONS,
    Acknowledge,
    Action,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    ReportStatus,
)
from bot.rules.deadlines import DeadlineKind, Dropped, Due, Met
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.procedure import Change, apply, register
from bot.rules.roles import Role
from bot.settings import Settings
from bot.use_cases.ports import Deadline
from bot.use_cases.reminders.cards import Recipients, notices_for
from bot.use_cases.reminders.policy import NoticePeriods, Stage
from bot.use_cases.services import DossierView
from bot.views.cards import Card, FieldKind, Option
from bot.views.deliveries import directie_post, owner_dm, thread_line, unreachable
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import form
from bot.views.happened import essentials
from tests.helpers import registration

TERMS = Settings(database_url="sqlite://").terms
START = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday: the complaint came in by phone
ANNA = Person(id=1, name="Anna de Vries", roles=frozenset({Role.COORDINATOR}))
PIET = Person(id=2, name="Piet Jansen", roles=frozenset({Role.MEDEWERKER}))
DIRK = Person(id=3, name="Dirk Bos", roles=frozenset({Role.DIRECTIE}))
PEOPLE = {p.id: p for p in (ANNA, PIET, DIRK)}
READERS = {"coordinator": ANNA, "owner": PIET, "directie": DIRK}


@dataclass
class Walk:
    """The example dossier as it stands after each step: its timeline and deadlines."""

    change: Change
    timeline: list[Event] = field(default_factory=list)
    deadlines: dict[DeadlineKind, Deadline] = field(default_factory=dict)
    now: datetime = START

    def record(self, change: Change, actor: Person) -> None:
        self.change = change
        self.timeline.append(change.event(actor, self.now))
        for c in change.deadlines:
            if isinstance(c, Due):
                due_at = datetime.combine(c.due_on, datetime.min.time(), UTC) + timedelta(hours=23)
                self.deadlines[c.kind] = Deadline(
                    id=len(self.timeline) * 10 + len(self.deadlines),
                    dossier_number=change.dossier.number,
                    kind=c.kind,
                    due_on=c.due_on,
                    due_at=due_at,
                )
            elif c.kind in self.deadlines:
                old = self.deadlines[c.kind]
                stamp = {"met_at" if isinstance(c, Met) else "dropped_at": self.now}
                self.deadlines[c.kind] = old.model_copy(update=stamp)
                assert isinstance(c, Met | Dropped)

    def step(self, action: Action, actor: Person, hours: float = 1) -> None:
        self.now += timedelta(hours=hours)
        self.record(apply(self.change.dossier, action, actor, self.now, TERMS), actor)

    def view(self, **extra: Any) -> DossierView:
        return DossierView(
            dossier=self.change.dossier,
            timeline=list(self.timeline),
            deadlines=list(self.deadlines.values()),
            people=PEOPLE,
            committee=TERMS.committee,
            **extra,
        )


def _checklist(number: str, count: int) -> MirrorState:
    """The Orthomatic mirror by hand, with `count` items still to enter."""
    kinds = [ItemKind.DOSSIER, ItemKind.PINBOARD, *[ItemKind.CONTACT] * 10]
    texts = [
        "Klacht ontvangen op ma 23 november 2026 (telefonisch): Schoen knelt bij de wreef."
        " Sinds de aflevering drukt de schoen op de wreef.",
        "Kopie van de klacht",
        "Ontvangstbevestiging verstuurd per post",
        "Piet Jansen is eigenaar; afspraak in de winkel op di 1 december 2026",
    ]
    items = [
        ChecklistItem(
            id=30 + n,
            dossier_number=number,
            kind=kinds[n],
            date="2026-11-23",
            employee="Anna de Vries",
            text=texts[min(n, len(texts) - 1)],
            created_at=START,
        )
        for n in range(count)
    ]
    return MirrorState(delivered=0, unticked=items)


def walks() -> Iterator[tuple[str, DossierView]]:
    """The example dossier at every stage (and the variants the README calls common)."""
    action = registration(
        channel="telefoon", customer_email="e.bakker@example.nl", customer_address=None
    )
    first = register(action, ANNA, "K-2026-0001", START, TERMS)
    walk = Walk(first)
    walk.record(first, ANNA)
    mirror = _checklist("K-2026-0001", 2)
    yield "1-ontvangen", walk.view(mirror=mirror, email_letters=True)

    # The common case: the owner is assigned on the same call, before the letter goes out.
    early = Walk(walk.change, list(walk.timeline), dict(walk.deadlines), walk.now)
    early.step(Assign(owner_id=PIET.id, plan="winkel", planned_on=date(2026, 12, 1)), ANNA)
    yield (
        "2-toegewezen-voor-bevestiging",
        early.view(mirror=_checklist("K-2026-0001", 7), email_letters=True),
    )

    walk.step(Acknowledge(sent_on=date(2026, 11, 24), method="post"), ANNA, hours=24)
    yield "2-bevestigd", walk.view(mirror=_checklist("K-2026-0001", 3))
    walk.step(Assign(owner_id=PIET.id, plan="winkel", planned_on=date(2026, 12, 1)), ANNA)
    yield "3-toegewezen", walk.view()
    walk.step(ReportStatus(text="Klant komt donderdag"), PIET, hours=48)
    yield "4-in-behandeling", walk.view()
    walk.step(Escalate(reason="Klant wil geld terug"), PIET, hours=24)
    yield "5-bij-de-directie", walk.view()
    walk.step(Decide(choice="advies", text="Bied een nieuwe zool"), DIRK, hours=3)
    yield "6-besloten", walk.view()
    walk.step(MarkHandled(solution="Nieuwe zool geplaatst"), PIET, hours=48)
    yield "7-afgehandeld", walk.view()
    evaluated = Walk(walk.change, list(walk.timeline), dict(walk.deadlines), walk.now)
    evaluated.step(Evaluate(outcome="Tevreden", customer_agrees=True), ANNA, hours=24)
    yield "8-geevalueerd", evaluated.view()
    disagrees = Walk(walk.change, list(walk.timeline), dict(walk.deadlines), walk.now)
    disagrees.step(
        Evaluate(outcome="Zool zit nog niet goed", customer_agrees=False), ANNA, hours=24
    )
    yield "8-geevalueerd-niet-akkoord", disagrees.view()
    evaluated.step(Close(), ANNA)
    yield "9-gesloten", evaluated.view()


# The moment each stage is looked at: the morning after its last step, and one
# late look where the acknowledgement term has passed.
def moment(view: DossierView) -> datetime:
    return view.timeline[-1].at + timedelta(hours=2) if view.timeline else START


LATE = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@dataclass
class Drawn:
    """One card as each chat draws it."""

    name: str
    card: Card | None  # the core's card (None for a form or a text card)
    teams: dict[str, Any]
    slack: Any  # blocks for a message, a view for a modal or the App Home
    surface: str = "message"  # message | modal | home
    budget: bool = False  # a dossier card under the phone-width budget


def draw(name: str, card: Card, lang: str, *, budget: bool = False, number: str | None = None):
    return Drawn(
        name=name,
        card=card,
        teams=teams.render_card(card, lang, refresh=number),
        slack=slack.card_blocks(card, lang, version=1, number=number),
        budget=budget,
    )


def gallery(lang: str = "nl") -> Iterator[Drawn]:
    """Every card, named `what/stage/reader`."""
    views = list(walks())
    for stage, view in views:
        now = LATE if stage == "2-toegewezen-voor-bevestiging" else moment(view)
        for role, reader in READERS.items():
            card = dossier_card(view, reader, lang, now)
            yield draw(f"dossier/{stage}/{role}", card, lang, budget=True, number="K-2026-0001")
        if view.dossier.assignment and stage.startswith(("2-toegewezen", "3-")):
            yield draw(f"dm/{stage}/owner", owner_dm(view, PIET, lang, now), lang)
        if stage.startswith(("5-", "6-")):
            yield draw(f"directie/{stage}/directie", directie_post(view, lang), lang)
        event = view.timeline[-1]
        line = {
            "seq": event.seq,
            "actor": event.actor_name,
            "action": event.action,
            "state": event.to_state.value,
            "changed": event.from_state != event.to_state,
            "text": next(
                (
                    event.data[k]
                    for k in ("reason", "solution", "outcome", "text")
                    if event.data.get(k)
                ),
                None,
            ),
            "data": essentials(event.data),
        }
        shown = thread_line(line, lang, {p.id: p.name for p in PEOPLE.values()})
        yield Drawn(
            f"line/{stage}", shown, teams.line_card(shown, lang), slack.line_blocks(shown, lang)[1]
        )
    yield draw("unreachable", unreachable("Piet Jansen", "K-2026-0001", "Teams", lang), lang)
    by_stage = dict(views)
    for notice_stage in Stage:
        view = by_stage[
            {
                Stage.ACK_REMINDER: "1-ontvangen",
                Stage.ACK_ALARM: "2-toegewezen-voor-bevestiging",
                Stage.EVALUATION_REMINDER: "7-afgehandeld",
            }.get(notice_stage, "4-in-behandeling")
        ]
        kind = {
            Stage.ACK_REMINDER: DeadlineKind.ACKNOWLEDGEMENT,
            Stage.ACK_ALARM: DeadlineKind.ACKNOWLEDGEMENT,
            Stage.EVALUATION_REMINDER: DeadlineKind.EVALUATION,
            Stage.DECISION_WARNING: DeadlineKind.DECISION,
            Stage.DECISION_ALARM: DeadlineKind.DECISION,
        }.get(notice_stage, DeadlineKind.STATUS_CHECK)
        deadline = next(d for d in view.deadlines if d.kind is kind)
        to = Recipients(owner=PIET, lang=lang)
        for n, notice in enumerate(
            notices_for(notice_stage, deadline, view.dossier, to, NoticePeriods())
        ):
            yield draw(
                f"notice/{notice_stage.value}/{notice.audience.value}-{n}", notice.card, lang
            )
    open_views = [v for s, v in views if v.dossier.is_open]
    yield draw("list/open", list_card(open_views, lang), lang)
    yield draw("list/empty", list_card([], lang), lang)
    yield from forms(lang, by_stage)
    home = home_view(ANNA, open_views, lang, LATE)
    yield Drawn("home/coordinator", None, {}, home, surface="home")


def forms(lang: str, by_stage: dict[str, DossierView]) -> Iterator[Drawn]:
    owners = [Option(value=str(p.id), label=p.name) for p in PEOPLE.values()]
    escalated = by_stage["5-bij-de-directie"]
    for name, cls in ACTIONS.items():
        number = None if name == "register" else "K-2026-0001"
        view = escalated if cls is Decide else None
        the_form = form(cls, lang, number, today=START.date(), view=view)
        for shown in the_form.fields:
            if shown.kind is FieldKind.PERSON:  # the chat layer offers who may own it
                shown.options = owners
        yield Drawn(
            f"form/{name}",
            None,
            teams.render_form(the_form, lang),
            form_view(the_form, lang, FormContext(action=name, number=the_form.dossier_number)),
            surface="modal",
        )
