"""Block Kit rendering of the core's `Card`: escaped, and always within Slack's limits.

Every string in a `Card` is plain text as a person typed it. In mrkdwn Slack
reads `<!channel>`, `<@U123>` and `<https://x|y>` as mentions and links, so
`&`, `<` and `>` are escaped in every text this module writes. Too much content
(a very long timeline or complaint) is shortened with a marker from the
catalogue rather than refused by Slack.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from adapters.slack.ids import ACTION_PREFIX, encode_value
from bot.catalogue import t
from bot.views.cards import Button, Card, Chart, Fact, Link, Style

# Slack's limits (Block Kit reference).
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100  # modals and the App Home
SECTION_TEXT = 3000
FIELD_TEXT = 2000
SECTION_FIELDS = 10
HEADER_TEXT = 150
BUTTON_TEXT = 75
ACTIONS_ELEMENTS = 25
CONTEXT_TEXT = 3000
CONFIRM_TITLE = 100
CONFIRM_TEXT = 300
CONFIRM_BUTTON = 30
FALLBACK_TEXT = 3000  # the notification text; Slack allows more, nobody reads more
URL = 3000  # a link button's url
# The data visualization block: a title, at most 6 series, a legend name and a category
# of at most 20 characters each, at most two charts in a message.
CHART_TITLE = 50
CHART_SERIES = 6
CHART_LABEL = 20
LINK_ID = f"{ACTION_PREFIX}link"  # link buttons: Slack still sends their click, which is acked

Block = dict[str, Any]


def escape(text: str) -> str:
    """Make user text inert in mrkdwn: no mentions, no links, no channel pings."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit(text: str, limit: int, marker: str) -> str:
    """`text` if it fits, else shortened so that text, space and marker fit `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(marker) - 1)]
    # Never leave half an escape such as "&am" behind.
    amp = cut.rfind("&", max(0, len(cut) - 5))
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return f"{cut.rstrip()} {marker}"[:limit]


def mrkdwn(text: str, limit: int, lang: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": fit(escape(text), limit, t("slack.truncated", lang))}


def plain(text: str, limit: int, lang: str = "nl") -> dict[str, Any]:
    # plain_text is never parsed for mentions; only its length needs care.
    return {"type": "plain_text", "text": fit(text, limit, t("slack.truncated", lang))}


# Slack has no text colour: what is overdue gets the warning sign and bold type.
ATTENTION = ":warning: "


def fact_field(fact: Fact, lang: str) -> dict[str, str]:
    """A fact as a field; a tel: or mailto: value becomes a link a phone can follow."""
    if not fact.link:
        return titled(fact.label, fact.value, FIELD_TEXT, lang)
    # The core built the address from checked characters only (no "|", "<" or ">").
    value = fit(escape(fact.value), 200, t("slack.truncated", lang))
    return {"type": "mrkdwn", "text": f"*{escape(fact.label)}*\n<{fact.link}|{value}>"}


def titled(title: str | None, text: str, limit: int, lang: str) -> dict[str, str]:
    """A bold title above a text, both escaped, within `limit`."""
    head = f"*{escape(title)}*\n" if title else ""
    body = fit(escape(text), limit - len(head), t("slack.truncated", lang))
    return {"type": "mrkdwn", "text": head + body}


def button(b: Button, index: int, lang: str, version: int | None = None) -> Block:
    element: Block = {
        "type": "button",
        "action_id": f"{ACTION_PREFIX}{b.action}.{index}",
        "text": plain(b.label, BUTTON_TEXT, lang),
        "value": encode_value(b.value, b.action, version, b.data),
    }
    if b.style is not Style.DEFAULT:
        element["style"] = b.style.value
    if b.confirm:
        element["confirm"] = {
            "title": plain(b.confirm.title, CONFIRM_TITLE, lang),
            "text": plain(b.confirm.text, CONFIRM_TEXT, lang),
            "confirm": plain(b.confirm.yes, CONFIRM_BUTTON, lang),
            "deny": plain(b.confirm.no, CONFIRM_BUTTON, lang),
            "style": "danger",
        }
    return element


def action_blocks(buttons: list[Button], lang: str, version: int | None = None) -> list[Block]:
    elements = [button(b, i, lang, version) for i, b in enumerate(buttons)]
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_ELEMENTS]}
        for i in range(0, len(elements), ACTIONS_ELEMENTS)
    ]


def link_blocks(links: list[Link], lang: str) -> list[Block]:
    """Buttons that open a link in the browser (a download, the printable protocol)."""
    elements: list[Block] = [
        {
            "type": "button",
            "action_id": f"{LINK_ID}.{i}",
            "text": plain(link.label, BUTTON_TEXT, lang),
            "url": link.url,
        }
        for i, link in enumerate(links)
        if len(link.url) <= URL
    ]
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_ELEMENTS]}
        for i in range(0, len(elements), ACTIONS_ELEMENTS)
    ]


def reply_blocks(text: str, links: list[Link], lang: str) -> list[Block]:
    """A private answer: a text (escaped) and its links."""
    section = {"type": "section", "text": mrkdwn(text, SECTION_TEXT, lang)}
    return [section, *link_blocks(links, lang)[: MESSAGE_BLOCKS - 1]]


def chart_block(chart: Chart, lang: str) -> Block:
    """Slack's own bar chart. Its texts are plain (never parsed for mentions)."""
    categories = [_label(c) for c in chart.categories]
    return {
        "type": "data_visualization",
        "title": fit(chart.title, CHART_TITLE, t("slack.truncated", lang)),
        "chart": {
            "type": "bar",
            "series": [
                {
                    "name": _label(series.name),
                    "data": [
                        {"label": label, "value": value}
                        for label, value in zip(categories, series.values, strict=True)
                    ],
                }
                for series in chart.series[:CHART_SERIES]
            ],
            "axis_config": {"categories": categories},
        },
    }


