"""The App Home, drawn when someone opens it: their open dossiers at a glance."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.home import home_view
from adapters.slack.listeners.context import SlackContext


def home_listener(slack: SlackContext) -> Callable[..., Awaitable[None]]:
    async def on_home(event: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        slack.spawn(_publish(slack, event["user"]))

    return on_home


async def _publish(slack: SlackContext, user: str) -> None:
    async with slack.admission.slot(may_refuse=False):  # a home tab is shown late, not never
        asker = await slack.asker(user)
        views = await slack.conversation.open_dossiers(asker)
        now = slack.bot.complaints.clock()
        view = home_view(asker.person, views, asker.lang, now, asker.unknown())
        await slack.client.views_publish(user_id=user, view=view)
