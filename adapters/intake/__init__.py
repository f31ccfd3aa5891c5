"""Intake from outside chat: the website form, and the copy of a complaint.

`install(bot)` adds POST /intake/webform (when KLACHTENBOT_INTAKE_TOKEN is set),
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
from bot.use_cases.letters.company import Company

if TYPE_CHECKING:
    from bot.host import Klachtenbot


def install(bot: Klachtenbot) -> None:
    settings = bot.settings
    lang = language(settings.language)
    notice = WebformNotice(bot.chat_platforms, lang)
    bot.reactors.append(notice)
    bot.reactors.append(copy.complaint_copy)
    assert bot.letters is not None, "the composition root sets the letters first"
    bot.deliverers[copy.CHANNEL] = copy.CopyFiler(bot.letters)
    if settings.intake_token:
        endpoint = WebformEndpoint(
            bot.complaints,
            settings.intake_token,
            limiter=TokenBucket(settings.intake_burst, settings.intake_per_hour),
            failures=TokenBucket(burst=20, per_hour=120),
            proxies=settings.proxies,
        )
        bot.web.append(endpoint.install)
        bot.startup_notes.append(t("intake.note_on", lang))
    else:
        bot.startup_notes.append(t("intake.note_off", lang))
    for path in Company.from_settings(settings).problems():
        bot.startup_notes.append(t("letter.note_missing", lang, path=path))
