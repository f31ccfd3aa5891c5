"""Download links over real HTTP: each download is logged as a read before its bytes
leave, and a link handed out before its person was deactivated opens nothing after."""

from __future__ import annotations

import aiohttp

from bot.catalogue import t
from bot.rules.actions import Assign
from bot.rules.people import Operator
from bot.use_cases.access_log import AccessLog, ReadQuery, Seen
from bot.use_cases.links import Links
from bot.use_cases.surfaces import Surface
from bot.use_cases.tasks import Task
from tests.bot.use_cases.documents.support import PDF_FILE
from tests.helpers import registration


async def fetch(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


async def _reads(bot):  # type: ignore[no-untyped-def]
    found = await AccessLog(bot.complaints.uow).find(Operator(), ReadQuery())
    return [(r.person_name, r.surface, r.what, r.item) for r in found]


async def test_a_download_is_logged_and_dies_with_its_persons_access(bot, team, server):  # type: ignore[no-untyped-def]
    assert bot.tasks is not None
    bot.tasks.links = Links(server, "test-link-secret")
    owner = team.owner
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    await bot.complaints.act(team.coordinator, number, Assign(owner_id=owner.id))
    scan = await bot.documents.attach(team.coordinator, number, "brief.pdf", PDF_FILE)

    reply = await bot.tasks.run(owner, Task.DOCUMENTS, number, {}, "nl", surface=Surface.SLACK)
    [link] = reply.links
    assert await _reads(bot) == [("Piet Jansen", Surface.SLACK, Seen.DOCUMENTS, None)]

    assert await fetch(link.url) == (200, PDF_FILE)
    assert (await _reads(bot))[-1] == ("Piet Jansen", Surface.WEB, Seen.DOCUMENT, str(scan))

    await bot.staff.deactivate(team.beheerder, owner.id)
    status, body = await fetch(link.url)  # the same link, still within its 15 minutes
    assert status == 403
    assert t("person.inactive", "nl").encode() in body and PDF_FILE not in body
    assert len(await _reads(bot)) == 2  # nothing shown, nothing logged

    await bot.staff.activate(team.beheerder, owner.id)
    assert (await fetch(link.url))[0] == 200
    assert len(await _reads(bot)) == 3
