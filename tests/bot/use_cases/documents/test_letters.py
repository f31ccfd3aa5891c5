"""The documents as PDF, read back with a PDF text extractor, diacritics included."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from bot.rules.deadlines import Terms
from bot.rules.dossier import AcknowledgementMethod, LetterMethod
from bot.rules.errors import Refused
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.documents import protocol_pdf
from bot.use_cases.letters.service import Letters
from tests.bot.use_cases.documents.support import make_bot, pdf_text
from tests.helpers import registration

COMPANY = {
    "company_name": "Orthopédie Ëlshout & Ïjzerman",
    "company_address": "Kerkstraat 12|5611 AB Eindhoven",
    "company_phone": "040-1234567",
}


@pytest.fixture
async def bot(database_url, clock):  # type: ignore[no-untyped-def]
    app = make_bot(database_url, clock, **COMPANY)
    yield app
    await app.close()


def _registration(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "customer_name": "Zoë Ïsbrand-Éénhoorn",
        "customer_email": "zoe@example.nl",
        "customer_address": "Dorpsstraat 3, 1234 AB Ëlst",
        "summary": "Steunzool drukt bij de hiel",
        "details": "Na één week dragen doet de hiel pijn; geëtst logo is beschadigd.",
    }
    data.update(overrides)
    return registration(**data)


def _flat(text: str) -> str:
    return " ".join(text.split())


async def test_the_acknowledgement_letter_names_everything_it_must(bot, team):
    phoned = _registration(channel="telefoon")
    number = (await bot.complaints.register(team.coordinator, phoned)).dossier.number
    text = _flat(pdf_text(await bot.letters.acknowledgement_preview(team.coordinator, number)))
    for expected in (
        "Orthopédie Ëlshout & Ïjzerman",  # the letterhead, from settings
        "Kerkstraat 12",
        "Telefoon 040-1234567",  # labelled
        "Geachte heer/mevrouw Ïsbrand-Éénhoorn,",  # no title: the neutral salutation
        "Dorpsstraat 3",
        f"dossiernummer {number}",
        # The complaint in the customer's terms, not the staff's summary.
        "Op 23 november 2026 ontvingen wij telefonisch uw klacht over uw orthopedische"
        " schoen links.",
        "De coördinator klachten, Anna de Vries",
        "Uiterlijk op 4 januari 2027",
        "(6 weken na ontvangst)",
        "ten hoogste 4 weken",
        "de geschillencommissie van de branche",
        "Eindhoven, 24 november 2026",
    ):
        assert expected in text, expected
    assert "Steunzool drukt bij de hiel" not in text  # the staff's own summary
    assert "pagina" not in text  # no "pagina 1 van 1"
    # A preview records nothing.
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is None and len(view.timeline) == 1


async def test_an_edited_template_from_settings_is_used(database_url, clock, team, tmp_path):
    template = tmp_path / "brief.txt"
    template.write_text(
        "# our own letter\n$klant\n\n## Uw klacht $dossiernummer\n\nWij reageren vóór"
        " $beslisdatum. Groet, $coordinator. $onbekend\n",
        encoding="utf-8",
    )
    app = make_bot(database_url, clock, company_letter_template=template, **COMPANY)
    try:
        number = (await app.complaints.register(team.coordinator, _registration())).dossier.number
        pdf = await app.letters.acknowledgement_preview(team.coordinator, number)
    finally:
        await app.close()
    text = _flat(pdf_text(pdf))
    assert f"Uw klacht {number}" in text
    assert "Wij reageren vóór 4 januari 2027. Groet, Anna de Vries. $onbekend" in text
    assert "our own letter" not in text and "Wat gebeurt er nu?" not in text


async def test_the_protocol_handout_is_for_customers_on_one_page():
    company = Company(name="Orthopédie Ëlshout & Ïjzerman", website="www.voorbeeld.nl")
    content = protocol_pdf(company, Terms())
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    text = _flat(pdf_text(content))
    assert "Klachtenprocedure: zo gaan wij met uw klacht om" in text
    assert 'Op www.voorbeeld.nl, via de link "Is alles naar wens?"' in text
    assert "Binnen 5 werkdagen ontvangt u een bevestiging" in text
    assert "Uiterlijk 6 weken nadat wij uw klacht ontvingen" in text
    assert "Pas als u akkoord bent, sluiten wij uw klacht af." in text
    assert "de geschillencommissie van de branche" in text
    assert "Orthopédie Ëlshout & Ïjzerman" in text
    # Plain language: none of the words the staff use among themselves.
    for internal in ("klantenkaart", "prikbord", "categorie", "'Klacht'", "Orthomatic",
                     "ontvangt van de directie", "dossier wordt aangemaakt"):  # fmt: skip
        assert internal.lower() not in text.lower(), internal
    # And the short text a chat command shows beside it.
    assert "5 werkdagen" in Letters.protocol_text("nl")
    assert "5 working days" in Letters.protocol_text("en")


async def test_the_copy_of_a_phone_complaint_is_filed_by_the_coordinator(bot, team):
    phoned = _registration(channel="telefoon")
    number = (await bot.complaints.register(team.coordinator, phoned)).dossier.number
    paper = bot.letters
    document_id = await paper.file_complaint_copy(team.coordinator, number)
    stored = await paper.documents.read(team.coordinator, document_id)
    assert stored.kind == "kopie_klacht" and stored.content_type == "application/pdf"
    text = _flat(pdf_text(stored.content or b""))
    for expected in (
        f"Kopie van de klacht {number}",
        "Zoë Ïsbrand-Éénhoorn",
        "10234",
        "telefonisch",
        "Anna de Vries",  # who registered it
        "Na één week dragen doet de hiel pijn; geëtst logo is beschadigd.",
        "Aanpassing van de schacht",
        "Steunzool",
        "Jan Willems",
    ):
        assert expected in text, expected
    event = (await bot.complaints.view(team.coordinator, number)).timeline[-1]
    assert (event.action, event.data["document_id"]) == ("add_document", document_id)


async def test_sent_by_post_records_the_acknowledgement_and_files_the_letter(bot, team):
    number = (await bot.complaints.register(team.coordinator, _registration())).dossier.number
    paper = bot.letters
    sent = await paper.send(team.coordinator, number, LetterMethod.POST)
    document_id = sent.document_id
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.acknowledgement is not None
    assert view.dossier.acknowledgement.method is AcknowledgementMethod.POST
    assert [e.action for e in view.timeline] == ["register", "acknowledge", "add_document"]
    assert view.timeline[-1].data["document_id"] == document_id
    letter = await paper.documents.read(team.coordinator, document_id)
    assert "Zoë Ïsbrand-Éénhoorn" in pdf_text(letter.content or b"")
    # Once is enough; the second time is refused and writes nothing.
    with pytest.raises(Refused) as refused:
        await paper.send(team.coordinator, number, LetterMethod.POST)
    assert refused.value.key == "acknowledge.already"
    assert len(await paper.documents.list(team.coordinator, number)) == 1


async def test_only_the_coordinator_acknowledges(bot, team):
    number = (await bot.complaints.register(team.coordinator, _registration())).dossier.number
    with pytest.raises(Refused) as refused:
        await bot.letters.send(team.directie, number, LetterMethod.POST)
    assert refused.value.key == "role.forbidden"


async def test_e_mail_needs_an_address_and_a_mail_server_post_a_postal_address(bot, team):
    number = (await bot.complaints.register(team.coordinator, _registration())).dossier.number
    with pytest.raises(Refused) as refused:
        await bot.letters.send(team.coordinator, number, LetterMethod.EMAIL)
    assert refused.value.key == "letter.email_off"
    no_address = _registration(customer_address=None)
    number = (await bot.complaints.register(team.coordinator, no_address)).dossier.number
    with pytest.raises(Refused) as refused:
        await bot.letters.send(team.coordinator, number, LetterMethod.POST)
    assert refused.value.key == "letter.no_address"
    assert await bot.letters.documents.list(team.coordinator, number) == []


async def test_logo_and_signature_from_settings_are_printed(database_url, clock, team, tmp_path):
    logo, signature = tmp_path / "logo.png", tmp_path / "handtekening.jpg"
    Image.new("RGB", (120, 40), (20, 90, 160)).save(logo)
    Image.new("RGB", (200, 60), (250, 250, 250)).save(signature)
    app = make_bot(database_url, clock, company_logo=logo, company_signature=signature, **COMPANY)
    try:
        number = (await app.complaints.register(team.coordinator, _registration())).dossier.number
        with_images = await app.letters.acknowledgement_preview(team.coordinator, number)
    finally:
        await app.close()
    [page] = PdfReader(io.BytesIO(with_images)).pages
    assert len(page.images) == 2
    # A configured file that is missing is said once at start, and the letter still prints.
    missing = make_bot(database_url, clock, company_logo=tmp_path / "weg.png", **COMPANY)
    try:
        assert any("weg.png" in note for note in missing.startup_notes)
    finally:
        await missing.close()
