"""One reading of what people type, for both chats: words, aliases and scopes."""

from __future__ import annotations

import pytest

from bot.chat.commands import Command, Verb, command, scope
from bot.use_cases.services import Scope


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("klacht lijst te-laat", Command(Verb.LIST, ("te-laat",))),
        ("Klacht TOON K-2026-0001", Command(Verb.SHOW, ("K-2026-0001",))),
        ("/klacht show K-2026-0001", Command(Verb.SHOW, ("K-2026-0001",))),
        ("protocol", Command(Verb.PROTOCOL)),
        ("klacht hulp", Command(Verb.HELP)),
        ("klacht help", Command(Verb.HELP)),
        ("klacht rol <@U0PIET> coördinator", Command(Verb.ROLE, ("<@U0PIET>", "coördinator"))),
        ("klacht role Piet directie", Command(Verb.ROLE, ("Piet", "directie"))),
        ("klacht new", Command(Verb.NEW)),
        # The bare command registers: what `/klacht` is for, in Slack and in Teams alike.
        ("klacht", Command(Verb.NEW)),
        ("/klacht", Command(Verb.NEW)),
        ("goedemorgen allemaal", None),
        ("", None),
        ("klacht verwijder K-2026-0001", None),
    ],
)
def test_commands_are_read_alike_in_every_spelling(text: str, expected: Command | None) -> None:
    assert command(text) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ((), Scope.OPEN),
        (("open",), Scope.OPEN),
        (("mijn",), Scope.MINE),
        (("mine",), Scope.MINE),
        (("te-laat",), Scope.OVERDUE),
        (("Overdue",), Scope.OVERDUE),
        (("alle",), Scope.ALL),
        (("all",), Scope.ALL),
        (("gisteren",), None),
        (("open", "mijn"), None),
    ],
)
def test_every_scope_has_its_dutch_and_english_word(words: tuple[str, ...], expected) -> None:  # type: ignore[no-untyped-def]
    assert scope(words) == expected
