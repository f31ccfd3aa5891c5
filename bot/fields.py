"""Input types shared by every action, with the catalogue key of each refusal.

A validation failure carries a catalogue key as its pydantic error type, so
`bot.validation` can turn it into a `Refused` that every adapter can phrase.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

MAX_TEXT = 10_000  # a sane upper bound for any free text
MAX_LINE = 200  # names, products, one-line fields


def _blank_to_none(value: object) -> object:
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


def _customer_number(value: str) -> str:
    value = str(value).strip()
    if not value.isdigit() or len(value) > 12:
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
