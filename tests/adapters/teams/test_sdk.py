"""The SDK boundary: each SDK's activities reduced to our own `Inbound`, and references
that one SDK writes read by the other."""

from __future__ import annotations

import pytest

from adapters.teams.activities import plain, reference_for
from adapters.teams.port import Outgoing
from adapters.teams.sdks import SDKS, open_framework
from bot.settings import Settings
from tests.adapters.teams.client import BOT, Teams, User


def _framework(sdk: str):  # type: ignore[no-untyped-def]
    return open_framework(Settings(teams_local=True, teams_sdk=sdk))  # type: ignore[call-arg]


def _activity(**extra: object) -> dict:
    body = {
        "type": "message",
        "id": "1",
        "serviceUrl": "https://smba.example/emea/",
        "channelId": "msteams",
        "from": {"id": "29:piet", "name": "Piet", "aadObjectId": "aad-piet"},
        "recipient": {"id": "28:bot", "name": "Klachtenbot"},
        "conversation": {"id": "19:c@thread.tacv2;messageid=77", "conversationType": "channel",
                         "tenantId": "t"},
        "text": "<at>Klachtenbot</at> klacht <b>lijst</b> &amp; meer <at>Anna</at>",
        "entities": [{"type": "mention", "text": "<at>Klachtenbot</at>",
                      "mentioned": {"id": "28:bot", "name": "Klachtenbot"}},
                     {"type": "mention", "text": "<at>Anna</at>",
                      "mentioned": {"id": "29:anna", "name": "Anna de Vries"}}],
        "attachments": [{"contentType": "image/png", "contentUrl": "https://x.example/1",
                         "name": "scan.png"}],
        "locale": "en-US",
    }  # fmt: skip
    body.update(extra)
    return body


@pytest.mark.parametrize("sdk", SDKS)
def test_a_channel_message_in_a_thread(sdk):
    seen = _framework(sdk).read(_activity(), authenticated=True)
    assert seen.kind == "message" and seen.mentioned and seen.authenticated
    assert seen.text == "klacht lijst & meer  Anna de Vries"
    assert seen.mentions == [("29:anna", "Anna de Vries")]
    assert (seen.conversation_id, seen.thread_root) == ("19:c@thread.tacv2", "77")
    assert seen.aad_id == "aad-piet" and seen.user_id == "29:piet" and seen.locale == "en-US"
    assert seen.conversation_type == "channel" and seen.id == "1"
    assert seen.attachments == [
        {"contentType": "image/png", "contentUrl": "https://x.example/1", "name": "scan.png"}
    ]
    # The stored reference points at the channel, not at the thread.
    assert seen.reference["conversation"]["id"] == "19:c@thread.tacv2"
    assert seen.reference["serviceUrl"] == "https://smba.example/emea/"
    assert seen.reference["bot"]["id"] == "28:bot" and seen.reference["user"]["id"] == "29:piet"


@pytest.mark.parametrize("sdk", SDKS)
def test_the_bot_being_added_and_an_invoke(sdk):
    framework = _framework(sdk)
    added = framework.read(
        _activity(type="conversationUpdate", text=None, membersAdded=[{"id": "28:bot"}]),
        authenticated=False,
    )
    assert added.kind == "conversation_update" and added.bot_added and not added.authenticated
    installed = framework.read(
        _activity(type="installationUpdate", text=None, action="add"), authenticated=False
    )
    assert installed.kind == "installation" and installed.bot_added
    invoke = framework.read(
        _activity(type="invoke", name="adaptiveCard/action", value={"action": {}}),
        authenticated=False,
    )
    assert invoke.kind == "invoke" and invoke.value == {"action": {}}
    assert invoke.name == "adaptiveCard/action"


def test_both_sdks_read_an_activity_alike():
    bodies = [
        _activity(),
        _activity(type="invoke", name="adaptiveCard/action", value={"action": {"verb": "x"}}),
        _activity(conversation={"id": "a:1", "conversationType": "personal"}, entities=None),
    ]
    for body in bodies:
        botbuilder, agents = (_framework(sdk).read(body, authenticated=True) for sdk in SDKS)
        # botbuilder's schema spells the tenant "tenantID" and so never reads Teams'
        # "tenantId"; a reference does without it (posting needs the conversation's id).
        agents.reference["conversation"].pop("tenantId", None)
        assert botbuilder == agents


