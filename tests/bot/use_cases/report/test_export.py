"""The report's CSV and PDF hold every figure of the hand count (see expected.py)."""

from __future__ import annotations

import csv
import io
import re

from pypdf import PdfReader

from bot.use_cases.letters.company import Company
from bot.use_cases.report.export import csv_text
from bot.use_cases.report.pdf import report_pdf
from bot.use_cases.surfaces import Surface
from tests.bot.use_cases.report import scenario
from tests.bot.use_cases.report.expected import APRIL, MAY, REPORT

BREAKDOWNS = (
    "by_channel",
    "by_severity",
    "by_product",
    "by_practitioner",
    "directie_choices",
    "open_by_stage",
    "open_by_owner",
    "overdue_by_kind",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


async def test_the_csv_holds_every_figure_for_the_period_and_each_month(bot, team, clock):
    await scenario.walk(bot, team, clock)
    report = await bot.reports.report(team.coordinator, scenario.PERIOD, Surface.CLI)
    rows = list(csv.reader(io.StringIO(csv_text(report))))
    assert rows[0] == ["indicator", "2026-04-01..2026-05-31", "2026-04", "2026-05"]
    table = {row[0]: row[1:] for row in rows[1:]}
    assert table.pop("acknowledgement_term_working_days") == ["5"]
    for key, april in APRIL.items():
        if key != "month":
            assert table.pop(key) == [_cell(REPORT[key]), _cell(april), _cell(MAY[key])], key
    for name in BREAKDOWNS:
        for key, count in REPORT[name].items():
            assert table.pop(f"{name}.{key}") == [str(count)], f"{name}.{key}"
    for key in (
        "referred_to_committee",
        "escalated_dossiers",
        "repeat_customers",
        "repeat_dossiers",
        "open_now",
        "overdue_now",
        "overdue_dossiers",
    ):
        assert table.pop(key) == [_cell(REPORT[key])], key
    assert table == {}  # nothing else, and nothing twice


def _pdf_number(value: object) -> str:
    return "-" if value is None else str(value).replace(".", ",")


async def test_the_pdf_holds_the_figures_the_tables_and_the_numbers(bot, team, clock):
    await scenario.walk(bot, team, clock)
    report = await bot.reports.report(team.directie, scenario.PERIOD, Surface.CLI)
    company = Company(name="Orthopedische werkplaats", address=("Kerkstraat 12",))
    reader = PdfReader(io.BytesIO(report_pdf(report, company)))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    lines = {re.sub(r"\s+", " ", line).strip() for line in text.splitlines()}

    assert "Klachtenrapport april – mei 2026" in pages[0]
    assert "Jaarverslag klachten voor de directiebeoordeling" in pages[0]
    key_figures = {
        "Ontvangen": "received",
        "Bevestigd binnen de termijn": "acknowledged_within_term",
        "Bevestigd binnen de termijn (%)": "acknowledged_within_term_pct",
        "Te laat bevestigd": "acknowledged_late",
        "Niet bevestigd, termijn verstreken": "acknowledgement_overdue",
        "Werkdagen tot bevestiging (mediaan)": "acknowledgement_working_days_median",
        "Werkdagen tot bevestiging (P90)": "acknowledgement_working_days_p90",
        "Afgehandeld": "handled",
        "Dagen tot afgehandeld (mediaan)": "days_to_handled_median",
        "Dagen tot afgehandeld (P90)": "days_to_handled_p90",
        "Antwoord binnen de beslistermijn": "responded_within_term",
        "Antwoord binnen de beslistermijn (%)": "responded_within_term_pct",
        "Beslistermijn verlengd": "term_extended",
        "Naar de directie": "escalated",
        "Naar de directie (%)": "escalated_pct",
        "Heropend": "reopened",
        "Evaluatie: klant akkoord": "evaluation_agreed",
        "Evaluatie: klant niet akkoord": "evaluation_disagreed",
        "Gesloten": "closed",
        "Gesloten met akkoord klant": "closed_with_agreement",
        "Gesloten met akkoord klant (%)": "closed_with_agreement_pct",
        "Dagen tot gesloten (mediaan)": "days_to_closed_median",
        "Dagen tot gesloten (P90)": "days_to_closed_p90",
        "Gewezen op de klachtencommissie": "referred_to_committee",
        "Klanten met een herhaalde klacht (12 mnd)": "repeat_customers",
        "Nu open": "open_now",
        "Nu te laat": "overdue_now",
    }
    for label, key in key_figures.items():
        assert f"{label} {_pdf_number(REPORT[key])}" in lines, label
    # The months' table: received, in time, handled, closed, escalated, median days.
    assert "apr 2026 2 2 2 1 1 16" in lines
    assert "mei 2026 3 1 1 1 0 15" in lines
    for line in (
        "telefonisch 2",
        "website (Is alles naar wens?) 1",
        "ontevredenheidsformulier 1",
        "brief 1",
        "laag 1",
        "middel 2",
        "hoog 2",
        "Schoen 3",
        "Steunzool 1",
        "Jan 2",
        "Els 2",
        "Advies aan de eigenaar 1",
        "ontvangen 3",
        "toegewezen 1",
        "geëvalueerd 1",
        "ontvangstbevestiging 2",
        "statuscheck eigenaar 1",
        "beslistermijn 1",
        "zonder eigenaar 3",
        "Piet Jansen 1",
        "Sanne Smit 1",
    ):
        assert line in lines, line
    assert ", ".join(REPORT["overdue_dossiers"]) in text
    assert "Naar de directie (1)\nK-2026-0003" in text
    assert ", ".join(REPORT["repeat_dossiers"]) in text
    assert "Conclusies van de directie" in pages[-1]
    for private in ("Bakker", "Schoen knelt", "06-12345678"):
        assert private not in text
