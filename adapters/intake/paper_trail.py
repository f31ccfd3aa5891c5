"""The paper trail's use cases for a running bot: documents and letters.

The chat adapters call these for uploads (`documents(bot).attach(...)`), the
protocol handout and the acknowledgement letter. Both are cheap, stateless
wrappers around the bot's database and settings, built on demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.email.smtp import SmtpConfig
from bot.documents import Documents
from bot.letters.company import Company
from bot.letters.service import Letters
from storage.documents import SqlDocuments

if TYPE_CHECKING:
    from bot.host import Klachtenbot


def documents(bot: Klachtenbot) -> Documents:
    return Documents(bot.complaints, SqlDocuments.of)


def letters(bot: Klachtenbot) -> Letters:
    return Letters(
        documents(bot),
        Company.from_settings(bot.settings),
        email_enabled=SmtpConfig.from_settings(bot.settings) is not None,
    )