def _label(text: str) -> str:
    return fit(text, CHART_LABEL, "…")


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def card_blocks(
    card: Card,
    lang: str = "nl",
    *,
    version: int | None = None,
    max_blocks: int = MESSAGE_BLOCKS,
    number: str | None = None,
) -> list[Block]:
    """The card as blocks: header, facts, sections, buttons; never over `max_blocks`."""
    head: list[Block] = [{"type": "header", "text": plain(card.title, HEADER_TEXT, lang)}]
    if card.subtitle:
        head.append({"type": "context", "elements": [mrkdwn(card.subtitle, CONTEXT_TEXT, lang)]})
    if card.headlines:
        lines = [
            f"{ATTENTION}*{escape(h.text)}*" if h.attention else escape(h.text)
            for h in card.headlines
        ]
        text = fit("\n".join(lines), SECTION_TEXT, t("slack.truncated", lang))
        head.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    # The next step right under what the card says about it; Slack wraps the buttons,
    # so the rest follow in the same row instead of behind "Meer…".
    head += action_blocks([*card.buttons, *card.more], lang, version)
    body: list[Block] = []
    for facts in _chunks(card.facts, SECTION_FIELDS):
        body.append({"type": "section", "fields": [fact_field(f, lang) for f in facts]})
    for section in card.sections:
        text = titled(section.title, section.text, SECTION_TEXT - len(ATTENTION), lang)
        if section.attention:
            text["text"] = ATTENTION + text["text"]
        body.append({"type": "section", "text": text})
    if card.chart is not None and card.chart.series and card.chart.categories:
        body.append(chart_block(card.chart, lang))
    body += _row_blocks(card, lang, version)
    tail = link_blocks(card.links, lang)

    room = max_blocks - len(tail) - len(head)
    if len(body) > room:
        marker = (
            t("slack.truncated_blocks", lang, number=number)
            if number
            else t("slack.truncated", lang)
        )
        body = body[: max(0, room - 1)]
        body.append({"type": "context", "elements": [mrkdwn(marker, CONTEXT_TEXT, lang)]})
    return head + body + tail


def _row_blocks(card: Card, lang: str, version: int | None) -> list[Block]:
    """The checklist: a line per item and its buttons under it."""
    if not card.rows:
        return []
    title = {"type": "mrkdwn", "text": f"*{escape(card.rows_title or '')}*"}
    blocks: list[Block] = [{"type": "section", "text": title}]
    offset = len(card.buttons) + len(card.more)  # action ids stay unique in the message
    for row in card.rows:
        blocks.append({"type": "context", "elements": [mrkdwn(row.text, CONTEXT_TEXT, lang)]})
        if row.buttons:
            elements = [button(b, offset + i, lang, version) for i, b in enumerate(row.buttons)]
            blocks.append({"type": "actions", "elements": elements})
            offset += len(row.buttons)
    return blocks


def fallback_text(card: Card) -> str:
    """The notification text of a message (what a phone shows); escaped like the rest."""
    return fit(escape(card.title), FALLBACK_TEXT, "...")


def line_blocks(card: Card, lang: str = "nl") -> tuple[str, list[Block]]:
    """A short card as one message in a thread: its title as the line, each section
    quoted under it. Returns the notification text and the blocks."""
    line = escape(card.title)
    for section in card.sections:
        line += "\n> " + escape(section.text).replace("\n", "\n> ")
    line = fit(line, SECTION_TEXT, t("slack.truncated", lang))
    return line, [{"type": "section", "text": {"type": "mrkdwn", "text": line}}]
