"""Is an uploaded PDF inert? What a scanned letter never holds and a malicious PDF does.

Two looks, and a PDF must pass both:

1. The raw bytes, tokenized as PDF does it (ISO 32000-1 §7.2.2): a name runs from `/` to
   the next whitespace (NUL, tab, LF, FF, CR, space) or delimiter, `%` included, so a
   comment separates like whitespace and `/S\\x00/JavaScript` is two names; `#xx` escapes
   are decoded before comparing. This sees every object in the file, also old versions
   after an incremental update and objects the cross-reference does not list, which a
   viewer that repairs a file may still find.
2. The file parsed by pypdf: every object the cross-reference lists, the ones packed in
   compressed object streams (/ObjStm) included, with names as the library decodes them.
   The decoded text of each object stream is tokenized as in 1, for objects it holds
   that the cross-reference does not list.

A PDF pypdf cannot read is refused (`Unreadable`), not waved through on the raw look
alone: a viewer repairs a broken file in its own way, and what it then finds inside a
compressed stream is exactly what the raw look cannot see. A real scan is always
readable, and the person is told to scan again or send a photo.

Bounds for hostile files: the upload is at most 20 MB before this runs; pypdf caps
each decompressed stream (75 MB, its `Configuration`); more objects than any scan has
(`MAX_OBJECTS`) is refused rather than walked; nesting deeper than `MAX_DEPTH` and
the library's own recursion limits are refused as unreadable.
"""

from __future__ import annotations

import bisect
import io
import logging
import re

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

# The names refused wherever they appear. Each is an action or a container for content
# that runs or travels: scripts, programs, files inside the PDF, forms that send data
# or load it, jumps into other files (which leak the reader's network credentials on
# Windows when pointed at a share).
# - /AA (additional actions) fires on opening a page, focusing a field, closing the
#   file, without a click; a scan never has one, so it is refused whatever it runs.
# - /GoToE jumps into an embedded or external file: refused like /GoToR.
# - /OpenAction is allowed as a name: scanner software and PDF writers (fpdf2 among
#   them) set it to open the first page at a zoom. One that runs a script names /JS or
#   /JavaScript and is caught by those names; one that does anything but go to a page
#   (a /URI opened on its own, a /Named menu command) is refused by `_open_action`.
# - /URI stays allowed: a plain link the reader has to click, as in any letter.
FORBIDDEN = frozenset(
    {
        "JavaScript",
        "JS",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "RichMedia",
        "XFA",
        "SubmitForm",
        "ImportData",
        "GoToR",
        "GoToE",
        "AA",
    }
)

# A 300-page scan has about 1,200 objects, a long office document a few thousand. Walking
# costs about 0.15 s per 1,000 objects (bench/pdf_check.py): 20,000 is 3 s at worst.
MAX_OBJECTS = 20_000
MAX_DEPTH = 200  # dictionaries and arrays inside each other; a scan needs fewer than 10

# PDF whitespace and delimiters (§7.2.2, §7.2.3): anything else is a regular character.
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
# Only names that may spell a forbidden one: their first letter, or an escape.
_FIRST = "".join(sorted({name[0] for name in FORBIDDEN})).encode() + b"#"
_NAME = re.compile(rb"/([" + _FIRST + rb"]" + _REGULAR + rb"*)")
_SEPARATORS = re.compile(r"[\x00\t\n\x0c\r ()<>\[\]{}/%]")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# `stream` and its end of line; a keyword only after a separator (not `endstream`).
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_SEPARATOR_BYTES = frozenset(b"\x00\t\n\x0c\r ()<>[]{}/%")
_ENDSTREAM = re.compile(rb"endstream")
# A raw token this long (slash and escapes included) does not turn up by chance in
# image data; shorter ones (/JS, /AA, /XFA) are only judged outside stream data.
_LONG_ENOUGH = 5

