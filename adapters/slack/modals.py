"""Modals: the core's `Form` as a Slack view, and a submitted view back to plain data.

The form is designed once in `bot.views.forms`; here each field kind becomes its Block
Kit input (a date picker, a select, yes/no radio buttons; a person is chosen from
the core's list of who may own a dossier, as in every chat, not from Slack's whole
workspace). A
refusal from the core comes back as inline errors under the fields it names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from adapters.slack.blocks import VIEW_BLOCKS, Block, mrkdwn, plain, titled
from adapters.slack.ids import Callback
from bot.catalogue import t
from bot.rules.errors import Refused
from bot.views.cards import FieldKind, Form, FormField

MODAL_TITLE = 24
MODAL_BUTTON = 24
INPUT_LABEL = 2000
INPUT_HINT = 2000
PLAIN_INPUT = 3000
OPTION_TEXT = 75
OPTION_VALUE = 150
SELECT_OPTIONS = 100
METADATA = 3000
PLACEHOLDER = 150
VALUE = "value"  # the action id of every input element; the block id is the field name


@dataclass(frozen=True)
class FormContext:
    """What a submitted modal is about; travels in the view's private_metadata."""

    action: str
    number: str | None = None
    version: int | None = None

    def dump(self) -> str:
        text = json.dumps(asdict(self), separators=(",", ":"))
        if len(text) > METADATA:  # cannot happen with our numbers and names; be loud if it does
            raise ValueError("private_metadata too long")
        return text

    @classmethod
    def load(cls, text: str) -> FormContext | None:
        """The context, or None when the metadata is not ours in every part: a number
        that is no string (or a version that is no whole number) would otherwise reach
        the core as something it cannot look up."""
        try:
            raw = json.loads(text)
            action, number, version = raw["action"], raw.get("number"), raw.get("version")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None
        if not isinstance(action, str) or not isinstance(number, str | None):
            return None
        if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
            return None
        return cls(action=action, number=number, version=version)


def _option(value: str, label: str, lang: str) -> Block:
    return {"text": plain(label, OPTION_TEXT, lang), "value": value[:OPTION_VALUE]}


def _yes_no(lang: str) -> list[Block]:
    return [_option("true", t("yes", lang), lang), _option("false", t("no", lang), lang)]


def _element(field: FormField, initial: str | None, lang: str) -> Block:
    kind = field.kind
    if kind in (FieldKind.LINE, FieldKind.TEXT):
        element: Block = {
            "type": "plain_text_input",
            "action_id": VALUE,
            "multiline": kind is FieldKind.TEXT,
            "max_length": min(field.max_length or PLAIN_INPUT, PLAIN_INPUT),
        }
        if initial:
            element["initial_value"] = initial[:PLAIN_INPUT]
        return element
    if kind is FieldKind.DATE:
        element = {"type": "datepicker", "action_id": VALUE}
        if initial:
            element["initial_date"] = initial
        return element
    if kind in (FieldKind.CHOICE, FieldKind.PERSON):
        options = [_option(o.value, o.label, lang) for o in field.options[:SELECT_OPTIONS]]
        element = {"type": "static_select", "action_id": VALUE, "options": options}
        if field.placeholder:
            element["placeholder"] = plain(field.placeholder, PLACEHOLDER, lang)
        chosen = [o for o in options if o["value"] == initial]
        if chosen:
            element["initial_option"] = chosen[0]
        return element
    # YES_NO: an explicit answer, so "klant akkoord" is never ticked by accident.
    options = _yes_no(lang)
    element = {"type": "radio_buttons", "action_id": VALUE, "options": options}
    chosen = [o for o in options if o["value"] == initial]
    if chosen:
        element["initial_option"] = chosen[0]
    return element


