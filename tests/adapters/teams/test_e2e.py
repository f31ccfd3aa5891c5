"""The whole procedure through Teams alone: activities POSTed to /api/messages over HTTP.

Replies, posts and card updates go to the connector stand-in named as the
activities' serviceUrl; on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from bot.rules.dossier import State
from bot.rules.people import SYSTEM
from tests.adapters.teams.client import COORDINATORS, DIRECTIE, action, texts

REGISTRATION = {
    "channel": "telefoon",
    "received_on": "2026-11-23",
    "customer_number": "10234",
    "customer_name": "Mevr. E. Bakker",
    "customer_phone": "06-12345678",
    "practitioner": "Jan Willems",
    "summary": "Schoen knelt bij de wreef",
    "details": "Sinds de aflevering drukt de schoen.",
    "severity": "middel",
}


async def test_the_whole_procedure_through_teams(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    anna, piet, dirk = (people.user(p) for p in (people.coordinator, people.owner, people.directie))

    # The app is installed: personal chats and the two channels become reachable.
    for user in (anna, piet, dirk):
        status, _ = await teams.added(user)
        assert status == 201
    assert "klacht nieuw" in texts(connector.calls[-1].card)
    await teams.added(anna, channel=COORDINATORS)
    await teams.added(dirk, channel=DIRECTIE)
    connector.calls.clear()

    # Registration: a form with an error first; nothing is stored until it is valid.
    await teams.say(anna, "klacht nieuw")
    form = connector.calls[-1].card
    submit = action(form, "register", "submit")
    bad = await teams.click(anna, submit, {**REGISTRATION, "customer_phone": "", "summary": ""})
    assert "Dit veld is verplicht." in texts(bad)
    assert await bot.complaints.dossiers(people.coordinator) == []
    card = await teams.click(anna, action(bad, "register", "submit"), REGISTRATION)
    assert "Dossier K-2026-0001 is geregistreerd." in texts(card)
    # The same card submitted again (a double click, a retry) registers nothing new.
    again = await teams.click(anna, action(bad, "register", "submit"), REGISTRATION)
    assert "al verwerkt" in texts(again)
    assert len(await bot.complaints.dossiers(people.coordinator)) == 1
    number = "K-2026-0001"

    # The dossier's card is posted in the coordinators' channel; the copy of the phone
    # complaint that the bot filed is a line in its thread, as in Slack.
    await bot.dispatcher.drain()
    [post, filed] = connector.sent("send")
    assert post.conversation_id == COORDINATORS and post.thread_root is None
    root = post.response_id
    assert filed.conversation_id == f"{COORDINATORS};messageid={root}"
    channel_card = post.card
    assert "Klacht K-2026-0001" in texts(channel_card)
    connector.calls.clear()

    # Acknowledgement, from the card in the channel.
    form = await teams.click(
        anna, action(channel_card, "acknowledge"), channel=COORDINATORS, thread=root
    )
    card = await teams.click(
        anna, action(form, "acknowledge", "submit"), {"sent_on": "2026-11-24", "method": "email"}
    )
    assert "K-2026-0001: ontvangstbevestiging verstuurd op" in texts(card)
    await bot.dispatcher.drain()
    [line] = connector.sent("send")
    assert line.conversation_id == f"{COORDINATORS};messageid={root}"  # in the card's thread
    [update] = connector.sent("update")
    assert update.activity_id == root and "verstuurd" in texts(update.card)
    connector.calls.clear()

    # Assign the owner: the form offers the staff; the owner gets a DM.
    form = await teams.click(anna, action(card, "assign"))
    assert "Piet Jansen" in texts(form)
    card = await teams.click(
        anna, action(form, "assign", "submit"), {"owner_id": str(people.owner.id), "plan": "winkel"}
    )
    await bot.dispatcher.drain()
    [dm] = [c for c in connector.sent("send") if c.conversation_id == f"a:chat-{piet.id}"]
    assert "U bent eigenaar van klacht K-2026-0001" in texts(dm.card)
    dm_card = dm.card
    connector.calls.clear()

    # The owner plans the contact from the DM.
    form = await teams.click(piet, action(dm_card, "plan_contact"))
    card = await teams.click(
        piet,
        action(form, "plan_contact", "submit"),
        {"plan": "huisbezoek", "planned_on": "2026-11-30"},
    )
    assert "in behandeling" in texts(card).lower()

    # A message in the dossier's thread is interim communication; a re-send is one note.
    for _ in range(2):
        status, _ = await teams.say(
            piet,
            "Klant gebeld, afspraak bevestigd.",
            channel=COORDINATORS,
            thread=root,
            activity_id="note-1",
        )
        assert status == 201
    view = await bot.complaints.view(people.coordinator, number)
    assert [e.action for e in view.timeline].count("add_note") == 1
    assert view.timeline[-1].data["text"] == "Klant gebeld, afspraak bevestigd."

    # The owner cannot handle it: escalation, posted in the directie channel.
    form = await teams.click(piet, action(card, "escalate"))
    card = await teams.click(
        piet, action(form, "escalate", "submit"), {"reason": "Klant wil een nieuwe schoen."}
    )
    await bot.dispatcher.drain()
    [escalation] = [c for c in connector.sent("send") if c.conversation_id == DIRECTIE]
    assert "geëscaleerd" in texts(escalation.card)
    connector.calls.clear()

    # The directie decides from its channel.
    form = await teams.click(dirk, action(escalation.card, "decide"), channel=DIRECTIE)
    card = await teams.click(
        dirk,
        action(form, "decide", "submit"),
        {"choice": "advies", "text": "Bied een aanpassing aan."},
    )
    assert "in behandeling" in texts(card).lower()

    # Handled, evaluated with the customer's agreement, closed after a confirmation.
    card = await teams.click(piet, action(dm_card, "mark_handled"))
    card = await teams.click(
        piet, action(card, "mark_handled", "submit"), {"solution": "Schacht aangepast."}
    )
    await bot.dispatcher.drain()  # the channel's card now offers the evaluation
    channel_card = [c for c in connector.sent("update") if c.activity_id == root][-1].card
    card = await teams.click(anna, action(channel_card, "evaluate"), channel=COORDINATORS)
    card = await teams.click(
        anna,
        action(card, "evaluate", "submit"),
        {"outcome": "Klant tevreden.", "customer_agrees": "true"},
    )
    confirm = await teams.click(anna, action(card, "close", "confirm"))
    assert "Dossier K-2026-0001 sluiten?" in texts(confirm)
    card = await teams.click(anna, action(confirm, "close", "open"))
    assert "gesloten" in texts(card)

    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.state is State.GESLOTEN
    # The copy of the phone complaint, filed by the bot itself shortly after registering.
    [copy] = [e for e in view.timeline if e.actor_id == SYSTEM.id]
    assert copy.action == "add_document" and copy.data["kind"] == "kopie_klacht"
    assert [e.action for e in view.timeline if e is not copy] == [
        "register",
        "acknowledge",
        "assign",
        "plan_contact",
        "add_note",
        "escalate",
        "decide",
        "mark_handled",
        "evaluate",
        "close",
    ]
    await bot.dispatcher.drain()
    final = connector.sent("update")[-1]
    assert final.activity_id == root and "gesloten" in texts(final.card)
