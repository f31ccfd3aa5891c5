"""The Adaptive Card (1.5) renderer of the core's channel-neutral cards and forms.

Every string that a person typed is escaped here, because only the renderer
knows its markup: a TextBlock renders a markdown subset in Teams, so a complaint
must not be able to carry a link, a mention or bold text into a card. Cards stay
inside Teams' message size whatever the length of the texts or the timeline.
Links (a download, the printable protocol) become `Action.OpenUrl` buttons; an
address is not something a person typed, but only a web address becomes a button.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from bot.catalogue import t
from bot.views.cards import Button, Card, Chart, FieldKind, Form, FormField, Link, Style

VERSION = "1.5"
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
# Teams refuses a message above about 28 KB; stay well under it.
MAX_CARD_BYTES = 24_000
MAX_ACTIONS = 6  # Teams shows at most this many actions in one action set (host config)
MAX_URL = 2048  # longer is no address the bot made; browsers and proxies balk at more
# The texts' lengths, tried in turn until a card fits in one Teams message.
_LIMITS = (2000, 1000, 500, 250, 100)
CONTROL = "klachtenbot"  # the key of our own data in an action's data

# Markdown's special characters, escaped with a backslash wherever they are.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!<>|~&])")
# A list item or a setext heading begins a line with one of these.
_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)

_STYLES = {Style.PRIMARY: "positive", Style.DANGER: "destructive"}


def escape(text: str) -> str:
    """Plain text that renders as itself in a TextBlock: no links, mentions or markup."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def shorten(text: str, limit: int, lang: str) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + " " + t("card.truncated", lang)


def nonce() -> str:
    """Names one rendered form or button, so a second submit of it is recognised."""
    return uuid.uuid4().hex


def control(**values: Any) -> dict[str, Any]:
    return {CONTROL: {k: v for k, v in values.items() if v is not None}}


def _text(text: str, limit: int, lang: str, **style: Any) -> dict[str, Any]:
    # Markdown needs an empty line for a line break that every Teams client shows.
    lines = [escape(line) for line in shorten(text, limit, lang).splitlines()]
    return {"type": "TextBlock", "text": "\n\n".join(lines) or " ", "wrap": True, **style}


def _wrap(body: list[dict[str, Any]], actions: list[dict[str, Any]], **extra: Any) -> dict:
    card: dict[str, Any] = {"type": "AdaptiveCard", "version": VERSION, "body": body}
    if actions:
        card["actions"] = actions
    card.update(extra)
    card["msteams"] = {"width": "Full"}
    return card


def banner(text: str, good: bool = False, lang: str = "nl") -> dict[str, Any]:
    """A line at the top of a card: what just happened, or why it did not (a task's
    answer may list a few documents, one per line).

    The colour is the container's, the text keeps the default colour: Teams' green and
    yellow text are too pale on its light theme (WCAG AA asks 4.5:1), its dark text on
    the light green or light red container passes easily.
    """
    return {
        "type": "Container",
        "style": "good" if good else "attention",
        "items": [_text(text, 2000, lang, weight="Bolder")],
    }


def execute(
    title: str, verb: str, data: Mapping[str, Any], style: Style | None = None, inputs: bool = False
) -> dict[str, Any]:
    data = dict(data)
    if CONTROL in data:
        # A client without Universal Actions sends only the data (as Action.Submit): the
        # verb goes along, so a button that asks first still asks there.
        data[CONTROL] = {**data[CONTROL], "verb": verb}
    action: dict[str, Any] = {
        "type": "Action.Execute",
        "title": title[:100],
        "verb": verb,
        "data": data,
    }
    if not inputs:
        action["associatedInputs"] = "none"
    if style in _STYLES:
        action["style"] = _STYLES[style]
    return action


def button_action(button: Button) -> dict[str, Any]:
    verb = "confirm" if button.confirm else "open"
    data = {**button.data, **control(action=button.action, dossier=button.value, nonce=nonce())}
    return execute(button.label, verb, data, button.style)


def action_set(buttons: Sequence[Button], more: Sequence[Button], lang: str) -> list[dict]:
    """The card's buttons as one row, `buttons` first, and the rest behind "Meer…".

    Under "Meer…" each button has a row of its own: a label stays whole on a phone,
    and no action set holds more than Teams shows (MAX_ACTIONS), however many steps
    a dossier offers.
    """
    folded = [{"type": "ActionSet", "actions": [button_action(b)]} for b in more]
    fold = []
    if folded:
        more_card = {"type": "AdaptiveCard", "body": folded}
        fold = [{"type": "Action.ShowCard", "title": t("teams.more", lang), "card": more_card}]
    if len(buttons) <= 1:
        row = [button_action(b) for b in buttons] + fold
        return [{"type": "ActionSet", "actions": row}] if row else []
    # Several answers of equal weight (the owner's status, the directie's choices): one
    # under the other, since side by side a phone cuts their labels short.
    sets = [{"type": "ActionSet", "actions": [button_action(b)]} for b in buttons]
    return sets + ([{"type": "ActionSet", "actions": fold}] if fold else [])