def form_view(
    form: Form,
    lang: str,
    context: FormContext,
    prefill: dict[str, str] | None = None,
    intro: str | None = None,
) -> Block:
    prefill = prefill or {}
    blocks: list[Block] = []
    if form.dossier_number or intro:
        text = " · ".join(x for x in (form.dossier_number, intro) if x)
        blocks.append({"type": "section", "text": mrkdwn(text, 3000, lang)})
    for section in form.context:
        blocks.append({"type": "section", "text": titled(section.title, section.text, 3000, lang)})
    for field in form.fields:
        initial = prefill.get(field.name, field.initial)
        blocks.append(
            {
                "type": "input",
                "block_id": field.name,
                "optional": not field.required,
                "label": plain(field.label, INPUT_LABEL, lang),
                "element": _element(field, initial, lang),
            }
        )
    return {
        "type": "modal",
        "callback_id": Callback.FORM.value,
        "title": plain(form.title, MODAL_TITLE, lang),
        "submit": plain(form.submit, MODAL_BUTTON, lang),
        "close": plain(t("slack.modal_close", lang), MODAL_BUTTON, lang),
        "private_metadata": context.dump(),
        "blocks": blocks[:VIEW_BLOCKS],
    }


SCAN = "scan"  # the registration modal's file input: the letter or form, scanned
SCAN_TYPES = ["pdf", "jpg", "jpeg", "png", "heic"]
SCAN_FILES = 5


def scan_block(lang: str) -> Block:
    """An upload for the scanned letter or dissatisfaction form, while registering it.

    Slack filters by extension only; the core still judges each file by its content.
    """
    return {
        "type": "input",
        "block_id": SCAN,
        "optional": True,
        "label": plain(t("slack.scan_label", lang), INPUT_LABEL, lang),
        "hint": plain(t("slack.scan_hint", lang), INPUT_HINT, lang),
        "element": {
            "type": "file_input",
            "action_id": VALUE,
            "filetypes": SCAN_TYPES,
            "max_files": SCAN_FILES,
        },
    }


def scans(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The files given in the registration modal's upload, as Slack describes them."""
    element = (state.get(SCAN) or {}).get(VALUE) or {}
    files = element.get("files") or []
    return [f for f in files if isinstance(f, dict)][:SCAN_FILES]


def message_view(title: str, text: str, lang: str) -> Block:
    """A read-only modal that tells the actor what happened."""
    return {
        "type": "modal",
        "callback_id": Callback.RESULT.value,
        "title": plain(title, MODAL_TITLE, lang),
        "close": plain("OK", MODAL_BUTTON, lang),
        "blocks": [{"type": "section", "text": mrkdwn(text, 3000, lang)}],
    }


def read_values(form: Form, state: dict[str, Any]) -> dict[str, str]:
    """The submitted values by field name, as strings (empty fields left out)."""
    values: dict[str, str] = {}
    for field in form.fields:
        element = (state.get(field.name) or {}).get(VALUE) or {}
        value: str | None
        match element.get("type"):
            case "datepicker":
                value = element.get("selected_date")
            case "static_select" | "radio_buttons":
                value = (element.get("selected_option") or {}).get("value")
            case _:
                value = element.get("value")
        if value is not None and str(value).strip():
            values[field.name] = str(value)
    return values


def inline_errors(refusal: Refused, form: Form, lang: str) -> dict[str, str] | None:
    """Errors by block id for `response_action: errors`, or None if no field is named."""
    return errors_by_block(refusal.fields, form, lang)


def errors_by_block(
    fields: Mapping[str, tuple[str, Mapping[str, Any]]], form: Form, lang: str
) -> dict[str, str] | None:
    """Field errors (catalogue key and parameters) placed under the form's blocks."""
    if not fields:
        return None
    names = [f.name for f in form.fields]
    errors: dict[str, str] = {}
    for name, (key, params) in fields.items():
        # A refusal of the whole form (e.g. "no way to reach the customer") is shown
        # under the first field it concerns, or else under the first field.
        block = name if name in names else _home_of(key, names)
        errors.setdefault(block, t(key, lang, **params))
    return errors


def _home_of(key: str, names: list[str]) -> str:
    homes = {
        "field.contact_required": "customer_email",
        "field.new_owner_required": "new_owner_id",
        "field.nothing_to_correct": "customer_number",
    }
    home = homes.get(key)
    return home if home in names else names[0]
