"""Which letters a person may write to a dossier's customer now, how they can go, and
the text their form starts with. Pure: the card, the forms and the letters ask here,
so that a card never offers what the letters would refuse."""

from __future__ import annotations

from bot.catalogue import has, t
from bot.rules.dossier import Dossier, LetterMethod
from bot.rules.people import Person
from bot.rules.procedure import available_actions
from bot.rules.roles import Role
from bot.use_cases.letters.dutch import long_date
from bot.use_cases.letters.kinds import LETTERS, AcknowledgementLetter, LetterKind


def letter_methods(dossier: Dossier, email_enabled: bool) -> list[LetterMethod]:
    """How a letter can reach this customer: e-mail needs a mail server and an address,
    post a postal address."""
    methods = []
    if email_enabled and dossier.customer.email:
        methods.append(LetterMethod.EMAIL)
    if dossier.customer.address:
        methods.append(LetterMethod.POST)
    return methods


def may_write(person: Person, kind: LetterKind, dossier: Dossier) -> bool:
    """Whoever may take the letter's step writes it; a letter without a step of its own
    (the progress message) is the coordinator's, who keeps the customer informed."""
    if kind.step is not None:
        return kind.step in available_actions(person, dossier)
    return dossier.is_open and person.has(Role.COORDINATOR)


def written_by_task(person: Person, dossier: Dossier) -> list[LetterKind]:
    """The letters the card offers as tasks: those whose form is not a step's own (the
    written response and the extension are the procedure's buttons)."""
    return [k for k in LETTERS if k.form is not k.step and may_write(person, k, dossier)]


def default_fields(kind: LetterKind, dossier: Dossier) -> dict[str, str]:
    """What a letter's form starts with: text to edit, never the staff's own notes.

    The acknowledgement describes the complaint by its product, not by the summary the
    staff typed for themselves; the progress message starts from a standard text.
    """
    if kind.form is AcknowledgementLetter:
        product = (dossier.complaint.product or "").strip()
        if product:
            product = product[:1].lower() + product[1:]
            return {"description": t("letter.description", product=product)}
        return {"description": t("letter.description_none")}
    if has(f"letter.{kind.name}.default"):
        return {"text": t(f"letter.{kind.name}.default", due=long_date(dossier.decision_due))}
    return {}
