"""The shipped HTML form, opened in headless Chromium, filled in and submitted.

The page is served by a stand-in for the company website, which forwards the
form to Klachtenbot with the token, as the real website's server does.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.entry.server import make_app
from bot.use_cases.services import Scope
from tests.adapters.intake.cdp import Browser, find_chromium
from tests.bot.use_cases.documents.support import make_bot, settle, with_chat

SNIPPET = Path(__file__).parents[3] / "docs" / "webform.html"
TOKEN = "website-geheim-0123456789"
CHROMIUM = find_chromium()


def test_the_snippet_loads_nothing_from_elsewhere():
    text = SNIPPET.read_text(encoding="utf-8").lower()
    assert "<script" not in text and "src=" not in text and "@import" not in text
    assert "url(" not in text and "http" not in text


def website(klachtenbot_url: str) -> web.Application:
    """The company website: a page with the snippet, and the forwarding of its form."""

    async def page(request: web.Request) -> web.Response:
        body = SNIPPET.read_text(encoding="utf-8")
        return web.Response(
            text=f"<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
            f"<title>Is alles naar wens?</title></head><body>{body}</body></html>",
            content_type="text/html",
        )

    async def forward(request: web.Request) -> web.Response:
        headers = {
            "Authorization": f"Bearer {TOKEN}",
            "Content-Type": request.content_type,
            "X-Forwarded-For": request.remote or "",
        }
        async with (
            ClientSession() as session,
            session.post(klachtenbot_url, data=await request.read(), headers=headers) as answer,
        ):
            result = await answer.json()
        text = result["message"]
        if answer.status == 400:
            text += " " + " ".join(f["message"] for f in result["fields"].values())
        return web.Response(
            text=f"<!doctype html><html lang='nl'><head><meta charset='utf-8'></head>"
            f"<body><p id='uitkomst'>{html.escape(text)}</p></body></html>",
            content_type="text/html",
            status=200 if answer.status in (200, 201) else answer.status,
        )

    app = web.Application()
    app.router.add_get("/", page)
    app.router.add_post("/is-alles-naar-wens", forward)
    return app


@pytest.fixture
async def bot(database_url, clock):  # type: ignore[no-untyped-def]
    app = make_bot(database_url, clock, intake_token=TOKEN)
    yield app
    await app.close()


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt install chromium)")
async def test_a_customer_fills_in_the_form_in_a_browser(bot, team, tmp_path):
    chat = with_chat(bot)
    klachtenbot = TestServer(make_app(bot), host="127.0.0.1")
    await klachtenbot.start_server()
    site = TestServer(website(str(klachtenbot.make_url("/intake/webform"))), host="127.0.0.1")
    await site.start_server()
    assert CHROMIUM is not None
    browser = await Browser.start(CHROMIUM, tmp_path / "profile")
    try:
        await browser.open(str(site.make_url("/")))
        assert await browser.evaluate("document.scripts.length") == 0
        # Every field has a label a screen reader reads out.
        unlabelled = await browser.evaluate(
            "[...document.querySelectorAll('input, textarea')]"
            ".filter(e => e.labels.length === 0).map(e => e.name)"
        )
        assert unlabelled == []
        # The browser itself holds back an empty form.
        assert await browser.evaluate("document.querySelector('form').checkValidity()") is False

        await browser.type_into("kb-name", "Zoë Ïsbrand-Éénhoorn")
        await browser.type_into("kb-customer-number", "10234")
        await browser.type_into("kb-email", "zoe@example.nl")
        await browser.type_into("kb-message", "Mijn nieuwe schoenen knellen.\nGraag een afspraak.")
        await browser.evaluate("document.getElementById('kb-consent').click()")
        assert await browser.evaluate("document.querySelector('form').checkValidity()") is True
        await browser.evaluate("document.querySelector('button[type=submit]').click()")
        await browser.wait_for("Page.loadEventFired")
        outcome = await browser.evaluate("document.getElementById('uitkomst').innerText")
    finally:
        await browser.close()
        await site.close()
        await klachtenbot.close()

    [view] = await bot.complaints.dossiers(team.coordinator, Scope.ALL)
    d = view.dossier
    assert outcome.startswith("Hartelijk dank.") and d.number in outcome
    assert d.channel.value == "website" and d.customer.name == "Zoë Ïsbrand-Éénhoorn"
    assert d.customer.email == "zoe@example.nl" and d.complaint.summary == (
        "Mijn nieuwe schoenen knellen."
    )
    assert "10234" in (d.complaint.details or "")
    await settle(bot)
    assert chat.titles() == [f"Nieuwe klacht via de website: {d.number}"]
