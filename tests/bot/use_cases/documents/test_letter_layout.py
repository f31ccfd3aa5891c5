"""How the customer's letters read and where things sit on the page, read back with pypdf:
the salutation, the promised dates, the logo in its box, the address in the envelope's
window, letterhead paper, page numbers, and nothing of the staff's own notes."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bot.rules.actions import (
    AddNote,
    Assign,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    ReportStatus,
)
from bot.rules.deadlines import Terms
from bot.rules.dossier import Dossier
from bot.rules.people import Person
from bot.rules.procedure import apply, register
from bot.rules.roles import Role
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.documents import Sender, letter_pdf, letter_values
from bot.use_cases.letters.dutch import salutation
from bot.use_cases.letters.kinds import BY_NAME, LETTERS
from bot.use_cases.letters.offers import default_fields
from bot.use_cases.letters.pdf import LOGO_BOX, WINDOW, fit
from tests.helpers import registration

MM = 72 / 25.4  # PDF points per millimetre
A4_HEIGHT = 297.0
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANNA = Person(id=1, name="Anna de Vries", roles=frozenset({Role.COORDINATOR}))
PIET = Person(id=2, name="Piet Jansen", roles=frozenset({Role.MEDEWERKER}))
DIRK = Person(id=3, name="Dirk Bos", roles=frozenset({Role.DIRECTIE}))
SENDER = Sender("Anna de Vries", "coördinator klachten")
COMPANY = Company(
    name="Orthopédie Ëlshout",
    address=("Kerkstraat 12", "5611 AB Eindhoven"),
    phone="040-1234567",
    email="klachten@elshout.example",
    website="www.elshout.example",
)
# Everything the staff write for themselves; none of it may reach a letter.
INTERNAL = {
    "summary": "INTERN-samenvatting",
    "details": "INTERN-toelichting",
    "remedy_requested": "INTERN-wens",
    "practitioner": "INTERN-behandelaar",
}
VALUES = {
    "ontvangstbevestiging": {},
    "verlenging": {"reason": "Het leer is besteld.", "new_due": "2027-01-20"},
    "voortgangsbericht": {},
    "schriftelijke_reactie": {"text": "Wij passen de schacht kosteloos aan."},
    "afsluitbrief": {"text": "U haalt de schoen op 18 januari op."},
}


def worked_dossier(name: str = "Mevr. Ëlsa Bakker-Öztürk") -> Dossier:
    """A dossier that went the whole way, with internal notes at every step."""
    d = register(
        registration(
            customer_name=name,
            customer_address="Dorpsstraat 3, 1234 AB Ëlst",
            customer_email="e@example.nl",
            **INTERNAL,
        ),
        ANNA,
        "K-2026-0001",
        NOW,
        Terms(),
    ).dossier
    for action, who in (
        (Assign(owner_id=PIET.id), ANNA),
        (AddNote(text="INTERN-notitie"), PIET),
        (ReportStatus(text="INTERN-status"), PIET),
        (Escalate(reason="INTERN-escalatie"), PIET),
        (Decide(choice="advies", text="INTERN-besluit"), DIRK),
        (MarkHandled(solution="INTERN-oplossing"), PIET),
        (
            Evaluate(outcome="INTERN-uitkomst", remarks="INTERN-opmerking", customer_agrees=True),
            ANNA,
        ),
    ):
        d = apply(d, action, who, NOW, Terms()).dossier
    return d


def render(
    kind: str, dossier: Dossier | None = None, company: Company = COMPANY, **values
) -> bytes:  # type: ignore[no-untyped-def]
    d = dossier or worked_dossier()
    fields = {**default_fields(BY_NAME[kind], d), **VALUES[kind], **values, "method": "post"}
    values = letter_values(BY_NAME[kind], d, fields, SENDER, company, Terms(), date(2026, 11, 24))
    return letter_pdf(BY_NAME[kind], d, values, company)


def text_of(content: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )


def placed_text(content: bytes) -> dict[str, tuple[float, float]]:
    """Each line of the first page with where it starts, in mm from the top left."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, *_):  # type: ignore[no-untyped-def]
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (x / MM, A4_HEIGHT - y / MM))

    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=visit)
    return found


