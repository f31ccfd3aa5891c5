"""The message catalogue: every sentence a person reads, in Dutch and English.

Each module in this package holds one area's messages as
`MESSAGES = {key: (dutch, english)}`, so no text exists in one language only.
Placeholders use `str.format` names; a parameter called `action`, `state`,
`channel`, `kind`, `method` or `plan` is translated itself (given as its value, such
as "post"), and dates are written the Dutch way.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from functools import cache
from typing import Any

from bot.rules.workdays import AMSTERDAM

LANGUAGES = ("nl", "en")
DEFAULT = "nl"

_DAYS = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

# Parameters whose value is itself a catalogue key under this prefix.
_TRANSLATED = {
    "action": "action",
    "state": "state",
    "channel": "channel",
    "kind": "deadline",
    "method": "method",
    "plan": "plan",
}


@cache
def messages() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(__path__):
        area = importlib.import_module(f"{__name__}.{module.name}")
        for key, texts in area.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} defined twice")
            merged[key] = texts
    return merged


def language(code: str | None) -> str:
    """The catalogue language for a locale such as 'en-US' or 'nl_NL' (Dutch by default)."""
    if code and code[:2].lower() == "en":
        return "en"
    return DEFAULT


def has(key: str) -> bool:
    return key in messages()


def t(key: str, lang: str = DEFAULT, **params: Any) -> str:
    texts = messages().get(key)
    if texts is None:
        return key  # a missing key shows as itself; tests make sure none is missing
    text = texts[LANGUAGES.index(language(lang))]
    if not params:
        return text
    return text.format(**{k: _param(k, v, lang) for k, v in params.items()})


def _param(name: str, value: Any, lang: str) -> Any:
    if name in _TRANSLATED and isinstance(value, str):
        key = f"{_TRANSLATED[name]}.{value}"
        return t(key, lang) if has(key) else value
    if isinstance(value, datetime):
        return format_datetime(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(date.fromisoformat(value), lang)
        except ValueError:
            return value
    return value


def format_date(day: date, lang: str = DEFAULT) -> str:
    """'di 1 december 2026'."""
    lang = language(lang)
    return f"{_DAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def month_name(month: int, lang: str = DEFAULT) -> str:
    """'januari'."""
    return _MONTHS[language(lang)][month - 1]


_SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def month_abbreviation(month: int, lang: str = DEFAULT) -> str:
    """'mrt', as a Dutch table heads a column."""
    return _SHORT_MONTHS[language(lang)][month - 1]


def format_datetime(moment: datetime, lang: str = DEFAULT) -> str:
    """'di 1 december 2026 14:05', in Amsterdam time."""
    local = moment.astimezone(AMSTERDAM)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"
