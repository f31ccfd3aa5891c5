"""Teams and a person who left: a DM queued before the deactivation is not sent after it
(nor reported as unreachable), and their own messages are refused with the reason."""

from __future__ import annotations

from bot.catalogue import t
from bot.rules.actions import Assign
from tests.adapters.teams.client import COORDINATORS, texts
from tests.helpers import registration


async def test_a_dm_queued_before_the_deactivation_is_not_sent(teams, teams_bot, connector, people):  # type: ignore[no-untyped-def]
    bot = teams_bot[0]
    await teams.added(people.user(people.owner))
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    before = len(connector.sent("send"))  # the welcome on being added
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    await bot.complaints.act(people.coordinator, number, Assign(owner_id=people.owner.id))
    await bot.staff.deactivate(None, people.owner.id)  # before the outbox ran
    await bot.dispatcher.drain()
    sent = connector.sent("send")[before:]
    assert [c for c in sent if c.conversation_id.startswith("a:chat-29:aad-piet")] == []
    assert not [c for c in sent if "nog niet bereikbaar" in texts(c.card)]
    assert [c for c in sent if c.conversation_id.startswith(COORDINATORS)]


async def test_a_deactivated_person_is_told_so(teams, teams_bot, connector, people):  # type: ignore[no-untyped-def]
    bot = teams_bot[0]
    await bot.staff.deactivate(None, people.owner.id)
    await teams.say(people.user(people.owner), "klacht lijst")
    assert t("person.inactive", "nl") in texts(connector.calls[-1].card)
    await bot.staff.activate(None, people.owner.id)
    await teams.say(people.user(people.owner), "klacht lijst")
    assert t("person.inactive", "nl") not in texts(connector.calls[-1].card)
