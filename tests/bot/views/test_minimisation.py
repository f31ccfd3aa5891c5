"""Each chat surface shows the personal fields its reader needs, and no more
(docs/privacy.md lists them per surface)."""

from __future__ import annotations

from bot.rules.actions import Assign, Escalate
from bot.rules.procedure import apply, register
from bot.settings import Settings
from bot.use_cases.services import DossierView
from bot.views.cards import Card
from bot.views.deliveries import coordinators_card, directie_post, owner_dm
from tests.adapters.teams.test_parity import COORDINATOR, NOW, OWNER
from tests.helpers import registration

TERMS = Settings(database_url="sqlite://").terms
FIELDS = {
    "name": "Mevr. E. Bakker",
    "number": "10234",
    "phone": "06-12345678",
    "email": "e.bakker@example.nl",
    "address": "Kerkstraat 1, Eindhoven",
    "summary": "Schoen knelt bij de wreef",
    "details": "Sinds de aflevering drukt de schoen op de wreef.",
    "reason": "Klant wil geld terug",
}


def _shown(card: Card) -> set[str]:
    text = " ".join(
        [card.title, card.subtitle or ""]
        + [h.text for h in card.headlines]
        + [f"{f.label} {f.value}" for f in card.facts]
        + [f"{s.title or ''} {s.text}" for s in card.sections]
    )
    return {name for name, value in FIELDS.items() if value in text}


def _escalated() -> DossierView:
    action = registration(customer_email=FIELDS["email"], customer_address=FIELDS["address"])
    dossier = register(action, COORDINATOR, "K-2026-0001", NOW, TERMS).dossier
    dossier = apply(dossier, Assign(owner_id=OWNER.id), COORDINATOR, NOW, TERMS).dossier
    dossier = apply(dossier, Escalate(reason=FIELDS["reason"]), OWNER, NOW, TERMS).dossier
    return DossierView(dossier=dossier, timeline=[], deadlines=[])


def test_each_surface_shows_what_its_reader_needs():
    view = _escalated()
    # The coordinators run the whole procedure: who the customer is and all that was
    # written; contact details stay in the dossier (a channel keeps its posts).
    assert _shown(coordinators_card(view, "nl")) == {
        "name", "number", "summary", "details", "reason"
    }  # fmt: skip
    # The owner contacts the customer about this complaint: who, what it is about, and
    # the phone and e-mail to do it with (their whole job; a DM is theirs alone).
    assert _shown(owner_dm(view, OWNER, "nl", NOW)) == {
        "name", "number", "phone", "email", "summary", "details"
    }  # fmt: skip
    # The directie decides how it is handled: the complaint and why it came up.
    assert _shown(directie_post(view, "nl")) == {"summary", "reason"}


async def test_an_owners_direct_message_is_only_ever_about_their_own_dossier(bot, team):
    from bot.chat.reactor import chat_reactor
    from bot.outbox.messages import OutboxStatus
    from bot.rules.actions import Decide
    from tests.bot.use_cases.documents.support import with_chat

    with_chat(bot)  # a chat platform, and its reactor to address direct messages
    bot.reactors.append(chat_reactor("slack"))
    c = bot.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number
    await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    await c.act(team.owner, number, Escalate(reason="Hulp nodig"))
    await c.act(
        team.directie,
        number,
        Decide(choice="nieuwe_eigenaar", text="Sanne neemt het over", new_owner_id=team.other.id),
    )
    dms = [
        i.payload["person_id"]
        for i in await bot.outbox.items(OutboxStatus.PENDING, limit=100)
        if i.payload.get("kind") == "owner_dm"
    ]
    assert dms == [team.owner.id, team.other.id]  # each new owner, about this dossier only
