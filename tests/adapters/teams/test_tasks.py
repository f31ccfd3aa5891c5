"""The card's tasks through Teams: documents as download links, the acknowledgement letter
by post or by e-mail, the Orthomatic checklist, the printable protocol.

Clicks are invokes POSTed to /api/messages over HTTP; the links the bot hands out
are opened over HTTP on the same web app, whose own address is
KLACHTENBOT_PUBLIC_URL; e-mail goes to a real SMTP server. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.entry.bootstrap import Klachtenbot, build
from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL as ORTHOMATIC
from bot.rules.actions import Assign
from bot.rules.dossier import AcknowledgementMethod
from bot.use_cases.links import Links, Target
from bot.use_cases.tasks import DOCUMENT
from storage import tables
from tests.adapters.teams.client import COORDINATORS, action, actions, texts
from tests.adapters.teams.conftest import base_url, loopback_socket, start, teams_settings
from tests.bot.use_cases.documents.support import PDF_FILE, pdf_text
from tests.helpers import registration

SECRET = "test-link-secret"


@pytest.fixture
async def teams_bot(database_url, clock, mailbox, monkeypatch, teams_sdk):  # type: ignore[no-untyped-def]
    """The conftest's bot, with download links to its own web app and e-mail switched on."""
    sock = loopback_socket()
    url = base_url(sock)
    monkeypatch.setenv("KLACHTENBOT_PUBLIC_URL", url)
    monkeypatch.setenv("KLACHTENBOT_LINK_SECRET", SECRET)
    bot = build(teams_settings(database_url, teams_sdk=teams_sdk, **mailbox.settings()))
    bot.complaints.clock = clock
    runner, served = await start(bot, sock)
    assert served == url
    yield bot, url
    await runner.cleanup()
    await bot.close()


def links(card: dict[str, Any]) -> dict[str, str]:
    """The card's link buttons: title → address."""
    return {a["title"]: a["url"] for a in actions(card) if a["type"] == "Action.OpenUrl"}


