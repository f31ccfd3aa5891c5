"""One flow for both chats: the same request gets the same answer in Slack and in Teams.

Each scenario runs the chat layer as each platform runs it (Teams redraws the card
it was asked from, Slack answers in a sentence) and draws the answer with that
platform's renderer. Where the two once drifted (the help for a word the bot does
not know, `toon` without a number, `rol` by name, help and protocol for someone
the bot does not know, the sentence after a step, who a form offers as owner),
both must now say the same.
"""

from __future__ import annotations

from typing import Any

import pytest

from adapters.slack import answers as slack
from adapters.teams import answers as teams
from bot.catalogue import t
from bot.chat.answers import (
    Answer,
    Done,
    Dossier,
    Help,
    Listing,
    Message,
    OpenForm,
    Protocol,
    Unknown,
    Usage,
)
from bot.chat.commands import Verb, command
from bot.chat.conversation import Asker, Conversation
from bot.rules.actions import Register
from tests.adapters.teams.client import texts
from tests.helpers import registration

PLATFORMS = ("slack", "teams")


def _conversation(bot: Any, platform: str) -> Conversation:
    return Conversation(bot, redraws_card=platform == "teams")


async def _drawn(bot: Any, platform: str, answer: Answer, lang: str = "nl") -> str:
    """What the person reads, as one string."""
    if platform == "slack":
        return slack.reply(answer, lang)[0]
    return texts(teams.card(answer, teams.Reader(lang, "29:someone", "Iemand")))


async def _both(bot: Any, asker: Asker, text: str) -> dict[str, Answer]:
    said = command(f"klacht {text}") if text else None
    return {
        p: await _conversation(bot, p).answered(
            _conversation(bot, p).command(asker, said, text), text
        )
        for p in PLATFORMS
    }


async def test_a_word_the_bot_does_not_know_is_said_above_the_help_in_both(bot, team):
    asker = Asker(team.owner, "nl")
    for platform in PLATFORMS:
        answer = await _conversation(bot, platform).command(asker, None, "hallo daar")
        assert answer == Help(Message("chat.unknown_command", {"text": "hallo daar"}))
        assert "Dat ken ik niet: 'hallo daar'." in await _drawn(bot, platform, answer)


@pytest.mark.parametrize("text", ["help", "protocol"])
async def test_help_and_the_protocol_are_for_anyone_in_both(bot, text):
    answers = await _both(bot, Asker(None, "en"), text)
    assert answers["slack"] == answers["teams"]
    assert isinstance(answers["slack"], Help | Protocol)


@pytest.mark.parametrize("text", ["lijst", "toon K-2026-0001", "nieuw", "rol Piet directie"])
async def test_someone_unknown_is_told_so_and_shown_nothing_in_both(bot, team, text):
    await bot.complaints.register(team.coordinator, registration())
    answers = await _both(bot, Asker(None, "nl", "U0LGA"), text)
    assert answers == {"slack": Unknown("U0LGA"), "teams": Unknown("U0LGA")}
    for platform in PLATFORMS:
        drawn = await _drawn(bot, platform, answers[platform])
        # Whom to ask, and the id that whoever adds them needs; no dossier.
        assert "Klachtenbot kent u nog niet" in drawn and "U0LGA" in drawn
        assert "K-2026-0001" not in drawn


@pytest.mark.parametrize("text", ["toon", "toon K-2026-0001 K-2026-0002"])
async def test_show_without_one_number_says_how_in_both(bot, team, text):
    answers = await _both(bot, Asker(team.coordinator, "nl"), text)
    assert answers == {"slack": Usage(Verb.SHOW), "teams": Usage(Verb.SHOW)}
    for platform in PLATFORMS:
        assert "K-2026-0001" in await _drawn(bot, platform, answers[platform])


async def test_every_scope_is_a_scope_in_both(bot, team):
    await bot.complaints.register(team.coordinator, registration())
    for scope in ("open", "mijn", "te-laat", "alle", "mine", "overdue", "all"):
        answers = await _both(bot, Asker(team.coordinator, "nl"), f"lijst {scope}")
        assert answers["slack"] == answers["teams"]
        assert isinstance(answers["slack"], Listing)
    answers = await _both(bot, Asker(team.coordinator, "nl"), "lijst gisteren")
    unknown = Help(Message("chat.unknown_scope", {"text": "gisteren"}))
    assert answers == {"slack": unknown, "teams": unknown}
    for platform in PLATFORMS:
        assert "Die lijst ken ik niet: 'gisteren'." in await _drawn(bot, platform, unknown)


