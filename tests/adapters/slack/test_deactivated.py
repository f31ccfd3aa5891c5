"""Slack and a person who left: a DM queued before the deactivation is not sent after it,
and their own commands are refused with the reason."""

from __future__ import annotations

from bot.catalogue import t
from bot.rules.actions import Assign
from tests.helpers import registration


async def test_a_dm_queued_before_the_deactivation_is_not_sent(bot, team, slack_api):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    await bot.complaints.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    await bot.staff.deactivate(team.beheerder, team.owner.id)  # before the outbox ran
    await bot.dispatcher.drain()
    assert slack_api.to("chat.postMessage", channel="UPIET") == []
    assert slack_api.to("chat.update")  # the card in the coordinators' channel still follows
    assert await bot.outbox.counts("slack") == {"delivered": 4}


async def test_a_deactivated_person_is_told_so_by_the_command(bot, team, slack, slack_api):  # type: ignore[no-untyped-def]
    await bot.staff.deactivate(team.beheerder, team.owner.id)
    status, _ = await slack.command("UPIET", "lijst")
    assert status == 200
    [said] = await slack_api.wait(lambda: slack_api.responses)
    assert said["text"] == t("person.inactive", "nl")
    await bot.staff.activate(team.beheerder, team.owner.id)
    await slack.command("UPIET", "lijst")
    answers = await slack_api.wait(lambda: slack_api.responses[1:])
    assert answers[0]["text"] != t("person.inactive", "nl")
