"""Our own small interface to a Teams bot SDK.

Everything outside the SDK modules speaks in these terms: an inbound activity, a
turn to reply in, and a connector that posts, replies in a thread and updates a
card proactively. Two SDKs fill it, each in one module that alone imports it:
botbuilder-core (`sdk_botbuilder.py`, the default) and the Microsoft 365 Agents SDK
(`sdk_agents.py`); `sdks.py` picks one by `KLACHTENBOT_TEAMS_SDK`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from aiohttp import web

    from adapters.teams.hosts import FileHosts


@dataclass
class Outgoing:
    """What the bot sends: an Adaptive Card, or a line of plain text."""

    card: dict[str, Any] | None = None
    text: str | None = None  # also the notification preview of a card


@dataclass
class Inbound:
    """One activity as Teams sent it, reduced to what Klachtenbot needs."""

    kind: str  # "message", "invoke", "conversation_update", "installation", or the raw type
    id: str | None
    text: str  # the message text, the bot's own mention removed
    value: dict[str, Any] | None  # a card's data (Action.Submit) or an invoke's value
    name: str | None  # the invoke's name, e.g. "adaptiveCard/action"
    locale: str | None
    user_id: str  # Teams' id of the sender (29:...)
    aad_id: str | None  # the sender's Entra (AAD) object id
    user_name: str | None
    conversation_id: str  # without the thread suffix
    conversation_type: str  # "personal", "channel" or "groupChat"
    thread_root: str | None  # the id of the channel post this message replies to
    reference: dict[str, Any]  # the conversation reference, as JSON
    mentioned: bool = False  # the message @mentions the bot
    # Others the message @mentions: (Teams' user id, display name), in the text's order.
    mentions: list[tuple[str, str]] = field(default_factory=list)
    bot_added: bool = False  # the bot was just added to this conversation
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # The Bot Framework vouched for this activity (its token was checked); in local mode
    # nobody did, so nothing in it (such as its `serviceUrl`) may be kept for later.
    authenticated: bool = False


class SendFailed(Exception):
    """The connector refused or could not be reached; `status` None means no answer."""

    def __init__(self, status: int | None, detail: str = "") -> None:
        super().__init__(f"{status}: {detail}" if status else detail)
        self.status = status

    @property
    def permanent(self) -> bool:
        # 429 (throttled) and 5xx pass; any other 4xx will not pass by retrying.
        return self.status is not None and 400 <= self.status < 500 and self.status != 429


class FetchFailed(Exception):
    """A file could not be fetched (no answer, or not 200)."""


class TooLarge(Exception):
    """A file passed the limit while it was being read; `size` as far as known."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


class Files(Protocol):
    """Fetching the content of a file someone attached to a message."""

    async def fetch(self, url: str, limit: int, *, service_url: str | None) -> bytes:
        """At most `limit` bytes, else `TooLarge`; `FetchFailed` when it cannot be had.

        The bot's own token goes only to the conversation's `service_url` host (an
        inline image); a file link from Teams (`downloadUrl`) is already authorised.
        An address outside the hosts Teams keeps files on is `FetchFailed`, unasked.
        """
        ...


@dataclass(frozen=True)
class Member:
    """Someone in the conversation, as Teams tells it when asked."""

    aad_id: str | None
    email: str | None
    name: str | None


class Turn(Protocol):
    """The reply side of one inbound activity."""

    async def reply(self, message: Outgoing) -> str | None: ...
    async def member_email(self) -> str | None: ...
    async def member(self, user_id: str) -> Member | None: ...


class Connector(Protocol):
    """Proactive messages: to a stored conversation reference, outside any turn."""

    async def post(
        self, reference: dict[str, Any], message: Outgoing, *, thread_root: str | None = None
    ) -> str | None: ...
    async def update(
        self, reference: dict[str, Any], message_id: str, message: Outgoing
    ) -> None: ...


class IncompleteSettings(Exception):
    """The Teams credentials do not fit together (e.g. an app id without a password)."""


# What the bot does with one activity; for an invoke, the answer's body (a card replaces
# the clicked card, text shows as a message).
Handler = Callable[[Inbound, Turn], Awaitable[dict[str, Any] | None]]


class Framework(Files, Connector, Protocol):
    """One SDK: the endpoint's requests, attached files and proactive messages."""

    name: str  # the SDK as `serve` names it, with its version
    file_hosts: FileHosts

    @property
    def authenticated(self) -> bool:
        """Every request's token is checked (an app id is set); else local mode."""
        ...

    async def authenticate(self, body: dict[str, Any], authorization: str) -> object:
        """The SDK's check of a request's token; raises to refuse it (401)."""
        ...

    async def process(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Check the request's token, run `handler` in a turn, answer an invoke."""
        ...

    def read(self, body: dict[str, Any], *, authenticated: bool) -> Inbound:
        """An activity's JSON as this SDK reads it, with its conversation reference."""
        ...
