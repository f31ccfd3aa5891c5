"""One bot per platform, driven only through that platform's public door.

Slack: signed HTTP requests to the bot's `/slack/events`, its Web API played by the
stand-in of the Slack tests. Teams: activities POSTed to `/api/messages`, its
connector played by the stand-in of the Teams tests. Each world has its own copy
of one migrated database with the same people, so the same dossier gets the same
number in both and what is recorded can be compared as it is.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import select

from bot.entry.bootstrap import Klachtenbot, build, build_core
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.settings import Settings
from storage.migrate import upgrade
from storage.tables import events, outbox, people, person_roles
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.signing import SECRET, SlackSends, button
from tests.adapters.teams.client import (
    COORDINATORS,
    DIRECTIE,
    Teams,
    User,
    action,
    actions,
    valid_card,
)
from tests.adapters.teams.conftest import fetch_from, start, teams_settings, vouched
from tests.adapters.teams.connector import Connector
from tests.bot.use_cases.documents.support import a_pdf
from tests.conftest import Clock
from tests.parity import neutral
from tests.parity.neutral import Shown

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SLACK_COORDINATORS = "CCOORD"
SLACK_DIRECTIE = "CDIR"

# The people of the spec's roles, known on both platforms; `unknown` is known to neither.
# Sanne may own a dossier (the directie's new owner); Cor is new, for `rol`.
STAFF: dict[str, tuple[str, Role | None, str, str]] = {
    "coordinator": ("Anna de Vries", Role.COORDINATOR, "UANNA", "aad-anna"),
    "owner": ("Piet Jansen", Role.MEDEWERKER, "UPIET", "aad-piet"),
    "directie": ("Dirk Bos", Role.DIRECTIE, "UDIRK", "aad-dirk"),
    "beheerder": ("Bea Beheer", Role.BEHEERDER, "UBEA", "aad-bea"),
    "sanne": ("Sanne Smit", Role.MEDEWERKER, "USANNE", "aad-sanne"),
    "unknown": ("Olga Onbekend", None, "UOLGA", "aad-olga"),
    "newcomer": ("Cor Nieuw", None, "UCOR", "aad-cor"),
}


async def template(url: str) -> None:
    """A migrated database with the staff, copied for every world."""
    await upgrade(url)
    core = build_core(Settings(database_url=url))
    for label, (name, role, slack_id, aad) in STAFF.items():
        if role is not None:
            email = f"{label}@example.nl"
            await core.staff.add(None, name, [role], email, slack_id, teams_aad_id=aad)
    await core.engine.dispose()


def _settings(url: str, **chat: Any) -> Settings:
    return Settings(
        database_url=url,
        # No scheduler: the deadline sweep runs when a row says so, at the row's moment.
        scheduler_enabled=False,
        # Links and e-mail on, so that every card task has its button.
        public_url="http://127.0.0.1:9",
        link_secret="parity",
        smtp_host="127.0.0.1",
        smtp_from="klachten@example.nl",
        **chat,
    )


@dataclass
class Recorded:
    """What an interaction left in the database: timeline, outbox, people."""

    timeline: list[tuple[str, str]]  # (action, actor's role)
    outbox: list[tuple[str, str, str]]  # (channel, kind, recipient)
    people: list[tuple[str, str]]  # (name, roles) of everyone, after ("inactief": deactivated)


def _roles(person_id: int, active: bool, roles: Any) -> str:
    held = sorted(str(r["role"]) for r in roles if r["person_id"] == person_id)
    return ",".join(held + ([] if active else ["inactief"]))


# `@label` in what the spec types names the colleague of that label in STAFF, mentioned
# as each chat mentions someone.
MENTION = re.compile(r"@(\w+)")


@dataclass
class World:
    platform: str
    bot: Klachtenbot
    runner: web.AppRunner
    people: dict[str, Person] = field(default_factory=dict)
    number: str = ""
    orthomatic: Any = None  # the stand-in bridge, where a row needs the mirror to refuse

    def role_of(self, person_id: int | None) -> str:
        for label, person in self.people.items():
            if person.id == person_id:
                return label
        return "system" if person_id == 0 else str(person_id)

    async def load_people(self) -> None:
        for label, (_, role, _, aad) in STAFF.items():
            if role is not None:
                person = await self.bot.staff.by_teams(aad, None)
                assert person is not None
                self.people[label] = person

    async def mark(self) -> tuple[int, int]:
        """Where the timeline and the outbox stand before the interaction."""
        async with self.bot.engine.connect() as conn:
            last_event = (
                await conn.execute(select(events.c.id).order_by(events.c.id.desc()))
            ).first()
            last_item = (
                await conn.execute(select(outbox.c.id).order_by(outbox.c.id.desc()))
            ).first()
        return (last_event[0] if last_event else 0, last_item[0] if last_item else 0)

    async def recorded(self, since: tuple[int, int]) -> Recorded:
        async with self.bot.engine.connect() as conn:
            timeline = (
                await conn.execute(
                    select(events.c.action, events.c.actor_id)
                    .where(events.c.id > since[0])
                    .order_by(events.c.id)
                )
            ).all()
            items = (
                await conn.execute(
                    select(outbox.c.channel, outbox.c.payload)
                    .where(outbox.c.id > since[1])
                    .order_by(outbox.c.id)
                )
            ).all()
            staff = (await conn.execute(select(people.c.id, people.c.name, people.c.active))).all()
            roles = (await conn.execute(select(person_roles))).mappings().all()
        return Recorded(
            timeline=[(a, self.role_of(actor)) for a, actor in timeline],
            outbox=sorted(self._item(channel, payload) for channel, payload in items),
            people=sorted((name, _roles(pid, active, roles)) for pid, name, active in staff),
        )

    def _item(self, channel: str, payload: Any) -> tuple[str, str, str]:
        payload = json.loads(payload) if isinstance(payload, str) else dict(payload)
        # The platform's own name is the one thing that must differ.
        channel = "chat" if channel == self.platform else channel
        kind = str(payload.get("kind", ""))
        if kind == "notice":
            notice = payload["notice"]
            recipient = str(notice["audience"])
            if notice.get("person_id") is not None:
                recipient = self.role_of(notice["person_id"])
            return (channel, kind, recipient)
        person = payload.get("person_id")
        return (channel, kind, self.role_of(person) if person is not None else "")

    def _value(self, value: str) -> str:
        """A person picked in a form: both chats offer the core's list, by its ids."""
        return str(self.people[value[1:]].id) if value.startswith("@") else value

    def own_ids(self, shown: Shown) -> Shown:
        """What was shown, with each person's id on this platform (a Slack user id, an
        Entra id) read as the same name on both: the platforms' own identifiers."""
        column = 2 if self.platform == "slack" else 3
        ids = {STAFF[label][column]: f"<id:{label}>" for label in STAFF}
        found = re.compile("|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)))
        return tuple(found.sub(lambda m: ids[m.group(0)], line) for line in shown)

    async def close(self) -> None:
        await self.runner.cleanup()
        await self.bot.close()


async def until(condition: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = condition()
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the platform showed nothing")
        await asyncio.sleep(0.01)


# -- Slack ------------------------------------------------------------------------------------


class SlackWorld(World):
    fake: FakeSlack
    sends: SlackSends
    session: aiohttp.ClientSession

    @classmethod
    async def open(cls, db: str, clock: Clock, **more: Any) -> SlackWorld:
        fake = FakeSlack()
        await fake.start()
        for _, (name, _, slack_id, _) in STAFF.items():
            fake.names[slack_id] = name
        bot = build(
            _settings(
                db,
                slack_bot_token="xoxb-test-token",
                slack_signing_secret=SECRET,
                slack_api_url=fake.api_url,
                slack_coordinator_channel=SLACK_COORDINATORS,
                slack_directie_channel=SLACK_DIRECTIE,
                **more,
            )
        )
        bot.complaints.clock = clock
        runner, url = await start(bot)
        world = cls("slack", bot, runner)
        world.fake = fake
        world.session = aiohttp.ClientSession()
        world.sends = SlackSends(world.session, f"{url}/slack/events", fake.url)
        await world.load_people()
        return world

    async def close(self) -> None:
        await self.session.close()
        await super().close()
        await self.fake.stop()

    def _seen(self) -> tuple[int, int, int]:
        f = self.fake
        return (len(f.responses), len(f.answers("views.open")), len(f.to("chat.postEphemeral")))

    async def _shown_after(self, before: tuple[int, int, int]) -> Shown:
        await until(lambda: self._seen() != before)
        await asyncio.sleep(0.05)  # anything that follows at once
        f = self.fake
        if len(f.answers("views.open")) > before[1]:
            self.view = f.answers("views.open")[-1]["view"]
            return neutral.slack_view(self.view)
        if len(f.responses) > before[0]:
            answer = f.responses[-1]
            return neutral.slack_message(answer.get("text"), answer.get("blocks"))
        ephemeral = f.to("chat.postEphemeral")[-1]
        return neutral.slack_message(ephemeral.get("text"), ephemeral.get("blocks"))

    async def say(self, who: str, text: str) -> Shown:
        before = self._seen()
        text = MENTION.sub(lambda m: f"<@{STAFF[m.group(1)][2]}>", text)
        status, _ = await self.sends.command(STAFF[who][2], text.removeprefix("klacht").strip())
        assert status == 200
        return await self._shown_after(before)

    async def _card_of(self, holder: str) -> list[dict[str, Any]]:
        before = self._seen()
        await self.sends.command(STAFF[holder][2], f"toon {self.number}")
        await until(lambda: self._seen() != before)
        return self.fake.responses[-1]["blocks"]

    async def click(
        self, who: str, name: str, data: dict[str, str], values: dict[str, str], holder: str
    ) -> list[Shown]:
        clicked = button(await self._card_of(holder), name, **data)
        before = self._seen()
        status, _ = await self.sends.click(STAFF[who][2], clicked, channel=SLACK_COORDINATORS)
        assert status == 200
        shown = [await self._shown_after(before)]
        if len(self.fake.answers("views.open")) == before[1]:
            return shown
        return [*shown, await self._submitted(who, values)]

    async def fill_in(self, who: str, typed: str, values: dict[str, str]) -> list[Shown]:
        """A command that opens a form, and the form submitted."""
        before = self._seen()
        shown = [await self.say(who, typed)]
        if len(self.fake.answers("views.open")) == before[1]:
            return shown
        return [*shown, await self._submitted(who, values)]

    async def _submitted(self, who: str, values: dict[str, str]) -> Shown:
        """The open modal submitted with `values`: its errors, or what it turned into."""
        filled = {k: self._value(v) for k, v in values.items()}
        status, body = await self.sends.submit(STAFF[who][2], self.view, filled)
        assert status == 200, body
        answer = json.loads(body) if body else {}
        if answer.get("response_action") == "errors":
            return neutral.slack_errors(answer["errors"])
        return neutral.slack_view(answer["view"])

    async def _thread(self) -> str:
        """The coordinators' card of the dossier, delivered and remembered."""
        await self.bot.dispatcher.drain()
        posts = [
            c
            for c in self.fake.calls
            if c.method == "chat.postMessage"
            and c.args.get("channel") == SLACK_COORDINATORS
            and not c.args.get("thread_ts")
        ]
        return str(posts[-1].answer["ts"])

    async def open_thread(self) -> None:
        self.thread = await self._thread()

    async def note(self, who: str, text: str, file: bytes | None = None) -> Shown:
        thread = self.thread
        event: dict[str, Any] = {
            "type": "message",
            "channel": SLACK_COORDINATORS,
            "user": STAFF[who][2],
            "text": text,
            "ts": "1700000500.000001",
            "thread_ts": thread,
        }
        if file is not None:
            self.fake.files["F1"] = file
            event["subtype"] = "file_share"
            event["files"] = [
                {
                    "id": "F1",
                    "name": "brief.pdf",
                    "title": "brief.pdf",
                    "mimetype": "application/pdf",
                    "size": len(file),
                    "url_private": self.fake.file_url("F1"),
                    "url_private_download": self.fake.file_url("F1"),
                }
            ]
        before, since = self._seen(), await self.mark()
        status, _ = await self.sends.event(event, "EvParity1")
        assert status == 200

        async def recorded() -> bool:
            return bool((await self.recorded(since)).timeline)

        # Nothing is said when the note is kept: wait for it, or for the answer.
        for _ in range(1500):
            if self._seen() != before or await recorded():
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        if self._seen() == before:
            return ()
        return await self._shown_after(before)


# -- Teams ------------------------------------------------------------------------------------


class TeamsWorld(World):
    connector: Connector
    teams: Teams
    connector_runner: web.AppRunner

    @classmethod
    async def open(cls, db: str, clock: Clock, sdk: str = "botbuilder", **more: Any) -> TeamsWorld:
        connector = Connector()
        connector_runner = web.AppRunner(connector.app())
        await connector_runner.setup()
        site = web.TCPSite(connector_runner, "127.0.0.1", 0)
        await site.start()
        connector.url = f"http://127.0.0.1:{connector_runner.addresses[0][1]}/"
        # As the Teams tests configure it: local mode, the two channels.
        teams = teams_settings("sqlite://")
        names = ("teams_local", "teams_coordinator_conversation", "teams_directie_conversation")
        bot = build(_settings(db, teams_sdk=sdk, **{k: getattr(teams, k) for k in names}, **more))
        bot.complaints.clock = clock
        fetch_from(bot, connector)
        runner, url = await start(bot)
        world = cls("teams", bot, runner)
        world.connector, world.connector_runner = connector, connector_runner
        world.teams = Teams(url + "/api/messages", connector.url)
        world.teams.vouch = lambda activity: vouched(bot, activity)
        for label in ("newcomer", "sanne"):  # the colleagues the spec mentions
            name, _, _, aad = STAFF[label]
            connector.members[User(name, aad).id] = {
                **User(name, aad).account(),
                "email": f"{label}@example.nl",
            }
        await world.load_people()
        return world

    async def close(self) -> None:
        await super().close()
        for card in self.connector.cards():  # every card the bot sent is a valid Adaptive Card
            valid_card(card)
        await self.connector_runner.cleanup()

    @staticmethod
    def user(who: str) -> User:
        name, _, _, aad = STAFF[who]
        return User(name, aad)

    def _answer(self, before: int) -> Shown:
        new = self.connector.calls[before:]
        assert new, "Teams was told nothing"
        call = new[-1]
        if call.card is not None:
            return neutral.teams_card(call.card)
        return neutral.teams_text(call.body.get("text") or "")

    async def say(self, who: str, text: str) -> Shown:
        before = len(self.connector.calls)
        user = self.user(who)
        named = MENTION.search(text)
        if named:
            colleague = self.user(named.group(1))
            activity = self.teams._base("message", user, self.teams.personal(user))
            tag = f"<at>{colleague.name}</at>"
            activity["text"] = text.replace(named.group(0), tag)
            activity["entities"] = [
                {"type": "mention", "text": tag, "mentioned": colleague.account()}
            ]
            status, _ = await self.teams.post(activity)
        else:
            status, _ = await self.teams.say(user, text)
        assert status in (200, 201), status
        return self._answer(before)

    async def _card_of(self, holder: str) -> dict[str, Any]:
        before = len(self.connector.calls)
        await self.teams.say(self.user(holder), f"klacht toon {self.number}")
        card = self.connector.calls[before:][-1].card
        assert card is not None
        return card

    async def click(
        self, who: str, name: str, data: dict[str, str], values: dict[str, str], holder: str
    ) -> list[Shown]:
        card = await self._card_of(holder)
        clicked = _execute(card, name, data)
        user = self.user(who)
        answer = await self.teams.click(user, clicked, channel=COORDINATORS)
        if clicked["verb"] == "confirm" and _has(answer, name, "open"):
            # Adaptive Cards have no confirm dialog: Teams shows a card that asks first, where
            # Slack's own dialog asks before the click reaches the bot. Yes, then.
            answer = await self.teams.click(user, action(answer, name, "open"))
        shown = [neutral.teams_card(answer)]
        # A form opened: a step's own, or the form a task opens (a letter's).
        form = name if _has(answer, name, "submit") else _submitted_as(answer)
        if form:
            # Teams sends every input of the form, with what it showed unless changed.
            filled = {e["id"]: e["value"] for e in _inputs(answer) if "value" in e}
            filled |= {k: self._value(v) for k, v in values.items()}
            answer = await self.teams.click(user, action(answer, form, "submit"), filled)
            shown.append(neutral.teams_card(answer))
        return shown

    async def fill_in(self, who: str, typed: str, values: dict[str, str]) -> list[Shown]:
        """A command that answers with a form card, and the form submitted."""
        shown = [await self.say(who, typed)]
        form = self.connector.calls[-1].card or {}
        submits = [a for a in actions(form) if a.get("verb") == "submit"]
        if not submits:
            return shown
        filled = {e["id"]: e["value"] for e in _inputs(form) if "value" in e}
        filled |= {k: self._value(v) for k, v in values.items()}
        answer = await self.teams.click(self.user(who), submits[0], filled)
        return [*shown, neutral.teams_card(answer)]

    async def open_thread(self) -> None:
        """The dossier's card posted in the coordinators' channel: its thread is the dossier's."""
        await self.teams.added(self.user("coordinator"), channel=COORDINATORS)
        await self.bot.dispatcher.drain()
        [self.root] = [
            c.response_id
            for c in self.connector.sent("send")
            if c.conversation_id == COORDINATORS and c.card is not None
        ][-1:]

    async def note(self, who: str, text: str, file: bytes | None = None) -> Shown:
        root = self.root
        attachments = None
        if file is not None:
            self.connector.files["brief.pdf"] = file
            attachments = [
                {
                    "contentType": "application/vnd.microsoft.teams.file.download.info",
                    "contentUrl": "https://werkplaats.example/sites/klachten/brief.pdf",
                    "content": {"downloadUrl": self.connector.file_url("brief.pdf")},
                    "name": "brief.pdf",
                }
            ]
        before = len(self.connector.calls)
        status, _ = await self.teams.say(
            self.user(who),
            text,
            channel=COORDINATORS,
            thread=root,
            activity_id="parity-1",
            attachments=attachments,
        )
        assert status in (200, 201), status
        if len(self.connector.calls) == before:
            return ()
        return self._answer(before)


def _execute(card: dict[str, Any], name: str, data: dict[str, str]) -> dict[str, Any]:
    for a in actions(card):
        control = (a.get("data") or {}).get("klachtenbot", {})
        if control.get("action") == name and all(a["data"].get(k) == v for k, v in data.items()):
            return a
    raise AssertionError(f"no {name} {data} among {[a['title'] for a in actions(card)]}")


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in card.get("body", []) if str(e.get("type", "")).startswith("Input.")]


def _submitted_as(card: dict[str, Any]) -> str | None:
    """The action a form card submits, when the card is a form."""
    from tests.adapters.teams.client import actions

    if not _inputs(card):
        return None
    names = [
        (a.get("data") or {}).get("klachtenbot", {}).get("action")
        for a in actions(card)
        if a.get("verb") == "submit"
    ]
    return names[0] if len(names) == 1 else None


def _has(card: dict[str, Any], name: str, verb: str) -> bool:
    return any(
        a.get("verb") == verb and (a.get("data") or {}).get("klachtenbot", {}).get("action") == name
        for a in actions(card)
    )


class Databases:
    """Where each world's database comes from: a copy of one template, made once."""

    async def fresh(self, name: str) -> str:
        raise NotImplementedError


class SqliteDatabases(Databases):
    def __init__(self, template: Path, folder: Path) -> None:
        self.template, self.folder = template, folder

    async def fresh(self, name: str) -> str:
        path = self.folder / f"{name}.db"
        shutil.copy(self.template, path)
        return f"sqlite:///{path}"


class PostgresDatabases(Databases):
    """PostgreSQL copies a database from a template itself (CREATE DATABASE ... TEMPLATE)."""

    def __init__(self, admin: Callable[[str], None], base: str, template: str) -> None:
        self.admin, self.base, self.template = admin, base, template
        self.made: list[str] = []

    async def fresh(self, name: str) -> str:
        copy = f"{self.template}_{len(self.made)}_{name}"
        await asyncio.to_thread(self.admin, f'CREATE DATABASE "{copy}" TEMPLATE "{self.template}"')
        self.made.append(copy)
        return f"{self.base}/{copy}"

    def drop(self) -> None:
        for name in self.made:
            self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.clear()


async def open_world(
    platform: str,
    databases: Databases,
    clock: Clock,
    teams_sdk: str = "botbuilder",
    **more: Any,
) -> World:
    """A world of its own database; Teams' on the given SDK (KLACHTENBOT_TEAMS_SDK);
    `more` settings (Orthomatic)."""
    if platform == "slack":
        return await SlackWorld.open(await databases.fresh(platform), clock, **more)
    url = await databases.fresh(f"{platform}_{teams_sdk}")
    return await TeamsWorld.open(url, clock, teams_sdk, **more)


PDF = a_pdf


# -- notices: what reaches a person without their asking ------------------------------------------


async def open_inboxes(world: World) -> None:
    """Every person's chat and both channels reachable, and the dossier's card posted
    (a channel notice goes in the card's thread): then only what follows is counted."""
    if isinstance(world, TeamsWorld):
        for role in ("coordinator", "owner", "directie", "beheerder"):
            await world.teams.added(world.user(role))
        await world.teams.added(world.user("coordinator"), channel=COORDINATORS)
        await world.teams.added(world.user("directie"), channel=DIRECTIE)
    await world.bot.dispatcher.drain()
    world.inbox_mark = _sent(world)  # type: ignore[attr-defined]


def _sent(world: World) -> int:
    if isinstance(world, SlackWorld):
        return len(world.fake.calls)
    assert isinstance(world, TeamsWorld)
    return len(world.connector.calls)


async def received(world: World, role: str) -> list[Shown]:
    """What `role` was sent since `open_inboxes`: their direct messages, and the posts in
    the channel of their role (the coordinators' or the directie's)."""
    await world.bot.dispatcher.drain()
    since: int = world.inbox_mark  # type: ignore[attr-defined]
    if isinstance(world, SlackWorld):
        places = {STAFF[role][2]}
        places |= {"coordinator": {SLACK_COORDINATORS}, "directie": {SLACK_DIRECTIE}}.get(
            role, set()
        )
        return [
            neutral.slack_message(c.args.get("text"), c.args.get("blocks"))
            for c in world.fake.calls[since:]
            if c.method == "chat.postMessage" and c.args.get("channel") in places
        ]
    assert isinstance(world, TeamsWorld)
    places = {Teams.personal(world.user(role))["id"]}
    places |= {"coordinator": {COORDINATORS}, "directie": {DIRECTIE}}.get(role, set())
    return [
        neutral.teams_card(c.card) if c.card else neutral.teams_text(c.body.get("text") or "")
        for c in world.connector.calls[since:]
        if c.method == "send" and c.conversation_id.split(";")[0] in places
    ]
