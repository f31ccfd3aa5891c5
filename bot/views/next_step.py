"""What happens next on a dossier, who is to do it, and the buttons that do it.

The procedure's order, read from where the dossier stands: the acknowledgement
first while it is owed (it runs beside the states), then the step of the state.
Every card puts the reader's own next step first and highlighted, and says the
others in words, so a person sees at a glance whether the dossier waits for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue import t
from bot.rules.actions import (
    Acknowledge,
    Assign,
    Close,
    Decide,
    Evaluate,
    MarkHandled,
    PlanContact,
    Reopen,
    ReportStatus,
)
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import State
from bot.use_cases.services import DossierView
from bot.use_cases.tasks import Task
from bot.views.cards import Button, Style


@dataclass(frozen=True)
class NextStep:
    """One thing the procedure waits for: its sentence and the buttons that do it,
    the usual one first."""

    text: str
    actions: tuple[str, ...]
    deadline: DeadlineKind | None = None


def next_steps(view: DossierView, lang: str) -> list[NextStep]:
    d = view.dossier
    a = d.assignment
    owner = view.name_of(a.owner_id) if a else "-"
    steps = []
    if d.acknowledgement is None and d.is_open:
        steps.append(
            NextStep(
                t("next.acknowledge", lang),
                (Task.LETTER_EMAIL, Task.LETTER_POST, Acknowledge.name, Task.LETTER_PREVIEW),
                DeadlineKind.ACKNOWLEDGEMENT,
            )
        )
    match d.state:
        case State.ONTVANGEN:
            steps.append(NextStep(t("next.assign", lang), (Assign.name,)))
        case State.TOEGEWEZEN if a is not None and a.planned_on is None:
            steps.append(NextStep(t("next.plan_contact", lang, owner=owner), (PlanContact.name,)))
        case State.TOEGEWEZEN | State.IN_BEHANDELING if a is not None:
            key = "next.meet" if a.planned_on and d.state is State.TOEGEWEZEN else "next.solve"
            plan = t(f"plan.{a.plan.value}", lang)
            steps.append(
                NextStep(
                    t(key, lang, owner=owner, plan=plan, on=a.planned_on),
                    (MarkHandled.name, ReportStatus.name, PlanContact.name),
                    DeadlineKind.STATUS_CHECK,
                )
            )
        case State.GEESCALEERD:
            steps.append(NextStep(t("next.decide", lang), (Decide.name,)))
        case State.AFGEHANDELD:
            steps.append(
                NextStep(t("next.evaluate", lang), (Evaluate.name,), DeadlineKind.EVALUATION)
            )
        case State.GEEVALUEERD if d.customer_agreed:
            steps.append(NextStep(t("next.close", lang), (Close.name,)))
        case State.GEEVALUEERD:
            steps.append(NextStep(t("next.disagrees", lang), (Reopen.name, Evaluate.name)))
        case State.GESLOTEN:
            steps.append(NextStep(t("next.closed", lang), ()))
    return steps


# The order of everything else under "Meer…": the procedure's steps before the
# paperwork, the rarely used last.
_ORDER = (
    Task.LETTER_EMAIL,
    Task.LETTER_POST,
    Task.LETTER_PREVIEW,
    Acknowledge.name,
    Assign.name,
    PlanContact.name,
    ReportStatus.name,
    MarkHandled.name,
    Decide.name,
    Evaluate.name,
    Close.name,
    "escalate",
    "add_note",
    "add_document",
    Task.DOCUMENTS,
    "correct",
    "extend_term",
    Reopen.name,
)


def arrange(
    buttons: list[Button], steps: list[NextStep], shown: int = 1
) -> tuple[list[Button], list[Button]]:
    """The reader's next step first (highlighted), up to `shown` buttons; the rest in
    the procedure's order, none highlighted, for "Meer…"."""
    first: list[Button] = []
    for step in steps:
        mine = [b for name in step.actions for b in buttons if b.action == name]
        if mine:
            first = mine[:shown]
            break
    rest = [b for b in buttons if b not in first]
    rest.sort(key=lambda b: _ORDER.index(b.action) if b.action in _ORDER else len(_ORDER))
    main = [b.model_copy(update={"style": Style.PRIMARY}) for b in first[:1]] + first[1:]
    quiet = [b.model_copy(update={"style": Style.DEFAULT}) for b in rest]
    return main, quiet
