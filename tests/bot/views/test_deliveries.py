"""What the bot's own posts show: decided in the core, from the procedure's permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.rules.actions import Assign, Decide, Escalate
from bot.rules.deadlines import DeadlineKind
from bot.rules.procedure import apply, available_actions, register
from bot.settings import Settings
from bot.use_cases.ports import Deadline
from bot.use_cases.services import DossierView
from bot.views.deliveries import directie_post, owner_dm
from tests.adapters.teams.test_parity import COORDINATOR, DIRECTIE, NOW, OWNER
from tests.helpers import registration

TERMS = Settings(database_url="sqlite://").terms


def _deadline(kind: DeadlineKind, due_on: date, met: bool = False) -> Deadline:
    due_at = datetime(due_on.year, due_on.month, due_on.day, 23, tzinfo=UTC)
    return Deadline(
        id=1,
        dossier_number="K-2026-0001",
        kind=kind,
        due_on=due_on,
        due_at=due_at,
        met_at=NOW if met else None,
    )


def test_the_owners_dm_asks_what_and_by_when_and_offers_the_owners_steps():
    dossier = register(registration(), COORDINATOR, "K-2026-0001", NOW, TERMS).dossier
    assign = Assign(owner_id=OWNER.id, plan="huisbezoek", planned_on=date(2026, 12, 2))
    dossier = apply(dossier, assign, COORDINATOR, NOW, TERMS).dossier
    deadlines = [
        _deadline(DeadlineKind.ACKNOWLEDGEMENT, date(2026, 11, 30)),  # the coordinator's
        _deadline(DeadlineKind.DECISION, date(2027, 1, 4)),
        _deadline(DeadlineKind.STATUS_CHECK, date(2026, 12, 8)),
        _deadline(DeadlineKind.STATUS_CHECK, date(2026, 12, 1), met=True),
    ]
    view = DossierView(dossier=dossier, timeline=[], deadlines=deadlines)
    card = owner_dm(view, OWNER, "nl", NOW)
    assert card.title == "U bent eigenaar van klacht K-2026-0001"
    assert card.subtitle is not None and "wo 2 december 2026" in card.subtitle
    facts = {f.label: f for f in card.facts}
    assert facts["Klant"].value == "Mevr. E. Bakker (10234)"
    # The owner's job is to call the customer: the number is there, dialable at a tap.
    assert facts["Telefoon"].value == "06-12345678" and facts["Telefoon"].link == "tel:0612345678"
    # The owner's own deadline (not the coordinator's acknowledgement), with days left.
    assert [h.text for h in card.headlines] == [
        "Statuscheck eigenaar: uiterlijk di 8 december 2026, nog 10 werkdagen"
    ]
    assert card.sections[0].text.startswith("Schoen knelt bij de wreef\nSinds de aflevering")
    shown = [b.action for b in card.all_buttons]
    assert sorted(shown) == sorted(a.name for a in available_actions(OWNER, dossier))
    assert "assign" not in shown
    # The visit is planned: next is reporting how it went, first and highlighted.
    assert [(b.action, b.style.value) for b in card.buttons] == [("mark_handled", "primary")]
    assert all(b.style.value == "default" for b in card.more)
    english = owner_dm(view, OWNER, "en", NOW)
    assert english.title == "You own complaint K-2026-0001"


def test_the_directie_is_offered_its_choices_only_while_the_decision_is_open():
    dossier = register(registration(), COORDINATOR, "K-2026-0001", NOW, TERMS).dossier
    dossier = apply(dossier, Assign(owner_id=OWNER.id), COORDINATOR, NOW, TERMS).dossier
    dossier = apply(dossier, Escalate(reason="Geld terug"), OWNER, NOW, TERMS).dossier
    card = directie_post(DossierView(dossier=dossier, timeline=[], deadlines=[]), "nl")
    assert [b.data["choice"] for b in card.buttons] == [
        "nieuwe_eigenaar",
        "directie_neemt_over",
        "advies",
    ]
    assert [h.text for h in card.headlines] == ["Waarom: Geld terug"]
    assert [b.label for b in card.buttons] == [
        "Nieuwe eigenaar",
        "Directie neemt over",
        "Advies aan de eigenaar",
    ]
    decided = apply(dossier, Decide(choice="advies", text="Zo"), DIRECTIE, NOW, TERMS).dossier
    late = directie_post(DossierView(dossier=decided, timeline=[], deadlines=[]), "nl")
    assert late.buttons == []
