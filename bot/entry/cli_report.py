"""`klachtenbot rapport`: the management report for a period, as text, JSON, CSV or PDF.

The report needs the procedure and the database only (`build_core`); the PDF, with
its fonts and charts, is imported when `--pdf` asks for it. A file is written whole
or not at all: it is written beside its place and then moved there.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from bot.catalogue import t
from bot.rules.errors import Refused
from bot.rules.workdays import local_date
from bot.use_cases.report.period import Period, running
from bot.use_cases.surfaces import Surface


def add_commands(commands: Any) -> None:
    report = commands.add_parser("rapport", help="het klachtenrapport over een periode")
    report.add_argument("--from", dest="start", metavar="JJJJ-MM-DD", help="eerste dag")
    report.add_argument("--to", dest="end", metavar="JJJJ-MM-DD", help="laatste dag")
    report.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
    report.add_argument("--json", action="store_true")
    report.add_argument("--csv", metavar="BESTAND", help="schrijf de cijfers als CSV")
    report.add_argument("--pdf", metavar="BESTAND", help="schrijf het jaarverslag als PDF")


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise Refused("field.date", field=option) from None


def _period(args: argparse.Namespace, today: date) -> Period:
    """`--from`/`--to`; without them the running year, up to today."""
    year = running("year", today)
    start = _day(args.start, "from") or year.start
    end = _day(args.end, "to") or (year.end if args.start is None else max(start, today))
    return Period(start, end)


def _write(path: str, content: bytes) -> None:
    """`content` at `path`, whole or not at all."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent or Path("."), prefix=".rapport-")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, target)
    except OSError as error:
        raise Refused("report.file_unwritable", path=path, reason=error.strerror or "") from None


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "rapport":
        return None
    from bot.terminal import LANG, print_json, print_table

    reader = None  # the operator at the command line, unless someone is named
    if args.actor:
        reader = await bot.staff.lookup(args.actor)
        if reader is None:
            raise Refused("cli.actor_unknown", who=args.actor)
    period = _period(args, local_date(bot.complaints.clock()))
    report = await bot.reports.report(reader, period, Surface.CLI)
    if args.csv:
        from bot.use_cases.report.export import csv_text

        _write(args.csv, csv_text(report).encode("utf-8"))
    if args.pdf:
        from bot.use_cases.letters.company import Company
        from bot.use_cases.report.pdf import report_pdf

        _write(args.pdf, report_pdf(report, Company.from_settings(bot.settings), LANG))
    if args.json:
        print_json(report.as_json())
        return 0
    figures = report.total.figures()
    rows = [[t(f"report.k.{key}", LANG), _shown(value)] for key, value in figures.items()]
    rows += [
        [t("report.k.open_now", LANG), report.open_now],
        [t("report.k.overdue_now", LANG), report.figures.overdue_now],
        [t("report.k.repeat_customers", LANG), report.figures.repeat_customers],
    ]
    print(t("report.pdf_period", LANG, start=period.start, end=period.end))
    print_table([t("report.col_indicator", LANG), t("report.col_period", LANG)], rows)
    for option, what in ((args.csv, "CSV"), (args.pdf, "PDF")):
        if option:
            print(t("report.written", LANG, what=what, path=option))
    return 0


def _shown(value: object) -> object:
    return "-" if value is None else value
