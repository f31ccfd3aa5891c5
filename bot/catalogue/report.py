"""The management report: its card, its PDF, its CSV's refusals and the command's words."""

MESSAGES = {
    "report.forbidden": (
        "Het klachtenrapport is voor de coördinator klachten en de directie.",
        "The complaints report is for the complaints coordinator and the directie.",
    ),
    "report.period_order": (
        "De periode klopt niet: {end} ligt voor {start}.",
        "The period is wrong: {end} comes before {start}.",
    ),
    "report.period_too_long": (
        "Een rapport beslaat hoogstens {years} jaar.",
        "A report covers at most {years} years.",
    ),
    "report.period_bad": (
        "Geef de periode als maand, kwartaal, jaar of twee datums: 2026-01-01 2026-12-31.",
        "Give the period as month, quarter, year or two dates: 2026-01-01 2026-12-31.",
    ),
    "report.file_unwritable": (
        "Kan {path} niet schrijven: {reason}",
        "Cannot write {path}: {reason}",
    ),
    "report.written": ("{what} geschreven: {path}", "{what} written: {path}"),
    "report.title": ("Klachtenrapport {period}", "Complaints report {period}"),
    "report.as_of": ("Stand van {moment}", "As of {moment}"),
    "report.received": ("Ontvangen", "Received"),
    "report.acknowledged_within": (
        "Binnen {days} werkdagen bevestigd",
        "Acknowledged within {days} working days",
    ),
    "report.of": ("{part} van {whole}{pct}", "{part} of {whole}{pct}"),
    "report.handled": ("Afgehandeld", "Handled"),
    "report.median_days": ("{count} · mediaan {days} dagen", "{count} · median {days} days"),
    "report.closed_agreed": ("Gesloten met akkoord klant", "Closed with the customer's agreement"),
    "report.escalated": ("Naar de directie", "Escalated to the directie"),
    "report.open_now": ("Nu open", "Open now"),
    "report.open_overdue": ("{open} · te laat {overdue}", "{open} · overdue {overdue}"),
    "report.repeat": ("Klanten met herhaalde klacht", "Customers complaining again"),
    "report.by_channel": ("Per kanaal", "By channel"),
    "report.chart_title": ("Klachten per maand", "Complaints per month"),
    "report.series_received": ("Ontvangen", "Received"),
    "report.series_within": ("Tijdig bevestigd", "Acknowledged in time"),
    "report.pdf_link": ("Rapport als PDF", "Report as PDF"),
    "report.pdf_off": (
        "Het rapport als PDF: zet KLACHTENBOT_PUBLIC_URL aan, of gebruik "
        "`klachtenbot rapport --pdf rapport.pdf` op de server.",
        "The report as PDF: switch on KLACHTENBOT_PUBLIC_URL, or use "
        "`klachtenbot rapport --pdf report.pdf` on the server.",
    ),
    "report.pdf_ask": (
        "Het rapport als PDF: typ {command}",
        "The report as PDF: type {command}",
    ),
    "chat.report_usage": (
        "Noem de periode: {command} rapport [maand|kwartaal|jaar|2026-01-01 2026-12-31].",
        "Name the period: {command} rapport [month|quarter|year|2026-01-01 2026-12-31].",
    ),
    # The PDF, the annual report for the management review.
    "report.pdf_subtitle": (
        "Jaarverslag klachten voor de directiebeoordeling",
        "Annual complaints report for the management review",
    ),
    "report.pdf_period": ("Periode: {start} tot en met {end}", "Period: {start} to {end}"),
    "report.pdf_privacy": (
        "Dit rapport bevat alleen aantallen en dossiernummers: geen namen van klanten en "
        "geen inhoud van klachten.",
        "This report holds numbers and dossier numbers only: no customers' names and no "
        "complaints' contents.",
    ),
    "report.pdf_figures": ("Kerncijfers", "Key figures"),
    "report.pdf_months": ("Per maand", "Per month"),
    "report.pdf_tables": ("Waarover en via welk kanaal", "About what, and through which channel"),
    "report.pdf_lists": ("Te late en geëscaleerde dossiers", "Overdue and escalated dossiers"),
    "report.pdf_overdue": ("Nu te laat ({count})", "Overdue now ({count})"),
    "report.pdf_escalated": ("Naar de directie ({count})", "Escalated to the directie ({count})"),
    "report.pdf_repeats": ("Herhaalde klachten ({count})", "Repeat complaints ({count})"),
    "report.pdf_none": ("Geen.", "None."),
    "report.pdf_more": ("en nog {count}", "and {count} more"),
    "report.pdf_conclusions": ("Conclusies van de directie", "The directie's conclusions"),
    "report.pdf_conclusions_hint": (
        "Ruimte voor de conclusies, besluiten en verbeteracties van de directiebeoordeling.",
        "Room for the conclusions, decisions and improvements of the management review.",
    ),
    "report.pdf_signed": ("Datum en paraaf directie:", "Date and initials of the directie:"),
    "report.pdf_page": ("Pagina {page}", "Page {page}"),
    "report.pdf_definitions": (
        "Definities: zie docs/report.md. Termijnen in werkdagen tellen weekenden, "
        "feestdagen en sluitingsdagen niet mee.",
        "Definitions: see docs/report.md. Terms in working days skip weekends, public "
        "holidays and closed days.",
    ),
    "report.col_indicator": ("Indicator", "Indicator"),
    "report.col_period": ("Periode", "Period"),
    "report.col_count": ("Aantal", "Count"),
    "report.col_month": ("Maand", "Month"),
    "report.no_owner": ("zonder eigenaar", "no owner"),
    "report.unknown": ("onbekend", "unknown"),
    "report.chart_ack": (
        "Ontvangen en tijdig bevestigd per maand",
        "Received and acknowledged in time per month",
    ),
    "report.chart_days": (
        "Dagen tot afgehandeld en gesloten (mediaan)",
        "Days to handled and closed (median)",
    ),
    "report.series_handled": ("Afgehandeld", "Handled"),
    "report.series_closed": ("Gesloten", "Closed"),
    "report.month_card_title": ("Klachtenrapport {period}", "Complaints report {period}"),
    # A label for each indicator (the JSON's keys), in the PDF's tables.
    "report.k.received": ("Ontvangen", "Received"),
    "report.k.acknowledged": ("Ontvangst bevestigd", "Acknowledged"),
    "report.k.acknowledged_within_term": (
        "Bevestigd binnen de termijn",
        "Acknowledged within the term",
    ),
    "report.k.acknowledged_within_term_pct": (
        "Bevestigd binnen de termijn (%)",
        "Acknowledged within the term (%)",
    ),
    "report.k.acknowledged_late": ("Te laat bevestigd", "Acknowledged late"),
    "report.k.acknowledgement_overdue": (
        "Niet bevestigd, termijn verstreken",
        "Not acknowledged, term passed",
    ),
    "report.k.acknowledgement_pending": (
        "Niet bevestigd, termijn loopt",
        "Not acknowledged, term running",
    ),
    "report.k.acknowledgement_working_days_median": (
        "Werkdagen tot bevestiging (mediaan)",
        "Working days to acknowledge (median)",
    ),
    "report.k.acknowledgement_working_days_p90": (
        "Werkdagen tot bevestiging (P90)",
        "Working days to acknowledge (P90)",
    ),
    "report.k.handled": ("Afgehandeld", "Handled"),
    "report.k.days_to_handled_median": (
        "Dagen tot afgehandeld (mediaan)",
        "Days to handled (median)",
    ),
    "report.k.days_to_handled_p90": ("Dagen tot afgehandeld (P90)", "Days to handled (P90)"),
    "report.k.responded_within_term": (
        "Antwoord binnen de beslistermijn",
        "Response within the decision term",
    ),
    "report.k.responded_within_term_pct": (
        "Antwoord binnen de beslistermijn (%)",
        "Response within the decision term (%)",
    ),
    "report.k.response_overdue": (
        "Geen antwoord, beslistermijn verstreken",
        "No response, decision term passed",
    ),
    "report.k.term_extended": ("Beslistermijn verlengd", "Decision term extended"),
    "report.k.escalated": ("Naar de directie", "Escalated to the directie"),
    "report.k.escalated_pct": ("Naar de directie (%)", "Escalated to the directie (%)"),
    "report.k.reopened": ("Heropend", "Reopened"),
    "report.k.evaluated": ("Geëvalueerd", "Evaluated"),
    "report.k.evaluation_agreed": ("Evaluatie: klant akkoord", "Evaluation: customer agrees"),
    "report.k.evaluation_disagreed": (
        "Evaluatie: klant niet akkoord",
        "Evaluation: customer disagrees",
    ),
    "report.k.closed": ("Gesloten", "Closed"),
    "report.k.closed_with_agreement": (
        "Gesloten met akkoord klant",
        "Closed with the customer's agreement",
    ),
    "report.k.closed_with_agreement_pct": (
        "Gesloten met akkoord klant (%)",
        "Closed with agreement (%)",
    ),
    "report.k.days_to_closed_median": ("Dagen tot gesloten (mediaan)", "Days to closed (median)"),
    "report.k.days_to_closed_p90": ("Dagen tot gesloten (P90)", "Days to closed (P90)"),
    "report.k.referred_to_committee": (
        "Gewezen op de klachtencommissie",
        "Referred to the complaints committee",
    ),
    "report.k.repeat_customers": (
        "Klanten met een herhaalde klacht (12 mnd)",
        "Customers with a repeat complaint (12 mo.)",
    ),
    "report.k.open_now": ("Nu open", "Open now"),
    "report.k.overdue_now": ("Nu te laat", "Overdue now"),
    # The PDF's table headers.
    "report.t.by_channel": ("Kanaal", "Channel"),
    "report.t.by_severity": ("Ernst", "Severity"),
    "report.t.by_product": ("Product of dienst", "Product or service"),
    "report.t.by_practitioner": ("Behandelaar", "Practitioner"),
    "report.t.directie_choices": ("Keuze van de directie", "The directie's choice"),
    "report.t.open_by_stage": ("Nu open, per fase", "Open now, by stage"),
    "report.t.overdue_by_kind": ("Nu te laat, per termijn", "Overdue now, by term"),
    "report.t.open_by_owner": ("Nu open, per eigenaar", "Open now, by owner"),
}
