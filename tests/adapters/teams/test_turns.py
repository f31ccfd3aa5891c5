"""Commands, identity, language, thread messages and the invoke time limit."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from adapters.teams.port import Inbound, Outgoing
from adapters.teams.store import TeamsStore
from adapters.teams.turns import TeamsBot
from bot.rules.errors import Refused
from bot.rules.roles import Role
from bot.use_cases.services import LIST_LINES
from storage import tables as t
from tests.adapters.teams.client import COORDINATORS, User, action, actions, texts, valid_card
from tests.bot.use_cases.documents.support import PDF_FILE
from tests.helpers import registration


def in_teams(connector, user: User, email: str) -> None:  # type: ignore[no-untyped-def]
    """What Teams tells when asked who `user` is (the connector's member lookup)."""
    connector.members[user.id] = {
        "id": user.id,
        "name": user.name,
        "email": email,
        "aadObjectId": user.aad,
    }


async def test_commands_answer_with_cards(teams, connector, people, teams_bot):
    bot = teams_bot[0]
    anna = people.user(people.coordinator)
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    expectations = {
        "klacht lijst": number,
        "klacht lijst te-laat": "Geen klachten gevonden.",
        "klacht lijst alle": number,
        "klacht list all": number,
        f"klacht toon {number}": "Schoen knelt bij de wreef",
        "klacht protocol": "5 werkdagen",
        "klacht help": "klacht nieuw",
        "wat kun je?": "klacht nieuw",  # anything else: the help
        "klacht lijst allerlei": "klacht nieuw",
    }
    for text, expected in expectations.items():
        status, _ = await teams.say(anna, text)
        assert status == 201
        assert expected in texts(connector.calls[-1].card).replace("\\", ""), text
    await teams.say(anna, "klacht toon K-2099-0042")
    assert connector.calls[-1].body["text"] == "Dossier K-2099-0042 bestaat niet."


async def test_english_locale_gets_english(teams, connector, people):
    anna = people.user(people.coordinator, locale="en-GB")
    await teams.say(anna, "klacht help")
    assert "what can I do" in texts(connector.calls[-1].card)
    await teams.say(anna, "klacht nieuw")
    assert "Register complaint" in texts(connector.calls[-1].card)


async def test_an_unknown_user_gets_a_friendly_explanation_and_nothing_else(
    teams, connector, people, teams_bot
):
    olga = people.outsider
    await teams.say(olga, "klacht lijst")
    card = valid_card(connector.calls[-1].card)
    assert "Klachtenbot kent u nog niet" in texts(card) and "aad\\-olga" not in texts(card)
    assert "aad-olga" in texts(card)
    # A card from elsewhere, clicked by her, shows the same explanation.
    anna = people.user(people.coordinator)
    await teams.say(anna, "klacht nieuw")
    answer = await teams.click(
        olga, action(connector.calls[-1].card, "register", "submit"), {"summary": "x"}
    )
    assert "Klachtenbot kent u nog niet" in texts(answer)
    assert await teams_bot[0].complaints.dossiers(people.coordinator) == []


async def test_a_person_is_found_by_email_when_the_aad_id_is_not_known_yet(
    teams, connector, teams_bot
):
    bot = teams_bot[0]
    sanne = await bot.staff.add(None, "Sanne Smit", [Role.COORDINATOR], "sanne@example.nl")
    user = User("Sanne Smit", "aad-sanne")
    in_teams(connector, user, "Sanne@Example.nl")
    await teams.say(user, "klacht help")
    assert "Klachtenbot: wat kan ik doen?" in texts(connector.calls[-1].card)
    # Local mode: nobody checked that id, so it is not linked and her chat not remembered.
    assert await bot.staff.by_teams("aad-sanne", None) is None
    async with bot.engine.connect() as c:
        assert (await c.execute(select(t.conversation_refs))).first() is None

    # The same message with a token the Bot Framework checked: linked for next time.
    activity = teams._base("message", user, teams.personal(user))
    activity["text"] = "klacht help"
    checked = bot.deliverers["teams"].connector.read(activity, authenticated=True)
    await TeamsBot(bot, TeamsStore(bot.engine)).on_activity(checked, _Asks("Sanne@Example.nl"))
    assert (await bot.staff.by_teams("aad-sanne", None)).id == sanne.id
    # Her personal chat is remembered for her, for DMs later.
    async with bot.engine.connect() as c:
        row = (await c.execute(select(t.conversation_refs))).first()
    assert row.person_id == sanne.id and row.key == "user:aad-sanne"


class _Asks:
    """A turn whose Teams tells the sender's e-mail address."""

    def __init__(self, email: str) -> None:
        self.email = email

    async def reply(self, message: Outgoing) -> None:
        return None

    async def member_email(self) -> str:
        return self.email


async def test_channel_chatter_is_ignored_and_thread_messages_are_recorded(
    teams, connector, people, teams_bot
):
    bot = teams_bot[0]
    piet, olga = people.user(people.owner), people.outsider
    await teams.added(people.user(people.coordinator), channel=COORDINATORS)
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    await bot.dispatcher.drain()
    root = connector.sent("send")[-1].response_id
    connector.calls.clear()

    await teams.say(piet, "Wie heeft er koffie?", channel=COORDINATORS)
    assert connector.calls == []  # not for the bot
    await teams.say(piet, "klacht help", channel=COORDINATORS, mention=True)
    assert "klacht nieuw" in texts(connector.calls[-1].card)

    # Piet does not own the dossier yet: the core refuses his note, he is told why.
    await teams.say(piet, "Ik bel de klant.", channel=COORDINATORS, thread=root)
    assert "mag" in connector.calls[-1].body["text"]
    await teams.say(olga, "Hallo?", channel=COORDINATORS, thread=root)
    assert "Klachtenbot kent u nog niet" in texts(connector.calls[-1].card)
    anna = people.user(people.coordinator)
    connector.files["brief.pdf"] = PDF_FILE
    await teams.say(
        anna,
        "Klant belde terug.",
        channel=COORDINATORS,
        thread=root,
        attachments=[
            {
                "contentType": "application/vnd.microsoft.teams.file.download.info",
                "contentUrl": "https://files.example/sites/brief.pdf",
                "content": {"downloadUrl": connector.file_url("brief.pdf"), "fileType": "pdf"},
                "name": "brief.pdf",
            }
        ],
    )
    view = await bot.complaints.view(people.coordinator, number)
    assert [e.action for e in view.timeline][-2:] == ["add_note", "add_document"]
    assert view.timeline[-1].data["filename"] == "brief.pdf"


class _Turn:
    def __init__(self) -> None:
        self.replies: list[Outgoing] = []

    async def reply(self, message: Outgoing) -> str | None:
        self.replies.append(message)
        return "1"

    async def member_email(self) -> str | None:
        return None


async def test_a_slow_card_action_is_answered_in_time_and_finished_after(
    teams_bot, people, monkeypatch
):
    bot = teams_bot[0]
    handler = TeamsBot(bot, TeamsStore(bot.engine), budget=0.01)
    release = asyncio.Event()
    register = bot.complaints.register

    async def slow_register(*args, **kwargs):  # type: ignore[no-untyped-def]
        await release.wait()  # as if the database were slow
        return await register(*args, **kwargs)

    monkeypatch.setattr(bot.complaints, "register", slow_register)
    data = {
        "klachtenbot": {"action": "register", "nonce": "n-1"},
        "channel": "telefoon",
        "received_on": "2026-11-23",
        "customer_name": "Mevr. Bakker",
        "customer_phone": "06",
        "summary": "Knelt",
    }
    inbound = Inbound(
        kind="invoke",
        id="invoke-1",
        text="",
        name="adaptiveCard/action",
        value={"action": {"type": "Action.Execute", "verb": "submit", "data": data}},
        locale="nl-NL",
        user_id="29:anna",
        aad_id="aad-anna",
        user_name="Anna",
        conversation_id="a:chat",
        conversation_type="personal",
        thread_root=None,
        reference={"conversation": {"id": "a:chat"}},
    )
    answer = await handler.on_activity(inbound, _Turn())
    assert "bezig" in texts(valid_card(answer["value"]))
    release.set()
    await asyncio.gather(*handler.context.later)
    assert len(await bot.complaints.dossiers(people.coordinator)) == 1


async def test_an_action_submit_is_handled_like_an_execute(teams, connector, people, teams_bot):
    """Clients without Universal Actions send a card's data as a message's value."""
    anna = people.user(people.coordinator)
    await teams.say(anna, "klacht nieuw")
    submit = action(connector.calls[-1].card, "register", "submit")
    activity = teams._base("message", anna, teams.personal(anna))
    activity["value"] = {**submit["data"], "channel": "brief", "received_on": "2026-11-23",
                         "customer_name": "Mevr. Bakker", "customer_address": "Dorpsstraat 1",
                         "summary": "Zool laat los"}  # fmt: skip
    for _ in range(2):  # sent twice: one dossier
        status, _ = await teams.post(activity)
        assert status == 201
    assert "Dossier K-2026-0001 is geregistreerd." in texts(connector.calls[-2].card)
    assert "al verwerkt" in texts(connector.calls[-1].card)
    assert len(await teams_bot[0].complaints.dossiers(people.coordinator)) == 1


async def test_when_the_connector_is_down_the_request_still_gets_an_answer(
    teams, connector, people
):
    connector.fail_next(503, times=2)  # the reply, and the reply saying it went wrong
    status, _ = await teams.say(people.user(people.coordinator), "klacht help")
    assert status == 201
    assert connector.calls == []


async def test_buttons_follow_the_cores_one_tap_rule(teams, connector, people, teams_bot):
    """`correct` always opens its form; `close` (nothing to fill in) asks, then runs."""
    bot = teams_bot[0]
    anna = people.user(people.coordinator)
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    await teams.say(anna, f"klacht toon {number}")
    card = connector.calls[-1].card
    form = await teams.click(anna, action(card, "correct"))
    assert [a["verb"] for a in form["actions"]] == ["submit", "cancel"]
    back = await teams.click(anna, action(form, "correct", "cancel"))
    assert number in texts(back)
    view = await bot.complaints.view(people.coordinator, number)
    assert [e.action for e in view.timeline] == ["register"]


async def test_without_a_public_url_the_tasks_answer_without_links(
    teams, connector, people, teams_bot
):
    """KLACHTENBOT_PUBLIC_URL unset: the documents are named, the protocol is text only."""
    bot = teams_bot[0]
    anna = people.user(people.coordinator)
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    await bot.documents.attach(people.coordinator, number, "brief_klant.pdf", PDF_FILE)
    await teams.say(anna, f"klacht toon {number}")
    answer = await teams.click(anna, action(connector.calls[-1].card, "documents"))
    shown = texts(answer).replace("\\", "")
    assert "brief_klant.pdf" in shown and "KLACHTENBOT_PUBLIC_URL" in shown
    assert not [a for a in actions(answer) if a["type"] == "Action.OpenUrl"]
    await teams.say(anna, "klacht protocol")
    protocol = connector.calls[-1].card
    assert "5 werkdagen" in texts(protocol)
    assert not [a for a in actions(protocol) if a["type"] == "Action.OpenUrl"]


async def test_a_long_list_shows_the_oldest_and_says_how_many_more(
    teams, connector, people, teams_bot
):
    bot = teams_bot[0]
    numbers = [
        (await bot.complaints.register(people.coordinator, registration())).dossier.number
        for _ in range(LIST_LINES + 2)
    ]
    await teams.say(people.user(people.coordinator), "klacht lijst")
    shown = texts(valid_card(connector.calls[-1].card)).replace("\\", "")
    assert f"Klachten: {LIST_LINES + 2}" in shown
    assert all(n in shown for n in numbers[:LIST_LINES]) and numbers[-1] not in shown
    assert "… en nog 2; de oudste staan bovenaan." in shown


async def test_a_card_step_that_loses_a_race_is_tried_again(teams, connector, people, teams_bot):  # type: ignore[no-untyped-def]
    """Someone else's step landed between reading the card and acting on it: the click
    is judged again against the dossier as it now stands, as Slack does."""
    bot = teams_bot[0]
    anna = people.user(people.coordinator)
    number = (await bot.complaints.register(people.coordinator, registration())).dossier.number
    await teams.say(anna, f"klacht toon {number}")
    form = await teams.click(anna, action(connector.calls[-1].card, "add_note"))
    act, raced = bot.complaints.act, []

    async def racing(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            raise Refused("dossier.changed", number=number)
        return await act(*args, **kwargs)

    bot.complaints.act = racing
    card = await teams.click(anna, action(form, "add_note", "submit"), {"text": "Klant belde"})
    assert raced and f"{number}: notitie toegevoegd." in texts(card), texts(card)
    view = await bot.complaints.view(people.coordinator, number)
    assert [e.action for e in view.timeline] == ["register", "add_note"]


async def test_a_beheerder_grants_roles_from_teams(teams, connector, people, teams_bot):  # type: ignore[no-untyped-def]
    """`klacht rol` as in Slack: a colleague @mentioned (added when new, with their Entra
    id and e-mail from Teams), or named when the bot knows them; only a beheerder may."""
    bot = teams_bot[0]
    bea = await bot.staff.add(None, "Bea Beheer", [Role.BEHEERDER], teams_aad_id="aad-bea")
    beheerder = people.user(bea)
    newcomer = User("Nina Nieuw", "aad-nina")
    in_teams(connector, newcomer, "nina@example.nl")
    activity = teams._base("message", beheerder, teams.personal(beheerder))
    activity["text"] = "klacht rol <at>Nina Nieuw</at> coördinator"
    activity["entities"] = [
        {"type": "mention", "text": "<at>Nina Nieuw</at>", "mentioned": newcomer.account()}
    ]
    status, _ = await teams.post(activity)
    assert status == 201
    said = texts(connector.calls[-1].card).replace("\\", "")  # the card escapes markdown
    assert "Nina Nieuw heeft nu de rol(len): coördinator." in said
    nina = await bot.staff.by_teams("aad-nina", None)
    assert nina is not None and nina.email == "nina@example.nl"
    assert {r.value for r in nina.roles} == {"coordinator"}

    await teams.say(beheerder, "klacht rol Piet Jansen directie")
    assert "Piet Jansen heeft nu de rol" in texts(connector.calls[-1].card)
    piet = await bot.staff.by_teams("aad-piet", None)
    assert {r.value for r in piet.roles} == {"medewerker", "directie"}

    # A name nobody has adds nobody; a coordinator may not grant; usage when incomplete.
    await teams.say(beheerder, "klacht rol Onbekende Mens directie")
    assert "Onbekende persoon: Onbekende Mens." in connector.calls[-1].body["text"]
    await teams.say(people.user(people.coordinator), "klacht rol Piet Jansen beheerder")
    assert "beheerder" in connector.calls[-1].body["text"].lower()
    assert {r.value for r in (await bot.staff.by_teams("aad-piet", None)).roles} == {
        "medewerker",
        "directie",
    }
    await teams.say(beheerder, "klacht rol")
    assert "klacht rol @iemand coördinator" in texts(connector.calls[-1].card)
