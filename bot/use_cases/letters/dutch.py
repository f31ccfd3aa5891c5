"""How a Dutch letter writes a date and greets its reader.

`long_date`: "24 november 2026". `salutation`, from the customer's name as the
coordinator typed it:

"Mevr. E. Bakker" becomes "Geachte mevrouw Bakker,", "Dhr. J. van der Berg"
"Geachte heer Van der Berg,"; without a title the salutation stays neutral:
"Geachte heer/mevrouw Bakker,". Only the surname follows the title: first names and
initials are dropped, Dutch prefixes (van, de, ter, ...) are kept and, opening the
surname, capitalised, as Dutch letters write them.
"""

from __future__ import annotations

import re
from datetime import date

# Titles as people write them before a name, with the form a salutation uses.
_TITLES = {
    "mevrouw": "mevrouw", "mevr": "mevrouw", "mw": "mevrouw", "mevr.": "mevrouw",
    "mw.": "mevrouw", "mrs": "mevrouw", "mrs.": "mevrouw", "ms": "mevrouw", "ms.": "mevrouw",
    "heer": "heer", "dhr": "heer", "dhr.": "heer", "meneer": "heer",
}  # fmt: skip
_PREFIXES = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "op", "aan", "bij",
    "la", "le", "du", "da", "di", "del", "von", "zu", "vd", "v.d.",
}  # fmt: skip
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?\.?$|^[^\W\d_]$")
NEUTRAL = "heer/mevrouw"
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date(day: date) -> str:
    """'24 november 2026', as a Dutch letter dates itself."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def title_and_surname(name: str) -> tuple[str, str]:
    """('mevrouw', 'Bakker'); the title is NEUTRAL when the name gives none."""
    words = name.replace(",", " ").split()
    title = NEUTRAL
    if len(words) > 1 and words[0].lower() == "de" and words[1].lower() == "heer":
        title, words = "heer", words[2:]
    elif words and words[0].lower() in _TITLES:
        title, words = _TITLES[words[0].lower()], words[1:]
    if not words:
        return title, ""
    # The surname is the last word with the prefixes before it ("de Vries", "Jansen-de Wit").
    start = len(words) - 1
    while start > 0 and _is_prefix(words[start - 1]) and not _INITIALS.match(words[start - 1]):
        start -= 1
    surname = " ".join(words[start:])
    return title, surname[:1].upper() + surname[1:]


def salutation(name: str) -> str:
    title, surname = title_and_surname(name)
    if not surname:
        return "Geachte heer/mevrouw,"
    return f"Geachte {title} {surname},"


def _is_prefix(word: str) -> bool:
    low = word.lower()
    return low in _PREFIXES or any(low.endswith(f"-{p}") for p in _PREFIXES)
