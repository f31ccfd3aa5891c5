"""The documents: the customer's letters, the protocol handout, the copy of the complaint."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.catalogue import format_date, format_datetime, t
from bot.rules.deadlines import Terms
from bot.rules.dossier import Dossier
from bot.use_cases.letters import template
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.dutch import long_date, salutation
from bot.use_cases.letters.kinds import ACKNOWLEDGEMENT, LetterKind
from bot.use_cases.letters.offers import default_fields
from bot.use_cases.letters.pdf import LetterPdf


@dataclass(frozen=True)
class Sender:
    """Who signs the letter: the coordinator, or the directie for its own response."""

    name: str
    function: str  # "coördinator klachten", "directie"


def letter_values(
    kind: LetterKind,
    dossier: Dossier,
    fields: Mapping[str, Any],
    sender: Sender,
    company: Company,
    terms: Terms,
    today: date,
) -> dict[str, str]:
    """Every $placeholder a letter's template may use; none holds an internal note."""
    c = dossier.customer
    description = fields.get("description") or default_fields(ACKNOWLEDGEMENT, dossier)
    description = str(description if isinstance(description, str) else description["description"])
    new_due = fields.get("new_due")
    if isinstance(new_due, str):
        new_due = date.fromisoformat(new_due)
    return {
        "klant": c.name,
        "aanhef": salutation(c.name),
        "datum": long_date(today),
        "plaats_datum": f"{company.city}, {long_date(today)}" if company.city else long_date(today),
        "dossiernummer": dossier.number,
        "ontvangen_op": long_date(dossier.received_on),
        "kanaal": t(f"letter.channel.{dossier.channel.value}"),
        "omschrijving": description,
        "onderwerp": description,  # a company's older template: never the staff's summary
        "tekst": str(fields.get("text") or ""),
        "reden": str(fields.get("reason") or ""),
        "nieuwe_datum": long_date(new_due) if isinstance(new_due, date) else "",
        "coordinator": sender.name,
        "functie": sender.function,
        "beslisdatum": long_date(dossier.decision_due),
        "beslistermijn": str(terms.decision_weeks),
        "verlenging": str(terms.decision_extension_weeks),
        "commissie": company.committee or t("letter.committee"),
        "bedrijf": company.name,
        "telefoon": company.phone or "",
        "email": company.email or "",
        "website": company.website or t("letter.our_website"),
    }


def letter_pdf(
    kind: LetterKind, dossier: Dossier, values: Mapping[str, str], company: Company
) -> bytes:
    """The letter as a PDF, from its `letter_values`."""
    pdf = LetterPdf(company, t(f"letter.{kind.name}.title", number=dossier.number))
    c = dossier.customer
    pdf.address([c.name, *[line.strip() for line in (c.address or "").split(",") if line.strip()]])
    source = template.load(f"{kind.name}.txt", company.template(kind.name))
    template.render(pdf, template.fill(source, dict(values)))
    return pdf.render()


def protocol_pdf(company: Company, terms: Terms) -> bytes:
    """The procedure as a customer reads it: plain words, one A4 page."""
    pdf = LetterPdf(company, t("letter.protocol_title"))
    values = {
        "website": company.website or t("letter.our_website"),
        "bedrijf": company.name,
        "werkdagen": str(terms.acknowledgement_working_days),
        "beslistermijn": str(terms.decision_weeks),
        "commissie": company.committee or t("letter.committee"),
    }
    template.render(pdf, template.fill(template.load("protocol.txt"), values))
    return pdf.render()


def complaint_copy_pdf(
    dossier: Dossier, registered_by: str, company: Company, lang: str = "nl"
) -> bytes:
    """What the customer said, when, and to whom: the registration, for the pinboard."""
    d, c = dossier, dossier.customer
    pdf = LetterPdf(company, t("letter.copy_title", lang, number=d.number))
    pdf.heading(t("letter.copy_title", lang, number=d.number))
    pdf.facts(
        [
            (t("letter.copy.number", lang), d.number),
            (t("label.received_on", lang), format_date(d.received_on, lang)),
            (t("label.channel", lang), t(f"channel.{d.channel.value}", lang)),
            (
                t("letter.copy.registered", lang),
                t(
                    "letter.copy.registered_value",
                    lang,
                    at=format_datetime(d.registered_at, lang),
                    by=registered_by,
                ),
            ),
            (t("label.customer_name", lang), c.name),
            (t("label.customer_number", lang), c.number or t("letter.copy.unknown", lang)),
            (t("label.customer_email", lang), c.email or "-"),
            (t("label.customer_phone", lang), c.phone or "-"),
            (t("label.customer_address", lang), c.address or "-"),
            (t("label.practitioner", lang), d.complaint.practitioner or "-"),
            (t("label.product", lang), d.complaint.product or "-"),
        ]
    )
    pdf.heading(t("label.summary", lang))
    pdf.paragraph(d.complaint.summary)
    if d.complaint.details:
        pdf.heading(t("label.details", lang))
        pdf.paragraph(d.complaint.details)
    if d.complaint.remedy_requested:
        pdf.heading(t("label.remedy_requested", lang))
        pdf.paragraph(d.complaint.remedy_requested)
    return pdf.render()