def _fact_value(value: str, link: str | None, limit: int, lang: str) -> str:
    text = escape(shorten(value, limit, lang))
    # A tel: or mailto: address the core built from checked characters only.
    return f"[{text}]({link})" if link else text


def _rows(card: Card, lang: str) -> list[dict[str, Any]]:
    """The checklist: one line per item, its buttons beside it."""
    if not card.rows:
        return []
    body = [_text(card.rows_title or "", 200, lang, weight="Bolder", separator=True)]
    for row in card.rows[:20]:
        columns = [{"type": "Column", "width": "stretch", "items": [_text(row.text, 300, lang)]}]
        if row.buttons:
            actions = [button_action(b) for b in row.buttons[:MAX_ACTIONS]]
            columns.append(
                {
                    "type": "Column",
                    "width": "auto",
                    "items": [{"type": "ActionSet", "actions": actions}],
                }
            )
        body.append({"type": "ColumnSet", "columns": columns, "spacing": "Small"})
    return body


def open_url(link: Link) -> dict[str, Any] | None:
    """A button that opens `link` in the browser; None for anything but a web address."""
    url = link.url.strip()
    parts = urlsplit(url)
    if (
        len(url) > MAX_URL
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() or not c.isprintable() for c in url)
    ):
        return None
    title = " ".join(link.label.split())[:100] or url[:100]
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def usable_links(links: Iterable[Link]) -> list[dict[str, Any]]:
    return [action for action in map(open_url, links) if action is not None]


