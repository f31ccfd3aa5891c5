"""The whole procedure through Slack alone: from `/klacht nieuw` to a closed dossier.

Real HTTP on a loopback port, requests signed as Slack signs them, the outbox
dispatcher running in the background, Slack's Web API played by a stand-in.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import select

from bot.rules.dossier import State
from bot.use_cases.tasks import TASKS
from storage.tables import chat_messages
from tests.adapters.slack.conftest import COORDINATORS, DIRECTIE
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.signing import SlackSends, button

NUMBER = "K-2026-0001"


async def opened_view(fake: FakeSlack, count: int) -> dict[str, Any]:
    """The modal the bot opened as the `count`-th views.open (as Slack returned it)."""
    answers = await fake.wait(
        lambda: len(fake.answers("views.open")) >= count and fake.answers("views.open")
    )
    return answers[count - 1]["view"]


async def submit(slack: SlackSends, user: str, view: dict[str, Any], values: dict[str, str]):
    status, body = await slack.submit(user, view, values)
    assert status == 200, body
    return json.loads(body) if body else {}


async def latest_card(fake: FakeSlack, version: int) -> list[dict[str, Any]]:
    """The coordinators' card once it shows dossier version `version`."""

    def find() -> list[dict[str, Any]] | None:
        posts = fake.to("chat.postMessage", channel=COORDINATORS) + fake.to("chat.update")
        for args in reversed(posts):
            if args.get("thread_ts"):
                continue
            blocks = args["blocks"]
            values = [
                json.loads(e["value"])
                for b in blocks
                if b["type"] == "actions"
                for e in b["elements"]
            ]
            if values and values[0].get("v") == version:
                return blocks
        return None

    return await fake.wait(find)


async def card_rows(bot) -> list[Any]:
    """The remembered card (written right after Slack answered the post)."""
    for _ in range(1000):
        async with bot.engine.connect() as conn:
            rows = (await conn.execute(select(chat_messages))).all()
        if rows:
            return rows
        await asyncio.sleep(0.02)
    raise AssertionError("the card was never remembered")


