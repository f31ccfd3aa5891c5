"""An entry of a dossier's timeline: immutable, append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.rules.dossier import State


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    dossier_number: str
    seq: int  # 1 for the registration, then one more per accepted action
    at: datetime  # UTC
    actor_id: int
    actor_name: str
    action: str
    data: dict[str, Any]
    from_state: State | None
    to_state: State