def tasks_on(card: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The card tasks a card offers, with the checklist item of a tick-off."""
    found = []
    for a in actions(card):
        if a["type"] != "Action.Execute":
            continue
        control = a["data"]["klachtenbot"]
        found.append((control["action"], a["data"].get("item")))
    return found


async def fetch(url: str) -> tuple[int, bytes, Any]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read(), response.headers


async def in_channel(bot: Klachtenbot, teams, connector, people) -> tuple[str, str, dict]:  # type: ignore[no-untyped-def]
    """A complaint by letter, its card posted in the coordinators' channel: number, the
    card's message id, the card."""
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    outcome = await bot.complaints.register(
        people.coordinator,
        registration(customer_email="zoe@example.nl", customer_address="Dorpsstraat 3"),
    )
    await bot.dispatcher.drain()
    [post] = [c for c in connector.sent("send") if c.conversation_id == COORDINATORS]
    return outcome.dossier.number, str(post.response_id), post.card


async def test_documents_are_handed_out_as_links_for_who_may_read_them(
    teams, connector, people, teams_bot, clock
):
    bot, url = teams_bot
    anna, piet = people.user(people.coordinator), people.user(people.owner)
    number, root, card = await in_channel(bot, teams, connector, people)

    # The scanned letter, attached in the dossier's thread, is stored with the dossier.
    scan = PDF_FILE + b"scan van de brief"
    connector.files["brief.pdf"] = scan
    attachment = {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "contentUrl": "https://files.example/sites/brief.pdf",
        "content": {"downloadUrl": connector.file_url("brief.pdf"), "fileType": "pdf"},
        "name": "brief.pdf",
    }
    await teams.say(anna, "", channel=COORDINATORS, thread=root, attachments=[attachment])
    [stored] = await bot.documents.list(people.coordinator, number)

    answer = await teams.click(anna, action(card, "documents"), channel=COORDINATORS, thread=root)
    assert "15 minuten" in texts(answer) and number in texts(answer)
    assert "userIds" not in answer["refresh"]  # Teams leaves it alone while the links work
    [link] = links(answer).items()
    assert link[0] == "brief.pdf" and link[1].startswith(url + "/documenten/")
    status, body, headers = await fetch(link[1])
    assert status == 200 and body == scan
    assert body == (await bot.documents.read(people.coordinator, stored.id)).content
    assert headers["Content-Disposition"].startswith("attachment;")

    # A link changed on the way (its signature, or the person it is for) opens nothing.
    token = link[1].rsplit("/", 1)[1]
    claims, _, signature = token.partition(".")
    other = "A" if signature[0] != "A" else "B"
    status, body, _ = await fetch(f"{url}/documenten/{claims}.{other}{signature[1:]}")
    assert status == 404 and b"Traceback" not in body
    decoded = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    changed = json.dumps({**decoded, "p": people.owner.id}, separators=(",", ":")).encode()
    forged_claims = base64.urlsafe_b64encode(changed).rstrip(b"=").decode()
    status, body, _ = await fetch(f"{url}/documenten/{forged_claims}.{signature}")
    assert status == 404 and b"Traceback" not in body

    # A link signed with the bot's own key for Piet, who does not own the dossier.
    own = Links(url, SECRET)
    status, body, _ = await fetch(
        own.url(people.owner.id, Target(DOCUMENT, str(stored.id)), clock())
    )
    assert status == 403 and "toegang" in body.decode() and b"Traceback" not in body

    # A quarter of an hour later the link has expired.
    clock.now += timedelta(minutes=16)
    status, body, _ = await fetch(link[1])
    assert status == 410 and "verlopen" in body.decode() and b"Traceback" not in body

    # Piet clicks the button on the channel's card: he may not read the dossier.
    refused = await teams.click(piet, action(card, "documents"), channel=COORDINATORS)
    assert f"U heeft geen toegang tot dossier {number}." in texts(refused).replace("\\", "")
    assert links(refused) == {}


async def test_sent_by_post_is_confirmed_recorded_once_and_only_by_the_coordinator(
    teams, connector, people, teams_bot
):
    bot, _ = teams_bot
    anna, piet = people.user(people.coordinator), people.user(people.owner)
    number, root, card = await in_channel(bot, teams, connector, people)
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))

    # The owner, on the channel's card: no confirmation, the core's refusal on his card.
    refused = await teams.click(piet, action(card, "letter_post"), channel=COORDINATORS)
    assert "mag" in texts(refused) and "Ontvangstbevestiging verstuurd" in texts(refused)
    assert number in texts(refused)  # his own dossier card, with the refusal on top
    assert ("letter_post", None) not in tasks_on(refused)

    # The letter can be seen before it goes; that records nothing.
    preview = await teams.click(anna, action(card, "letter_preview"), channel=COORDINATORS)
    [(title, link)] = links(preview).items()
    assert number in title
    status, body, headers = await fetch(link)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert number in pdf_text(body)

    # The coordinator is asked first, then it is recorded.
    confirm = await teams.click(anna, action(card, "letter_post", "confirm"), channel=COORDINATORS)
    assert "per post verstuurd?" in texts(confirm)
    assert [a["verb"] for a in confirm["actions"]] == ["open", "cancel"]
    yes = action(confirm, "letter_post", "open")
    done = await teams.click(anna, yes)
    assert "per post verstuurd" in texts(done) and "Vastgelegd" in texts(done)
    assert not {"letter_post", "letter_email", "letter_preview"} & {a for a, _ in tasks_on(done)}
    # A double click, or Teams sending it again: the same card's nonce, answered as done
    # (not refused as "already recorded"), and recorded once.
    again = await teams.click(anna, yes)
    assert "Vastgelegd" in texts(again) and "al vastgelegd" not in texts(again)
    key = f"teams:card:{yes['data']['klachtenbot']['nonce']}"
    async with bot.engine.connect() as c:
        remembered = (await c.execute(select(tables.inbound_keys.c.key))).scalars().all()
    assert key in remembered

    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.POST
    [acknowledged] = [e for e in view.timeline if e.action == "acknowledge"]
    assert acknowledged.data["method"] == "post"
    [letter] = [e for e in view.timeline if e.data.get("kind") == "ontvangstbevestiging"]
    assert letter.action == "add_document"
    [stored] = [
        d for d in await bot.documents.list(people.coordinator, number)
        if d.kind == "ontvangstbevestiging"
    ]  # fmt: skip
    assert stored.filename.endswith(".pdf")

    # The card in the channel catches up through the outbox.
    await bot.dispatcher.drain()
    update = [c for c in connector.sent("update") if c.activity_id == root][-1]
    assert ("letter_post", None) not in tasks_on(update.card)


