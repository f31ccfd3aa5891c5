"""Who is told what after each step: decided once, the same in Slack and in Teams.

The first tests read the decision itself; the last walks a dossier through a real
bot with both chats configured and compares what each platform's outbox holds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.chat.reactor import Kind, chat_reactor, told
from bot.entry.bootstrap import Klachtenbot, build
from bot.outbox.messages import OutboxStatus
from bot.rules.actions import (
    AddDocument,
    AddNote,
    Assign,
    Decide,
    Escalate,
    MarkHandled,
    ReportStatus,
)
from bot.settings import Settings
from tests.conftest import Clock
from tests.helpers import registration


def kinds(said: list) -> list[str]:  # type: ignore[type-arg]
    return [m.kind.value for m in said]


@pytest.fixture
async def both(database_url: str, clock: Clock) -> AsyncIterator[Klachtenbot]:
    """A bot with Slack and Teams both configured, nothing delivered."""
    settings = Settings(
        database_url=database_url,
        slack_bot_token="xoxb-test",
        slack_signing_secret="secret",
        slack_coordinator_channel="C0COORD",
        teams_local=True,
        teams_coordinator_conversation="19:coordinators@thread.tacv2",
    )
    app = build(settings)
    app.complaints.clock = clock
    yield app
    await app.close()


async def _walk(bot: Klachtenbot, team, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Register, assign, report, note, escalate and decide with `choice`."""
    c = bot.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number
    await c.act(team.coordinator, number, Assign(owner_id=team.owner.id))
    await c.act(team.owner, number, ReportStatus(text="Klant komt donderdag"))
    await c.act(team.owner, number, AddNote(text="Gebeld, geen gehoor"))
    await c.act(team.owner, number, Escalate(reason="Klant wil geld terug"))
    decision = {"choice": choice, "text": "Zo doen"}
    if choice == "nieuwe_eigenaar":
        decision["new_owner_id"] = team.other.id
    await c.act(team.directie, number, Decide.model_validate(decision))


async def _told(bot: Klachtenbot, platform: str) -> list[tuple]:
    """What one platform's outbox holds, without the platform's own name in it."""
    items = await bot.outbox.items(OutboxStatus.PENDING)
    found = []
    for item in items:
        if item.channel != platform:
            continue
        payload = dict(item.payload)
        found.append(
            (
                item.key.replace(platform, "<chat>", 1),
                item.queue.replace(platform, "<chat>", 1),
                tuple(sorted((k, str(v)) for k, v in payload.items())),
            )
        )
    return sorted(found)


@pytest.mark.parametrize("choice", ["nieuwe_eigenaar", "directie_neemt_over", "advies"])
async def test_slack_and_teams_are_told_the_same_after_every_step(both, team, choice):  # type: ignore[no-untyped-def]
    await _walk(both, team, choice)
    slack, teams = await _told(both, "slack"), await _told(both, "teams")
    assert slack and slack == teams
    dms = [dict(p)["person_id"] for _, _, p in slack if dict(p)["kind"] == Kind.OWNER]
    expected = {
        "nieuwe_eigenaar": [str(team.owner.id), str(team.other.id)],
        "directie_neemt_over": [str(team.owner.id)],  # the directie is not told its own step
        "advies": [str(team.owner.id)],
    }[choice]
    assert sorted(dms) == sorted(expected)
    directie = [p for _, _, p in slack if dict(p)["kind"] == Kind.DIRECTIE]
    assert len(directie) == 1


async def test_a_note_gets_a_line_without_its_text_and_a_document_a_line_too(both, team):  # type: ignore[no-untyped-def]
    c = both.complaints
    number = (await c.register(team.coordinator, registration())).dossier.number
    await c.act(team.coordinator, number, AddNote(text="Klant belde terug"))
    await c.act(
        team.coordinator,
        number,
        AddDocument(title="De brief van de klant", reference="brief.pdf"),
    )
    for platform in ("slack", "teams"):
        items = [i for i in await both.outbox.items(OutboxStatus.PENDING) if i.channel == platform]
        lines = [i.payload for i in items if i.payload["kind"] == Kind.LINE]
        assert [(p["action"], p["text"]) for p in lines] == [
            ("add_note", None),
            ("add_document", None),
        ], platform
        assert [i.payload["kind"] for i in items].count(Kind.CARD) == 3, platform


def test_the_decision_knows_no_platform() -> None:
    """A registration is the card alone; a handled step a card and a quoted line."""
    from datetime import UTC, datetime

    from bot.rules.events import Event
    from bot.rules.procedure import register
    from tests.adapters.teams.test_parity import COORDINATOR, NOW, OWNER

    terms = Settings(database_url="sqlite://").terms
    dossier = register(registration(), COORDINATOR, "K-2026-0001", NOW, terms).dossier
    registered = Event(
        dossier_number=dossier.number,
        seq=1,
        at=datetime(2026, 11, 24, tzinfo=UTC),
        actor_id=COORDINATOR.id,
        actor_name=COORDINATOR.name,
        action="register",
        data={},
        from_state=None,
        to_state=dossier.state,
    )
    assert kinds(told(registered, dossier)) == [Kind.CARD]
    handled = registered.model_copy(
        update={
            "seq": 2,
            "actor_id": OWNER.id,
            "action": MarkHandled.name,
            "data": {"solution": "x" * 600},
            "from_state": dossier.state,
        }
    )
    (card, line) = told(handled, dossier)
    assert (card.kind, line.kind) == (Kind.CARD, Kind.LINE)
    assert line.payload["text"] == "x" * 500 and line.payload["changed"] is False
    (message,) = [m for m in chat_reactor("slack")(handled, dossier) if m.payload["kind"] == "line"]
    assert message.key == "slack:line:K-2026-0001:2" and message.queue == "slack:K-2026-0001"
