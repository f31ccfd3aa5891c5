"""What every `klachtenbot` command shares: its language, its parser, and its output.

The command line's extensions (deadlines, the mirror, the Teams package) use these
too; they live apart from the command line itself so that an extension never has to
import the module that loads it.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any, NoReturn

from pydantic import BaseModel

from bot.catalogue import language

LANG = language(os.environ.get("KLACHTENBOT_LANGUAGE"))


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# `klachtenbot privacy`: its subcommands come from two modules (the read log; retention,
# export, erasure and the hold).
PRIVACY_HELP = "privacy: wie zag wat, bewaartermijn, inzage en verwijdering"


def command_group(commands: Any, name: str, help_text: str) -> Any:
    """The subcommands of `klachtenbot NAME`, made once: several modules add theirs to it
    (`privacy log` beside `privacy retention`)."""
    parser = commands.choices.get(name)
    if parser is None:
        parser = commands.add_parser(name, help=help_text)
        parser.commands = parser.add_subparsers(
            dest=f"{name}_command", required=True, parser_class=type(parser)
        )
    return parser.commands


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    cells = [headers, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_json(value: Any) -> None:
    def encode(item: Any) -> Any:
        if isinstance(item, BaseModel):
            return item.model_dump(mode="json")
        if isinstance(item, list):
            return [encode(i) for i in item]
        if isinstance(item, dict):
            return {k: encode(v) for k, v in item.items()}
        return item

    print(json.dumps(encode(value), ensure_ascii=False, indent=2, default=str))
