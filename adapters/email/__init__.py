"""E-mail over SMTP: the acknowledgement letter to the customer, with the PDF attached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.email.deliverer import EmailDeliverer
from adapters.email.smtp import SmtpConfig
from bot.catalogue import language, t
from bot.host import Plug
from bot.use_cases.letters.service import EMAIL

if TYPE_CHECKING:
    from bot.host import Klachtenbot
    from bot.settings import Settings


def configured(settings: Settings) -> bool:
    """Whether letters can go by e-mail: the composition root tells the letters so."""
    return SmtpConfig.from_settings(settings) is not None


def plug(bot: Klachtenbot) -> Plug:
    """The e-mail deliverer for the bot's letters (`bot.letters`, built by the root)."""
    lang = language(bot.settings.language)
    config = SmtpConfig.from_settings(bot.settings)
    if config is None:
        return Plug(notes=(t("email.note_off", lang),))
    assert bot.letters is not None, "the composition root builds the letters with the bot"
    deliverer = EmailDeliverer(config, bot.letters, bot.chat_platforms, lang)
    return Plug(
        notes=(t("email.note_on", lang, host=config.host, port=config.port),),
        deliverers={EMAIL: deliverer},
        on_failed=(deliverer.on_failed,),
    )
