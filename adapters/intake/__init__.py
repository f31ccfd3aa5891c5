"""Intake from outside chat: the website form, and the copy of a complaint.

`plug(bot)` offers POST /intake/webform (when KLACHTENBOT_INTAKE_TOKEN is set),
the coordinators' notice for each web form and the copy of every phone or website
complaint. E-mail for the acknowledgement letter is an integration of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.intake import copy
from adapters.intake.http import WebformEndpoint
from adapters.intake.limiter import TokenBucket
from adapters.intake.notice import WebformNotice
from bot.catalogue import language, t
from bot.host import Plug, WebHook
from bot.use_cases.letters.company import Company

if TYPE_CHECKING:
    from bot.host import Klachtenbot


def plug(bot: Klachtenbot) -> Plug:
    settings = bot.settings
    lang = language(settings.language)
    assert bot.letters is not None, "the composition root builds the letters with the bot"
    web: tuple[WebHook, ...] = ()
    if settings.intake_token:
        endpoint = WebformEndpoint(
            bot.complaints,
            settings.intake_token,
            limiter=TokenBucket(settings.intake_burst, settings.intake_per_hour),
            failures=TokenBucket(burst=20, per_hour=120),
            proxies=settings.proxies,
        )
        web = (endpoint.install,)
        notes = [t("intake.note_on", lang)]
    else:
        notes = [t("intake.note_off", lang)]
    for path in Company.from_settings(settings).problems():
        notes.append(t("letter.note_missing", lang, path=path))
    return Plug(
        notes=tuple(notes),
        reactors=(WebformNotice(bot.chat_platforms, lang), copy.complaint_copy),
        deliverers={copy.CHANNEL: copy.CopyFiler(bot.letters)},
        web=web,
    )