async def test_the_whole_procedure_through_slack(bot, team, slack, slack_api):
    fake = slack_api
    anna, piet, dirk = team.coordinator, team.owner, team.directie

    # 1. The coordinator types /klacht nieuw: the registration modal opens.
    status, _ = await slack.command("UANNA", "nieuw")
    assert status == 200
    form = await opened_view(fake, 1)
    assert form["blocks"][0]["block_id"] == "channel"

    # A bad form is answered inline and stores nothing.
    answer = await submit(
        slack,
        "UANNA",
        form,
        {"customer_name": "Mevr. Bakker", "summary": "Schoen knelt", "customer_number": "12a"},
    )
    assert answer["response_action"] == "errors"
    assert "customer_number" in answer["errors"]
    assert await bot.complaints.dossiers(anna) == []

    # A good one registers the dossier; the answer says so.
    answer = await submit(
        slack,
        "UANNA",
        form,
        {
            "channel": "brief",
            "received_on": "2026-11-23",
            "customer_number": "10234",
            "customer_name": "Mevr. E. Bakker",
            "customer_phone": "06-12345678",
            "practitioner": "Jan Willems",
            "summary": "Schoen knelt bij de wreef <!channel>",
            "details": "Sinds de aflevering drukt de schoen.",
        },
    )
    assert answer["response_action"] == "update"
    assert NUMBER in answer["view"]["blocks"][0]["text"]["text"]

    # 2. The card appears in the coordinators' channel and is remembered.
    card = await latest_card(fake, 1)
    # The summary is in the header, plain text that Slack never reads as a ping.
    assert card[0]["type"] == "header" and card[0]["text"]["type"] == "plain_text"
    assert "<!channel>" in card[0]["text"]["text"]
    assert "<!channel>" not in json.dumps(card[1:])
    rows = await card_rows(bot)
    assert [(r.platform, r.purpose, r.conversation_id) for r in rows] == [
        ("slack", "card", COORDINATORS)
    ]
    card_ts = rows[0].message_id

    # 3. Acknowledgement sent: the button opens the form, the form records it.
    await slack.click("UANNA", button(card, "acknowledge"), message_ts=card_ts)
    ack_form = await opened_view(fake, 2)
    answer = await submit(slack, "UANNA", ack_form, {"sent_on": "2026-11-24", "method": "email"})
    assert answer["response_action"] == "update", answer
    card = await latest_card(fake, 2)
    assert fake.to("chat.update", channel=COORDINATORS, ts=card_ts)

    # 4. Assign Piet as owner, with a shop visit; Piet gets a DM with his buttons.
    await slack.click("UANNA", button(card, "assign"), message_ts=card_ts)
    assign_form = await opened_view(fake, 3)
    answer = await submit(
        slack,
        "UANNA",
        assign_form,
        # The select offers who may own a dossier, by the core's own id.
        {"owner_id": str(team.owner.id), "plan": "winkel", "planned_on": "2026-11-30"},
    )
    assert answer["response_action"] == "update", answer
    dm = (await fake.wait(lambda: fake.to("chat.postMessage", channel="UPIET")))[0]["blocks"]
    card = await latest_card(fake, 3)

    # 5. Piet plans the contact from his DM.
    await slack.click("UPIET", button(dm, "plan_contact"), channel="DPIET")
    plan_form = await opened_view(fake, 4)
    answer = await submit(
        slack, "UPIET", plan_form, {"plan": "huisbezoek", "planned_on": "2026-12-01"}
    )
    assert answer["response_action"] == "update", answer

    # 6. Interim communication in the card's thread becomes a note (a retry does not).
    message = {
        "type": "message",
        "channel": COORDINATORS,
        "user": "UPIET",
        "text": "Klant gebeld &amp; afspraak bevestigd",
        "ts": "1700000100.000100",
        "thread_ts": card_ts,
    }
    assert (await slack.event(message, "Ev0001"))[0] == 200
    assert (await slack.event(message, "Ev0001", retry=1))[0] == 200
    await fake.wait(lambda: len(fake.to("chat.postMessage", thread_ts=card_ts)) >= 4)

    # 7. Piet needs help: escalation to the directie, posted in the directie channel.
    await slack.click("UPIET", button(dm, "escalate"), channel="DPIET")
    escalate_form = await opened_view(fake, 5)
    answer = await submit(
        slack, "UPIET", escalate_form, {"reason": "Klant wil geld terug; dat mag ik niet."}
    )
    assert answer["response_action"] == "update", answer
    post = (await fake.wait(lambda: fake.to("chat.postMessage", channel=DIRECTIE)))[0]

    # 8. The directie records advice; the coordinators' thread is told.
    await slack.click("UDIRK", button(post["blocks"], "decide", choice="advies"), channel=DIRECTIE)
    decide_form = await opened_view(fake, 6)
    choice = next(b for b in decide_form["blocks"] if b.get("block_id") == "choice")
    assert choice["element"]["initial_option"]["value"] == "advies"
    # The escalation stays in view while the directie decides.
    assert "Klant wil geld terug; dat mag ik niet." in json.dumps(decide_form["blocks"])
    answer = await submit(slack, "UDIRK", decide_form, {"text": "Bied een nieuwe schoen aan."})
    assert answer["response_action"] == "update", answer

    # 9. Piet marks it handled from /klacht toon.
    await slack.command("UPIET", f"toon {NUMBER}")
    shown = await fake.wait(lambda: [r for r in fake.responses if r.get("blocks")])
    await slack.click("UPIET", button(shown[-1]["blocks"], "mark_handled"), channel=COORDINATORS)
    handled_form = await opened_view(fake, 7)
    answer = await submit(slack, "UPIET", handled_form, {"solution": "Nieuwe schoen gemaakt."})
    assert answer["response_action"] == "update", answer
    card = await latest_card(fake, 8)

    # 10. The coordinator records the evaluation with the customer's agreement.
    await slack.click("UANNA", button(card, "evaluate"), message_ts=card_ts)
    evaluate_form = await opened_view(fake, 8)
    answer = await submit(
        slack,
        "UANNA",
        evaluate_form,
        {"outcome": "Klant tevreden", "customer_agrees": "true"},
    )
    assert answer["response_action"] == "update", answer
    card = await latest_card(fake, 9)

    # 11. Close: one tap (after Slack's confirm dialog); a double click closes once.
    close = button(card, "close")
    assert close["confirm"]
    await slack.click("UANNA", close, message_ts=card_ts)
    await slack.click("UANNA", close, message_ts=card_ts)
    await fake.wait(
        lambda: len([r for r in fake.responses if "gesloten" in r.get("text", "")]) >= 1
    )
    await fake.wait(lambda: any("al verwerkt" in r.get("text", "") for r in fake.responses))

    view = await bot.complaints.view(anna, NUMBER)
    assert view.dossier.state is State.GESLOTEN
    assert [e.action for e in view.timeline] == [
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
    assert view.timeline[4].data["text"] == "Klant gebeld & afspraak bevestigd"
    assert view.timeline[4].actor_id == piet.id
    assert view.timeline[6].actor_id == dirk.id

    # The card ends closed, without buttons, and every step has its line in the thread.
    card = await latest_card(fake, 10)
    assert "gesloten" in json.dumps(card)
    # Of the procedure's steps only reopening is left; the card tasks stay (documents, and
    # without a bridge the Orthomatic items to tick off).
    clicks = [
        json.loads(e["value"])["a"] for b in card if b["type"] == "actions" for e in b["elements"]
    ]
    assert [a for a in clicks if a not in TASKS] == ["reopen"]
    assert "documents" in clicks and "mirror_tick" in clicks
    lines = await fake.wait(
        lambda: (
            len(fake.to("chat.postMessage", thread_ts=card_ts)) >= 9
            and fake.to("chat.postMessage", thread_ts=card_ts)
        )
    )
    assert len(lines) == 9
    # Everything the steps put in the outbox was delivered (marked right after Slack answered).
    for _ in range(1000):
        if set(await bot.outbox.counts("slack")) == {"delivered"}:
            break
        await asyncio.sleep(0.02)
    assert set(await bot.outbox.counts("slack")) == {"delivered"}
