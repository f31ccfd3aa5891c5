"""Every row of the parity spec, for every role, on Slack and on Teams: the same
scenario on both, compared by what the person is shown and what is recorded. Teams
runs it on both of its SDKs (botbuilder and the Agents SDK), which must agree exactly.

Each case builds the dossier's stage through the core (`bot.complaints`), then does
only the interaction under test through the platform's public door: a signed
request to `/slack/events`, an activity to `/api/messages`. Where the platforms
differ today for no platform reason the case is an expected failure and `spec.DRIFT`
says what differs; what is recorded must agree even then, and a difference that is
gone fails the case until its entry is removed.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.catalogue import messages
from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Escalate,
    Evaluate,
    MarkHandled,
)
from bot.rules.workdays import utcnow
from bot.use_cases.letters.kinds import BY_NAME
from bot.use_cases.reminders import reminders_for
from tests.adapters.orthomatic.standin import TOKEN, StandInBridge
from tests.conftest import PG_ADMIN_URL, REQUIRE_POSTGRES, Clock, _pg_admin
from tests.helpers import registration
from tests.parity.neutral import Shown
from tests.parity.spec import (
    DRIFT,
    NUMBER,
    PLATFORMS,
    RECORDED_DIFFERENTLY,
    ROLES,
    SPEC,
    Row,
    size,
)
from tests.parity.world import (
    NOW,
    PDF,
    Databases,
    PostgresDatabases,
    Recorded,
    SqliteDatabases,
    World,
    open_inboxes,
    open_world,
    received,
    template,
)

PROGRESS = BY_NAME["voortgangsbericht"]  # the letter of the "concept" stage


@dataclass
class Outcome:
    shown: list[Shown]
    recorded: Recorded
    loads: int = 0  # a race row: how often a step read the dossier to write it


class Race:
    """The next step that writes meets a concurrent change, as two people on one card do.

    Right after the step read the dossier in its transaction, the coordinator's note is
    committed through the core on another connection; the step's write then finds
    another version of the dossier, is refused by the database's check, and is tried
    again by the chat layer. `loads` counts the reads of the dossier to write it: the
    step, the note, and the step once more when it was tried again.
    """

    def __init__(self, world: World) -> None:
        self.world, self.loads = world, 0
        complaints = world.bot.complaints
        self.load = complaints.load_dossier
        complaints.load_dossier = self._loaded  # type: ignore[method-assign]

    async def _loaded(self, uow: Any, number: str) -> Any:
        dossier = await self.load(uow, number)
        if getattr(uow, "readonly", False):  # showing a card is no step
            return dossier
        self.loads += 1
        if self.loads == 1:
            p = self.world.people
            await self.world.bot.complaints.act(
                p["coordinator"], NUMBER, AddNote(text="Klant belde tussendoor")
            )
        return dossier


async def stage(world: World, name: str) -> None:
    """The dossier brought to a stage of the procedure through the core, as any chat would;
    `+inactief:LABEL` then has a beheerder deactivate that person."""
    name, _, gone = name.partition("+inactief:")
    await _dossier_stage(world, name)
    if gone:
        await world.bot.staff.deactivate(world.people["beheerder"], world.people[gone].id)


async def _dossier_stage(world: World, name: str) -> None:
    if name == "-":
        return
    c, p = world.bot.complaints, world.people
    customer = {"customer_email": "klant@example.nl", "customer_address": "Dorpsstraat 3"}
    await c.register(p["coordinator"], registration(**customer))
    steps = {
        "ontvangen": [],
        "toegewezen": ["assign"],
        "toegewezen-bevestigd": ["assign", "acknowledge"],
        "geescaleerd": ["assign", "escalate"],
        "afgehandeld": ["assign", "acknowledge", "handled"],
        "geevalueerd": ["assign", "acknowledge", "handled", "evaluate"],
        "gesloten": ["assign", "acknowledge", "handled", "evaluate", "close"],
        "concept": ["assign", "letter"],  # a progress message written, to go by post
    }[name]
    done = {
        "assign": ("coordinator", Assign(owner_id=p["owner"].id)),
        "escalate": ("owner", Escalate(reason="Lukt niet")),
        "acknowledge": ("coordinator", Acknowledge(sent_on=date(2026, 11, 24), method="post")),
        "handled": ("owner", MarkHandled(solution="Zool vervangen")),
        "evaluate": ("coordinator", Evaluate(outcome="Tevreden", customer_agrees=True)),
        "close": ("coordinator", Close()),
    }
    for step in steps:
        if step == "letter":
            values = {"text": "Wij bellen u volgende week", "method": "post"}
            await world.bot.letters.write(p["coordinator"], NUMBER, PROGRESS, values)
            continue
        who, action = done[step]
        await c.act(p[who], NUMBER, action)


async def perform(world: World, row: Row, role: str) -> Outcome:
    """The row's interaction by `role`, after the dossier was brought to the row's stage."""
    await stage(world, row.stage)
    world.number = NUMBER
    if row.kind in ("note", "file"):
        await world.open_thread()  # type: ignore[attr-defined]
    if row.kind == "notice":
        return await notice(world, row, role)
    since = await world.mark()
    race = Race(world) if row.kind == "race" else None
    if row.kind == "command":
        shown = [await world.say(role, row.does)]
    elif row.kind == "form":
        typed = row.does.split(":", 1)[1]
        shown = await world.fill_in(role, typed, row.fill)  # type: ignore[attr-defined]
    elif row.kind in ("button", "task", "race"):
        name = row.does.split(":", 1)[1]
        shown = await world.click(role, name, row.data, row.fill, row.card_of)  # type: ignore[attr-defined]
    elif row.kind == "note":
        shown = [await world.note(role, "Klant belde terug")]  # type: ignore[attr-defined]
    else:
        shown = [await world.note(role, "", file=PDF())]  # type: ignore[attr-defined]
    shown = [world.own_ids(s) for s in shown]
    return Outcome(shown, await world.recorded(since), race.loads if race else 0)


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


async def notice(world: World, row: Row, role: str) -> Outcome:
    """What `role` is sent after someone else's step, the sweep, the digest, or a refusal
    by Orthomatic; the sweeps at the moments before the last went before, uncounted."""
    cause, *moments = row.does.split(":", 1)[1].split()
    if cause == "orthomatic":
        # The bridge is away when the new dossier is first sent: the card is posted, and
        # the mirror's item waits for its retry.
        assert isinstance(world.orthomatic, StandInBridge)
        world.orthomatic.fail_next("503")
    await open_inboxes(world)
    reminders = reminders_for(world.bot)
    for moment in moments[:-1]:
        await reminders.sweep.run(_at(moment))
    if moments[:-1]:
        await open_inboxes(world)  # what they were sent is delivered, and not counted
    since = await world.mark()
    c, p = world.bot.complaints, world.people
    if cause == "assign":
        await c.act(p["coordinator"], NUMBER, Assign(owner_id=p["owner"].id))
    elif cause == "escalate":
        await c.act(p["owner"], NUMBER, Escalate(reason="Lukt niet"))
    elif cause == "sweep":
        await reminders.sweep.run(_at(moments[-1]))
    elif cause == "digest":
        await reminders.digest.run(_at(moments[-1]))
    else:  # "orthomatic": at the retry the bridge refuses it (a wrong customer number)
        assert cause == "orthomatic" and isinstance(world.orthomatic, StandInBridge)
        world.orthomatic.fail_next("422")
        world.bot.dispatcher.clock = lambda: utcnow() + timedelta(hours=1)  # past the backoff
    shown = [world.own_ids(s) for s in await received(world, role)]
    return Outcome(shown, await world.recorded(since))


def _fixed_start(key: str) -> str:
    """A catalogue sentence up to its first parameter: what every refusal with it says."""
    return messages()[key][0].split("{")[0].strip()


def recording_problems(row: Row, role: str, outcome: Outcome, platform: str) -> list[str]:
    """Where what `platform` recorded is not what the spec says."""
    steps = [action for action, _ in outcome.recorded.timeline]
    expected = list(row.records) if role in row.may or row.kind == "notice" else []
    problems = []
    if row.kind == "race" and role != "unknown":
        # The concurrent note is recorded first; the step after it, when it may be done.
        expected = ["add_note", *expected]
        loads = 3 if role in row.may else 2  # tried again only when it got as far as writing
        if outcome.loads != loads:
            problems.append(f"{platform}: the step read the dossier {outcome.loads}x, not {loads}")
    if steps != expected:
        problems.append(f"{platform} recorded {outcome.recorded.timeline}, not {expected}")
    if row.grants:
        name, roles = row.grants.split(": ")
        granted = (name, roles) in outcome.recorded.people
        if granted != (role in row.may):
            problems.append(f"{platform}: {name} has {outcome.recorded.people}")
    return problems


def showing_problems(row: Row, role: str, outcome: Outcome, platform: str) -> list[str]:
    """Where what `platform` showed is not what the spec says: the refusal's sentence, or
    (for a notice) whether this person was told at all."""
    if row.kind == "notice":
        if bool(outcome.shown) != (role in row.may):
            return [f"{platform} told {role}: {outcome.shown}"]
        return []
    if role in row.may or not row.refusal or role == "unknown":
        return []
    said = " ".join(" ".join(s) for s in outcome.shown)
    keys = row.refusal.split()
    if not any(_fixed_start(key) in said for key in keys):
        return [f"{platform} refused {role} without {keys}: {outcome.shown}"]
    return []


# The rows also run on PostgreSQL: a step, a directie choice, a note in the thread, a
# list, a notice and a card task (the whole table on one engine is enough for parity).
ON_POSTGRES = ("assign", "decide-nieuwe-eigenaar", "thread-note", "lijst-alle",
               "told-on-escalate", "letter-post")  # fmt: skip


def _cases() -> list[object]:
    # Two writers never interleave on SQLite (each transaction begins IMMEDIATE): a race
    # can only be run where it can happen.
    cases = [
        pytest.param(row, role, "sqlite", id=f"{row.name}-{role}")
        for row in SPEC
        if row.kind != "race"
        for role in ROLES
    ]
    cases += [
        pytest.param(row, role, "postgresql", id=f"{row.name}-{role}-postgresql")
        for row in SPEC
        if row.name in ON_POSTGRES or row.kind == "race"
        for role in ROLES
    ]
    return cases


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database with the staff for the whole module; each case copies it."""
    path = tmp_path_factory.mktemp("parity") / "template.db"
    asyncio.run(template(f"sqlite:///{path}"))
    return path


