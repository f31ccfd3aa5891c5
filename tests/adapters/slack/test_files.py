"""A scan shared in a dossier's thread is fetched from Slack and kept with the dossier."""

from __future__ import annotations

import asyncio
import io

from pypdf import PdfReader
from sqlalchemy import select

from storage.tables import documents, events
from tests.adapters.slack.test_requests import _until, _until_card_remembered
from tests.bot.use_cases.documents.support import a_pdf
from tests.helpers import registration, rows

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 500


async def _card(bot, team, slack_api) -> str:  # type: ignore[no-untyped-def]
    await bot.complaints.register(team.coordinator, registration())
    card = await slack_api.wait(lambda: slack_api.answers("chat.postMessage"))
    await _until_card_remembered(bot)
    return card[0]["ts"]


def shared(slack_api, thread: str, file_id: str, name: str, ts: str = "1700000300.000001"):  # type: ignore[no-untyped-def]
    return {
        "type": "message",
        "subtype": "file_share",
        "channel": "CCOORD",
        "user": "UANNA",
        "text": "",
        "ts": ts,
        "thread_ts": thread,
        "files": [
            {
                "id": file_id,
                "name": name,
                "title": "Brief van mevrouw Bakker",
                "mimetype": "application/pdf",
                "size": len(slack_api.files.get(file_id, b"")),
                "url_private": slack_api.file_url(file_id),
                "url_private_download": slack_api.file_url(file_id),
                "permalink": f"https://werkplaats.example/files/{file_id}",
            }
        ],
    }


async def stored(bot) -> list:  # type: ignore[no-untyped-def]
    async with bot.engine.connect() as conn:
        return (await conn.execute(select(documents))).mappings().all()


async def test_a_shared_pdf_is_stored_with_its_dossier_once(bot, team, slack, slack_api):
    thread = await _card(bot, team, slack_api)
    pdf = a_pdf()
    slack_api.files["F1"] = pdf
    event = shared(slack_api, thread, "F1", "scan brief.pdf")
    results = await asyncio.gather(slack.event(event, "EvF1"), slack.event(event, "EvF1", retry=1))
    assert [status for status, _ in results] == [200, 200]
    await _until(lambda: rows(bot.engine, events), 2)
    await slack.event(event, "EvF1", retry=2)
    await slack_api.wait(lambda: len(slack_api.downloads) >= 3)
    await asyncio.sleep(0.3)  # the retries had their chance

    kept = await stored(bot)
    assert len(kept) == 1
    (row,) = kept
    assert bytes(row["content"]) == pdf
    assert len(PdfReader(io.BytesIO(bytes(row["content"]))).pages) == 1
    listed = await bot.documents.list(team.coordinator, "K-2026-0001")
    assert [d.id for d in listed] == [row["id"]]
    assert row["content_type"] == "application/pdf"
    assert row["filename"] == "scan brief.pdf"
    assert {token for _, token in slack_api.downloads} == {"xoxb-test-token"}

    view = await bot.complaints.view(team.coordinator, "K-2026-0001")
    assert [e.action for e in view.timeline] == ["register", "add_document"]
    async with bot.engine.connect() as conn:
        data = (
            await conn.execute(select(events.c.data).where(events.c.action == "add_document"))
        ).scalar_one()
    assert data["document_id"] == row["id"]
    assert slack_api.to("chat.postEphemeral") == []


async def test_a_renamed_program_is_refused_privately_and_nothing_is_stored(
    bot, team, slack, slack_api
):
    thread = await _card(bot, team, slack_api)
    slack_api.files["F2"] = EXE
    await slack.event(shared(slack_api, thread, "F2", "scan.pdf"), "EvF2")
    (answer,) = await slack_api.wait(lambda: slack_api.to("chat.postEphemeral"))
    assert answer["user"] == "UANNA" and answer["thread_ts"] == thread
    assert "programma" in answer["text"].lower(), answer["text"]
    assert await stored(bot) == []
    assert await rows(bot.engine, events) == 1


