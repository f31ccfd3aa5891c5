"""Every answer of the download routes, over real HTTP: a stored scan (an attachment) and a
refusal page carry `Content-Security-Policy: sandbox`, so whatever a browser opens from them
runs no script with Klachtenbot's origin; every answer, the bot's own inline PDFs (the
letter preview, the protocol) too, carries `nosniff`, so it is not taken for something
else. The inline PDFs go without the sandbox, in which browsers' PDF viewers do not run."""

from __future__ import annotations

import aiohttp

from bot.use_cases.links import Links, Target
from bot.use_cases.tasks import DOCUMENT, LETTER
from tests.bot.use_cases.documents.support import PDF_FILE
from tests.helpers import registration


async def fetch(url: str) -> tuple[int, bytes, dict[str, str]]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read(), dict(response.headers)


async def test_every_download_answer_is_sandboxed(bot, team, server):  # type: ignore[no-untyped-def]
    assert bot.tasks is not None
    links = bot.tasks.links = Links(server, "test-link-secret")
    coordinator = team.coordinator
    number = (await bot.complaints.register(coordinator, registration())).dossier.number
    scan = await bot.documents.attach(coordinator, number, "brief.pdf", PDF_FILE)
    now = bot.complaints.clock()

    answers = {
        "scan": await fetch(links.url(coordinator.id, Target(DOCUMENT, str(scan)), now)),
        "letter preview": await fetch(links.url(coordinator.id, Target(LETTER, number), now)),
        "protocol": await fetch(f"{server}/protocol.pdf"),
        "refusal": await fetch(f"{server}/documenten/niet.geldig"),
    }
    statuses = {kind: status for kind, (status, _, _) in answers.items()}
    assert statuses == {"scan": 200, "letter preview": 200, "protocol": 200, "refusal": 404}
    for kind, (_, body, headers) in answers.items():
        sandboxed = kind in ("scan", "refusal")
        assert (headers.get("Content-Security-Policy") == "sandbox") is sandboxed, kind
        assert headers.get("X-Content-Type-Options") == "nosniff", kind
        assert b"Traceback" not in body, kind
    disposition = {k: h.get("Content-Disposition", "") for k, (_, _, h) in answers.items()}
    assert disposition["scan"].startswith("attachment;")
    assert disposition["letter preview"].startswith("inline;")
    assert disposition["protocol"].startswith("inline;")
    assert answers["scan"][1] == PDF_FILE
