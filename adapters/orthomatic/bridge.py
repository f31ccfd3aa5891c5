"""The HTTP bridge client: each mirror item is one POST to the bridge at the customer's site.

The bridge gets the item's idempotency key on every attempt, so a retry after a
timeout or a crash never makes a second line in Orthomatic. What may pass
(5xx, 408, 429, timeouts, a dropped connection, a refused token) is retried
later; what the bridge refuses about the data itself (other 4xx, e.g. an unknown
customer number) stops the dossier's queue for a person to fix.
"""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import quote

import aiohttp

from bot.outbox.messages import OutboxItem, Rejected, RetryLater
from storage.mirror_records import MirrorRecords

from .requests import PATHS, BridgeRequest, prepare

log = logging.getLogger(__name__)

# Statuses in the 4xx range that say "not now" rather than "not this".
_PASSING = {401, 403, 408, 409, 425, 429}
_REASON_LIMIT = 500


class HttpBridge:
    def __init__(
        self,
        url: str,
        token: str,
        records: MirrorRecords,
        *,
        timeout: float = 30.0,
        connections: int = 64,
    ) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.records = records
        self.timeout = aiohttp.ClientTimeout(total=timeout, sock_connect=min(timeout, 10.0))
        self.connections = connections
        self._session: aiohttp.ClientSession | None = None
        # For /healthz: why the bridge was last unhappy, as a category (`http_500`,
        # `timeout`, `refused`, ...). Never its words: the page is for anyone, and the
        # bridge's answer may echo a customer. The full reason stays with the item in
        # the outbox, for `klachtenbot mirror failed`.
        self.last_error: str | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=self.timeout,
                connector=aiohttp.TCPConnector(limit=self.connections),
                headers={"User-Agent": "Klachtenbot"},
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def deliver(self, item: OutboxItem) -> None:
        request = await prepare(item, self.records)
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": item.key}
        url = f"{self.url}/customers/{quote(request.customer_number, safe='')}/"
        url += PATHS[request.kind]
        try:
            async with self._client().post(url, headers=headers, **_body(request)) as response:
                status, raw = response.status, await response.read()
        except (aiohttp.ClientError, TimeoutError) as error:
            self.last_error = _category(error)
            raise RetryLater(_describe(error)) from error
        if 200 <= status < 300:
            self.last_error = None
            return
        reason = f"HTTP {status}: {_reason(raw)}"
        if status >= 500 or status in _PASSING:
            if status in (401, 403):  # the setting is wrong, not the dossier: say so loudly
                log.error("the Orthomatic bridge refuses the token (HTTP %s)", status)
            self.last_error = f"http_{status}"
            raise RetryLater(reason)
        raise Rejected(reason)


def _body(request: BridgeRequest) -> dict:  # type: ignore[type-arg]
    if request.document is None:
        return {"json": request.body}
    form = aiohttp.FormData()
    for name, value in request.body.items():
        form.add_field(name, str(value))
    form.add_field(
        "file",
        request.document.content,
        filename=request.document.filename,
        content_type=request.document.content_type,
    )
    return {"data": form}


def _reason(raw: bytes) -> str:
    """The bridge's own words (`{"code", "message"}`), else the start of its answer."""
    try:
        body = json.loads(raw)
        if isinstance(body, dict) and body.get("message"):
            code = f"{body['code']}: " if body.get("code") else ""
            return f"{code}{body['message']}"[:_REASON_LIMIT]
    except ValueError:
        pass
    return raw.decode("utf-8", "replace").strip()[:_REASON_LIMIT] or "-"


def _category(error: BaseException) -> str:
    """What went wrong in one word of our own, for the health page."""
    if isinstance(error, TimeoutError | asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        return "timeout"
    if isinstance(error, aiohttp.ClientConnectorError):
        return "refused"  # no connection at all: wrong address, or the bridge is down
    if isinstance(error, aiohttp.ServerDisconnectedError | aiohttp.ClientOSError):
        return "dropped"
    return "connection"


def _describe(error: BaseException) -> str:
    if isinstance(error, TimeoutError | asyncio.TimeoutError):
        return "timeout"
    return f"{type(error).__name__}: {error}"[:_REASON_LIMIT]
