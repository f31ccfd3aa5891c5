"""A real SMTP server (aiosmtpd) on a free loopback port, that records and fails on demand."""

from __future__ import annotations

import asyncio
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.smtp import SMTP, Envelope, Session


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.data_reply: str | None = None  # e.g. "451 4.3.0 Probeer later", for DATA
        self.refuse_recipients = False  # answer RCPT with 550
        self.port = 0  # where it listens, once started

    def settings(self) -> dict[str, object]:
        """The bot's SMTP settings for sending here: plain SMTP on loopback."""
        return {
            "smtp_host": "127.0.0.1",
            "smtp_port": self.port,
            "smtp_from": "klachten@werkplaats.example",
            "smtp_starttls": False,
        }

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:  # fmt: skip
        if self.refuse_recipients:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply:
            return self.data_reply
        content = envelope.original_content or envelope.content
        assert isinstance(content, bytes)
        self.messages.append(message_from_bytes(content, policy=policy.default))  # type: ignore[arg-type]
        self.envelopes.append((str(envelope.mail_from), list(envelope.rcpt_tos)))
        return "250 OK: opgeslagen"


async def start(mailbox: Mailbox) -> tuple[asyncio.AbstractServer, int]:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(mailbox, hostname="mail.test", loop=loop), "127.0.0.1", 0
    )
    return server, server.sockets[0].getsockname()[1]
