"""The readable summary of one dossier in a customer's export: a standalone HTML page.

Everything the dossier holds, its whole timeline and its documents (linked to the
files beside it in the archive). Every value is escaped: most of it is what people
typed.
"""

from __future__ import annotations

from html import escape
from typing import Any

from bot.catalogue import format_date, format_datetime, has, t
from bot.rules.dossier import Dossier
from bot.rules.events import Event
from bot.use_cases.documents import StoredDocument
from bot.use_cases.ports import Deadline

_STYLE = (
    "body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}"
    "th{text-align:left;vertical-align:top;padding-right:1em}td{vertical-align:top}"
    "table{border-collapse:collapse;margin-bottom:1em}.t td,.t th{border-bottom:1px solid #ccc;"
    "padding:.3em .5em}"
)


def _rows(rows: list[tuple[str, Any]]) -> str:
    cells = "".join(
        f"<tr><th>{escape(label)}</th><td>{_text(value)}</td></tr>"
        for label, value in rows
        if value not in (None, "")
    )
    return f"<table>{cells}</table>"


def _text(value: Any) -> str:
    return escape(str(value)).replace("\n", "<br>")


def _facts(d: Dossier, names: dict[int, str], lang: str) -> list[tuple[str, Any]]:
    c, k = d.customer, d.complaint
    rows: list[tuple[str, Any]] = [
        (t("export.number", lang), d.number),
        (t("card.state", lang), t(f"state.{d.state.value}", lang)),
        (t("card.received", lang), format_date(d.received_on, lang)),
        (t("export.channel", lang), t(f"channel.{d.channel.value}", lang)),
        (t("label.customer_name", lang), c.name),
        (t("label.customer_number", lang), c.number),
        (t("label.customer_email", lang), c.email),
        (t("label.customer_phone", lang), c.phone),
        (t("label.customer_address", lang), c.address),
        (t("label.practitioner", lang), k.practitioner),
        (t("label.product", lang), k.product),
        (t("label.summary", lang), k.summary),
        (t("label.details", lang), k.details),
        (t("label.remedy_requested", lang), k.remedy_requested),
        (t("card.severity", lang), t(f"severity.{k.severity}", lang)),
    ]
    if d.acknowledgement:
        method = t(f"method.{d.acknowledgement.method.value}", lang)
        rows.append((t("card.acknowledged", lang), f"{d.acknowledgement.sent_on} ({method})"))
    if d.assignment:
        rows.append((t("card.owner", lang), names.get(d.assignment.owner_id, "-")))
    if d.escalation:
        rows.append((t("card.escalation", lang), d.escalation.reason))
    rows.append((t("card.solution", lang), d.solution))
    if d.evaluation:
        agrees = t("card.agrees" if d.evaluation.customer_agrees else "card.disagrees", lang)
        rows.append((t("card.evaluation", lang), f"{d.evaluation.outcome} ({agrees})"))
        rows.append((t("label.remarks", lang), d.evaluation.remarks))
    if d.closed_at:
        rows.append((t("export.closed", lang), format_datetime(d.closed_at, lang)))
    return rows


def _label(field: str, lang: str) -> str:
    return t(f"label.{field}", lang) if has(f"label.{field}") else field


def _timeline(events: list[Event], lang: str) -> str:
    lines = []
    for e in events:
        said = "<br>".join(
            f"{escape(_label(k, lang))}: {_text(v)}"
            for k, v in e.data.items()
            if v not in (None, "", [])
        )
        lines.append(
            f"<tr><td>{escape(format_datetime(e.at, lang))}</td><td>{escape(e.actor_name)}</td>"
            f"<td>{escape(t(f'action.{e.action}', lang))}</td><td>{said}</td></tr>"
        )
    return f'<table class="t">{"".join(lines)}</table>'


def dossier_html(
    dossier: Dossier,
    timeline: list[Event],
    deadlines: list[Deadline],
    documents: list[tuple[StoredDocument, str]],
    names: dict[int, str],
    lang: str,
) -> str:
    """`documents`: each with its path in the archive, relative to this page."""
    title = escape(t("export.title", lang, number=dossier.number))
    files = "".join(
        f'<li><a href="{escape(path)}">{escape(doc.filename)}</a> '
        f"({escape(format_datetime(doc.created_at, lang))})</li>"
        for doc, path in documents
    )
    due = "".join(
        f"<li>{escape(t(f'deadline.{d.kind.value}', lang))}: {escape(format_date(d.due_on, lang))}"
        f"</li>"
        for d in deadlines
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1>"
        f"{_rows(_facts(dossier, names, lang))}"
        f"<h2>{escape(t('card.timeline', lang))}</h2>{_timeline(timeline, lang)}"
        f"<h2>{escape(t('export.documents', lang))}</h2>"
        f"<ul>{files or '<li>-</li>'}</ul>"
        f"<h2>{escape(t('card.deadlines', lang))}</h2><ul>{due or '<li>-</li>'}</ul>"
        "</body></html>"
    )