async def test_a_role_is_granted_by_name_in_both(bot, team):
    asker = Asker(team.beheerder, "nl")
    answers = await _both(bot, asker, "rol Piet Jansen directie")
    assert answers["slack"] == answers["teams"]
    for platform in PLATFORMS:
        assert "Piet Jansen heeft nu de rol" in await _drawn(bot, platform, answers[platform])
    refused = await _both(bot, Asker(team.owner, "nl"), "rol Sanne Smit directie")
    assert refused["slack"] == refused["teams"]
    assert isinstance(refused["slack"], Message) and not refused["slack"].good
    answers = await _both(bot, asker, "rol directie")
    assert answers == {"slack": Usage(Verb.ROLE), "teams": Usage(Verb.ROLE)}


async def test_a_refusal_is_the_same_sentence_in_both(bot, team):
    await bot.complaints.register(team.coordinator, registration())
    answers = await _both(bot, Asker(team.other, "en"), "toon K-2026-0001")
    assert answers["slack"] == answers["teams"]
    refusal = answers["slack"]
    assert isinstance(refusal, Message) and not refusal.good
    sentence = t(refusal.key, "en", **refusal.params)
    for platform in PLATFORMS:
        assert sentence in await _drawn(bot, platform, refusal, "en")


async def test_the_registration_form_opens_with_today_in_both(bot, team):
    answers = await _both(bot, Asker(team.coordinator, "nl"), "nieuw")
    assert answers["slack"] == answers["teams"]
    opened = answers["slack"]
    assert isinstance(opened, OpenForm) and opened.action == Register.name
    assert opened.values["received_on"] == bot.complaints.clock().date().isoformat()


async def test_a_refused_one_tap_step_is_the_same_refusal_in_both(bot, team):
    done = await bot.complaints.register(team.coordinator, registration())
    number = done.dossier.number
    said = {}
    for platform in PLATFORMS:
        asker = Asker(team.coordinator, "nl")
        answer = await _conversation(bot, platform).click(asker, "close", number, {}, "k")
        # Slack answers in a sentence; Teams puts the same sentence on the dossier's card.
        said[platform] = answer if isinstance(answer, Message) else answer.note
        assert isinstance(answer, Dossier if platform == "teams" else Message)
    assert (
        said["slack"]
        == said["teams"]
        == Message("close.needs_agreement", {"number": number}, good=False)
    )


async def test_a_step_is_answered_with_what_it_did_naming_the_dossier_in_both(bot, team):
    """One sentence in the past tense, with the essentials: here the new owner's name."""
    asker = Asker(team.coordinator, "nl")
    data = {"owner_id": str(team.owner.id), "plan": "winkel"}
    said = {}
    for platform in PLATFORMS:
        number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
        conversation = _conversation(bot, platform)
        answer = await conversation.submit(asker, "assign", number, data, f"k:{number}")
        assert isinstance(answer, Done) and not answer.duplicate
        said[platform] = answer.said
        drawn = await _drawn(bot, platform, answer)
        assert f"{number}: Piet Jansen is eigenaar." in drawn, drawn
        again = await conversation.submit(asker, "assign", number, data, f"k:{number}")
        assert isinstance(again, Done) and again.duplicate
        assert f"{number}: dit was al verwerkt" in await _drawn(bot, platform, again)
    assert said["slack"].key == said["teams"].key == "chat.did.assign"


async def test_a_form_offers_the_same_owners_in_both(bot, team):
    """Who may own a dossier is the core's list, drawn by each chat as its own select."""
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    asker = Asker(team.coordinator, "nl")
    offered = {}
    for platform in PLATFORMS:
        opened = await _conversation(bot, platform).click(asker, "assign", number, {}, None)
        assert isinstance(opened, OpenForm)
        [owner] = [f for f in opened.form.fields if f.name == "owner_id"]
        offered[platform] = [(o.value, o.label) for o in owner.options]
    owners = await bot.staff.owners()
    assert offered["slack"] == offered["teams"] == [(str(p.id), p.name) for p in owners]
    assert team.owner.id in {p.id for p in owners}
    assert team.beheerder.id not in {p.id for p in owners}  # a beheerder owns no dossier
