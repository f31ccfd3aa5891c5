"""POST /intake/webform: the website's server hands in a customer's form.

Answers: 201 with the dossier number; 400 with every bad field; 401 without a
valid token or signature; 413 for a body over 32 kB; 415 for another format; 429
when one sender floods; 503 when the database is away. The answer never depends
on whether a customer number exists: the number is not even looked up here.
"""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, date, datetime
from typing import Any

from aiohttp import web

from adapters.intake.auth import Caller, authenticated
from adapters.intake.limiter import TokenBucket
from adapters.intake.webform import check, claimed_number, parse_body, registration
from bot.catalogue import language, t
from bot.inbound.peers import TrustedProxies
from bot.rules.errors import Refused
from bot.rules.people import SYSTEM
from bot.rules.workdays import local_date
from bot.use_cases.services import Complaints

PATH = "/intake/webform"
MAX_BODY = 32 * 1024  # a long complaint is a few kB; anything near this is not a person
_TYPES = ("application/json", "application/x-www-form-urlencoded")
_XFF = "X-Forwarded-For"  # every line of it: a proxy may add its own below the client's
RETRY_AFTER = 30  # seconds: a database restart or a failover is usually over by then


class WebformEndpoint:
    def __init__(
        self,
        complaints: Complaints,
        token: str,
        limiter: TokenBucket,
        failures: TokenBucket,
        proxies: TrustedProxies | None = None,
    ) -> None:
        self.complaints = complaints
        self.token = token
        self.limiter = limiter  # per sender, for accepted callers
        self.failures = failures  # per peer, for wrong tokens: no guessing at speed
        self.proxies = proxies or TrustedProxies()

    def install(self, app: web.Application) -> None:
        app.router.add_post(PATH, self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        lang = language(request.headers.get("Accept-Language"))
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _too_large(lang)
        body = await _read(request, MAX_BODY)
        if body is None:
            return _too_large(lang)
        # The peer as our own proxies saw it, so that behind a reverse proxy one
        # guesser does not lock out every other caller, nor dodge by rewriting headers.
        sender = self.proxies.client(request.remote, request.headers.getall(_XFF, ()))
        caller = authenticated(self.token, request.headers, body)
        if caller is None:
            if wait := self.failures.take(sender):
                return _too_many(lang, wait)
            return _error(401, "intake.unauthorized", lang)
        if wait := self.limiter.take(sender):
            return _too_many(lang, wait)
        if request.content_type not in _TYPES:
            return _error(415, "intake.content_type", lang)
        try:
            form = check(parse_body(body, request.content_type))
        except Refused as refusal:
            return _invalid(refusal, lang)
        today = local_date(self.complaints.clock())
        token = claimed_number.set(form.customer_number)
        try:
            outcome = await self.complaints.register(
                SYSTEM, registration(form, today), request_key=_request_key(caller, body, today)
            )
        except Refused as refusal:
            if refusal.key == "database.unreachable":
                response = _error(503, "intake.unavailable", lang)
                response.headers["Retry-After"] = str(RETRY_AFTER)
                return response
            return _invalid(refusal, lang)
        finally:
            claimed_number.reset(token)
        number = outcome.dossier.number
        return web.json_response(
            {"dossier": number, "message": t("intake.thanks", lang, number=number)},
            status=200 if outcome.duplicate else 201,
        )


async def _read(request: web.Request, limit: int) -> bytes | None:
    """The body, or None as soon as it grows past `limit` (chunked bodies too)."""
    chunks, size = [], 0
    while chunk := await request.content.read(64 * 1024):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _request_key(caller: Caller, body: bytes, today: date) -> str:
    """A resent form (a retry by the website, a double click, a replay) registers once.

    Without the website's own key (or with one its signature does not cover), the
    same body on the same day counts as the same form; the same words a week later
    are a new complaint. For a signed form that day is the signature's, not today:
    a signature replayed after midnight is still the same form.
    """
    if caller.idempotency_key:
        key = caller.idempotency_key
        return "intake:webform:" + hashlib.sha256(key.encode()).hexdigest()[:40]
    if caller.signed_at is not None:
        today = local_date(datetime.fromtimestamp(caller.signed_at, UTC))
    digest = hashlib.sha256(today.isoformat().encode() + b"|" + body).hexdigest()
    return "intake:webform:body:" + digest[:40]


def _error(status: int, key: str, lang: str, **params: Any) -> web.Response:
    return web.json_response({"error": key, "message": t(key, lang, **params)}, status=status)


def _too_large(lang: str) -> web.Response:
    return _error(413, "intake.too_large", lang, max=MAX_BODY // 1024)


def _too_many(lang: str, wait: float) -> web.Response:
    response = _error(429, "intake.too_many", lang, minutes=max(1, math.ceil(wait / 60)))
    response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return response


def _invalid(refusal: Refused, lang: str) -> web.Response:
    errors = {
        name: {"error": key, "message": t(key, lang, **params)}
        for name, (key, params) in (
            refusal.fields or {"form": (refusal.key, refusal.params)}
        ).items()
    }
    return web.json_response(
        {"error": "intake.invalid", "message": t("intake.invalid", lang), "fields": errors},
        status=400,
    )
