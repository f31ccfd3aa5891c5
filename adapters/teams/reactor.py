"""What Teams must show after each step: written to the outbox with the step itself.

Every message names what to show, not how it looks: the deliverer draws the
card from the dossier as it stands when the message goes out, so a retried or
late delivery never shows an old state.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.actions import AddDocument, AddNote, Assign, Decide, Escalate, Register
from bot.dossier import DirectieChoice, Dossier
from bot.events import Event
from bot.outbox import OutboxMessage

CHANNEL = "teams"
# Steps whose text already stands in the thread (a message posted there is the note).
_QUIET = {AddNote.name, AddDocument.name}


def teams_reactor(event: Event, dossier: Dossier) -> Iterable[OutboxMessage]:
    number = dossier.number
    base = f"teams:{number}:{event.seq}"

    def message(kind: str, **payload: object) -> OutboxMessage:
        return OutboxMessage(
            channel=CHANNEL,
            key=f"{base}:{kind}",
            queue=f"{CHANNEL}:{number}",  # the card first, then its thread, in order
            payload={"kind": kind, "number": number, **payload},
            dossier_number=number,
        )

    if event.action == Register.name:
        yield message("dossier_card")
    else:
        if event.action not in _QUIET:
            text = next(
                (
                    event.data[k]
                    for k in ("text", "reason", "solution", "outcome")
                    if event.data.get(k)
                ),
                None,
            )
            yield message(
                "thread_line",
                actor=event.actor_name,
                action=event.action,
                state=event.to_state.value,
                text=text,
            )
        yield message("card_update")
    if event.action == Assign.name:
        yield message("owner_dm", person_id=event.data["owner_id"])
    if event.action == Decide.name and event.data.get("choice") == DirectieChoice.NIEUWE_EIGENAAR:
        yield message("owner_dm", person_id=event.data["new_owner_id"])
    if event.action == Escalate.name:
        yield message("directie_post")
