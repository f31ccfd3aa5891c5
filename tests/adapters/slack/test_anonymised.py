"""After erasure, Slack's card is redrawn without personal data and its thread is told."""

from __future__ import annotations

import json
import re

from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL as MIRROR
from tests.adapters.slack.conftest import COORDINATORS
from tests.bot.use_cases.privacy.support import SECRETS, closed_dossier, tick_mirror


async def test_erasure_redraws_the_card_and_writes_a_line_in_its_thread(bot, team, slack_api):
    number = await closed_dossier(bot, team)
    await bot.dispatcher.drain()
    card = slack_api.answers("chat.postMessage")[0]  # the register's card comes first
    assert card["channel"] == COORDINATORS
    before = len(slack_api.to("chat.update"))
    await tick_mirror(bot, team)

    await bot.privacy.erasure.run(team.coordinator, "8675309", "Verzoek van de klant")
    await bot.dispatcher.drain()

    updates = slack_api.to("chat.update")[before:]
    assert updates and all(u["ts"] == card["ts"] for u in updates)
    redrawn = json.dumps(updates[-1], ensure_ascii=False)
    assert f"{number} (geanonimiseerd)" in redrawn
    assert "verwijder ook in Orthomatic" in redrawn  # the pinboard held the letter
    assert [s for s in SECRETS if s.lower() in redrawn.lower()] == []
    # No step is offered any more: the only buttons left are the coordinator's checklist
    # for the erase item in Orthomatic (show its text, tick it off).
    offered = set(re.findall(r'"action_id": "klacht\.([a-z_]+)\.', redrawn))
    assert offered <= {"mirror_text", "mirror_tick"}
    lines = slack_api.to("chat.postMessage", thread_ts=card["ts"])
    assert "Dossier geanonimiseerd" in json.dumps(lines[-1], ensure_ascii=False)

    # What stays in the outbox names no customer either; the checklist line waits.
    items = await bot.outbox.items(OutboxStatus.DELIVERED, limit=1000)
    kept = json.dumps([i.payload for i in items if i.dossier_number == number])
    assert [s for s in SECRETS if s.lower() in kept.lower()] == []
    [erase] = await bot.outbox.items(OutboxStatus.MANUAL, channel=MIRROR)
    assert erase.payload["kind"] == "erase" and erase.payload["documents"] == 1
