"""A dossier full of one customer's data, walked to its close, for the privacy tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL as MIRROR
from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    ReportStatus,
)
from tests.bot.use_cases.documents.pdfs import pdf_from
from tests.helpers import registration

# Every string below is the customer's, or about them: none may survive anonymisation.
CUSTOMER = {
    "customer_number": "8675309",
    "customer_name": "Wilhelmina Zwanenburg-Oosterveld",
    "customer_email": "w.zwanenburg@voorbeeld-klant.nl",
    "customer_phone": "06-98765432",
    "customer_address": "Lindenlaan 77, 9999 XQ Groningen",
    "summary": "Blaar op de hiel door de Zwanenburgschoen",
    "details": "Diabetische voet, wondje sinds oktober",
    "remedy_requested": "Nieuwe binnenzool gewenst Q7X",
}
TEXTS = {
    "note": "Klant belde: pijnlijke wond XJ42",
    "status": "Afspraak gemaakt met mevrouw Oosterveld",
    "escalation": "Klant dreigt met advocaat Kwakernaak",
    "decision": "Bied kosteloze herstelling Pelikaanstraat",
    "solution": "Schoen opgerekt bij de hiel Tjallingsma",
    "outcome": "Tevreden maar wond nog open Hoogeveenstra",
    "remarks": "Volgt fysiotherapie bij Marjoleinhof",
    "document": "Geheime klachtbrief KZ-5521-Brievenbus",
    "filename": "brief_wilhelmina.pdf",
}
SECRETS = [
    "8675309",
    "Zwanenburg",
    "Oosterveld",
    "voorbeeld-klant",
    "98765432",
    "Lindenlaan",
    "Diabetische",
    "binnenzool gewenst Q7X",
    "XJ42",
    "Kwakernaak",
    "Pelikaanstraat",
    "Tjallingsma",
    "Hoogeveenstra",
    "Marjoleinhof",
    "KZ-5521",
    "wilhelmina",
]
# What anonymisation keeps: staff names, the practitioner and the product type.
KEPT = ["Anna de Vries", "Piet Jansen", "Jan Willems", "Orthopedische schoen links"]


def letter_pdf(text: str) -> bytes:
    """A one-page PDF whose content stream says `text` (readable in its bytes)."""
    stream = b"BT /F1 12 Tf 72 712 Td (" + text.encode() + b") Tj ET"
    return pdf_from(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    )


async def closed_dossier(bot: Any, team: Any, **overrides: Any) -> str:
    """A dossier through every step, with a scanned letter, closed with agreement."""
    c, coordinator, owner = bot.complaints, team.coordinator, team.owner
    number = (
        await c.register(coordinator, registration(**{**CUSTOMER, **overrides}))
    ).dossier.number
    await c.act(coordinator, number, Acknowledge(sent_on=date(2026, 11, 24), method="post"))
    await c.act(coordinator, number, Assign(owner_id=owner.id))
    await bot.documents.attach(
        coordinator, number, TEXTS["filename"], letter_pdf(TEXTS["document"])
    )
    await c.act(owner, number, ReportStatus(text=TEXTS["status"]))
    await c.act(owner, number, AddNote(text=TEXTS["note"]))
    await c.act(owner, number, Escalate(reason=TEXTS["escalation"]))
    await c.act(team.directie, number, Decide(choice="advies", text=TEXTS["decision"]))
    await c.act(owner, number, MarkHandled(solution=TEXTS["solution"]))
    await c.act(
        coordinator,
        number,
        Evaluate(outcome=TEXTS["outcome"], remarks=TEXTS["remarks"], customer_agrees=True),
    )
    await c.act(coordinator, number, Close())
    return number


async def close(bot: Any, team: Any, number: str) -> None:
    """The shortest way to a closed dossier: acknowledged, handled, evaluated, closed."""
    c, coordinator = bot.complaints, team.coordinator
    await c.act(coordinator, number, Acknowledge(sent_on=date(2026, 11, 24), method="post"))
    await c.act(coordinator, number, Assign(owner_id=team.owner.id))
    await c.act(team.owner, number, MarkHandled(solution="Opgelost"))
    await c.act(coordinator, number, Evaluate(outcome="Tevreden", customer_agrees=True))
    await c.act(coordinator, number, Close())


async def tick_mirror(bot: Any, team: Any) -> int:
    """The coordinator enters every checklist item in Orthomatic (there is no bridge)."""
    items = await bot.outbox.items(OutboxStatus.MANUAL, limit=10_000, channel=MIRROR)
    for item in items:
        await bot.checklist.tick(team.coordinator, item.id)
    return len(items)
