"""The web side of download links: open one, or print the protocol.

A link's signature, expiry and the asker's right to read the dossier are all
checked when it is opened (bot.links, bot.documents); a refusal is a short
Dutch page, never a traceback. Uploaded scans are sent as attachments, so a
browser saves them rather than running anything inside; the bot's own PDFs
(letter preview, protocol) open in the browser, ready to print.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from aiohttp import web

from bot.catalogue import t
from bot.documents import PDF
from bot.errors import Refused
from bot.links import PROTOCOL, ROUTE
from bot.tasks import DOCUMENT, LETTER, CardTasks, may_acknowledge

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
        try:
            content = await self.tasks.letters.protocol_pdf()
        except Exception:
            log.exception("the protocol PDF could not be made")
            return self._page(500, t("link.failed", self.lang))
        return _file(content, PDF.content_type, "klachtenprotocol.pdf", inline=True)

    async def open_link(self, request: web.Request) -> web.Response:
        links = self.tasks.links
        if links is None:
            return self._page(404, t("link.invalid", self.lang))
        try:
            grant = links.verify(request.match_info["token"], self.tasks.clock())
            person = await self.tasks.complaints.person(grant.person_id)
            if person is None:
                raise Refused("link.invalid")
            target = grant.target
            if target.kind == DOCUMENT and target.ref.isdigit():
                document = await self.tasks.documents.read(person, int(target.ref))
                assert document.content is not None
                return _file(document.content, document.content_type, document.filename)
            if target.kind == LETTER:
                view = await self.tasks.complaints.view(person, target.ref)
                if not may_acknowledge(person, view):
                    raise Refused("task.letter_forbidden", number=target.ref)
                content = await self.tasks.letters.acknowledgement_preview(person, target.ref)
                name = f"voorbeeld-ontvangstbevestiging-{target.ref}.pdf"
                return _file(content, PDF.content_type, name, inline=True)
            raise Refused("link.invalid")
        except Refused as refused:
            text = t(refused.key, self.lang, **refused.params)
            if refused.key not in _STATUS:
                text = t("link.refused", self.lang, reason=text)
            return self._page(_STATUS.get(refused.key, 403), text)
        except Exception:
            log.exception("opening a download link failed")
            return self._page(500, t("link.failed", self.lang))

    @staticmethod
    def _page(status: int, text: str) -> web.Response:
        return web.Response(status=status, text=text + "\n", headers=_PRIVATE)


# Nothing of a dossier is cached on the way, and the link does not travel on as a referrer.
_PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def _file(content: bytes, content_type: str, filename: str, inline: bool = False) -> web.Response:
    disposition = "inline" if inline else "attachment"
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    header = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return web.Response(
        body=content,
        content_type=content_type,
        headers={**_PRIVATE, "Content-Disposition": header},
    )
