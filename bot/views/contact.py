"""The customer's phone and e-mail on a card, linked so a phone calls or writes at a tap.

Only cards for people who may read the dossier carry them: the dossier card, the
owner's direct message, the owner's status question, the directie's escalation.
"""

from __future__ import annotations

import re

from bot.catalogue import t
from bot.rules.dossier import Customer
from bot.views.cards import Fact

# What a phone can dial: digits, with a leading + for an international number.
_DIALABLE = re.compile(r"^\+?[0-9]{6,15}$")
_MAILABLE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def contact_facts(customer: Customer, lang: str) -> list[Fact]:
    facts = []
    if customer.phone:
        digits = re.sub(r"[\s().-]", "", customer.phone)
        link = f"tel:{digits}" if _DIALABLE.match(digits) else None
        facts.append(Fact(label=t("card.phone", lang), value=customer.phone, link=link))
    if customer.email:
        link = f"mailto:{customer.email}" if _MAILABLE.match(customer.email) else None
        facts.append(Fact(label=t("card.email", lang), value=customer.email, link=link))
    return facts
