"""What each accepted step means for Slack, written to the outbox with the step.

Every step updates the dossier's card and adds a line to its thread; an
assignment tells the new owner by DM; an escalation is posted for the directie.
The messages name what to show, not how: the deliverer renders the dossier as it
stands when it is sent, so a late delivery never shows an old state.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.actions import Assign, Decide, Escalate, Register
from bot.dossier import DirectieChoice, Dossier
from bot.events import Event
from bot.outbox import OutboxMessage

CHANNEL = "slack"


class Kind:
    CARD = "card"  # post or update the dossier's card in the coordinators' channel
    LINE = "line"  # one line in the card's thread
    OWNER = "owner_dm"  # the new owner's direct message
    DIRECTIE = "directie"  # the escalation post in the directie channel


def _message(kind: str, event: Event, **payload: object) -> OutboxMessage:
    number = event.dossier_number
    return OutboxMessage(
        channel=CHANNEL,
        key=f"slack:{kind}:{number}:{event.seq}",
        # One queue per dossier: the card is posted before its thread is used.
        queue=f"{CHANNEL}:{number}",
        payload={"kind": kind, "number": number, **payload},
        dossier_number=number,
    )


def _new_owner(event: Event, dossier: Dossier) -> int | None:
    if event.action == Assign.name:
        return dossier.owner_id
    if event.action == Decide.name and event.data.get("choice") in (
        DirectieChoice.NIEUWE_EIGENAAR.value,
        DirectieChoice.DIRECTIE_NEEMT_OVER.value,
    ):
        owner = dossier.owner_id
        return owner if owner != event.actor_id else None  # no DM to oneself
    return None


def slack_reactor(event: Event, dossier: Dossier) -> Iterable[OutboxMessage]:
    yield _message(Kind.CARD, event)
    if event.action != Register.name:
        yield _message(
            Kind.LINE,
            event,
            seq=event.seq,
            actor=event.actor_name,
            action=event.action,
            state=event.to_state.value,
            changed=event.from_state != event.to_state,
            text=_said(event),
        )
    owner = _new_owner(event, dossier)
    if owner is not None:
        yield _message(Kind.OWNER, event, person_id=owner)
    if event.action == Escalate.name:
        yield _message(Kind.DIRECTIE, event)


def _said(event: Event) -> str | None:
    # What was written with the step, for the thread; a note that came from the thread
    # itself is not echoed back into it.
    for key in ("reason", "solution", "outcome", "text"):
        if event.action != "add_note" and isinstance(event.data.get(key), str):
            return event.data[key][:500]
    return None
