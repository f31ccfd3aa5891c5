"""Block Kit: escaping and Slack's limits, for every screen the bot can produce."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from adapters.slack.blocks import card_blocks, escape, fit, line_blocks
from adapters.slack.home import home_view
from adapters.slack.modals import FormContext, form_view, inline_errors, read_values
from bot.rules.actions import ACTIONS, AddNote, Register
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import (
    Complaint,
    Customer,
    Dossier,
    Escalation,
    IntakeChannel,
    State,
)
from bot.rules.errors import Refused
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.validation import parse
from bot.use_cases.ports import Deadline
from bot.use_cases.services import DossierView
from bot.views.cards import Button, Card, Fact, Section
from bot.views.deliveries import coordinators_card, directie_post, owner_dm, thread_line
from bot.views.forms import form
from tests.adapters.slack.block_rules import problems_in_message, problems_in_view

NASTY = "<!channel> <@U123> <https://x|y> & <!here> <#C1>"
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def a_dossier(summary: str = NASTY, details: str | None = NASTY, **changes) -> Dossier:  # type: ignore[no-untyped-def]
    return Dossier(
        number="K-2026-0007",
        state=changes.pop("state", State.ONTVANGEN),
        channel=IntakeChannel.TELEFOON,
        received_on=date(2026, 11, 23),
        registered_at=NOW,
        registered_by_id=1,
        customer=Customer(name=NASTY, phone="06"),
        complaint=Complaint(summary=summary, details=details, practitioner=NASTY, product=NASTY),
        decision_due=date(2027, 1, 4),
        **changes,
    )


def a_view(dossier: Dossier, notes: int = 0, text: str = NASTY) -> DossierView:
    timeline = [
        Event(
            dossier_number=dossier.number,
            seq=i + 1,
            at=NOW,
            actor_id=1,
            actor_name=NASTY,
            action=AddNote.name,
            data={"text": text},
            from_state=dossier.state,
            to_state=dossier.state,
        )
        for i in range(notes)
    ]
    deadlines = [
        Deadline(
            id=1,
            dossier_number=dossier.number,
            kind=DeadlineKind.ACKNOWLEDGEMENT,
            due_on=date(2026, 11, 30),
            due_at=datetime(2026, 11, 30, 23, 0, tzinfo=UTC),
        )
    ]
    people = {1: Person(id=1, name=NASTY, roles=frozenset({Role.COORDINATOR}))}
    return DossierView(dossier, timeline, deadlines, people)


def test_escape_makes_mentions_and_links_inert():
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_fit_never_leaves_half_an_escape():
    text = escape("a" * 10 + "&" * 50)
    cut = fit(text, 30, "[…]")
    assert len(cut) <= 30 and cut.endswith("[…]")
    assert not cut.removesuffix(" […]").rstrip("amp;&").endswith("&am")
    assert all(part.startswith("amp;") for part in cut.removesuffix(" […]").split("&")[1:])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_user_text_shows_literally_on_every_screen(lang):
    dossier = a_dossier(escalation=Escalation(reason=NASTY, escalated_at=NOW, by_id=1))
    view = a_view(dossier, notes=3)
    owner = Person(id=2, name="Piet", roles=frozenset({Role.MEDEWERKER}))
    for card in (
        coordinators_card(view, lang),
        owner_dm(view, owner, lang),
        directie_post(view, lang),
    ):
        blocks = card_blocks(card, lang, version=1, number=dossier.number)
        assert problems_in_message(blocks) == []
        text = json.dumps(blocks)
        assert "&lt;!channel&gt;" in text and "&lt;@U123&gt;" in text
        assert "&lt;https://x|y&gt;" in text
    line = thread_line(
        {"actor": NASTY, "action": "escalate", "state": "x", "changed": True, "text": NASTY}, lang
    )
    text, blocks = line_blocks(line, lang)
    assert problems_in_message(blocks) == []
    assert text.count("&lt;!channel&gt;") == 2 and "<" not in text


def test_a_very_long_timeline_and_text_stay_within_the_limits():
    long_text = ("Lange toelichting " + NASTY + " ") * 400  # ~25,000 characters
    dossier = a_dossier(summary="x" * 200, details=long_text)
    view = a_view(dossier, notes=500, text=long_text)
    blocks = card_blocks(coordinators_card(view, "nl"), "nl", version=3, number=dossier.number)
    assert problems_in_message(blocks) == []
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section" and "text" in b]
    assert max(len(s) for s in sections) <= 3000
    assert any(s.endswith("(ingekort)") for s in sections)
    assert "eerdere stappen" in json.dumps(blocks)


def test_too_many_sections_are_cut_with_a_marker_and_the_buttons_kept():
    card = Card(
        title="T" * 400,
        facts=[Fact(label=f"f{i}", value="v" * 3000) for i in range(25)],
        sections=[Section(title=f"s{i}", text="t") for i in range(120)],
        buttons=[Button(action="add_note", label="L" * 200, value="K-2026-0001")] * 30,
    )
    for limit in (50, 100):
        blocks = card_blocks(card, "nl", version=1, number="K-2026-0001", max_blocks=limit)
        assert len(blocks) == limit
        if limit == 50:
            assert problems_in_message(blocks) == []
        assert "/klacht toon K-2026-0001" in json.dumps(blocks[-1])
        # The buttons sit right under the title, so the cut never takes them.
        assert [b["type"] for b in blocks[1:3]] == ["actions", "actions"]
        ids = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
        assert len(ids) == len(set(ids)) == 30
        assert all(len(e["text"]["text"]) <= 75 for b in blocks[1:3] for e in b["elements"])
    assert len(blocks[0]["text"]["text"]) <= 150


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_form_is_a_valid_modal(action, lang):
    view = form_view(
        form(ACTIONS[action], lang, "K-2026-0001"),
        lang,
        FormContext(action, "K-2026-0001", 4),
        {"choice": "advies", "received_on": "2026-11-24"},
    )
    assert problems_in_view(view) == []
    assert FormContext.load(view["private_metadata"]) == FormContext(action, "K-2026-0001", 4)


def test_a_submitted_modal_reads_back_into_the_action():
    the_form = form(Register, "nl")
    state = {
        "channel": {"value": {"type": "static_select", "selected_option": {"value": "brief"}}},
        "received_on": {"value": {"type": "datepicker", "selected_date": "2026-11-20"}},
        "customer_name": {"value": {"type": "plain_text_input", "value": "Mevr. Bakker"}},
        "customer_email": {"value": {"type": "plain_text_input", "value": None}},
        "customer_address": {"value": {"type": "plain_text_input", "value": "Dorpsstraat 1"}},
        "summary": {"value": {"type": "plain_text_input", "value": "Zool laat los"}},
    }
    values = read_values(the_form, state)
    assert "customer_email" not in values
    action = parse(Register, values)
    assert action.channel.value == "brief" and action.received_on == date(2026, 11, 20)


def test_refusals_land_under_their_fields():
    the_form = form(Register, "nl")
    with pytest.raises(Refused) as refusal:
        parse(Register, {"customer_name": "x", "summary": "y", "received_on": "gisteren"})
    errors = inline_errors(refusal.value, the_form, "nl")
    assert errors is not None
    assert set(errors) <= {f.name for f in the_form.fields}
    assert "JJJJ-MM-DD" in errors["received_on"]
    with pytest.raises(Refused) as refusal:
        parse(
            Register,
            {"customer_name": "x", "summary": "y", "received_on": "2026-11-20", "channel": "brief"},
        )
    assert "customer_email" in (inline_errors(refusal.value, the_form, "nl") or {})


def test_the_app_home_stays_within_the_limits_with_many_dossiers():
    coordinator = Person(id=1, name="Anna", roles=frozenset({Role.COORDINATOR}))
    views = [
        a_view(a_dossier(state=state).model_copy(update={"number": f"K-2026-{i:04d}"}))
        for i, state in enumerate(list(State)[:-1] * 40)
    ]
    home = home_view(coordinator, views, "nl", NOW)
    assert problems_in_view(home) == []
    assert "en nog " in json.dumps(home)
    for person in (
        Person(id=1, name="Piet", roles=frozenset({Role.MEDEWERKER})),
        Person(id=9, name="Dirk", roles=frozenset({Role.DIRECTIE})),
        None,
    ):
        assert problems_in_view(home_view(person, views, "en", NOW)) == []
