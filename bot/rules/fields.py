"""Input types shared by every action, with the catalogue key of each refusal.

A validation failure carries a catalogue key as its pydantic error type, so
`bot.rules.validation` can turn it into a `Refused` that every adapter can phrase.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

MAX_TEXT = 10_000  # a sane upper bound for any free text
MAX_LINE = 200  # names, products, one-line fields


# What no database column should hold: C0 control characters other than tab and
# newline, DEL, and lone surrogates (PostgreSQL refuses NUL in text and cannot encode
# a surrogate at all; the others are invisible and only ever arrive by accident or on
# purpose). Carriage returns are not in here: `storable` turns them into newlines,
# since a browser's textarea sends CRLF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def unstorable(value: str) -> bool:
    """Whether `value` holds a character that free text may not (CR aside)."""
    return _UNSTORABLE.search(value.replace("\r", "\n")) is not None


def marked(value: str) -> str:
    """`value` with each forbidden character shown as U+FFFD, to hand back for fixing."""
    return _UNSTORABLE.sub("\ufffd", value)


def storable(value: object) -> object:
    """Line breaks as newlines; a string with a forbidden character refused by name."""
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _UNSTORABLE.search(value):
        raise PydanticCustomError("field.unstorable", "unstorable character")
    return value


def _blank_to_none(value: object) -> object:
    value = storable(value)
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _text(limit: int):
    def check(value: str) -> str:
        value = value.strip()
        if not value:
            raise PydanticCustomError("field.required", "required")
        if len(value) > limit:
            raise PydanticCustomError("field.too_long", "too long", {"max": limit})
        return value

    return check


# ASCII digits only: `str.isdigit` (and `\d`) also accept Arabic-Indic, fullwidth and
# superscript digits, which Orthomatic does not know and no one can tell apart on screen.
_DIGITS = re.compile(r"[0-9]{1,12}")


def _customer_number(value: str) -> str:
    value = str(value).strip()
    if not _DIGITS.fullmatch(value):
        raise PydanticCustomError("field.customer_number", "not a customer number")
    return value


def _email(value: str) -> str:
    value = value.strip()
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value or len(value) > MAX_LINE:
        raise PydanticCustomError("field.email", "not an e-mail address")
    return value


Text = Annotated[str, BeforeValidator(_blank_to_none), AfterValidator(_text(MAX_TEXT))]
Line = Annotated[str, BeforeValidator(_blank_to_none), AfterValidator(_text(MAX_LINE))]
OptionalText = Annotated[
    str | None, BeforeValidator(_blank_to_none), AfterValidator(lambda v: v and _text(MAX_TEXT)(v))
]
OptionalLine = Annotated[
    str | None, BeforeValidator(_blank_to_none), AfterValidator(lambda v: v and _text(MAX_LINE)(v))
]
CustomerNumber = Annotated[
    str | None,
    BeforeValidator(lambda v: _blank_to_none(str(v)) if v is not None else None),
    AfterValidator(lambda v: v and _customer_number(v)),
]
Email = Annotated[
    str | None, BeforeValidator(_blank_to_none), AfterValidator(lambda v: v and _email(v))
]
