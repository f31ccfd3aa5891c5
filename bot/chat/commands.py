"""What people type to the bot, read the same way in every chat.

`/klacht lijst te-laat` in Slack and `klacht lijst overdue` in Teams are one
command: the words and their aliases (Dutch and English), and the list scopes,
are known here only, so a word that works in one chat works in the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.use_cases.services import Scope


class Verb(StrEnum):
    NEW = "new"  # register a complaint: the registration form
    LIST = "list"  # the dossiers in a scope
    SHOW = "show"  # one dossier's card, with the buttons this person may use now
    PROTOCOL = "protocol"  # the procedure, to read or hand to a customer
    HELP = "help"
    ROLE = "role"  # a beheerder grants a role
    REVOKE = "revoke"  # a beheerder takes a role away
    DEACTIVATE = "deactivate"  # a beheerder refuses someone from now on (they left)
    ACTIVATE = "activate"  # ... and lets them in again
    HOLD = "hold"  # the coordinator keeps a dossier past its retention (a dispute)
    RELEASE = "release"  # and lifts that again
    REPORT = "report"  # the management report for a period (coordinator, directie)


_VERBS = {
    "nieuw": Verb.NEW,
    "new": Verb.NEW,
    "lijst": Verb.LIST,
    "list": Verb.LIST,
    "toon": Verb.SHOW,
    "show": Verb.SHOW,
    "protocol": Verb.PROTOCOL,
    "help": Verb.HELP,
    "hulp": Verb.HELP,
    "rol": Verb.ROLE,
    "role": Verb.ROLE,
    "intrekken": Verb.REVOKE,
    "revoke": Verb.REVOKE,
    "deactiveer": Verb.DEACTIVATE,
    "deactiveren": Verb.DEACTIVATE,
    "deactivate": Verb.DEACTIVATE,
    "activeer": Verb.ACTIVATE,
    "activeren": Verb.ACTIVATE,
    "activate": Verb.ACTIVATE,
    "bewaar": Verb.HOLD,
    "bewaren": Verb.HOLD,
    "hold": Verb.HOLD,
    "vrijgeven": Verb.RELEASE,
    "release": Verb.RELEASE,
    "rapport": Verb.REPORT,
    "report": Verb.REPORT,
}
# The commands that name a colleague (`rol @Piet directie`, `deactiveer @Piet`): a chat
# hands over the colleague its mention names, as it knows them.
NAMES_A_COLLEAGUE = frozenset({Verb.ROLE, Verb.REVOKE, Verb.DEACTIVATE, Verb.ACTIVATE})
_SCOPES = {s.value: s for s in Scope} | {
    "mine": Scope.MINE,
    "overdue": Scope.OVERDUE,
    "all": Scope.ALL,
}
# How a command may start; Slack's slash command is read as if typed: `/klacht lijst`.
_PREFIXES = ("klacht", "klachten", "/klacht")


@dataclass(frozen=True)
class Command:
    verb: Verb
    args: tuple[str, ...] = ()


def command(text: str) -> Command | None:
    """The command in `text`, or None when it is not one (ordinary chatter).

    The bare command (`/klacht`, `klacht`) opens the registration: registering a
    complaint is what the command is for.
    """
    words = text.split()
    prefixed = bool(words) and words[0].lower() in _PREFIXES
    if prefixed:
        words = words[1:]
    if not words:
        return Command(Verb.NEW) if prefixed else None
    verb = _VERBS.get(words[0].lower())
    return Command(verb, tuple(words[1:])) if verb is not None else None


def unprefixed(text: str) -> str:
    """`text` without the command word it may start with: what was asked of the bot, the
    same whether Slack's slash command or a typed `klacht` carried it."""
    words = text.split()
    if words and words[0].lower() in _PREFIXES:
        words = words[1:]
    return " ".join(words)


def scope(args: tuple[str, ...]) -> Scope | None:
    """The list's scope: open when none is named; None for a word that is no scope."""
    if not args:
        return Scope.OPEN
    if len(args) > 1:
        return None
    return _SCOPES.get(args[0].lower())
