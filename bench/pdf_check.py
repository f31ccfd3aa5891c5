"""What the uploaded-PDF check costs on 20 MB files, and its parts on their own.

    .venv/bin/python bench/pdf_check.py [--runs 3]

Files, each made here just under the 20 MB upload limit:
- scan: a realistic scanned letter, four pages, one big JPEG photo per page (fpdf2);
- many objects: 20 MB of tiny objects in a classic cross-reference table (~400,000),
  more than `MAX_OBJECTS`, so the check refuses it after reading the table;
- many objects, packed: just under `MAX_OBJECTS` tiny objects in compressed object
  streams, the worst file the check walks to the end;
- the same (packed) with the object limit lifted, beyond it: what walking costs unbounded.

Columns: the whole check (`check_upload`), the raw tokenizer alone, the parsed walk
alone (pypdf), and the regular expression this check replaced. The median of the runs
is printed, in seconds, with the process's peak memory after all runs.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fpdf import FPDF
from PIL import Image

import bot.inbound.pdf_check as pdf_check
from bot.rules.errors import Refused
from bot.use_cases.documents import MAX_BYTES, check_upload

# The check before: names matched by a regular expression on the raw bytes.
_OLD = re.compile(
    rb"/(?:JavaScript|Launch|EmbeddedFiles|EmbeddedFile|RichMedia|XFA)(?=[\s/<>\[\]()%{}]|$)"
)


def scan(target: int = MAX_BYTES - 200_000) -> bytes:
    rng = random.Random(1)
    pdf = FPDF()
    side = 1600
    while True:
        pdf = FPDF()
        for _ in range(4):
            pdf.add_page()
            noise = Image.frombytes("L", (side, side * 4 // 3), rng.randbytes(side * side * 4 // 3))
            photo = io.BytesIO()
            noise.convert("RGB").save(photo, format="JPEG", quality=85)
            pdf.image(photo, x=0, y=0, w=210)
        content = bytes(pdf.output())
        if len(content) >= target * 0.9 or side > 4000:
            return content
        side = int(side * (target / len(content)) ** 0.5)


def many_objects(target: int = MAX_BYTES - 200_000) -> bytes:
    head = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    head += b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    out = bytearray(head)
    offsets = [9, 9 + len(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")]
    number = 3
    while len(out) + 20 * number < target - 100:
        offsets.append(len(out))
        out += b"%d 0 obj\n<< /N %d >>\nendobj\n" % (number, number)
        number += 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        start,
    )
    return bytes(out)


def packed_objects(count: int) -> bytes:
    """`count` tiny objects in object streams of 1,000, through a cross-reference stream."""
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    plain = ((1, b"<< /Type /Catalog /Pages 2 0 R >>"), (2, b"<< /Type /Pages /Kids [] >>"))
    for number, body in plain:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    first = 3
    stream_number = first + count
    packed: dict[int, tuple[int, int]] = {}
    streams = []
    for chunk in range(first, first + count, 1000):
        numbers = range(chunk, min(chunk + 1000, first + count))
        index, bodies = b"", b""
        for i, n in enumerate(numbers):
            index += b"%d %d " % (n, len(bodies))
            bodies += b"<< /N %d /A [1 2 3] >>\n" % n
            packed[n] = (stream_number, i)
        data = zlib.compress(index + bodies)
        offsets[stream_number] = len(out)
        head = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
        out += b"%d 0 obj\n" % stream_number
        out += head % (len(numbers), len(index), len(data)) + b"\nstream\n"
        out += data + b"\nendstream\nendobj\n"
        streams.append(stream_number)
        stream_number += 1
    xref_number = stream_number
    offsets[xref_number] = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")]
    for n in range(1, xref_number + 1):
        if n in packed:
            s, i = packed[n]
            rows.append(b"\x02" + s.to_bytes(4, "big") + i.to_bytes(2, "big"))
        else:
            rows.append(b"\x01" + offsets[n].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = zlib.compress(b"".join(rows))
    head = b"<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>"
    out += b"%d 0 obj\n" % xref_number
    out += head % (xref_number + 1, len(table)) + b"\nstream\n"
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def timed(work: Callable[[], object], runs: int) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            result = work()
            outcome = "refused" if result not in (None, False) and result is not True else "ok"
            if hasattr(result, "content_type"):
                outcome = "accepted"
        except Refused as refused:
            outcome = refused.key.split(".")[-1]
        except (pdf_check.Unreadable, pdf_check.ActiveContent) as error:
            outcome = type(error).__name__
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    files = {
        "scan": scan(),
        "many objects": many_objects(),
        "many objects, packed": packed_objects(pdf_check.MAX_OBJECTS - 500),
    }
    lifted = packed_objects(100_000)
    print(f"{'file':<32}{'MB':>6}{'check':>16}{'raw only':>12}{'parsed only':>22}{'old regex':>11}")
    for name, content in [*files.items(), ("packed, 100,000, no limit", lifted)]:
        limit = pdf_check.MAX_OBJECTS
        if name.endswith("no limit"):
            pdf_check.MAX_OBJECTS = 10**9
        whole, outcome = timed(lambda c=content: check_upload(c), runs)
        raw, _ = timed(lambda c=content: pdf_check.scan_raw(c), runs)
        parsed, parsed_outcome = timed(lambda c=content: pdf_check.scan_parsed(c), runs)
        old, _ = timed(lambda c=content: _OLD.search(c), runs)
        pdf_check.MAX_OBJECTS = limit
        size = f"{len(content) / 1024 / 1024:.1f}"
        print(
            f"{name:<32}{size:>6}{whole:>7.2f} {outcome:<8}{raw:>12.2f}"
            f"{parsed:>10.2f} {parsed_outcome:<11}{old:>11.3f}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
