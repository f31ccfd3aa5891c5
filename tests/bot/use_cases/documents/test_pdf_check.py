"""Uploaded PDFs: active content is refused however the PDF's syntax spells it, and a
scan, a letter with a link, and whatever fpdf2 or pypdf write are accepted.

Every PDF here is one a reader opens: built byte by byte
(`tests.bot.use_cases.documents.pdfs`) with a working cross-reference, or written by
fpdf2 and pypdf.
"""

from __future__ import annotations

import io
import random
import zlib

import pytest
from fpdf import FPDF
from PIL import Image

import bot.inbound.pdf_check
from bot.catalogue import t
from bot.rules.errors import Refused
from bot.use_cases.documents import PDF, check_upload
from tests.bot.use_cases.documents.pdfs import (
    CATALOG,
    FIRST_PAGE,
    LINK,
    PAGE,
    PAGES,
    pdf_from,
    pdf_with,
    pdf_with_object_stream,
)
from tests.bot.use_cases.documents.support import a_pdf


def refusal(content: bytes) -> str:
    with pytest.raises(Refused) as refused:
        check_upload(content)
    assert refused.value.field == "file"
    return refused.value.key


# Each of these passed the check by regular expression that came before.
EVASIONS = {
    # A NUL is PDF whitespace (ISO 32000-1 §7.2.2) and ends a name, as a space does.
    "nul after /JavaScript": pdf_with(b"<< /S\x00/JavaScript\x00/JS\x00(app.alert\\(1\\))\x00>>"),
    "nul after /Launch": pdf_with(b"<< /S /Launch\x00/F (cmd.exe) >>"),
    "form feed after /Launch": pdf_with(b"<</S/Launch\x0c/F(cmd.exe)>>"),
    # A comment separates tokens like whitespace.
    "comments between tokens": pdf_with(b"<< /S%a\n/ImportData%b\r/F (gegevens.fdf) >>"),
    "comment after /JS": pdf_with(b"<< /S /Named /N /Print /JS%c\n(app.alert\\(1\\)) >>"),
    # `#xx` escapes spell a name in hexadecimal, partly or wholly.
    "#4A-escaped /JS": pdf_with(b"<< /S /Named /N /Print /#4A#53 (app.alert\\(1\\)) >>"),
    "escaped /SubmitForm": pdf_with(b"<< /S /#53ubmit#46orm /F (https://example.org/) >>"),
    # Inside a compressed object stream, the raw bytes show nothing.
    "action in an object stream": pdf_with_object_stream(b"<< /S /Launch /F (cmd.exe) >>"),
    "nul inside an object stream": pdf_with_object_stream(b"<< /S /JavaScript\x00/JS (x) >>"),
    "object stream entry no cross-reference lists": pdf_with_object_stream(
        b"<< /S /URI /URI (https://example.org/) >>", orphan=b"<< /S /Launch /F (cmd.exe) >>"
    ),
    # Actions that send the form, load data, or jump into another (remote) file.
    "/SubmitForm": pdf_with(b"<< /S /SubmitForm /F << /FS /URL /F (https://example.org/) >> >>"),
    "/GoToR": pdf_with(b"<< /S /GoToR /F (\\\\\\\\server\\\\share\\\\x.pdf) /D [0 /Fit] >>"),
    "/ImportData": pdf_with(b"<< /S /ImportData /F (gegevens.fdf) >>"),
    "/GoToE": pdf_with(b"<< /S /GoToE /D [0 /Fit] /T << /R /C /N (bijlage) >> >>"),
    # Actions that run without a click.
    "/AA on a page": pdf_from(
        CATALOG,
        PAGES,
        PAGE[:-2] + b" /AA << /O 6 0 R >> >>",
        FIRST_PAGE,
        LINK,
        b"<< /S /URI /URI (https://example.org/gezien) >>",
    ),
    "/OpenAction opening a web address": pdf_from(
        CATALOG, PAGES, PAGE, b"<< /S /URI /URI (https://example.org/) >>", LINK, FIRST_PAGE
    ),
}


@pytest.mark.parametrize("content", EVASIONS.values(), ids=EVASIONS.keys())
def test_active_content_is_refused_however_it_is_spelled(content: bytes):
    assert refusal(content) == "document.active_pdf"


@pytest.mark.parametrize(
    "action",
    [
        b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>",
        b"<< /S /J#61vaScript /JS (x) >>",
        b"<< /S /Launch /F (cmd.exe) >>",
        b"<< /S /URI /URI (https://x.nl) /Names << /EmbeddedFiles 7 0 R >> >>",
        b"<< /S /URI /URI (https://x.nl) /AcroForm << /XFA 7 0 R >> >>",
        b"<< /S /URI /URI (https://x.nl) /RichMedia 7 0 R >>",
    ],
)
def test_the_plainly_written_ones_stay_refused(action: bytes):
    assert refusal(pdf_with(action, b"<< >>")) == "document.active_pdf"


