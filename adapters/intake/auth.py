"""Who may post the web form: the company website's server, with the shared token.

Either `Authorization: Bearer <token>`, or a signature with a timestamp, so the token
itself never travels:

    X-Klachtenbot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(token, "<t>." + body)>
    X-Klachtenbot-Signature: t=<t>,v2=<hex HMAC-SHA256(token, "v2\\n<t>\\n<key>\\n" + body)>

v2 also covers the `Idempotency-Key` header (`<key>`, exactly as sent; empty without
one). A signature older or newer than five minutes is refused.

Within those five minutes a captured request can be sent again, so the signature
also decides which form it is (`Caller`): a v1 signature does not cover the
Idempotency-Key header, so that header is ignored and the form is known by its signed
timestamp's day and body; a v2 signature vouches for the key. Either way a replay,
with or without a changed header, lands on the first dossier. The Bearer token is the
secret itself: whoever has it can post anything, so its caller's key is believed.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

SIGNATURE_HEADER = "X-Klachtenbot-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
TOLERANCE = 300  # seconds


@dataclass(frozen=True)
class Caller:
    """What the authentication vouches for beyond "the website's server sent this"."""

    signed_at: int | None = None  # the signature's timestamp; None with the Bearer token
    idempotency_key: str | None = None  # the website's key for this form, when vouched for


def sign(token: str, body: bytes, timestamp: int) -> str:
    """The v1 header value for `body`; what the website's server computes."""
    mac = hmac.new(token.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def sign_v2(token: str, body: bytes, timestamp: int, idempotency_key: str = "") -> str:
    """The v2 header value: the body and the Idempotency-Key header sent with it."""
    return f"t={timestamp},v2={_mac_v2(token, body, timestamp, idempotency_key)}"


def _mac_v2(token: str, body: bytes, timestamp: int, key: str) -> str:
    # "v2" first: no v1 string starts with it, so a v1 MAC never passes as v2 or back.
    # A header value has no line breaks, so the key cannot reach into the body.
    message = f"v2\n{timestamp}\n{key}\n".encode() + body
    return hmac.new(token.encode(), message, hashlib.sha256).hexdigest()


def authenticated(
    token: str,
    headers: Mapping[str, str],
    body: bytes,
    clock: Callable[[], float] = time.time,
) -> Caller | None:
    """The caller when the token or a fresh signature is right, else None."""
    key = headers.get(IDEMPOTENCY_HEADER, "").strip()
    authorization = headers.get("Authorization", "")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() == "bearer" and given:
        if hmac.compare_digest(given.strip().encode(), token.encode()):
            return Caller(idempotency_key=key or None)
        return None
    signature = headers.get(SIGNATURE_HEADER)
    if signature:
        return _signed(token, signature, body, key, clock())
    return None


def _signed(token: str, header: str, body: bytes, key: str, now: float) -> Caller | None:
    parts = dict(part.strip().partition("=")[::2] for part in header.split(","))
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return None
    if abs(now - timestamp) > TOLERANCE:
        return None
    if "v2" in parts:
        expected = _mac_v2(token, body, timestamp, key)
        if hmac.compare_digest(parts["v2"].encode(), expected.encode()):
            return Caller(signed_at=timestamp, idempotency_key=key or None)
        return None
    expected = sign(token, body, timestamp).rpartition("v1=")[2]
    if hmac.compare_digest(parts.get("v1", "").encode(), expected.encode()):
        return Caller(signed_at=timestamp)  # the unsigned Idempotency-Key is not believed
    return None