def drawn_images(content: bytes) -> list[tuple[float, float]]:
    """The size (mm) at which each image is drawn on the first page."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(content))
    page = reader.pages[0]
    sizes, matrix = [], None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"cm":
            matrix = [float(v) for v in operands]
        elif operator == b"Do" and matrix is not None:
            sizes.append((matrix[0] / MM, matrix[3] / MM))
    return sizes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mevr. E. Bakker", "Geachte mevrouw Bakker,"),
        ("mw. A. de Vries", "Geachte mevrouw De Vries,"),
        ("Dhr. J. van der Berg", "Geachte heer Van der Berg,"),
        ("de heer P. Jansen-de Wit", "Geachte heer Jansen-de Wit,"),
        ("E. Bakker", "Geachte heer/mevrouw Bakker,"),
        ("Zoë Ïsbrand-Éénhoorn", "Geachte heer/mevrouw Ïsbrand-Éénhoorn,"),
        ("Mr. E. Bakker", "Geachte heer/mevrouw Bakker,"),  # mr. is a lawyer's title
    ],
)
def test_the_salutation_comes_from_title_and_surname(name: str, expected: str) -> None:
    assert salutation(name) == expected


@pytest.mark.parametrize("kind", [k.name for k in LETTERS])
def test_every_letter_reads_well_and_keeps_the_staffs_notes_to_itself(kind: str) -> None:
    text = text_of(render(kind))
    assert "Geachte mevrouw Bakker-Öztürk," in text
    assert "Mevr. Ëlsa Bakker-Öztürk" in text and "Dorpsstraat 3" in text and "1234 AB Ëlst" in text
    assert "Eindhoven, 24 november 2026" in text and "dossiernummer K-2026-0001" in text
    assert "Telefoon 040-1234567" in text and "Website www.elshout.example" in text
    assert "Anna de Vries coördinator klachten, Orthopédie Ëlshout" in text
    assert "INTERN" not in text, text
    assert "pagina" not in text  # one page: no "pagina 1 van 1"


def test_each_letter_says_what_it_promises() -> None:
    assert "Uiterlijk op 4 januari 2027 ontvangt u van ons een schriftelijke" in text_of(
        render("ontvangstbevestiging")
    )
    extension = text_of(render("verlenging"))
    assert "uiterlijk op 4 januari 2027 een schriftelijke" in extension
    assert "De reden daarvan is: Het leer is besteld." in extension
    assert "U ontvangt onze schriftelijke reactie nu uiterlijk op 20 januari 2027." in extension
    progress = text_of(render("voortgangsbericht"))
    assert "Uiterlijk op 4 januari 2027 ontvangt u onze schriftelijke reactie." in progress
    assert "Wij passen de schacht kosteloos aan." in text_of(render("schriftelijke_reactie"))
    closing = text_of(render("afsluitbrief"))
    assert "U haalt de schoen op 18 januari op." in closing
    assert "Hiermee sluiten wij uw klachtdossier." in closing


def test_the_address_sits_in_the_window_of_the_envelope() -> None:
    for paper in (False, True):
        company = Company(**{**COMPANY.__dict__, "letterhead_paper": paper})
        placed = placed_text(render("ontvangstbevestiging", company=company))
        x, y = placed["Mevr. Ëlsa Bakker-Öztürk"]
        left, top, width, height = WINDOW
        assert left - 0.5 <= x <= left + 1.5 and top <= y <= top + height, (paper, x, y)
        x, y = placed["Dorpsstraat 3"]
        assert left - 0.5 <= x <= left + width and top <= y <= top + height


def test_on_letterhead_paper_nothing_of_the_letterhead_is_printed(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (20, 90, 160)).save(logo)
    printed = Company(**{**COMPANY.__dict__, "logo": logo})
    on_paper = Company(**{**printed.__dict__, "letterhead_paper": True})
    assert len(drawn_images(render("schriftelijke_reactie", company=printed))) == 1
    content = render("schriftelijke_reactie", company=on_paper)
    text = text_of(content)
    assert drawn_images(content) == []
    assert "Kerkstraat 12" not in text and "Telefoon 040-1234567" not in text
    assert "Geachte mevrouw Bakker-Öztürk," in text  # the letter itself is all there


@pytest.mark.parametrize(("pixels"), [(1200, 100), (100, 900), (400, 400)])
def test_the_logo_fits_its_box_whatever_its_shape(tmp_path: Path, pixels) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.png"
    Image.new("RGB", pixels, (20, 90, 160)).save(logo)
    company = Company(**{**COMPANY.__dict__, "logo": logo})
    [(width, height)] = drawn_images(render("ontvangstbevestiging", company=company))
    box_w, box_h = LOGO_BOX
    assert width <= box_w + 0.01 and height <= box_h + 0.01
    assert width == pytest.approx(box_w, abs=0.01) or height == pytest.approx(box_h, abs=0.01)
    assert width / height == pytest.approx(pixels[0] / pixels[1], rel=0.01)  # not squeezed
    assert fit(pixels, LOGO_BOX) == pytest.approx((width, height), abs=0.01)


def test_a_long_letter_numbers_its_later_pages_only() -> None:
    long_text = " ".join(["Wij hebben de schoen opnieuw nagemeten en besproken."] * 80)
    content = render("schriftelijke_reactie", text=long_text)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(content)).pages]
    assert len(pages) == 2
    assert "pagina" not in pages[0] and "pagina 2 van 2" in pages[1]


def test_the_acknowledgement_describes_the_complaint_in_the_customers_terms() -> None:
    d = worked_dossier()
    assert default_fields(BY_NAME["ontvangstbevestiging"], d) == {
        "description": "over uw orthopedische schoen links"
    }
    edited = text_of(render("ontvangstbevestiging", description="over de pasvorm van uw schoen"))
    assert "telefonisch uw klacht over de pasvorm van uw schoen." in edited or (
        "uw klacht over de pasvorm van uw schoen." in edited
    )
