"""What the chat layer answers a person, before any platform draws it.

Each answer is a small frozen value: a sentence by its catalogue key, a card, a
form to open, the errors of a submitted form. The chat layer decides which one;
each platform's renderer only draws it (Block Kit, an Adaptive Card) and escapes
the parameters, which often hold what someone typed, for its own markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.chat.commands import Verb
from bot.views.cards import Button, Card, Form, Link


@dataclass(frozen=True)
class Message:
    """One sentence of the catalogue; `good` is False for a refusal or a failure."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    good: bool = True


@dataclass(frozen=True)
class Help:
    """The commands one can type; `before` says why it is shown (a word it did not know)."""

    before: Message | None = None


@dataclass(frozen=True)
class Protocol:
    """The complaints procedure, to read or hand to a customer; `link` is its PDF."""

    link: Link | None = None


@dataclass(frozen=True)
class Unknown:
    """The asker is not known to the bot, or no longer active: nothing is shown. Someone
    unknown is told whom to ask, with the id their chat knows them by (a Slack user id,
    an Entra id) for whoever adds them; someone deactivated (`inactive`) is told so."""

    platform_id: str = ""
    inactive: bool = False


@dataclass(frozen=True)
class Usage:
    """The command was known but its arguments were not: how to type it."""

    verb: Verb

    @property
    def key(self) -> str:
        return f"chat.{self.verb.value}_usage"


@dataclass(frozen=True)
class Failed:
    """Something broke; nothing was recorded, and no traceback reaches the chat."""


@dataclass(frozen=True)
class Listing:
    """A list of dossiers, drawn as a card."""

    card: Card


@dataclass(frozen=True)
class Overview:
    """The management report's card: its figures, a chart and the PDF's button."""

    card: Card


@dataclass(frozen=True)
class Dossier:
    """One dossier's card for this person, with `note` on top and `links` under it."""

    card: Card
    number: str
    version: int
    note: Message | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class OpenForm:
    """A form to fill in for `action` (on dossier `number`, at its `version`)."""

    form: Form
    action: str
    number: str | None = None
    version: int | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FormErrors:
    """A submitted form that was refused: its errors by field, or one `message`."""

    form: Form
    errors: Mapping[str, Message]
    message: Message | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Done:
    """A step was recorded (or found already recorded: `duplicate`); `said` is what it
    did, in the past tense (`bot.chat.done`).

    `card` is the dossier as it now stands, for a platform that redraws the card
    it was asked from.
    """

    action: str
    number: str
    said: Message
    duplicate: bool = False
    card: Dossier | None = None

    @property
    def registered(self) -> bool:
        return self.action == "register"


@dataclass(frozen=True)
class TaskDone:
    """A card task ran: what it says, the links it hands out, and the card to redraw."""

    number: str
    text: str
    links: tuple[Link, ...] = ()
    card_changed: bool = False
    card: Dossier | None = None


@dataclass(frozen=True)
class AskFirst:
    """The step asks to be confirmed before it runs: its button, with the question."""

    button: Button


@dataclass(frozen=True)
class Kept:
    """Files were kept with a dossier; `refused` names each file that was not, and why."""

    number: str
    count: int
    refused: tuple[tuple[str, Message | Failed], ...] = ()


Answer = (
    Message
    | Help
    | Protocol
    | Unknown
    | Usage
    | Failed
    | Listing
    | Overview
    | Dossier
    | OpenForm
    | FormErrors
    | Done
    | TaskDone
    | AskFirst
    | Kept
)
