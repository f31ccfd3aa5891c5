"""The legal hold from a chat: one word, the same flow and answer in Slack and Teams."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat.answers import Message, Usage
from bot.chat.commands import Verb
from bot.chat.conversation import Asker
from tests.bot.chat.test_conversation import PLATFORMS, _both, _conversation, _drawn
from tests.bot.use_cases.privacy.support import closed_dossier, tick_mirror

LATER = datetime(2029, 1, 1, 3, 0, tzinfo=UTC)


async def test_the_coordinator_keeps_a_closed_dossier_for_a_dispute_in_both(bot, team):
    number = await closed_dossier(bot, team)
    await tick_mirror(bot, team)
    coordinator = Asker(team.coordinator, "nl")
    answers = await _both(bot, coordinator, f"bewaar {number.lower()} klant is naar de commissie")
    assert answers["slack"] == answers["teams"] == Message("chat.hold_set", {"number": number})
    for platform in PLATFORMS:
        assert f"Dossier {number} wordt bewaard" in await _drawn(bot, platform, answers[platform])
    view = await bot.complaints.view(team.coordinator, number)
    assert view.dossier.hold is not None
    assert view.dossier.hold.reason == "klant is naar de commissie"
    assert [e.action for e in view.timeline][-1] == "hold"

    report = await bot.privacy.retention.run(LATER)
    assert report.anonymised == [] and [s.key for s in report.skipped] == ["privacy.on_hold"]

    for platform in PLATFORMS:  # lifted in one chat, then set again for the other
        said = await _conversation(bot, platform).command(
            coordinator, *_said(f"vrijgeven {number}")
        )
        assert said == Message("chat.hold_lifted", {"number": number})
        await bot.complaints.act(team.coordinator, number, _hold_again())
    await _conversation(bot, "slack").command(coordinator, *_said(f"vrijgeven {number}"))
    assert (await bot.privacy.retention.run(LATER)).anonymised == [number]


async def test_only_the_coordinator_holds_and_the_word_needs_a_number_and_reason(bot, team):
    number = await closed_dossier(bot, team)
    refused = await _both(bot, Asker(team.owner, "nl"), f"bewaar {number} geschil")
    assert refused["slack"] == refused["teams"]
    assert isinstance(refused["slack"], Message) and refused["slack"].key == "role.forbidden"
    for text, verb in ((f"bewaar {number}", Verb.HOLD), ("vrijgeven", Verb.RELEASE),
                       ("bewaar geschil", Verb.HOLD)):  # fmt: skip
        answers = await _both(bot, Asker(team.coordinator, "nl"), text)
        assert answers == {"slack": Usage(verb), "teams": Usage(verb)}
        for platform in PLATFORMS:
            assert "bewaar K-2026-0001" in await _drawn(bot, platform, answers[platform])
    nothing = await _both(bot, Asker(team.coordinator, "nl"), f"vrijgeven {number}")
    assert nothing["slack"] == nothing["teams"]
    assert isinstance(nothing["slack"], Message) and nothing["slack"].key == "hold.none"


def _said(text: str):  # type: ignore[no-untyped-def]
    from bot.chat.commands import command

    return command(f"klacht {text}"), text


def _hold_again():  # type: ignore[no-untyped-def]
    from bot.rules.actions import SetHold

    return SetHold(reason="opnieuw")
