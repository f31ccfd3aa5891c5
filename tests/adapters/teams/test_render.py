"""The Adaptive Card renderer: valid 1.5 cards whatever the texts, every form, escaping."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from adapters.teams import render
from bot.rules.actions import AddNote, Register
from bot.rules.events import Event
from bot.rules.people import Person
from bot.rules.procedure import apply, register
from bot.rules.roles import Role
from bot.settings import Settings
from bot.use_cases.services import DossierView
from bot.views.cards import Button, Card, Confirm, Fact, FieldKind, Link, Option, Section
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import all_forms, form
from tests.adapters.teams.client import action_sets, actions, texts, valid_card
from tests.helpers import registration

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
COORDINATOR = Person(id=1, name="Anna de Vries", roles=frozenset({Role.COORDINATOR}))


def _view(text_size: int, steps: int) -> DossierView:
    terms = Settings(database_url="sqlite://").terms
    long = ("Zeer lange toelichting [link](https://x) " * 400)[:text_size]
    action = registration(details=long, remedy_requested=long)
    change = register(action, COORDINATOR, "K-2026-0001", NOW, terms)
    dossier, timeline = change.dossier, []
    for n in range(steps):
        change = apply(dossier, AddNote(text=long[:9000] or "x"), COORDINATOR, NOW, terms)
        dossier = change.dossier
        timeline.append(
            Event(
                dossier_number=dossier.number,
                seq=n + 2,
                at=NOW + timedelta(minutes=n),
                actor_id=1,
                actor_name="Anna de Vries",
                action="add_note",
                data=change.data,
                from_state=dossier.state,
                to_state=dossier.state,
            )
        )
    return DossierView(dossier=dossier, timeline=timeline, deadlines=[], people={1: COORDINATOR})


@pytest.mark.parametrize(("text_size", "steps"), [(0, 0), (10_000, 0), (10_000, 500), (200, 60)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dossier_cards_stay_valid_and_small_with_long_texts_and_timelines(text_size, steps, lang):
    view = _view(text_size, steps)
    card = valid_card(
        render.render_card(
            dossier_card(view, COORDINATOR, lang, NOW),
            lang,
            refresh="K-2026-0001",
            refresh_users=["29:anna"],
        )
    )
    if text_size > 2000:
        assert render.shorten("x" * 3000, 10, lang).endswith(("(ingekort)", "(shortened)"))
        assert "ingekort" in texts(card) or "shortened" in texts(card)
    if steps > 10:
        assert "eerdere stappen" in texts(card) or "earlier steps" in texts(card)


def test_a_huge_card_is_shrunk_until_it_fits():
    huge = Card(
        title="t" * 5000,
        facts=[Fact(label="l" * 500, value="v" * 5000) for _ in range(40)],
        sections=[Section(title="s", text="[x]" * 3000) for _ in range(30)],
        buttons=[Button(action="add_note", label=f"b{n}", value="K-1") for n in range(12)],
    )
    card = valid_card(render.render_card(huge))
    assert render.size(card) <= render.MAX_CARD_BYTES
    assert len(actions(card)) == 12  # all buttons stay, each within Teams' limit
    assert all(len(s["actions"]) <= render.MAX_ACTIONS for s in action_sets(card))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_form_of_the_core_renders_as_a_valid_card(lang):
    people = [Option(value="1", label="Anna de Vries"), Option(value="2", label="Piet Jansen")]
    for name, the_form in all_forms(lang).items():
        the_form.dossier_number = None if name == Register.name else "K-2026-0001"
        for field in the_form.fields:
            if field.kind is FieldKind.PERSON:  # the chat layer's list of who may own
                field.options = people
        card = valid_card(render.render_form(the_form, lang))
        submit = next(a for a in card["actions"] if a["verb"] == "submit")
        assert submit["data"]["klachtenbot"]["action"] == name
        assert submit["data"]["klachtenbot"]["nonce"]
        ids = [e["id"] for e in card["body"] if "id" in e]
        assert ids == [f.name for f in the_form.fields], name
        for field in (f for f in the_form.fields if f.kind is FieldKind.PERSON):
            [choice] = [e for e in card["body"] if e.get("id") == field.name]
            assert [(c["value"], c["title"]) for c in choice["choices"]] == [
                ("1", "Anna de Vries"),
                ("2", "Piet Jansen"),
            ]


def test_a_form_with_errors_shows_them_and_keeps_the_answers():
    the_form = form(Register)
    card = valid_card(
        render.render_form(
            the_form,
            values={"customer_name": "Mevr. [Bakker](https://x)", "received_on": "morgen"},
            errors={"received_on": "Geef een datum als JJJJ-MM-DD."},
            message="Niet alles is goed ingevuld.",
        )
    )
    name = next(e for e in card["body"] if e.get("id") == "customer_name")
    assert name["value"] == "Mevr. [Bakker](https://x)"  # an input's value is not markdown
    assert "Geef een datum als JJJJ\\-MM\\-DD." in texts(card) or "JJJJ" in texts(card)
    assert "Niet alles is goed ingevuld." in texts(card)


def test_two_renderings_of_a_form_have_different_nonces():
    first, second = (render.render_form(form(Register)) for _ in range(2))
    assert first["actions"][0]["data"] != second["actions"][0]["data"]


def test_confirm_list_and_text_cards_are_valid():
    button = Button(
        action="close",
        label="Dossier sluiten",
        value="K-2026-0001",
        confirm=Confirm(title="Sluiten", text="Zeker?", yes="Ja", no="Nee"),
    )
    card = valid_card(render.confirm_card(button, "nl"))
    assert [a["verb"] for a in card["actions"]] == ["open", "cancel"]
    valid_card(render.render_card(list_card([_view(100, 0)] * 30)))
    valid_card(render.render_card(list_card([])))
    valid_card(render.text_card("Titel", ["regel een", "regel twee"]))


def test_escape_makes_markdown_literal():
    assert render.escape("[a](b)") == "\\[a\\]\\(b\\)"
    assert render.escape("<at>Dirk</at>") == "\\<at\\>Dirk\\</at\\>"
    assert render.escape("*vet* _schuin_") == "\\*vet\\* \\_schuin\\_"
    assert render.escape("- a\n1. b") == "\\- a\n1\\. b"
    assert render.escape("K-2026-0001 om 10.00") == "K-2026-0001 om 10.00"  # ordinary text stays


def _opened(card: dict) -> list[tuple[str, str]]:
    return [(a["title"], a["url"]) for a in actions(card) if a["type"] == "Action.OpenUrl"]


def test_links_open_in_the_browser_and_only_web_addresses_become_buttons():
    card = Card(
        title="Klacht",
        links=[
            Link(label="brief.pdf", url="https://klachten.example/documenten/abc.def"),
            Link(label="x", url="javascript:alert(1)"),
            Link(label="y", url="https://klachten.example/een spatie"),
            Link(label="z", url="https://klachten.example/a\nb"),
            Link(label="lang", url="https://klachten.example/" + "a" * render.MAX_URL),
            Link(label='"aanhalingstekens"\n}]', url='https://klachten.example/?q="}]'),
        ],
    )
    rendered = valid_card(render.render_card(card))
    assert _opened(rendered) == [
        ("brief.pdf", "https://klachten.example/documenten/abc.def"),
        ('"aanhalingstekens" }]', 'https://klachten.example/?q="}]'),
    ]
    assert json.loads(json.dumps(rendered)) == rendered
    protocol = valid_card(render.text_card("Protocol", ["tekst"], links=card.links[:1]))
    assert _opened(protocol) == [("brief.pdf", "https://klachten.example/documenten/abc.def")]


def test_a_notes_links_sit_under_it_and_the_cards_own_after_its_sections():
    card = Card(
        title="Klacht",
        sections=[Section(title="Verloop", text="geregistreerd")],
        buttons=[Button(action="add_note", label=f"b{n}", value="K-1") for n in range(7)],
        links=[Link(label="protocol", url="https://klachten.example/protocol.pdf")],
    )
    rendered = valid_card(
        render.render_card(
            card,
            note=render.banner("De documenten", good=True),
            note_links=[Link(label="brief.pdf", url="https://klachten.example/d/1")],
        )
    )
    body = rendered["body"]
    assert body[0]["items"][0]["text"] == "De documenten"
    assert body[1] == {
        "type": "ActionSet",
        "actions": [
            {"type": "Action.OpenUrl", "title": "brief.pdf", "url": "https://klachten.example/d/1"}
        ],
    }
    assert body[-1]["actions"][0]["title"] == "protocol"
    # The buttons keep their own place and limit, the links do not push them away.
    assert len(actions(rendered)) == 9
    assert all(len(s["actions"]) <= render.MAX_ACTIONS for s in action_sets(rendered))


def test_more_links_than_fit_are_left_out_and_the_card_says_how_many():
    many = [
        Link(label=f"scan-{n}.pdf", url=f"https://klachten.example/documenten/{n}" + "x" * 1900)
        for n in range(40)
    ]
    huge = Card(
        title="t" * 5000,
        facts=[Fact(label="l" * 500, value="v" * 5000) for _ in range(40)],
        sections=[Section(title="s", text="[x]" * 3000) for _ in range(30)],
        buttons=[Button(action="add_note", label=f"b{n}", value="K-1") for n in range(12)],
        links=many[20:],
    )
    card = valid_card(render.render_card(huge, note=render.banner("n"), note_links=many[:20]))
    assert render.size(card) <= render.MAX_CARD_BYTES
    kept = _opened(card)
    assert 0 < len(kept) < 40
    assert kept == [(link.label, link.url) for link in many[: len(kept)]]  # the first ones stay
    assert f"Nog {40 - len(kept)} link(s) passen niet" in texts(card).replace("\\", "")
    assert len(actions(card)) - len(kept) == 12  # no button is lost
