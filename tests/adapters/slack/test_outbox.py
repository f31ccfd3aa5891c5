"""Posts to other people go through the outbox: a Slack outage delays them, loses none."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.outbox.messages import OutboxMessage, Rejected, RetryLater
from bot.outbox.notices import Audience, Notice, notice_messages
from bot.rules.actions import Acknowledge, Assign, Escalate
from bot.rules.workdays import utcnow
from bot.views.cards import Button, Card
from storage.uow import SqlUnitOfWork
from tests.adapters.slack.conftest import COORDINATORS, DIRECTIE
from tests.helpers import registration


class Later:
    """The dispatcher's clock, moved on by the test to pass a backoff."""

    def __init__(self) -> None:
        self.now = utcnow() + timedelta(seconds=1)

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


async def test_a_slack_outage_delays_the_posts_and_loses_none(bot, team, slack_api):
    clock = Later()
    bot.dispatcher.clock = clock
    slack_api.fail("chat.postMessage", status=503, error="service_unavailable", times=3)
    await bot.complaints.register(team.coordinator, registration())
    await bot.complaints.act(
        team.coordinator, "K-2026-0001", Assign(owner_id=team.owner.id), request_key="k1"
    )
    await bot.dispatcher.drain()
    assert slack_api.answers("chat.postMessage") == []  # nothing got through yet
    assert (await bot.outbox.counts()).get("pending")
    for _ in range(4):  # the outage passes; each round the backoff is over
        clock.now += timedelta(minutes=10)
        await bot.dispatcher.drain()
    posts = slack_api.answers("chat.postMessage")
    card = slack_api.to("chat.postMessage", channel=COORDINATORS)
    assert [p for p in card if not p.get("thread_ts")]  # the card
    assert slack_api.to("chat.postMessage", thread_ts=posts[0]["ts"])  # the assignment line
    assert slack_api.to("chat.postMessage", channel="UPIET")  # the owner's DM
    assert slack_api.to("chat.update")  # the card shows the assignment
    # register: card; assign: card update, thread line, DM. All delivered, none twice.
    assert await bot.outbox.counts("slack") == {"delivered": 4}
    assert len(slack_api.answers("chat.postMessage")) == 3


async def test_a_refusal_by_slack_stops_the_queue_and_is_not_retried(bot, team, slack_api):
    slack_api.fail("chat.postMessage", error="channel_not_found", times=1)
    await bot.complaints.register(team.coordinator, registration())
    await bot.dispatcher.drain()
    assert (await bot.outbox.counts("slack")) == {"failed": 1}
    assert len(slack_api.to("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("status", "error", "raised"),
    [
        (429, "ratelimited", RetryLater),
        (500, "internal_error", RetryLater),
        (200, "not_in_channel", Rejected),
        (200, "invalid_auth", Rejected),
    ],
)
async def test_slack_answers_map_to_retry_or_refusal(bot, team, slack_api, status, error, raised):
    await bot.complaints.register(team.coordinator, registration())
    items = await bot.outbox.claim(
        utcnow() + timedelta(seconds=5), 10, timedelta(minutes=1), ["slack"]
    )
    slack_api.fail("chat.postMessage", status=status, error=error)
    with pytest.raises(raised):
        await bot.deliverers["slack"].deliver(items[0])


async def test_a_deleted_card_is_posted_again(bot, team, slack_api):
    await bot.complaints.register(team.coordinator, registration())
    await bot.dispatcher.drain()
    first = slack_api.answers("chat.postMessage")[0]["ts"]
    slack_api.deleted.add(first)
    await bot.complaints.act(
        team.coordinator,
        "K-2026-0001",
        Acknowledge(sent_on="2026-11-24", method="email"),  # type: ignore[arg-type]
    )
    await bot.dispatcher.drain()
    cards = [p for p in slack_api.answers("chat.postMessage") if "message" in p]
    assert len(slack_api.to("chat.update")) == 1
    new_card = [c for c in slack_api.to("chat.postMessage") if not c.get("thread_ts")]
    assert len(new_card) == 2
    # The thread line went to the new card.
    assert slack_api.to("chat.postMessage", thread_ts=cards[1]["ts"])


async def test_escalation_reaches_the_directie_channel(bot, team, slack_api):
    await bot.complaints.register(team.coordinator, registration())
    await bot.complaints.act(team.coordinator, "K-2026-0001", Assign(owner_id=team.owner.id))
    await bot.complaints.act(team.owner, "K-2026-0001", Escalate(reason="Geld terug <@U9>"))
    await bot.dispatcher.drain()
    post = slack_api.to("chat.postMessage", channel=DIRECTIE)[0]
    choices = [
        e["text"]["text"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert choices == ["Nieuwe eigenaar", "Directie neemt over", "Advies aan de eigenaar"]
    assert "Geld terug &lt;@U9&gt;" in str(post["blocks"])


async def test_notices_reach_a_person_the_coordinators_thread_and_the_directie(
    bot, team, slack_api
):
    await bot.complaints.register(team.coordinator, registration())
    await bot.dispatcher.drain()
    card_ts = slack_api.answers("chat.postMessage")[0]["ts"]
    slack_api.locales["UPIET"] = "en-US"
    card = Card(
        title="Statuscheck K-2026-0001 <!channel>",
        buttons=[
            Button(
                action="report_status",
                label="Loopt",
                value="K-2026-0001",
                data={"text": "Loopt volgens plan"},
            )
        ],
    )
    notices = [
        Notice(
            audience=Audience.PERSON,
            person_id=team.owner.id,
            dossier_number="K-2026-0001",
            card=card,
        ),
        Notice(audience=Audience.COORDINATORS, dossier_number="K-2026-0001", card=card),
        Notice(audience=Audience.DIRECTIE, card=card),
        Notice(audience=Audience.PERSON, person_id=9999, card=card),  # unknown: nothing to send
    ]
    messages: list[OutboxMessage] = []
    for i, notice in enumerate(notices):
        messages += notice_messages(bot.chat_platforms, notice, f"test:{i}")
    async with SqlUnitOfWork(bot.engine) as uow:
        for message in messages:
            await uow.outbox.add(message)
        await uow.commit()
    await bot.dispatcher.drain()
    assert slack_api.to("chat.postMessage", channel="UPIET")
    assert slack_api.to("chat.postMessage", channel=COORDINATORS, thread_ts=card_ts)
    assert slack_api.to("chat.postMessage", channel=DIRECTIE)
    assert (await bot.outbox.counts("slack")) == {"delivered": 5}
