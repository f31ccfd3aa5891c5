"""The outbox through Teams: posts, thread replies, DMs, notices, failures, unreachable people."""

from __future__ import annotations

import pytest

from bot.outbox.messages import OutboxStatus, Rejected, RetryLater
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.actions import Assign
from bot.views.cards import Button, Card, Section
from tests.adapters.teams.client import COORDINATORS, DIRECTIE, action, texts
from tests.helpers import registration


async def _register(bot, people) -> str:  # type: ignore[no-untyped-def]
    outcome = await bot.complaints.register(people.coordinator, registration())
    return outcome.dossier.number


async def _pending(bot):  # type: ignore[no-untyped-def]
    return await bot.outbox.items(OutboxStatus.PENDING)


async def test_a_connector_outage_is_retried_and_a_refusal_stops_the_item(
    teams_bot, connector, people
):
    bot = teams_bot[0]
    await teams_bot_reachable(bot, connector, people)
    number = await _register(bot, people)
    [item] = await _pending(bot)
    deliverer = bot.deliverers["teams"]

    connector.fail_next(503)
    with pytest.raises(RetryLater):
        await deliverer.deliver(item)
    connector.fail_next(429)
    with pytest.raises(RetryLater):
        await deliverer.deliver(item)
    connector.fail_next(400)
    with pytest.raises(Rejected):
        await deliverer.deliver(item)
    assert connector.sent("send") == []

    await deliverer.deliver(item)
    await deliverer.deliver(item)  # a repeat delivery posts the card once
    [post] = connector.sent("send")
    assert post.conversation_id == COORDINATORS and number in texts(post.card)

    # Through the dispatcher: a refused item is marked failed for an operator (the card's
    # update comes first in the dossier's queue, and the rest waits behind it).
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    connector.fail_next(403, times=10)
    await bot.dispatcher.drain()
    assert [i.payload["kind"] for i in await bot.outbox.items(OutboxStatus.FAILED)] == ["card"]


async def teams_bot_reachable(bot, connector, people) -> None:  # type: ignore[no-untyped-def]
    """The tenant's service URL is known once anyone has talked to the bot."""
    from tests.adapters.teams.client import Teams

    teams = Teams("", connector.url)
    activity = teams._base(
        "conversationUpdate", people.user(people.coordinator), Teams.channel(COORDINATORS)
    )
    await bot.deliverers["teams"].store.remember(
        f"conversation:{COORDINATORS}",
        {
            "serviceUrl": connector.url,
            "channelId": "msteams",
            "conversation": activity["conversation"],
            "bot": {"id": "28:klachtenbot"},
        },
    )


async def test_an_owner_who_never_talked_to_the_bot_is_reported_to_the_coordinator(
    teams, teams_bot, connector, people
):
    bot = teams_bot[0]
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    number = await _register(bot, people)
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    await bot.dispatcher.drain()
    root = connector.sent("send")[0].response_id
    report = [c for c in connector.sent("send") if "nog niet bereikbaar" in texts(c.card)]
    assert len(report) == 1
    assert report[0].conversation_id == f"{COORDINATORS};messageid={root}"
    assert "Piet Jansen" in texts(report[0].card)
    assert await bot.outbox.items(OutboxStatus.FAILED) == []

    # Once Piet has opened a chat with the bot, the next message reaches him.
    await teams.added(people.user(people.owner))
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    await bot.dispatcher.drain()
    dms = [c for c in connector.sent("send") if c.conversation_id.startswith("a:chat-29:aad-piet")]
    assert dms and "U bent eigenaar" in texts(dms[-1].card)


async def test_notices_reach_a_person_the_coordinators_thread_and_the_directie(
    teams, teams_bot, connector, people
):
    bot = teams_bot[0]
    assert "teams" in bot.chat_platforms
    await teams.added(people.user(people.owner))
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    number = await _register(bot, people)
    await bot.dispatcher.drain()
    root = connector.sent("send")[-1].response_id
    connector.calls.clear()

    status_button = Button(
        action="report_status",
        label="Loopt volgens plan",
        value=number,
        data={"text": "Loopt volgens plan."},
    )
    card = Card(
        title=f"Hoe staat {number} ervoor?",
        sections=[Section(text="[x](y)")],
        buttons=[status_button],
    )
    notices = [
        Notice(
            audience=Audience.PERSON, person_id=people.owner.id, dossier_number=number, card=card
        ),
        Notice(audience=Audience.COORDINATORS, dossier_number=number, card=card),
        Notice(audience=Audience.DIRECTIE, dossier_number=number, card=card),
        Notice(audience=Audience.COORDINATORS, card=Card(title="Overzicht van vandaag")),
    ]
    async with bot.complaints.uow() as uow:
        for n, notice in enumerate(notices):
            for message in notice_messages(bot.chat_platforms, notice, f"test:{n}"):
                await uow.outbox.add(message)
        await uow.commit()
    await bot.dispatcher.drain()
    where = sorted(c.conversation_id for c in connector.sent("send"))  # queues run side by side
    assert where == sorted(
        [
            "a:chat-29:aad-piet",
            f"{COORDINATORS};messageid={root}",
            DIRECTIE,
            COORDINATORS,
        ]
    )
    dm = next(c for c in connector.sent("send") if c.conversation_id.startswith("a:chat"))
    assert "\\[x\\]\\(y\\)" in texts(dm.card)


async def test_a_one_tap_button_clicked_twice_records_one_step(teams, teams_bot, connector, people):
    bot = teams_bot[0]
    piet = people.user(people.owner)
    await teams.added(piet)
    number = await _register(bot, people)
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    notice = Notice(
        audience=Audience.PERSON,
        person_id=people.owner.id,
        dossier_number=number,
        card=Card(
            title="Status?",
            buttons=[
                Button(
                    action="report_status",
                    label="Loopt volgens plan",
                    value=number,
                    data={"text": "Loopt volgens plan."},
                )
            ],
        ),
    )
    async with bot.complaints.uow() as uow:
        for message in notice_messages(["teams"], notice, "status"):
            await uow.outbox.add(message)
        await uow.commit()
    await bot.dispatcher.drain()
    [dm] = [
        c
        for c in connector.sent("send")
        if c.conversation_id.startswith("a:chat") and "Status?" in texts(c.card)
    ]
    button = action(dm.card, "report_status")
    first = await teams.click(piet, button)
    second = await teams.click(piet, button)
    assert f"{number}: status doorgegeven." in texts(first) and "al verwerkt" in texts(second)
    view = await bot.complaints.view(people.coordinator, number)
    assert [e.action for e in view.timeline].count("report_status") == 1


async def test_without_a_coordinator_channel_nothing_is_posted(
    database_url, clock, connector, teams_sdk
):
    from bot.entry.bootstrap import build
    from bot.rules.roles import Role
    from tests.adapters.teams.conftest import teams_settings

    bot = build(
        teams_settings(
            database_url,
            teams_sdk=teams_sdk,
            teams_coordinator_conversation=None,
            teams_directie_conversation=None,
        )
    )
    try:
        assert "teams" not in bot.chat_platforms  # not configured: no reactor, no notices
        assert any("KLACHTENBOT_TEAMS_COORDINATOR_CONVERSATION" in n for n in bot.startup_notes)
        anna = await bot.staff.add(None, "Anna", [Role.COORDINATOR], "a@example.nl")
        await bot.complaints.register(anna, registration())
        assert await bot.outbox.items(OutboxStatus.PENDING) == []
    finally:
        await bot.close()
