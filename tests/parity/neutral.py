"""What a person is shown, in a form that knows no platform: lines of plain text.

Block Kit and Adaptive Cards draw the same core card differently; to compare what
each chat shows, both are read back into the same neutral lines:

- a sentence, a card's title or a section: its text, without markup, one line each;
- a fact: "label: value";
- a form's field: "field: label";
- a button: "[label]"; a button that opens a link: "(label)".

Where the platforms differ for a platform's reason, the readers below make them
equal and say why; every other difference is left for the parity test to see.
"""

from __future__ import annotations

import html
import re
from typing import Any

from bot.catalogue import messages

Shown = tuple[str, ...]

# mrkdwn's bold, italic, strike and code: a pair of marks around text, not a mark inside a
# word ("fault_422" is no italic in Slack either).
_MRKDWN = re.compile(r"(?<!\w)([*_`~])(?=\S)(.+?)(?<=\S)\1(?!\w)")
_TEAMS_ESCAPE = re.compile(r"\\(.)")
_QUOTE = re.compile(r"^>\s?", re.MULTILINE)
# A customer's phone or e-mail: a link in each chat's own syntax, read as its text.
_SLACK_LINK = re.compile(r"<(?:tel|mailto):[^|>]*\|([^>]*)>")
_TEAMS_LINK = re.compile(r"\[([^\]]*)\]\((?:tel|mailto):[^)]*\)")
# Slack has no text colour: an overdue line carries a warning sign where Teams colours it.
_WARNING = ":warning: "


def _lines(text: str) -> list[str]:
    """Plain lines of a text; both chats' ways of writing the command read `klacht ...`
    (Slack's slash command and Teams' typed word are the platforms' own doors)."""
    text = text.replace("/klacht", "klacht")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _slack_text(text: str) -> list[str]:
    # A quoted line (`> ...`) is mrkdwn's way to set off what someone wrote; Teams sets
    # it off with its own block.
    text = _SLACK_LINK.sub(r"\1", text.replace(_WARNING, ""))
    for _ in range(2):  # one mark may be inside another: *_text_*
        text = _MRKDWN.sub(r"\2", text)
    text = _QUOTE.sub("", text)
    return _lines(html.unescape(text))


def _teams_text(text: str) -> list[str]:
    return _lines(_TEAMS_ESCAPE.sub(r"\1", _TEAMS_LINK.sub(r"\1", text)))


# -- Slack -----------------------------------------------------------------------------------


def slack_message(text: str | None, blocks: list[dict[str, Any]] | None) -> Shown:
    """A message (an answer through response_url, an ephemeral, a DM)."""
    if not blocks:
        return tuple(_slack_text(text or ""))
    return tuple(_slack_blocks(blocks))


