"""`/klacht rapport` in Slack: the report's card with Slack's own chart, and its PDF button."""

from __future__ import annotations

import io

import aiohttp
from pypdf import PdfReader

from bot.use_cases.links import Links
from tests.bot.use_cases.report import scenario


async def test_the_directie_gets_the_report_card_with_a_chart_and_the_pdf(
    bot, team, clock, slack, slack_api, server
):
    await scenario.walk(bot, team, clock)
    assert bot.tasks is not None
    bot.tasks.links = Links(server, "test-link-secret")

    await slack.command("UDIRK", "rapport 2026-04-01 2026-05-31")
    answer = (await slack_api.wait(lambda: slack_api.responses))[-1]
    assert answer["response_type"] == "ephemeral"
    blocks = answer["blocks"]
    assert blocks[0]["text"]["text"] == "Klachtenrapport april – mei 2026"
    fields = [f["text"] for b in blocks if b["type"] == "section" for f in b.get("fields", [])]
    assert "*Binnen 5 werkdagen bevestigd*\n3 van 5 (60%)" in fields
    assert "*Nu open*\n5 · te laat 4" in fields
    (chart,) = [b for b in blocks if b["type"] == "data_visualization"]
    assert chart["chart"]["axis_config"]["categories"] == ["apr 2026", "mei 2026"]
    assert [[p["value"] for p in s["data"]] for s in chart["chart"]["series"]] == [[2, 3], [2, 1]]

    (button,) = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert button["text"]["text"] == "Rapport als PDF"
    async with aiohttp.ClientSession() as session, session.get(button["url"]) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/pdf"
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(await response.read())).pages)
    assert "Klachtenrapport april – mei 2026" in text
    assert "Bakker" not in text


async def test_an_owner_is_told_the_report_is_not_for_them(bot, team, slack, slack_api):
    await slack.command("UPIET", "rapport jaar")
    answer = (await slack_api.wait(lambda: slack_api.responses))[-1]
    assert "coördinator klachten en de directie" in answer["text"]


async def test_a_period_that_is_none_gets_the_usage(bot, team, slack, slack_api):
    await slack.command("UANNA", "rapport gisteren")
    answer = (await slack_api.wait(lambda: slack_api.responses))[-1]
    assert "/klacht rapport [maand|kwartaal|jaar|2026-01-01 2026-12-31]" in answer["text"]
    await slack.command("UANNA", "rapport 2026-12-31 2026-01-01")
    answer = (await slack_api.wait(lambda: len(slack_api.responses) > 1 and slack_api.responses))[
        -1
    ]
    assert "De periode klopt niet" in answer["text"]
