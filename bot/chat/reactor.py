"""Who is told what after each accepted step, in every chat platform alike.

The reactor writes its messages to the outbox in the step's own transaction. A
message names what to show, not how: each platform's deliverer draws the dossier
as it stands when the message goes out, so a late delivery never shows an old
state. The decision (`told`) knows no platform; `chat_reactor` only addresses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.outbox.messages import OutboxMessage, Reactor
from bot.rules.actions import AddNote, Assign, Decide, Escalate, Register
from bot.rules.dossier import DirectieChoice, Dossier
from bot.rules.events import Event
from bot.views.happened import essentials

LINE_TEXT = 500  # characters of what was written with a step, quoted in its thread line
# What was written with a step, in the order a thread line quotes it.
_SAID = ("reason", "solution", "outcome", "text")
# Choices of the directie that give the dossier another owner.
_NEW_OWNER = {DirectieChoice.NIEUWE_EIGENAAR.value, DirectieChoice.DIRECTIE_NEEMT_OVER.value}


class Kind(StrEnum):
    CARD = "card"  # post the dossier's card in the coordinators' channel, or redraw it
    LINE = "line"  # one line in the card's thread: who did what, and what they wrote
    OWNER = "owner_dm"  # a direct message to the dossier's new owner
    DIRECTIE = "directie"  # the escalation, posted for the directie


@dataclass(frozen=True)
class Told:
    kind: Kind
    payload: dict[str, Any] = field(default_factory=dict)


def told(event: Event, dossier: Dossier) -> list[Told]:
    """What follows from one step for the people in the chats."""
    said: list[Told] = [Told(Kind.CARD)]
    if event.action != Register.name:
        said.append(Told(Kind.LINE, _line(event)))
    owner = _new_owner(event, dossier)
    if owner is not None:
        said.append(Told(Kind.OWNER, {"person_id": owner}))
    if event.action == Escalate.name:
        said.append(Told(Kind.DIRECTIE))
    return said


def chat_reactor(platform: str) -> Reactor:
    """The reactor that addresses `told` to one platform's deliverer."""

    def react(event: Event, dossier: Dossier) -> Iterable[OutboxMessage]:
        number = event.dossier_number
        for message in told(event, dossier):
            yield OutboxMessage(
                channel=platform,
                key=f"{platform}:{message.kind}:{number}:{event.seq}",
                # One queue per dossier: its card is posted before its thread is used.
                queue=f"{platform}:{number}",
                payload={"kind": message.kind.value, "number": number, **message.payload},
                dossier_number=number,
            )

    return react


ANONYMISED = "anonymise"  # the thread line's action when the customer's data is gone


def anonymised_told(platform: str, number: str, actor_name: str) -> list[OutboxMessage]:
    """After anonymisation: the card redrawn without personal data, and a line in its thread.

    No event goes with it (the timeline's count stays), so the keys name the moment
    rather than a step.
    """
    line = {
        "seq": 0,
        "actor": actor_name,
        "action": ANONYMISED,
        "state": "gesloten",
        "changed": False,
        "text": None,
    }
    return [
        OutboxMessage(
            channel=platform,
            key=f"{platform}:{said.kind}:{number}:{ANONYMISED}",
            queue=f"{platform}:{number}",
            payload={"kind": said.kind.value, "number": number, **said.payload},
            dossier_number=number,
        )
        for said in (Told(Kind.CARD), Told(Kind.LINE, line))
    ]


def _line(event: Event) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "actor": event.actor_name,
        "action": event.action,
        "state": event.to_state.value,
        "changed": event.from_state != event.to_state,
        "text": _said(event),
        # What the line says happened: the plan, the new owner, the choice (no free text).
        "data": essentials(event.data),
    }


def _said(event: Event) -> str | None:
    # A note is written in the thread itself (or shown on the card): not echoed back.
    if event.action == AddNote.name:
        return None
    for key in _SAID:
        value = event.data.get(key)
        if isinstance(value, str) and value:
            return value[:LINE_TEXT]
    return None


def _new_owner(event: Event, dossier: Dossier) -> int | None:
    """The person who just became the dossier's owner.

    An assignment always tells the owner, also a coordinator who takes the dossier on
    themselves: the DM is where an owner's own card and buttons arrive. A directie
    member who takes the dossier over is not told what they just did.
    """
    if event.action == Assign.name:
        return dossier.owner_id
    if event.action == Decide.name and event.data.get("choice") in _NEW_OWNER:
        owner = dossier.owner_id
        return owner if owner != event.actor_id else None
    return None
