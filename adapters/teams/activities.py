"""Activities as Teams sends them on the wire (JSON), read and written without an SDK.

Both SDK modules hand an activity here in its wire form (the Bot Framework's
camelCase JSON, which botbuilder and the Agents SDK share), so that what Klachtenbot
reads from an activity, and what a stored conversation reference looks like, do not
depend on which SDK runs. A reference written by one is read by the other.
"""

from __future__ import annotations

import html
import re
from typing import Any

from adapters.teams.port import Inbound, Outgoing
from adapters.teams.render import CONTENT_TYPE, message_text

_MENTION = re.compile(r"<at[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)
# A channel message's conversation id names the thread it replies to after this.
THREAD = ";messageid="
# Where Teams' connector lives, for a channel the bot has not heard from yet.
TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/teams/"

_KINDS = {
    "message": "message",
    "invoke": "invoke",
    "conversationUpdate": "conversation_update",
    "installationUpdate": "installation",
}


def plain(text: str) -> str:
    """The text of a message: mentions and Teams' HTML tags removed."""
    text = _MENTION.sub(" ", text)
    text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _named(text: str, mentions: list[dict[str, Any]], bot_id: str | None) -> str:
    """The text with each colleague's mention as their name; the bot's own is dropped."""
    for m in mentions:
        who = m.get("mentioned") if isinstance(m.get("mentioned"), dict) else {}
        tag = m.get("text")
        if isinstance(tag, str) and tag and who.get("id") != bot_id:
            text = text.replace(tag, " " + html.escape(str(who.get("name") or "")) + " ")
    return text


def _account(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def inbound(body: dict[str, Any], reference: dict[str, Any], *, authenticated: bool) -> Inbound:
    """One activity (wire JSON) and its conversation reference (as the SDK made it)."""
    conversation = _account(body.get("conversation"))
    base, _, root = str(conversation.get("id") or "").partition(THREAD)
    sender = _account(body.get("from"))
    reference = {**reference, "conversation": {**_account(reference.get("conversation"))}}
    reference["conversation"]["id"] = base  # the channel, not the thread
    kind = _KINDS.get(str(body.get("type") or ""), str(body.get("type") or ""))
    bot_id = _account(body.get("recipient")).get("id")
    added = any(_account(m).get("id") == bot_id for m in body.get("membersAdded") or []) or (
        kind == "installation" and body.get("action") in ("add", "add-upgrade")
    )
    mentions = [
        e
        for e in body.get("entities") or []
        if isinstance(e, dict) and str(e.get("type") or "").lower() == "mention"
    ]
    mentioned = any(_account(m.get("mentioned")).get("id") == bot_id for m in mentions)
    others = [
        (str(who["id"]), str(who.get("name") or ""))
        for who in (_account(m.get("mentioned")) for m in mentions)
        if who.get("id") and who["id"] != bot_id
    ]
    value = body.get("value")
    return Inbound(
        kind=kind,
        id=body.get("id"),
        text=plain(_named(str(body.get("text") or ""), mentions, bot_id)),
        value=value if isinstance(value, dict) else None,
        name=body.get("name"),
        locale=body.get("locale"),
        user_id=str(sender.get("id") or ""),
        aad_id=sender.get("aadObjectId"),
        user_name=sender.get("name"),
        conversation_id=base,
        conversation_type=str(conversation.get("conversationType") or "personal"),
        thread_root=root or None,
        reference=reference,
        mentioned=mentioned,
        mentions=others,
        bot_added=added,
        attachments=[a for a in body.get("attachments") or [] if isinstance(a, dict)],
        authenticated=authenticated,
    )


def outgoing(message: Outgoing) -> dict[str, Any]:
    """The message activity (wire JSON) that carries a card or a line of plain text."""
    if message.card is not None:
        activity: dict[str, Any] = {
            "type": "message",
            "attachments": [{"contentType": CONTENT_TYPE, "content": message.card}],
        }
        if summary := message.text or message_text(message.card):  # none is no empty one
            activity["summary"] = summary
        return activity
    return {"type": "message", "text": message.text or "", "textFormat": "plain"}


def in_thread(reference: dict[str, Any], thread_root: str | None) -> dict[str, Any]:
    """The reference's conversation, or a reply thread under its post `thread_root`."""
    conversation = dict(reference.get("conversation") or {})
    base = str(conversation.get("id", "")).partition(THREAD)[0]
    conversation["id"] = f"{base}{THREAD}{thread_root}" if thread_root else base
    return {**reference, "conversation": conversation}


def reference_for(conversation_id: str, like: dict[str, Any] | None) -> dict[str, Any]:
    """A reference to a channel the bot has not heard from yet, from one it has.

    A channel id from the settings is enough to post there, given the tenant's
    service URL, which any other reference tells.
    """
    like = like or {}
    known = _account(like.get("conversation"))
    tenant = known.get("tenantId") or known.get("tenantID")  # as botbuilder spelled it
    conversation: dict[str, Any] = {
        "id": conversation_id,
        "isGroup": True,
        "conversationType": "channel",
    }
    if tenant:
        conversation["tenantId"] = tenant
    reference: dict[str, Any] = {
        "conversation": conversation,
        "channelId": like.get("channelId") or "msteams",
        "serviceUrl": like.get("serviceUrl") or TEAMS_SERVICE_URL,
    }
    if like.get("bot"):
        reference["bot"] = like["bot"]
    return reference
