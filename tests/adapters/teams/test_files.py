"""A scan attached in a dossier's thread is fetched and kept with the dossier."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from adapters.teams.hosts import FileHosts
from storage.tables import documents, events
from tests.adapters.teams.client import COORDINATORS, Teams
from tests.bot.use_cases.documents.support import a_pdf
from tests.helpers import registration

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 500
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200


def file_info(connector, name: str) -> dict:  # type: ignore[no-untyped-def]
    """How Teams describes a file shared from its file store."""
    return {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "contentUrl": f"https://werkplaats.example/sites/klachten/{name}",
        "content": {"downloadUrl": connector.file_url(name), "uniqueId": "u1", "fileType": "pdf"},
        "name": name,
    }


async def _thread(bot, people, teams, connector) -> str:  # type: ignore[no-untyped-def]
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    await bot.complaints.register(people.coordinator, registration())
    await bot.dispatcher.drain()
    root = connector.sent("send")[-1].response_id
    connector.calls.clear()
    return root


async def stored(bot) -> list:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as conn:
        return (await conn.execute(select(documents))).mappings().all()


async def timeline(bot) -> list:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as conn:
        rows = await conn.execute(select(events.c.action, events.c.data).order_by(events.c.id))
        return rows.all()


async def test_an_attached_pdf_is_stored_once_with_its_dossier(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    root = await _thread(bot, people, teams, connector)
    pdf = a_pdf()
    connector.files["brief Bakker.pdf"] = pdf
    anna = people.user(people.coordinator)
    message = {
        "channel": COORDINATORS,
        "thread": root,
        "activity_id": "1700000000001",
        "attachments": [
            {"contentType": "text/html", "content": "<p>de brief</p>"},  # the message itself
            file_info(connector, "brief Bakker.pdf"),
        ],
    }
    for _ in range(3):  # Teams retrying the same activity
        status, _ = await teams.say(anna, "", **message)
        assert status == 201

    (row,) = await stored(bot)
    assert bytes(row["content"]) == pdf
    assert len(PdfReader(io.BytesIO(bytes(row["content"]))).pages) == 1
    assert row["content_type"] == "application/pdf" and row["filename"] == "brief Bakker.pdf"
    listed = await bot.documents.list(people.coordinator, "K-2026-0001")
    assert [d.id for d in listed] == [row["id"]]
    actions = await timeline(bot)
    assert [a for a, _ in actions] == ["register", "add_document"]
    assert actions[-1][1]["document_id"] == row["id"]
    assert [name for name, _ in connector.downloads] == ["brief Bakker.pdf"] * 3
    # A file link from Teams is already authorised: the bot's token is not sent with it.
    assert {auth for _, auth in connector.downloads} == {None}
    assert connector.sent("reply") == []  # nothing went wrong, nothing to say


async def test_an_inline_image_is_fetched_from_its_content_url(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    root = await _thread(bot, people, teams, connector)
    connector.files["foto"] = PNG
    attachment = {"contentType": "image/*", "contentUrl": connector.file_url("foto")}
    await teams.say(
        people.user(people.coordinator), "", channel=COORDINATORS, thread=root,
        attachments=[attachment],
    )  # fmt: skip
    (row,) = await stored(bot)
    assert bytes(row["content"]) == PNG and row["filename"] == "scan.png"


async def test_a_renamed_program_is_refused_in_the_thread_and_nothing_is_stored(
    teams, connector, people, teams_bot
):
    bot = teams_bot[0]
    root = await _thread(bot, people, teams, connector)
    connector.files["scan.pdf"] = EXE
    await teams.say(
        people.user(people.coordinator), "", channel=COORDINATORS, thread=root,
        attachments=[file_info(connector, "scan.pdf")],
    )  # fmt: skip
    (reply,) = connector.sent("reply")
    assert reply.thread_root == root
    assert "programma" in reply.body["text"], reply.body["text"]
    assert await stored(bot) == []
    assert [a for a, _ in await timeline(bot)] == ["register"]


async def test_an_english_user_is_refused_in_english(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    root = await _thread(bot, people, teams, connector)
    connector.files["scan.pdf"] = EXE
    await teams.say(
        people.user(people.coordinator, locale="en-GB"), "", channel=COORDINATORS, thread=root,
        attachments=[file_info(connector, "scan.pdf")],
    )  # fmt: skip
    (reply,) = connector.sent("reply")
    assert "program or script" in reply.body["text"], reply.body["text"]
    assert await stored(bot) == []


async def test_a_file_over_20_mb_or_one_that_cannot_be_fetched_is_refused(
    teams, connector, people, teams_bot
):
    bot = teams_bot[0]
    root = await _thread(bot, people, teams, connector)
    anna = people.user(people.coordinator)
    connector.files["groot.pdf"] = b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024)
    await teams.say(
        anna, "", channel=COORDINATORS, thread=root,
        attachments=[file_info(connector, "groot.pdf"), file_info(connector, "weg.pdf")],
    )  # fmt: skip
    first, second = connector.sent("reply")
    assert "te groot" in first.body["text"] and "20 MB" in first.body["text"]
    assert "weg.pdf" in second.body["text"] and "niet ophalen" in second.body["text"]
    assert await stored(bot) == []
    assert [a for a, _ in await timeline(bot)] == ["register"]


async def test_a_scan_sent_to_the_bot_with_its_number_is_kept_with_that_dossier(
    teams, connector, people, teams_bot
):
    bot = teams_bot[0]
    await _thread(bot, people, teams, connector)
    pdf = a_pdf()
    connector.files["scan.pdf"] = pdf
    anna = people.user(people.coordinator)

    # Without a dossier number the file has nowhere to go: asked again, nothing kept.
    status, _ = await teams.say(anna, "de brief van mevrouw Bakker",
                                attachments=[file_info(connector, "scan.pdf")])  # fmt: skip
    assert status == 201
    assert "dossiernummer" in connector.sent("reply")[-1].body["text"]
    assert await stored(bot) == []

    for _ in range(2):  # Teams retrying the same activity
        status, _ = await teams.say(
            anna, "brief bij k-2026-0001", activity_id="1700000000042",
            attachments=[file_info(connector, "scan.pdf")],
        )  # fmt: skip
        assert status == 201
    (row,) = await stored(bot)
    assert bytes(row["content"]) == pdf
    assert [a for a, _ in await timeline(bot)] == ["register", "add_document"]
    assert "bewaard bij K-2026-0001" in connector.sent("reply")[-1].body["text"]

    # Someone who may not add to that dossier is refused, and nothing is kept.
    status, _ = await teams.say(
        people.user(people.owner), "K-2026-0001", attachments=[file_info(connector, "scan.pdf")]
    )
    assert status == 201 and len(await stored(bot)) == 1
    assert "bewaard" not in connector.sent("reply")[-1].body["text"]


# -- where files may come from -------------------------------------------------------------


def _link(url: str, name: str = "brief.pdf") -> dict:
    return {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "content": {"downloadUrl": url, "fileType": "pdf"},
        "name": name,
    }


async def test_a_file_is_never_fetched_from_an_address_teams_does_not_keep_files_at(
    teams, connector, people, teams_bot
):
    bot, own = teams_bot
    await bot.complaints.register(people.coordinator, registration())
    connector.files["brief.pdf"] = a_pdf()
    port = urlsplit(connector.url).port
    inside = [
        f"http://localhost:{port}/files/brief.pdf",  # the same server under another name
        own + "/healthz",  # the bot's own web app
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "https://10.0.0.1/brief.pdf",
        f"http://[::1]:{port}/files/brief.pdf",
        "file:///etc/passwd",
    ]
    anna = people.user(people.coordinator)
    for url in inside:
        status, _ = await teams.say(anna, "brief bij K-2026-0001", attachments=[_link(url)])
        assert status == 201
        assert "kon het bestand brief.pdf niet ophalen" in connector.sent("reply")[-1].body["text"]
    assert connector.downloads == []
    assert await stored(bot) == []
    assert [a for a, _ in await timeline(bot)] == ["register"]


async def test_a_redirect_is_held_to_the_same_rule(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    await bot.complaints.register(people.coordinator, registration())
    port = urlsplit(connector.url).port
    connector.files["echt.pdf"] = a_pdf()
    connector.moved["brief.pdf"] = f"http://localhost:{port}/files/echt.pdf"
    anna = people.user(people.coordinator)
    await teams.say(
        anna, "brief bij K-2026-0001", attachments=[_link(connector.file_url("brief.pdf"))]
    )
    assert "niet ophalen" in connector.sent("reply")[-1].body["text"]
    assert [name for name, _ in connector.downloads] == ["brief.pdf"]  # not the redirect
    assert await stored(bot) == []
    # A redirect within the allowed hosts is followed.
    connector.moved["brief.pdf"] = connector.file_url("echt.pdf")
    await teams.say(
        anna, "brief bij K-2026-0001", attachments=[_link(connector.file_url("brief.pdf"))]
    )
    assert "1 bestand(en) bewaard bij K-2026-0001" in connector.sent("reply")[-1].body["text"]
    assert len(await stored(bot)) == 1


async def test_local_mode_alone_fetches_nothing_from_this_machine(connector, people, teams_bot):
    """Without the tests' own rule the bot takes files from Teams' hosts only: local mode
    opens nothing, not even the stand-in on loopback."""
    bot, url = teams_bot
    assert bot.settings.teams_local and not bot.settings.microsoft_app_id
    await bot.complaints.register(people.coordinator, registration())
    connector.files["brief.pdf"] = a_pdf()
    teams = Teams(url + "/api/messages", connector.url)  # no `fetch_from`
    await teams.say(
        people.user(people.coordinator), "brief bij K-2026-0001",
        attachments=[_link(connector.file_url("brief.pdf"))],
    )  # fmt: skip
    assert "niet ophalen" in connector.sent("reply")[-1].body["text"]
    assert connector.downloads == [] and await stored(bot) == []


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://contoso-my.sharepoint.com/personal/anna/_layouts/15/download.aspx?x=1", True),
        ("https://contoso.sharepoint.com/sites/klachten/Shared%20Documents/brief.pdf", True),
        ("https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-x/views/original", True),
        ("https://eu-api.asm.skype.com/v1/objects/0-weu-d1-x/views/imgo", True),
        ("http://contoso.sharepoint.com/brief.pdf", False),  # not https
        ("https://contoso.sharepoint.com:8443/brief.pdf", False),
        ("https://sharepoint.com.example.net/brief.pdf", False),
        ("https://evilsharepoint.com/brief.pdf", False),
        ("https://anna@contoso.sharepoint.com/brief.pdf", False),
        ("https://localhost/brief.pdf", False),
        ("https://127.0.0.1/brief.pdf", False),
        ("https://169.254.169.254/latest/meta-data/", False),
        ("https://[::1]/brief.pdf", False),
        ("https://contoso.sharepoint.com:port/", False),
    ],
)
def test_teams_file_hosts(url, allowed):
    assert FileHosts().allows(url) is allowed
