"""Bidirectional controls in a name or summary never reach a card: not in Slack's blocks,
Teams' Adaptive Card, the App Home or the command line; the dossier keeps what was typed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from adapters.slack.blocks import card_blocks
from adapters.slack.home import home_view
from adapters.teams.render import render_card
from bot.use_cases.services import Scope
from bot.views.dossier_card import dossier_card, list_card
from tests.e2e.cli import klachtenbot
from tests.helpers import registration

# Every embedding, override and isolate: U+202A-U+202E and U+2066-U+2069.
CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
NAME = "Mevr. \u202eakkaB\u202c E."
SUMMARY = "Factuur \u2066K-2026-0099\u2069 klopt niet " + "".join(CONTROLS)


def clean(text: str) -> bool:
    return not any(c in text for c in CONTROLS)


async def test_cards_show_names_and_summaries_without_bidi_controls(bot, team, database_url):
    anna = team.coordinator
    number = (
        await bot.complaints.register(
            anna, registration(customer_name=NAME, summary=SUMMARY, details="\u202eomschrijving")
        )
    ).dossier.number
    view = await bot.complaints.view(anna, number)
    assert view.dossier.customer.name == NAME  # stored as typed
    card = dossier_card(view, anna)
    listed = list_card(await bot.complaints.dossiers(anna, Scope.ALL))
    for shown in (card, listed):
        assert clean(shown.model_dump_json()), shown
    assert "Mevr. akkaB E." in card.model_dump_json()
    assert clean(json.dumps(card_blocks(card, "nl", version=0, number=number)))
    assert clean(json.dumps(render_card(card, "nl")))
    home = home_view(anna, [view], "nl", datetime(2026, 11, 24, 9, tzinfo=UTC))
    assert clean(json.dumps(home)) and "akkaB" in json.dumps(home, ensure_ascii=False)

    shown = klachtenbot("dossier", "show", number, "--as", str(anna.id), url=database_url)
    assert shown.code == 0 and "akkaB" in shown.out and clean(shown.out), shown
    listed_cli = klachtenbot("dossier", "list", "--as", str(anna.id), url=database_url)
    assert listed_cli.code == 0 and "akkaB" in listed_cli.out and clean(listed_cli.out)