@pytest.fixture(scope="module")
def postgres_template() -> Iterator[str]:
    """The same on PostgreSQL: a template database, dropped with the module."""
    import psycopg

    try:
        _pg_admin("SELECT 1")
    except psycopg.Error as error:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required: {error}")
        pytest.skip(f"no PostgreSQL reachable at {PG_ADMIN_URL}")
    name = f"parity_{uuid.uuid4().hex[:8]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        asyncio.run(template(f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"))
        yield name
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def databases(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    if engine == "sqlite":
        yield SqliteDatabases(request.getfixturevalue("sqlite_template"), tmp_path)
        return
    made = PostgresDatabases(
        _pg_admin, PG_ADMIN_URL.rsplit("/", 1)[0], request.getfixturevalue("postgres_template")
    )
    yield made
    made.drop()


@pytest.mark.parametrize(("row", "role", "engine"), _cases())
async def test_both_chats_show_and_record_the_same(
    row: Row, role: str, databases: Databases
) -> None:
    async def outcome(platform: str, teams_sdk: str = "botbuilder") -> Outcome:
        bridge = StandInBridge() if row.does == "notice:orthomatic" else None
        more = {}
        if bridge is not None:
            more = {"orthomatic_url": await bridge.start(), "orthomatic_token": TOKEN}
        world = await open_world(platform, databases, Clock(NOW), teams_sdk, **more)
        world.orthomatic = bridge
        try:
            return await perform(world, row, role)
        finally:
            await world.close()
            if bridge is not None:
                await bridge.stop()

    outcomes = {platform: await outcome(platform) for platform in PLATFORMS}
    slack, teams = outcomes["slack"], outcomes["teams"]
    # Teams on its other SDK shows and records exactly what it does on botbuilder, drift
    # from Slack included: the SDK is no reason for a difference.
    agents = await outcome("teams", "agents")
    # (In `difference`'s words, "slack" is Teams on botbuilder and "teams" on the Agents SDK.)
    assert agents.recorded == teams.recorded, difference(
        "recorded", teams.recorded, agents.recorded
    )
    assert agents.shown == teams.shown, difference("shown", teams.shown, agents.shown)
    recording, showing = [], []
    if slack.recorded != teams.recorded:
        recording.append(difference("recorded", slack.recorded, teams.recorded))
    for platform, seen in outcomes.items():
        recording += recording_problems(row, role, seen, platform)
        showing += showing_problems(row, role, seen, platform)
    if slack.shown != teams.shown:
        showing.append(difference("shown", slack.shown, teams.shown))

    drift = DRIFT.get((row.name, role))
    if drift is None:
        assert not recording and not showing, recording + showing
        return
    # A known difference in words excuses no difference in what is recorded.
    if row.name not in RECORDED_DIFFERENTLY:
        assert not recording, recording
    assert recording or showing, f"{row.name}/{role} no longer differs: remove it from DRIFT"
    pytest.xfail(drift)


def difference(what: str, slack: object, teams: object) -> str:
    """The first place where the two chats part, short enough to read in a summary."""
    if isinstance(slack, Recorded) and isinstance(teams, Recorded):
        for name in ("timeline", "outbox", "people"):
            if getattr(slack, name) != getattr(teams, name):
                return f"{what} {name}: slack {getattr(slack, name)} | teams {getattr(teams, name)}"
    if isinstance(slack, list) and isinstance(teams, list):
        if len(slack) != len(teams):
            return f"{what}: slack {len(slack)} answers {slack} | teams {len(teams)} {teams}"
        for n, (a, b) in enumerate(zip(slack, teams, strict=True)):
            if a != b:
                lines = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
                first = lines[0] if lines else (a[len(b) :] or "-", b[len(a) :] or "-")
                return f"{what} #{n}: slack {first[0]!r} | teams {first[1]!r}"
    return f"{what}: slack {slack} | teams {teams}"


def test_the_spec_covers_every_step_task_scope_and_word() -> None:
    """A new step, task, scope or command word without a row fails here, not in a review."""
    from bot.chat.commands import _SCOPES, _VERBS
    from bot.rules.actions import ACTIONS
    from bot.use_cases.tasks import TASKS

    does = {r.does.split(":", 1)[-1] for r in SPEC if r.kind in ("button", "task")}
    assert set(ACTIONS) - {"register"} <= does, sorted(set(ACTIONS) - does)
    assert does >= TASKS, sorted(TASKS - does)
    typed = {r.does for r in SPEC if r.kind == "command"}
    for word in _SCOPES:
        assert any(t.endswith(f" {word}") for t in typed), word
    for word in _VERBS:
        assert any(t.split()[1:2] == [word] for t in typed), word
    interactions, roles, platforms = size()
    print(f"parity spec: {interactions} interactions x {roles} roles x {platforms} platforms")
