"""Documents from chat: the web routes behind the card tasks' links.

`plug(bot)` offers the routes that open a download link (`GET /documenten/{token}`,
only when KLACHTENBOT_PUBLIC_URL is set, since a chat can link nowhere else) and print
the protocol (`GET /protocol.pdf`), over the card tasks (`bot.tasks`) that the
composition root builds with `links` below; the Slack and Teams adapters use the same
tasks for the "Documenten", letter and checklist buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.downloads.http import Downloads
from bot.catalogue import language, t
from bot.host import Plug
from bot.use_cases.links import Links

if TYPE_CHECKING:
    from bot.host import Klachtenbot
    from bot.settings import Settings


def links(settings: Settings) -> Links | None:
    """The signed download links, when the bot has a public address to link to."""
    if not settings.public_url:
        return None
    return Links(settings.public_url, settings.link_secret)


def plug(bot: Klachtenbot) -> Plug:
    settings = bot.settings
    lang = language(settings.language)
    assert bot.tasks is not None, "the composition root builds the card tasks with the bot"
    if bot.tasks.links is not None:
        notes = [t("links.note_on", lang, url=bot.tasks.links.base_url)]
        if not settings.link_secret:
            notes.append(t("links.note_no_secret", lang))
    else:
        notes = [t("links.note_off", lang)]
    return Plug(notes=tuple(notes), web=(Downloads(bot.tasks, lang).install,))
