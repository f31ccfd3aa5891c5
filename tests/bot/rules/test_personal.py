"""What is personal in a dossier, the hold, and the dossier after anonymisation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.rules.actions import AddNote, Close, Evaluate, LiftHold, MarkHandled, Reopen, SetHold
from bot.rules.errors import Refused
from bot.rules.personal import anonymised, split_event_data
from bot.rules.procedure import apply, available_actions, register
from bot.settings import Settings
from tests.adapters.teams.test_parity import COORDINATOR, NOW, OWNER
from tests.helpers import registration

TERMS = Settings(database_url="sqlite://").terms
LATER = datetime(2029, 1, 1, tzinfo=UTC)


def test_an_events_data_keeps_only_the_fields_named_plain():
    data = registration().model_dump(mode="json")
    plain, personal = split_event_data("register", data)
    assert set(plain) == {"channel", "received_on", "severity", "practitioner", "product"}
    assert {"customer_name", "customer_number", "summary", "details"} <= set(personal)
    assert {**plain, **personal} == data
    assert split_event_data("evaluate", {"outcome": "Blij", "customer_agrees": True}) == (
        {"customer_agrees": True},
        {"outcome": "Blij"},
    )
    # A step this module does not know yet: everything is personal until decided otherwise.
    assert split_event_data("new_step", {"what": "x"}) == ({}, {"what": "x"})


def _closed():  # type: ignore[no-untyped-def]
    d = register(registration(), COORDINATOR, "K-2026-0001", NOW, TERMS).dossier
    from bot.rules.actions import Acknowledge, Assign

    for actor, action in (
        (COORDINATOR, Acknowledge(sent_on=NOW.date(), method="post")),
        (COORDINATOR, Assign(owner_id=OWNER.id)),
        (OWNER, MarkHandled(solution="Zool vervangen")),
        (COORDINATOR, Evaluate(outcome="Tevreden", remarks="Blij", customer_agrees=True)),
        (COORDINATOR, Close()),
    ):
        d = apply(d, action, actor, NOW, TERMS).dossier
    return d


def test_the_coordinator_holds_a_closed_dossier_and_lifts_it():
    d = _closed()
    held = apply(d, SetHold(reason="Geschillencommissie"), COORDINATOR, NOW, TERMS).dossier
    assert held.hold is not None and held.hold.by_id == COORDINATOR.id
    with pytest.raises(Refused) as refused:
        apply(d, SetHold(reason="x"), OWNER, NOW, TERMS)
    assert refused.value.key == "role.forbidden"
    assert apply(held, LiftHold(), COORDINATOR, NOW, TERMS).dossier.hold is None
    with pytest.raises(Refused) as refused:
        apply(d, LiftHold(), COORDINATOR, NOW, TERMS)
    assert refused.value.key == "hold.none"
    assert SetHold not in available_actions(COORDINATOR, d)  # no button: a word in the chat


def test_an_anonymised_dossier_keeps_what_reports_count_and_takes_no_step():
    d = apply(_closed(), SetHold(reason="x"), COORDINATOR, NOW, TERMS).dossier
    gone = anonymised(d, LATER, COORDINATOR.id, "Verzoek")
    assert gone.customer.model_dump(exclude_none=True) == {"name": ""}
    assert (gone.complaint.summary, gone.complaint.details, gone.solution) == ("", None, None)
    assert gone.evaluation is not None and gone.evaluation.customer_agrees
    assert (gone.evaluation.outcome, gone.evaluation.remarks) == ("", None)
    assert gone.complaint.product == d.complaint.product and gone.hold is None
    assert (gone.number, gone.state, gone.received_on, gone.closed_at) == (
        d.number, d.state, d.received_on, d.closed_at
    )  # fmt: skip
    assert available_actions(COORDINATOR, gone) == []
    for action in (Reopen(reason="x"), AddNote(text="x"), SetHold(reason="x")):
        with pytest.raises(Refused) as refused:
            apply(gone, action, COORDINATOR, NOW, TERMS)
        assert refused.value.key == "dossier.anonymised"
