"""`klachtenbot privacy log`: who saw a dossier, or what one person saw.

    klachtenbot privacy log --dossier K-2026-0001 [--from 2026-11-01] [--to 2026-11-30] [--json]
    klachtenbot privacy log --person "Piet Jansen" [--from ...] [--to ...] [--json]

Dates are Amsterdam days, both ends included; a moment (2026-11-24T09:30) is taken as
given. Without `--as` the operator asks; with it, a beheerder or the directie.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime, timedelta
from typing import Any

from bot.catalogue import format_datetime, t
from bot.rules.errors import Refused
from bot.rules.workdays import AMSTERDAM


def add_commands(commands: Any) -> None:
    from bot.terminal import PRIVACY_HELP, command_group

    privacy = command_group(commands, "privacy", PRIVACY_HELP)
    log = privacy.add_parser("log", help="wie zag welk dossier (inzage-logboek)")
    which = log.add_mutually_exclusive_group(required=True)
    which.add_argument("--dossier", metavar="K-JJJJ-NNNN", help="wie dit dossier zag")
    which.add_argument("--person", metavar="NAAM", help="welke dossiers deze persoon zag")
    log.add_argument("--from", dest="since", metavar="JJJJ-MM-DD", help="vanaf deze dag")
    log.add_argument("--to", dest="until", metavar="JJJJ-MM-DD", help="tot en met deze dag")
    log.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
    log.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "privacy" or getattr(args, "privacy_command", None) != "log":
        return None
    from bot.entry.cli_people import changer
    from bot.terminal import LANG, print_json, print_table
    from bot.use_cases.access_log import AccessLog, ReadQuery

    query = ReadQuery(
        since=_moment(args.since, "from", end=False) if args.since else None,
        until=_moment(args.until, "to", end=True) if args.until else None,
    )
    if query.since and query.until and query.until <= query.since:
        raise Refused("privacy.log_period", field="to")
    if args.dossier:
        query.dossier_number = args.dossier.strip().upper()
    else:
        person = await bot.staff.lookup(args.person)
        if person is None:
            raise Refused("person.unknown", person=args.person)
        query.person_id = person.id
    viewer = await changer(bot, args.actor)
    reads = await AccessLog(bot.complaints.uow).find(viewer, query)
    if args.json:
        print_json(reads)
        return 0
    if not reads:
        print(t("privacy.log_empty", LANG))
        return 0
    print_table(
        ["wanneer", "wie", "dossier", "via", "wat", "welk"],
        [
            [
                format_datetime(r.at, LANG),
                r.person_name,
                r.dossier_number,
                r.surface.value,
                t(f"seen.{r.what.value}", LANG),
                r.item or "",
            ]
            for r in reads
        ],
    )
    return 0


def _moment(text: str, option: str, *, end: bool) -> datetime:
    """A day (Amsterdam) or a moment; the end of a period is the start of the next day."""
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text) + timedelta(days=1 if end else 0)
            return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Refused("field.date", field=option) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)
