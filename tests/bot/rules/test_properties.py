"""Property-based: random sequences of actions by random people, on a real SQLite database.

Whatever happens, the procedure's invariants hold: never closed without the
customer's agreement, the timeline only grows, deadlines match the state,
dossier numbers are unique, and a refused action writes nothing.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.entry.bootstrap import build
from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    ExtendTerm,
    MarkHandled,
    PlanContact,
    Reopen,
    ReportStatus,
    Respond,
)
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import State
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM
from bot.rules.roles import Role
from bot.settings import Settings
from storage.migrate import upgrade
from tests.helpers import registration

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PEOPLE = ("coordinator", "owner", "other", "directie", "beheerder", "system")
# Mostly the people who can act, so that walks get far into the procedure.
ACTORS = ("coordinator",) * 5 + ("owner",) * 4 + ("directie",) * 2 + PEOPLE


def actions(ids: dict[str, int]) -> st.SearchStrategy:
    staff = st.sampled_from([ids["owner"]] * 3 + [ids["other"], ids["directie"], ids["beheerder"]])
    day = st.dates(min_value=date(2026, 11, 20), max_value=date(2027, 3, 1))
    early = st.dates(min_value=date(2026, 11, 20), max_value=date(2026, 11, 25))
    # Any text a field accepts: no control characters or lone surrogates (bot.fields).
    typed = st.characters(blacklist_categories=("Cc", "Cs"))
    text = st.text(typed, min_size=1, max_size=20).filter(str.strip)
    return st.one_of(
        st.builds(Acknowledge, sent_on=early, method=st.sampled_from(["email", "post"])),
        st.builds(Assign, owner_id=staff),
        st.builds(PlanContact, plan=st.sampled_from(["winkel", "huisbezoek"]), planned_on=day),
        st.builds(AddNote, text=text),
        st.builds(ReportStatus, text=text),
        st.builds(Escalate, reason=text),
        st.builds(Decide, choice=st.sampled_from(["advies", "directie_neemt_over"]), text=text),
        st.builds(Decide, choice=st.just("nieuwe_eigenaar"), text=text, new_owner_id=staff),
        st.builds(MarkHandled, solution=text),
        st.builds(Evaluate, outcome=text, customer_agrees=st.booleans()),
        st.builds(Close),
        st.builds(Reopen, reason=text),
        st.builds(
            ExtendTerm,
            reason=text,
            new_due=day,
            method=st.just("post"),
            document_id=st.sampled_from([None, 1]),
        ),
        st.builds(Respond, text=text, method=st.just("email"), document_id=st.just(1)),
    )


def happy_path(state: State, ids: dict[str, int]) -> st.SearchStrategy:
    """The next step a real coordinator would take, with the right person, to reach far."""
    steps = {
        State.ONTVANGEN: [("coordinator", st.builds(Assign, owner_id=st.just(ids["owner"])))],
        State.TOEGEWEZEN: [("owner", st.builds(ReportStatus, text=st.just("loopt")))],
        State.IN_BEHANDELING: [("owner", st.builds(MarkHandled, solution=st.just("zool")))],
        State.GEESCALEERD: [
            ("directie", st.builds(Decide, choice=st.just("advies"), text=st.just("korting")))
        ],
        State.AFGEHANDELD: [
            (
                "coordinator",
                st.builds(Evaluate, outcome=st.just("ok"), customer_agrees=st.booleans()),
            )
        ],
        State.GEEVALUEERD: [("coordinator", st.builds(Close))],
        State.GESLOTEN: [("coordinator", st.builds(Reopen, reason=st.just("terug")))],
    }
    acknowledge = st.builds(
        Acknowledge, sent_on=st.just(date(2026, 11, 24)), method=st.just("post")
    )
    return st.one_of(
        *(st.tuples(st.just(who), action) for who, action in steps[state]),
        st.tuples(st.just("coordinator"), acknowledge),
    )


class World:
    """One database for the whole run, so numbers must stay unique across examples."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        self.url = f"sqlite:///{self.folder.name}/properties.db"
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(upgrade(self.url))
        self.bot = build(Settings(database_url=self.url))
        self.now = START
        self.bot.complaints.clock = lambda: self.now
        self.people = {}
        for name, role in zip(
            PEOPLE[:-1],
            ["coordinator", "medewerker", "medewerker", "directie", "beheerder"],
            strict=True,
        ):
            person = self.run(self.bot.staff.add(None, name, [Role(role)]))
            self.people[name] = person
        self.people["system"] = SYSTEM
        self.numbers: list[str] = []

    def run(self, coroutine):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(coroutine)


WORLD: World | None = None


def world() -> World:
    global WORLD
    if WORLD is None:
        WORLD = World()
    return WORLD


def check_invariants(view, previous_timeline) -> None:  # type: ignore[no-untyped-def]
    d = view.dossier
    if d.state is State.GESLOTEN:
        assert d.customer_agreed and d.acknowledgement is not None
    seqs = [e.seq for e in view.timeline]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == d.version
    assert view.timeline[: len(previous_timeline)] == previous_timeline
    pending = [x for x in view.deadlines if x.pending]
    kinds = [x.kind for x in pending]
    assert len(kinds) == len(set(kinds)), "one pending deadline per kind"
    if d.state is State.GESLOTEN:
        assert not pending
    else:
        assert (DeadlineKind.ACKNOWLEDGEMENT in kinds) == (d.acknowledgement is None)
    if DeadlineKind.STATUS_CHECK in kinds:
        assert d.state in (State.TOEGEWEZEN, State.IN_BEHANDELING)
    if DeadlineKind.EVALUATION in kinds:
        assert d.state is State.AFGEHANDELD


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_random_walks_keep_the_invariants(data) -> None:  # type: ignore[no-untyped-def]
    w = world()
    ids = {name: p.id for name, p in w.people.items()}
    c = w.bot.complaints
    number = w.run(c.register(w.people["coordinator"], registration())).dossier.number
    w.numbers.append(number)
    assert len(w.numbers) == len(set(w.numbers))
    coordinator = w.people["coordinator"]
    timeline = w.run(c.view(coordinator, number)).timeline

    for _ in range(data.draw(st.integers(1, 30))):
        if data.draw(st.booleans()):
            state = w.run(c.view(coordinator, number)).dossier.state
            who, action = data.draw(happy_path(state, ids))
            actor = w.people[who]
        else:
            actor = w.people[data.draw(st.sampled_from(ACTORS))]
            action = data.draw(actions(ids))
        w.now += timedelta(hours=data.draw(st.integers(0, 72)))
        before = w.run(c.view(coordinator, number))
        try:
            w.run(c.act(actor, number, action))
        except Refused:
            after = w.run(c.view(coordinator, number))
            assert after.dossier == before.dossier and after.timeline == before.timeline
            assert after.deadlines == before.deadlines
        view = w.run(c.view(coordinator, number))
        check_invariants(view, timeline)
        event(f"state {view.dossier.state.value}")
        timeline = view.timeline
