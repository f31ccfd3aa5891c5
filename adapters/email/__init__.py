"""E-mail over SMTP: the acknowledgement letter to the customer, with the PDF attached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.email.deliverer import EmailDeliverer
from adapters.email.smtp import SmtpConfig
from bot.catalogue import language, t
from bot.letters.service import EMAIL

if TYPE_CHECKING:
    from bot.host import Klachtenbot


def install(bot: Klachtenbot) -> None:
    from adapters.intake.paper_trail import letters

    lang = language(bot.settings.language)
    config = SmtpConfig.from_settings(bot.settings)
    if config is None:
        bot.startup_notes.append(t("email.note_off", lang))
        return
    deliverer = EmailDeliverer(config, letters(bot), bot.chat_platforms, lang)
    bot.deliverers[EMAIL] = deliverer
    bot.complaints.email_letters = True
    bot.dispatcher.on_failed.append(deliverer.on_failed)
    bot.startup_notes.append(t("email.note_on", lang, host=config.host, port=config.port))
