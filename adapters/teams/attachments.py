"""Fetching a file someone attached to a Teams message, the same for both SDKs.

Only the bot's own token comes from the SDK (`bot_token`); where a file may come
from, the redirects and the size limit are Klachtenbot's rules, kept here once.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import aiohttp

from adapters.teams.hosts import FileHosts
from adapters.teams.port import FetchFailed, TooLarge

_CHUNK = 64 * 1024
_FETCH_TIMEOUT = aiohttp.ClientTimeout(total=60, sock_connect=10)
_REDIRECTS = 5
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# The scope of a token for the Bot Framework connector (an inline image lives there).
CONNECTOR_SCOPE = "https://api.botframework.com/.default"


class AttachmentFetcher:
    """`Files` of the port; an SDK's framework supplies its token by `bot_token`."""

    def __init__(self, file_hosts: FileHosts | None = None) -> None:
        # Where attached files may come from; the composition root may name another rule
        # (the tests name their own file server), nothing else widens it.
        self.file_hosts = file_hosts or FileHosts()

    async def bot_token(self) -> str | None:
        """The bot's token for the connector; None without credentials (local mode)."""
        return None

    async def fetch(self, url: str, limit: int, *, service_url: str | None) -> bytes:
        """A file's content, read in chunks and given up as soon as it passes `limit`.

        Only from the hosts of `file_hosts`; a redirect is followed by hand, so that its
        target is held to the same rule (and gets no token).
        """
        try:
            async with aiohttp.ClientSession(timeout=_FETCH_TIMEOUT) as session:
                for _ in range(_REDIRECTS + 1):
                    if not self.file_hosts.allows(url):
                        raise FetchFailed("host not allowed")
                    headers = await self._token_for(url, service_url)
                    async with session.get(url, headers=headers, allow_redirects=False) as response:
                        location = response.headers.get("Location")
                        if response.status in _REDIRECT_STATUSES and location:
                            url = urljoin(str(response.url), location)
                            continue
                        return await self._read(response, limit)
                raise FetchFailed("too many redirects")
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise FetchFailed(type(error).__name__) from error

    async def _token_for(self, url: str, service_url: str | None) -> dict[str, str]:
        if service_url and urlsplit(url).netloc == urlsplit(service_url).netloc:
            # An inline image lives with the connector and wants the bot's token.
            token = await self.bot_token()
            if token:
                return {"Authorization": f"Bearer {token}"}
        return {}

    @staticmethod
    async def _read(response: aiohttp.ClientResponse, limit: int) -> bytes:
        if response.status != 200:
            raise FetchFailed(str(response.status))
        if (response.content_length or 0) > limit:
            raise TooLarge(response.content_length or 0)
        content = bytearray()
        async for chunk in response.content.iter_chunked(_CHUNK):
            content += chunk
            if len(content) > limit:
                raise TooLarge(len(content))
        return bytes(content)
