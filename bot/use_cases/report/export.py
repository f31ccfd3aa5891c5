"""The report as CSV: one row per indicator, the period's value and each month's.

The keys are the JSON's (docs/report.md); a breakdown's rows are `by_channel.brief`
and so on, a list of dossier numbers is one cell with the numbers apart by spaces.
An empty cell is a figure that does not exist (a median of nothing).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from bot.use_cases.report.figures import Report

_AFTER_MONTHS = (
    "by_channel",
    "by_severity",
    "by_product",
    "by_practitioner",
    "directie_choices",
    "referred_to_committee",
    "escalated_dossiers",
    "repeat_customers",
    "repeat_dossiers",
    "open_now",
    "open_by_stage",
    "open_by_owner",
    "overdue_now",
    "overdue_by_kind",
    "overdue_dossiers",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def csv_text(report: Report) -> str:
    data = report.as_json()
    months = data["months"]
    assert isinstance(months, list)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", f"{report.start}..{report.end}", *(m["month"] for m in months)])
    writer.writerow(["acknowledgement_term_working_days", report.acknowledgement_working_days])
    for name, value in report.total.figures().items():
        writer.writerow([name, _cell(value), *(_cell(m[name]) for m in months)])
    for name in _AFTER_MONTHS:
        value = data[name]
        if isinstance(value, dict):
            for key, count in value.items():
                writer.writerow([f"{name}.{key}", _cell(count)])
        else:
            writer.writerow([name, _cell(value)])
    return out.getvalue()
