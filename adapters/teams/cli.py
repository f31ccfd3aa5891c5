"""`klachtenbot teams-package [--out FILE]`: the Teams app zip, ready to upload."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from adapters.teams.package import DEFAULT_WEBSITE, write_package
from bot.catalogue import language, t


def add_commands(commands: Any) -> None:
    package = commands.add_parser(
        "teams-package", help="maak de Teams-app (zip) om te uploaden in Teams"
    )
    package.add_argument("--out", default="klachtenbot-teams.zip", help="het zipbestand")
    package.add_argument(
        "--website", default=DEFAULT_WEBSITE, help="website, privacy- en voorwaardenpagina"
    )


async def run(bot: Any, args: argparse.Namespace) -> int | None:
    if args.command != "teams-package":
        return None
    bot_id = bot.settings.microsoft_app_id
    path = write_package(Path(args.out), bot_id, args.website)
    print(t("teams.package_written", language(bot.settings.language), path=path, bot=bot_id))
    return 0
