"""What the chat adapters keep: a dossier's messages, conversation references, AAD links."""

from __future__ import annotations

from storage.chat_messages import ChatMessages
from storage.chat_people import ChatPeople
from storage.conversation_refs import ConversationRefs
from tests.helpers import registration


async def test_a_replaced_message_is_the_only_one_and_platforms_stay_apart(bot, team):
    number = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    slack, teams = ChatMessages(bot.engine, "slack"), ChatMessages(bot.engine, "teams")
    await slack.replace(number, "card", "C1", "1.1")
    await slack.replace(number, "card", "C1", "2.2")  # the card was posted again
    await teams.add(number, "card", "19:chan", "m1")
    await teams.add(number, "card", "19:chan", "m1")  # known: kept once
    await teams.add(number, "dm", "a:person", "m2")

    assert await slack.latest(number, "card") == ("C1", "2.2")
    assert await slack.dossier_of("C1", "1.1", "card") is None
    assert await slack.dossier_of("C1", "2.2", "card") == number
    assert await slack.dossier_of("C1", "2.2", "dm") is None
    assert await teams.latest(number, "card") == ("19:chan", "m1")
    assert await teams.dossier_of("a:person", "m2") == number
    assert await teams.dossier_of("C1", "2.2") is None


async def test_references_are_refreshed_and_found_by_person_or_key(bot, team):
    refs = ConversationRefs(bot.engine, "teams")
    owner, other = team.owner, team.other
    await refs.remember("user:aad-owner", {"v": 1})
    await refs.remember("user:aad-owner", {"v": 2})  # the same key: refreshed
    await refs.remember("user:other", {"v": 3}, other.id)
    await refs.remember("conversation:19:chan", {"v": 4})

    assert await refs.count() == 3
    assert await ConversationRefs(bot.engine, "slack").count() == 0
    assert await refs.reference("user:aad-owner") == {"v": 2}
    assert await refs.newest_personal("user:", owner.id, "user:aad-owner") == {"v": 2}
    assert await refs.newest_personal("user:", owner.id) is None
    assert await refs.newest_personal("user:", other.id) == {"v": 3}
    assert await refs.newest() == {"v": 4}


async def test_an_aad_id_is_linked_once_and_never_overwritten(bot, team):
    people = ChatPeople(bot.engine)
    await people.link_teams_aad(team.owner.id, "aad-1")
    await people.link_teams_aad(team.owner.id, "aad-2")
    person = await people.get(team.owner.id)
    assert person is not None and person.teams_aad_id == "aad-1"
