"""The Bot Framework SDK (botbuilder 4.17), behind the interface of `port.py`.

This is the only module that imports botbuilder. Microsoft ended support for the
Python Bot Framework SDK at the end of 2025; its successor, the Microsoft 365
Agents SDK, has the same concepts (activity, turn context, adapter, conversation
reference), so a move rewrites this module and nothing else.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ConversationAccount,
    ConversationReference,
)
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import ClientRequestError, HttpOperationError

from adapters.teams.hosts import FileHosts
from adapters.teams.port import FetchFailed, Inbound, Member, Outgoing, SendFailed, TooLarge
from adapters.teams.render import CONTENT_TYPE, message_text
from bot.inbound import jsonbody
from bot.settings import Settings

# An invoke's answer: a card replaces the clicked card, text shows as a message.
Handler = Callable[[Inbound, "SdkTurn"], Awaitable[dict[str, Any] | None]]

_MENTION = re.compile(r"<at[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)
_THREAD = ";messageid="
_CHUNK = 64 * 1024
_FETCH_TIMEOUT = aiohttp.ClientTimeout(total=60, sock_connect=10)
_REDIRECTS = 5
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class IncompleteSettings(Exception):
    """The Teams credentials do not fit together (e.g. an app id without a password)."""


@dataclass
class _Config:
    """The configuration object the SDK reads its credentials from."""

    APP_ID: str | None
    APP_PASSWORD: str | None
    APP_TYPE: str
    APP_TENANTID: str | None


def _activity(message: Outgoing) -> Activity:
    activity = Activity(type=ActivityTypes.message)
    if message.card is not None:
        activity.attachments = [Attachment(content_type=CONTENT_TYPE, content=message.card)]
        activity.summary = message.text or message_text(message.card)
    else:
        activity.text = message.text or ""
        activity.text_format = "plain"
    return activity


def _failed(error: Exception) -> SendFailed:
    if isinstance(error, HttpOperationError) and error.response is not None:
        return SendFailed(error.response.status_code, type(error).__name__)
    if isinstance(error, ClientRequestError | OSError | TimeoutError):
        return SendFailed(None, type(error).__name__)
    return SendFailed(None, f"{type(error).__name__}: {error}")


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


def inbound(activity: Activity, *, authenticated: bool = False) -> Inbound:
    conversation = activity.conversation or ConversationAccount(id="")
    base, _, root = (conversation.id or "").partition(_THREAD)
    sender = activity.from_property
    reference = TurnContext.get_conversation_reference(activity)
    reference.conversation.id = base
    kind = {
        ActivityTypes.message: "message",
        ActivityTypes.invoke: "invoke",
        ActivityTypes.conversation_update: "conversation_update",
        ActivityTypes.installation_update: "installation",
    }.get(activity.type, activity.type or "")
    bot_id = activity.recipient.id if activity.recipient else None
    added = any(m.id == bot_id for m in activity.members_added or []) or (
        kind == "installation" and activity.action in ("add", "add-upgrade")
    )
    value = activity.value if isinstance(activity.value, dict) else None
    mentions = [
        (getattr(e, "additional_properties", None) or {})
        for e in activity.entities or []
        if (e.type or "").lower() == "mention"
    ]
    mentioned = any(m.get("mentioned", {}).get("id") == bot_id for m in mentions)
    others = [
        (str(m["mentioned"]["id"]), str(m["mentioned"].get("name") or ""))
        for m in mentions
        if isinstance(m.get("mentioned"), dict)
        and m["mentioned"].get("id")
        and m["mentioned"]["id"] != bot_id
    ]
    return Inbound(
        kind=kind,
        id=activity.id,
        text=plain(_named(activity.text or "", mentions, bot_id)),
        value=value,
        name=activity.name,
        locale=activity.locale,
        user_id=sender.id if sender else "",
        aad_id=getattr(sender, "aad_object_id", None) if sender else None,
        user_name=sender.name if sender else None,
        conversation_id=base,
        conversation_type=conversation.conversation_type or "personal",
        thread_root=root or None,
        reference=reference.serialize(),
        mentioned=mentioned,
        mentions=others,
        bot_added=added,
        attachments=[a.serialize() for a in activity.attachments or []],
        authenticated=authenticated,
    )


class SdkTurn:
    """One inbound activity's reply side."""

    def __init__(self, context: TurnContext) -> None:
        self.context = context

    async def reply(self, message: Outgoing) -> str | None:
        response = await self.context.send_activity(_activity(message))
        return response.id if response else None

    async def member(self, user_id: str) -> Member | None:
        """Someone in this conversation (a colleague @mentioned), asked of Teams."""
        try:
            found = await TeamsInfo.get_member(self.context, user_id)
        except Exception:  # not in Teams (the Emulator), or Teams does not say
            return None
        return Member(
            aad_id=getattr(found, "aad_object_id", None),
            email=getattr(found, "email", None) or getattr(found, "user_principal_name", None),
            name=getattr(found, "name", None),
        )

    async def member_email(self) -> str | None:
        """The sender's e-mail, asked of Teams (activities do not carry it)."""
        try:
            member = await TeamsInfo.get_member(
                self.context, self.context.activity.from_property.id
            )
        except Exception:  # not in Teams (the Emulator), or Teams does not say
            return None
        return getattr(member, "email", None) or getattr(member, "user_principal_name", None)


