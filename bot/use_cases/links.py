"""Download links: signed, short-lived, for one person and one thing.

A chat card cannot carry a PDF, so a click on "Documenten" answers the clicker
with links to the bot's own web server. Complaint documents are health-related
personal data, so a link
- names one thing (a stored document, or the acknowledgement letter's preview),
- is made for the person who asked, whose right to read the dossier is checked
  again when the link is opened (a link forwarded to someone else still only
  works for as long as the asker may read it),
- expires after `TTL` (a link in an old chat message is dead),
- is signed with HMAC-SHA256, so nothing in it can be changed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.rules.errors import Refused

TTL = timedelta(minutes=15)
ROUTE = "/documenten/"  # the web route that opens a link
PROTOCOL = "/protocol.pdf"  # the printable procedure: public, it holds nothing personal


@dataclass(frozen=True)
class Target:
    """What a link opens: `kind` "document" (by id) or "letter" (a dossier's preview)."""

    kind: str
    ref: str


@dataclass(frozen=True)
class Grant:
    """A verified link: who asked, and for what."""

    person_id: int
    target: Target


class Links:
    def __init__(self, base_url: str, secret: str | None = None, ttl: timedelta = TTL) -> None:
        self.base_url = base_url.rstrip("/")
        # Without a configured secret the links work only against this process: fine for
        # one bot, and KLACHTENBOT_LINK_SECRET makes them work across several.
        self._key = (secret or secrets.token_urlsafe(32)).encode()
        self.ttl = ttl

    def url(self, person_id: int, target: Target, now: datetime) -> str:
        claims = {"p": person_id, "k": target.kind, "r": target.ref, "e": _epoch(now + self.ttl)}
        body = _b64(json.dumps(claims, separators=(",", ":")).encode())
        return f"{self.base_url}{ROUTE}{body}.{_b64(self._sign(body))}"

    def verify(self, token: str, now: datetime) -> Grant:
        """The grant in `token`; refused when it was changed, made elsewhere, or expired."""
        body, _, signature = token.partition(".")
        try:
            valid = hmac.compare_digest(_unb64(signature), self._sign(body))
            claims = json.loads(_unb64(body)) if valid else None
            grant = Grant(int(claims["p"]), Target(str(claims["k"]), str(claims["r"])))
            expires = int(claims["e"])
        except (ValueError, TypeError, KeyError):
            raise Refused("link.invalid") from None
        if expires < _epoch(now):
            raise Refused("link.expired")
        return grant

    def _sign(self, body: str) -> bytes:
        return hmac.new(self._key, body.encode(), hashlib.sha256).digest()


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