async def test_the_letter_is_emailed_and_recorded_once_the_mail_server_took_it(
    teams, connector, people, teams_bot, mailbox
):
    bot, _ = teams_bot
    anna = people.user(people.coordinator)
    number, _, _ = await in_channel(bot, teams, connector, people)
    await teams.say(anna, f"klacht toon {number}")
    card = connector.calls[-1].card

    confirm = await teams.click(anna, action(card, "letter_email", "confirm"))
    assert "zoe@example.nl" in texts(confirm).replace("\\", "")
    queued = await teams.click(anna, action(confirm, "letter_email", "open"))
    assert "zoe@example.nl" in texts(queued).replace("\\", "") and "klaar" in texts(queued)
    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.acknowledgement is None  # not before the mail server took it

    await bot.dispatcher.drain()
    [mail] = mailbox.messages
    assert mailbox.envelopes[0][1] == ["zoe@example.nl"]
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"ontvangstbevestiging-{number}.pdf"
    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.EMAIL
    assert [e.action for e in view.timeline].count("acknowledge") == 1
    assert [e.data.get("kind") for e in view.timeline].count("ontvangstbevestiging") == 1


async def test_an_orthomatic_item_is_ticked_off_and_leaves_the_cards(
    teams, connector, people, teams_bot
):
    bot, _ = teams_bot
    anna, piet = people.user(people.coordinator), people.user(people.owner)
    number, root, card = await in_channel(bot, teams, connector, people)
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    tick = action(card, "mirror_tick")
    item = tick["data"]["item"]

    async def status() -> OutboxStatus:
        [found] = [i for i in await bot.outbox.for_dossier(number, ORTHOMATIC) if i.id == int(item)]
        return found.status

    # Only the coordinator ticks off.
    refused = await teams.click(piet, tick, channel=COORDINATORS)
    assert "Alleen de coördinator vinkt Orthomatic-punten af." in texts(refused)
    assert await status() is OutboxStatus.MANUAL

    updates = len(connector.sent("update"))
    done = await teams.click(anna, tick, channel=COORDINATORS, thread=root)
    assert "Afgevinkt: Nieuw dossier, categorie Klacht" in texts(done)
    assert f"van {number} staat in Orthomatic." in texts(done)
    assert await status() is OutboxStatus.DELIVERED
    assert ("mirror_tick", item) not in tasks_on(done)

    # The card in the channel is redrawn for everyone, without that item. (Other redraws
    # may still arrive first: wait for the one that counts.)
    for _ in range(500):
        sent = connector.sent("update")
        if len(sent) > updates and ("mirror_tick", item) not in tasks_on(sent[-1].card):
            break
        await asyncio.sleep(0.01)  # the redraw runs after the answer
    redrawn = connector.sent("update")[-1]
    assert redrawn.activity_id == root and ("mirror_tick", item) not in tasks_on(redrawn.card)

    # Ticked off twice: the second click is told it is no longer open.
    again = await teams.click(anna, tick, channel=COORDINATORS)
    assert "niet (meer) open" in texts(again).replace("\\", "")


async def test_the_protocol_comes_with_its_printable_pdf(teams, connector, people, teams_bot):
    _, url = teams_bot
    await teams.say(people.user(people.coordinator), "klacht protocol")
    card = connector.calls[-1].card
    assert "5 werkdagen" in texts(card)
    [(title, link)] = links(card).items()
    assert "PDF" in title and link == url + "/protocol.pdf"
    status, body, headers = await fetch(link)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert "klacht" in pdf_text(body).lower()


async def test_a_client_without_universal_actions_is_asked_first_too(
    teams, connector, people, teams_bot
):
    """Such a client sends a button's data as a message's value (Action.Submit), without
    the verb; the verb travels in the data, so *Brief per post verstuurd* still asks."""
    bot, _ = teams_bot
    anna = people.user(people.coordinator)
    posted = registration(customer_address="Dorpsstraat 3")  # by post: an address is known
    number = (await bot.complaints.register(people.coordinator, posted)).dossier.number
    await teams.say(anna, f"klacht toon {number}")

    async def submit(execute: dict[str, Any]) -> dict[str, Any]:
        activity = teams._base("message", anna, teams.personal(anna))
        activity["value"] = execute["data"]
        status, _ = await teams.post(activity)
        assert status == 201
        return connector.calls[-1].card

    confirm = await submit(action(connector.calls[-1].card, "letter_post"))
    assert "per post verstuurd?" in texts(confirm)
    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.acknowledgement is None
    done = await submit(action(confirm, "letter_post", "open"))
    assert "Vastgelegd" in texts(done)
    view = await bot.complaints.view(people.coordinator, number)
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.POST
