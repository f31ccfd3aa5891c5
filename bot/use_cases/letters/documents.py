"""The three documents: acknowledgement letter, protocol handout, copy of the complaint."""

from __future__ import annotations

from datetime import date

from bot.catalogue import format_date, format_datetime, t
from bot.rules.deadlines import Terms
from bot.rules.dossier import Dossier
from bot.use_cases.letters import template
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.pdf import LetterPdf, long_date


def acknowledgement_values(
    dossier: Dossier, coordinator: str, company: Company, terms: Terms, today: date
) -> dict[str, str]:
    c = dossier.customer
    city = company.address[-1].split(" ", 2)[-1] if company.address else ""
    return {
        "klant": c.name,
        "adres": (c.address or "").replace(", ", "\n"),
        "datum": long_date(today),
        "plaats_datum": f"{city}, {long_date(today)}" if city else long_date(today),
        "dossiernummer": dossier.number,
        "ontvangen_op": long_date(dossier.received_on),
        "kanaal": t(f"letter.channel.{dossier.channel.value}"),
        "onderwerp": dossier.complaint.summary,
        "coordinator": coordinator,
        "beslisdatum": long_date(dossier.decision_due),
        "beslistermijn": str(terms.decision_weeks),
        "verlenging": str(terms.decision_extension_weeks),
        "commissie": company.committee or t("letter.committee"),
        "bedrijf": company.name,
        "telefoon": company.phone or "",
        "email": company.email or "",
    }


def acknowledgement_pdf(
    dossier: Dossier,
    coordinator: str,
    company: Company,
    terms: Terms,
    today: date,
) -> bytes:
    values = acknowledgement_values(dossier, coordinator, company, terms, today)
    pdf = LetterPdf(company, t("letter.acknowledgement_title", number=dossier.number))
    source = template.load("ontvangstbevestiging.txt", company.letter_template)
    template.render(pdf, template.fill(source, values))
    return pdf.render()


def protocol_pdf(company: Company) -> bytes:
    pdf = LetterPdf(company, t("letter.protocol_title"))
    values = {"website": company.website or t("letter.our_website"), "bedrijf": company.name}
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
