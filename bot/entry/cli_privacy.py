"""`klachtenbot privacy`: the retention period, a customer's export and erasure, the hold.

    privacy retention [--now ISO] [--dry-run] [--json]     (the operator; as the scheduler)
    privacy export --customer NUMBER --out FILE.zip --as COORDINATOR
    privacy erase --customer NUMBER --reason "…" --as COORDINATOR
    privacy hold K-2026-0001 --reason "…" --as COORDINATOR   (or --off to lift it)

The use cases are imported when a command runs, so the other commands start quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from bot.catalogue import t

SURFACE = "cli"  # the read log's name for the command line


def add_commands(commands: Any) -> None:
    from bot.terminal import PRIVACY_HELP, command_group

    sub = command_group(commands, "privacy", PRIVACY_HELP)
    retention = sub.add_parser("retention", help="anonimiseer wat de bewaartermijn voorbij is")
    retention.add_argument("--now", metavar="JJJJ-MM-DDTUU:MM", help="als ware het dit moment")
    retention.add_argument("--dry-run", action="store_true", help="toon alleen wat zou gebeuren")
    export = sub.add_parser("export", help="alle gegevens van een klant, als zip")
    export.add_argument("--customer", required=True, metavar="KLANTNUMMER")
    export.add_argument("--out", required=True, metavar="BESTAND.zip")
    erase = sub.add_parser("erase", help="verwijder de gegevens van een klant nu")
    erase.add_argument("--customer", required=True, metavar="KLANTNUMMER")
    erase.add_argument("--reason", required=True, help="waarom (noem de klant niet)")
    hold = sub.add_parser("hold", help="bewaar een dossier voor een geschil, of hef dat op")
    hold.add_argument("number")
    hold.add_argument("--reason", help="waarom (bijvoorbeeld: klant is naar de commissie)")
    hold.add_argument("--off", action="store_true", help="hef het bewaren op")
    for parser in (export, erase, hold):
        parser.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
    for parser in (retention, export, erase, hold):
        parser.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "privacy":
        return None
    command = args.privacy_command
    if command == "log":  # bot.entry.cli_access_log's
        return None
    if command == "retention":
        return await _retention(bot, args)
    if command == "export":
        return await _export(bot, args)
    if command == "erase":
        return await _erase(bot, args)
    return await _hold(bot, args)


async def _actor(bot: Any, args: argparse.Namespace) -> Any:
    from bot.terminal import LANG, UsageError

    if not args.actor:
        raise UsageError(t("cli.actor_required", LANG))
    person = await bot.staff.lookup(args.actor)
    if person is None:
        raise UsageError(t("cli.actor_unknown", LANG, who=args.actor))
    return person


async def _retention(bot: Any, args: argparse.Namespace) -> int:
    from bot.entry.cli_deadlines import parse_moment
    from bot.rules.workdays import utcnow
    from bot.terminal import LANG, print_json

    now = parse_moment(args.now) if args.now else utcnow()
    report = await bot.privacy.retention.run(now, dry_run=args.dry_run)
    if args.json:
        print_json(
            {
                "now": report.now.isoformat(),
                "cutoff": report.cutoff.isoformat(),
                "dry_run": report.dry_run,
                "anonymised": report.anonymised,
                "skipped": [{"dossier": s.number, "why": s.key} for s in report.skipped],
                "failed": report.failed,
            }
        )
        return 1 if report.failed else 0
    print(t("cli.retention_header", LANG, cutoff=report.cutoff))
    done = "cli.retention_would" if report.dry_run else "cli.retention_done"
    print(t(done, LANG, count=len(report.anonymised)))
    for number in report.anonymised:
        print(t("cli.retention_line", LANG, number=number))
    for skipped in report.skipped:
        why = t(skipped.key, LANG, **skipped.params)
        print(t("cli.retention_skipped", LANG, number=skipped.number, why=why))
    for number in report.failed:
        print(t("cli.retention_failed", LANG, number=number), file=sys.stderr)
    return 1 if report.failed else 0


async def _export(bot: Any, args: argparse.Namespace) -> int:
    from bot.terminal import LANG, UsageError, print_json

    out = Path(args.out)
    actor = await _actor(bot, args)
    try:  # the file can be written, before anything is read for it
        file = out.open("xb") if not out.exists() else out.open("r+b")
    except OSError as error:
        raise UsageError(
            t("cli.export_unwritable", LANG, path=str(out), error=error.strerror or "")
        ) from None
    with file:
        try:
            exported = await bot.privacy.export.run(actor, args.customer, SURFACE, LANG)
        except BaseException:
            file.close()
            out.unlink(missing_ok=True)
            raise
        file.truncate(0)
        file.write(exported.archive)
    numbers = [f.dossier.number for f in exported.dossiers]
    if args.json:
        print_json({"file": str(out), "dossiers": numbers})
        return 0
    print(
        t(
            "cli.exported",
            LANG,
            count=len(numbers),
            customer=args.customer.strip(),
            path=str(out),
            numbers=", ".join(numbers),
        )
    )
    for found in exported.dossiers:
        if found.by.value != "number":
            print(t("cli.exported_by_name", LANG, number=found.dossier.number))
    return 0


async def _erase(bot: Any, args: argparse.Namespace) -> int:
    from bot.terminal import LANG, print_json

    actor = await _actor(bot, args)
    found = await bot.privacy.erasure.run(actor, args.customer, args.reason)
    numbers = [f.dossier.number for f in found]
    if args.json:
        print_json({"erased": numbers})
        return 0
    print(t("cli.erased", LANG, customer=args.customer.strip(), numbers=", ".join(numbers)))
    return 0


async def _hold(bot: Any, args: argparse.Namespace) -> int:
    from bot.rules.actions import LiftHold, SetHold
    from bot.rules.validation import parse
    from bot.terminal import LANG, print_json

    actor = await _actor(bot, args)
    action = LiftHold() if args.off else parse(SetHold, {"reason": args.reason})
    outcome = await bot.complaints.act(actor, args.number, action)
    number = outcome.dossier.number
    if args.json:
        print_json({"dossier": number, "hold": outcome.dossier.hold})
        return 0
    print(t("cli.hold_lifted" if args.off else "cli.hold_set", LANG, number=number))
    return 0
