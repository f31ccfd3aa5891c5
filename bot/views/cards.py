"""One card model, two renderers: what to show, never how.

`adapters/slack` renders a `Card` to Block Kit and `adapters/teams` to an
Adaptive Card. Every string here is plain text as a person typed it; escaping
is the renderer's job, because only it knows its markup.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one
# of them in a customer's name can make "K-2026-0012" read as another number, or turn
# the rest of a line around. They are taken out where text is shown, in this one model,
# rather than when it is typed: the dossier keeps what the customer wrote, and rows
# stored before this rule are shown safely too.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


Shown = Annotated[str, AfterValidator(without_bidi_controls)]


class Style(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


class Fact(BaseModel):
    label: Shown
    value: Shown
    # A tel: or mailto: address the core built from a checked value, so a phone can call
    # or write at a tap; renderers link the value where their platform can.
    link: str | None = None


class Section(BaseModel):
    title: Shown | None = None
    text: Shown
    attention: bool = False  # overdue: drawn in the platform's attention colour


class Headline(BaseModel):
    """A line right under the card's title: what happens next and who does it, or the
    next deadline. `attention` when it is overdue."""

    text: Shown
    attention: bool = False


class Confirm(BaseModel):
    title: Shown
    text: Shown
    yes: str
    no: str


class Button(BaseModel):
    """A button for one action of the core on one dossier, or for a card task.

    `action` names either a step of the procedure (bot.rules.actions.ACTIONS) or a card
    task that is not a step, such as downloading documents (bot.use_cases.tasks.TASKS).
    For a step, adapters follow one rule, `bot.views.forms.runs_at_once`: when `data` is given and
    fills every required field of the action's form, a click runs the action at
    once (one-tap answers such as "loopt volgens plan"); otherwise it opens the
    form, prefilled with `data`.
    """

    action: str  # the action's name, e.g. "acknowledge" (see bot.rules.actions.ACTIONS)
    label: Shown
    value: str  # what the click is about: the dossier number
    style: Style = Style.DEFAULT
    confirm: Confirm | None = None
    data: dict[str, str] = Field(default_factory=dict)


class Link(BaseModel):
    """A link to open in the browser: a document to download, the protocol to print."""

    label: Shown
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
    placeholder: str | None = None  # "Kies…" on a choice that starts empty


class Form(BaseModel):
    """A form for one action on one dossier (a Slack modal, an Adaptive Card with inputs)."""

    action: str
    title: str
    submit: str
    dossier_number: str | None = None
    # What the person needs in view while filling it in (the escalation being decided).
    context: list[Section] = Field(default_factory=list)
    fields: list[FormField]


class Row(BaseModel):
    """One compact line with its own buttons (an item of the Orthomatic checklist)."""

    text: Shown
    buttons: list[Button] = Field(default_factory=list)


class Series(BaseModel):
    name: Shown
    values: list[float]


class Chart(BaseModel):
    """A bar chart: one bar per category for each series (at most a few of each).

    Slack draws it with its own chart block, Teams as a picture; the numbers it shows
    are also in the card's facts, for a reader whose chat draws no chart.
    """

    title: Shown
    categories: list[Shown]
    series: list[Series]


class Card(BaseModel):
    """A screen. Renderers draw, in this order: the title and subtitle, the headlines,
    the buttons (`buttons` first, the first of them the next step; `more` behind a
    "Meer…" where the platform can fold), the facts, the sections, the rows, the links."""

    title: Shown
    subtitle: Shown | None = None
    headlines: list[Headline] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    chart: Chart | None = None
    buttons: list[Button] = Field(default_factory=list)
    more: list[Button] = Field(default_factory=list)
    rows_title: Shown | None = None
    rows: list[Row] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)

    @property
    def all_buttons(self) -> list[Button]:
        return [*self.buttons, *self.more, *(b for row in self.rows for b in row.buttons)]


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
