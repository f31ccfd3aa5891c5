"""Every action of the core, and every card task, can be reached from Teams (docs/parity.md
lists how)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from adapters.teams import render
from bot.chat.commands import Command, Verb, command
from bot.outbox.mirror import ItemKind
from bot.outbox.mirror_checklist import ChecklistItem, MirrorState
from bot.rules.actions import (
    ACTIONS,
    Acknowledge,
    Assign,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    Register,
)
from bot.rules.people import Person
from bot.rules.procedure import apply, register
from bot.rules.roles import Role
from bot.settings import Settings
from bot.use_cases.letters.drafts import Draft
from bot.use_cases.services import DossierView
from bot.use_cases.tasks import TASKS
from bot.views.dossier_card import dossier_card
from bot.views.forms import form
from tests.adapters.teams.client import actions, valid_card
from tests.helpers import registration

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
COORDINATOR = Person(id=1, name="Anna", roles=frozenset({Role.COORDINATOR}))
OWNER = Person(id=2, name="Piet", roles=frozenset({Role.MEDEWERKER}))
DIRECTIE = Person(id=3, name="Dirk", roles=frozenset({Role.DIRECTIE}))


def _reachable_on_cards() -> set[str]:
    """Walk a dossier through the procedure; collect the actions its Teams cards offer."""
    terms = Settings(database_url="sqlite://").terms
    action = registration(customer_email="klant@example.nl", customer_address="Dorpsstraat 3")
    dossier = register(action, COORDINATOR, "K-2026-0001", NOW, terms).dossier
    # The Orthomatic mirror by hand, with an item to tick off; e-mail switched on.
    item = ChecklistItem(
        id=7,
        dossier_number=dossier.number,
        kind=ItemKind.DOSSIER,
        date="2026-11-23",
        employee="Anna",
        text="Klacht geregistreerd",
        created_at=NOW,
    )
    mirror = MirrorState(unticked=[item])
    steps = [
        (Acknowledge(sent_on=date(2026, 11, 24), method="email"), COORDINATOR),
        (Assign(owner_id=OWNER.id), COORDINATOR),
        (Escalate(reason="Lukt niet"), OWNER),
        (Decide(choice="advies", text="Zo doen"), DIRECTIE),
        (MarkHandled(solution="Aangepast"), OWNER),
        (Evaluate(outcome="Tevreden", customer_agrees=True), COORDINATOR),
    ]
    offered: set[str] = set()
    for step in [*steps, None]:
        # A progress message written to go by post: the draft's own buttons too.
        draft = Draft(id=1, dossier_number=dossier.number, kind="voortgangsbericht",
                      fields={"text": "x", "method": "post"}, created_by_id=COORDINATOR.id,
                      created_at=NOW) if step is None else None  # fmt: skip
        view = DossierView(
            dossier=dossier, timeline=[], deadlines=[], mirror=mirror, email_letters=True,
            draft=draft,
        )  # fmt: skip
        for viewer in (COORDINATOR, OWNER, DIRECTIE):
            card = valid_card(render.render_card(dossier_card(view, viewer, "nl", NOW)))
            offered |= {a["data"]["klachtenbot"]["action"] for a in actions(card) if "data" in a}
        if step:
            dossier = apply(dossier, step[0], step[1], NOW, terms).dossier
    return offered


def test_every_core_action_is_reachable_from_teams():
    offered = _reachable_on_cards()
    # Registration starts from the command menu: "klacht nieuw" answers with its form.
    assert command("klacht nieuw") == Command(Verb.NEW)
    register_form = valid_card(render.render_form(form(Register)))
    offered |= {a["data"]["klachtenbot"]["action"] for a in register_form["actions"]}
    assert set(ACTIONS) <= offered, sorted(set(ACTIONS) - offered)


def test_every_card_task_is_reachable_from_teams():
    offered = _reachable_on_cards()
    assert offered >= TASKS, sorted(TASKS - offered)
    # A click names the task as the action; no step of the procedure has that name.
    assert not TASKS & set(ACTIONS)
    # "klacht protocol" is a command, answered with the text (and the PDF when links are on).
    assert command("klacht protocol") == Command(Verb.PROTOCOL)


def test_every_action_has_a_form_that_teams_can_submit():
    for name, cls in ACTIONS.items():
        card = valid_card(render.render_form(form(cls, "nl", None if cls is Register else "K-1")))
        [submit] = [a for a in card["actions"] if a["verb"] == "submit"]
        assert submit["data"]["klachtenbot"]["action"] == name
