"""The Microsoft 365 Agents SDK (1.9), behind the interface of `port.py`.

This is the only module that imports the Agents SDK, the supported successor of
the Bot Framework SDK (`KLACHTENBOT_TEAMS_SDK=agents`). It is used as its aiohttp
hosting means it: a `CloudAdapter` over an `MsalConnectionManager`, the SDK's own
JWT validation, `TurnContext` for replies and updates, and `continue_conversation`
for proactive messages. Klachtenbot's MICROSOFT_APP_* settings are mapped here onto
the SDK's connection configuration, so the same settings serve both SDKs. What is
the same for both (reading an activity, the endpoint's checks, fetching files)
lives beside this module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.metadata import version
from typing import Any

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    ConversationReference,
    InvokeResponse,
)
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    ClaimsIdentity,
    ConnectorClientBase,
    TeamsConnectorClient,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import AuthTypes, JwtTokenValidator

from adapters.teams import activities, endpoint
from adapters.teams.attachments import CONNECTOR_SCOPE
from adapters.teams.framework import SdkFramework, SdkTurn
from adapters.teams.hosts import FileHosts
from adapters.teams.port import Handler, Inbound, IncompleteSettings, Member, Outgoing, SendFailed
from bot.settings import Settings

NAME = f"Microsoft 365 Agents SDK {version('microsoft-agents-hosting-core')}"
# The tenant whose authority issues a multi-tenant bot's tokens, as botbuilder has it.
_MULTI_TENANT = "botframework.com"
_CONNECTOR = "https://api.botframework.com"


def configuration(settings: Settings) -> AgentAuthConfiguration:
    """Klachtenbot's MICROSOFT_APP_* settings as the SDK's service connection.

    Without an app id: local mode, where the SDK lets unsigned requests in (the
    endpoint lets only this machine's own requests reach it).
    """
    app_id = settings.microsoft_app_id
    if not app_id:
        return AgentAuthConfiguration(anonymous_allowed=True)
    kind = settings.microsoft_app_type.lower()
    tenant = settings.microsoft_app_tenant_id
    if kind == "userassignedmsi":
        return AgentAuthConfiguration(AuthTypes.user_managed_identity, app_id, tenant)
    password = settings.microsoft_app_password
    tenant = tenant if kind == "singletenant" else _MULTI_TENANT
    return AgentAuthConfiguration(AuthTypes.client_secret, app_id, tenant, password)


def _activity(message: Outgoing) -> Activity:
    return Activity.model_validate(activities.outgoing(message))


def _wire(model: Activity | ConversationReference) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _failed(error: Exception) -> SendFailed:
    if isinstance(error, aiohttp.ClientResponseError):
        return SendFailed(error.status, type(error).__name__)
    if isinstance(error, aiohttp.ClientError | OSError | TimeoutError):
        return SendFailed(None, type(error).__name__)
    return SendFailed(None, f"{type(error).__name__}: {error}")


def inbound(activity: Activity, *, authenticated: bool = False) -> Inbound:
    reference = _wire(activity.get_conversation_reference())
    return activities.inbound(_wire(activity), reference, authenticated=authenticated)


def _connector(context: TurnContext) -> TeamsConnectorClient:
    """The turn's connector client, as the adapter made it for Teams."""
    client = context.services.get(ConnectorClientBase)
    if not isinstance(client, TeamsConnectorClient):
        raise SendFailed(None, "no Teams connector in this turn")
    return client


class AgentsTurn(SdkTurn):
    """One inbound activity's reply side."""

    def outgoing(self, message: Outgoing) -> Activity:
        return _activity(message)

    async def member(self, user_id: str) -> Member | None:
        """Someone in this conversation (a colleague @mentioned), asked of Teams."""
        conversation = self.context.activity.conversation.id.partition(activities.THREAD)[0]
        try:
            found = await _connector(self.context).get_conversation_member(conversation, user_id)
        except Exception:  # not in Teams (the Emulator), or Teams does not say
            return None
        return Member(
            aad_id=found.aad_object_id,
            email=found.email or found.user_principal_name,
            name=found.name,
        )


class AgentsFramework(SdkFramework):
    """The SDK's aiohttp CloudAdapter with MSAL authentication, and proactive sending."""

    name = NAME

    def __init__(self, settings: Settings, file_hosts: FileHosts | None = None) -> None:
        super().__init__(settings, file_hosts)
        try:
            self.config = configuration(settings)
            self.connections = MsalConnectionManager({"SERVICE_CONNECTION": self.config})
        except ValueError as error:  # the SDK names what is missing
            raise IncompleteSettings(str(error)) from error
        self.adapter = CloudAdapter(connection_manager=self.connections)
        # The SDK's default sends the exception's text to the chat; a fault goes to the
        # caller instead (the log, or the outbox's retry), as with botbuilder.
        self.adapter.on_turn_error = None

    def read(self, body: dict[str, Any], *, authenticated: bool) -> Inbound:
        return inbound(Activity.model_validate(body), authenticated=authenticated)

    async def authenticate(self, body: dict[str, Any], authorization: str) -> ClaimsIdentity:
        """The request's claims, checked by the SDK; raises when it must be refused.

        Without a token only local mode gets in (anonymous). A token's service URL must
        be the activity's: the SDK only logs a difference unless told the allowed hosts.
        """
        if not authorization:
            if self.config.ANONYMOUS_ALLOWED:
                return ClaimsIdentity()
            raise PermissionError("no token")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise PermissionError("not a bearer token")
        claims = await JwtTokenValidator(self.config).validate_token(token.strip())
        vouched = claims.get_claim_value("serviceurl")
        if vouched is not None and vouched != body.get("serviceUrl"):
            raise PermissionError("the token is for another service URL")
        return claims

    async def run(
        self, body: dict[str, Any], identity: ClaimsIdentity, handler: Handler
    ) -> tuple[int, Any] | None:
        async def turn(context: TurnContext) -> None:
            seen = inbound(context.activity, authenticated=self.authenticated)
            answer = await handler(seen, AgentsTurn(context))
            if context.activity.type == ActivityTypes.invoke:
                value = InvokeResponse(**endpoint.invoke_value(answer))
                await context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=value)
                )

        activity = Activity.model_validate(body)
        invoke = await self.adapter.process_activity(identity, activity, turn)
        return (int(invoke.status), invoke.body) if invoke else None

    async def bot_token(self) -> str | None:
        if not self.app_id:
            return None
        provider = self.connections.get_default_connection()
        return await provider.get_access_token(_CONNECTOR, [CONNECTOR_SCOPE])

    # -- proactive ------------------------------------------------------------------------

    async def proactive(
        self, reference: dict[str, Any], logic: Callable[[TurnContext], Awaitable[None]]
    ) -> None:
        continuation = ConversationReference.model_validate(reference).get_continuation_activity()
        # Without an app id (local mode) the connector is called without a token.
        identity = self.adapter.create_claims_identity(self.app_id) if self.app_id else None
        try:
            await self.adapter.continue_conversation_with_claims(
                identity or ClaimsIdentity(), continuation, logic
            )
        except SendFailed:
            raise
        except Exception as error:
            raise _failed(error) from error

    async def send(self, context: TurnContext, message: Outgoing) -> str | None:
        # A new message, not a reply to the continuation's made-up activity id.
        activity = _activity(message).apply_conversation_reference(
            context.activity.get_conversation_reference()
        )
        activity.reply_to_id = None
        response = await _connector(context).conversations.send_to_conversation(
            activity.conversation.id, activity
        )
        return response.id if response else None

    async def replace(self, context: TurnContext, message_id: str, message: Outgoing) -> None:
        activity = _activity(message)
        activity.id = message_id
        await context.update_activity(activity)
