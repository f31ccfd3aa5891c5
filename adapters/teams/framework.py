"""What both SDK modules do alike around their SDK's calls: the endpoint's order of
checks, proactive posts and updates, the sender's e-mail. Each SDK module fills in
its calls (`read`, `authenticate`, `run`, `proactive`, `send`, `replace`, and a
turn's `reply` and `member`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from adapters.teams import activities, endpoint
from adapters.teams.attachments import AttachmentFetcher
from adapters.teams.hosts import FileHosts
from adapters.teams.port import Handler, Inbound, Member, Outgoing
from bot.settings import Settings


class SdkTurn:
    """One inbound activity's reply side, on the SDK's turn context (both SDKs' have
    `activity` and `send_activity`); `outgoing` and `member` are the SDK's."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.sender: str = context.activity.from_property.id  # Teams' id of the sender

    def outgoing(self, message: Outgoing) -> Any:
        """The message as the SDK's activity."""
        raise NotImplementedError

    async def reply(self, message: Outgoing) -> str | None:
        response = await self.context.send_activity(self.outgoing(message))
        return response.id if response else None

    async def member(self, user_id: str) -> Member | None:
        raise NotImplementedError

    async def member_email(self) -> str | None:
        """The sender's e-mail, asked of Teams (activities do not carry it)."""
        found = await self.member(self.sender)
        return found.email if found else None


class SdkFramework(AttachmentFetcher):
    """`Framework` of the port, less the SDK's own calls."""

    name: str  # the SDK, with its version, as `serve` says it

    def __init__(self, settings: Settings, file_hosts: FileHosts | None = None) -> None:
        super().__init__(file_hosts)
        self.app_id = settings.microsoft_app_id or None

    @property
    def authenticated(self) -> bool:
        """An app id is set, so every request's token is checked; else local mode."""
        return self.app_id is not None

    async def process(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Read the activity, have the SDK check its token, run the turn, answer."""
        body = await endpoint.activity_body(request)
        if isinstance(body, web.Response):
            return body
        try:
            identity = await self.authenticate(body, request.headers.get("Authorization", ""))
        except Exception:  # no token, a bad one, one the SDK cannot even read or check
            return endpoint.unauthorized()
        return endpoint.answered(await self.run(body, identity, handler))

    async def post(
        self, reference: dict[str, Any], message: Outgoing, *, thread_root: str | None = None
    ) -> str | None:
        """A new message in the reference's conversation, or a reply in a channel thread."""
        sent: list[str | None] = []

        async def logic(context: Any) -> None:
            sent.append(await self.send(context, message))

        await self.proactive(activities.in_thread(reference, thread_root), logic)
        return sent[0] if sent else None

    async def update(self, reference: dict[str, Any], message_id: str, message: Outgoing) -> None:
        """The message `message_id` shows `message` from now on (a card updated in place)."""

        async def logic(context: Any) -> None:
            await self.replace(context, message_id, message)

        await self.proactive(reference, logic)

    # -- the SDK's calls ------------------------------------------------------------------

    def read(self, body: dict[str, Any], *, authenticated: bool) -> Inbound:
        """An activity's JSON as this SDK reads it, with its conversation reference."""
        raise NotImplementedError

    async def authenticate(self, body: dict[str, Any], authorization: str) -> Any:
        """The SDK's check of a request's token; raises to refuse it."""
        raise NotImplementedError

    async def run(
        self, body: dict[str, Any], identity: Any, handler: Handler
    ) -> tuple[int, Any] | None:
        """The turn, in the SDK's adapter; an invoke's (status, body)."""
        raise NotImplementedError

    async def proactive(
        self, reference: dict[str, Any], logic: Callable[[Any], Awaitable[None]]
    ) -> None:
        """`logic` in a turn of the reference's conversation; `SendFailed` when it fails."""
        raise NotImplementedError

    async def send(self, context: Any, message: Outgoing) -> str | None:
        """In a proactive turn: a new message (not a reply) to its conversation; its id."""
        raise NotImplementedError

    async def replace(self, context: Any, message_id: str, message: Outgoing) -> None:
        """In a proactive turn: the message `message_id` replaced by `message`."""
        raise NotImplementedError
