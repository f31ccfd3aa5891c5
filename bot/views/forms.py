"""The form for each action, derived from the action's own fields.

A form is designed once, from the typed command: a date becomes a date picker,
a choice a select, a person id a person picker, free text a text area.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from enum import Enum

from pydantic.fields import FieldInfo

from bot.catalogue import format_datetime, has, t
from bot.rules.actions import ACTIONS, Acknowledge, Action, Decide, Register
from bot.rules.dossier import LetterMethod
from bot.rules.fields import MAX_LINE, MAX_TEXT
from bot.rules.people import SYSTEM
from bot.use_cases.letters.kinds import BY_FORM, LetterKind
from bot.use_cases.services import DossierView
from bot.views.cards import Button, FieldKind, Form, FormField, Option, Section

# Prefixes under which the catalogue names each enum's values.
_VALUE_LABELS = {
    "channel": "channel",
    "severity": "severity",
    "method": "method",
    "plan": "plan",
    "choice": "choice",
}
_LONG_TEXT = {"details", "remedy_requested", "text", "reason", "solution", "outcome", "remarks"}
# Dates that are usually today when the step is recorded: the form starts there.
_TODAY = {(Register.name, "received_on"), (Acknowledge.name, "sent_on")}

_LONG_TEXT |= {"description"}  # how a letter describes the complaint: a sentence to edit


def _kind(name: str, info: FieldInfo) -> tuple[FieldKind, type[Enum] | None]:
    annotation = info.annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if isinstance(annotation, types.UnionType) and args else annotation
    if name.endswith("_id") and name != "document_id":
        return FieldKind.PERSON, None
    if base is bool:
        return FieldKind.YES_NO, None
    if base is date:
        return FieldKind.DATE, None
    if isinstance(base, type) and issubclass(base, Enum):
        return FieldKind.CHOICE, base
    return (FieldKind.TEXT if name in _LONG_TEXT else FieldKind.LINE), None


def form(
    action: type[Action],
    lang: str = "nl",
    dossier_number: str | None = None,
    *,
    today: date | None = None,
    view: DossierView | None = None,
) -> Form:
    """The form for `action`. No choice starts chosen (a person picks, the form says
    "Kies…"); a date that is usually today starts at `today`; `view` puts what the
    person decides on in view (the escalation, for the directie's decision)."""
    fields = []
    for name, info in action.model_fields.items():
        if name == "document_id":
            continue  # set by an upload, not typed
        kind, enum = _kind(name, info)
        options = []
        if enum is not None:
            prefix = _VALUE_LABELS.get(name, name)
            options = [Option(value=m.value, label=t(f"{prefix}.{m.value}", lang)) for m in enum]
        initial = None
        if today is not None and (action.name, name) in _TODAY:
            initial = today.isoformat()
        choosing = kind in (FieldKind.CHOICE, FieldKind.PERSON)
        fields.append(
            FormField(
                name=name,
                label=label(action, name, lang),
                kind=kind,
                required=info.is_required(),
                options=options,
                initial=initial,
                max_length={FieldKind.TEXT: MAX_TEXT, FieldKind.LINE: MAX_LINE}.get(kind),
                placeholder=t("form.choose", lang) if choosing else None,
            )
        )
    submit = f"form.submit.{action.name}"
    return Form(
        action=action.name,
        title=t(f"form.title.{action.name}", lang),
        submit=t(submit if has(submit) else "form.submit", lang),
        dossier_number=dossier_number,
        context=_context(action, view, lang) if view is not None else [],
        fields=fields,
    )


def label(action: type[Action], field: str, lang: str) -> str:
    """A field's label, with its object where the bare word would not say it."""
    own = f"label.{action.name}.{field}"
    return t(own if has(own) else f"label.{field}", lang)


def _context(action: type[Action], view: DossierView, lang: str) -> list[Section]:
    d = view.dossier
    if action is Decide and d.escalation is not None:
        e = d.escalation
        by = SYSTEM.name if e.by_id == SYSTEM.id else view.name_of(e.by_id)
        when = format_datetime(e.escalated_at, lang)
        return [
            Section(title=t("card.complaint", lang), text=d.complaint.summary),
            Section(title=t("form.escalated", lang, by=by, at=when), text=e.reason),
        ]
    return []


def letter_form(
    kind: LetterKind,
    lang: str = "nl",
    dossier_number: str | None = None,
    methods: list[LetterMethod] | None = None,
) -> Form:
    """A letter's form: its fields labelled for the letter, and only the ways it can go
    (`methods`; all when not given, as when a submitted form is read back)."""
    base = form(kind.form, lang, dossier_number)
    fields = []
    for f in base.fields:
        update: dict[str, object] = {}
        for key in (f"letter.{kind.name}.label.{f.name}", f"letter.label.{f.name}"):
            if has(key):
                update["label"] = t(key, lang)
                break
        if f.name == "method" and methods is not None:
            options = [o for o in f.options if o.value in {m.value for m in methods}]
            update["options"] = options
            update["initial"] = options[0].value if options else None
        fields.append(f.model_copy(update=update))
    return base.model_copy(
        update={
            "action": kind.form_name,
            "title": t(f"letter.{kind.name}.write", lang),
            "submit": t("letter.submit", lang),
            "fields": fields,
        }
    )


def form_named(name: str, lang: str = "nl", dossier_number: str | None = None) -> Form | None:
    """The form submitted under `name`: a letter's, or a step's; None for no known form."""
    if name in BY_FORM:
        return letter_form(BY_FORM[name], lang, dossier_number)
    action = ACTIONS.get(name)
    return form(action, lang, dossier_number) if action is not None else None


def registration_form(lang: str = "nl") -> Form:
    return form(Register, lang)


def all_forms(lang: str = "nl") -> dict[str, Form]:
    return {name: form(cls, lang) for name, cls in ACTIONS.items()}


def runs_at_once(button: Button) -> bool:
    """Whether a click on `button` runs its action at once instead of opening a form.

    A button whose data fills every required field runs at once ("Klantnummer
    bevestigen" with the number in its data). Without data, an action with no
    required fields runs at once ("close"), except one whose whole point is its
    form ("correct").
    """
    action = ACTIONS.get(button.action)
    if action is None:
        return False
    required = {f.name for f in form(action).fields if f.required}
    if button.data:
        return required <= set(button.data)
    return not required and button.action not in _ALWAYS_A_FORM


# Actions without required fields that still need a person to fill something in.
_ALWAYS_A_FORM = {"correct"}
