"""The Bot Framework SDK (botbuilder-core 4.17), behind the interface of `port.py`.

This is the only module that imports botbuilder. Microsoft ended support for the
Python Bot Framework SDK at the end of 2025 (4.17.1 is its last release); it stays
the default because the client asked for it. Its successor is in `sdk_agents.py`.
What is the same for both (reading an activity, the endpoint's checks, fetching
files) lives beside them, so this module holds only botbuilder's calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, ActivityTypes, ConversationReference
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import ClientRequestError, HttpOperationError

from adapters.teams import activities, endpoint
from adapters.teams.framework import SdkFramework, SdkTurn
from adapters.teams.hosts import FileHosts
from adapters.teams.port import Handler, Inbound, IncompleteSettings, Member, Outgoing, SendFailed
from bot.settings import Settings

NAME = f"botbuilder-core {version('botbuilder-core')}"


@dataclass
class _Config:
    """The configuration object the SDK reads its credentials from."""

    APP_ID: str | None
    APP_PASSWORD: str | None
    APP_TYPE: str
    APP_TENANTID: str | None


def _activity(message: Outgoing) -> Activity:
    return Activity().deserialize(activities.outgoing(message))


def _failed(error: Exception) -> SendFailed:
    if isinstance(error, HttpOperationError) and error.response is not None:
        return SendFailed(error.response.status_code, type(error).__name__)
    if isinstance(error, ClientRequestError | OSError | TimeoutError):
        return SendFailed(None, type(error).__name__)
    return SendFailed(None, f"{type(error).__name__}: {error}")


def _wire(activity: Activity) -> dict[str, Any]:
    """The activity's JSON; an entity's own fields (a mention's) are kept apart by msrest."""
    body = activity.serialize()
    if activity.entities:
        body["entities"] = [
            {**(e.additional_properties or {}), **e.serialize()} for e in activity.entities
        ]
    return body


def inbound(activity: Activity, *, authenticated: bool = False) -> Inbound:
    reference = TurnContext.get_conversation_reference(activity).serialize()
    return activities.inbound(_wire(activity), reference, authenticated=authenticated)


class BotbuilderTurn(SdkTurn):
    """One inbound activity's reply side."""

    def outgoing(self, message: Outgoing) -> Activity:
        return _activity(message)

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


class BotFramework(SdkFramework):
    """The CloudAdapter with configuration authentication, and proactive sending."""

    name = NAME

    def __init__(self, settings: Settings, file_hosts: FileHosts | None = None) -> None:
        super().__init__(settings, file_hosts)
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

    def read(self, body: dict[str, Any], *, authenticated: bool) -> Inbound:
        return inbound(Activity().deserialize(body), authenticated=authenticated)

    async def authenticate(self, body: dict[str, Any], authorization: str) -> Any:
        """The SDK's check of the request's token (its issuer, signature, audience and
        service URL); without an app id it lets local requests in. Raises to refuse."""
        return await self.adapter.bot_framework_authentication.authenticate_request(
            Activity().deserialize(body), authorization
        )

    async def run(
        self, body: dict[str, Any], identity: Any, handler: Handler
    ) -> tuple[int, Any] | None:
        async def turn(context: TurnContext) -> None:
            seen = inbound(context.activity, authenticated=self.authenticated)
            answer = await handler(seen, BotbuilderTurn(context))
            if context.activity.type == ActivityTypes.invoke:
                value = InvokeResponse(**endpoint.invoke_value(answer))
                await context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=value)
                )

        activity = Activity().deserialize(body)
        invoke = await self.adapter.process_activity(identity, activity, turn)
        return (invoke.status, invoke.body) if invoke else None

    async def bot_token(self) -> str | None:
        if self.credentials is None:
            return None
        return await asyncio.to_thread(self.credentials.get_access_token)

    # -- proactive ------------------------------------------------------------------------

    async def proactive(
        self, reference: dict[str, Any], logic: Callable[[TurnContext], Awaitable[None]]
    ) -> None:
        ref = ConversationReference().deserialize(reference)
        try:
            await self.adapter.continue_conversation(ref, logic, bot_app_id=self.app_id)
        except SendFailed:
            raise
        except Exception as error:
            raise _failed(error) from error

    async def send(self, context: TurnContext, message: Outgoing) -> str | None:
        # A new message, not a reply to the continuation's made-up activity id.
        activity = TurnContext.apply_conversation_reference(
            _activity(message), TurnContext.get_conversation_reference(context.activity)
        )
        activity.reply_to_id = None
        client = context.turn_state[context.adapter.BOT_CONNECTOR_CLIENT_KEY]
        response = await client.conversations.send_to_conversation(
            activity.conversation.id, activity
        )
        return response.id if response else None

    async def replace(self, context: TurnContext, message_id: str, message: Outgoing) -> None:
        activity = _activity(message)
        activity.id = message_id
        await context.update_activity(activity)
