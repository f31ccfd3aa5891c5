"""The SDK boundary: botbuilder's activities reduced to our own `Inbound`."""

from __future__ import annotations

from botbuilder.schema import Activity

from adapters.teams.sdk import inbound, plain, reference_for


def _activity(**extra: object) -> Activity:
    body = {
        "type": "message",
        "id": "1",
        "serviceUrl": "https://smba.example/emea/",
        "channelId": "msteams",
        "from": {"id": "29:piet", "name": "Piet", "aadObjectId": "aad-piet"},
        "recipient": {"id": "28:bot", "name": "Klachtenbot"},
        "conversation": {"id": "19:c@thread.tacv2;messageid=77", "conversationType": "channel",
                         "tenantId": "t"},
        "text": "<at>Klachtenbot</at> klacht <b>lijst</b> &amp; meer",
        "entities": [{"type": "mention", "text": "<at>Klachtenbot</at>",
                      "mentioned": {"id": "28:bot", "name": "Klachtenbot"}}],
        "locale": "en-US",
    }  # fmt: skip
    body.update(extra)
    return Activity().deserialize(body)


def test_a_channel_message_in_a_thread():
    seen = inbound(_activity())
    assert seen.kind == "message" and seen.mentioned
    assert seen.text == "klacht lijst & meer"
    assert (seen.conversation_id, seen.thread_root) == ("19:c@thread.tacv2", "77")
    assert seen.aad_id == "aad-piet" and seen.user_id == "29:piet" and seen.locale == "en-US"
    # The stored reference points at the channel, not at the thread.
    assert seen.reference["conversation"]["id"] == "19:c@thread.tacv2"
    assert seen.reference["serviceUrl"] == "https://smba.example/emea/"


def test_the_bot_being_added_and_an_invoke():
    added = inbound(
        _activity(type="conversationUpdate", text=None, membersAdded=[{"id": "28:bot"}])
    )
    assert added.kind == "conversation_update" and added.bot_added
    invoke = inbound(_activity(type="invoke", name="adaptiveCard/action", value={"action": {}}))
    assert invoke.kind == "invoke" and invoke.value == {"action": {}}


def test_plain_text_and_a_reference_for_a_configured_channel():
    assert (
        plain("<p>Regel een</p><p>Regel&nbsp;twee &lt;b&gt;</p>") == "Regel een\nRegel\xa0twee <b>"
    )
    known = inbound(_activity()).reference
    ref = reference_for("19:directie@thread.tacv2", known)
    assert ref["conversation"]["id"] == "19:directie@thread.tacv2"
    assert ref["serviceUrl"] == known["serviceUrl"] and "user" not in ref
    assert reference_for("19:x", None)["serviceUrl"].startswith("https://")


async def test_the_bot_through_botbuilders_own_test_adapter(teams_bot, people):
    """Commands through the SDK's TestAdapter: no HTTP, the same turn handling."""
    from botbuilder.core.adapters import TestAdapter
    from botbuilder.schema import ChannelAccount, ConversationAccount

    from adapters.teams.sdk import SdkTurn
    from adapters.teams.store import TeamsStore
    from adapters.teams.turns import TeamsBot
    from tests.adapters.teams.client import texts

    bot = teams_bot[0]
    handler = TeamsBot(bot, TeamsStore(bot.engine))

    async def logic(context):  # type: ignore[no-untyped-def]
        await handler.on_activity(inbound(context.activity), SdkTurn(context))

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