class BotFramework:
    """The CloudAdapter with configuration authentication, and proactive sending."""

    def __init__(self, settings: Settings, file_hosts: FileHosts | None = None) -> None:
        self.app_id = settings.microsoft_app_id or None
        # Where attached files may come from; the composition root may name another rule
        # (the tests name their own file server), nothing else widens it.
        self.file_hosts = file_hosts or FileHosts()
        self.credentials = (
            MicrosoftAppCredentials(
                self.app_id,
                settings.microsoft_app_password or "",
                channel_auth_tenant=settings.microsoft_app_tenant_id,
            )
            if self.app_id
            else None
        )
        config = _Config(
            APP_ID=self.app_id,
            APP_PASSWORD=settings.microsoft_app_password,
            # Without an app id there is nothing to be single-tenant about: local mode.
            APP_TYPE=settings.microsoft_app_type if self.app_id else "MultiTenant",
            APP_TENANTID=settings.microsoft_app_tenant_id,
        )
        try:
            self.adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
        except Exception as error:  # the SDK names the missing setting in its message
            raise IncompleteSettings(str(error).replace("Property ", "").strip()) from error

    @property
    def authenticated(self) -> bool:
        return self.app_id is not None

    async def process(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Authenticate (the SDK checks the JWT), run the handler, answer an invoke."""
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.json_response({"error": "expected JSON"}, status=415)

        async def turn(context: TurnContext) -> None:
            answer = await handler(
                inbound(context.activity, authenticated=self.authenticated), SdkTurn(context)
            )
            if context.activity.type == ActivityTypes.invoke:
                await context.send_activity(
                    Activity(
                        type=ActivityTypes.invoke_response,
                        value=InvokeResponse(status=200, body=answer or {}),
                    )
                )

        try:
            body = await request.json(loads=jsonbody.loads)
        except ValueError:  # unreadable, or nested deeper than any activity (jsonbody)
            return web.json_response({"error": "bad JSON"}, status=400)
        activity = Activity().deserialize(body)
        if not activity.type:
            return web.json_response({"error": "not an activity"}, status=400)
        try:
            # The SDK checks the token (or, without an app id, lets local requests in).
            auth = await self.adapter.bot_framework_authentication.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except Exception:  # no token, a bad one, one the SDK cannot even read or check
            return web.json_response({"error": "unauthorized"}, status=401)
        invoke = await self.adapter.process_activity(auth, activity, turn)
        if invoke:
            return web.json_response(invoke.body, status=invoke.status)
        return web.Response(status=201)

    # -- attached files -------------------------------------------------------------------

    async def fetch(self, url: str, limit: int, *, service_url: str | None) -> bytes:
        """A file's content, read in chunks and given up as soon as it passes `limit`.

        Only from the hosts of `file_hosts`; a redirect is followed by hand, so that its
        target is held to the same rule (and gets no token).
        """
        try:
            async with aiohttp.ClientSession(timeout=_FETCH_TIMEOUT) as session:
                for _ in range(_REDIRECTS + 1):
                    if not self.file_hosts.allows(url):
                        raise FetchFailed("host not allowed")
                    headers = await self._token_for(url, service_url)
                    async with session.get(url, headers=headers, allow_redirects=False) as response:
                        location = response.headers.get("Location")
                        if response.status in _REDIRECT_STATUSES and location:
                            url = urljoin(str(response.url), location)
                            continue
                        return await self._read(response, limit)
                raise FetchFailed("too many redirects")
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise FetchFailed(type(error).__name__) from error

    async def _token_for(self, url: str, service_url: str | None) -> dict[str, str]:
        if (
            self.credentials
            and service_url
            and urlsplit(url).netloc == urlsplit(service_url).netloc
        ):
            # An inline image lives with the connector and wants the bot's token.
            token = await asyncio.to_thread(self.credentials.get_access_token)
            return {"Authorization": f"Bearer {token}"}
        return {}

    @staticmethod
    async def _read(response: aiohttp.ClientResponse, limit: int) -> bytes:
        if response.status != 200:
            raise FetchFailed(str(response.status))
        if (response.content_length or 0) > limit:
            raise TooLarge(response.content_length or 0)
        content = bytearray()
        async for chunk in response.content.iter_chunked(_CHUNK):
            content += chunk
            if len(content) > limit:
                raise TooLarge(len(content))
        return bytes(content)

    # -- proactive ------------------------------------------------------------------------

    async def _continue(
        self, reference: dict[str, Any], logic: Callable[[TurnContext], Awaitable[None]]
    ) -> None:
        ref = ConversationReference().deserialize(reference)
        try:
            await self.adapter.continue_conversation(ref, logic, bot_app_id=self.app_id)
        except SendFailed:
            raise
        except Exception as error:
            raise _failed(error) from error

    async def post(
        self, reference: dict[str, Any], message: Outgoing, *, thread_root: str | None = None
    ) -> str | None:
        """A new message in the reference's conversation, or a reply in a channel thread."""
        reference = dict(reference)
        conversation = dict(reference.get("conversation") or {})
        base = str(conversation.get("id", "")).partition(_THREAD)[0]
        conversation["id"] = f"{base}{_THREAD}{thread_root}" if thread_root else base
        reference["conversation"] = conversation
        sent: dict[str, str | None] = {}

        async def logic(context: TurnContext) -> None:
            # A new message, not a reply to the continuation's made-up activity id.
            activity = TurnContext.apply_conversation_reference(
                _activity(message), TurnContext.get_conversation_reference(context.activity)
            )
            activity.reply_to_id = None
            client = context.turn_state[context.adapter.BOT_CONNECTOR_CLIENT_KEY]
            response = await client.conversations.send_to_conversation(
                activity.conversation.id, activity
            )
            sent["id"] = response.id if response else None

        await self._continue(reference, logic)
        return sent.get("id")

    async def update(self, reference: dict[str, Any], message_id: str, message: Outgoing) -> None:
        async def logic(context: TurnContext) -> None:
            activity = _activity(message)
            activity.id = message_id
            await context.update_activity(activity)

        await self._continue(reference, logic)


def reference_for(conversation_id: str, like: dict[str, Any] | None) -> dict[str, Any]:
    """A reference to a channel the bot has not heard from yet, from one it has.

    A channel id from the settings is enough to post there, given the tenant's
    service URL, which any other reference tells.
    """
    ref = ConversationReference().deserialize(like or {})
    ref.conversation = ConversationAccount(
        id=conversation_id,
        is_group=True,
        conversation_type="channel",
        tenant_id=ref.conversation.tenant_id if ref.conversation else None,
    )
    ref.user = None
    ref.activity_id = None
    ref.channel_id = ref.channel_id or "msteams"
    ref.service_url = ref.service_url or "https://smba.trafficmanager.net/teams/"
    return ref.serialize()
