"""The card's tasks through Slack: documents as links, the acknowledgement letter, the
Orthomatic checklist, the printable protocol.

Real HTTP both ways: clicks signed as Slack signs them, and the links the bot hands
out opened on the bot's own web server. E-mail goes to a real SMTP server.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from bot.outbox.messages import OutboxStatus
from bot.rules.dossier import AcknowledgementMethod
from bot.use_cases.links import Links, Target
from bot.use_cases.tasks import DOCUMENT
from tests.adapters.intake.smtp_server import Mailbox
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.signing import SlackSends, button
from tests.adapters.slack.test_e2e import latest_card
from tests.bot.use_cases.documents.support import PDF_FILE, make_bot, pdf_text
from tests.helpers import registration


@pytest.fixture
async def bot(database_url, clock, mailbox, slack_api):  # type: ignore[no-untyped-def]
    app = make_bot(database_url, clock, **mailbox.settings())
    yield app
    await app.close()


@pytest.fixture
def links(bot, server) -> Links:  # type: ignore[no-untyped-def]
    """Links to the test server: its address is known only once it listens."""
    assert bot.tasks is not None
    bot.tasks.links = Links(server, "test-link-secret")
    return bot.tasks.links


async def answer(fake: FakeSlack, count: int) -> dict[str, Any]:
    """The `count`-th private answer (through response_url)."""
    return (await fake.wait(lambda: len(fake.responses) >= count and fake.responses))[count - 1]


def urls(message: dict[str, Any]) -> list[str]:
    return [
        e["url"]
        for b in message.get("blocks") or []
        if b["type"] == "actions"
        for e in b["elements"]
        if "url" in e
    ]


async def fetch(url: str) -> tuple[int, bytes, Any]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read(), response.headers


async def register(bot, team, **fields: Any) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    outcome = await bot.complaints.register(
        team.coordinator,
        registration(customer_email="zoe@example.nl", customer_address="Dorpsstraat 3", **fields),
    )
    number = outcome.dossier.number
    scan = await bot.documents.attach(team.coordinator, number, "brief.pdf", PDF_FILE)
    return number, scan


async def test_documents_open_through_links_for_who_may_read_them(
    bot, team, slack: SlackSends, slack_api: FakeSlack, links: Links
):
    fake = slack_api
    number, scan = await register(bot, team)
    card = await latest_card(fake, 2)  # registered, then the scan added

    await slack.click("UANNA", button(card, "documents"))
    message = await answer(fake, 1)
    assert "15 minuten" in message["text"]
    [url] = urls(message)
    status, body, headers = await fetch(url)
    assert status == 200 and body == PDF_FILE
    assert headers["Content-Disposition"].startswith("attachment;")
    assert headers["Cache-Control"] == "no-store"

    # A changed link, an expired one, one made for someone who may not read the dossier.
    tampered = url[:-3] + ("AAA" if not url.endswith("AAA") else "BBB")
    assert (await fetch(tampered))[0] == 404
    now = bot.complaints.clock()
    expired = links.url(team.coordinator.id, Target(DOCUMENT, str(scan)), now - timedelta(hours=1))
    status, body, _ = await fetch(expired)
    assert status == 410 and "verlopen" in body.decode()
    sanne = links.url(team.other.id, Target(DOCUMENT, str(scan)), now)
    status, body, _ = await fetch(sanne)
    assert status == 403 and "Traceback" not in body.decode()
    # Made elsewhere (another secret): not ours.
    other = Links(links.base_url, "another-secret")
    forged = other.url(team.coordinator.id, Target(DOCUMENT, str(scan)), now)
    assert (await fetch(forged))[0] == 404

    # A medewerker who does not own the dossier asks: refused, no links.
    await slack.click("USANNE", button(card, "documents"))
    message = await answer(fake, 2)
    assert urls(message) == [] and number in message["text"]


async def test_the_letter_is_previewed_and_emailed_from_the_card(
    bot, team, slack: SlackSends, slack_api: FakeSlack, links: Links, mailbox: Mailbox
):
    fake = slack_api
    number, _ = await register(bot, team)
    card = await latest_card(fake, 2)

    await slack.click("UANNA", button(card, "letter_preview"))
    [url] = urls(await answer(fake, 1))
    status, body, headers = await fetch(url)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert number in pdf_text(body)
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is None  # a preview records nothing

    await slack.click("UANNA", button(card, "letter_email"))
    message = await answer(fake, 2)
    assert "zoe@example.nl" in message["text"]
    await fake.wait(lambda: mailbox.messages)
    [attachment] = list(mailbox.messages[0].iter_attachments())
    assert attachment.get_filename() == f"ontvangstbevestiging-{number}.pdf"

    async def acknowledged() -> bool:
        view = await bot.complaints.view(team.coordinator, number)
        return view.dossier.acknowledgement is not None

    for _ in range(300):
        if await acknowledged():
            break
        await fake.wait(lambda: True, timeout=0.05)
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is not None
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.EMAIL
    # The card no longer offers the letter.
    card = await latest_card(fake, view.dossier.version)
    clicks = [json.loads(e["value"])["a"] for b in card if b["type"] == "actions"
              for e in b["elements"] if "value" in e]  # fmt: skip
    assert "letter_email" not in clicks and "letter_post" not in clicks


async def test_sent_by_post_is_recorded_once_and_only_by_the_coordinator(
    bot, team, slack: SlackSends, slack_api: FakeSlack
):
    fake = slack_api
    number, _ = await register(bot, team)
    card = await latest_card(fake, 2)
    post = button(card, "letter_post")
    assert post["confirm"]  # a confirm dialog first: it records a fact

    # Who may not read the dossier (not its owner yet) is told so; the directie may read it,
    # but recording the acknowledgement is the coordinator's.
    await slack.click("UPIET", post)
    assert f"geen toegang tot dossier {number}" in (await answer(fake, 1))["text"]
    await slack.click("UDIRK", post)
    assert "mag" in (await answer(fake, 2))["text"]

    await slack.click("UANNA", post)
    await slack.click("UANNA", post)  # a double click
    await answer(fake, 4)
    view = await bot.complaints.view(team.coordinator, number)
    acknowledgements = [e for e in view.timeline if e.action == "acknowledge"]
    assert len(acknowledgements) == 1
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.POST
    letters = [e for e in view.timeline if e.data.get("kind") == "ontvangstbevestiging"]
    assert len(letters) == 1


async def test_an_orthomatic_item_is_ticked_off_from_the_card(
    bot, team, slack: SlackSends, slack_api: FakeSlack
):
    fake = slack_api
    number, _ = await register(bot, team)
    card = await latest_card(fake, 2)
    tick = button(card, "mirror_tick")
    item = int(json.loads(tick["value"])["d"]["item"])

    # Only the coordinator ticks; who may not even read the dossier is told that.
    await slack.click("UPIET", tick)
    assert f"geen toegang tot dossier {number}" in (await answer(fake, 1))["text"]
    await slack.click("UDIRK", tick)
    assert "coördinator" in (await answer(fake, 2))["text"]
    [open_item] = [i for i in await bot.outbox.for_dossier(number, "orthomatic") if i.id == item]
    assert open_item.status is OutboxStatus.MANUAL

    updates = len(fake.to("chat.update"))
    await slack.click("UANNA", tick)
    assert "Afgevinkt: " in (await answer(fake, 3))["text"]
    [done] = [i for i in await bot.outbox.for_dossier(number, "orthomatic") if i.id == item]
    assert done.status is OutboxStatus.DELIVERED

    # The card is redrawn without that item's button. (Other redraws, e.g. after the
    # bot filed the complaint's copy, may still arrive first: wait for the one that counts.)
    def items_on(update: dict[str, Any]) -> list[Any]:
        return [json.loads(e["value"]).get("d", {}).get("item") for b in update["blocks"]
                if b["type"] == "actions" for e in b["elements"] if "value" in e]  # fmt: skip

    await fake.wait(
        lambda: (
            len(fake.to("chat.update")) > updates
            and str(item) not in items_on(fake.to("chat.update")[-1])
        )
    )
    assert str(item) not in items_on(fake.to("chat.update")[-1])


async def test_the_protocol_comes_with_a_printable_pdf(
    bot, slack: SlackSends, slack_api: FakeSlack, links: Links
):
    status, _ = await slack.command("UANNA", "protocol")
    assert status == 200
    message = await answer(slack_api, 1)
    [url] = urls(message)
    assert url.endswith("/protocol.pdf")
    status, body, headers = await fetch(url)
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert "klacht" in pdf_text(body).lower()
