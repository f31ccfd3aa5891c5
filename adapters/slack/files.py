"""Fetching a file someone shared in a dossier's thread, so its content is kept.

Slack sends only the file's description; the bytes sit behind `url_private_download`
and need the bot token (scope `files:read`). The token is sent only to Slack's file
host or to the Web API's own host (a test stand-in), never to any other address a
payload might name. Reading stops as soon as the file passes the upload limit, so a
huge file costs at most that much memory.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.rules.errors import Refused
from bot.use_cases.documents import MAX_BYTES

FILE_HOSTS = {"files.slack.com"}
CHUNK = 64 * 1024
TIMEOUT = aiohttp.ClientTimeout(total=60, sock_connect=10)


def file_url(file: dict[str, Any]) -> str | None:
    return file.get("url_private_download") or file.get("url_private")


def trusted(url: str, api_url: str) -> bool:
    """Whether the bot token may go to `url`: Slack's file host over https, or the API's host."""
    target, api = urlsplit(url), urlsplit(api_url)
    if target.scheme == "https" and target.hostname in FILE_HOSTS:
        return True
    return (target.scheme, target.netloc) == (api.scheme, api.netloc)


def too_large(size: int) -> Refused:
    megabytes = f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return Refused("document.too_large", field="file", size=megabytes, max="20 MB")


async def download(file: dict[str, Any], token: str, api_url: str) -> bytes:
    """The file's bytes, at most 20 MB; `Refused` when it is too large or cannot be fetched."""
    url = file_url(file)
    if not url or not trusted(url, api_url):
        raise Refused("chat.file_unavailable", name=file.get("name") or "")
    if int(file.get("size") or 0) > MAX_BYTES:  # known before fetching a byte
        raise too_large(int(file["size"]))
    headers = {"Authorization": f"Bearer {token}"}
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.get(url, headers=headers, allow_redirects=False) as response,
        ):
            if response.status != 200:
                raise Refused("chat.file_unavailable", name=file.get("name") or "")
            content = bytearray()
            async for chunk in response.content.iter_chunked(CHUNK):
                content += chunk
                if len(content) > MAX_BYTES:
                    raise too_large(int(response.content_length or len(content)))
            return bytes(content)
    except (aiohttp.ClientError, TimeoutError) as error:
        raise Refused("chat.file_unavailable", name=file.get("name") or "") from error
