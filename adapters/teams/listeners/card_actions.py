"""A click on a card: an Action.Execute invoke (answered with the card that replaces
the clicked one) or an Action.Submit (a message carrying the inputs)."""

from __future__ import annotations

from typing import Any

from adapters.teams.answers import card, card_answer
from adapters.teams.listeners.context import TeamsContext, reader
from adapters.teams.port import Inbound
from adapters.teams.render import CONTROL
from bot.chat.answers import Answer, Message
from bot.chat.conversation import Asker
from bot.rules.errors import Refused
from bot.use_cases.tasks import TASKS


async def card_action(teams: TeamsContext, inbound: Inbound, asker: Asker) -> dict[str, Any]:
    answer = await _answer(teams, inbound, asker)
    return card_answer(card(answer, reader(inbound, asker.lang)))


async def _answer(teams: TeamsContext, inbound: Inbound, asker: Asker) -> Answer:
    value = inbound.value or {}
    if inbound.kind == "invoke":
        action = value.get("action") or {}
        verb, data = str(action.get("verb") or ""), dict(action.get("data") or {})
    else:
        data = dict(value)
        ctl = data.get(CONTROL) or {}
        verb = str((ctl.get("verb") if isinstance(ctl, dict) else "") or "submit")
    ctl = data.pop(CONTROL, None) or {}
    name, number = (ctl.get("action"), ctl.get("dossier")) if isinstance(ctl, dict) else ("", 0)
    if not isinstance(number, str | None):  # not a card we drew: nothing to look up
        raise Refused("action.unknown", action=verb)
    conversation = teams.conversation
    if verb in ("refresh", "show") or (verb == "cancel" and number):
        if not number:
            raise Refused("action.unknown", action=verb)
        return await conversation.look(asker, number)
    if verb == "cancel":
        return Message("teams.cancelled")
    key = f"teams:card:{ctl['nonce']}" if ctl.get("nonce") else None
    key = key or (f"teams:activity:{inbound.id}" if inbound.id else None)
    name = str(name or "")
    if verb == "confirm":
        return await conversation.ask_first(asker, name, number, data, key)
    # "submit" on a task: the button of a card drawn before the verb travelled in its data.
    if verb == "open" or (verb == "submit" and name in TASKS):
        answer = await conversation.click(asker, name, number, data, key)
    elif verb == "submit":
        answer = await conversation.submit(asker, name, number, data, key)
    else:
        raise Refused("action.unknown", action=verb)
    if getattr(answer, "card_changed", False) and number:
        teams.refresh(number)
    return answer
