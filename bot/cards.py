"""One card model, two renderers: what to show, never how.

`adapters/slack` renders a `Card` to Block Kit and `adapters/teams` to an
Adaptive Card. Every string here is plain text as a person typed it; escaping
is the renderer's job, because only it knows its markup.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class Style(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


class Fact(BaseModel):
    label: str
    value: str


class Section(BaseModel):
    title: str | None = None
    text: str


class Confirm(BaseModel):
    title: str
    text: str
    yes: str
    no: str


class Button(BaseModel):
    """A button for one action of the core on one dossier, or for a card task.

    `action` names either a step of the procedure (bot.actions.ACTIONS) or a card
    task that is not a step, such as downloading documents (bot.tasks.TASKS).
    For a step, adapters follow one rule, `bot.forms.runs_at_once`: when `data` is given and
    fills every required field of the action's form, a click runs the action at
    once (one-tap answers such as "loopt volgens plan"); otherwise it opens the
    form, prefilled with `data`.
    """

    action: str  # the action's name, e.g. "acknowledge" (see bot.actions.ACTIONS)
    label: str
    value: str  # what the click is about: the dossier number
    style: Style = Style.DEFAULT
    confirm: Confirm | None = None
    data: dict[str, str] = Field(default_factory=dict)


class Link(BaseModel):
    """A link to open in the browser: a document to download, the protocol to print."""

    label: str
    url: str


class FieldKind(StrEnum):
    LINE = "line"
    TEXT = "text"  # multi-line
    DATE = "date"
    CHOICE = "choice"
    PERSON = "person"
    YES_NO = "yes_no"


class Option(BaseModel):
    value: str
    label: str


class FormField(BaseModel):
    name: str
    label: str
    kind: FieldKind
    required: bool = False
    options: list[Option] = Field(default_factory=list)
    initial: str | None = None
    max_length: int | None = None


class Form(BaseModel):
    """A form for one action on one dossier (a Slack modal, an Adaptive Card with inputs)."""

    action: str
    title: str
    submit: str
    dossier_number: str | None = None
    fields: list[FormField]


class Card(BaseModel):
    title: str
    subtitle: str | None = None
    facts: list[Fact] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
