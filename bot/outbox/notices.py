"""Notices: what a person or a channel must be told, for every chat platform at once.

The core (the deadline sweep, the reactors) says *who* is told *what* as a
channel-neutral card; each chat adapter that is configured delivers it its own
way (a Slack DM or channel post, a Teams proactive message). A notice is one
outbox message per platform, so a platform that is down delays it and loses none.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from bot.outbox.messages import OutboxMessage
from bot.views.cards import Card


class Audience(StrEnum):
    PERSON = "person"  # a direct message to `person_id`
    COORDINATORS = "coordinators"  # the coordinators' channel (in the dossier's thread)
    DIRECTIE = "directie"  # the directie's escalation channel


class Notice(BaseModel):
    audience: Audience
    person_id: int | None = None
    dossier_number: str | None = None
    card: Card


NOTICE = "notice"  # the payload kind every chat deliverer understands


def notice_messages(platforms: list[str], notice: Notice, key: str) -> list[OutboxMessage]:
    """One outbox message per configured chat platform; `key` names the notice uniquely."""
    return [
        OutboxMessage(
            channel=platform,
            key=f"{key}:{platform}",
            queue=f"{platform}:{notice.dossier_number or notice.audience.value}",
            payload={"kind": NOTICE, "notice": notice.model_dump(mode="json")},
            dossier_number=notice.dossier_number,
        )
        for platform in platforms
    ]
