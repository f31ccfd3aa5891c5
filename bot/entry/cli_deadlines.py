"""`klachtenbot deadlines` and `klachtenbot sweep`: the deadlines, for operators.

`sweep --now` runs one sweep as if it were that moment: what it sends is really
queued (and sent by a running `serve`), exactly as the scheduler would have.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any

from bot.catalogue import format_datetime, t
from bot.rules.errors import Refused
from bot.rules.workdays import AMSTERDAM, end_of_day, utcnow


def add_commands(commands: Any) -> None:
    listing = commands.add_parser("deadlines", help="toon openstaande termijnen")
    listing.add_argument(
        "--due-before", metavar="JJJJ-MM-DD", help="alleen wat uiterlijk dan afloopt"
    )
    listing.add_argument("--json", action="store_true")
    sweep = commands.add_parser("sweep", help="stuur nu wat aan termijnmeldingen klaarstaat")
    sweep.add_argument("--now", metavar="JJJJ-MM-DDTUU:MM", help="als ware het dit moment")
    sweep.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command == "deadlines":
        return await _deadlines(bot, args)
    if args.command == "sweep":
        return await _sweep(bot, args)
    return None


def parse_moment(text: str) -> datetime:
    """'2026-12-10T09:00' is Amsterdam time; an explicit offset is kept."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Refused("cli.sweep_now", field="now") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


async def _deadlines(bot: Any, args: argparse.Namespace) -> int:
    from bot.terminal import LANG, print_json, print_table

    due_before = None
    if args.due_before:
        try:
            due_before = end_of_day(date.fromisoformat(args.due_before.strip()))
        except ValueError:
            raise Refused("field.date", field="due_before") from None
    async with bot.complaints.uow() as uow:
        pending = await uow.deadlines.pending(due_before)
    if args.json:
        print_json(pending)
        return 0
    if not pending:
        print(t("cli.deadlines_none", LANG))
        return 0
    now = utcnow()
    print_table(
        ["dossier", "termijn", "uiterlijk", "volgende melding", "meldingen"],
        [
            [
                d.dossier_number,
                t(f"deadline.{d.kind.value}", LANG) + (" (!)" if d.due_at <= now else ""),
                d.due_on.isoformat(),
                format_datetime(d.next_notice_at, LANG) if d.next_notice_at else "-",
                d.notices,
            ]
            for d in pending
        ],
    )
    return 0


async def _sweep(bot: Any, args: argparse.Namespace) -> int:
    from bot.terminal import LANG, print_json
    from bot.use_cases.reminders import reminders_for

    now = parse_moment(args.now) if args.now else utcnow()
    report = await reminders_for(bot).sweep.run(now)
    if report.no_platforms:
        print(t("cli.sweep_no_platforms", LANG), file=sys.stderr)
        return 1
    if args.json:
        print_json(
            {
                "now": now.isoformat(),
                "sent": [
                    {
                        "dossier": s.dossier_number,
                        "kind": s.kind.value,
                        "stage": s.stage.value,
                        "notice": s.notice,
                    }
                    for s in report.sent
                ],
                "escalated": report.escalated,
                "planned": report.planned,
                "failed": report.failed,
            }
        )
        return 0
    print(
        t("cli.sweep_done", LANG, now=now, sent=len(report.sent), escalated=len(report.escalated))
    )
    for s in report.sent:
        print(
            t(
                "cli.sweep_line",
                LANG,
                number=s.dossier_number,
                kind=s.kind.value,
                stage=t(f"stage.{s.stage.value}", LANG),
            )
        )
    return 0 if not report.failed else 1
