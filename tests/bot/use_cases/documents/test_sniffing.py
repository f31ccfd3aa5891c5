"""Uploads are judged by their content: the four accepted kinds, and what is refused."""

from __future__ import annotations

import pytest

from bot.rules.errors import Refused
from bot.use_cases.documents import (
    HEIC,
    JPEG,
    MAX_BYTES,
    PDF,
    PNG,
    check_upload,
    display_name,
    sniff,
)
from tests.bot.use_cases.documents.support import EXE_FILE, HEIC_FILE, JPEG_FILE, PDF_FILE, PNG_FILE


@pytest.mark.parametrize(
    ("content", "expected"),
    [(PDF_FILE, PDF), (JPEG_FILE, JPEG), (PNG_FILE, PNG), (HEIC_FILE, HEIC)],
)
def test_each_accepted_kind_is_recognised_by_content(content, expected):
    assert sniff(content) is expected
    assert check_upload(content) is expected


def test_a_generic_heif_with_a_heic_brand_is_heic_and_avif_is_not():
    generic = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heicmiaf" + b"\x00" * 50
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 50
    assert sniff(generic) is HEIC
    assert sniff(avif) is None


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (EXE_FILE, "document.executable"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 50, "document.executable"),
        (b"#!/bin/sh\nrm -rf /\n", "document.executable"),
        (b"PK\x03\x04 a zip or office file", "document.executable"),
        (b"Gewoon wat tekst, geen scan.", "document.type"),
        (b"GIF89a" + b"\x00" * 20, "document.type"),
        (b"", "document.empty"),
    ],
)
def test_everything_else_is_refused_with_its_reason(content, key):
    with pytest.raises(Refused) as refused:
        check_upload(content)
    assert refused.value.key == key and refused.value.field == "file"


def test_more_than_20_mb_is_refused_even_when_it_is_a_pdf():
    with pytest.raises(Refused) as refused:
        check_upload(PDF_FILE + b"0" * (MAX_BYTES - len(PDF_FILE) + 1))
    assert refused.value.key == "document.too_large"
    assert check_upload(PDF_FILE + b"0" * (MAX_BYTES - len(PDF_FILE))) is PDF


@pytest.mark.parametrize(
    ("given", "file_type", "expected"),
    [
        ("../../etc/passwd.pdf", PDF, "passwd.pdf"),
        ("C:\\Users\\balie\\brief mevr. Bakker.PDF", PDF, "brief mevr. Bakker.pdf"),
        ("foto.pdf", PNG, "foto.png"),  # the content decides the extension
        ("klacht\x00\n.exe", JPEG, "klacht.jpg"),
        ("", HEIC, "scan.heic"),
        (None, PDF, "scan.pdf"),
        ("...", PDF, "scan.pdf"),
        ("brief Zoë Ëlshout.pdf", PDF, "brief Zoë Ëlshout.pdf"),
    ],
)
def test_file_names_are_labels_without_folders(given, file_type, expected):
    assert display_name(given, file_type, fallback="scan") == expected