async def test_an_english_user_reads_the_refusal_in_english(bot, team, slack, slack_api):
    slack_api.locales["UANNA"] = "en-GB"
    thread = await _card(bot, team, slack_api)
    slack_api.files["F3"] = EXE
    await slack.event(shared(slack_api, thread, "F3", "scan.pdf"), "EvF3")
    (answer,) = await slack_api.wait(lambda: slack_api.to("chat.postEphemeral"))
    assert "program" in answer["text"].lower(), answer["text"]
    assert await stored(bot) == []


async def test_a_file_slack_will_not_hand_over_is_reported_and_not_stored(
    bot, team, slack, slack_api
):
    thread = await _card(bot, team, slack_api)
    slack_api.files["F4"] = a_pdf()
    slack_api.fail("files", status=500)
    await slack.event(shared(slack_api, thread, "F4", "brief.pdf"), "EvF4")
    (answer,) = await slack_api.wait(lambda: slack_api.to("chat.postEphemeral"))
    assert "niet ophalen" in answer["text"] and "brief.pdf" in answer["text"]
    assert await stored(bot) == []


async def test_a_file_over_20_mb_is_refused_while_reading(bot, team, slack, slack_api):
    thread = await _card(bot, team, slack_api)
    slack_api.files["F5"] = b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024)
    event = shared(slack_api, thread, "F5", "groot.pdf")
    event["files"][0]["size"] = 1000  # Slack's description is not trusted: the read stops
    await slack.event(event, "EvF5")
    (answer,) = await slack_api.wait(lambda: slack_api.to("chat.postEphemeral"))
    assert "20 MB" in answer["text"], answer["text"]
    assert await stored(bot) == []


async def test_the_token_never_goes_to_a_host_that_is_not_slack(bot, team, slack, slack_api):
    thread = await _card(bot, team, slack_api)
    event = shared(slack_api, thread, "F6", "brief.pdf")
    event["files"][0]["url_private_download"] = "https://evil.example/steal"
    event["files"][0]["url_private"] = "https://evil.example/steal"
    await slack.event(event, "EvF6")
    (answer,) = await slack_api.wait(lambda: slack_api.to("chat.postEphemeral"))
    assert "niet ophalen" in answer["text"]
    assert slack_api.downloads == []
    assert await stored(bot) == []


def described(slack_api, file_id: str, name: str) -> dict:  # type: ignore[no-untyped-def]
    """A file as Slack describes it in a modal's file input."""
    return {
        "id": file_id,
        "name": name,
        "mimetype": "application/octet-stream",
        "size": len(slack_api.files[file_id]),
        "url_private": slack_api.file_url(file_id),
        "url_private_download": slack_api.file_url(file_id),
    }


async def test_a_scan_uploaded_while_registering_is_kept_with_the_new_dossier(
    bot, team, slack, slack_api
):
    from tests.adapters.slack.test_e2e import opened_view

    slack_api.files["F1"] = scan = a_pdf()
    slack_api.files["F2"] = EXE
    await slack.command("UANNA", "nieuw")
    form = await opened_view(slack_api, 1)
    assert form["blocks"][-1]["element"]["type"] == "file_input"
    files = {"scan": [described(slack_api, "F1", "brief.pdf"),
                      described(slack_api, "F2", "scan.pdf")]}  # fmt: skip
    values = {"channel": "brief", "customer_name": "Mevr. Bakker", "customer_phone": "0612345678",
              "summary": "Zool laat los"}  # fmt: skip
    status, body = await slack.submit("UANNA", form, values, files=files)
    assert status == 200 and "K-2026-0001" in body

    async def kept_count() -> int:
        return len(await stored(bot))

    await _until(kept_count, 1)
    [kept] = await stored(bot)
    assert kept["kind"] == "scan" and kept["content_type"] == "application/pdf"
    view = await bot.complaints.view(team.coordinator, "K-2026-0001")
    assert [e.action for e in view.timeline] == ["register", "add_document"]
    # The renamed program is refused, and the coordinator hears which file and why.
    dm = await slack_api.wait(lambda: slack_api.to("chat.postMessage", channel="UANNA"))
    assert "scan.pdf" in dm[0]["text"] and "programma" in dm[0]["text"]
    assert len(await stored(bot)) == 1
    assert (await bot.documents.read(team.coordinator, kept["id"])).content == scan