def link_rows(actions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Link buttons one under the other: a document's name stays readable in full, and
    no row carries more than one button (well within MAX_ACTIONS)."""
    return [{"type": "ActionSet", "actions": [action]} for action in actions]


def render_card(
    card: Card,
    lang: str = "nl",
    *,
    note: dict[str, Any] | None = None,
    note_links: Sequence[Link] = (),
    refresh: str | None = None,
    refresh_users: list[str] | None = None,
) -> dict[str, Any]:
    """An Adaptive Card for `card`; `refresh` names the dossier the card stands for.

    `note` is a banner on top (what just happened) and `note_links` the links that go
    with it, right under it; the card's own `links` follow its sections.
    """
    extra: dict[str, Any] = {}
    if refresh:
        extra["refresh"] = {
            "action": {
                "type": "Action.Execute",
                "verb": "refresh",
                "data": control(dossier=refresh),
            }
        }
        if refresh_users:
            extra["refresh"]["userIds"] = refresh_users[:60]
    top, bottom = usable_links(note_links), usable_links(card.links)
    # Shrink the texts until the card fits in one Teams message.
    for limit in _LIMITS:
        result = _wrap(_card_body(card, lang, limit, note, top, bottom, 0), [], **extra)
        if size(result) <= MAX_CARD_BYTES:
            return result
    # Still too big: only the links are left. The last ones go, and the card says so.
    left_out = 0
    while (top or bottom) and size(result) > MAX_CARD_BYTES:
        (bottom or top).pop()
        left_out += 1
        body = _card_body(card, lang, _LIMITS[-1], note, top, bottom, left_out)
        result = _wrap(body, [], **extra)
    return result


def _card_body(
    card: Card,
    lang: str,
    limit: int,
    note: dict[str, Any] | None,
    top: list[dict[str, Any]],
    bottom: list[dict[str, Any]],
    left_out: int,
) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = []
    if note:
        body.append(note)
    body += link_rows(top)
    body.append(_text(card.title, 300, lang, size="Medium", weight="Bolder"))
    if card.subtitle:
        body.append(_text(card.subtitle, 300, lang, isSubtle=True, spacing="None"))
    for line in card.headlines:
        # Overdue in Teams' attention colour (5.4:1 on its light theme), bold as well.
        style = {"color": "Attention", "weight": "Bolder"} if line.attention else {}
        body.append(_text(line.text, 500, lang, spacing="Small", **style))
    # The next step right under what the card says about it, not under the whole dossier.
    body += action_set(card.buttons, card.more, lang)
    if card.facts:
        body.append(
            {
                "type": "FactSet",
                "facts": [
                    {
                        "title": escape(shorten(f.label, 80, lang)),
                        "value": _fact_value(f.value, f.link, min(limit, 300), lang),
                    }
                    for f in card.facts[:30]
                ],
            }
        )
    for section in card.sections[:25]:  # a list: 20 dossiers and "… en nog"
        if section.title:
            body.append(_text(section.title, 200, lang, weight="Bolder", separator=True))
        style = {"color": "Attention"} if section.attention else {}
        body.append(_text(section.text, limit, lang, spacing="Small", **style))
    if card.chart is not None and card.chart.series and card.chart.categories:
        body.append(chart_image(card.chart))
    body += _rows(card, lang)
    body += link_rows(bottom)
    if left_out:
        body.append(_text(t("teams.links_left_out", lang, count=left_out), 200, lang))
    return body


def chart_image(chart: Chart) -> dict[str, Any]:
    """The chart as a picture inside the card (a data URI: no link that could expire).

    Teams' own chart elements are not Adaptive Cards 1.5, which every card here is.
    Its numbers are in the card's facts too; the alternative text reads them out.
    """
    from bot.views.chart_png import png

    data = base64.b64encode(png(chart)).decode("ascii")
    spoken = "; ".join(
        f"{s.name}: "
        + ", ".join(f"{c} {v:g}" for c, v in zip(chart.categories, s.values, strict=True))
        for s in chart.series
    )
    return {
        "type": "Image",
        "url": f"data:image/png;base64,{data}",
        "altText": shorten(f"{chart.title}. {spoken}", 1000, "nl"),
        "size": "Stretch",
    }


def size(card: dict[str, Any]) -> int:
    return len(json.dumps(card, ensure_ascii=False).encode("utf-8"))


def text_card(
    title: str, lines: Iterable[str], lang: str = "nl", links: Sequence[Link] = ()
) -> dict[str, Any]:
    """A card of catalogue texts (help, protocol, explanations), no buttons; `links` to
    open under them (the printable protocol)."""
    body = [_text(title, 300, lang, size="Medium", weight="Bolder")]
    body += [_text(line, 3000, lang) for line in lines]
    body += link_rows(usable_links(links))
    return _wrap(body, [])


# -- forms -------------------------------------------------------------------------------


def _input(f: FormField, value: str | None, lang: str) -> dict:
    common: dict[str, Any] = {"id": f.name, "label": f.label, "isRequired": f.required}
    if f.required:
        common["errorMessage"] = t("field.required", lang)
    if f.kind in (FieldKind.LINE, FieldKind.TEXT):
        element = {"type": "Input.Text", **common, "isMultiline": f.kind is FieldKind.TEXT}
        if f.max_length:
            element["maxLength"] = f.max_length
    elif f.kind is FieldKind.DATE:
        element = {"type": "Input.Date", **common}
    else:
        if f.kind is FieldKind.YES_NO:
            choices = [
                {"title": t("yes", lang), "value": "true"},
                {"title": t("no", lang), "value": "false"},
            ]
        else:
            # A choice, or a person from the core's list of who may own a dossier.
            choices = [{"title": o.label[:100], "value": o.value} for o in f.options]
        element = {
            "type": "Input.ChoiceSet",
            **common,
            "choices": choices,
            "style": "expanded" if f.kind is FieldKind.YES_NO else "compact",
        }
        if f.placeholder and f.kind is not FieldKind.YES_NO:
            element["placeholder"] = f.placeholder
    if value not in (None, ""):
        element["value"] = str(value)
    return element


def render_form(
    form: Form,
    lang: str = "nl",
    *,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    """A form as a card: inputs with labels, errors under their field, submit and cancel.

    The submit carries a fresh nonce, so submitting the same card twice is one action.
    """
    values = values or {}
    errors = errors or {}
    body: list[dict[str, Any]] = [_text(form.title, 200, lang, size="Medium", weight="Bolder")]
    if form.dossier_number:
        body.append(_text(form.dossier_number, 50, lang, isSubtle=True, spacing="None"))
    if message:
        body.append(banner(message))
    for section in form.context:
        if section.title:
            body.append(_text(section.title, 200, lang, weight="Bolder", spacing="Small"))
        body.append(_text(section.text, 2000, lang, spacing="None"))
    for f in form.fields:
        value = values.get(f.name, f.initial)
        if f.max_length and isinstance(value, str):
            value = value[: f.max_length]
        body.append(_input(f, value, lang))
        if f.name in errors:
            body.append(_text(errors[f.name], 500, lang, color="Attention", spacing="None"))
    ids = control(action=form.action, dossier=form.dossier_number)
    actions = [
        execute(
            form.submit,
            "submit",
            {**ids, CONTROL: {**ids[CONTROL], "nonce": nonce()}},
            Style.PRIMARY,
            inputs=True,
        ),
        execute(t("card.cancel", lang), "cancel", ids),
    ]
    return _wrap(body, actions)


def confirm_card(button: Button, lang: str) -> dict[str, Any]:
    """Adaptive Cards have no confirm dialog: the click shows this card first."""
    assert button.confirm is not None
    yes = Button(**{**button.model_dump(), "confirm": None, "label": button.confirm.yes})
    body = [
        _text(button.confirm.title, 200, lang, size="Medium", weight="Bolder"),
        _text(button.confirm.text, 1000, lang),
    ]
    no = execute(button.confirm.no, "cancel", control(action=button.action, dossier=button.value))
    return _wrap(body, [button_action(yes), no])


def message_text(card: dict[str, Any]) -> str:
    """The first line of a card, as the notification preview."""
    for element in card.get("body", []):
        if element.get("type") == "TextBlock" and element.get("weight") == "Bolder":
            return str(element["text"]).replace("\\", "")[:200]
    return ""


def line_card(card: Card, lang: str = "nl") -> dict[str, Any]:
    """A short card as one message in a thread: its title, then each section's text."""
    return text_card(card.title, [s.text for s in card.sections], lang, card.links)