def test_plain_text_and_a_reference_for_a_configured_channel():
    assert (
        plain("<p>Regel een</p><p>Regel&nbsp;twee &lt;b&gt;</p>") == "Regel een\nRegel\xa0twee <b>"
    )
    known = _framework("agents").read(_activity(), authenticated=True).reference
    ref = reference_for("19:directie@thread.tacv2", known)
    assert ref["conversation"]["id"] == "19:directie@thread.tacv2"
    assert ref["conversation"]["tenantId"] == "t"
    assert ref["serviceUrl"] == known["serviceUrl"] and "user" not in ref
    assert reference_for("19:x", None)["serviceUrl"].startswith("https://")
    # botbuilder spelled the tenant "tenantID" in what it wrote.
    older = {**known, "conversation": {"id": "19:c@thread.tacv2", "tenantID": "t"}}
    assert reference_for("19:x", older)["conversation"]["tenantId"] == "t"


@pytest.mark.parametrize(("writer", "reader"), [SDKS, tuple(reversed(SDKS))])
async def test_a_reference_one_sdk_stored_is_used_by_the_other(writer, reader, connector):
    """Switching SDKs needs no migration: a DM, a channel post in a thread and an update,
    each sent by `reader` to the references `writer` made of Teams' activities."""
    anna = User("Anna de Vries", "aad-anna")
    teams = Teams("", connector.url)
    personal = teams._base("message", anna, Teams.personal(anna))
    channel = teams._base("message", anna, Teams.channel("19:c@thread.tacv2", "root-1"))
    stored = [_framework(writer).read(a, authenticated=True).reference for a in (personal, channel)]
    sender = _framework(reader)
    card = {"type": "AdaptiveCard", "version": "1.5", "body": []}

    first = await sender.post(stored[0], Outgoing(text="Hallo Anna"))
    second = await sender.post(stored[1], Outgoing(card=card, text="K-1"), thread_root="root-1")
    await sender.update(stored[1], "msg-7", Outgoing(card=card))

    dm, thread_line, update = connector.calls
    assert (dm.method, dm.conversation_id, dm.response_id) == ("send", f"a:chat-{anna.id}", first)
    assert dm.body["text"] == "Hallo Anna" and dm.body["recipient"]["id"] == anna.id
    assert dm.body["from"]["id"] == BOT["id"]
    assert (thread_line.method, thread_line.thread_root) == ("send", "root-1")
    assert thread_line.response_id == second and thread_line.card == card
    assert (update.method, update.conversation_id, update.activity_id) == (
        "update",
        "19:c@thread.tacv2",
        "msg-7",
    )
    assert update.card == card


@pytest.mark.parametrize("teams_sdk", ["botbuilder"])  # its own test adapter: botbuilder only
async def test_the_bot_through_botbuilders_own_test_adapter(teams_bot, people):
    """Commands through botbuilder's TestAdapter: no HTTP, the same turn handling."""
    from botbuilder.core.adapters import TestAdapter
    from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

    from adapters.teams.sdk_botbuilder import BotbuilderTurn, inbound
    from adapters.teams.store import TeamsStore
    from adapters.teams.turns import TeamsBot
    from tests.adapters.teams.client import texts

    bot = teams_bot[0]
    handler = TeamsBot(bot, TeamsStore(bot.engine))

    async def logic(context):  # type: ignore[no-untyped-def]
        await handler.on_activity(inbound(context.activity), BotbuilderTurn(context))

    def template(aad: str) -> Activity:
        return Activity(
            channel_id="msteams",
            service_url="https://test.example",
            from_property=ChannelAccount(id=f"29:{aad}", name="Teams user", aad_object_id=aad),
            recipient=ChannelAccount(id="28:bot", name="Klachtenbot"),
            conversation=ConversationAccount(id=f"a:{aad}", conversation_type="personal"),
            locale="nl-NL",
        )

    def card_with(expected: str):  # type: ignore[no-untyped-def]
        def inspect(reply: Activity, description: str | None = None) -> None:
            assert expected in texts(reply.attachments[0].content), reply

        return inspect

    anna = TestAdapter(logic, template("aad-anna"))
    flow = await anna.send("klacht help")
    flow = await flow.assert_reply(card_with("klacht nieuw"))
    flow = await flow.send("klacht nieuw")
    flow = await flow.assert_reply(card_with("Klacht registreren"))
    flow = await flow.send("klacht toon K-2099-0001")
    await flow.assert_reply("Dossier K-2099-0001 bestaat niet.")

    stranger = TestAdapter(logic, template("aad-olga"))
    flow = await stranger.send("klacht lijst")
    await flow.assert_reply(card_with("Klachtenbot kent u nog niet"))
