"""Every card the bot can send, checked against what the platforms drop in silence.

Teams shows at most 6 actions in one action set (its host config's `maxActions`),
nested "Meer…" cards included, and refuses a message over about 28 KB; Slack drops
a message with more than 50 blocks, more than 25 elements in an actions block, or a
text over its limits, and cuts a modal's title and submit label at 24 characters
(Block Kit reference). The cards come from `tests/cards/gallery.py`: the README's
example dossier at every stage, for every reader, every direct message, notice,
list and form.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from bot.views.cards import Style
from tests.adapters.slack.block_rules import problems_in_message, problems_in_view
from tests.adapters.teams.client import action_sets, valid_card
from tests.cards.gallery import Drawn, gallery

TEAMS_ACTIONS = 6
TEAMS_BYTES = 28_000
SLACK_BLOCKS = 50
SLACK_ACTIONS = 25
SLACK_BUTTON = 75
SLACK_MODAL_TITLE = 24
SLACK_MODAL_BUTTON = 24

DRAWN = {lang: list(gallery(lang)) for lang in ("nl", "en")}


def _all(lang: str, surface: str | None = None) -> list[Drawn]:
    return [d for d in DRAWN[lang] if surface is None or d.surface == surface]


def _ids(drawn: list[Drawn]) -> list[str]:
    return [d.name for d in drawn]


def test_the_gallery_covers_every_stage_reader_and_kind_of_card():
    names = _ids(_all("nl"))
    for stage in (
        "1-ontvangen",
        "3-toegewezen",
        "5-bij-de-directie",
        "7-afgehandeld",
        "9-gesloten",
    ):
        for reader in ("coordinator", "owner", "directie"):
            assert f"dossier/{stage}/{reader}" in names
    for prefix in ("dm/", "directie/", "line/", "notice/", "list/", "form/", "home/"):
        assert any(n.startswith(prefix) for n in names), prefix
    assert len(names) > 70


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_teams_cards_keep_every_action_and_fit_one_message(lang):
    for drawn in _all(lang):
        if not drawn.teams:
            continue
        card = valid_card(drawn.teams)  # the Adaptive Cards 1.5 schema
        assert len(json.dumps(card, ensure_ascii=False).encode()) <= TEAMS_BYTES, drawn.name
        for found in action_sets(card):
            assert len(found["actions"]) <= TEAMS_ACTIONS, (drawn.name, found)
        if drawn.card is not None:
            # Every button of the core's card is on the Teams card, none dropped.
            shown = [
                a["data"]["klachtenbot"]["action"]
                for s in action_sets(card)
                for a in s["actions"]
                if a["type"] == "Action.Execute"
            ]
            assert sorted(shown) == sorted(b.action for b in drawn.card.all_buttons), drawn.name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_slack_messages_and_modals_stay_within_block_kit_limits(lang):
    for drawn in _all(lang):
        if drawn.surface == "message":
            assert problems_in_message(drawn.slack) == [], drawn.name
            blocks = drawn.slack
            assert len(blocks) <= SLACK_BLOCKS
        else:
            assert problems_in_view(drawn.slack) == [], drawn.name
            blocks = drawn.slack["blocks"]
        for block in blocks:
            if block["type"] == "actions":
                assert len(block["elements"]) <= SLACK_ACTIONS, drawn.name
                for element in block["elements"]:
                    assert len(element["text"]["text"]) <= SLACK_BUTTON, drawn.name
        if drawn.card is not None:
            shown = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
            assert len(shown) == len(drawn.card.all_buttons), drawn.name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_modal_titles_and_submit_labels_fit_without_being_cut(lang):
    for drawn in _all(lang, "modal"):
        view = drawn.slack
        for key in ("title", "submit", "close"):
            text = view[key]["text"]
            assert len(text) <= SLACK_MODAL_TITLE, (drawn.name, text)
            assert "ingekort" not in text and "shortened" not in text, (drawn.name, text)


def _labels(drawn: Drawn) -> list[str]:
    if drawn.card is None:
        return []
    return [b.label for b in drawn.card.all_buttons]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_button_labels_are_capitalised_alike_and_no_step_is_drawn_as_a_danger(lang):
    for drawn in _all(lang):
        for label in _labels(drawn):
            assert label[:1].isupper(), (drawn.name, label)
        if drawn.card is not None:
            assert Style.DANGER not in [b.style for b in drawn.card.all_buttons], drawn.name


def test_the_owners_status_question_carries_the_customers_phone():
    for lang in ("nl", "en"):
        [question] = [d for d in _all(lang) if d.name == "notice/status_question/person-0"]
        assert question.card is not None
        assert [f.link for f in question.card.facts if f.link] == [
            "tel:0612345678",
            "mailto:e.bakker@example.nl",
        ]


def _dossier_cards(lang: str) -> list[Drawn]:
    return [d for d in _all(lang) if d.name.startswith(("dossier/", "dm/"))]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_readers_next_step_comes_first_highlighted_and_alone(lang):
    for drawn in _dossier_cards(lang):
        card = drawn.card
        assert card is not None
        styles = [b.style for b in card.all_buttons]
        assert Style.DANGER not in styles, drawn.name  # closing is no danger, nor asking help
        assert styles.count(Style.PRIMARY) <= 1, drawn.name
        if card.buttons:
            assert card.buttons[0].style is Style.PRIMARY, drawn.name
        # The card says in words what happens next (the DM says what is asked).
        assert card.headlines or card.subtitle, drawn.name
    owner = next(d.card for d in _dossier_cards(lang) if d.name == "dossier/3-toegewezen/owner")
    directie = next(
        d.card for d in _dossier_cards(lang) if d.name == "dossier/5-bij-de-directie/directie"
    )
    coordinator = {
        stage: next(
            d.card for d in _dossier_cards(lang) if d.name == f"dossier/{stage}/coordinator"
        )
        for stage in (
            "1-ontvangen",
            "2-toegewezen-voor-bevestiging",
            "7-afgehandeld",
            "8-geevalueerd",
        )
    }
    assert owner and directie
    assert [b.action for b in owner.buttons] == ["mark_handled"]
    assert [b.action for b in directie.buttons] == ["decide"]
    # The letter before the acknowledgement, also when an owner was assigned first.
    assert coordinator["1-ontvangen"].buttons[0].action == "letter_email"
    assert coordinator["2-toegewezen-voor-bevestiging"].buttons[0].action == "letter_email"
    assert coordinator["7-afgehandeld"].buttons[0].action == "evaluate"
    assert coordinator["8-geevalueerd"].buttons[0].action == "close"


def _teams_text_above_first_action(card: dict[str, Any]) -> list[str]:
    texts = []
    for element in card["body"]:
        if element["type"] == "ActionSet":
            return texts
        if element["type"] == "TextBlock":
            texts.append(element["text"])
        if element["type"] == "Container":
            texts += [i["text"] for i in element["items"] if i["type"] == "TextBlock"]
    raise AssertionError("no action on the card")


# The phone-width budget, as a proxy a test can count: the renderer's measure is in
# tools/render_cards (rendered height above the first button at 390 px ≤ 844 px). At
# 390 px a Teams text line holds about 40 characters; a block takes a line of spacing.
PHONE_LINE = 40
PHONE_LINES = 20  # 20 lines of about 20 px: well within one 844 px screen


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_stage_shows_its_next_action_within_one_phone_screen(lang):
    for drawn in _all(lang):
        if not drawn.budget or not drawn.card or not drawn.card.all_buttons:
            continue
        above = _teams_text_above_first_action(drawn.teams)
        lines = sum(math.ceil(len(t) / PHONE_LINE) + 1 for t in above)
        assert lines <= PHONE_LINES, (drawn.name, lines, above)
        blocks = drawn.slack
        first = next(i for i, b in enumerate(blocks) if b["type"] == "actions")
        assert first <= 3, drawn.name  # header, stage, what next: then the buttons


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_phone_and_email_for_readers_and_the_checklist_for_the_coordinator_only(lang):
    for drawn in _dossier_cards(lang):
        card = drawn.card
        assert card is not None
        links = {f.label: f.link for f in card.facts if f.link}
        assert any(link.startswith("tel:") for link in links.values()), drawn.name
        assert any(link.startswith("mailto:") for link in links.values()), drawn.name
        if not drawn.name.endswith("/coordinator"):
            assert not card.rows, drawn.name
            assert "Orthomatic" not in json.dumps(card.model_dump()), drawn.name
    checklist = next(
        d.card
        for d in _dossier_cards(lang)
        if d.name == "dossier/2-toegewezen-voor-bevestiging/coordinator"
    )
    assert checklist is not None and len(checklist.rows) == 6  # 5 items and "… en nog 2"
    for row in checklist.rows[:5]:
        # One line per item, no item numbers; the text to paste is behind its button.
        assert "[" not in row.text and "#" not in row.text and len(row.text) < 60
        assert [b.action for b in row.buttons] == ["mirror_text", "mirror_tick"]
    assert "klachtenbot mirror" not in json.dumps(checklist.model_dump())


# Teams' light theme: its text colours against white, by the WCAG 2 formula
# (relative luminance). Good (#92c353) and Warning (#f8d22a) text fail AA.
_TEAMS_LIGHT_TEXT = {"default": "#252424", "attention": "#c4314b", "accent": "#6264a7"}
_TEAMS_LIGHT_PALE = {"good": "#92c353", "warning": "#f8d22a", "light": "#ffffff"}


def _contrast(foreground: str, background: str = "#ffffff") -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colours(node: Any) -> list[str]:
    found = []
    if isinstance(node, dict):
        if node.get("type") in ("TextBlock", "TextRun") and "color" in node:
            found.append(node["color"].lower())
        for value in node.values():
            found += _colours(value)
    elif isinstance(node, list):
        for value in node:
            found += _colours(value)
    return found


def test_coloured_text_meets_wcag_aa_on_teams_light_theme():
    assert all(_contrast(c) < 4.5 for c in _TEAMS_LIGHT_PALE.values())
    used = set()
    for lang in ("nl", "en"):
        for drawn in _all(lang):
            used |= set(_colours(drawn.teams))
    assert used <= set(_TEAMS_LIGHT_TEXT), used
    assert all(_contrast(_TEAMS_LIGHT_TEXT[c]) >= 4.5 for c in used | {"default"})
