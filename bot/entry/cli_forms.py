"""What the command line shares among its commands: an option for each field of a form,
the values typed back as the form's fields, and who acts."""

from __future__ import annotations

import argparse
from typing import Any

from bot.catalogue import t
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.terminal import LANG, UsageError
from bot.views.cards import FieldKind, Form


def option(field_name: str) -> str:
    """`owner_id` is typed as `--owner NAME`, `received_on` as `--received-on`."""
    name = field_name[:-3] if field_name.endswith("_id") else field_name
    return "--" + name.replace("_", "-")


def add_form_options(parser: argparse.ArgumentParser, the_form: Form) -> None:
    """An option for each field of a form, named after it (`owner_id` as `--owner`)."""
    for f in the_form.fields:
        help_text = f.label
        if f.options:
            help_text += " (" + ", ".join(o.value for o in f.options) + ")"
        if f.kind is FieldKind.YES_NO:
            help_text += " (ja/nee)"
        if f.kind is FieldKind.DATE:
            help_text += " (JJJJ-MM-DD)"
        parser.add_argument(option(f.name), dest=f.name, help=help_text, metavar="…")


async def actor_of(bot: Any, args: argparse.Namespace) -> Person:
    if not args.actor:
        raise UsageError(t("cli.actor_required", LANG))
    person = await bot.staff.lookup(args.actor)
    if person is None:
        raise UsageError(t("cli.actor_unknown", LANG, who=args.actor))
    return person


async def form_values(bot: Any, args: argparse.Namespace, the_form: Form) -> dict[str, Any]:
    """The options given, with people named by name, e-mail or number turned into ids."""
    data: dict[str, Any] = {}
    for f in the_form.fields:
        value = getattr(args, f.name, None)
        if value is None:
            continue
        if f.kind is FieldKind.PERSON:
            person = await bot.staff.lookup(value)
            if person is None:
                raise Refused("person.unknown", field=f.name, person=value)
            value = person.id
        elif f.kind is FieldKind.YES_NO:
            value = {"ja": True, "j": True, "nee": False, "n": False}.get(value.lower(), value)
        data[f.name] = value
    return data
