"""The website form "Is alles naar wens?": its fields, checked, turned into a registration."""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qsl

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from bot.catalogue import t
from bot.inbound import jsonbody
from bot.rules.actions import Register
from bot.rules.dossier import IntakeChannel
from bot.rules.errors import Refused
from bot.rules.fields import CustomerNumber, Email, Line, OptionalLine, Text
from bot.rules.validation import refusal

MAX_MESSAGE = 5_000

# The customer number the customer typed, for the coordinator's notice (see `notice.py`);
# set around the registration so that the reactor, inside its transaction, sees it.
claimed_number: ContextVar[str | None] = ContextVar("claimed_number", default=None)


def _phone(value: str | None) -> str | None:
    if value is None:
        return None
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(r"[+0-9 ()./-]+", value) or not 8 <= len(digits) <= 15:
        raise PydanticCustomError("intake.phone", "not a phone number")
    return value


def _yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "on", "ja", "yes", "akkoord"}


Phone = Annotated[OptionalLine, AfterValidator(_phone)]
Consent = Annotated[bool, BeforeValidator(_yes)]


class WebForm(BaseModel):
    """The form's own fields; anything else the website sends is ignored."""

    model_config = ConfigDict(extra="ignore")
    name: Line
    customer_number: CustomerNumber = None
    email: Email = None
    phone: Phone = None
    message: Text
    consent: Consent = False


def parse_body(body: bytes, content_type: str) -> dict[str, Any]:
    """JSON or form-encoded to a dict of fields, or `Refused` when unreadable."""
    try:
        text = body.decode("utf-8")
        if content_type == "application/json":
            data = jsonbody.loads(text) if text.strip() else {}
        else:
            data = dict(parse_qsl(text, keep_blank_values=True, strict_parsing=False))
    except (UnicodeDecodeError, ValueError):
        raise Refused("intake.bad_body") from None
    if not isinstance(data, dict):
        raise Refused("intake.bad_body")
    return data


def check(data: dict[str, Any]) -> WebForm:
    """Every bad field at once, with its catalogue key, or the checked form."""
    fields: dict[str, tuple[str, dict[str, Any]]] = {}
    form: WebForm | None = None
    try:
        form = WebForm.model_validate(data)
    except ValidationError as error:
        fields.update(refusal(error).fields)
    if isinstance(data.get("message"), str) and len(data["message"].strip()) > MAX_MESSAGE:
        fields["message"] = ("field.too_long", {"max": MAX_MESSAGE})
    if not _filled(data.get("email")) and not _filled(data.get("phone")):
        fields.setdefault("email", ("intake.contact_required", {}))
    if not _yes(data.get("consent", False)):
        fields["consent"] = ("intake.consent_required", {})
    if fields or form is None:
        first = next(iter(fields)) if fields else "form"
        raise Refused("intake.invalid", field=first, fields=fields)
    return form


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def registration(form: WebForm, today: date) -> Register:
    """The dossier as the coordinator would have registered it by phone.

    The customer number stays out of the dossier until the coordinator confirms
    it: it is what the Orthomatic mirror files the complaint under, and anyone can
    type anyone's number on a website.
    """
    details = [form.message]
    if form.customer_number:
        details.append(t("intake.claimed_number", number=form.customer_number))
    details.append(t("intake.consent_given"))
    return Register(
        channel=IntakeChannel.WEBSITE,
        received_on=today,
        customer_name=form.name,
        customer_email=form.email,
        customer_phone=form.phone,
        summary=summary(form.message),
        details="\n\n".join(details),
    )


def summary(message: str, limit: int = 120) -> str:
    """The first line of the message, cut at a word, as the dossier's short description."""
    first = next((line.strip() for line in message.splitlines() if line.strip()), message)
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") or first[:limit]
    return cut + "…"
