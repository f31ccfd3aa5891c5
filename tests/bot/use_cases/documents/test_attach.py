"""Attaching scans to a dossier, on real databases: stored and recorded together, or neither."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from bot.rules.actions import Assign
from bot.rules.errors import Refused
from storage import tables as t
from tests.bot.use_cases.documents.pdfs import pdf_with_object_stream
from tests.bot.use_cases.documents.support import EXE_FILE, HEIC_FILE, PDF_FILE, PNG_FILE, a_pdf
from tests.helpers import registration


async def _count(bot) -> int:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(t.documents))).scalar()


async def test_an_uploaded_scan_lands_with_the_dossier(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    docs = bot.documents
    document_id = await docs.attach(
        team.coordinator, number, "../scans/brief mevr. Bakker.PDF", PDF_FILE, title="Brief"
    )

    stored = await docs.read(team.coordinator, document_id)
    assert stored.content == PDF_FILE and stored.dossier_number == number
    assert (stored.filename, stored.content_type, stored.kind) == (
        "brief mevr. Bakker.pdf",
        "application/pdf",
        "scan",
    )
    assert stored.sha256 == hashlib.sha256(PDF_FILE).hexdigest() and stored.size == len(PDF_FILE)
    view = await bot.complaints.view(team.coordinator, number)
    event = view.timeline[-1]
    assert event.action == "add_document" and event.actor_id == team.coordinator.id
    assert event.data["document_id"] == document_id
    assert event.data["reference"] == f"document:{document_id}"
    assert event.data["title"] == "Brief" and event.data["kind"] == "scan"
    listed = await docs.list(team.coordinator, number)
    assert [d.id for d in listed] == [document_id] and listed[0].content is None


async def test_a_photo_named_pdf_is_stored_as_what_it_is(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    docs = bot.documents
    png = await docs.attach(team.coordinator, number, "formulier.pdf", PNG_FILE)
    heic = await docs.attach(team.coordinator, number, "IMG_0042.HEIC", HEIC_FILE)
    assert (await docs.read(team.coordinator, png)).content_type == "image/png"
    assert (await docs.read(team.coordinator, png)).filename == "formulier.png"
    assert (await docs.read(team.coordinator, heic)).content_type == "image/heic"


async def test_a_renamed_program_is_refused_and_nothing_is_written(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    with pytest.raises(Refused) as refused:
        await bot.documents.attach(team.coordinator, number, "scan.pdf", EXE_FILE)
    assert refused.value.key == "document.executable"
    assert await _count(bot) == 0
    view = await bot.complaints.view(team.coordinator, number)
    assert [e.action for e in view.timeline] == ["register"]


async def test_who_may_add_documents_is_the_procedures_choice(bot, team):
    c = bot.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number
    await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    docs = bot.documents
    with pytest.raises(Refused) as refused:
        await docs.attach(team.other, number, "brief.pdf", PDF_FILE)
    assert refused.value.key == "role.forbidden"
    assert await _count(bot) == 0
    # The owner may add one, and read it; a colleague without a part in it may not read it.
    document_id = await docs.attach(team.owner, number, "foto.png", PNG_FILE)
    assert (await docs.read(team.owner, document_id)).content == PNG_FILE
    with pytest.raises(Refused) as refused:
        await docs.read(team.other, document_id)
    assert refused.value.key == "role.forbidden_read"


async def test_an_unknown_dossier_or_a_repeat(bot, team):
    docs = bot.documents
    with pytest.raises(Refused) as refused:
        await docs.attach(team.coordinator, "K-2026-0999", "brief.pdf", PDF_FILE)
    assert refused.value.key == "dossier.unknown"
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    first = await docs.attach(team.coordinator, number, "a.pdf", PDF_FILE, request_key="slack:F1")
    again = await docs.attach(team.coordinator, number, "a.pdf", PDF_FILE, request_key="slack:F1")
    assert first == again and await _count(bot) == 1


async def test_an_active_pdf_is_refused_and_nothing_is_written(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    hidden = pdf_with_object_stream(b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>")
    for content, key in (
        (hidden, "document.active_pdf"),
        (a_pdf()[:300], "document.unreadable_pdf"),
    ):
        with pytest.raises(Refused) as refused:
            await bot.documents.attach(team.coordinator, number, "brief.pdf", content)
        assert refused.value.key == key
    assert await _count(bot) == 0
    view = await bot.complaints.view(team.coordinator, number)
    assert [e.action for e in view.timeline] == ["register"]
