"""After erasure, the Teams card is updated in place without personal data, and its
thread is told."""

from __future__ import annotations

import json
import re

from tests.adapters.teams.client import COORDINATORS, texts
from tests.adapters.teams.test_delivery import teams_bot_reachable
from tests.bot.use_cases.privacy.support import SECRETS, closed_dossier, tick_mirror


async def test_erasure_updates_the_card_in_place_and_replies_in_its_thread(
    teams_bot, connector, people
):
    bot = teams_bot[0]
    await teams_bot_reachable(bot, connector, people)
    number = await closed_dossier(bot, people)
    await bot.dispatcher.drain()
    [card] = [c for c in connector.sent("send") if c.conversation_id == COORDINATORS]
    before = len(connector.sent("update"))
    await tick_mirror(bot, people)

    await bot.privacy.erasure.run(people.coordinator, "8675309", "Verzoek van de klant")
    await bot.dispatcher.drain()

    updates = connector.sent("update")[before:]
    assert updates and all(u.activity_id == card.response_id for u in updates)
    redrawn = updates[-1].card
    assert f"{number} (geanonimiseerd)" in texts(redrawn).replace("\\", "")  # unescaped
    everything = json.dumps(redrawn, ensure_ascii=False).lower()
    assert [s for s in SECRETS if s.lower() in everything] == []
    # No step is offered any more: the card refreshes itself, and the only buttons left are
    # the coordinator's checklist for the erase item in Orthomatic (its text, tick it off).
    offered = set(re.findall(r'"action": "([a-z_]+)"', everything))
    assert offered <= {"mirror_text", "mirror_tick"}
    assert set(re.findall(r'"verb": "([a-z_]+)"', everything)) <= {"refresh", "open"}
    thread = f"{COORDINATORS};messageid={card.response_id}"
    lines = [c for c in connector.sent("send") if c.conversation_id == thread]
    assert "Dossier geanonimiseerd" in texts(lines[-1].card)
