"""The copy of a phone or website complaint is filed by the bot, once, after registering."""

from __future__ import annotations

from adapters.intake.copy import CHANNEL, CopyFiler
from bot.outbox.messages import OutboxStatus
from bot.rules.people import SYSTEM
from tests.bot.use_cases.documents.support import pdf_text
from tests.helpers import registration


async def test_a_phone_complaint_gets_its_copy_on_the_dossier(bot, team):
    outcome = await bot.complaints.register(
        team.coordinator,
        registration(channel="telefoon", summary="Schoen knelt bij de wreef, zegt mevrouw"),
    )
    number = outcome.dossier.number
    await bot.dispatcher.drain()

    view = await bot.complaints.view(team.coordinator, number)
    [filed] = [e for e in view.timeline if e.action == "add_document"]
    assert filed.actor_id == SYSTEM.id and filed.data["kind"] == "kopie_klacht"
    document = await bot.documents.read(team.coordinator, filed.data["document_id"])
    text = pdf_text(document.content)
    assert number in text and "Schoen knelt bij de wreef, zegt mevrouw" in text
    assert "Anna de Vries" in text  # to whom the customer said it

    # Delivered again (a crash between filing and the outbox's bookkeeping): still one.
    [item] = [i for i in await bot.outbox.for_dossier(number, CHANNEL)]
    assert item.status is OutboxStatus.DELIVERED
    await CopyFiler(bot.letters).deliver(item)
    assert len(await bot.documents.list(team.coordinator, number)) == 1


async def test_a_letter_has_its_scan_and_gets_no_generated_copy(bot, team):
    outcome = await bot.complaints.register(team.coordinator, registration(channel="brief"))
    await bot.dispatcher.drain()
    assert await bot.outbox.for_dossier(outcome.dossier.number, CHANNEL) == []
    view = await bot.complaints.view(team.coordinator, outcome.dossier.number)
    assert [e.action for e in view.timeline] == ["register"]
