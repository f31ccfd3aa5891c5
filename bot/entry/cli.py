"""The `klachtenbot` command line: serve, the database, people, and the whole procedure.

Every failure is one line on stderr and exit code 2 (bad input, a refusal) or 1
(the bot cannot start); never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from typing import Any

from bot.catalogue import format_datetime, t
from bot.entry.cli_forms import actor_of, add_form_options, form_values, option
from bot.rules.actions import ACTIONS, Action, Register
from bot.rules.errors import Refused
from bot.rules.fields import unstorable
from bot.rules.people import Person
from bot.settings import Settings
from bot.terminal import LANG, Parser, UsageError, print_json, print_table
from bot.use_cases.access_log import Access, Seen
from bot.use_cases.letters.kinds import letter_for_step
from bot.use_cases.services import DossierView, Scope
from bot.use_cases.surfaces import Surface
from bot.views.cards import without_bidi_controls
from bot.views.forms import form

CLI_LIST_LINES = 200  # a terminal scrolls; a chat message does not

# Modules that add commands of their own (deadlines, mirror, teams-package, ...). Each
# has `add_commands(commands)` and `async run(bot, args) -> int | None` (None: not mine).
EXTENSIONS: tuple[str, ...] = (
    "bot.entry.cli_people",
    "bot.entry.cli_access_log",
    "bot.entry.cli_deadlines",
    "bot.entry.cli_privacy",
    "bot.entry.cli_report",
    "bot.entry.cli_letters",
    "adapters.teams.cli",
    "adapters.orthomatic.cli",
)


def _extensions() -> list[Any]:
    import importlib

    return [importlib.import_module(name) for name in EXTENSIONS]


def _add_action_options(parser: argparse.ArgumentParser, action: type[Action]) -> None:
    add_form_options(parser, form(action, LANG))


def build_parser() -> Parser:
    root = Parser(prog="klachtenbot", description="Klachtenbot: de klachtenprocedure.")
    commands = root.add_subparsers(dest="command", required=True, parser_class=Parser)

    serve = commands.add_parser("serve", help="start de bot (web, Slack, Teams, planner)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)

    db = commands.add_parser("db", help="database")
    db.add_subparsers(dest="db_command", required=True, parser_class=Parser).add_parser(
        "upgrade", help="maak of werk de database bij"
    )

    dossier = commands.add_parser("dossier", help="klachtdossiers")
    dossier_commands = dossier.add_subparsers(
        dest="dossier_command", required=True, parser_class=Parser
    )
    register = dossier_commands.add_parser("register", help="registreer een klacht")
    _add_action_options(register, Register)
    dossier_list = dossier_commands.add_parser("list", help="toon dossiers")
    dossier_list.add_argument("--scope", choices=[s.value for s in Scope], default="open")
    show = dossier_commands.add_parser("show", help="toon één dossier met het hele verloop")
    show.add_argument("number")
    act = dossier_commands.add_parser("act", help="leg een stap van de procedure vast")
    act.add_argument("number")
    steps = act.add_subparsers(dest="action", required=True, parser_class=Parser)
    for name, action in ACTIONS.items():
        if action is not Register:
            dashed = name.replace("_", "-")
            aliases = [name] if dashed != name else []
            step = steps.add_parser(dashed, aliases=aliases, help=t(f"action.{name}", LANG))
            step.set_defaults(action=name)
            _add_action_options(step, action)
    unique_steps = {id(p): p for p in steps.choices.values()}.values()  # aliases repeat
    for sub in (register, dossier_list, show, act, *unique_steps):
        sub.add_argument("--as", dest="actor", default=os.environ.get("KLACHTENBOT_AS"))
        sub.add_argument("--json", action="store_true")
    for extension in _extensions():
        extension.add_commands(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        print(t("cli.error", LANG, message=error), file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    if bad := _unstorable_argument(args):
        message = t("field.unstorable", LANG)
        print(t("cli.field_error", LANG, field=bad, message=message), file=sys.stderr)
        return 2
    try:
        settings = Settings()
    except Exception as error:  # pydantic names the bad variable
        print(t("cli.error", LANG, message=str(error).splitlines()[0]), file=sys.stderr)
        return 2
    if args.command == "serve":
        from bot.entry.serve import serve

        return serve(settings, args.host, args.port)
    try:
        return asyncio.run(_run(settings, args))
    except Refused as refused:
        message = t(refused.key, LANG, **refused.params)
        if refused.field:
            message = t("cli.field_error", LANG, field=option(refused.field), message=message)
        else:
            message = t("cli.error", LANG, message=message)
        print(message, file=sys.stderr)
        return 2
    except UsageError as error:
        print(t("cli.error", LANG, message=error), file=sys.stderr)
        return 2
    except Exception as error:
        # A fault, not bad input: one line naming its kind only. A database error's own
        # text quotes the statement, and a traceback is no answer for an operator.
        print(t("cli.failed", LANG, error=type(error).__name__), file=sys.stderr)
        return 1


def _unstorable_argument(args: argparse.Namespace) -> str | None:
    """The first argument with a character no text may hold, as the person typed its name.

    Free-text options meet the same rule in the core's field types; this also covers
    what never reaches one (who acts, a dossier number, a person's name), since a lone
    surrogate (from bytes that are not UTF-8) cannot even be sent to the database.
    """
    for dest, value in vars(args).items():
        if isinstance(value, str) and unstorable(value):
            return _ARGUMENTS.get(dest) or option(dest)
    return None


_ARGUMENTS = {"actor": "--as", "number": "number", "name": "name"}  # as argparse shows them


def _needs_integrations(args: argparse.Namespace) -> bool:
    """Whether the command needs the whole bot, or the procedure over the database will do.

    Reading or changing people, reading the read log, listing dossiers and the report
    record no step (so no reactor has anything to queue) and show nothing an integration
    adds; building the chats, the mirror and the letters would only make them slow to start.
    """
    if args.command in ("people", "rapport"):
        return False
    if args.command == "privacy" and getattr(args, "privacy_command", None) == "log":
        return False
    return not (args.command == "dossier" and args.dossier_command == "list")


async def _run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.entry.bootstrap import build, build_core
    from storage.migrate import head, upgrade

    try:
        await upgrade(settings.database_url)
    except Exception as error:
        raise UsageError(
            t("serve.database_unreachable", LANG, error=type(error).__name__)
        ) from None
    if args.command == "db":
        print(t("cli.db_upgraded", LANG, head=head()))
        return 0
    bot = build(settings) if _needs_integrations(args) else build_core(settings)
    try:
        if args.command == "dossier":
            return await _dossier(bot, args)
        for extension in _extensions():
            result = await extension.run(bot, args)
            if result is not None:
                return result
        raise UsageError(args.command)
    finally:
        await bot.close()


async def _actor(bot: Any, args: argparse.Namespace) -> Person:
    if not args.actor:
        raise UsageError(t("cli.actor_required", LANG))
    person = await bot.staff.lookup(args.actor)
    if person is None:
        raise UsageError(t("cli.actor_unknown", LANG, who=args.actor))
    return person


async def _fields(bot: Any, args: argparse.Namespace, action: type[Action]) -> dict[str, Any]:
    return await form_values(bot, args, form(action, LANG))


async def _dossier(bot: Any, args: argparse.Namespace) -> int:
    from bot.rules.validation import parse

    actor = await actor_of(bot, args)
    command = args.dossier_command
    if command == "register":
        action = parse(Register, await _fields(bot, args, Register))
        outcome = await bot.complaints.register(actor, action)
        return _report(outcome.dossier.number, "cli.registered", args, outcome)
    if command == "act":
        cls = ACTIONS[args.action]
        if (letter := letter_for_step(cls)) is not None:  # the step goes with its letter
            from bot.entry.cli_letters import report_letter

            values = await _fields(bot, args, cls)
            return report_letter(
                await bot.letters.send_now(actor, args.number, letter, values), args
            )
        action = parse(cls, await _fields(bot, args, cls))
        outcome = await bot.complaints.act(actor, args.number, action)
        return _report(outcome.dossier.number, "cli.acted", args, outcome)
    if command == "show":
        view = await bot.complaints.view(actor, args.number, Access(Surface.CLI, Seen.TIMELINE))
        if args.json:
            print_json(
                {
                    "dossier": view.dossier,
                    "timeline": view.timeline,
                    "deadlines": view.deadlines,
                }
            )
        else:
            _show(view)
        return 0
    found = await bot.complaints.listing(
        actor, Scope(args.scope), shown=CLI_LIST_LINES, surface=Surface.CLI
    )
    views = found.views
    if args.json:
        print_json([v.dossier for v in views])
        return 0
    print_table(
        ["dossier", "ontvangen", "klant", "fase", "eigenaar", "omschrijving"],
        [
            [
                v.dossier.number,
                v.dossier.received_on.isoformat(),
                without_bidi_controls(v.dossier.customer.name),
                t(f"state.{v.dossier.state.value}", LANG),
                v.name_of(v.dossier.owner_id) if v.dossier.owner_id else "",
                without_bidi_controls(v.dossier.complaint.summary)[:50],
            ]
            for v in views
        ],
    )
    if found.total > len(views):
        print(t("card.list_more", LANG, count=found.total - len(views)))
    return 0


def _report(number: str, key: str, args: argparse.Namespace, outcome: Any) -> int:
    if args.json:
        print_json({"dossier": outcome.dossier, "events": outcome.events})
    else:
        event = outcome.events[-1]
        print(t(key, LANG, number=number, action=event.action, state=event.to_state.value))
    return 0


def _show(view: DossierView) -> None:
    from bot.views.dossier_card import dossier_card

    card = dossier_card(view, Person(id=-1, name="cli", roles=frozenset()), LANG)
    print(card.title)
    for line in [card.subtitle or "", *(h.text for h in card.headlines)]:
        print(f"  {line}")
    width = max(len(f.label) for f in card.facts)
    for fact in card.facts:
        print(f"  {fact.label.ljust(width)}  {fact.value}")
    for section in card.sections:
        if section.title == t("card.timeline", LANG):
            continue
        print(f"\n{section.title}:")
        for line in section.text.splitlines():
            print(f"  {line}")
    print(f"\n{t('card.timeline', LANG)}:")
    for event in view.timeline:
        print(
            f"  {format_datetime(event.at, LANG)}  {event.actor_name}  "
            f"{t(f'action.{event.action}', LANG)}  → {t(f'state.{event.to_state.value}', LANG)}"
        )
        for key, value in event.data.items():
            if value not in (None, "", []):
                print(f"      {key}: {without_bidi_controls(str(value))}")


if __name__ == "__main__":
    sys.exit(main())
