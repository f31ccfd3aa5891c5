"""Turns a pydantic validation failure into the core's `Refused`."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.rules.errors import Refused

# pydantic's own error types, mapped onto catalogue keys.
_KEYS = {
    "missing": "field.required",
    "string_type": "field.required",
    "date_parsing": "field.date",
    "date_from_datetime_parsing": "field.date",
    "date_type": "field.date",
    "int_parsing": "field.number",
    "int_type": "field.number",
    "bool_parsing": "field.yes_no",
    "bool_type": "field.yes_no",
    "enum": "field.choice",
    "literal_error": "field.choice",
    "extra_forbidden": "field.unknown",
}


def refusal(error: ValidationError) -> Refused:
    """One `Refused` naming the first bad field, with every bad field in `fields`."""
    fields: dict[str, tuple[str, dict[str, Any]]] = {}
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"]) or "form"
        kind = item["type"]
        key = kind if "." in kind else _KEYS.get(kind, "field.invalid")
        params = dict(item.get("ctx") or {})
        params = {k: v for k, v in params.items() if isinstance(v, str | int)}
        if "expected" in (item.get("ctx") or {}):
            params["expected"] = str(item["ctx"]["expected"])
        fields.setdefault(name, (key, params))
    first, (key, params) = next(iter(fields.items()))
    return Refused(key, field=first, fields=fields, **params)


M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise refusal(error) from None
