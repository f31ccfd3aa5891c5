"""What the intake and document tests share: a bot with extra settings, a chat recorder,
sample files of every kind, and PDF text."""

from __future__ import annotations

import asyncio
import io
from typing import Any

from pypdf import PdfReader, PdfWriter

from bot.entry.bootstrap import Klachtenbot, build
from bot.outbox.notices import NOTICE
from bot.settings import Settings


def make_bot(database_url: str, clock: Any, **settings: Any) -> Klachtenbot:
    app = build(Settings(database_url=database_url, **settings))
    app.complaints.clock = clock
    return app


class ChatRecorder:
    """Stands in for a chat platform's deliverer: records every notice it is given."""

    def __init__(self) -> None:
        self.notices: list[dict[str, Any]] = []

    async def deliver(self, item) -> None:  # type: ignore[no-untyped-def]
        assert item.payload["kind"] == NOTICE
        self.notices.append(item.payload["notice"])

    def titles(self) -> list[str]:
        return [n["card"]["title"] for n in self.notices]


def with_chat(bot: Klachtenbot) -> ChatRecorder:
    recorder = ChatRecorder()
    bot.chat_platforms.append("slack")
    bot.deliverers["slack"] = recorder
    return recorder


def a_pdf() -> bytes:
    """A real one-page PDF (blank), as a scanner would make a small one."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


# The first bytes of each kind, padded to look like a file; sniffing reads only the start
# of a photo. A PDF is parsed to the end (its active content is looked for): a real one.
PDF_FILE = a_pdf()
JPEG_FILE = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 200
PNG_FILE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200
HEIC_FILE = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
EXE_FILE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


async def settle(bot: Klachtenbot, rounds: int = 200) -> None:
    """Deliver the outbox until nothing is pending.

    A running web app has its own dispatcher in the background; on PostgreSQL it
    may hold a row while `drain` skips it, so wait for the outbox, not for `drain`.
    """
    for _ in range(rounds):
        await bot.dispatcher.drain()
        if not (await bot.outbox.counts()).get("pending"):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"outbox still busy: {await bot.outbox.counts()}")
