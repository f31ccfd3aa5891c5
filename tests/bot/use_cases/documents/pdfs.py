"""PDFs built byte by byte for the active-content tests: exactly the syntax under test,
with a cross-reference that a PDF reader (pypdf, a viewer) accepts."""

from __future__ import annotations

import zlib

CATALOG = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [5 0 R] >>"
FIRST_PAGE = b"<< /S /GoTo /D [3 0 R /Fit] >>"  # the /OpenAction: harmless
LINK = b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A 6 0 R >>"  # clicked: object 6
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def pdf_with(action: bytes, *more: bytes) -> bytes:
    """A one-page PDF with a link on the page whose action is object 6, `action`; then
    `more` as objects 7, 8, ...; a classic cross-reference table. The file opens at the
    first page (a harmless /OpenAction), so only the action's own names can refuse it."""
    return pdf_from(CATALOG, PAGES, PAGE, FIRST_PAGE, LINK, action, *more)


def pdf_from(*objects: bytes) -> bytes:
    """Objects 1, 2, ... with these bodies (1 the catalogue) and a cross-reference table."""
    out = bytearray(HEADER)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def pdf_with_object_stream(action: bytes, orphan: bytes | None = None) -> bytes:
    """As `pdf_with`, but object 6 (`action`) is packed in a Flate-compressed object
    stream (object 7), found through a cross-reference stream (object 8), as PDF 1.5 and
    later writers do. An `orphan` is packed beside it as object 9, which no
    cross-reference lists."""
    packed = [(6, action)] + ([(9, orphan)] if orphan is not None else [])
    bodies = b""
    index = b""
    for number, body in packed:
        index += b"%d %d " % (number, len(bodies))
        bodies += body + b"\n"
    data = zlib.compress(index + bodies)
    object_stream = (
        b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(packed), len(index), len(data))
        + data
        + b"\nendstream"
    )
    out = bytearray(HEADER)
    offsets: dict[int, int] = {}
    plain = ((1, CATALOG), (2, PAGES), (3, PAGE), (4, FIRST_PAGE), (5, LINK), (7, object_stream))
    for number, body in plain:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[8] = len(out)
    rows = [(0, 0, 65535)]
    rows += [(1, offsets[n], 0) for n in (1, 2, 3, 4, 5)]
    rows += [(2, 7, 0), (1, offsets[7], 0), (1, offsets[8], 0)]  # 6 is item 0 of stream 7
    table = b"".join(
        kind.to_bytes(1, "big") + field.to_bytes(4, "big") + gen.to_bytes(2, "big")
        for kind, field, gen in rows
    )
    out += (
        b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[8]
    return bytes(out)