def a_scan(pages: int = 2, link: bool = False) -> bytes:
    """A scanned letter as scanner software writes one: a photo per page (fpdf2)."""
    rng = random.Random(7)
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        noise = Image.frombytes("L", (300, 400), rng.randbytes(300 * 400))
        image = io.BytesIO()
        noise.save(image, format="JPEG", quality=70)
        pdf.image(image, x=0, y=0, w=210)
        if link:
            pdf.set_font("helvetica", size=12)
            pdf.cell(text="Zie onze website", link="https://example.org/klachten")
    return bytes(pdf.output())


def test_scans_letters_with_links_and_the_bots_own_pdfs_are_accepted():
    assert check_upload(a_scan()) is PDF
    assert check_upload(a_scan(link=True)) is PDF
    assert b"/URI" in a_scan(link=True)
    assert check_upload(a_pdf()) is PDF
    # A link the reader clicks, and an /OpenAction that only goes to the first page (as an
    # action, or as a plain destination).
    web_link = b"<< /S /URI /URI (https://example.org/klachten) >>"
    assert check_upload(pdf_with(web_link)) is PDF
    assert check_upload(pdf_from(CATALOG, PAGES, PAGE, b"[3 0 R /FitH null]", LINK, web_link))
    # The same, packed in an object stream.
    assert check_upload(pdf_with_object_stream(web_link)) is PDF


def test_names_that_only_start_like_one_or_sit_in_image_data_are_no_reason_to_refuse():
    assert check_upload(pdf_with(b"<< /S /URI /URI (https://x.nl) /Launchpad 1 /XFAmily 2 >>"))
    # Picture data is bytes, not PDF syntax: a short name in it is chance.
    pixels = b"\x00/JS \x10/AA)/XFA>" * 1000
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 40 /Height 400 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    assert check_upload(pdf_with(b"<< /S /URI /URI (https://x.nl) >>", image)) is PDF


UNREADABLE = {
    "truncated": lambda: a_pdf()[:200],
    "no structure": lambda: b"%PDF-1.7\n" + b"0" * 200,
    "no cross-reference": lambda: b"%PDF-1.4\n% een brief\n" + bytes(range(256)) * 8,
    "deeply nested": lambda: pdf_with(b"[" * 5000 + b"]" * 5000),
    # An object stream that inflates beyond any scan (100 MB of spaces in 100 kB): it is
    # not inflated to the end.
    "zip bomb": lambda: pdf_with_object_stream(b"<< >>" + b" " * 100_000_000),
}


@pytest.mark.parametrize("make", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_pdf_that_cannot_be_read_is_refused_with_its_own_reason(make):
    assert refusal(make()) == "document.unreadable_pdf"


def test_more_objects_than_a_scan_ever_has_are_refused_unread(monkeypatch):
    many = pdf_with(b"<< /S /URI /URI (https://x.nl) >>", *[b"<< >>"] * 60)
    assert check_upload(many) is PDF
    monkeypatch.setattr(bot.inbound.pdf_check, "MAX_OBJECTS", 50)
    assert refusal(many) == "document.unreadable_pdf"


@pytest.mark.parametrize(
    "declared",
    [
        pytest.param((b"/Size 9 ", b"/Size 1000000 "), id="cross-reference size"),
        pytest.param((b"/ObjStm /N 1 ", b"/ObjStm /N 1000000 "), id="object stream count"),
    ],
)
def test_a_file_that_declares_a_million_packed_objects_is_refused_unparsed(monkeypatch, declared):  # type: ignore[no-untyped-def]
    """Packed objects say `obj` only once per stream: the file's own counts tell, before
    pypdf reads a cross-reference of a million entries (seconds of work)."""
    honest, inflated = declared
    content = pdf_with_object_stream(b"<< /S /URI /URI (https://x.nl) >>")
    assert honest in content
    assert check_upload(content) is PDF

    read = []
    reader = bot.inbound.pdf_check.PdfReader

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(True)
        return reader(*args, **kwargs)

    monkeypatch.setattr(bot.inbound.pdf_check, "PdfReader", reading)
    assert refusal(content.replace(honest, inflated)) == "document.unreadable_pdf"
    assert read == [], "pypdf was asked to read a file that its own counts refuse"


def test_appearances_named_by_a_high_object_number_are_not_counted_as_objects():
    """`/AP << /N 9000 0 R >>` is an annotation's look, not an object stream's count."""
    looks = [
        b"<< /Type /Annot /Subtype /Widget /AP << /N %d 0 R >> >>" % n for n in (9000, 9001, 9002)
    ]
    content = pdf_with(b"<< /S /URI /URI (https://x.nl) >>", *looks)
    assert check_upload(content) is PDF


def test_the_refusals_are_said_in_dutch_and_english():
    assert "beschadigd" in t("document.unreadable_pdf", "nl")
    assert "damaged" in t("document.unreadable_pdf", "en")
    assert "scripts" in t("document.active_pdf", "nl")


def test_the_object_stream_builder_really_compresses():
    """The object-stream cases mean something only if the action is not in the raw bytes."""
    content = pdf_with_object_stream(b"<< /S /Launch /F (cmd.exe) >>")
    assert b"Launch" not in content and b"/ObjStm" in content
    assert zlib.decompress(content.split(b"stream\n")[1].split(b"\nendstream")[0]).endswith(
        b"<< /S /Launch /F (cmd.exe) >>\n"
    )
