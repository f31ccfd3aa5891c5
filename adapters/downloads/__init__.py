"""Documents from chat: the card tasks and the links they hand out.

`install(bot)` builds the card tasks (`bot.tasks`, used by the Slack and Teams
adapters for the "Documenten", letter and checklist buttons) and the web routes
that open a download link (`GET /documenten/{token}`, only when
KLACHTENBOT_PUBLIC_URL is set, since a chat can link nowhere else) and print the
protocol (`GET /protocol.pdf`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.downloads.http import Downloads
from bot.catalogue import language, t
from bot.use_cases.links import Links
from bot.use_cases.tasks import CardTasks

if TYPE_CHECKING:
    from bot.host import Klachtenbot


def install(bot: Klachtenbot) -> None:
    settings = bot.settings
    lang = language(settings.language)
    links = None
    if settings.public_url:
        links = Links(settings.public_url, settings.link_secret)
        bot.startup_notes.append(t("links.note_on", lang, url=links.base_url))
        if not settings.link_secret:
            bot.startup_notes.append(t("links.note_no_secret", lang))
    else:
        bot.startup_notes.append(t("links.note_off", lang))
    assert bot.letters is not None, "the composition root sets the letters first"
    tasks = CardTasks(bot.letters, links, lambda: bot.complaints.clock())
    bot.tasks = tasks
    downloads = Downloads(tasks, lang)
    bot.web.append(downloads.install)
