"""Who may post the web form: the company website's server, with the shared token.

Either `Authorization: Bearer <token>`, or a signature over the body with a
timestamp, so the token itself never travels:

    X-Klachtenbot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(token, "<t>." + body)>

A signature older or newer than five minutes is refused (no replays later on).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping

SIGNATURE_HEADER = "X-Klachtenbot-Signature"
TOLERANCE = 300  # seconds


def sign(token: str, body: bytes, timestamp: int) -> str:
    """The header value for `body`; what the website's server computes."""
    mac = hmac.new(token.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def authenticated(
    token: str,
    headers: Mapping[str, str],
    body: bytes,
    clock: Callable[[], float] = time.time,
) -> bool:
    authorization = headers.get("Authorization", "")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() == "bearer" and given:
        return hmac.compare_digest(given.strip().encode(), token.encode())
    signature = headers.get(SIGNATURE_HEADER)
    if signature:
        return _signature_valid(token, signature, body, clock())
    return False


def _signature_valid(token: str, header: str, body: bytes, now: float) -> bool:
    parts = dict(part.strip().partition("=")[::2] for part in header.split(","))
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > TOLERANCE:
        return False
    expected = sign(token, body, timestamp).rpartition("v1=")[2]
    return hmac.compare_digest(parts.get("v1", "").encode(), expected.encode())
