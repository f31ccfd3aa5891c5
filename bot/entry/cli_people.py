"""`klachtenbot people`: who the bot knows, their roles, and the log of every change.

`--as NAME` names the beheerder who makes a change; without it the change is the
operator's, recorded in the staff log with their operating-system user (the first
beheerder is made this way, at installation).
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from bot.catalogue import format_datetime, t
from bot.rules.errors import Refused
from bot.rules.people import Operator, Person
from bot.rules.roles import parse_role
from bot.terminal import LANG, UsageError, print_json, print_table
from bot.use_cases.staff_log import StaffEntry


def add_commands(commands: Any) -> None:
    people = commands.add_parser("people", help="mensen en rollen")
    sub = people.add_subparsers(dest="people_command", required=True, parser_class=type(people))
    add = sub.add_parser("add", help="voeg iemand toe")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True)
    add.add_argument("--email")
    add.add_argument("--slack", help="Slack user id")
    add.add_argument("--teams-aad", help="Teams AAD object id")
    grant = sub.add_parser("grant", help="geef iemand een rol erbij")
    revoke = sub.add_parser("revoke", help="neem iemand een rol af")
    for parser in (grant, revoke):
        parser.add_argument("name")
        parser.add_argument("--role", required=True)
    deactivate = sub.add_parser("deactivate", help="zet iemand op non-actief (uit dienst)")
    activate = sub.add_parser("activate", help="laat iemand weer toe")
    for parser in (deactivate, activate):
        parser.add_argument("name")
    log = sub.add_parser("log", help="het logboek van alle wijzigingen in mensen en rollen")
    log.add_argument("--person", metavar="NAAM", help="alleen wat deze persoon betreft")
    listing = sub.add_parser("list", help="toon iedereen")
    for parser in (add, grant, revoke, deactivate, activate, log):
        parser.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
    for parser in (add, grant, revoke, deactivate, activate, log, listing):
        parser.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "people":
        return None
    command = args.people_command
    if command == "list":
        return _list(await bot.staff.all(), args.json)
    actor = await changer(bot, args.actor)
    staff = bot.staff
    if command == "log":
        about = await _person(bot, args.person) if args.person else None
        entries = await staff.log(actor, about.id if about else None)
        return _log(entries, args.json)
    if command == "add":
        roles = [parse_role(r) for r in args.role]
        person = await staff.add(actor, args.name, roles, args.email, args.slack, args.teams_aad)
        return _said(person, "cli.person_added", args.json, id=person.id, roles=_roles(person))
    person = await _person(bot, args.name)
    if command == "grant":
        person = await staff.grant(actor, person.id, parse_role(args.role))
        return _said(person, "cli.person_granted", args.json, roles=_roles(person))
    if command == "revoke":
        role = parse_role(args.role)
        person = await staff.revoke(actor, person.id, role)
        taken = t(f"role.{role.value}", LANG)
        return _said(person, "people.role_revoked", args.json, role=taken, roles=_roles(person))
    if command == "deactivate":
        done = await staff.deactivate(actor, person.id)
        key = "people.deactivated_with_dossiers" if done.open_dossiers else "people.deactivated"
        return _said(done.person, key, args.json, count=done.open_dossiers)
    person = await staff.activate(actor, person.id)
    return _said(person, "people.activated", args.json)


async def changer(bot: Any, actor: str | None) -> Person | Operator:
    """Who makes a change: the person named by `--as`, else the operator at this server."""
    if not actor:
        return Operator(os_user=_os_user())
    person = await bot.staff.lookup(actor)
    if person is None:
        raise UsageError(t("cli.actor_unknown", LANG, who=actor))
    return person


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name and no entry in the password database (a container)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"


async def _person(bot: Any, name: str) -> Person:
    person = await bot.staff.lookup(name)
    if person is None:
        raise Refused("person.unknown", person=name)
    return person


def _said(person: Person, key: str, as_json: bool, **params: Any) -> int:
    if as_json:
        print_json(person)
    else:
        print(t(key, LANG, name=person.name, **params))
    return 0


def _list(people: list[Person], as_json: bool) -> int:
    if as_json:
        print_json(people)
    elif not people:
        print(t("cli.no_people", LANG))
    else:
        yes, no = t("cli.yes", LANG), t("cli.no", LANG)
        print_table(
            ["#", "naam", "e-mail", "rollen", "actief", "slack", "teams"],
            [
                [
                    p.id,
                    p.name,
                    p.email or "",
                    _roles(p),
                    yes if p.active else no,
                    p.slack_user_id or "",
                    p.teams_aad_id or "",
                ]
                for p in people
            ],
        )
    return 0


def _log(entries: list[StaffEntry], as_json: bool) -> int:
    if as_json:
        print_json(entries)
        return 0
    if not entries:
        print(t("cli.staff_log_empty", LANG))
        return 0
    print_table(
        ["wanneer", "door", "via", "wijziging", "persoon", "rol"],
        [
            [
                format_datetime(e.at, LANG),
                who_changed(e),
                e.surface.value,
                t(f"staff_change.{e.change.value}", LANG),
                e.person_name,
                t(f"role.{e.role.value}", LANG) if e.role else "",
            ]
            for e in entries
        ],
    )
    return 0


def who_changed(entry: StaffEntry) -> str:
    if entry.actor_id is None:
        return t("staff_log.operator", LANG, user=entry.actor_name)
    return entry.actor_name


def _roles(person: Person) -> str:
    return ", ".join(t(f"role.{r.value}", LANG) for r in sorted(person.roles)) or "-"