def _slack_blocks(blocks: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            lines += _lines(block["text"]["text"])
        elif kind == "context":
            for element in block.get("elements", []):
                lines += _slack_text(element.get("text", ""))
        elif kind == "section":
            if block.get("text"):
                lines += _slack_text(block["text"]["text"])
            for field in block.get("fields", []):
                label, _, value = field["text"].partition("\n")
                lines.append(f"{_slack_text(label)[0]}: {' '.join(_slack_text(value))}")
        elif kind == "actions":
            for element in block["elements"]:
                label = element["text"]["text"]
                lines.append(f"({label})" if element.get("url") else f"[{label}]")
        elif kind == "input":
            if block["element"]["type"] == "file_input":
                # Only Slack's registration modal takes the scan along; in Teams the scan is
                # sent in the chat (an Adaptive Card has no file input).
                continue
            lines.append(f"field: {block['label']['text']}")
    return lines


def slack_view(view: dict[str, Any]) -> Shown:
    """A modal: a form, or the read-only answer to a submitted one.

    The modal's title bar and its submit and close buttons are left out: Slack cuts
    them at 24 characters, and Teams draws no frame around its answer (a form's title
    and submit are the clicked button's label).
    """
    return tuple(_slack_blocks(view.get("blocks", [])))


def slack_errors(errors: dict[str, str]) -> Shown:
    return tuple(f"{name}: {text}" for name, text in errors.items())


# -- Teams -----------------------------------------------------------------------------------


def teams_card(card: dict[str, Any]) -> Shown:
    """An Adaptive Card the bot sent or answered with.

    An Action.Execute is answered with a card that replaces the clicked one, so Teams
    shows the dossier's card under a banner where Slack answers with a sentence: when
    a card has a banner, only the banner and the links that go with it are what the
    person is told.
    """
    body = card.get("body", [])
    banner: list[str] = []
    links: list[str] = []
    rest = body
    for n, element in enumerate(body):
        if n == 0 and _is_banner(element):
            banner += [line for item in element["items"] for line in _teams_text(item["text"])]
            continue
        if banner and element.get("type") == "ActionSet":
            links += [f"({a['title']})" for a in element["actions"]]
            continue
        rest = body[n:]
        break
    inputs = any(e.get("type", "").startswith("Input.") for e in body)
    message = [
        text
        for e in body
        for text in (
            [i["text"] for i in e["items"]] if _is_banner(e) and e.get("style") == "attention"
            else [e["text"]] if e.get("type") == "TextBlock" and e.get("color") == "Attention"
            else []
        )
    ]  # fmt: skip
    if inputs and message:
        # A refused form stays open in Teams, with why above its fields (and under each
        # field it concerns); Slack's modal says why in its place.
        return tuple(line for text in message for line in _teams_text(text))
    if banner:
        return tuple(banner + links)
    if inputs:
        # A form's title and its submit and cancel: Slack shows them in the modal's frame,
        # which is left out there.
        return tuple(_teams_body(rest[1:]))
    lines = [line for line in _teams_body(rest) if line not in _TEAMS_ONLY]
    lines += [_teams_action(a) for a in _flat(card.get("actions", []))]
    return tuple(lines)


def _teams_body(body: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for element in body:
        kind = element.get("type", "")
        if kind == "TextBlock":
            lines += _teams_text(element["text"])
        elif kind == "FactSet":
            for fact in element["facts"]:
                label = " ".join(_teams_text(fact["title"]))
                lines.append(f"{label}: {' '.join(_teams_text(fact['value']))}")
        elif kind == "ActionSet":
            for action in element["actions"]:
                if action["type"] == "Action.ShowCard":
                    # "Meer…" folds buttons Slack shows in its row: they count as the card's.
                    lines += _teams_body(action["card"].get("body", []))
                else:
                    lines.append(_teams_action(action))
        elif kind == "Container":
            lines += _teams_body(element.get("items", []))
        elif kind == "ColumnSet":
            for column in element["columns"]:
                lines += _teams_body(column.get("items", []))
        elif kind.startswith("Input."):
            lines.append(f"field: {element['label']}")
    return lines


def _is_banner(element: dict[str, Any]) -> bool:
    """What just happened (or why not), on top of an answered card."""
    return element.get("type") == "Container" and element.get("style") in ("good", "attention")


def _flat(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Teams shows at most five buttons in a row and folds the rest under "Meer…";
    Slack shows them all: the folded ones count as buttons of the card."""
    found: list[dict[str, Any]] = []
    for action in actions:
        if action["type"] == "Action.ShowCard":
            found += _flat(action["card"].get("actions", []))
        else:
            found.append(action)
    return found


def _teams_action(action: dict[str, Any]) -> str:
    return f"({action['title']})" if action["type"] == "Action.OpenUrl" else f"[{action['title']}]"


def teams_text(text: str) -> Shown:
    return tuple(_lines(text))


# Lines only one chat says, for that chat's own mechanics.
_TEAMS_ONLY = {
    # In a Teams channel the bot hears only who mentions it; Slack's slash command works
    # in any channel as it is.
    line
    for key in ("teams.help_in_channel",)
    for text in messages()[key]
    for line in _teams_text(text)
}
