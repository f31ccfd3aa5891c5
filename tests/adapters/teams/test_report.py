"""`klacht rapport` in Teams: the report's card, a valid Adaptive Card 1.5 with its chart as
a picture inside it, and the PDF's button."""

from __future__ import annotations

import base64
import io
from datetime import UTC, date, datetime

from PIL import Image

from bot.rules.actions import Acknowledge
from bot.use_cases.links import Links
from tests.adapters.teams.client import texts, valid_card
from tests.helpers import registration


async def test_the_coordinator_gets_the_report_card_with_its_chart(
    teams, connector, people, teams_bot, clock
):
    bot, url = teams_bot
    assert bot.tasks is not None
    bot.tasks.links = Links(url, "test-link-secret")
    anna = people.coordinator
    clock.now = datetime(2026, 4, 20, 9, 0, tzinfo=UTC)
    for received in (date(2026, 3, 30), date(2026, 4, 2)):
        number = (
            await bot.complaints.register(anna, registration(received_on=received))
        ).dossier.number
    await bot.complaints.act(anna, number, Acknowledge(sent_on=date(2026, 4, 10), method="post"))

    status, _ = await teams.say(
        people.user(people.directie), "klacht rapport 2026-03-01 2026-04-30"
    )
    assert status == 201
    card = valid_card(connector.calls[-1].card)
    shown = texts(card).replace("\\", "")
    assert "Klachtenrapport maart – april 2026" in shown
    assert "1 van 2 (50%)" in shown  # 2 April's: 4 working days, with Easter inside
    (image,) = [e for e in card["body"] if e["type"] == "Image"]
    assert image["altText"].startswith("Klachten per maand. Ontvangen: mrt 2026 1, apr 2026 1")
    picture = Image.open(io.BytesIO(base64.b64decode(image["url"].split(",", 1)[1])))
    assert picture.format == "PNG" and picture.width == 480
    (pdf,) = [a for a in card["body"] if a["type"] == "ActionSet"]
    assert pdf["actions"][0]["title"] == "Rapport als PDF"
    assert pdf["actions"][0]["url"].startswith(url + "/documenten/")


async def test_an_owner_is_refused_the_report(teams, connector, people):
    await teams.say(people.user(people.owner), "klacht report year")
    assert "coördinator klachten en de directie" in connector.calls[-1].body["text"]
