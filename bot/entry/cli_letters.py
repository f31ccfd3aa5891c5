"""`klachtenbot letter`: write a letter to a dossier's customer and send it, or preview it.

    klachtenbot letter K-2026-0001 voortgangsbericht --as Anna --text "…" --method email
    klachtenbot letter K-2026-0001 schriftelijke-reactie --as Anna --text "…" --method post \\
        --preview reactie.pdf

Every letter of `bot.use_cases.letters.kinds` is a subcommand, with its form's fields
as options. `--preview FILE` writes the PDF as it would go out and records nothing.
The written response and the extension are steps too: `dossier act … respond` and
`dossier act … extend-term` send their letter the same way.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from bot.catalogue import t
from bot.entry.cli_forms import actor_of, add_form_options, form_values
from bot.terminal import LANG, Parser, print_json
from bot.use_cases.letters.kinds import BY_NAME, LETTERS, LetterKind


def _command(kind: LetterKind) -> str:
    return kind.name.replace("_", "-")


def add_commands(commands: Any) -> None:
    from bot.views.forms import letter_form

    letter = commands.add_parser("letter", help="schrijf de klant een brief en verstuur hem")
    letter.add_argument("number", metavar="DOSSIER")
    kinds = letter.add_subparsers(dest="letter", required=True, parser_class=Parser)
    for kind in LETTERS:
        sub = kinds.add_parser(_command(kind), help=t(f"letter.{kind.name}.write", LANG))
        sub.set_defaults(letter=kind.name)
        add_form_options(sub, letter_form(kind, LANG))
        sub.add_argument("--preview", metavar="BESTAND", help=t("cli.letter_preview_help", LANG))
        sub.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
        sub.add_argument("--json", action="store_true")


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "letter":
        return None
    from bot.views.forms import letter_form

    kind = BY_NAME[args.letter]
    actor = await actor_of(bot, args)
    values = await form_values(bot, args, letter_form(kind, LANG))
    if args.preview:
        content = await bot.letters.preview_of(actor, args.number, kind, values)
        Path(args.preview).write_bytes(content)
        print(t("cli.letter_previewed", LANG, path=args.preview))
        return 0
    sent = await bot.letters.send_now(actor, args.number, kind, values)
    return report_letter(sent, args)


def report_letter(sent: Any, args: argparse.Namespace) -> int:
    """What the command line says of a letter sent (or queued for e-mail)."""
    number = args.number.strip().upper()
    letter = t(f"letter.{sent.kind.name}.title", LANG, number=number)
    if args.json:
        print_json(
            {
                "dossier": number,
                "letter": sent.kind.name,
                "method": sent.method.value,
                "document_id": sent.document_id,
            }
        )
    else:
        key = "cli.letter_posted" if sent.method.value == "post" else "cli.letter_emailing"
        print(t(key, LANG, letter=letter))
    return 0
