"""Sending one message over SMTP, and what each failure means for the outbox."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from bot.outbox.messages import Rejected, RetryLater
from bot.settings import Settings

TIMEOUT = 30.0  # seconds for connect and every command; a hung server is a retry


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpConfig | None:
        sender = settings.smtp_from or settings.company_email
        if not settings.smtp_host or not sender:
            return None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=sender,
            user=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
        )


async def send(config: SmtpConfig, message: EmailMessage) -> None:
    """Hand `message` to the server; returns only when the server accepted it.

    smtplib blocks, so it runs in a thread. Raises `Rejected` for what a person
    must fix (an address or the settings) and `RetryLater` for what may pass.
    """
    await asyncio.to_thread(_send, config, message)


def _send(config: SmtpConfig, message: EmailMessage) -> None:
    try:
        with smtplib.SMTP(config.host, config.port, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if config.user:
                smtp.login(config.user, config.password or "")
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        detail = "; ".join(f"{code} {_text(text)}" for code, text in error.recipients.values())
        if all(code >= 500 for code in codes):
            raise Rejected(detail) from error
        raise RetryLater(detail) from error
    except (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError) as error:
        raise Rejected(_describe(error)) from error  # the settings are wrong: a person acts
    except smtplib.SMTPResponseException as error:
        if error.smtp_code >= 500:
            raise Rejected(_describe(error)) from error
        raise RetryLater(_describe(error)) from error
    except (smtplib.SMTPException, ssl.SSLError, OSError) as error:
        raise RetryLater(_describe(error)) from error


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
