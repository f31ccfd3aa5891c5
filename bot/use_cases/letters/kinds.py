"""The customer's letters. Each is a template and a line in `LETTERS`.

Every letter goes the same way (`bot.use_cases.letters.service`): its form is filled
in (the text edited, the method chosen), it is previewed, and when it goes (by
e-mail once the mail server accepted it, or marked as sent by post) it is filed as a
document of the dossier, and the procedure's step it stands for, if any, is recorded
with it. A sixth letter is a template file, a line below and its names in the
catalogue (`letter.NAME.title`, `.subject`, `.email`, `.write`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.rules.actions import Acknowledge, Action, Close, ExtendTerm, Respond
from bot.rules.dossier import LetterMethod
from bot.rules.fields import Line, Text


class LetterText(Action):
    """A letter whose text the coordinator writes, or edits, before it goes."""

    name: ClassVar[str] = "letter_text"
    text: Text
    method: LetterMethod


class AcknowledgementLetter(Action):
    """The acknowledgement: the complaint is described in the customer's terms, not the
    staff's own summary, and the coordinator can change that description."""

    name: ClassVar[str] = "letter_acknowledgement"
    description: Line
    method: LetterMethod


@dataclass(frozen=True)
class LetterKind:
    name: str  # its template file, catalogue keys and the kind of its stored document
    form: type[Action]  # what is filled in before it goes (always with `method`)
    step: type[Action] | None = None  # the step of the procedure its sending records

    @property
    def form_name(self) -> str:
        """The name its form is submitted under: the step's own, or the letter's."""
        return self.step.name if self.form is self.step and self.step else f"letter_{self.name}"

    @property
    def files_first(self) -> bool:
        """Filed before its step when that step closes the dossier (nothing is added after)."""
        return self.step is Close


# fmt: off
LETTERS: tuple[LetterKind, ...] = (
    LetterKind("ontvangstbevestiging",   AcknowledgementLetter, Acknowledge),
    LetterKind("verlenging",             ExtendTerm,            ExtendTerm),
    LetterKind("voortgangsbericht",      LetterText),
    LetterKind("schriftelijke_reactie",  Respond,               Respond),
    LetterKind("afsluitbrief",           LetterText,            Close),
)
# fmt: on

BY_NAME = {kind.name: kind for kind in LETTERS}
BY_FORM = {kind.form_name: kind for kind in LETTERS}
ACKNOWLEDGEMENT = BY_NAME["ontvangstbevestiging"]


def letter_for_step(step: type[Action]) -> LetterKind | None:
    """The letter whose form is this step's own (the written response, the extension)."""
    return next((k for k in LETTERS if k.form is step), None)
