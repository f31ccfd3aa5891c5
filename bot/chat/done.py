"""The sentence that answers a step: what it did, in the past tense, naming the dossier.

Every chat says it (Slack as a sentence or in the modal, Teams over the redrawn
card), so it is made once, here, from the action as it was taken, with what the
action itself holds that the person wants to see confirmed: who owns the dossier
now, the date, the directie's choice, whether the customer agrees.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.chat.answers import Message
from bot.rules.actions import (
    Acknowledge,
    Action,
    AddDocument,
    Assign,
    Decide,
    Evaluate,
    ExtendTerm,
    PlanContact,
)
from bot.rules.dossier import DirectieChoice

NameOf = Callable[[int], Awaitable[str]]  # a person's id → their name


def repeated(number: str) -> Message:
    """The step had been done before (a platform's retry, a double click)."""
    return Message("chat.duplicate", {"number": number})


async def did(action: Action, number: str, name_of: NameOf) -> Message:
    """What `action` did to dossier `number`, as its actor reads it afterwards."""
    key, params = f"chat.did.{action.name}", _essentials(action)
    if isinstance(action, Assign):
        params["owner"] = await name_of(action.owner_id)
    elif isinstance(action, Decide):
        key = f"{key}.{action.choice.value}"
        if action.choice is DirectieChoice.NIEUWE_EIGENAAR and action.new_owner_id is not None:
            params["owner"] = await name_of(action.new_owner_id)
    elif isinstance(action, Evaluate) and action.customer_agrees:
        key = f"{key}.agreed"
    return Message(key, {"number": number, **params})


def _essentials(action: Action) -> dict[str, Any]:
    """The action's own fields that its sentence names (dates and words the catalogue
    translates, what someone typed as it was typed)."""
    match action:
        case Acknowledge():
            return {"sent_on": action.sent_on, "method": action.method.value}
        case PlanContact():
            return {"plan": action.plan.value, "on": action.planned_on}
        case AddDocument():
            return {"title": action.title}
        case ExtendTerm():
            return {"new_due": action.new_due}
    return {}
