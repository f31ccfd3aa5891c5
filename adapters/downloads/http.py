"""The web side of download links: open one, or print the protocol.

A link's signature, expiry and the asker's right to read the dossier are all
checked when it is opened, by the core (`CardTasks.open`); a refusal is a short
Dutch page, never a traceback. Uploaded scans are sent as attachments, so a
browser saves them rather than running anything inside; the bot's own PDFs
(letter preview, protocol) open in the browser, ready to print. Every answer is
sandboxed (`Content-Security-Policy: sandbox`) and not content-sniffed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from urllib.parse import quote

from aiohttp import web

from bot.catalogue import t
from bot.rules.errors import Refused
from bot.use_cases.links import PROTOCOL, ROUTE
from bot.use_cases.tasks import CardTasks, Download

log = logging.getLogger(__name__)

# Refusals and the status they answer with; anything else is a 403.
_STATUS = {"link.invalid": 404, "link.expired": 410, "document.unknown": 404}


class Downloads:
    def __init__(self, tasks: CardTasks, lang: str) -> None:
        self.tasks = tasks
        self.lang = lang

    def install(self, app: web.Application) -> None:
        app.router.add_get(PROTOCOL, self.protocol)
        app.router.add_get(ROUTE + "{token}", self.open_link)

    async def protocol(self, request: web.Request) -> web.Response:
        return await self._answer(self.tasks.protocol())

    async def open_link(self, request: web.Request) -> web.Response:
        return await self._answer(self.tasks.open(request.match_info["token"]))

    async def _answer(self, opening: Awaitable[Download]) -> web.Response:
        try:
            download = await opening
        except Refused as refused:
            text = t(refused.key, self.lang, **refused.params)
            if refused.key not in _STATUS:
                text = t("link.refused", self.lang, reason=text)
            return self._page(_STATUS.get(refused.key, 403), text)
        except Exception:
            log.exception("opening a download failed")
            return self._page(500, t("link.failed", self.lang))
        return _file(download)

    @staticmethod
    def _page(status: int, text: str) -> web.Response:
        return web.Response(status=status, text=text + "\n", headers=_SANDBOXED)


# Nothing of a dossier is cached on the way, the link does not travel on as a referrer,
# and the content type is taken as given.
_PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# Whatever a browser makes of an uploaded scan or a page (opened after all, not saved),
# it is a sandbox: no script runs with Klachtenbot's origin and no form is sent. The
# bot's own PDFs, written by its letter code and opened inline to be printed, go
# without it: browsers' built-in PDF viewers do not run in a sandboxed document, and
# those files hold nothing that a sandbox would stop.
_SANDBOXED = {**_PRIVATE, "Content-Security-Policy": "sandbox"}


def _file(download: Download) -> web.Response:
    disposition = "inline" if download.inline else "attachment"
    name = download.filename
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    header = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return web.Response(
        body=download.content,
        content_type=download.content_type,
        headers={**(_PRIVATE if download.inline else _SANDBOXED), "Content-Disposition": header},
    )
