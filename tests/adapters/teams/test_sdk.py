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
