"""The acknowledgement by e-mail, against a real SMTP server: sent means accepted."""

from __future__ import annotations

import socket
from datetime import date, timedelta

import pytest

from bot.outbox.messages import OutboxStatus
from bot.rules.actions import Acknowledge
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import AcknowledgementMethod, LetterMethod
from bot.rules.errors import Refused
from tests.bot.use_cases.documents.support import make_bot, pdf_text, with_chat
from tests.conftest import LiveClock
from tests.helpers import registration


@pytest.fixture
async def bot(database_url, clock, mailbox):  # type: ignore[no-untyped-def]
    app = make_bot(
        database_url,
        clock,
        **mailbox.settings(),
        company_name="Orthopédie Ëlshout",
    )
    # The dispatcher's own clock, moved on by hand to reach a retry (the outbox stamps
    # items with real time).
    app.dispatcher.clock = LiveClock()
    yield app
    await app.close()


def later(bot, minutes: int = 10) -> None:  # type: ignore[no-untyped-def]
    bot.dispatcher.clock.advance(timedelta(minutes=minutes))


async def _dossier(bot, team) -> str:  # type: ignore[no-untyped-def]
    outcome = await bot.complaints.register(
        team.coordinator,
        registration(customer_name="Zoë Ïsbrand", customer_email="zoe@example.nl", channel="brief"),
    )
    return outcome.dossier.number


async def test_the_letter_is_mailed_with_its_pdf_and_then_recorded(bot, team, mailbox):
    chat = with_chat(bot)
    number = await _dossier(bot, team)
    document_id = (await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)).document_id

    # Queued, not yet sent: nothing says "sent".
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is None and len(view.timeline) == 1

    await bot.dispatcher.drain()
    assert len(mailbox.messages) == 1
    mail = mailbox.messages[0]
    assert mailbox.envelopes[0] == ("klachten@werkplaats.example", ["zoe@example.nl"])
    assert mail["To"] == "zoe@example.nl" and number in mail["Subject"]
    assert "Orthopédie Ëlshout" in mail["From"]
    assert "Geachte heer/mevrouw Ïsbrand," in mail.get_body(("plain",)).get_content()
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"ontvangstbevestiging-{number}.pdf"
    text = pdf_text(attachment.get_content())
    assert number in text and "Geachte heer/mevrouw Ïsbrand," in text and "coördinator" in text

    view = await bot.complaints.view(team.coordinator, number)
    ack = view.dossier.acknowledgement
    assert ack is not None and ack.method is AcknowledgementMethod.EMAIL
    assert [(e.action, e.actor_id) for e in view.timeline[1:]] == [
        ("acknowledge", team.coordinator.id),
        ("add_document", team.coordinator.id),
    ]
    assert view.timeline[-1].data["document_id"] == document_id
    assert not [d for d in view.deadlines if d.kind is DeadlineKind.ACKNOWLEDGEMENT and d.pending]
    assert chat.notices == []  # nothing to tell
    # Delivered once; draining again sends nothing more.
    await bot.dispatcher.drain()
    assert len(mailbox.messages) == 1


async def test_a_failing_server_leaves_it_unsent_retries_and_tells(bot, team, mailbox):
    chat = with_chat(bot)
    number = await _dossier(bot, team)
    await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)

    mailbox.data_reply = "451 4.3.0 Tijdelijk niet beschikbaar"
    await bot.dispatcher.drain()
    later(bot)
    await bot.dispatcher.drain()  # a second failure: retried, not told again
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is None and len(view.timeline) == 1
    [item] = [i for i in await bot.outbox.items(OutboxStatus.PENDING) if i.channel == "email"]
    assert item.attempts == 2 and "451" in (item.last_error or "")
    assert chat.titles() == [f"Ontvangstbevestiging {number} nog niet verstuurd"]
    assert chat.notices[0]["dossier_number"] == number
    assert chat.notices[0]["audience"] == "coordinators"

    mailbox.data_reply = None
    later(bot)
    await bot.dispatcher.drain()
    assert len(mailbox.messages) == 1
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is not None


async def test_a_server_that_is_down_is_retried(bot, team, mailbox):
    chat = with_chat(bot)
    number = await _dossier(bot, team)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    working = bot.deliverers["email"].config
    bot.deliverers["email"].config = type(working)(**{**working.__dict__, "port": closed_port})
    await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)
    await bot.dispatcher.drain()
    assert (await bot.complaints.view(team.coordinator, number)).dossier.acknowledgement is None
    assert len(chat.notices) == 1

    bot.deliverers["email"].config = working
    later(bot)
    await bot.dispatcher.drain()
    assert len(mailbox.messages) == 1
    assert (await bot.complaints.view(team.coordinator, number)).dossier.acknowledgement


async def test_a_refused_address_stops_and_tells_the_coordinator(bot, team, mailbox):
    chat = with_chat(bot)
    number = await _dossier(bot, team)
    mailbox.refuse_recipients = True
    await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)
    await bot.dispatcher.drain()
    [item] = await bot.outbox.items(OutboxStatus.FAILED)
    assert "550" in (item.last_error or "")
    assert chat.titles() == [f"Ontvangstbevestiging {number} NIET verstuurd"]
    assert mailbox.messages == []
    assert (await bot.complaints.view(team.coordinator, number)).dossier.acknowledgement is None


async def test_acknowledged_by_post_meanwhile_means_no_mail(bot, team, mailbox):
    chat = with_chat(bot)
    number = await _dossier(bot, team)
    await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)
    await bot.complaints.act(
        team.coordinator, number, Acknowledge(sent_on=date(2026, 11, 24), method="post")
    )
    await bot.dispatcher.drain()
    assert mailbox.messages == []
    [item] = await bot.outbox.items(OutboxStatus.FAILED)
    assert "al vastgelegd" in (item.last_error or "")
    assert len(chat.notices) == 1
    ack = (await bot.complaints.view(team.coordinator, number)).dossier.acknowledgement
    assert ack is not None and ack.method is AcknowledgementMethod.POST


async def test_no_address_no_mail(bot, team):
    outcome = await bot.complaints.register(
        team.coordinator, registration(customer_email=None, customer_phone="0612345678")
    )
    with pytest.raises(Refused) as refused:
        await bot.letters.send(team.coordinator, outcome.dossier.number, LetterMethod.EMAIL)
    assert refused.value.key == "letter.no_email"
    assert await bot.outbox.items(OutboxStatus.PENDING) == []