# pypdf warns about every oddity it repairs, sometimes quoting the file's bytes: a
# scanned letter's text does not belong in the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class ActiveContent(Exception):
    """The PDF holds a script, an embedded file or an action that runs or sends."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Unreadable(Exception):
    """pypdf cannot read the PDF, or it is built beyond what a scan needs."""


def check_pdf(content: bytes) -> None:
    """Raise `ActiveContent` or `Unreadable`, or return for an inert PDF."""
    found = scan_raw(content)
    if found is not None:
        raise ActiveContent(found)
    found = scan_parsed(content)
    if found is not None:
        raise ActiveContent(found)


def _decode(raw: bytes) -> str:
    if b"#" not in raw:
        return raw.decode("latin-1")
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw).decode("latin-1")


def _stream_bodies(content: bytes) -> list[tuple[int, int]]:
    """Where stream data lies, from `stream` to the next `endstream` (as viewers that
    repair files find it); the start and end of each, in order."""
    bodies: list[tuple[int, int]] = []
    position = 0
    while (start := _STREAM.search(content, position)) is not None:
        if start.start() > 0 and content[start.start() - 1] not in _SEPARATOR_BYTES:
            position = start.end()  # `endstream`, or a longer word
            continue
        end = _ENDSTREAM.search(content, start.end())
        if end is None:  # no end: not stream data we may skip
            break
        bodies.append((start.end(), end.start()))
        position = end.end()
    return bodies


def scan_raw(content: bytes, *, skip_streams: bool = True) -> str | None:
    """The first forbidden name in the bytes as they are, or None."""
    bodies = _stream_bodies(content) if skip_streams else []
    starts = [start for start, _ in bodies]
    for match in _NAME.finditer(content):
        name = _decode(match.group(1))
        if name not in FORBIDDEN:
            continue
        if len(match.group(0)) >= _LONG_ENOUGH or not _in_stream(match.start(), starts, bodies):
            return name
    return None


def _in_stream(position: int, starts: list[int], bodies: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < bodies[index][1]


def scan_parsed(content: bytes) -> str | None:
    """The first forbidden name in any object pypdf finds, or None; `Unreadable` when
    pypdf cannot read the file."""
    # Every object says `obj` and `endobj`: far more than twice the limit is refused
    # before pypdf reads a cross-reference of hundreds of thousands (seconds). Objects
    # packed in object streams say it once for the stream, but the cross-reference's
    # /Size and each stream's /N declare how many there are.
    if content.count(b"obj") > 2 * MAX_OBJECTS + 1_000 or _declared(content) > MAX_OBJECTS:
        raise Unreadable("too many objects")
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        numbers = {(num, gen) for gen, table in reader.xref.items() for num in table}
        numbers |= {(num, 0) for num in reader.xref_objStm}
        if len(numbers) > MAX_OBJECTS:
            raise Unreadable(f"{len(numbers)} objects")
        found = _walk(reader.trailer)
        for num, gen in sorted(numbers):
            if found is not None:
                return found
            obj = reader.get_object(IndirectObject(num, gen, reader))
            found = _walk(obj)
            if found is None and isinstance(obj, StreamObject) and obj.get("/Type") == "/ObjStm":
                # Objects packed here that the cross-reference leaves out.
                found = scan_raw(obj.get_data(), skip_streams=False)
        return found or _open_action(reader)
    except (ActiveContent, Unreadable):
        raise
    except Exception as error:  # a broken or hostile file: pypdf raises many kinds
        raise Unreadable(type(error).__name__) from error


# `/Size 41` in a trailer or cross-reference stream; `/N 100` in an object stream's own
# dictionary (elsewhere /N means other things: `/AP << /N 12 0 R >>` names an appearance).
_SIZE = re.compile(rb"/Size[\x00\t\n\x0c\r ]+(\d{1,12})")
_PACKED = re.compile(rb"/N[\x00\t\n\x0c\r ]+(\d{1,12})(?![\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+R)")
_OBJECT_STREAM = re.compile(rb"/Type[\x00\t\n\x0c\r ]*/ObjStm")
_DICTIONARY = 512  # bytes around /ObjStm where its dictionary's /N stands


def _declared(content: bytes) -> int:
    """How many objects the file itself says it has: the largest cross-reference /Size,
    or all that its object streams hold, whichever is more."""
    size = max((int(n) for n in _SIZE.findall(content)), default=0)
    packed = 0
    for found in _OBJECT_STREAM.finditer(content):
        start = content.rfind(b"<<", max(0, found.start() - _DICTIONARY), found.start())
        end = content.find(b"stream", found.end(), found.end() + _DICTIONARY)
        dictionary = content[max(start, 0) : end if end != -1 else found.end() + _DICTIONARY]
        packed += sum(int(n) for n in _PACKED.findall(dictionary))
    return max(size, packed)


def _walk(root: object) -> str | None:
    """The first forbidden name among a value's keys and values, without following
    references (each referenced object is walked on its own)."""
    stack: list[tuple[object, int]] = [(root, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Unreadable("nested too deeply")
        if isinstance(value, NameObject):
            if (found := _forbidden(value)) is not None:
                return found
        elif isinstance(value, DictionaryObject):  # streams too: their dictionary
            for key, item in value.items():
                if (found := _forbidden(key)) is not None:
                    return found
                stack.append((item, depth + 1))
        elif isinstance(value, ArrayObject):
            stack.extend((item, depth + 1) for item in value)
    return None


def _forbidden(name: str) -> str | None:
    """A forbidden name, also when pypdf read it with a separator inside: it ends a name
    only at its own delimiters, so `/Launch\\x00` comes out as "/Launch\\x00"."""
    for part in _SEPARATORS.split(name[1:]):
        if part in FORBIDDEN:
            return part
    return None


def _open_action(reader: PdfReader) -> str | None:
    """An action run on opening the file that is more than going to a page."""
    catalog = reader.trailer.get("/Root")
    catalog = catalog.get_object() if catalog is not None else None
    if not isinstance(catalog, DictionaryObject):
        return None
    action = catalog.get("/OpenAction")
    action = action.get_object() if action is not None else None
    if isinstance(action, DictionaryObject) and action.get("/S") != "/GoTo":
        return "OpenAction"
    return None
