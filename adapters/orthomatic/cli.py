"""`klachtenbot mirror ...`: the mirror's backlog, its refusals, retries and the checklist."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.catalogue import t
from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL
from bot.outbox.mirror_checklist import MirrorChecklist
from bot.rules.people import Person
from bot.rules.workdays import utcnow
from bot.terminal import LANG, Parser, UsageError, print_json, print_table
from storage.mirror_records import MirrorRecords

from . import Mode, choose_mode


def add_commands(commands: Any) -> None:
    mirror = commands.add_parser("mirror", help=t("mirror.cli.help", LANG))
    sub = mirror.add_subparsers(dest="mirror_command", required=True, parser_class=Parser)
    status = sub.add_parser("status", help=t("mirror.cli.help_status", LANG))
    failed = sub.add_parser("failed", help=t("mirror.cli.help_failed", LANG))
    retry = sub.add_parser("retry", help=t("mirror.cli.help_retry", LANG))
    retry.add_argument("item", nargs="?", type=int)
    retry.add_argument("--all", action="store_true")
    retry.add_argument("--manual", action="store_true", help=t("mirror.cli.help_manual", LANG))
    checklist = sub.add_parser("checklist", help=t("mirror.cli.help_checklist", LANG))
    checklist.add_argument("number")
    checklist.add_argument("--save", type=Path, help="map voor de documenten om te uploaden")
    tick = sub.add_parser("tick", help=t("mirror.cli.help_tick", LANG))
    tick.add_argument("item", type=int)
    for parser in (checklist, tick):
        parser.add_argument("--as", dest="actor", default=None)
    for parser in (status, failed, retry, checklist, tick):
        parser.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "mirror":
        return None
    command = args.mirror_command
    if command == "status":
        return await _status(bot, args)
    if command == "failed":
        return await _failed(bot, args)
    if command == "retry":
        return await _retry(bot, args)
    checklist = MirrorChecklist(bot.outbox, bot.complaints.person)
    actor = await _actor(bot, args)
    if command == "tick":
        item = await checklist.tick(actor, args.item)
        if args.json:
            print_json(item)
        else:
            print(t("mirror.cli.ticked", LANG, item=item.id))
        return 0
    items = await checklist.unticked(actor, args.number)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print(t("mirror.cli.checklist_empty", LANG, number=args.number.upper()))
        return 0
    records = MirrorRecords(bot.engine)
    for item in items:
        print(f"[{item.id}] {item.date}  {item.employee}  {t(f'mirror.what.{item.kind}', LANG)}")
        for line in item.text.splitlines():
            print(f"    {line}")
        if item.document_id is not None:
            document = await records.document(item.document_id)
            if document is not None:
                name = document.filename
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    # The stored name is only a label; never let it choose the folder.
                    name = str(args.save / f"{item.id}-{Path(document.filename).name}")
                    Path(name).write_bytes(document.content)
                print("    " + t("mirror.cli.document", LANG, file=name))
    return 0


async def _status(bot: Any, args: argparse.Namespace) -> int:
    from .observe import backlog  # beside the web server's metrics: only when asked

    state = await backlog(bot)
    mode = choose_mode(bot.settings).value
    if args.json:
        print_json({"mode": mode, **state})
        return 0
    s = state["by_status"]
    oldest = (
        t(
            "mirror.cli.age",
            LANG,
            seconds=round(state["oldest_pending_seconds"]),
            at=_parse(state["oldest_pending"]),
        )
        if state["oldest_pending"]
        else t("mirror.cli.none", LANG)
    )
    print(
        t(
            "mirror.cli.status",
            LANG,
            mode=t(f"mirror.cli.mode.{mode}", LANG),
            pending=s["pending"],
            failed=s["failed"],
            dead=s["dead"],
            manual=s["manual"],
            delivered=s["delivered"],
            oldest=oldest,
        )
    )
    return 0


async def _failed(bot: Any, args: argparse.Namespace) -> int:
    items = [
        *await bot.outbox.items(OutboxStatus.FAILED, limit=1000, channel=CHANNEL),
        *await bot.outbox.items(OutboxStatus.DEAD, limit=1000, channel=CHANNEL),
    ]
    items.sort(key=lambda i: i.id)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print(t("mirror.cli.no_failed", LANG))
        return 0
    print_table(
        ["#", "dossier", "status", "pogingen", "sleutel", "reden"],
        [
            [i.id, i.dossier_number or "", i.status.value, i.attempts, i.key, i.last_error or ""]
            for i in items
        ],
    )
    return 0


async def _retry(bot: Any, args: argparse.Namespace) -> int:
    if args.manual:
        return await _hand_over(bot, args)
    if (args.item is None) == (not args.all):
        raise UsageError(t("mirror.cli.retry_what", LANG))
    count = await bot.outbox.retry(None if args.all else args.item, utcnow(), channel=CHANNEL)
    if args.json:
        print_json({"retried": count})
        return 0
    if not count and not args.all:
        print(
            t("cli.error", LANG, message=t("mirror.cli.nothing_to_retry", LANG, item=args.item)),
            file=sys.stderr,
        )
        return 2
    print(t("mirror.cli.retried", LANG, count=count))
    return 0


async def _hand_over(bot: Any, args: argparse.Namespace) -> int:
    """A bridge or folder arrived after a time by hand: what nobody ticked off yet goes
    to it now, in order per dossier (the dispatcher keeps each dossier's queue)."""
    if args.item is not None or args.all:
        raise UsageError(t("mirror.cli.manual_alone", LANG))
    if choose_mode(bot.settings) is Mode.MANUAL:
        raise UsageError(t("mirror.cli.manual_needs_bridge", LANG))
    count = await bot.outbox.retry(None, utcnow(), channel=CHANNEL, statuses=(OutboxStatus.MANUAL,))
    if args.json:
        print_json({"handed_over": count})
    else:
        print(t("mirror.cli.handed_over", LANG, count=count))
    return 0


async def _actor(bot: Any, args: argparse.Namespace) -> Person:
    import os

    who = args.actor or os.environ.get("KLACHTENBOT_AS")
    if not who:
        raise UsageError(t("cli.actor_required", LANG))
    person = await bot.staff.lookup(who)
    if person is None:
        raise UsageError(t("cli.actor_unknown", LANG, who=who))
    return person


def _parse(value: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(value)
