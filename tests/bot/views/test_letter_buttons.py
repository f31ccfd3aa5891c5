"""The card offers a letter only as it can go: e-mail with an address and e-mail on, post
with a postal address; a customer no letter can reach gets none, and the card says why."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.rules.actions import Assign
from bot.rules.deadlines import Terms
from bot.rules.people import Person
from bot.rules.procedure import apply, register
from bot.rules.roles import Role
from bot.use_cases.letters.drafts import Draft
from bot.use_cases.services import DossierView
from bot.views.dossier_card import dossier_card
from tests.helpers import registration

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANNA = Person(id=1, name="Anna", roles=frozenset({Role.COORDINATOR}))
PIET = Person(id=2, name="Piet", roles=frozenset({Role.MEDEWERKER}))


def card(email_letters: bool = True, draft: Draft | None = None, viewer: Person = ANNA, **customer):  # type: ignore[no-untyped-def]
    d = register(registration(**customer), ANNA, "K-2026-0001", NOW, Terms()).dossier
    d = apply(d, Assign(owner_id=PIET.id), ANNA, NOW, Terms()).dossier
    view = DossierView(
        dossier=d, timeline=[], deadlines=[], email_letters=email_letters, draft=draft
    )
    return dossier_card(view, viewer, "nl", NOW)


def tasks(shown) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.action, b.data.get("letter", "")) for b in shown.all_buttons]


def test_post_is_offered_only_with_a_postal_address() -> None:
    by_mail = tasks(card(customer_email="e@example.nl"))
    assert ("letter_email", "") in by_mail and ("letter_post", "") not in by_mail
    both = tasks(card(customer_email="e@example.nl", customer_address="Dorpsstraat 3"))
    assert ("letter_email", "") in both and ("letter_post", "") in both
    assert ("letter_write", "voortgangsbericht") in both and ("respond", "") in both


def test_a_customer_no_letter_can_reach_is_offered_none_and_the_card_says_why() -> None:
    shown = card(customer_email=None, customer_address=None, customer_phone="06-12345678")
    assert not [a for a, _ in tasks(shown) if a.startswith("letter_") or a == "respond"]
    [section] = [s for s in shown.sections if s.title == "Brieven aan de klant"]
    assert "geen postadres" in section.text and "Gegevens aanvullen" in section.text
    # E-mail off and no postal address: the same, saying that e-mail is off.
    off = card(email_letters=False, customer_email="e@example.nl", customer_address=None)
    assert "e-mail staat uit" in " ".join(s.text for s in off.sections)
    # Only the coordinator is told; the owner's card says nothing about it.
    owner = card(customer_email=None, customer_address=None, viewer=PIET)
    assert not [s for s in owner.sections if s.title == "Brieven aan de klant"]


def test_a_draft_is_previewed_and_sent_the_way_it_was_written() -> None:
    draft = Draft(
        id=4, dossier_number="K-2026-0001", kind="voortgangsbericht",
        fields={"text": "x", "method": "post"}, created_by_id=ANNA.id, created_at=NOW,
    )  # fmt: skip
    shown = card(customer_email="e@example.nl", customer_address="Dorpsstraat 3", draft=draft)
    letter = [
        b for b in shown.all_buttons if b.action.startswith("letter_") and b.data.get("concept")
    ]
    # Sending the draft is the next step: first and highlighted; then see it, drop it.
    assert [b.action for b in letter] == ["letter_post", "letter_preview", "letter_discard"]
    assert shown.buttons[0].action == "letter_post"
    assert {b.data["concept"] for b in letter} == {"4"}
    [post] = [b for b in letter if b.action == "letter_post"]
    assert post.confirm is not None and "Voortgangsbericht K-2026-0001" in post.confirm.text
